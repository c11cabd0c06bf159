using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.DataProtection;
using Safeguard.Web.Authorization;
using Safeguard.Web.DataProtection;
using Safeguard.Web.Errors;
using Safeguard.Web.Forms;

namespace Safeguard.Web.Pages.DataProtection;

/// <summary>Records a request: first find the child's record it concerns, then who asked, when, and what they asked.</summary>
[Authorize(Policy = Policies.DataProtection)]
public sealed class NewModel(SafeguardDbContext db, AuditLog audit, DataProtectionSteps steps) : PageModel, IMapsRuleFields
{
    public static readonly IReadOnlyList<string> FieldOrder = [nameof(Kind), nameof(RequesterName), nameof(Relationship), nameof(ReceivedOn), nameof(Details)];

    [BindProperty(SupportsGet = true)]
    public Guid? ChildId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? GivenName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FamilyName { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateField DateOfBirth { get; set; } = new();

    /// <summary>Whether a complete search was made (and so whether to say that nothing was found).</summary>
    public bool Searched { get; private set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? RequesterName { get; set; }

    [BindProperty]
    public string? Relationship { get; set; }

    [BindProperty]
    public DateField ReceivedOn { get; set; } = new();

    [BindProperty]
    public string? Details { get; set; }

    public string? ChildName { get; private set; }

    public IReadOnlyList<(Guid Id, string Name, DateOnly? DateOfBirth)> Results { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (ChildId is not null)
        {
            if (!await LoadChildAsync(cancellationToken))
            {
                return NotFound();
            }

            await audit.SearchedAsync("Chose the record a data protection request is about", [ChildId.Value], Policies.DataProtectionBasis, cancellationToken);
            return Page();
        }

        if (await ExactChildPicker.FindAsync(db, audit, ModelState, GivenName, FamilyName, DateOfBirth, Policies.DataProtectionBasis, cancellationToken)
            is { } found)
        {
            Searched = true;
            Results = [.. found.Select(f => (f.Id, f.Name, f.DateOfBirth))];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ChildId is null || !await LoadChildAsync(cancellationToken))
        {
            return NotFound();
        }

        var received = ReceivedOn.Read(ModelState, nameof(ReceivedOn), "The date received");
        var input = new NewRequestInput(ChildId, Enum.TryParse<RequestKind>(Kind, out var kind) ? kind : null, RequesterName,
            Enum.TryParse<RequesterRelationship>(Relationship, out var relationship) ? relationship : null, received, Details);
        foreach (var (_, field, message) in input.Missing().Where(m => ModelState.ErrorFor(m.Field) is null))
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var request = await steps.ReceiveAsync(User, input, cancellationToken);
        return Redirect($"/data-protection/requests/{request.Id}");
    }

    public string FormKeyFor(string domainField) => domainField == "ChildId" ? nameof(Kind) : domainField;

    private async Task<bool> LoadChildAsync(CancellationToken cancellationToken)
    {
        ChildName = await db.Children.Where(c => c.Id == ChildId).Select(c => c.GivenName + " " + c.FamilyName).SingleOrDefaultAsync(cancellationToken);
        ViewData["FieldOrder"] = FieldOrder;
        return ChildName is not null;
    }
}
