using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Access;
using Safeguard.Web.Access;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.Errors;

namespace Safeguard.Web.Pages.AccessRequests;

/// <summary>A social work qualified manager grants (for a time) or refuses a practitioner's request for access to a child's record.</summary>
[Authorize(Policy = Policies.FrontDoorDecision)]
public sealed class DecideModel(SafeguardDbContext db, CaseManagerAccess deciders, AccessRequestSteps steps, AuditLog audit) : PageModel, IMapsRuleFields
{
    public AccessRequest Asked { get; private set; } = null!;

    public string ChildName { get; private set; } = string.Empty;

    public string Who { get; private set; } = string.Empty;

    public bool OwnRequest { get; private set; }

    [BindProperty]
    public string? Grant { get; set; }

    [BindProperty]
    public string? Days { get; set; }

    [BindProperty]
    public string? Reasons { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            Days = Asked.DaysRequested.ToString(CultureInfo.InvariantCulture);
            await audit.ReadAsync("AccessRequest", id, Asked.ChildId, AccessRequestSteps.DeciderBasis, cancellationToken);
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

        int? days = null;
        if (Grant == "true")
        {
            if (!int.TryParse(Days?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                ModelState.AddModelError(nameof(Days), $"Enter the number of days as a whole number, up to {Asked.DaysRequested}.");
                return Page();
            }

            days = parsed;
        }

        await steps.DecideAsync(User, id, Grant switch { "true" => true, "false" => false, _ => null }, days, Reasons, cancellationToken);
        return Redirect("/");
    }

    public string FormKeyFor(string domainField) => domainField switch
    {
        nameof(AccessRequest.DaysRequested) => nameof(Days),
        "Grant" => nameof(Grant),
        _ => nameof(Reasons),
    };

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = await db.AccessRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        if (!await deciders.DecidesAsync(User, request.ChildId, request.DecideBy, cancellationToken))
        {
            return Forbid();
        }

        Asked = request;
        OwnRequest = request.RequestedBy == User.PractitionerId();
        ChildName = await db.Children.Where(c => c.Id == request.ChildId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        Who = await (from p in db.Practitioners
                     join a in db.Agencies on p.AgencyId equals a.Id
                     where p.Id == request.RequestedBy
                     select p.GivenName + " " + p.FamilyName + ", " + p.JobTitle + " (" + a.Name + ")").SingleAsync(cancellationToken);
        return Page();
    }
}
