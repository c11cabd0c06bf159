using Safeguard.Domain.Organisation;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.Chronology;

/// <summary>The kinds of significant event on a child's chronology, for filtering.</summary>
public enum ChronologyKind
{
    Referral,
    Decision,
    Escalation,
    Allocation,
    FamilyAgreement,
    Assessment,
    Plan,
    PlanReview,
    Visit,
    Notification,
    Needs,
    Milestone,
    StrategyDiscussion,
    Section47,
    Conference,
    CoreGroup,
    ImmediateProtection,
    EpisodeClosed,
    InformationShared,

    /// <summary>A data protection request's effect on the record (a person's statement of their view, a correction).</summary>
    DataProtection,

    /// <summary>Looked after: the child becoming looked after, the care plan and its reviews, placements, the return home.</summary>
    LookedAfter,

    /// <summary>Pre-proceedings: the decision, the letter before proceedings, family group decision-making, key discussions.</summary>
    PreProceedings,

    /// <summary>A recorded departure from a rule the guidance says should be followed, with why and who agreed it (GEN-02).</summary>
    Departure,
}

/// <summary>
/// One significant event on the child's chronology, from any agency: what happened, when, who recorded it and for which
/// agency, and the record it came from. Entries are written by the step that made the change, in the same save, and
/// never changed afterwards: a correction is a new entry that points at the one it corrects.
/// </summary>
public sealed class ChronologyEntry
{
    public const int MaxSummaryLength = 1_000;

    private ChronologyEntry()
    {
        Summary = SourceType = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid? EpisodeId { get; private set; }

    /// <summary>The day it happened in England, which may be before it was recorded (a visit written up the next day).</summary>
    public DateOnly OccurredOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public ChronologyKind Kind { get; private set; }

    public string Summary { get; private set; }

    public Guid? RecordedBy { get; private set; }

    /// <summary>The agency the entry comes from (the referrer's school, the police, children's social care).</summary>
    public Guid? AgencyId { get; private set; }

    /// <summary>The kind of record it came from (Referral, Assessment, Visit...), and its id, so the entry links to its source.</summary>
    public string SourceType { get; private set; }

    public Guid SourceId { get; private set; }

    /// <summary>The entry this one corrects, if it is a correction.</summary>
    public Guid? Corrects { get; private set; }

    /// <summary>Narrows who may read the entry: others see that a sensitive entry exists, not what it says.</summary>
    public Sensitivity Sensitivity { get; private set; }

    public Guid? MarkedBy { get; private set; }

    /// <summary>A social work qualified manager marks (or unmarks) the entry as sensitive.</summary>
    public void Mark(Practitioner manager, Sensitivity sensitivity)
    {
        ArgumentNullException.ThrowIfNull(manager);
        Require(manager.AreaId == AreaId && manager.Has(PractitionerRole.PracticeSupervisor) && manager.IsSocialWorkQualified, "RC-01",
            "Only a social work qualified practice supervisor or manager marks an entry as sensitive.");
        Sensitivity = sensitivity;
        MarkedBy = manager.Id;
    }

    /// <summary>The child turned out to have another record: the entry moves to the surviving record, unchanged otherwise.</summary>
    public void MoveToChild(Guid survivorId, Guid? episodeId)
    {
        ChildId = survivorId;
        EpisodeId = episodeId;
    }

    public static ChronologyEntry Record(Guid id, Guid areaId, Guid childId, Guid? episodeId, DateOnly occurredOn, DateTimeOffset recordedAt,
        ChronologyKind kind, string summary, Guid? recordedBy, Guid? agencyId, string sourceType, Guid sourceId, Guid? corrects = null, Sensitivity sensitivity = Sensitivity.None)
    {
        Require(!string.IsNullOrWhiteSpace(summary), "SG-CHR-01", "A chronology entry says what happened.");
        var text = summary.Trim();
        return new ChronologyEntry
        {
            Id = id,
            AreaId = areaId,
            ChildId = childId,
            EpisodeId = episodeId,
            OccurredOn = occurredOn,
            RecordedAt = recordedAt,
            Kind = kind,
            Summary = text.Length <= MaxSummaryLength ? text : string.Concat(text.AsSpan(0, MaxSummaryLength - 1), "…"),
            RecordedBy = recordedBy,
            AgencyId = agencyId,
            SourceType = sourceType,
            SourceId = sourceId,
            Corrects = corrects,

            // An entry from a record marked sensitive carries the record's mark from the start.
            Sensitivity = sensitivity,
        };
    }
}
