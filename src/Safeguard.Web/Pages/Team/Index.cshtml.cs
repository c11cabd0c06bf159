using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Data.Audit;
using Safeguard.Web.Authorization;
using Safeguard.Web.Clocks;

namespace Safeguard.Web.Pages.Team;

[Authorize(Policy = Policies.FrontDoorDecision)]
public sealed class IndexModel(MyClocks clocks, AuditLog audit) : PageModel
{
    public IReadOnlyList<WorkItem> Work { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Work = await clocks.ForAreaAsync(cancellationToken);
        await audit.ListedAsync("Team deadlines", Work.Where(w => w.ChildId is not null).Select(w => w.ChildId!.Value),
            Policies.ChildrenSocialCareBasis, cancellationToken);
    }
}
