using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Organisation;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.LookedAfter;

/// <summary>The legal status from a date: a period of care can begin under section 20 and continue under an interim care order.</summary>
public sealed record LegalStatusChange(DateOnly From, LegalStatus Status, Guid RecordedBy);

/// <summary>
/// One version of the care plan (LAC-01, ¶230): how the child will be cared for, and how their welfare will be safeguarded
/// and promoted. A planned return home adds the outcome of its assessment (LAC-04).
/// </summary>
public sealed record CarePlanVersion(int Number, DateOnly AgreedOn, string Care, string Safeguarding, string? ReturnHome, Guid RecordedBy);

/// <summary>
/// A review of the care plan (¶230: safeguarding is reviewed through care planning). When a section 47 enquiry is made about
/// a looked after child, the care plan is reviewed alongside it and the enquiry's actions are monitored here (LAC-03, ¶220).
/// </summary>
public sealed record CarePlanReview(Guid Id, DateOnly HeldOn, string ChairedBy, string ChildsViews, string Decisions, Guid? Section47EnquiryId, Guid RecordedBy);

/// <summary>Where the child lives while looked after; out of the area, the receiving local authority is named (LAC-02).</summary>
public sealed record Placement(Guid Id, DateOnly StartedOn, DateOnly? EndedOn, PlacementType Type, string Where, bool OutOfArea, string? ReceivingAuthority,
    Guid RecordedBy);

/// <summary>What a placement's start or end asks the placing authority to tell others.</summary>
public enum PlacementEvent
{
    /// <summary>The child starts to be looked after, or changes placement.</summary>
    Started,

    /// <summary>The child leaves the placement: moves, or stops being looked after.</summary>
    Ended,
}

/// <summary>Who is told of a placement (LAC-02, ¶232-233 and footnote 121).</summary>
public enum NotifiedParty
{
    /// <summary>The local authority the child is placed in, so it can provide education, health and other services.</summary>
    ReceivingAuthority,

    /// <summary>The child's GP.</summary>
    GeneralPractitioner,

    /// <summary>The integrated care board.</summary>
    IntegratedCareBoard,
}

/// <summary>A notification sent: to whom, when, and the information sharing record that accounts for it.</summary>
public sealed record PlacementNotification(Guid PlacementId, PlacementEvent Event, NotifiedParty Party, DateOnly SentOn, string SentTo, Guid InformationSharingId,
    Guid RecordedBy);

/// <summary>A notification the placements call for, and the record of it once sent.</summary>
public sealed record NotificationDue(Guid PlacementId, PlacementEvent Event, NotifiedParty Party, DateOnly EventOn, string? ReceivingAuthority,
    PlacementNotification? Sent)
{
    public bool IsSent => Sent is not null;
}

/// <summary>The assessment of a planned return home, made while the child is looked after (LAC-04: regulation 39).</summary>
public sealed record ReturnHomeAssessment(DateOnly CompletedOn, Guid AssessedBy, string Assessment, string ServicesAndSupport);

/// <summary>A social work qualified manager's approval to cease looking after the child (LAC-04).</summary>
public sealed record ReturnHomeApproval(DateOnly ApprovedOn, Guid ApprovedBy, string Reasons, string? LeavingCareAssessment);

/// <summary>A return home from section 20 accommodation outside the care plan, and the check of the child's immediate safety (LAC-05).</summary>
public sealed record UnplannedReturn(DateOnly ReturnedOn, string WhatHappened, string SafetyCheck, bool SignificantHarmSuspected, string? ActionTaken,
    Guid RecordedBy);

/// <summary>The plan after the child returns home (LAC-06): services and support, and the timeline made clear to the child and family.</summary>
public sealed record ReunificationPlan(DateOnly AgreedOn, string Services, string Timeline, bool Explained, string? WhyNotExplained, Guid RecordedBy);

/// <summary>A review after reunification (LAC-06): the child seen alone where possible, their wishes, and the impact of the services.</summary>
public sealed record ReunificationReview(DateOnly HeldOn, bool ChildSeen, bool SeenAlone, string? WhyNotSeenAlone, string ChildsWishes, string Impact,
    Guid RecordedBy);

