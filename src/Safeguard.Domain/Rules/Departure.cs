using Safeguard.Domain.Organisation;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.Rules;

/// <summary>
/// The rules the guidance says practitioners <em>should</em> follow, by id, with a short name: a departure from one of them
/// is recorded with its reason and who agreed it (GEN-02, ¶6: comply or explain). The timed ones come from
/// <see cref="StatutoryRules"/>; the rest are the rules the service's pages apply without a clock.
/// </summary>
public static class ShouldRules
{
    private static readonly (string Id, string Name)[] Untimed =
    [
        ("ASM-01", "Allocate a lead practitioner with their agreement, under the local protocol"),
        ("ASM-02", "A manager approves the start of a multi-agency assessment"),
        ("ASM-04", "See the child alone where possible, with their communication needs met"),
        ("ASM-05", "See the child within a timescale suited to the concerns"),
        ("ASM-06", "Tell the child and family how the assessment works and what will happen"),
        ("ASM-07", "Tell the agencies and the family the assessment's decisions in writing"),
        ("ASM-08", "Include a health representative experienced with sexually abused children"),
        ("ASM-09", "Assess where harm outside the home is located and its level in each context"),
        ("ASM-10", "A social work qualified manager reviews decisions on need and harm"),
        ("ASM-11", "Provide services identified mid-assessment without waiting"),
        ("ASM-12", "Hold a strategy discussion when there is reasonable cause to suspect significant harm"),
        ("REF-06", "Tell the referrer the decision and its reasons"),
        ("REF-07", "Follow up and escalate a referral the referrer is not satisfied with"),
        ("CIN-02", "Review the child in need plan at the points agreed"),
        ("S47-04", "See the child alone during the section 47 enquiry"),
        ("ICPC-02", "Prepare the child and parents for the conference"),
        ("ICPC-04", "Share the conference report with the child and family beforehand"),
        ("GEN-04", "Use a professional interpreter, never a family member"),
        ("GEN-05", "Tell parents beforehand who attends a meeting and its format"),
        ("GEN-07", "Tell the family what information was shared and with whom"),
        ("GEN-10", "Share critical information and plan a transition in advance"),
    ];

    /// <summary>Every rule a departure may be recorded from: id to short name, timed rules first.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = StatutoryRules.All.Where(r => r.Force == Force.Should)
        .Select(r => (r.Id, Name: r.ShortName)).Concat(Untimed).DistinctBy(r => r.Id).ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);

    public static bool IsShould(string ruleId) => All.ContainsKey(ruleId);
}

/// <summary>
/// A recorded departure from a SHOULD rule (GEN-02, ¶6): on a child's record, which rule was not followed, what was done
/// instead and why, who recorded it and which social work qualified manager agreed it. Departures are listed for managers
/// and counted by rule for the partnership's yearly report. A departure is written once and never changed.
/// </summary>
public sealed class Departure
{
    public const int MaxTextLength = 4_000;

    private Departure()
    {
        RuleId = SourceType = Reason = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid ChildId { get; private set; }

    /// <summary>The child's episode the departure happened in: who may see the episode may see it.</summary>
    public Guid EpisodeId { get; private set; }

    /// <summary>The SHOULD rule not followed (an id from <see cref="ShouldRules"/>).</summary>
    public string RuleId { get; private set; }

    /// <summary>The kind of record the rule was applied to (a registered record kind: Assessment, Visit...) and its id.</summary>
    public string SourceType { get; private set; }

    public Guid SourceId { get; private set; }

    /// <summary>Why the rule was not followed, and what was done instead: the exceptional circumstances (¶6).</summary>
    public string Reason { get; private set; }

    public Guid RecordedBy { get; private set; }

    /// <summary>The social work qualified practice supervisor or manager who agreed the departure.</summary>
    public Guid AgreedBy { get; private set; }

    /// <summary>The day of the departure in England.</summary>
    public DateOnly On { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// Records a departure from a SHOULD rule (GEN-02): the rule must be one the guidance says should be followed, the reason
    /// is required, and a social work qualified practice supervisor or manager of the area agrees it (who may be the one
    /// recording it).
    /// </summary>
    public static Departure Record(Guid id, Guid areaId, Guid childId, Guid episodeId, string? ruleId, string sourceType, Guid sourceId,
        string? reason, Practitioner recordedBy, Practitioner? agreedBy, DateOnly on, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(recordedBy);
        Require(!string.IsNullOrWhiteSpace(ruleId) && ShouldRules.IsShould(ruleId.Trim()), "GEN-02",
            "Select the rule the guidance says should be followed that was not.", nameof(RuleId));
        Require(!string.IsNullOrWhiteSpace(reason), "GEN-02", "Say why the rule was not followed and what was done instead.", nameof(Reason));
        Require(reason!.Trim().Length <= MaxTextLength, "GEN-02", $"The reason must be {MaxTextLength:N0} characters or fewer.", nameof(Reason));
        Require(agreedBy is not null, "GEN-02", "Select the manager who agreed the departure.", nameof(AgreedBy));
        Require(agreedBy!.AreaId == areaId && agreedBy.Has(PractitionerRole.PracticeSupervisor) && agreedBy.IsSocialWorkQualified, "GEN-02",
            "A departure is agreed by a social work qualified practice supervisor or manager of the area.", nameof(AgreedBy));
        Require(recordedBy.AreaId == areaId, "GEN-02", "The departure is recorded by a practitioner of the area.");
        return new Departure
        {
            Id = id,
            AreaId = areaId,
            ChildId = childId,
            EpisodeId = episodeId,
            RuleId = ruleId!.Trim(),
            SourceType = sourceType,
            SourceId = sourceId,
            Reason = reason.Trim(),
            RecordedBy = recordedBy.Id,
            AgreedBy = agreedBy.Id,
            On = on,
            RecordedAt = at,
        };
    }

    /// <summary>The child turned out to have another record: this moves to the surviving record.</summary>
    public void MoveToChild(Guid survivorId) => ChildId = survivorId;

    /// <summary>The year of the partnership's yearly report a departure falls in: 1 April to 31 March, named by the year it starts (MASA-14).</summary>
    public static int ReportYearOf(DateOnly on) => on.Month >= 4 ? on.Year : on.Year - 1;
}
