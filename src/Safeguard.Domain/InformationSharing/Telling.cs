using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.FamilyHelp;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.InformationSharing;

/// <summary>What someone must be told, each with the rule that asks for it.</summary>
public enum TellingTopic
{
    /// <summary>The police's reasons that no criminal investigation follows, shared with the agencies (S47-09).</summary>
    PoliceReasonsNoCriminalInvestigation,

    /// <summary>The referrer told the section 47 enquiry's outcome and its reasons (S47-10).</summary>
    Section47OutcomeToReferrer,

    /// <summary>The child and family told the assessment's outcome, in writing (ASM-06, ASM-07).</summary>
    AssessmentOutcomeToFamily,

    /// <summary>A relevant agency told the assessment's outcome, in writing (ASM-07).</summary>
    AssessmentOutcomeToAgency,

    /// <summary>An agency, core group member or practitioner told that the child protection plan ended (DISC-04).</summary>
    PlanEnded,
}

/// <summary>How someone was told.</summary>
public enum TellingMethod
{
    Letter,
    Email,
    SecureEmail,
    Phone,
    InPerson,
    Meeting,
    VideoCall,
}

/// <summary>Who was told, what, when, how and by whom, as the practitioner records it.</summary>
public sealed record TellingRecord(TellingTopic? Topic, string? Who, string? Agency, DateOnly? ToldOn, TellingMethod? Method, string? What, string? ToldBy);

/// <summary>
/// A record of telling: who was told what about a record of the child's (an enquiry, an assessment, a plan), when, how
/// and by whom. It is written when the telling happens, by the practitioner who knows it happened — never assumed for
/// everyone when the record changes. The topics the guidance asks for: the police's reasons when no criminal
/// investigation follows (S47-09), the referrer told the section 47 outcome (S47-10), the family and agencies told the
/// assessment's outcome in writing (ASM-06, ASM-07), and each agency told that the plan ended (DISC-04).
/// </summary>
public sealed class Telling
{
    public const int MaxTextLength = 10_000;

    public const int MaxNameLength = 200;

