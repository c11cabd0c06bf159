using Safeguard.Domain.Chronology;
using Safeguard.Domain.InformationSharing;

namespace Safeguard.Data;

/// <summary>
/// Information shared about a child is recorded in the same save as the step that shared it, so the record of who was
/// told what, and why, can never be missing for a referral, a notification or a transfer package that was sent.
/// </summary>
public static class InformationSharingWriter
{
    /// <summary>
    /// Adds the record. A step that already notes the event on the chronology (a referral, a notification, a milestone)
    /// passes <paramref name="noteOnChronology"/> false, so the timeline shows the event once; a sharing recorded on its
    /// own goes on the chronology as its own entry.
    /// </summary>
    public static InformationSharingRecord RecordSharing(this SafeguardDbContext db, InformationSharingRecord record, Guid? episodeId, bool noteOnChronology)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        db.InformationSharing.Add(record);
        if (noteOnChronology)
        {
            db.Note(record.AreaId, record.ChildId, episodeId, record.SharedOn, record.RecordedAt, ChronologyKind.InformationShared, record.Summary(),
                InformationSharingRecordSource, record.Id, record.SharedByAgencyId);
        }

        return record;
    }

    public const string InformationSharingRecordSource = "InformationSharing";
}
