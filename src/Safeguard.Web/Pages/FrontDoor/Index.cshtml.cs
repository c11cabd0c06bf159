using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Rules;
using Safeguard.Web.Authorization;
using Safeguard.Web.Children;
using Safeguard.Web.Referrals;

namespace Safeguard.Web.Pages.FrontDoor;

[Authorize(Policy = Policies.ChildrenSocialCare)]
public sealed class IndexModel(SafeguardDbContext db, AuditLog audit, WorkingDayCalendar calendar, TimeProvider time, MergeChildRecords merge)
    : PageModel
{
    /// <summary>
    /// An Operation Encompass notification whose child, as the police described them, has the NHS number of a record children's
    /// social care holds: the front door says whether it is the same child.
    /// </summary>
    public sealed record PossibleMatch(Guid NotificationId, Guid SentChildId, string SentName, DateOnly? SentDateOfBirth, DateOnly IncidentOn,
        Guid HeldChildId, string HeldName, DateOnly? HeldDateOfBirth);

    public DateOnly Today { get; private set; }

    /// <summary>REF-04: decide within one working day of receipt.</summary>
    public DateOnly DecideBy(ReferralQueries.Row row) => StatutoryRules.ReferralDecision.Due(row.ReceivedOn, calendar)!.Value;

    public IReadOnlyList<ReferralQueries.Row> Queue { get; private set; } = [];

    public IReadOnlyList<PossibleMatch> PossibleMatches { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = EnglandClock.Today(time);
        Queue = await ReferralQueries.UndecidedAsync(db, cancellationToken);
        PossibleMatches = await (from n in db.EncompassNotifications
                                 where n.PossiblyHeldChildId != null
                                 join sent in db.Children on n.ChildId equals sent.Id
                                 join held in db.Children on n.PossiblyHeldChildId equals held.Id
                                 orderby n.IncidentAt
                                 select new PossibleMatch(n.Id, sent.Id, sent.GivenName + " " + sent.FamilyName, sent.DateOfBirth, n.IncidentOn,
                                     held.Id, held.GivenName + " " + held.FamilyName, held.DateOfBirth)).Take(100).ToListAsync(cancellationToken);
        await audit.SearchedAsync("Front door queue",
            [.. Queue.Select(r => r.ChildId).Concat(PossibleMatches.SelectMany(m => new[] { m.SentChildId, m.HeldChildId })).Distinct()],
            Policies.ChildrenSocialCareBasis, cancellationToken);
    }

    /// <summary>The child the police described is the held child: the records are joined, and the notification moves with the child.</summary>
    public async Task<IActionResult> OnPostSameChildAsync(Guid notificationId, CancellationToken cancellationToken)
    {
        var notification = await db.EncompassNotifications.SingleOrDefaultAsync(n => n.Id == notificationId, cancellationToken);
        if (notification?.PossiblyHeldChildId is not { } held)
        {
            return NotFound();
        }

        await merge.HandleAsync(notification.ChildId, held, cancellationToken);
        return RedirectToPage();
    }

    /// <summary>Not the same child: the suggestion is settled and the records stay apart.</summary>
    public async Task<IActionResult> OnPostNotSameChildAsync(Guid notificationId, CancellationToken cancellationToken)
    {
        var notification = await db.EncompassNotifications.SingleOrDefaultAsync(n => n.Id == notificationId, cancellationToken);
        if (notification?.PossiblyHeldChildId is null)
        {
            return NotFound();
        }

        notification.SettleSuggestedMatch();
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }
}
