using Safeguard.Domain.Organisation;
using Safeguard.Domain.Plans;
using Safeguard.Domain.Referrals;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.FamilyHelp;

public enum PlanKind
{
    /// <summary>A Family Help plan, co-produced with the family (FH-03).</summary>
    FamilyHelp,

    /// <summary>A child in need plan under section 17 (CIN-01).</summary>
    ChildInNeed,
}

/// <summary>
/// One outcome the plan is for: what must change for the child, how everyone will know (measurable), by when, and who
/// provides which service (CIN-01).
/// </summary>
public sealed record PlanOutcome(int Number, string Outcome, string Measure, DateOnly ByWhen, string ProvidedBy, string Service)
{
    /// <summary>The day the outcome was achieved; null while the plan still works towards it.</summary>
    public DateOnly? AchievedOn { get; init; }

    public override string ToString() => $"{Outcome} (measured by: {Measure}); by {ByWhen:d MMMM yyyy}; {ProvidedBy}: {Service}";
}

/// <summary>How an outcome is going at a review.</summary>
public enum Progress
{
    Achieved,
    OnTrack,
    SomeProgress,
    NoProgress,
    Worse,
}

/// <summary>Progress against one outcome at a review, with the evidence for it.</summary>
public sealed record OutcomeProgress(int OutcomeNumber, Progress Progress, string Evidence);

/// <summary>A review of the plan on a date the plan set (CIN-02): progress against each outcome, decisions, next review.</summary>
public sealed record PlanReview(DateOnly HeldOn, Guid RecordedBy, string Decisions, DateOnly? NextReviewOn)
{
    // A list, not an empty array: loading a reviewed plan to change it fills this collection in place.
    public IReadOnlyList<OutcomeProgress> Progress { get; init; } = new List<OutcomeProgress>();
}

/// <summary>
/// A Family Help plan or child in need plan: measurable outcomes, what changes by when, which agency provides which
/// service, how often the child is seen, and the dates it is reviewed (CIN-01, CIN-02, FH-03). A child in need plan is
/// approved by a social work qualified practice supervisor or manager (RC-01); Family Help needs the family's agreement
/// first (FH-01). An existing plan is the foundation for any further assessment (¶156).
/// </summary>
public sealed class FamilyHelpPlan
{
    public const int MaxTextLength = Referral.MaxTextLength;
    public const int MaxOutcomes = 20;

    private readonly List<PlanOutcome> _outcomes = [];
    private readonly List<PlanReview> _reviews = [];
    private readonly List<PlanChange> _changes = [];

