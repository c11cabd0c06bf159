using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Web.Account;

namespace Safeguard.Web.Pages.Account;

/// <summary>
/// Which area the account works in: its own, or one it is a member of (<see cref="WorkingArea"/>). Choosing one changes the sign-in
/// cookie for this session; every page and API request then works in that area alone, and is audited there.
/// </summary>
[Authorize]
public sealed class AreaModel(SafeguardDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<(Guid AreaId, string Name, bool Own)> Areas { get; private set; } = [];

    [BindProperty]
    public Guid? Area { get; set; }

    public bool Changed { get; private set; }

    public async Task OnGetAsync(bool changed, CancellationToken cancellationToken)
    {
        Areas = await WorkingArea.AreasOfAsync(HttpContext.RequestServices, User, cancellationToken);
        Area = User.AreaId();
        Changed = changed;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Areas = await WorkingArea.AreasOfAsync(HttpContext.RequestServices, User, cancellationToken);
        if (Area is not { } chosen || Areas.All(a => a.AreaId != chosen))
        {
            ModelState.AddModelError(nameof(Area), "Select an area you work in.");
            return Page();
        }

        var cookie = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (cookie.Principal is null)
        {
            return Challenge();
        }

        // The choice is audited in the area chosen, as the member there.
        db.WorkInArea(chosen, await db.PartnershipOfAsync(chosen, cancellationToken));
        new AuditLog(db, time).Changed("WorkingArea", chosen, "The account chose the area it works in",
            $"Now working in {Areas.Single(a => a.AreaId == chosen).Name}");
        await db.SaveChangesAsync(cancellationToken);
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, WorkingArea.Choosing(cookie.Principal, chosen), cookie.Properties);
        return RedirectToPage(new { changed = true });
    }
}
