using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Web.Authorization;
using Safeguard.Web.DataProtection;

namespace Safeguard.Web.Pages.DataProtection;

/// <summary>The data protection officer's requests: open ones by due date with the overdue flagged, then those answered.</summary>
[Authorize(Policy = Policies.DataProtection)]
public sealed class IndexModel(DataProtectionSteps steps) : PageModel
{
    public IReadOnlyList<RequestView> Open { get; private set; } = [];

    public IReadOnlyList<RequestView> Answered { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await steps.ListAsync(openOnly: false, cancellationToken);
        Open = [.. all.Where(r => r.Outcome is null)];
        Answered = [.. all.Where(r => r.Outcome is not null).OrderByDescending(r => r.DecidedOn).Take(50)];
    }
}
