using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Web.Authorization;
using Safeguard.Web.Referrals;

namespace Safeguard.Web.Pages.FrontDoor;

[Authorize(Policy = Policies.ChildrenSocialCare)]
public sealed class IndexModel(SafeguardDbContext db, AuditLog audit) : PageModel
{
    public IReadOnlyList<ReferralQueries.Row> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Queue = await ReferralQueries.UndecidedAsync(db, cancellationToken);
        await audit.SearchedAsync("Front door queue", [.. Queue.Select(r => r.ChildId)], Policies.ChildrenSocialCareBasis, cancellationToken);
    }
}
