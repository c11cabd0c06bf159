using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Safeguard.Data.Records;
using Safeguard.Domain.Events;

namespace Safeguard.Data.Events;

/// <summary>
/// Stores the events each saved record raised as <see cref="RecordEvent"/> rows in the same SaveChanges — synchronous or
/// asynchronous — so a record and its history are saved together or not at all. It runs before the clock interceptor, which reads
/// them. The events move from the record to the change tracker here, so a save that fails and is tried again stores them once.
/// </summary>
public sealed class RecordEventInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is SafeguardDbContext db)
        {
            DrainAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SafeguardDbContext db)
        {
            await DrainAsync(db, cancellationToken);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private async Task DrainAsync(SafeguardDbContext db, CancellationToken cancellationToken)
    {
        var raising = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged && e.Entity is IRecordsEvents { PendingEvents.Count: > 0 })
            .Select(e => (e.Entity, IsNew: e.State == EntityState.Added)).ToList();
        var now = time.GetUtcNow();
        foreach (var (entity, isNew) in raising)
        {
            var record = (IRecordsEvents)entity;
            var kind = RecordKinds.For(entity.GetType())
                ?? throw new InvalidOperationException($"{entity.GetType().Name} raises events but is not a registered kind of record (RecordKinds).");
            var (id, childId, areaId) = kind.SubjectOf(entity);
            var next = await NextSequenceAsync(db, kind.Name, id, isNew, cancellationToken);
            foreach (var domainEvent in record.PendingEvents)
            {
                db.RecordEvents.Add(RecordEvent.Of(domainEvent, Guid.CreateVersion7(now), kind.Name, id, next++, areaId!.Value, childId, record.EpisodeId,
                    now, db.Actor.PractitionerId, db.Actor.AgencyId));
            }

            record.ClearPendingEvents();
        }
    }

    /// <summary>The next place in a record's history: after its stored events and any already waiting in this save.</summary>
    private static async Task<int> NextSequenceAsync(SafeguardDbContext db, string kind, Guid recordId, bool isNew, CancellationToken cancellationToken)
    {
        var stored = isNew ? null
            : await db.RecordEvents.Where(e => e.RecordKind == kind && e.RecordId == recordId).MaxAsync(e => (int?)e.Sequence, cancellationToken);
        var waiting = db.RecordEvents.Local.Where(e => e.RecordKind == kind && e.RecordId == recordId).Max(e => (int?)e.Sequence);
        return Math.Max(stored ?? -1, waiting ?? -1) + 1;
    }
}
