using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Domain.Access;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.Errors;

namespace Safeguard.Web.Pages.Approvals;

/// <summary>
/// The approver approves or rejects (with the reason) roles asked for an account. Approving a new account shows, once, the link with
/// which its holder sets their own password.
/// </summary>
[Authorize(Policy = Policies.AccessApprover)]
public sealed class DecideModel(RoleGrants grants) : PageModel, IMapsRuleFields
{
    public RoleGrantView Grant { get; private set; } = null!;

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>Shown once, on the page that approves: the link and when it stops working.</summary>
    public RoleGrantDecided? Decided { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var input = new RoleGrantDecisionInput
        {
            Decision = Enum.TryParse<RoleGrantDecision>(Decision, out var decision) ? decision : null,
            Reason = Reason,
        };
        Decided = await grants.DecideAsync(id, User.PractitionerId()!.Value, input, cancellationToken);
        if (Decided is null)
        {
            return NotFound();
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public string FormKeyFor(string domainField) => domainField == nameof(RoleGrantDecisionInput.Decision) ? nameof(Decision) : nameof(Reason);

    /// <summary>Only grants waiting for this approver, or that they decided, are shown to them.</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var waiting = await grants.WaitingForAsync(User.PractitionerId()!.Value, cancellationToken);
        var grant = waiting.SingleOrDefault(g => g.Id == id);
        if (grant is null && Decided is not null)
        {
            grant = (await grants.AllAsync(null, cancellationToken)).SingleOrDefault(g => g.Id == id);
        }

        Grant = grant!;
        return grant is not null;
    }
}
