using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Web.Access;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.Errors;
using Safeguard.Web.Forms;

namespace Safeguard.Web.Pages.Children;

/// <summary>
/// For a practitioner with no relationship with a child: is there a record? Only that it exists is shown, for an exact
/// name and date of birth; opening it is asking the case's manager for access, or break-glass access with a reason in an emergency.
/// </summary>
[Authorize(Policy = Policies.WorksWithChildren)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(BreakGlassSteps.SearchLimit)]
public sealed class FindModel(BreakGlassSteps steps, AccessRequestSteps requests, IAuthorizationService authorization,
    TimeProvider time) : PageModel, IMapsRuleFields
{
    [BindProperty(SupportsGet = true)]
    public string? GivenName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FamilyName { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateField DateOfBirth { get; set; } = new();

    public IReadOnlyList<FoundChild>? Found { get; private set; }

    public DateTimeOffset Now { get; } = time.GetUtcNow();

    /// <summary>The user's latest request for access to each record found: waiting, granted (until when) or refused.</summary>
    public IReadOnlyDictionary<Guid, Domain.Access.AccessRequest> Requests { get; private set; } = new Dictionary<Guid, Domain.Access.AccessRequest>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if ((await authorization.AuthorizeAsync(User, Policies.ChildrenSocialCare)).Succeeded)
        {
            // Children's social care search the area's records in full.
            return Redirect("/children");
        }

        if (GivenName is null && FamilyName is null && DateOfBirth.IsEmpty)
        {
            return Page();
        }

        var born = DateOfBirth.Read(ModelState, nameof(DateOfBirth), "The date of birth");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Found = await steps.FindAndRecordAsync(User, GivenName, FamilyName, born, cancellationToken);
        if (User.PractitionerId() is { } me)
        {
            Requests = await requests.LatestForAsync(me, [.. Found.Select(f => f.Id)], cancellationToken);
        }

        return Page();
    }

    public string FormKeyFor(string domainField) => nameof(GivenName);
}
