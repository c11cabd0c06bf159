using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Web.Authorization;
using Safeguard.Web.DataProtection;
using Safeguard.Web.Errors;

namespace Safeguard.Web.Pages.DataProtection;

/// <summary>An alert about repeated searches for records that do not exist: each search, and what the officer concluded.</summary>
[Authorize(Policy = Policies.DataProtection)]
public sealed class SearchAlertModel(SearchAlerts alerts) : PageModel, IMapsRuleFields
{
    public SearchAlertView Alert { get; private set; } = null!;

    [BindProperty]
    public string? ReviewNote { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => Alert = await alerts.GetAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Alert = await alerts.GetAsync(id, cancellationToken);
        await alerts.ReviewAsync(User, id, ReviewNote, cancellationToken);
        return Redirect($"/data-protection/search-alerts/{id}");
    }

    public string FormKeyFor(string domainField) => nameof(ReviewNote);
}