    private Telling()
    {
        SourceType = Who = What = ToldBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid EpisodeId { get; private set; }

    /// <summary>The kind of the record it belongs to (Section47Enquiry, Assessment, ChildProtectionPlan).</summary>
    public string SourceType { get; private set; }

    public Guid SourceId { get; private set; }

    public TellingTopic Topic { get; private set; }

    /// <summary>The person told (a name, or a part such as "the referrer" or "mother").</summary>
    public string Who { get; private set; }

    /// <summary>Their agency, when they were told for one.</summary>
    public string? Agency { get; private set; }

    public DateOnly ToldOn { get; private set; }

    public TellingMethod Method { get; private set; }

    /// <summary>What they were told.</summary>
    public string What { get; private set; }

    /// <summary>Who told them.</summary>
    public string ToldBy { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public bool InWriting => IsWritten(Method);

    public string RuleId => RuleOf(Topic);

    public static bool IsWritten(TellingMethod method) => method is TellingMethod.Letter or TellingMethod.Email or TellingMethod.SecureEmail;

    public static string RuleOf(TellingTopic topic) => topic switch
    {
        TellingTopic.PoliceReasonsNoCriminalInvestigation => "S47-09",
        TellingTopic.Section47OutcomeToReferrer => "S47-10",
        TellingTopic.AssessmentOutcomeToFamily => "ASM-06",
        TellingTopic.AssessmentOutcomeToAgency => "ASM-07",
        _ => "DISC-04",
    };

    public static string Describe(TellingTopic topic) => topic switch
    {
        TellingTopic.PoliceReasonsNoCriminalInvestigation => "The police's reasons that no criminal investigation follows",
        TellingTopic.Section47OutcomeToReferrer => "The referrer told the outcome of the section 47 enquiry",
        TellingTopic.AssessmentOutcomeToFamily => "The child and family told the outcome of the assessment, in writing",
        TellingTopic.AssessmentOutcomeToAgency => "An agency told the outcome of the assessment, in writing",
        _ => "Told that the child protection plan ended",
    };

    public static string Describe(TellingMethod method) => method switch
    {
        TellingMethod.Letter => "letter",
        TellingMethod.Email => "email",
        TellingMethod.SecureEmail => "secure email",
        TellingMethod.Phone => "phone",
        TellingMethod.InPerson => "in person",
        TellingMethod.Meeting => "at a meeting",
        _ => "video call",
    };

    /// <summary>The topics a section 47 enquiry's record of telling may be about.</summary>
    public static readonly IReadOnlyList<TellingTopic> EnquiryTopics = [TellingTopic.PoliceReasonsNoCriminalInvestigation, TellingTopic.Section47OutcomeToReferrer];

    public static readonly IReadOnlyList<TellingTopic> AssessmentTopics = [TellingTopic.AssessmentOutcomeToFamily, TellingTopic.AssessmentOutcomeToAgency];

    public static readonly IReadOnlyList<TellingTopic> PlanTopics = [TellingTopic.PlanEnded];

    /// <summary>
    /// About a section 47 enquiry: the police's reasons that no criminal investigation follows, shared with an agency
    /// (S47-09), once the enquiry has started; the referrer told the outcome and its reasons (S47-10), once it is concluded.
    /// </summary>
    public static Telling AboutEnquiry(Guid id, Section47Enquiry enquiry, TellingRecord record, Guid recordedBy, string recordedByName, DateOnly today,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        ArgumentNullException.ThrowIfNull(record);
        var topic = TopicOf(record, EnquiryTopics, "section 47 enquiry");
        DateOnly since;
        if (topic == TellingTopic.Section47OutcomeToReferrer)
        {
            Require(enquiry.ConcludedOn is not null, "S47-10", "The enquiry has no outcome yet: the referrer is told the outcome once it is concluded.", "Topic");
            since = enquiry.ConcludedOn!.Value;
        }
        else
        {
            Require(!string.IsNullOrWhiteSpace(record.Agency), "S47-09", "Name the agency the police's reasons were shared with.", "Agency");
            since = enquiry.StartedOn;
        }

        return Make(id, enquiry.AreaId, enquiry.ChildId, enquiry.EpisodeId, "Section47Enquiry", enquiry.Id, topic, since, record, recordedBy, recordedByName,
            today, now);
    }

    /// <summary>About an assessment: once authorised, the family and each agency are told its outcome in writing (ASM-06, ASM-07).</summary>
    public static Telling AboutAssessment(Guid id, Assessment assessment, TellingRecord record, Guid recordedBy, string recordedByName, DateOnly today,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(record);
        var topic = TopicOf(record, AssessmentTopics, "assessment");
        var rule = RuleOf(topic);
        Require(assessment.Status == AssessmentStatus.Authorised && assessment.AuthorisedOn is not null, rule,
            "The assessment is not authorised yet: its outcome is told once a manager has authorised it.", "Topic");
        Require(record.Method is null || IsWritten(record.Method.Value), "ASM-07",
            "The outcome of an assessment is told in writing: choose a letter, an email or a secure email.", "Method");
        Require(topic != TellingTopic.AssessmentOutcomeToAgency || !string.IsNullOrWhiteSpace(record.Agency), "ASM-07", "Name the agency that was told.", "Agency");
        return Make(id, assessment.AreaId, assessment.ChildId, assessment.EpisodeId, "Assessment", assessment.Id, topic, assessment.AuthorisedOn!.Value, record,
            recordedBy, recordedByName, today, now);
    }

    /// <summary>About a child protection plan that has ended: each agency or practitioner told, when it happens (DISC-04).</summary>
    public static Telling AboutPlan(Guid id, ChildProtectionPlan plan, TellingRecord record, Guid recordedBy, string recordedByName, DateOnly today,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(record);
        var topic = TopicOf(record, PlanTopics, "child protection plan");
        Require(!plan.IsOpen, "DISC-04", "The plan has not ended: agencies are told once it has.", "Topic");
        return Make(id, plan.AreaId, plan.ChildId, plan.EpisodeId, "ChildProtectionPlan", plan.Id, topic, plan.EndedOn!.Value, record, recordedBy,
            recordedByName, today, now);
    }

    private static TellingTopic TopicOf(TellingRecord record, IReadOnlyList<TellingTopic> allowed, string what)
    {
        var topic = record.Topic ?? (allowed.Count == 1 ? allowed[0] : null);
        Require(topic is { } t && allowed.Contains(t), "SG-TOLD-01", $"Choose what was told about this {what}.", "Topic");
        return topic!.Value;
    }

    private static Telling Make(Guid id, Guid areaId, Guid childId, Guid episodeId, string sourceType, Guid sourceId, TellingTopic topic, DateOnly since,
        TellingRecord record, Guid recordedBy, string recordedByName, DateOnly today, DateTimeOffset now)
    {
        var rule = RuleOf(topic);
        Require(!string.IsNullOrWhiteSpace(record.Who) && record.Who.Length <= MaxNameLength, rule, "Say who was told.", "Who");
        Require((record.Agency?.Length ?? 0) <= MaxNameLength && (record.ToldBy?.Length ?? 0) <= MaxNameLength, rule,
            $"This must be {MaxNameLength} characters or fewer.", (record.Agency?.Length ?? 0) > MaxNameLength ? "Agency" : "ToldBy");
        Require(record.ToldOn is { } on && on >= since && on <= today, rule,
            $"The day they were told must be between {since:d MMMM yyyy} and today.", "ToldOn");
        Require(record.Method is not null, rule, "Say how they were told.", "Method");
        Require(!string.IsNullOrWhiteSpace(record.What) && record.What.Length <= MaxTextLength, rule,
            topic == TellingTopic.PoliceReasonsNoCriminalInvestigation ? "Record the police's reasons, as they were shared." : "Record what they were told.", "What");
        return new Telling
        {
            Id = id,
            AreaId = areaId,
            ChildId = childId,
            EpisodeId = episodeId,
            SourceType = sourceType,
            SourceId = sourceId,
            Topic = topic,
            Who = record.Who!.Trim(),
            Agency = string.IsNullOrWhiteSpace(record.Agency) ? null : record.Agency.Trim(),
            ToldOn = record.ToldOn!.Value,
            Method = record.Method!.Value,
            What = record.What!.Trim(),
            ToldBy = string.IsNullOrWhiteSpace(record.ToldBy) ? recordedByName : record.ToldBy.Trim(),
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
    }

    /// <summary>One line for the chronology: who was told, by whom, how and what.</summary>
    public string Summary() =>
        $"{Describe(Topic)} ({RuleId}): {Who}{(Agency is null ? string.Empty : $" ({Agency})")} told by {ToldBy}, by {Describe(Method)}, on {ToldOn:d MMMM yyyy}. {What}";
}