/// <summary>How a period of care ended.</summary>
public enum LookedAfterEndReason
{
    /// <summary>Returned home as the care plan decided, with a manager's approval (LAC-04).</summary>
    PlannedReturnHome,

    /// <summary>Returned home from section 20 accommodation outside the plan (LAC-05).</summary>
    UnplannedReturnHome,

    /// <summary>Any other reason (an order, adoption, turning 18), with notes.</summary>
    Other,
}

/// <summary>The first placement and legal basis, as the child becomes looked after.</summary>
public sealed record PlacementDetails(DateOnly StartedOn, PlacementType? Type, string Where, bool? OutOfArea, string? ReceivingAuthority);

/// <summary>
/// A period during which the local authority looks after the child, recorded on the child's episode (STATUTORY-RULES §5
/// <c>LookedAfter</c>): the legal basis and its changes, the care plan every looked after child must have (LAC-01) and its
/// reviews — alongside any section 47 enquiry (LAC-03) — the placements and the notifications an out-of-area placement calls
/// for (LAC-02), and the return home: planned, with an assessment and a manager's approval (LAC-04), or unplanned from
/// section 20 with a safety check (LAC-05), then the reunification plan and its reviews (LAC-06).
/// </summary>
public sealed class LookedAfterPeriod
{
    public const int MaxTextLength = 10_000;

    public const int MaxNameLength = 200;

    public const int MaxWhereLength = 500;

    private readonly List<LegalStatusChange> _legalStatuses = [];
    private readonly List<CarePlanVersion> _carePlans = [];
    private readonly List<CarePlanReview> _reviews = [];
    private readonly List<Placement> _placements = [];
    private readonly List<PlacementNotification> _notifications = [];
    private readonly List<ReunificationPlan> _reunificationPlans = [];
    private readonly List<ReunificationReview> _reunificationReviews = [];

