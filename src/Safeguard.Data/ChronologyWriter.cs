using Safeguard.Domain.Chronology;

namespace Safeguard.Data;

/// <summary>
/// Each step that changes a child's record notes it on the child's chronology, in the same save as the change, with
/// the signed-in practitioner and their agency as its author.
/// </summary>
public static class ChronologyWriter
{
    public static ChronologyEntry Note(this SafeguardDbContext db, Guid areaId, Guid childId, Guid? episodeId, DateOnly occurredOn,
        DateTimeOffset recordedAt, ChronologyKind kind, string summary, string sourceType, Guid sourceId, Guid? agencyId = null, Guid? recordedBy = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entry = ChronologyEntry.Record(Guid.CreateVersion7(recordedAt), areaId, childId, episodeId, occurredOn, recordedAt, kind, summary,
            recordedBy ?? db.Actor.PractitionerId, agencyId ?? db.Actor.AgencyId, sourceType, sourceId);
        db.Chronology.Add(entry);
        return entry;
    }
}
