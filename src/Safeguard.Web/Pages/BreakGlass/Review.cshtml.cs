using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain.Access;
using Safeguard.Web.Access;
using Safeguard.Web.Authorization;
using Safeguard.Web.Errors;

namespace Safeguard.Web.Pages.BreakGlass;

/// <summary>A manager reviews a break-glass access to a child's record and records what they concluded.</summary>
[Authorize(Policy = Policies.FrontDoorDecision)]
public sealed class ReviewModel(SafeguardDbContext db, CaseManagerAccess deciders, BreakGlassSteps steps, Data.Audit.AuditLog audit) : PageModel, IMapsRuleFields
{
    public BreakGlassAccess Access { get; private set; } = null!;

    public string ChildName { get; private set; } = string.Empty;

    public string Who { get; private set; } = string.Empty;

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            await audit.ReadAsync("BreakGlass", id, Access.ChildId, "Manager reviewing a break-glass access to the child's record", cancellationToken);
        }

        return loaded;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        await steps.ReviewAsync(User, id, Note, cancellationToken);
        return Redirect("/");
    }

    public string FormKeyFor(string domainField) => nameof(Note);

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await db.BreakGlass.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (access is null)
        {
            return NotFound();
        }

        if (!await deciders.DecidesAsync(User, access.ChildId, access.AlertTo, cancellationToken))
        {
            return Forbid();
        }

        Access = access;
        ChildName = await db.Children.Where(c => c.Id == access.ChildId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        Who = await (from p in db.Practitioners
                     join a in db.Agencies on p.AgencyId equals a.Id
                     where p.Id == access.PractitionerId
                     select p.GivenName + " " + p.FamilyName + ", " + p.JobTitle + " (" + a.Name + ")").SingleAsync(cancellationToken);
        return Page();
    }
}
