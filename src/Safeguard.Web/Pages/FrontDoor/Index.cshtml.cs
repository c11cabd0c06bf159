using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Rules;
using Safeguard.Web.Authorization;
using Safeguard.Web.Referrals;

namespace Safeguard.Web.Pages.FrontDoor;

[Authorize(Policy = Policies.ChildrenSocialCare)]
public sealed class IndexModel(SafeguardDbContext db, AuditLog audit, WorkingDayCalendar calendar, TimeProvider time) : PageModel
{
    public DateOnly Today { get; private set; }

    /// <summary>REF-04: decide within one working day of receipt.</summary>
    public DateOnly DecideBy(ReferralQueries.Row row) => StatutoryRules.ReferralDecision.Due(row.ReceivedOn, calendar)!.Value;

    public IReadOnlyList<ReferralQueries.Row> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = EnglandClock.Today(time);
        Queue = await ReferralQueries.UndecidedAsync(db, cancellationToken);
        await audit.SearchedAsync("Front door queue", [.. Queue.Select(r => r.ChildId)], Policies.ChildrenSocialCareBasis, cancellationToken);
    }
}
