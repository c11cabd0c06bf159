using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.Administrator)]
public sealed class NewModel(SafeguardDbContext db, AddAccount add) : PageModel
{
    /// <summary>The roles an administrator may give; everyone keeps the practitioner role.</summary>
    public static readonly IReadOnlyList<PractitionerRole> GrantableRoles = [.. Enum.GetValues<PractitionerRole>().Where(r => r != PractitionerRole.Practitioner)];

    public static readonly IReadOnlyList<string> FieldOrder =
        ["Input.GivenName", "Input.FamilyName", "Input.Email", "Input.JobTitle", "Input.AgencyId", "Input.Roles", "Input.Registration"];

    [BindProperty]
    public NewAccountInput Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAgenciesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAgenciesAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var account = await add.HandleAsync(User.AreaId()!.Value, User.PractitionerId(), Input, cancellationToken);
        return Redirect($"/admin/users/{account.Id}");
    }

    private async Task LoadAgenciesAsync(CancellationToken cancellationToken) =>
        Agencies = [.. (await db.Agencies.OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken)).Select(a => (a.Id, a.Name))];
}

/// <summary>The roles checkboxes: the form key they post as, and which are ticked.</summary>
public sealed record RoleChoices(string Key, IReadOnlyCollection<PractitionerRole> Selected);
