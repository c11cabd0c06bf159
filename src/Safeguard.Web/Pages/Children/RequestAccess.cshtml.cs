using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Domain.Access;
using Safeguard.Web.Access;
using Safeguard.Web.Authorization;
using Safeguard.Web.Errors;

namespace Safeguard.Web.Pages.Children;

/// <summary>Request access: ask the manager of the child's case for access to a record, saying what for and for how long.</summary>
[Authorize(Policy = Policies.WorksWithChildren)]
public sealed class RequestAccessModel(AccessRequestSteps steps) : PageModel, IMapsRuleFields
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Days { get; set; } = AccessRequest.DefaultDays.ToString(CultureInfo.InvariantCulture);

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!int.TryParse(Days?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            ModelState.AddModelError(nameof(Days), $"Enter the number of days as a whole number, for example {AccessRequest.DefaultDays}.");
            return Page();
        }

        await steps.AskAsync(User, id, Reason, days, cancellationToken);
        return Redirect("/#access-requests");
    }

    public string FormKeyFor(string domainField) => domainField == nameof(AccessRequest.DaysRequested) ? nameof(Days) : nameof(Reason);
}