    private LookedAfterPeriod()
    {
        Reasons = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid ChildId { get; private set; }

    public DateOnly StartedOn { get; private set; }

    /// <summary>Why the child became looked after.</summary>
    public string Reasons { get; private set; }

    public Guid StartedBy { get; private set; }

    public IReadOnlyList<LegalStatusChange> LegalStatuses => _legalStatuses;

    public LegalStatus LegalStatus => _legalStatuses[^1].Status;

    public IReadOnlyList<CarePlanVersion> CarePlans => _carePlans;

    public CarePlanVersion? CarePlan => _carePlans.Count == 0 ? null : _carePlans[^1];

    /// <summary>Every looked after child must have a care plan (LAC-01): until there is one, the record says so.</summary>
    public bool HasCarePlan => _carePlans.Count > 0;

    public IReadOnlyList<CarePlanReview> Reviews => _reviews;

    public IReadOnlyList<Placement> Placements => _placements;

    public Placement? CurrentPlacement => _placements.Count > 0 && _placements[^1].EndedOn is null ? _placements[^1] : null;

    public IReadOnlyList<PlacementNotification> Notifications => _notifications;

    public ReturnHomeAssessment? ReturnHomeAssessment { get; private set; }

    public ReturnHomeApproval? ReturnHomeApproval { get; private set; }

    public UnplannedReturn? UnplannedReturn { get; private set; }

    public IReadOnlyList<ReunificationPlan> ReunificationPlans => _reunificationPlans;

    public ReunificationPlan? ReunificationPlan => _reunificationPlans.Count == 0 ? null : _reunificationPlans[^1];

    public IReadOnlyList<ReunificationReview> ReunificationReviews => _reunificationReviews;

    public DateOnly? EndedOn { get; private set; }

    public LookedAfterEndReason? EndReason { get; private set; }

    public string? EndNotes { get; private set; }

    public Guid? EndedBy { get; private set; }

    public bool IsOpen => EndedOn is null;

    /// <summary>The child went home (as planned or not): a reunification plan follows (LAC-06).</summary>
    public bool ReturnedHome => EndReason is LookedAfterEndReason.PlannedReturnHome or LookedAfterEndReason.UnplannedReturnHome;

    public Guid Version { get; private set; }

    /// <summary>
    /// The child becomes looked after on the episode: the date, the legal basis, why, and where they are placed. An
    /// out-of-area placement names the receiving authority (LAC-02). The care plan follows (LAC-01).
    /// </summary>
    public static LookedAfterPeriod Start(Guid id, Guid placementId, Episode episode, Practitioner by, DateOnly on, LegalStatus? legalStatus, string reasons,
        PlacementDetails placement, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(placement);
        Require(episode.IsOpen, "SG-EP-13", "The episode is closed.");
        Require(by.AreaId == episode.AreaId, "SG-LAC-01", "The episode is in another area.");
        Require(on >= episode.OpenedOn && on <= today, "SG-LAC-02", "The date the child became looked after must be between the episode's opening and today.",
            "StartedOn");
        Require(legalStatus is not null && Enum.IsDefined(legalStatus.Value), "SG-LAC-03", "Select the legal basis on which the child is looked after.",
            "LegalStatus");
        Require(!string.IsNullOrWhiteSpace(reasons) && reasons.Length <= MaxTextLength, "SG-LAC-04", "Say why the child is becoming looked after.", "Reasons");
        var period = new LookedAfterPeriod
        {
            Id = id,
            AreaId = episode.AreaId,
            EpisodeId = episode.Id,
            ChildId = episode.ChildId,
            StartedOn = on,
            Reasons = reasons.Trim(),
            StartedBy = by.Id,
            Version = Guid.NewGuid(),
        };
        period._legalStatuses.Add(new LegalStatusChange(on, legalStatus!.Value, by.Id));
        Require(placement.StartedOn == on, "SG-LAC-05", "The first placement starts the day the child becomes looked after.", "PlacementStartedOn");
        period._placements.Add(CheckedPlacement(placementId, placement, by.Id));
        return period;
    }

    /// <summary>The legal basis changes, for example from section 20 to an interim care order.</summary>
    public void ChangeLegalStatus(Guid by, LegalStatus? status, DateOnly from, DateOnly today)
    {
        RequireOpen();
        Require(status is not null && Enum.IsDefined(status.Value), "SG-LAC-03", "Select the new legal basis.", "LegalStatus");
        Require(status != LegalStatus, "SG-LAC-06", $"The child is already looked after on this basis ({LegalStatus.Describe()}).", "LegalStatus");
        Require(from >= _legalStatuses[^1].From && from <= today, "SG-LAC-07",
            $"The new legal basis must start between {_legalStatuses[^1].From:d MMMM yyyy} and today.", "From");
        _legalStatuses.Add(new LegalStatusChange(from, status!.Value, by));
        Touch();
    }

    /// <summary>
    /// Agrees the care plan, or a new version of it (LAC-01, ¶230): how the child will be cared for, and how their welfare will
    /// be safeguarded and promoted. The outcome of a return home assessment carries into each new version.
    /// </summary>
    public void AgreeCarePlan(Guid by, DateOnly on, string care, string safeguarding, DateOnly today)
    {
        RequireOpen();
        Require(on >= StartedOn && on <= today && (CarePlan is null || on >= CarePlan.AgreedOn), "SG-LAC-08",
            "The care plan's date must be between the last version (or the day the child became looked after) and today.", "AgreedOn");
        Require(!string.IsNullOrWhiteSpace(care) && care.Length <= MaxTextLength, "LAC-01",
            "Set out how the child will be cared for: the placement, health, education, contact with family.", "Care");
        Require(!string.IsNullOrWhiteSpace(safeguarding) && safeguarding.Length <= MaxTextLength, "LAC-01",
            "Set out how the child's welfare will be safeguarded and promoted.", "Safeguarding");
        _carePlans.Add(new CarePlanVersion(_carePlans.Count + 1, on, care.Trim(), safeguarding.Trim(), CarePlan?.ReturnHome, by));
        Touch();
    }

    /// <summary>
    /// Reviews the care plan (¶230). A review alongside a section 47 enquiry about the looked after child links to it, so the
    /// enquiry's actions are monitored through care planning (LAC-03, ¶220).
    /// </summary>
    public void ReviewCarePlan(Guid reviewId, Guid by, DateOnly heldOn, string chairedBy, string childsViews, string decisions, Section47Enquiry? enquiry,
        DateOnly today)
    {
        RequireOpen();
        Require(HasCarePlan, "LAC-01", "There is no care plan to review: agree the care plan first.");
        Require(heldOn >= _carePlans[0].AgreedOn && heldOn <= today, "SG-LAC-09", "The review's date must be between the first care plan and today.", "HeldOn");
        Require(!string.IsNullOrWhiteSpace(chairedBy) && chairedBy.Length <= MaxNameLength, "SG-LAC-10",
            "Name who chaired the review (the independent reviewing officer).", "ChairedBy");
        Require(!string.IsNullOrWhiteSpace(childsViews) && childsViews.Length <= MaxTextLength, "SG-LAC-11",
            "Record the child's wishes and feelings, and how they were given.", "ChildsViews");
        Require(!string.IsNullOrWhiteSpace(decisions) && decisions.Length <= MaxTextLength, "SG-LAC-12",
            "Record the review's decisions, including how the child is safeguarded.", "Decisions");
        if (enquiry is not null)
        {
            Require(enquiry.ChildId == ChildId && enquiry.EpisodeId == EpisodeId, "LAC-03", "Choose a section 47 enquiry about this child.", "Section47EnquiryId");
            Require(enquiry.ConcludedOn is null || enquiry.ConcludedOn >= StartedOn, "LAC-03",
                "That enquiry ended before the child became looked after: choose one made while they are looked after.", "Section47EnquiryId");
        }

        _reviews.Add(new CarePlanReview(reviewId, heldOn, chairedBy.Trim(), childsViews.Trim(), decisions.Trim(), enquiry?.Id, by));
        Touch();
    }

    /// <summary>
    /// The section 47 enquiries about the child while looked after that no review of the care plan has been linked to yet
    /// (LAC-03): each should be carried out alongside a review of the care plan.
    /// </summary>
    public IReadOnlyList<Guid> EnquiriesWithoutReview(IEnumerable<(Guid Id, DateOnly StartedOn, DateOnly? ConcludedOn)> enquiries) =>
        [.. enquiries.Where(e => (e.ConcludedOn ?? DateOnly.MaxValue) >= StartedOn && (EndedOn is null || e.StartedOn <= EndedOn))
            .Where(e => _reviews.TrueForAll(r => r.Section47EnquiryId != e.Id)).Select(e => e.Id)];

    /// <summary>The child moves placement: the current one ends the day the new one starts. Out of the area, the receiving authority is named (LAC-02).</summary>
    public void MovePlacement(Guid placementId, Guid by, PlacementDetails placement, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(placement);
        RequireOpen();
        var current = CurrentPlacement;
        Require(placement.StartedOn <= today && (current is null || placement.StartedOn >= current.StartedOn) && placement.StartedOn >= StartedOn,
            "SG-LAC-13", current is null ? "The placement must start between the day the child became looked after and today."
                : $"The new placement must start between {current.StartedOn:d MMMM yyyy} (the current placement's start) and today.", "PlacementStartedOn");
        var next = CheckedPlacement(placementId, placement, by);
        if (current is not null)
        {
            _placements[^1] = current with { EndedOn = placement.StartedOn };
        }

        _placements.Add(next);
        Touch();
    }

    /// <summary>
    /// The notifications the placements call for. The child's GP and the integrated care board are told when the child starts
    /// to be looked after, changes placement or stops being looked after (footnote 121); the receiving authority is told
    /// when an out-of-area placement starts and when it ends (LAC-02, ¶232-233).
    /// </summary>
    public IReadOnlyList<NotificationDue> NotificationsDue()
    {
        var due = new List<NotificationDue>();
        for (var i = 0; i < _placements.Count; i++)
        {
            var p = _placements[i];
            if (p.OutOfArea)
            {
                due.Add(Due(p, PlacementEvent.Started, NotifiedParty.ReceivingAuthority, p.StartedOn));
            }

            due.Add(Due(p, PlacementEvent.Started, NotifiedParty.GeneralPractitioner, p.StartedOn));
            due.Add(Due(p, PlacementEvent.Started, NotifiedParty.IntegratedCareBoard, p.StartedOn));
            if (p.EndedOn is { } ended)
            {
                if (p.OutOfArea)
                {
                    due.Add(Due(p, PlacementEvent.Ended, NotifiedParty.ReceivingAuthority, ended));
                }

                // A move is told to the GP and the board as the next placement's start; the last placement's end is the child
                // no longer being looked after.
                if (i == _placements.Count - 1 && !IsOpen)
                {
                    due.Add(Due(p, PlacementEvent.Ended, NotifiedParty.GeneralPractitioner, ended));
                    due.Add(Due(p, PlacementEvent.Ended, NotifiedParty.IntegratedCareBoard, ended));
                }
            }
        }

        return due;
    }

    /// <summary>Records that a notification was sent (the information sharing record, written in the same save, accounts for it).</summary>
    public PlacementNotification RecordNotification(Guid by, Guid placementId, PlacementEvent? placementEvent, NotifiedParty? party, DateOnly sentOn,
        string sentTo, Guid informationSharingId, DateOnly today)
    {
        Require(placementEvent is not null && party is not null, "LAC-02", "Choose the notification you are recording.", "Notification");
        var due = NotificationsDue().FirstOrDefault(d => d.PlacementId == placementId && d.Event == placementEvent && d.Party == party);
        Require(due is not null, "LAC-02", "That notification is not one this placement calls for.", "Notification");
        Require(!due!.IsSent, "SG-LAC-14", "That notification has already been recorded as sent.", "Notification");
        Require(sentOn <= today && sentOn >= StartedOn.AddDays(-90), "SG-LAC-15", "The date it was sent must be around the placement and not in the future.",
            "SentOn");
        Require(!string.IsNullOrWhiteSpace(sentTo) && sentTo.Length <= MaxNameLength, "LAC-02", party switch
        {
            NotifiedParty.GeneralPractitioner => "Name the child's GP practice.",
            NotifiedParty.IntegratedCareBoard => "Name the integrated care board.",
            _ => "Name the receiving local authority.",
        }, "SentTo");
        var notification = new PlacementNotification(placementId, placementEvent!.Value, party!.Value, sentOn, sentTo.Trim(), informationSharingId, by);
        _notifications.Add(notification);
        Touch();
        return notification;
    }

    /// <summary>
    /// The assessment of a planned return home, while the child is looked after (LAC-04: regulation 39): its outcome goes
    /// into the care plan as a new version. A child under a care order is assessed by a social worker before returning home.
    /// </summary>
    public void AssessReturnHome(Practitioner assessor, DateOnly on, string assessment, string servicesAndSupport, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(assessor);
        RequireOpen();
        Require(HasCarePlan, "LAC-01", "The assessment's outcome goes into the care plan: agree the care plan first.");
        Require(!LegalStatus.IsCareOrder() || assessor.Has(PractitionerRole.SocialWorker) && assessor.IsSocialWorkQualified, "LAC-04",
            $"The child is under a care order ({LegalStatus.Describe().ToLowerInvariant()}): a registered social worker assesses before they return home.");
        Require(on >= StartedOn && on <= today, "SG-LAC-16", "The assessment's date must be between the day the child became looked after and today.",
            "CompletedOn");
        Require(!string.IsNullOrWhiteSpace(assessment) && assessment.Length <= MaxTextLength, "LAC-04",
            "Record the assessment: whether the needs that led to the child being looked after have been addressed.", "Assessment");
        Require(!string.IsNullOrWhiteSpace(servicesAndSupport) && servicesAndSupport.Length <= MaxTextLength, "LAC-04",
            "Record the services and support the child and family will need.", "ServicesAndSupport");
        ReturnHomeAssessment = new ReturnHomeAssessment(on, assessor.Id, assessment.Trim(), servicesAndSupport.Trim());
        ReturnHomeApproval = null;
        var plan = CarePlan!;
        _carePlans.Add(plan with
        {
            Number = _carePlans.Count + 1,
            AgreedOn = on < plan.AgreedOn ? plan.AgreedOn : on,
            ReturnHome = $"Return home assessed {on:d MMMM yyyy}: {ReturnHomeAssessment.Assessment} Services and support: {ReturnHomeAssessment.ServicesAndSupport}",
            RecordedBy = assessor.Id,
        });
        Touch();
    }

    /// <summary>
    /// An eligible child (16 or 17, looked after for at least 13 weeks since turning 14) has their needs assessed for leaving care
    /// (regulation 42). Counts this period only.
    /// </summary>
    public bool IsEligibleChild(DateOnly dateOfBirth, DateOnly on)
    {
        var sixteen = dateOfBirth.AddYears(16);
        var eighteen = dateOfBirth.AddYears(18);
        var fourteen = dateOfBirth.AddYears(14);
        var from = StartedOn > fourteen ? StartedOn : fourteen;
        return on >= sixteen && on < eighteen && on.DayNumber - from.DayNumber >= 13 * 7;
    }

    /// <summary>
    /// A social work qualified manager approves ceasing to look after the child (LAC-04: regulation 39), once the return home has
    /// been assessed. An eligible child's needs assessment for leaving care is recorded first.
    /// </summary>
    public void ApproveReturnHome(Practitioner manager, DateOnly on, string reasons, string? leavingCareAssessment, DateOnly? dateOfBirth, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(manager);
        RequireOpen();
        Require(ReturnHomeAssessment is not null, "LAC-04", "Assess the return home while the child is looked after first (regulation 39).");
        Require(manager.AreaId == AreaId && manager.Has(PractitionerRole.PracticeSupervisor) && manager.IsSocialWorkQualified, "LAC-04",
            "Only a social work qualified practice supervisor or manager approves ceasing to look after the child.");
        Require(ReturnHomeApproval is null, "SG-LAC-17", "The return home has already been approved.");
        Require(on >= ReturnHomeAssessment!.CompletedOn && on <= today, "SG-LAC-18", "The approval's date must be between the assessment and today.", "ApprovedOn");
        Require(!string.IsNullOrWhiteSpace(reasons) && reasons.Length <= MaxTextLength, "LAC-04", "Give the reasons for approving the return home.", "Reasons");
        Require(dateOfBirth is null || !IsEligibleChild(dateOfBirth.Value, on) || !string.IsNullOrWhiteSpace(leavingCareAssessment), "LAC-04",
            "The child is an eligible child (16 or 17, looked after for 13 weeks since turning 14): record the assessment of their needs for leaving care.",
            "LeavingCareAssessment");
        Require((leavingCareAssessment?.Length ?? 0) <= MaxTextLength, "SG-LAC-19", "This must be 10,000 characters or fewer.", "LeavingCareAssessment");
        ReturnHomeApproval = new ReturnHomeApproval(on, manager.Id, reasons.Trim(),
            string.IsNullOrWhiteSpace(leavingCareAssessment) ? null : leavingCareAssessment.Trim());
        Touch();
    }

    /// <summary>The child returns home as planned and approved (LAC-04): the period and the placement end.</summary>
    public void ReturnHomeAsPlanned(Guid by, DateOnly on, DateOnly today)
    {
        RequireOpen();
        Require(ReturnHomeApproval is not null, "LAC-04",
            "A manager must approve ceasing to look after the child, after the return home is assessed (regulation 39).");
        Require(on >= ReturnHomeApproval!.ApprovedOn && on <= today, "SG-LAC-20", "The return home must be between the approval and today.", "ReturnedOn");
        End(by, on, LookedAfterEndReason.PlannedReturnHome, null);
    }

    /// <summary>
    /// A child accommodated under section 20 returns home outside the plan — the parent removes them, or they decide to leave
    /// (LAC-05): the check of their immediate safety, including harm outside the home, is recorded, and when significant harm
    /// is suspected, the action taken (a strategy discussion and section 47 enquiries).
    /// </summary>
    public void ReturnHomeUnplanned(Guid by, DateOnly on, string whatHappened, string safetyCheck, bool? significantHarmSuspected, string? actionTaken,
        DateOnly today)
    {
        RequireOpen();
        Require(LegalStatus == LegalStatus.Section20, "LAC-05",
            $"Only a child accommodated under section 20 can go home without a plan; the child is looked after under a {LegalStatus.Describe().ToLowerInvariant()}"
            + ": their return home is planned, assessed and approved (LAC-04).");
        Require(on >= CurrentPlacementStart && on <= today, "SG-LAC-21", "The return home must be between the current placement's start and today.", "ReturnedOn");
        Require(!string.IsNullOrWhiteSpace(whatHappened) && whatHappened.Length <= MaxTextLength, "LAC-05",
            "Say what happened: for example, the parent removed the child, or the child decided to leave.", "WhatHappened");
        Require(!string.IsNullOrWhiteSpace(safetyCheck) && safetyCheck.Length <= MaxTextLength, "LAC-05",
            "Record the check of the child's immediate safety and wellbeing at home, including any harm outside the home.", "SafetyCheck");
        Require(significantHarmSuspected is not null, "LAC-05", "Say whether the child is suffering, or likely to suffer, significant harm.",
            "SignificantHarmSuspected");
        Require(significantHarmSuspected == false || !string.IsNullOrWhiteSpace(actionTaken), "LAC-05",
            "Significant harm is suspected: record the action taken, such as a strategy discussion and section 47 enquiries.", "ActionTaken");
        Require((actionTaken?.Length ?? 0) <= MaxTextLength, "SG-LAC-19", "This must be 10,000 characters or fewer.", "ActionTaken");
        UnplannedReturn = new UnplannedReturn(on, whatHappened.Trim(), safetyCheck.Trim(), significantHarmSuspected!.Value,
            string.IsNullOrWhiteSpace(actionTaken) ? null : actionTaken.Trim(), by);
        End(by, on, LookedAfterEndReason.UnplannedReturnHome, null);
    }

    /// <summary>The child stops being looked after for another reason (an order, adoption, turning 18): a social work qualified manager records it.</summary>
    public void Cease(Practitioner manager, DateOnly on, string notes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(manager);
        RequireOpen();
        Require(manager.AreaId == AreaId && manager.Has(PractitionerRole.PracticeSupervisor) && manager.IsSocialWorkQualified, "LAC-04",
            "Only a social work qualified practice supervisor or manager ends looking after the child.");
        Require(on >= CurrentPlacementStart && on <= today, "SG-LAC-21", "The end must be between the current placement's start and today.", "EndedOn");
        Require(!string.IsNullOrWhiteSpace(notes) && notes.Length <= MaxTextLength, "SG-LAC-22",
            "Say why the child is no longer looked after, and what support carries on.", "EndNotes");
        End(manager.Id, on, LookedAfterEndReason.Other, notes.Trim());
    }

    /// <summary>
    /// After the child returns home, a plan with the services and support and a timeline made clear to the child and family
    /// (LAC-06). A child placed out of the area because of harm outside the home is led by a social worker after the return (¶193).
    /// </summary>
    public void PlanReunification(Guid by, DateOnly on, string services, string timeline, bool? explained, string? whyNotExplained,
        Practitioner? leadPractitioner, bool harmOutsideTheHome, DateOnly today)
    {
        Require(ReturnedHome, "LAC-06", "A reunification plan follows the child's return home: record the return home first.");
        Require(on >= EndedOn!.Value.AddDays(-90) && on <= today, "SG-LAC-23", "The plan's date must be around the return home and not in the future.", "AgreedOn");
        Require(!string.IsNullOrWhiteSpace(services) && services.Length <= MaxTextLength, "LAC-06",
            "Set out the services and support for the child and family, reflecting the assessments.", "Services");
        Require(!string.IsNullOrWhiteSpace(timeline) && timeline.Length <= MaxTextLength, "LAC-06",
            "Set out the timeline and how decisions about ongoing support will be made.", "Timeline");
        Require(explained is not null, "LAC-06", "Say whether the timeline was made clear to the child and family.", "Explained");
        Require(explained == true || !string.IsNullOrWhiteSpace(whyNotExplained), "LAC-06", "Say why the timeline has not been explained to the child and family.",
            "WhyNotExplained");
        Require((whyNotExplained?.Length ?? 0) <= MaxTextLength, "SG-LAC-19", "This must be 10,000 characters or fewer.", "WhyNotExplained");
        Require(!(harmOutsideTheHome && _placements.Exists(p => p.OutOfArea))
                || leadPractitioner is not null && leadPractitioner.Has(PractitionerRole.SocialWorker) && leadPractitioner.IsSocialWorkQualified, "LAC-06",
            "The child was placed out of the area because of harm outside the home: after the return, their lead practitioner is a social worker (¶193). "
            + "Allocate a social worker first.");
        _reunificationPlans.Add(new ReunificationPlan(on, services.Trim(), timeline.Trim(), explained!.Value,
            explained.Value ? null : whyNotExplained!.Trim(), by));
        Touch();
    }

    /// <summary>Reviews the outcomes after reunification (LAC-06): the child seen alone wherever possible, their wishes and feelings, the impact of the services.</summary>
    public void ReviewReunification(Guid by, DateOnly heldOn, bool? childSeen, bool? seenAlone, string? whyNotSeenAlone, string childsWishes, string impact,
        DateOnly today)
    {
        Require(ReunificationPlan is not null, "LAC-06", "Agree the reunification plan before reviewing it.");
        Require(heldOn >= _reunificationPlans[0].AgreedOn && heldOn <= today, "SG-LAC-24", "The review's date must be between the plan and today.", "HeldOn");
        Require(childSeen is not null, "LAC-06", "Say whether the child was seen.", "ChildSeen");
        Require(childSeen == false || seenAlone is not null, "LAC-06", "Say whether the child was seen alone.", "SeenAlone");
        Require(childSeen == true && seenAlone == true || !string.IsNullOrWhiteSpace(whyNotSeenAlone), "LAC-06",
            childSeen == true ? "The child is seen alone wherever possible: say why they were not." : "Say why the child was not seen.", "WhyNotSeenAlone");
        Require(!string.IsNullOrWhiteSpace(childsWishes) && childsWishes.Length <= MaxTextLength, "LAC-06",
            "Record the child's wishes and feelings about the services: there is a duty to ascertain them.", "ChildsWishes");
        Require(!string.IsNullOrWhiteSpace(impact) && impact.Length <= MaxTextLength, "LAC-06", "Record the impact of the services and support.", "Impact");
        Require((whyNotSeenAlone?.Length ?? 0) <= MaxTextLength, "SG-LAC-19", "This must be 10,000 characters or fewer.", "WhyNotSeenAlone");
        var alone = childSeen == true && seenAlone == true;
        _reunificationReviews.Add(new ReunificationReview(heldOn, childSeen!.Value, alone, alone ? null : whyNotSeenAlone!.Trim(), childsWishes.Trim(),
            impact.Trim(), by));
        Touch();
    }

    /// <summary>The child turned out to have another record: the period moves to the surviving record.</summary>
    public void MoveToChild(Guid survivorId) => ChildId = survivorId;

    private DateOnly CurrentPlacementStart => CurrentPlacement?.StartedOn ?? StartedOn;

    private void End(Guid by, DateOnly on, LookedAfterEndReason reason, string? notes)
    {
        if (CurrentPlacement is { } current)
        {
            _placements[^1] = current with { EndedOn = on };
        }

        EndedOn = on;
        EndReason = reason;
        EndNotes = notes;
        EndedBy = by;
        Touch();
    }

    private static Placement CheckedPlacement(Guid id, PlacementDetails p, Guid by)
    {
        Require(p.Type is not null && Enum.IsDefined(p.Type.Value), "SG-LAC-25", "Select the kind of placement.", "PlacementType");
        Require(!string.IsNullOrWhiteSpace(p.Where) && p.Where.Length <= MaxWhereLength, "SG-LAC-26",
            "Say where the child is placed: the carer or home, and the town.", "PlacementWhere");
        Require(p.OutOfArea is not null, "LAC-02", "Say whether the placement is outside the local authority's area.", "OutOfArea");
        Require(p.OutOfArea == false || !string.IsNullOrWhiteSpace(p.ReceivingAuthority), "LAC-02",
            "Name the receiving local authority: the placing authority must notify it of a placement in its area.", "ReceivingAuthority");
        Require((p.ReceivingAuthority?.Length ?? 0) <= MaxNameLength, "LAC-02", "The receiving authority's name must be 200 characters or fewer.",
            "ReceivingAuthority");
        return new Placement(id, p.StartedOn, null, p.Type!.Value, p.Where.Trim(), p.OutOfArea!.Value, p.OutOfArea.Value ? p.ReceivingAuthority!.Trim() : null, by);
    }

    private NotificationDue Due(Placement p, PlacementEvent e, NotifiedParty party, DateOnly on) =>
        new(p.Id, e, party, on, p.ReceivingAuthority, _notifications.Find(n => n.PlacementId == p.Id && n.Event == e && n.Party == party));

    private void RequireOpen() => Require(IsOpen, "SG-LAC-27", "The child is no longer looked after.");

    private void Touch() => Version = Guid.NewGuid();
}