    private FamilyHelpPlan()
    {
        ExpectationsOfParents = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid ChildId { get; private set; }

    public PlanKind Kind { get; private set; }

    /// <summary>The census CINPlanStartDate for a child in need plan.</summary>
    public DateOnly StartedOn { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public string? EndReason { get; private set; }

    public Guid CreatedBy { get; private set; }

    public IReadOnlyList<PlanOutcome> Outcomes => _outcomes;

    /// <summary>What is expected of the parents and carers, and the family's strengths (CIN-01).</summary>
    public string ExpectationsOfParents { get; private set; }

    /// <summary>How often the child is to be seen, in days: the child's record flags a longer gap.</summary>
    public int VisitEveryDays { get; private set; }

    public DateOnly NextReviewOn { get; private set; }

    public IReadOnlyList<PlanReview> Reviews => _reviews;

    /// <summary>Every change to the plan's outcomes since it was made, oldest first: who, when, what it was before, and why.</summary>
    public IReadOnlyList<PlanChange> Changes => _changes;

    public Guid? ApprovedBy { get; private set; }

    public DateOnly? ApprovedOn { get; private set; }

    public bool IsOpen => EndedOn is null;

    public Guid Version { get; private set; }

    /// <summary>Makes the plan on an open episode. Only one open plan per child (census 4004).</summary>
    public static FamilyHelpPlan Make(Guid id, Episode episode, PlanKind kind, Guid madeBy, IReadOnlyList<PlanOutcome> outcomes, string expectationsOfParents,
        int visitEveryDays, DateOnly nextReviewOn, DateOnly on, bool childHasOpenPlan)
    {
        Require(episode.IsOpen, "SG-EP-13", "The episode is closed.");
        Require(episode.LeadPractitionerId == madeBy, "CIN-01", "The plan is made by the episode's lead practitioner.");
        Require(!childHasOpenPlan, "SG-PLAN-01", "The child already has an open plan: review or end it instead.");
        Require(kind != PlanKind.FamilyHelp || episode.FamilyAgreement?.Agreed == true, "FH-01",
            "Family Help is voluntary: record the family's agreement before making the plan.");
        Require(on >= episode.OpenedOn, "SG-PLAN-02", "The plan cannot start before the episode opened.");
        Check(outcomes, expectationsOfParents, visitEveryDays, nextReviewOn, on);
        var plan = new FamilyHelpPlan
        {
            Id = id,
            AreaId = episode.AreaId,
            EpisodeId = episode.Id,
            ChildId = episode.ChildId,
            Kind = kind,
            StartedOn = on,
            CreatedBy = madeBy,
            ExpectationsOfParents = expectationsOfParents.Trim(),
            VisitEveryDays = visitEveryDays,
            NextReviewOn = nextReviewOn,
            Version = Guid.NewGuid(),
        };
        plan._outcomes.AddRange(Numbered(outcomes));
        return plan;
    }

    /// <summary>A child in need plan is approved by a social work qualified practice supervisor or manager (CIN-01, RC-01).</summary>
    public void Approve(Practitioner manager, DateOnly on)
    {
        Require(manager.AreaId == AreaId && manager.Has(PractitionerRole.PracticeSupervisor) && manager.IsSocialWorkQualified, "RC-01",
            "Only a social work qualified practice supervisor or manager can approve a plan.");
        Require(IsOpen, "SG-PLAN-03", "The plan has ended.");
        Require(ApprovedOn is null, "SG-PLAN-04", "The plan has already been approved.");
        ApprovedBy = manager.Id;
        ApprovedOn = on;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Reviews the plan (CIN-02): progress against every outcome with its evidence, the decisions made, and the next
    /// review date unless the plan ends. A child in need plan is reviewed once approved.
    /// </summary>
    public void Review(Guid recordedBy, DateOnly heldOn, IReadOnlyList<OutcomeProgress> progress, string decisions, DateOnly? nextReviewOn, DateOnly today)
    {
        Require(IsOpen, "SG-PLAN-03", "The plan has ended.");
        Require(Kind != PlanKind.ChildInNeed || ApprovedOn is not null, "CIN-01", "A manager approves the child in need plan before it is reviewed.");
        Require(heldOn >= StartedOn && heldOn <= today, "SG-PLAN-05", "The review date must be between the plan's start and today.", "HeldOn");
        Require(_reviews.TrueForAll(r => r.HeldOn <= heldOn), "SG-PLAN-05", "The review cannot be dated before the previous review.", "HeldOn");
        Require(_outcomes.TrueForAll(o => progress.Any(p => p.OutcomeNumber == o.Number)), "CIN-02", "Record progress against every outcome.", "Progress");
        Require(progress.All(p => _outcomes.Exists(o => o.Number == p.OutcomeNumber)) && progress.Select(p => p.OutcomeNumber).Distinct().Count() == progress.Count,
            "CIN-02", "Record progress once for each of the plan's outcomes.", "Progress");
        for (var i = 0; i < progress.Count; i++)
        {
            Require(!string.IsNullOrWhiteSpace(progress[i].Evidence) && progress[i].Evidence.Length <= MaxTextLength, "CIN-02",
                $"Outcome {progress[i].OutcomeNumber}: give the evidence for the progress made (10,000 characters or fewer).", $"Progress[{i}].Evidence");
        }

        Require(!string.IsNullOrWhiteSpace(decisions) && decisions.Length <= MaxTextLength, "CIN-02", "Record the decisions made at the review.", "Decisions");
        Require(nextReviewOn is null || nextReviewOn > heldOn, "SG-PLAN-06", "The next review must be after this one.", "NextReviewOn");
        Require(nextReviewOn is not null, "CIN-02", "Set the date of the next review, or end the plan.", "NextReviewOn");
        _reviews.Add(new PlanReview(heldOn, recordedBy, decisions.Trim(), nextReviewOn)
        {
            Progress = [.. progress.Select(p => p with { Evidence = p.Evidence.Trim() }).OrderBy(p => p.OutcomeNumber)],
        });
        NextReviewOn = nextReviewOn!.Value;
        Version = Guid.NewGuid();
    }

    /// <summary>Ends the plan with the reason; ongoing support is considered (FH-08).</summary>
    public void End(Guid endedBy, DateOnly on, string reason)
    {
        Require(IsOpen, "SG-PLAN-03", "The plan has already ended.");
        Require(on > StartedOn, "SG-PLAN-07", "A plan cannot end on the day it started (census 4012Q).", "On");
        Require(!string.IsNullOrWhiteSpace(reason) && reason.Length <= MaxTextLength, "SG-PLAN-08",
            "Give the reason the plan is ending and the support that continues.", "Reason");
        _ = endedBy;
        EndedOn = on;
        EndReason = reason.Trim();
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// A child protection plan started for the child: a child in need or Family Help plan cannot stay open alongside it
    /// (census 4001, 4016, 4017), so it is folded into the protection plan and ends on the conference's day. The
    /// protection plan carries the help on.
    /// </summary>
    public void FoldIntoProtectionPlan(Guid protectionPlanId, DateOnly conferenceOn)
    {
        Require(IsOpen, "SG-PLAN-03", "The plan has already ended.");
        _ = protectionPlanId;
        EndedOn = conferenceOn < StartedOn ? StartedOn : conferenceOn;
        EndReason = $"A child protection plan started on {conferenceOn:d MMMM yyyy}: this plan's help carries on in it (census 4001).";
        Version = Guid.NewGuid();
    }

    /// <summary>The child died or left the UK, as recorded on the child: the plan ends that day with that reason.</summary>
    public void EndBecauseTheChildHasGone(DateOnly on, string reason)
    {
        if (!IsOpen)
        {
            return;
        }

        EndedOn = on < StartedOn ? StartedOn : on;
        EndReason = reason.Trim();
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// The plan is co-produced and updated with the family as the work goes on (FH-03, CIN-01): a new outcome says what
    /// must change, how everyone will know, by when, and which agency provides which service. It is numbered after the
    /// others; numbers never change, so reviews keep referring to the same outcome.
    /// </summary>
    public PlanOutcome AddOutcome(Guid by, PlanOutcome outcome, string? reason, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Require(IsOpen, "SG-PLAN-03", "The plan has ended.");
        Require(_outcomes.Count < MaxOutcomes, "CIN-01", $"A plan has up to {MaxOutcomes} outcomes: change or achieve one instead.");
        CheckOutcome(outcome, today, string.Empty);
        Require((reason?.Length ?? 0) <= PlanChange.MaxReasonLength, "SG-PLAN-09", "The reason must be 2,000 characters or fewer.", "Reason");
        var added = Tidy(outcome) with { Number = _outcomes.Max(o => o.Number) + 1, AchievedOn = null };
        _outcomes.Add(added);
        _changes.Add(new PlanChange(PlanChangeKind.OutcomeAdded, added.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), today, at, by, null,
            added.ToString(), Trimmed(reason)));
        Version = Guid.NewGuid();
        return added;
    }

    /// <summary>Changes an outcome not yet achieved: what it was before is kept in the plan's history, with who changed it, when and why.</summary>
    public PlanOutcome ChangeOutcome(Guid by, int number, PlanOutcome outcome, string? reason, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Require(IsOpen, "SG-PLAN-03", "The plan has ended.");
        var index = _outcomes.FindIndex(o => o.Number == number);
        Require(index >= 0, "SG-PLAN-09", "Choose an outcome from the plan.", "Number");
        var before = _outcomes[index];
        Require(before.AchievedOn is null, "SG-PLAN-10", "This outcome has been achieved: add a new outcome instead of changing it.", "Number");
        CheckOutcome(outcome, today, string.Empty);
        var after = Tidy(outcome) with { Number = number, AchievedOn = null };
        Require(after != before, "SG-PLAN-09", "Nothing has changed: change the outcome, its measure, the date or the service.", "Outcome");
        Require((reason?.Length ?? 0) <= PlanChange.MaxReasonLength, "SG-PLAN-09", "The reason must be 2,000 characters or fewer.", "Reason");
        _outcomes[index] = after;
        _changes.Add(new PlanChange(PlanChangeKind.OutcomeChanged, number.ToString(System.Globalization.CultureInfo.InvariantCulture), today, at, by,
            before.ToString(), after.ToString(), Trimmed(reason)));
        Version = Guid.NewGuid();
        return after;
    }

    /// <summary>Records an outcome achieved, on the day it was (between the plan's start and today), with how everyone knows.</summary>
    public PlanOutcome AchieveOutcome(Guid by, int number, DateOnly achievedOn, string evidence, DateTimeOffset at, DateOnly today)
    {
        Require(IsOpen, "SG-PLAN-03", "The plan has ended.");
        var index = _outcomes.FindIndex(o => o.Number == number);
        Require(index >= 0, "SG-PLAN-09", "Choose an outcome from the plan.", "Number");
        Require(_outcomes[index].AchievedOn is null, "SG-PLAN-10", "This outcome has already been achieved.", "Number");
        Require(achievedOn >= StartedOn && achievedOn <= today, "SG-PLAN-05", "The day it was achieved must be between the plan's start and today.", "AchievedOn");
        Require(!string.IsNullOrWhiteSpace(evidence) && evidence.Length <= PlanChange.MaxReasonLength, "CIN-02",
            "Give the evidence that the outcome has been achieved (2,000 characters or fewer).", "Evidence");
        var before = _outcomes[index];
        _outcomes[index] = before with { AchievedOn = achievedOn };
        _changes.Add(new PlanChange(PlanChangeKind.OutcomeAchieved, number.ToString(System.Globalization.CultureInfo.InvariantCulture), achievedOn, at, by,
            before.ToString(), $"Achieved on {achievedOn:d MMMM yyyy}", evidence.Trim()));
        Version = Guid.NewGuid();
        return _outcomes[index];
    }

    /// <summary>The child turned out to have another record: this moves to the surviving record.</summary>
    public void MoveToChild(Guid survivorId) => ChildId = survivorId;

    private static void Check(IReadOnlyList<PlanOutcome> outcomes, string expectationsOfParents, int visitEveryDays, DateOnly nextReviewOn, DateOnly on)
    {
        Require(outcomes.Count is > 0 and <= MaxOutcomes, "CIN-01", $"Set out at least one outcome for the child (up to {MaxOutcomes}).", "Outcomes");
        for (var i = 0; i < outcomes.Count; i++)
        {
            var o = outcomes[i];
            var field = $"Outcomes[{i}]";
            Require(!string.IsNullOrWhiteSpace(o.Outcome) && o.Outcome.Length <= 2_000, "CIN-01", $"Outcome {i + 1}: say what must change for the child.",
                field + ".Outcome");
            Require(!string.IsNullOrWhiteSpace(o.Measure) && o.Measure.Length <= 2_000, "CIN-01",
                $"Outcome {i + 1}: say how everyone will know it has been achieved.", field + ".Measure");
            Require(o.ByWhen > on, "CIN-01", $"Outcome {i + 1}: the date it is to be achieved by must be after the plan starts.", field + ".ByWhen");
            Require(!string.IsNullOrWhiteSpace(o.ProvidedBy) && o.ProvidedBy.Length <= 200 && !string.IsNullOrWhiteSpace(o.Service) && o.Service.Length <= 2_000,
                "CIN-01", $"Outcome {i + 1}: say which agency provides which service.", field + ".ProvidedBy");
        }

        Require(!string.IsNullOrWhiteSpace(expectationsOfParents) && expectationsOfParents.Length <= MaxTextLength, "CIN-01",
            "Set out what is expected of the parents and carers.", "ExpectationsOfParents");
        Require(visitEveryDays is >= 1 and <= 92, "ASM-05", "Say how often the child is to be seen, from every day to every 92 days.", "VisitEveryDays");
        Require(nextReviewOn > on, "CIN-02", "Set the date of the first review, after the plan starts.", "NextReviewOn");
    }

    /// <summary>One outcome added or changed later: the same as when the plan was made, with a date to achieve it by no earlier than today.</summary>
    private void CheckOutcome(PlanOutcome o, DateOnly today, string field)
    {
        Require(!string.IsNullOrWhiteSpace(o.Outcome) && o.Outcome.Length <= 2_000, "CIN-01", "Say what must change for the child (2,000 characters or fewer).",
            field + "Outcome");
        Require(!string.IsNullOrWhiteSpace(o.Measure) && o.Measure.Length <= 2_000, "CIN-01",
            "Say how everyone will know it has been achieved (2,000 characters or fewer).", field + "Measure");
        Require(o.ByWhen >= today && o.ByWhen > StartedOn, "CIN-01", "The date it is to be achieved by must be today or later.", field + "ByWhen");
        Require(!string.IsNullOrWhiteSpace(o.ProvidedBy) && o.ProvidedBy.Length <= 200, "CIN-01", "Say which agency provides the service.", field + "ProvidedBy");
        Require(!string.IsNullOrWhiteSpace(o.Service) && o.Service.Length <= 2_000, "CIN-01", "Say which service it provides.", field + "Service");
    }

    private static PlanOutcome Tidy(PlanOutcome o) =>
        o with { Outcome = o.Outcome.Trim(), Measure = o.Measure.Trim(), ProvidedBy = o.ProvidedBy.Trim(), Service = o.Service.Trim() };

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IEnumerable<PlanOutcome> Numbered(IReadOnlyList<PlanOutcome> outcomes) =>
        outcomes.Select((o, i) => o with
        {
            Number = i + 1,
            AchievedOn = null,
            Outcome = o.Outcome.Trim(),
            Measure = o.Measure.Trim(),
            ProvidedBy = o.ProvidedBy.Trim(),
            Service = o.Service.Trim(),
        });
}
