using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Data;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.Errors;

namespace Safeguard.Web.Pages.Admin.Users;

/// <summary>One account: change its roles, lock or unlock it, reset its two-factor authentication.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AccountModel(SafeguardDbContext db, ManageAccount manage, TimeProvider time) : PageModel, IMapsRuleFields
{
    [BindProperty]
    public List<PractitionerRole> Roles { get; set; } = [];

    [BindProperty]
    public string? Registration { get; set; }

    public AccountView Account { get; private set; } = null!;

    [TempData]
    public string? Done { get; set; }

    public bool IsSelf => Account.Id.ToString() == User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string FormKeyFor(string domainField) => domainField;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Roles = [.. Account.Roles];
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var waits = await manage.ChangeRolesAsync(AreaId, ActingUserId, User.PractitionerId(), id, Roles, Registration, cancellationToken);
        if (waits is null)
        {
            return NotFound();
        }

        Done = waits.Value
            ? "The change gives roles that reach case records: it waits for approval by a social work qualified manager of the service or the agency's named safeguarding lead, and changes nothing until then."
            : "Roles changed. They apply from the person's next page, within a minute.";
        return Redirect($"/admin/users/{id}");
    }

    public Task<IActionResult> OnPostLockAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Account locked. The person is signed out within a minute and cannot sign in until it is unlocked.",
            () => manage.LockAsync(AreaId, ActingUserId, id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Account unlocked. The person can sign in again.",
            () => manage.UnlockAsync(AreaId, id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostResetTwoFactorAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Two-factor authentication reset. The person sets it up again from Account security after signing in.",
            () => manage.ResetTwoFactorAsync(AreaId, ActingUserId, id, cancellationToken), cancellationToken);

    private Guid AreaId => User.AreaId()!.Value;

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    /// <summary>Loads the account first, so that a refused change (a broken rule) shows this page with its error summary.</summary>
    private async Task<IActionResult> ChangeAsync(Guid id, string done, Func<Task<bool>> change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !await change())
        {
            return NotFound();
        }

        Done = done;
        return Redirect($"/admin/users/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var account = await AccountQueries.FindAsync(db, AreaId, id, time, cancellationToken);
        Account = account!;
        return account is not null;
    }
}
