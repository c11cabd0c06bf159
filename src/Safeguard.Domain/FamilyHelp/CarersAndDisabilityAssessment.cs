using Safeguard.Domain.Organisation;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.FamilyHelp;

/// <summary>The three assessments the guidance names for disabled children and for those who care (chapter 3).</summary>
public enum CarersAndDisabilityAssessmentKind
{
    /// <summary>
    /// GRP-03 (¶209–211): a disabled child: consider support under section 2 of the Chronically Sick and Disabled Persons Act
    /// 1970 and provide it if necessary; the decision is recorded.
    /// </summary>
    DisabledChild,

    /// <summary>
    /// GRP-04 (¶212): a parent carer who appears to have support needs, or asks, has a parent carer needs assessment (section 17ZD
    /// of the Children Act 1989), and it is taken into account.
    /// </summary>
    ParentCarer,

    /// <summary>
    /// GRP-05 (¶214, ¶291): a young carer who may have support needs, or who or whose parent asks, has a young carer's needs
    /// assessment (section 17ZA), with the whole family, combined with the other assessments where it helps.
    /// </summary>
    YoungCarer,
}

/// <summary>Why the assessment was started: the person appeared to need support, or they (or the young carer's parent) asked for one.</summary>
public enum CarersAssessmentTrigger
{
    AppearsToNeedSupport,
    Requested,
}

