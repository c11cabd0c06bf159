using Microsoft.EntityFrameworkCore;
using Safeguard.Data.Records;
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
}
