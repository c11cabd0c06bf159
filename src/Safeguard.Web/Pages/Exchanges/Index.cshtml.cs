using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Web.Authorization;
using Safeguard.Web.Exchanges;

namespace Safeguard.Web.Pages.Exchanges;

/// <summary>The area's exchanges with other areas: what it received (to acknowledge and act on) and what it sent.</summary>
[Authorize(Policy = Policies.ChildrenSocialCare)]
public sealed class IndexModel(ExchangeSteps steps) : PageModel
{
    public ExchangesView Exchanges { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Exchanges = await steps.ListAsync(cancellationToken);
}
