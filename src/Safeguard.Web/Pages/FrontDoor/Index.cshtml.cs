using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Rules;
using Safeguard.Web.Authorization;
using Safeguard.Web.OperationEncompass;
using Safeguard.Web.Referrals;

namespace Safeguard.Web.Pages.FrontDoor;

[Authorize(Policy = Policies.ChildrenSocialCare)]
public sealed class IndexModel(SafeguardDbContext db, AuditLog audit, WorkingDayCalendar calendar, TimeProvider time, EncompassMatches matches)
    : PageModel
{
    public DateOnly Today { get; private set; }

    /// <summary>REF-04: decide within one working day of receipt.</summary>
    public DateOnly DecideBy(ReferralQueries.Row row) => StatutoryRules.ReferralDecision.Due(row.ReceivedOn, calendar)!.Value;

    public IReadOnlyList<ReferralQueries.Row> Queue { get; private set; } = [];

    public IReadOnlyList<PossibleMatch> PossibleMatches { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = EnglandClock.Today(time);
        Queue = await ReferralQueries.UndecidedAsync(db, cancellationToken);
        PossibleMatches = await matches.QueryAsync(cancellationToken);
        await audit.SearchedAsync("Front door queue",
            [.. Queue.Select(r => r.ChildId).Concat(EncompassMatches.ChildrenOf(PossibleMatches)).Distinct()],
            Policies.ChildrenSocialCareBasis, cancellationToken);
    }

    /// <summary>The child the police described is the held child: the records are joined, and the notification moves with the child.</summary>
    public async Task<IActionResult> OnPostSameChildAsync(Guid notificationId, CancellationToken cancellationToken)
    {
        return await DecideAsync(notificationId, sameChild: true, cancellationToken);
    }

    /// <summary>Not the same child: the suggestion is settled and the records stay apart.</summary>
    public async Task<IActionResult> OnPostNotSameChildAsync(Guid notificationId, CancellationToken cancellationToken)
    {
        return await DecideAsync(notificationId, sameChild: false, cancellationToken);
    }

    /// <summary>The answer, or the front door again with the reason in the error summary when it cannot be taken (such as a match settled a moment ago).</summary>
    private async Task<IActionResult> DecideAsync(Guid notificationId, bool sameChild, CancellationToken cancellationToken)
    {
        try
        {
            await matches.DecideAsync(notificationId, sameChild, cancellationToken);
            return RedirectToPage();
        }
        catch (RuleViolationException violation)
        {
            // Nothing of the refused step is kept: the page is read afresh.
            db.ChangeTracker.Clear();
            await OnGetAsync(cancellationToken);
            ModelState.AddModelError(string.Empty, violation.Message);
            return Page();
        }
    }
}
