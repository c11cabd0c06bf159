using Safeguard.Domain.Chronology;
using Safeguard.Domain.Events;

namespace Safeguard.Data;

/// <summary>
/// Each step that changes a child's record notes it on the child's chronology, in the same save as the change, with
/// the signed-in practitioner and their agency as its author, and the record it came from — a kind of record in
/// <see cref="Records.RecordKinds"/>, so that the chronology links to it.
/// </summary>
public static class ChronologyWriter
{
    public static ChronologyEntry Note(this SafeguardDbContext db, Guid areaId, Guid childId, Guid? episodeId, DateOnly occurredOn,
        DateTimeOffset recordedAt, ChronologyKind kind, string summary, string sourceType, Guid sourceId, Guid? agencyId = null, Guid? recordedBy = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The entry links to its source through the source's kind: a source that is not a registered kind would have no link.
        if (Records.RecordKinds.Named(sourceType) is null)
        {
            throw new ArgumentException($"{sourceType} is not a registered kind of record (Safeguard.Data.Records.RecordKinds).", nameof(sourceType));
        }

        var entry = ChronologyEntry.Record(Guid.CreateVersion7(recordedAt), areaId, childId, episodeId, occurredOn, recordedAt, kind, summary,
            recordedBy ?? db.Actor.PractitionerId, agencyId ?? db.Actor.AgencyId, sourceType, sourceId,
            sensitivity: SensitiveContent.SourceMark(db, sourceType, sourceId));
        db.Chronology.Add(entry);
        return entry;
    }

    /// <summary>
    /// Notes the latest event a record raised on the child's chronology, in the sentence the event itself renders (docs/decisions/0009): the
    /// step does not compose it again. The entry links to the record the event concerns, or to the <paramref name="source"/> given (a review
    /// conference's own record, for the plan's event saying it was held).
    /// </summary>
    public static ChronologyEntry NoteEvent(this SafeguardDbContext db, IRecordsEvents record, ChronologyKind kind, IEventNames names, DateTimeOffset recordedAt,
        (string Kind, Guid Id)? source = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        var recordKind = Records.RecordKinds.For(record.GetType())
            ?? throw new ArgumentException($"{record.GetType().Name} is not a registered kind of record (Safeguard.Data.Records.RecordKinds).", nameof(record));
        var (id, childId, areaId) = recordKind.SubjectOf(record);
        var latest = record.PendingEvents.Count > 0 ? record.PendingEvents[^1]
            : throw new InvalidOperationException($"The {recordKind.Describe} has raised no event to note.");
        return db.Note(areaId!.Value, childId!.Value, record.EpisodeId, latest.OccurredOn, recordedAt, kind, latest.Describe(record, names),
            source?.Kind ?? recordKind.Name, source?.Id ?? id);
    }
}