/// <summary>
/// A disabled child's, parent carer's or young carer's assessment on an episode (GRP-03, GRP-04, GRP-05): for whom, why it was
/// started, when it was asked for, started and completed, who assessed, what it found and the support decided. It is recorded when
/// it is asked for or found to be needed, and completed once with its outcome; a completed assessment is not changed.
/// </summary>
public sealed class CarersAndDisabilityAssessment
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4_000;

    private CarersAndDisabilityAssessment()
    {
        ForWhom = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public CarersAndDisabilityAssessmentKind Kind { get; private set; }

    /// <summary>Who the assessment is of: the disabled child, the parent carer or the young carer, by name.</summary>
    public string ForWhom { get; private set; }

    public CarersAssessmentTrigger Trigger { get; private set; }

    /// <summary>The day the assessment was asked for, or the need for one was seen.</summary>
    public DateOnly RequestedOn { get; private set; }

    public DateOnly? StartedOn { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    /// <summary>The practitioner who carried out the assessment (set when it is completed).</summary>
    public Guid? AssessedBy { get; private set; }

    /// <summary>What the assessment found: the person's needs and how they affect the child and family.</summary>
    public string? Outcome { get; private set; }

    /// <summary>
    /// The support decided: for a disabled child the decision on support under section 2 of the Chronically Sick and Disabled
    /// Persons Act 1970 (GRP-03); for a carer the support they will have, and how it is taken into account in the child's plan.
    /// </summary>
    public string? SupportDecided { get; private set; }

    /// <summary>For a young carer: the other assessments it was combined with, if any (GRP-05: consider combining them).</summary>
    public string? CombinedWith { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public bool IsCompleted => CompletedOn is not null;

    /// <summary>The rule the kind of assessment comes from.</summary>
    public static string RuleOf(CarersAndDisabilityAssessmentKind kind) => kind switch
    {
        CarersAndDisabilityAssessmentKind.DisabledChild => "GRP-03",
        CarersAndDisabilityAssessmentKind.ParentCarer => "GRP-04",
        _ => "GRP-05",
    };

    public static string Describe(CarersAndDisabilityAssessmentKind kind) => kind switch
    {
        CarersAndDisabilityAssessmentKind.DisabledChild => "Disabled child's assessment (Chronically Sick and Disabled Persons Act 1970, section 2)",
        CarersAndDisabilityAssessmentKind.ParentCarer => "Parent carer needs assessment (Children Act 1989, section 17ZD)",
        _ => "Young carer's needs assessment (Children Act 1989, section 17ZA)",
    };

    /// <summary>
    /// Records that an assessment was asked for or is needed: for whom, why and when, and the day it started if it has. The days
    /// are not in the future and it cannot start before it was asked for.
    /// </summary>
    public static CarersAndDisabilityAssessment Record(Guid id, Episode episode, CarersAndDisabilityAssessmentKind? kind, string? forWhom,
        CarersAssessmentTrigger? trigger, DateOnly? requestedOn, DateOnly? startedOn, string? combinedWith, Practitioner recordedBy, DateOnly today,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(recordedBy);
        Require(kind is not null && Enum.IsDefined(kind.Value), "GRP-03",
            "Select whether it is a disabled child's, a parent carer's or a young carer's assessment.", nameof(Kind));
        var rule = RuleOf(kind!.Value);
        Require(episode.ClosedOn is null, rule, "The episode is closed: the assessment is recorded on an open episode.");
        Require(!string.IsNullOrWhiteSpace(forWhom), rule, kind switch
        {
            CarersAndDisabilityAssessmentKind.DisabledChild => "Enter the name of the disabled child.",
            CarersAndDisabilityAssessmentKind.ParentCarer => "Enter the name of the parent carer.",
            _ => "Enter the name of the young carer.",
        }, nameof(ForWhom));
        Require(forWhom!.Trim().Length <= MaxNameLength, rule, $"The name must be {MaxNameLength} characters or fewer.", nameof(ForWhom));
        Require(trigger is not null && Enum.IsDefined(trigger.Value), rule,
            "Say whether the person appears to need support or asked for an assessment.", nameof(Trigger));
        Require(requestedOn is not null, rule, "Enter the day the assessment was asked for or found to be needed.", nameof(RequestedOn));
        Require(requestedOn <= today, rule, "The day the assessment was asked for must be today or in the past.", nameof(RequestedOn));
        Require(startedOn is null || startedOn >= requestedOn && startedOn <= today, rule,
            "The day the assessment started must be on or after the day it was asked for, and not in the future.", nameof(StartedOn));
        Require(combinedWith is null || combinedWith.Trim().Length <= MaxTextLength, rule,
            $"The assessments it was combined with must be {MaxTextLength:N0} characters or fewer.", nameof(CombinedWith));
        Require(recordedBy.AreaId == episode.AreaId, rule, "The assessment is recorded by a practitioner of the area.");
        return new CarersAndDisabilityAssessment
        {
            Id = id,
            AreaId = episode.AreaId,
            ChildId = episode.ChildId,
            EpisodeId = episode.Id,
            Kind = kind.Value,
            ForWhom = forWhom.Trim(),
            Trigger = trigger!.Value,
            RequestedOn = requestedOn!.Value,
            StartedOn = startedOn,
            CombinedWith = string.IsNullOrWhiteSpace(combinedWith) ? null : combinedWith.Trim(),
            RecordedBy = recordedBy.Id,
            RecordedAt = at,
        };
    }

    /// <summary>
    /// Completes the assessment with what it found and the support decided (for a disabled child, the decision on section 2 support;
    /// for a carer, the support and how it is taken into account), and who assessed. Completed once; the days run in order and not
    /// into the future.
    /// </summary>
    public void Complete(DateOnly? startedOn, DateOnly? completedOn, Practitioner? assessedBy, string? outcome, string? supportDecided, DateOnly today)
    {
        var rule = RuleOf(Kind);
        Require(!IsCompleted, rule, "The assessment is already completed; its outcome is not changed.");
        var started = StartedOn ?? startedOn;
        Require(started is not null && started >= RequestedOn && started <= today, rule,
            "Enter the day the assessment started: on or after the day it was asked for, and not in the future.", nameof(StartedOn));
        Require(completedOn is not null && completedOn >= started && completedOn <= today, rule,
            "Enter the day the assessment was completed: on or after the day it started, and not in the future.", nameof(CompletedOn));
        Require(assessedBy is not null && assessedBy.AreaId == AreaId, rule, "Select the practitioner of the area who carried out the assessment.",
            nameof(AssessedBy));
        Require(!string.IsNullOrWhiteSpace(outcome), rule, "Enter what the assessment found.", nameof(Outcome));
        Require(outcome!.Trim().Length <= MaxTextLength, rule, $"What the assessment found must be {MaxTextLength:N0} characters or fewer.", nameof(Outcome));
        Require(!string.IsNullOrWhiteSpace(supportDecided), rule, Kind == CarersAndDisabilityAssessmentKind.DisabledChild
            ? "Enter the decision on support under section 2 of the Chronically Sick and Disabled Persons Act 1970, even if none is needed."
            : "Enter the support decided and how it is taken into account in the child's plan, even if none is needed.", nameof(SupportDecided));
        Require(supportDecided!.Trim().Length <= MaxTextLength, rule, $"The support decided must be {MaxTextLength:N0} characters or fewer.",
            nameof(SupportDecided));
        StartedOn = started;
        CompletedOn = completedOn;
        AssessedBy = assessedBy!.Id;
        Outcome = outcome.Trim();
        SupportDecided = supportDecided.Trim();
    }

    /// <summary>The child turned out to have another record: this moves to the surviving record.</summary>
    public void MoveToChild(Guid survivorId) => ChildId = survivorId;
}
