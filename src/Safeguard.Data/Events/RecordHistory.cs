using Microsoft.EntityFrameworkCore;
using Safeguard.Data.Records;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Clocks;
using Safeguard.Domain.Events;
using Safeguard.Domain.Referrals;

namespace Safeguard.Data.Events;

/// <summary>A record's history read from its events: those stored, those waiting in this save and those the record has raised since.</summary>
public static class RecordHistory
{
    /// <summary>The record's events in the order they happened (their <see cref="RecordEvent.Sequence"/>), then any still on the record.</summary>
    public static async Task<List<DomainEvent>> EventsAsync(SafeguardDbContext db, RecordKind kind, Guid recordId, IRecordsEvents? record,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(kind);
        var stored = await db.RecordEvents.AsNoTracking().Where(e => e.RecordKind == kind.Name && e.RecordId == recordId).ToListAsync(cancellationToken);
        var waiting = db.RecordEvents.Local.Where(e => e.RecordKind == kind.Name && e.RecordId == recordId);
        List<DomainEvent> events = [.. stored.Concat(waiting).DistinctBy(e => e.Id).OrderBy(e => e.Sequence).Select(e => e.ToDomainEvent())];
        events.AddRange(record?.PendingEvents ?? []);
        return events;
    }

    /// <summary>
    /// The referral's own clock history from its events. A referral saved before its events were stored has no
    /// <see cref="ReferralReceived"/>: its history is read from its state, as before (docs/decisions/0009).
    /// </summary>
    public static async Task<IReadOnlyList<ClockEvent>> OfReferralAsync(SafeguardDbContext db, Referral referral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var events = await EventsAsync(db, RecordKinds.Referral, referral.Id, referral, cancellationToken);
        return events.OfType<ReferralReceived>().Any() ? EventHistory.ClockEvents(referral, events) : referral.History();
    }

    /// <summary>
    /// A strategy discussion's clock history from its events, in date order (what its enquiry and initial conference did is appended to it).
    /// A discussion saved before its events were stored has no <see cref="StrategyDiscussionHeld"/>: its history is read from its state, its
    /// enquiry's and its conference's, as before (docs/decisions/0009).
    /// </summary>
    public static async Task<IReadOnlyList<ClockEvent>> OfStrategyDiscussionAsync(SafeguardDbContext db, StrategyDiscussion discussion,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(discussion);
        var events = await EventsAsync(db, RecordKinds.StrategyDiscussion, discussion.Id, discussion, cancellationToken);
        if (events.OfType<StrategyDiscussionHeld>().Any())
        {
            return [.. EventHistory.ClockEvents(discussion, events).OrderBy(e => e.OccurredOn)];
        }

        return await OfStrategyDiscussionStateAsync(db, discussion, cancellationToken);
    }

    /// <summary>A strategy discussion's clock history as its state, its enquiry's and its initial conference's show it (the fallback).</summary>
    public static async Task<IReadOnlyList<ClockEvent>> OfStrategyDiscussionStateAsync(SafeguardDbContext db, StrategyDiscussion discussion,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(discussion);
        var enquiry = db.Section47Enquiries.Local.FirstOrDefault(e => e.StrategyDiscussionId == discussion.Id)
            ?? await db.Section47Enquiries.FirstOrDefaultAsync(e => e.StrategyDiscussionId == discussion.Id, cancellationToken);
        var conference = enquiry is null ? null
            : db.Conferences.Local.FirstOrDefault(c => c.Section47EnquiryId == enquiry.Id)
                ?? await db.Conferences.FirstOrDefaultAsync(c => c.Section47EnquiryId == enquiry.Id, cancellationToken);
        return discussion.History(enquiry, conference);
    }

    /// <summary>
    /// A child protection plan's clock history from its events (<see cref="PlanHistory"/>), with the child's 18th birthday as the child's
    /// record holds it now. A plan saved before its events were stored has no <see cref="PlanMade"/>: its history is read from its state.
    /// </summary>
    public static async Task<IReadOnlyList<ClockEvent>> OfChildProtectionPlanAsync(SafeguardDbContext db, ChildProtectionPlan plan, DateOnly? eighteenthBirthday,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var events = await EventsAsync(db, RecordKinds.ChildProtectionPlan, plan.Id, plan, cancellationToken);
        return events.OfType<PlanMade>().Any() ? PlanHistory.Of(plan, events, eighteenthBirthday) : plan.History(eighteenthBirthday);
    }
}
