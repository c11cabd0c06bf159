using Safeguard.Domain.Clocks;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Rules;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Plans;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.ChildProtection;

/// <summary>
/// A core group member named by the conference (ICPC-05), or joining later. A member with a Safeguard account sees the
/// child's record while they are in the core group of an open plan, and no longer. <see cref="From"/> is null for those
/// named by the conference (they are members from the plan's start); <see cref="Until"/> is the day they left.
/// </summary>
public sealed record CoreGroupMember(string Name, string Agency, Guid? PractitionerId = null)
{
    public Guid Id { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? Until { get; init; }

    public bool IsCurrent => Until is null;

    public override string ToString() => $"{Name}, {Agency}";
}

/// <summary>
/// An action in the child protection plan: what must change, by how much, who does it, by when, and whether it is done
/// (CG-02). Its id stays the same through every change, so its history and core group meetings refer to it.
/// </summary>
public sealed record PlanAction(string What, string Who, DateOnly ByWhen, DateOnly? DoneOn = null)
{
    public const int MaxWhatLength = 2_000;

    public const int MaxWhoLength = 200;

    public Guid Id { get; init; }

    /// <summary>By how much it must change: how everyone will know it has (CG-02). Outline actions from the conference may have none yet.</summary>
    public string? HowMuch { get; init; }

    public override string ToString() =>
        $"{What}{(HowMuch is null ? string.Empty : $" (by how much: {HowMuch})")}; {Who}; by {ByWhen:d MMMM yyyy}";
}

/// <summary>What the initial conference decided, as the chair's record gives it (ICPC-05).</summary>
public sealed record ConferenceDecision(
    DateOnly HeldOn,
    IReadOnlyList<Attendee> Attendees,
    string ChildsViews,
    string FamilyParticipation,
    bool? PlanNeeded,
    string Reasons,
    string? Category,
    Guid? LeadSocialWorkerId,
    IReadOnlyList<CoreGroupMember> CoreGroup,
    IReadOnlyList<PlanAction> OutlinePlan);

/// <summary>
/// What a review conference records, as an initial one does (RCPC-03): who took part and for which agency, the child's
/// views and how they were given (or why they could not be obtained), how the family took part, and the agencies' reports
/// evaluating the plan's impact — written here, or sent beforehand through the arranged conference.
/// </summary>
public sealed record ReviewRecord(IReadOnlyList<Attendee> Attendees, string? ChildsViews, string? WhyChildsViewsNotObtained, string? FamilyParticipation,
    string? AgencyReports, bool ReportsReceivedBeforehand = false);

/// <summary>
/// An initial child protection conference, held within 15 working days of the strategy discussion that initiated the
/// section 47 enquiry (ICPC-01) once concerns are substantiated. Its chair is independent of the operational and line
/// management of the case (ICPC-03, RC-06). It decides whether the child needs a child protection plan and, if so, the
/// category of harm, the lead social worker (RC-04), the core group and the outline plan (ICPC-05).
/// </summary>
public sealed class ChildProtectionConference : Events.IRecordsEvents
{
    public const int MaxTextLength = 10_000;

    /// <summary>The DfE's categories of abuse for a new plan (N00113; MUL is legacy and not for new plans).</summary>
    public static readonly IReadOnlyDictionary<string, string> Categories = new Dictionary<string, string>
    {
        ["NEG"] = "Neglect",
        ["PHY"] = "Physical abuse",
        ["EMO"] = "Emotional abuse",
        ["SAB"] = "Sexual abuse",
    };

    private readonly List<Attendee> _attendees = [];
    private readonly List<Events.DomainEvent> _pendingEvents = [];

    private ChildProtectionConference()
    {
        ChildsViews = FamilyParticipation = Reasons = string.Empty;
    }

    /// <inheritdoc/>
    public IReadOnlyList<Events.DomainEvent> PendingEvents => _pendingEvents;

    Guid? Events.IRecordsEvents.EpisodeId => EpisodeId;

    /// <inheritdoc/>
    public void ClearPendingEvents() => _pendingEvents.Clear();

    /// <summary>A conference's title, as the chronology and its page name it.</summary>
    public static string TitleOf(ConferenceKind kind, bool preBirth) => kind switch
    {
        ConferenceKind.Initial when preBirth => "Pre-birth child protection conference",
        ConferenceKind.Initial => "Initial child protection conference",
        ConferenceKind.Review => "Review child protection conference",
        _ => "Transfer-in child protection conference",
    };

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid ChildId { get; private set; }

    /// <summary>The enquiry an initial conference follows; none for a transfer-in conference (DISC-02) or a review.</summary>
    public Guid? Section47EnquiryId { get; private set; }

    /// <summary>For a review conference: the plan it reviewed (RCPC-03).</summary>
    public Guid? PlanId { get; private set; }

    /// <summary>Why the child's views could not be obtained, when they were not.</summary>
    public string? WhyChildsViewsNotObtained { get; private set; }

    /// <summary>For a review conference: the agencies' reports evaluating the plan's impact, as the conference considered them (RCPC-03).</summary>
    public string? AgencyReports { get; private set; }

    public ConferenceKind Kind { get; private set; }

    /// <summary>Held before the child was born (GRP-02): the same clocks apply, and the plan carries on at birth (A-30).</summary>
    public bool PreBirth { get; private set; }

    /// <summary>For a transfer-in conference: the authority whose plan the child was on.</summary>
    public string? FromAuthority { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public Guid ChairId { get; private set; }

    public IReadOnlyList<Attendee> Attendees => _attendees;

    /// <summary>The child's views, and how they were given: in person, through an advocate, in writing (ICPC-02).</summary>
    public string ChildsViews { get; private set; }

    /// <summary>How the family took part, with any advocate or supporter (ICPC-02).</summary>
    public string FamilyParticipation { get; private set; }

    public bool PlanNeeded { get; private set; }

    public string Reasons { get; private set; }

    /// <summary>The DfE's late-conference measure: held after its 15 working days.</summary>
    public DateOnly DueBy { get; private set; }

    /// <summary>
    /// Records the conference. The chair must be a conference chair who is not the child's lead practitioner, not the
    /// manager who allocated them, and not the enquiry's lead (RC-06). Returns the plan when one is needed.
    /// </summary>
    public static (ChildProtectionConference Conference, ChildProtectionPlan? Plan) Hold(Guid id, Guid planId, Section47Enquiry enquiry, Episode episode,
        Practitioner chair, Practitioner? leadSocialWorker, ConferenceDecision decision, DateOnly dueBy, DateOnly today, bool childUnborn = false)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        ArgumentNullException.ThrowIfNull(episode);
        Require(enquiry.Outcome == Section47Outcome.Substantiated || enquiry.ConferenceAgreedOnRequest, "ICPC-01",
            "An initial child protection conference follows a section 47 enquiry whose concerns were substantiated, or a request for one that a manager agreed.");
        Require(episode.IsOpen && episode.Id == enquiry.EpisodeId, "SG-EP-13", "The episode is closed.");
        RequireIndependentChair(chair, episode, enquiry.LeadId);
        Require(decision.HeldOn >= enquiry.StartedOn && decision.HeldOn <= today, "SG-CP-01",
            "The conference's date must be between the strategy discussion and today.", nameof(decision.HeldOn));
        return Decide(id, planId, ConferenceKind.Initial, episode, enquiry.Id, chair, leadSocialWorker, decision, dueBy, childUnborn, null);
    }

    /// <summary>
    /// Records the receiving authority's transfer-in conference for a child who moved here permanently while on another
    /// area's plan (DISC-02): due within 15 working days of being told, chaired independently, deciding whether the
    /// child needs this area's own plan.
    /// </summary>
    public static (ChildProtectionConference Conference, ChildProtectionPlan? Plan) HoldTransferIn(Guid id, Guid planId, Episode episode, Practitioner chair,
        Practitioner? leadSocialWorker, ConferenceDecision decision, DateOnly dueBy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(episode);
        Require(episode.IsOpen, "SG-EP-13", "The episode is closed.");
        var notice = episode.MovedInOnPlan;
        Require(notice is not null, "DISC-02", "Record first that another area told you a child on its child protection plan has moved here permanently.");
        RequireIndependentChair(chair, episode, null);
        Require(decision.HeldOn >= notice!.On && decision.HeldOn <= today, "SG-CP-01",
            "The conference's date must be between the day you were told of the move and today.", nameof(decision.HeldOn));
        return Decide(id, planId, ConferenceKind.TransferIn, episode, null, chair, leadSocialWorker, decision, dueBy, false, notice.Reference);
    }

    /// <summary>
    /// A review conference's record (RCPC-03), prepared and recorded as an initial conference is: who took part for which
    /// agency, the child's views (or why they could not be obtained), the family's part, the agencies' reports on the
    /// plan's impact, and the decision with its reasons. The plan records whether it continues.
    /// </summary>
    internal static ChildProtectionConference Review(Guid id, ChildProtectionPlan plan, Practitioner chair, DateOnly heldOn, bool planContinues, string reasons,
        ReviewRecord record, DateOnly dueBy)
    {
        ArgumentNullException.ThrowIfNull(record);
        Require(record.Attendees.Count is > 0 and <= 60, "RCPC-03", "Record who took part in the review, and for which agency.", "Attendees");
        for (var i = 0; i < record.Attendees.Count; i++)
        {
            var a = record.Attendees[i];
            Require(!string.IsNullOrWhiteSpace(a.Name) && a.Name.Length <= 200 && !string.IsNullOrWhiteSpace(a.Agency) && a.Agency.Length <= 200, "RCPC-03",
                $"Attendee {i + 1}: give their name and agency.", $"Attendees[{i}].Name");
        }

        Require(!string.IsNullOrWhiteSpace(record.ChildsViews) || !string.IsNullOrWhiteSpace(record.WhyChildsViewsNotObtained), "RCPC-03",
            "Record the child's views and how they were given, or why they could not be obtained.", "ChildsViews");
        Require(!string.IsNullOrWhiteSpace(record.FamilyParticipation), "RCPC-03", "Record how the family took part, and any advocate or supporter.",
            "FamilyParticipation");
        Require(record.ReportsReceivedBeforehand || !string.IsNullOrWhiteSpace(record.AgencyReports), "RCPC-03",
            "Record the agencies' reports evaluating the plan's impact, or have them sent through the arranged review conference.", "AgencyReports");
        foreach (var (field, text) in new[] { ("ChildsViews", record.ChildsViews), ("WhyChildsViewsNotObtained", record.WhyChildsViewsNotObtained),
                     ("FamilyParticipation", record.FamilyParticipation), ("AgencyReports", record.AgencyReports) })
        {
            Require((text?.Length ?? 0) <= MaxTextLength, "RCPC-03", $"This must be {MaxTextLength:N0} characters or fewer.", field);
        }

        var conference = new ChildProtectionConference
        {
            Id = id,
            AreaId = plan.AreaId,
            EpisodeId = plan.EpisodeId,
            ChildId = plan.ChildId,
            PlanId = plan.Id,
            Kind = ConferenceKind.Review,
            HeldOn = heldOn,
            ChairId = chair.Id,
            ChildsViews = record.ChildsViews?.Trim() ?? string.Empty,
            WhyChildsViewsNotObtained = string.IsNullOrWhiteSpace(record.ChildsViews) ? record.WhyChildsViewsNotObtained!.Trim() : null,
            FamilyParticipation = record.FamilyParticipation!.Trim(),
            AgencyReports = string.IsNullOrWhiteSpace(record.AgencyReports) ? null : record.AgencyReports.Trim(),
            PlanNeeded = planContinues,
            Reasons = reasons.Trim(),
            DueBy = dueBy,
        };
        conference._attendees.AddRange(record.Attendees.Select(a => a with { Name = a.Name.Trim(), Agency = a.Agency.Trim() }));
        return conference;
    }

    private static void RequireIndependentChair(Practitioner chair, Episode episode, Guid? enquiryLead)
    {
        ArgumentNullException.ThrowIfNull(chair);
        Require(chair.AreaId == episode.AreaId && chair.Has(PractitionerRole.ConferenceChair), "ICPC-03",
            "The chair must be one of the local authority's child protection conference chairs.", "ChairId");
        var lineManager = episode.Allocations.LastOrDefault(a => a.Until is null)?.AllocatedBy;
        Require(chair.Id != episode.LeadPractitionerId && chair.Id != lineManager && chair.Id != enquiryLead, "RC-06",
            "The chair must be independent of the case: not the child's lead practitioner, their manager for this child, or the enquiry's lead.", "ChairId");
    }

    private static (ChildProtectionConference Conference, ChildProtectionPlan? Plan) Decide(Guid id, Guid planId, ConferenceKind kind, Episode episode,
        Guid? enquiryId, Practitioner chair, Practitioner? leadSocialWorker, ConferenceDecision decision, DateOnly dueBy, bool childUnborn, string? fromAuthority)
    {
        ArgumentNullException.ThrowIfNull(decision);
        Require(decision.Attendees.Count > 0, "ICPC-04", "Record who took part.", nameof(decision.Attendees));
        Require(!string.IsNullOrWhiteSpace(decision.ChildsViews) && decision.ChildsViews.Length <= MaxTextLength, "ICPC-02",
            "Record the child's views and how they were given.", nameof(decision.ChildsViews));
        Require(!string.IsNullOrWhiteSpace(decision.FamilyParticipation) && decision.FamilyParticipation.Length <= MaxTextLength, "ICPC-02",
            "Record how the family took part, and any advocate or supporter.", nameof(decision.FamilyParticipation));
        Require(decision.PlanNeeded is not null, "ICPC-05", "Record whether the child needs a child protection plan.", nameof(decision.PlanNeeded));
        Require(!string.IsNullOrWhiteSpace(decision.Reasons) && decision.Reasons.Length <= MaxTextLength, "ICPC-05", "Give the reasons for the decision.",
            nameof(decision.Reasons));
        var conference = new ChildProtectionConference
        {
            Id = id,
            AreaId = episode.AreaId,
            EpisodeId = episode.Id,
            ChildId = episode.ChildId,
            Section47EnquiryId = enquiryId,
            Kind = kind,
            PreBirth = childUnborn,
            FromAuthority = fromAuthority,
            HeldOn = decision.HeldOn,
            ChairId = chair.Id,
            ChildsViews = decision.ChildsViews.Trim(),
            FamilyParticipation = decision.FamilyParticipation.Trim(),
            PlanNeeded = decision.PlanNeeded!.Value,
            Reasons = decision.Reasons.Trim(),
            DueBy = dueBy,
        };
        conference._attendees.AddRange(decision.Attendees);
        if (!conference.PlanNeeded)
        {
            conference._pendingEvents.Add(new ConferenceHeld(kind, chair.Id, false, null) { OccurredOn = conference.HeldOn });
            return (conference, null);
        }

        Require(decision.Category is not null && Categories.ContainsKey(decision.Category), "ICPC-05", "Select the category of harm.", nameof(decision.Category));
        Require(leadSocialWorker is not null && leadSocialWorker.AreaId == episode.AreaId && leadSocialWorker.Has(PractitionerRole.SocialWorker)
            && leadSocialWorker.IsSocialWorkQualified, "RC-04", "The lead for a child protection plan is always a registered social worker.",
            nameof(decision.LeadSocialWorkerId));
        Require(decision.CoreGroup.Count > 0 && decision.CoreGroup.All(m => !string.IsNullOrWhiteSpace(m.Name) && !string.IsNullOrWhiteSpace(m.Agency)),
            "ICPC-05", "Name the core group members and their agencies.", nameof(decision.CoreGroup));
        Require(decision.OutlinePlan.Count > 0 && decision.OutlinePlan.All(a => !string.IsNullOrWhiteSpace(a.What) && !string.IsNullOrWhiteSpace(a.Who)
            && a.ByWhen > decision.HeldOn), "ICPC-05", "Set out the outline plan: what, who, and by when (after the conference).", nameof(decision.OutlinePlan));
        var plan = ChildProtectionPlan.Make(planId, conference, decision.Category!, leadSocialWorker!.Id, decision.CoreGroup, decision.OutlinePlan);
        conference._pendingEvents.Add(new ConferenceHeld(kind, chair.Id, true, decision.Category) { OccurredOn = conference.HeldOn });
        return (conference, plan);
    }
}

/// <summary>Why a child protection plan ended (guidance [DISC]).</summary>
public enum PlanEndReason
{
    NoLongerAtRiskOfSignificantHarm,
    MovedPermanentlyToAnotherArea,
    ReachedEighteen,
    Died,
    LeftTheUk,
}

/// <summary>
/// A review conference (RCPC-03): whether the plan continues, the latest category, and the decision on care proceedings
/// (RCPC-04). Who took part, the child's views, the family's part and the agencies' reports are on the review
/// conference's own record (<see cref="ConferenceId"/>).
/// </summary>
public sealed record ReviewConference(DateOnly HeldOn, Guid ChairId, bool PlanContinues, string Category, string Reasons, string? ProceedingsDecision,
    Guid? ConferenceId = null);

/// <summary>A core group meeting: decisions, and the written views of members who could not come (CG-02).</summary>
public sealed record CoreGroupMeeting(DateOnly HeldOn, string Decisions, string? AbsentViews, Guid RecordedBy);

/// <summary>
/// A child protection plan: made by the initial conference, led by a registered social worker (CPP-01, RC-04), with its
/// core group, which first meets within 10 working days (CG-01), and a first review conference within 3 months
/// (RCPC-01). Actions are tracked to done. It ends with one of the guidance's reasons.
/// </summary>
public sealed class ChildProtectionPlan : Events.IRecordsEvents
{
    private readonly List<Events.DomainEvent> _pendingEvents = [];
    private readonly List<CoreGroupMember> _coreGroup = [];
    private readonly List<PlanAction> _actions = [];
    private readonly List<CoreGroupMeeting> _meetings = [];
    private readonly List<ReviewConference> _reviews = [];
    private readonly List<PlanChange> _changes = [];

    private ChildProtectionPlan()
    {
        InitialCategory = LatestCategory = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid ConferenceId { get; private set; }

    /// <summary>The census CPPstartDate: the day of the initial conference.</summary>
    public DateOnly StartedOn { get; private set; }

    public string InitialCategory { get; private set; }

    public string LatestCategory { get; private set; }

    public Guid LeadSocialWorkerId { get; private set; }

    /// <summary>Everyone who has been in the core group, those who left with the day they left.</summary>
    public IReadOnlyList<CoreGroupMember> CoreGroup => _coreGroup;

    /// <summary>The core group now.</summary>
    public IEnumerable<CoreGroupMember> CurrentCoreGroup => _coreGroup.Where(m => m.IsCurrent);

    public IReadOnlyList<PlanAction> Actions => _actions;

    /// <summary>Every change to the actions, the core group and the lead since the conference made the plan, oldest first.</summary>
    public IReadOnlyList<PlanChange> Changes => _changes;

    public IReadOnlyList<CoreGroupMeeting> CoreGroupMeetings => _meetings;

    public IReadOnlyList<ReviewConference> Reviews => _reviews;

    public DateOnly? EndedOn { get; private set; }

    public PlanEndReason? EndReason { get; private set; }

    public string? EndNotes { get; private set; }

    public bool IsOpen => EndedOn is null;

    /// <summary>The local authority the child is moving to permanently, once it has been told (DISC-02).</summary>
    public string? MovingTo { get; private set; }

    public DateOnly? MoveNotifiedOn { get; private set; }

    /// <summary>The day the receiving authority held its transfer-in conference: only then may this plan end (DISC-02).</summary>
    public DateOnly? TransferInConferenceOn { get; private set; }

    public string? TransferInOutcome { get; private set; }

    public DateOnly? MoveAbandonedOn { get; private set; }

    public bool IsMoving => MoveNotifiedOn is not null && MoveAbandonedOn is null;

    public Guid Version { get; private set; }

    /// <inheritdoc/>
    public IReadOnlyList<Events.DomainEvent> PendingEvents => _pendingEvents;

    Guid? Events.IRecordsEvents.EpisodeId => EpisodeId;

    /// <inheritdoc/>
    public void ClearPendingEvents() => _pendingEvents.Clear();

    /// <summary>The plan's own events for its clocks: core groups and reviews, a move to another area and its transfer-in conference, the end.</summary>
    public IReadOnlyList<ClockEvent> History(DateOnly? eighteenthBirthday)
    {
        // In the order things were known: the birthday is known from the start (a planned date), the end comes last.
        var history = new List<ClockEvent> { new(EventKind.PlanMade, StartedOn) };
        if (eighteenthBirthday is { } birthday && birthday > StartedOn)
        {
            history.Add(new ClockEvent(EventKind.EighteenthBirthdayAhead, birthday));
        }

        history.AddRange(CoreGroupMeetings.Select(m => new ClockEvent(EventKind.CoreGroupHeld, m.HeldOn))
            .Concat(Reviews.Select(r => new ClockEvent(EventKind.ReviewConferenceHeld, r.HeldOn))).OrderBy(e => e.OccurredOn));
        if (MoveNotifiedOn is { } notified)
        {
            history.Add(new ClockEvent(EventKind.PermanentMoveNotified, notified));
        }

        if (TransferInConferenceOn is { } transferIn)
        {
            history.Add(new ClockEvent(EventKind.TransferInConferenceHeld, transferIn));
        }

        if (MoveAbandonedOn is { } abandoned)
        {
            history.Add(new ClockEvent(EventKind.MoveAbandoned, abandoned));
        }

        if (EndedOn is { } ended)
        {
            history.Add(new ClockEvent(EndReason == PlanEndReason.Died ? EventKind.ChildDied : EventKind.PlanEnded, ended));
        }

        return history;
    }

    /// <summary>
    /// The child is moving permanently to another local authority, which has been told: it holds a transfer-in conference
    /// within 15 working days, and this plan carries on until then (DISC-02).
    /// </summary>
    public void RecordMoveNotified(string receivingAuthority, DateOnly notifiedOn, DateOnly today)
    {
        Require(IsOpen, "SG-CP-02", "The plan has ended.");
        Require(!IsMoving, "DISC-02", "The move is already recorded.");
        Require(!string.IsNullOrWhiteSpace(receivingAuthority) && receivingAuthority.Length <= 200, "DISC-02",
            "Name the local authority the child is moving to.", "ReceivingAuthority");
        Require(notifiedOn >= StartedOn && notifiedOn <= today, "DISC-02", "The day it was told must be between the plan's start and today.", "NotifiedOn");
        MovingTo = receivingAuthority.Trim();
        MoveNotifiedOn = notifiedOn;
        TransferInConferenceOn = null;
        TransferInOutcome = null;
        MoveAbandonedOn = null;
        Version = Guid.NewGuid();
        _pendingEvents.Add(new PlanMoveNotified { OccurredOn = notifiedOn });
    }

    /// <summary>The receiving authority held its transfer-in conference: what it decided, as it told us (DISC-02).</summary>
    public void RecordTransferInConference(DateOnly heldOn, string outcome, DateOnly today)
    {
        Require(IsOpen, "SG-CP-02", "The plan has ended.");
        Require(IsMoving, "DISC-02", "Record that the receiving authority was told of the move first.");
        Require(heldOn >= MoveNotifiedOn!.Value && heldOn <= today, "DISC-02",
            "The transfer-in conference's date must be between the day the receiving authority was told and today.", "HeldOn");
        Require(!string.IsNullOrWhiteSpace(outcome) && outcome.Length <= ChildProtectionConference.MaxTextLength, "DISC-02",
            "Record what the receiving authority's conference decided.", "Outcome");
        TransferInConferenceOn = heldOn;
        TransferInOutcome = outcome.Trim();
        Version = Guid.NewGuid();
        _pendingEvents.Add(new PlanTransferInConferenceHeld { OccurredOn = heldOn });
    }

    /// <summary>The move did not happen: the plan carries on here and the transfer-in clock stops.</summary>
    public void RecordMoveAbandoned(DateOnly on, DateOnly today)
    {
        Require(IsOpen, "SG-CP-02", "The plan has ended.");
        Require(IsMoving && TransferInConferenceOn is null, "DISC-02", "There is no move waiting for its transfer-in conference.");
        Require(on >= MoveNotifiedOn!.Value && on <= today, "SG-CP-05", "The date must be between the notification and today.", "On");
        MoveAbandonedOn = on;
        Version = Guid.NewGuid();
        _pendingEvents.Add(new PlanMoveAbandoned { OccurredOn = on });
    }

    internal static ChildProtectionPlan Make(Guid id, ChildProtectionConference conference, string category, Guid leadSocialWorkerId,
        IReadOnlyList<CoreGroupMember> coreGroup, IReadOnlyList<PlanAction> actions)
    {
        var plan = new ChildProtectionPlan
        {
            Id = id,
            AreaId = conference.AreaId,
            EpisodeId = conference.EpisodeId,
            ChildId = conference.ChildId,
            ConferenceId = conference.Id,
            StartedOn = conference.HeldOn,
            InitialCategory = category,
            LatestCategory = category,
            LeadSocialWorkerId = leadSocialWorkerId,
            Version = Guid.NewGuid(),
        };
        plan._coreGroup.AddRange(coreGroup.Select((m, i) => m with
        {
            Id = m.Id == Guid.Empty ? Derived(id, 1, i) : m.Id, Name = m.Name.Trim(), Agency = m.Agency.Trim(), From = null, Until = null,
        }));
        plan._actions.AddRange(actions.Select((a, i) => a with
        {
            Id = a.Id == Guid.Empty ? Derived(id, 2, i) : a.Id, What = a.What.Trim(), Who = a.Who.Trim(), HowMuch = string.IsNullOrWhiteSpace(a.HowMuch) ? null : a.HowMuch.Trim(), DoneOn = null,
        }));
        plan._pendingEvents.Add(new PlanMade(conference.Id, category, leadSocialWorkerId) { OccurredOn = plan.StartedOn });
        return plan;
    }

    /// <summary>
    /// The core group turns the outline into a detailed plan (CG-02): a new action says what must change, by how much,
    /// who does it and by when (no earlier than the day it is added).
    /// </summary>
    public PlanAction AddAction(Guid actionId, Guid by, string what, string? howMuch, string who, DateOnly byWhen, DateTimeOffset at, DateOnly today)
    {
        Require(IsOpen, "SG-CP-02", "The plan has ended.");
        var action = CheckAction(what, howMuch, who, byWhen, today) with { Id = actionId };
        Require(!_actions.Exists(a => a.Id == actionId), "SG-CP-04", "This action is already in the plan.");
        _actions.Add(action);
        _changes.Add(new PlanChange(PlanChangeKind.ActionAdded, actionId.ToString(), today, at, by, null, action.ToString(), null));
        Version = Guid.NewGuid();
        return action;
    }

    /// <summary>
    /// Changes an action that is not yet done (CG-02): what it was before is kept in the plan's history, with who changed
    /// it, when, and why. A done action is not changed: add a new one.
    /// </summary>
    public PlanAction ChangeAction(Guid actionId, Guid by, string what, string? howMuch, string who, DateOnly byWhen, string? reason, DateTimeOffset at, DateOnly today)
    {
        Require(IsOpen, "SG-CP-02", "The plan has ended.");
        var index = _actions.FindIndex(a => a.Id == actionId);
        Require(index >= 0, "SG-CP-04", "Choose an action from the plan.", "ActionId");
        var before = _actions[index];
        Require(before.DoneOn is null, "SG-CP-09", "This action is done: add a new action instead of changing it.", "ActionId");
        var after = CheckAction(what, howMuch, who, byWhen, today) with { Id = actionId };
        Require(after != before, "SG-CP-10", "Nothing has changed: change what, by how much, who or by when.", "What");
        Require((reason?.Length ?? 0) <= PlanChange.MaxReasonLength, "SG-CP-10", "The reason must be 2,000 characters or fewer.", "Reason");
        _actions[index] = after;
        _changes.Add(new PlanChange(PlanChangeKind.ActionChanged, actionId.ToString(), today, at, by, before.ToString(), after.ToString(), Trimmed(reason)));
        Version = Guid.NewGuid();
        return after;
    }

    /// <summary>Records an action done, on the day it was done (between the plan's start and today).</summary>
    public PlanAction CompleteAction(Guid actionId, Guid by, DateOnly doneOn, string? note, DateTimeOffset at, DateOnly today)
    {
        Require(IsOpen, "SG-CP-02", "The plan has ended.");
        var index = _actions.FindIndex(a => a.Id == actionId);
        Require(index >= 0, "SG-CP-04", "Choose an action from the plan.", "ActionId");
        Require(_actions[index].DoneOn is null, "SG-CP-09", "This action is already done.", "ActionId");
        Require(doneOn >= StartedOn && doneOn <= today, "SG-CP-03", "The day it was done must be between the plan's start and today.", "DoneOn");
        Require((note?.Length ?? 0) <= PlanChange.MaxReasonLength, "SG-CP-03", "The note must be 2,000 characters or fewer.", "Note");
        Complete(index, by, doneOn, Trimmed(note), at);
        Version = Guid.NewGuid();
        return _actions[index];
    }

    /// <summary>
    /// Someone joins the core group from <paramref name="from"/> (ICPC-05): named with their agency, and with their
    /// Safeguard account if they have one (then they see the child's record while they are a member).
    /// </summary>
    public CoreGroupMember AddMember(Guid memberId, Guid by, string name, string agency, Guid? practitionerId, string? reason, DateTimeOffset at, DateOnly today)
    {
        Require(IsOpen, "SG-CP-02", "The plan has ended.");
        Require(!string.IsNullOrWhiteSpace(name) && name.Trim().Length <= Safeguard.Domain.Participation.Participant.MaxNameLength, "ICPC-05",
            "Enter the member's name (200 characters or fewer).", "Name");
        Require(!string.IsNullOrWhiteSpace(agency) && agency.Trim().Length <= Safeguard.Domain.Participation.Participant.MaxNameLength, "ICPC-05",
            "Enter the member's agency (200 characters or fewer).", "Agency");
        Require(practitionerId is null || !_coreGroup.Exists(m => m.IsCurrent && m.PractitionerId == practitionerId), "SG-CP-11",
            "They are already in the core group.", "PractitionerId");
        Require(!_coreGroup.Exists(m => m.IsCurrent && m.PractitionerId is null && practitionerId is null
            && string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase) && string.Equals(m.Agency, agency.Trim(), StringComparison.OrdinalIgnoreCase)),
            "SG-CP-11", "They are already in the core group.", "Name");
        Require((reason?.Length ?? 0) <= PlanChange.MaxReasonLength, "SG-CP-11", "The reason must be 2,000 characters or fewer.", "Reason");
        Require(!_coreGroup.Exists(m => m.Id == memberId), "SG-CP-11", "This member is already recorded.");
        var member = new CoreGroupMember(name.Trim(), agency.Trim(), practitionerId) { Id = memberId, From = today };
        _coreGroup.Add(member);
        _changes.Add(new PlanChange(PlanChangeKind.MemberAdded, memberId.ToString(), today, at, by, null, member.ToString(), Trimmed(reason)));
        Version = Guid.NewGuid();
        return member;
    }

    /// <summary>
    /// A member leaves the core group, with the reason: they are a member no longer (and no longer see the child's record
    /// as one). The core group always keeps at least one member (ICPC-05).
    /// </summary>
    public CoreGroupMember EndMembership(Guid memberId, Guid by, string reason, DateTimeOffset at, DateOnly today)
    {
        Require(IsOpen, "SG-CP-02", "The plan has ended.");
        var index = _coreGroup.FindIndex(m => m.Id == memberId && m.IsCurrent);
        Require(index >= 0, "SG-CP-11", "Choose a current member of the core group.", "MemberId");
        Require(_coreGroup.Count(m => m.IsCurrent) > 1, "ICPC-05", "The core group must keep at least one member: add the new member first.", "MemberId");
        Require(!string.IsNullOrWhiteSpace(reason) && reason.Length <= PlanChange.MaxReasonLength, "SG-CP-11",
            "Say why they are leaving the core group (2,000 characters or fewer).", "Reason");
        var member = _coreGroup[index];
        // A member who joined today and leaves today took part for that day.
        _coreGroup[index] = member with { Until = member.From is { } from && from > today ? from : today };
        _changes.Add(new PlanChange(PlanChangeKind.MemberLeft, memberId.ToString(), today, at, by, member.ToString(), $"{member} left the core group", reason.Trim()));
        Version = Guid.NewGuid();
        return _coreGroup[index];
    }

    /// <summary>
    /// A manager changes the plan's lead social worker, with the reason (CPP-01): the new lead is a registered social
    /// worker of the area (RC-04), and the former lead's part ends that day.
    /// </summary>
    public void ChangeLead(Practitioner manager, Practitioner newLead, string reason, DateTimeOffset at, DateOnly today, string formerLeadName)
    {
        ArgumentNullException.ThrowIfNull(manager);
        Require(IsOpen, "SG-CP-02", "The plan has ended.");
        Require(manager.AreaId == AreaId && manager.Has(PractitionerRole.PracticeSupervisor) && manager.IsSocialWorkQualified, "CPP-01",
            "Only a social work qualified practice supervisor or manager can change the plan's lead social worker.");
        Require(newLead is not null && newLead.AreaId == AreaId && newLead.Has(PractitionerRole.SocialWorker) && newLead.IsSocialWorkQualified, "RC-04",
            "The lead for a child protection plan is always a registered social worker.", "LeadSocialWorkerId");
        Require(newLead!.Id != LeadSocialWorkerId, "SG-CP-12", "They already lead the plan: choose another social worker.", "LeadSocialWorkerId");
        Require(!string.IsNullOrWhiteSpace(reason) && reason.Length <= PlanChange.MaxReasonLength, "CPP-01",
            "Say why the lead social worker is changing (2,000 characters or fewer).", "Reason");
        _changes.Add(new PlanChange(PlanChangeKind.LeadChanged, newLead.Id.ToString(), today, at, manager.Id, formerLeadName, newLead.FullName, reason.Trim())
        {
            FormerLeadId = LeadSocialWorkerId,
        });
        _pendingEvents.Add(new PlanLeadChanged(LeadSocialWorkerId, newLead.Id, manager.Id) { OccurredOn = today < StartedOn ? StartedOn : today });
        LeadSocialWorkerId = newLead.Id;
        Version = Guid.NewGuid();
    }

    /// <summary>Who led the plan and when: the lead the conference designated, then each lead a manager changed it to.</summary>
    public IReadOnlyList<(Guid LeadId, DateOnly From, DateOnly? Until)> LeadPeriods()
    {
        var leadChanges = _changes.Where(c => c.Kind == PlanChangeKind.LeadChanged).ToList();
        var periods = new List<(Guid, DateOnly, DateOnly?)>();
        var lead = leadChanges.Count > 0 ? leadChanges[0].FormerLeadId ?? LeadSocialWorkerId : LeadSocialWorkerId;
        var from = StartedOn;
        foreach (var change in leadChanges)
        {
            periods.Add((lead, from, change.On < from ? from : change.On));
            lead = Guid.Parse(change.Subject);
            from = change.On < from ? from : change.On;
        }

        periods.Add((lead, from, EndedOn is { } ended && ended < from ? from : EndedOn));
        return periods;
    }

    private PlanAction CheckAction(string what, string? howMuch, string who, DateOnly byWhen, DateOnly today)
    {
        Require(!string.IsNullOrWhiteSpace(what) && what.Length <= PlanAction.MaxWhatLength, "CG-02", "Say what must change (2,000 characters or fewer).", "What");
        Require(!string.IsNullOrWhiteSpace(howMuch) && howMuch.Length <= PlanAction.MaxWhatLength, "CG-02",
            "Say by how much it must change: how everyone will know it has (2,000 characters or fewer).", "HowMuch");
        Require(!string.IsNullOrWhiteSpace(who) && who.Length <= PlanAction.MaxWhoLength, "CG-02", "Say who will do it (200 characters or fewer).", "Who");
        Require(byWhen >= today && byWhen > StartedOn, "CG-02", "The date it is to be done by must be today or later.", "ByWhen");
        return new PlanAction(what.Trim(), who.Trim(), byWhen) { HowMuch = howMuch!.Trim() };
    }

    private void Complete(int index, Guid by, DateOnly doneOn, string? note, DateTimeOffset at)
    {
        var before = _actions[index];
        _actions[index] = before with { DoneOn = doneOn };
        _changes.Add(new PlanChange(PlanChangeKind.ActionCompleted, before.Id.ToString(), doneOn, at, by, before.ToString(), $"Done on {doneOn:d MMMM yyyy}", note));
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The id of the outline's n-th member or action, from the plan's own: the same plan always names them the same.</summary>
    private static Guid Derived(Guid planId, byte kind, int index)
    {
        var bytes = planId.ToByteArray();
        bytes[0] ^= kind;
        bytes[1] ^= (byte)(index + 1);
        bytes[2] ^= (byte)((index + 1) >> 8);
        return new Guid(bytes);
    }

    /// <summary>
    /// Records a core group meeting (CG-02): its decisions, absent members' written views, and the actions now done
    /// (each on the plan's history as done on the meeting's day).
    /// </summary>
    public void RecordCoreGroup(Guid by, DateOnly heldOn, string decisions, string? absentViews, IReadOnlyCollection<Guid> actionsDone, DateOnly today,
        DateTimeOffset? at = null)
    {
        Require(IsOpen, "SG-CP-02", "The plan has ended.");
        Require(heldOn >= StartedOn && heldOn <= today, "SG-CP-03", "The meeting's date must be between the conference and today.", "HeldOn");
        Require(!string.IsNullOrWhiteSpace(decisions) && decisions.Length <= ChildProtectionConference.MaxTextLength, "CG-02",
            "Record the decisions made and the actions agreed.", "Decisions");
        Require((absentViews?.Length ?? 0) <= ChildProtectionConference.MaxTextLength, "CG-02", "This must be 10,000 characters or fewer.", "AbsentViews");
        Require(actionsDone.All(id => _actions.Exists(a => a.Id == id)), "SG-CP-04", "Choose actions from the plan.", "ActionsDone");
        _meetings.Add(new CoreGroupMeeting(heldOn, decisions.Trim(), string.IsNullOrWhiteSpace(absentViews) ? null : absentViews.Trim(), by));
        _pendingEvents.Add(new CoreGroupHeld(_meetings.Count, by) { OccurredOn = heldOn });
        foreach (var id in actionsDone.Distinct())
        {
            var index = _actions.FindIndex(a => a.Id == id);
            if (_actions[index].DoneOn is null)
            {
                Complete(index, by, heldOn, $"At the core group meeting on {heldOn:d MMMM yyyy}", at ?? new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            }
        }

        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Records a review conference (RCPC-03): chaired independently of the case (RC-06), it decides whether the plan
    /// continues, changes category or ends. A continuing plan records the decision on care proceedings, considering
    /// all the children in the household (RCPC-04). The first review is due within 3 months, the next within 6 (RCPC-01/02).
    /// </summary>
    public ChildProtectionConference RecordReview(Guid conferenceId, Practitioner chair, Episode episode, DateOnly heldOn, bool planContinues, string category,
        string reasons, string? proceedingsDecision, ReviewRecord record, DateOnly dueBy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(chair);
        ArgumentNullException.ThrowIfNull(episode);
        Require(IsOpen, "SG-CP-02", "The plan has ended.");
        Require(chair.AreaId == AreaId && chair.Has(PractitionerRole.ConferenceChair), "ICPC-03",
            "The chair must be one of the local authority's child protection conference chairs.", "ChairId");
        var lineManager = episode.Allocations.LastOrDefault(a => a.Until is null)?.AllocatedBy;
        Require(chair.Id != LeadSocialWorkerId && chair.Id != episode.LeadPractitionerId && chair.Id != lineManager, "RC-06",
            "The chair must be independent of the case: not the lead social worker or their manager for this child.", "ChairId");
        Require(heldOn > StartedOn && heldOn <= today && _reviews.TrueForAll(r => r.HeldOn < heldOn), "SG-CP-07",
            "The review's date must be after the last conference and not in the future.", "HeldOn");
        Require(ChildProtectionConference.Categories.ContainsKey(category), "RCPC-03", "Select the category of harm.", "Category");
        Require(!string.IsNullOrWhiteSpace(reasons) && reasons.Length <= ChildProtectionConference.MaxTextLength, "RCPC-03",
            "Record the progress against the plan and the reasons for the decision.", "Reasons");
        Require(!planContinues || !string.IsNullOrWhiteSpace(proceedingsDecision), "RCPC-04",
            "The child is still likely to suffer significant harm: record the decision on starting care proceedings, for every child in the household.",
            "ProceedingsDecision");
        Require((proceedingsDecision?.Length ?? 0) <= ChildProtectionConference.MaxTextLength, "RCPC-04", "This must be 10,000 characters or fewer.", "ProceedingsDecision");
        var conference = ChildProtectionConference.Review(conferenceId, this, chair, heldOn, planContinues, reasons, record, dueBy);
        _reviews.Add(new ReviewConference(heldOn, chair.Id, planContinues, category, reasons.Trim(), string.IsNullOrWhiteSpace(proceedingsDecision) ? null : proceedingsDecision.Trim(),
            conference.Id));
        LatestCategory = category;
        if (!planContinues)
        {
            EndedOn = heldOn;
            EndReason = PlanEndReason.NoLongerAtRiskOfSignificantHarm;
            EndNotes = reasons.Trim();
        }

        _pendingEvents.Add(new ReviewConferenceHeld(_reviews.Count, conference.Id, chair.Id, planContinues, category) { OccurredOn = heldOn });

        Version = Guid.NewGuid();
        return conference;
    }

    /// <summary>
    /// Ends the plan for one of the reasons that need no conference, each evidenced (DISC-01): moved permanently, after the
    /// receiving authority's transfer-in conference (DISC-02); turned 18, at a review around the birthday, and no plan
    /// outlives the birthday (DISC-03, A-23); died, with the date of death recorded on the child; left the UK, recorded on
    /// the child with its evidence. "No longer at risk of significant harm" is a review conference's decision alone
    /// (<see cref="RecordReview"/>) and is refused here.
    /// </summary>
    public void End(PlanEndReason reason, string notes, DateOnly on, DateOnly today, DateOnly? eighteenthBirthday = null, DateOnly? dateOfDeath = null,
        DateOnly? leftUkOn = null)
    {
        Require(IsOpen, "SG-CP-02", "The plan has already ended.");
        Require(reason != PlanEndReason.NoLongerAtRiskOfSignificantHarm, OnlyForTheGuidancesReasons,
            "A plan ends because the child is no longer at risk of significant harm only by a review conference's decision: record the review conference.",
            "Reason");
        Require(on >= StartedOn && on <= today, "SG-CP-05", "The plan's end must be between its start and today.", "On");
        Require(reason != PlanEndReason.MovedPermanentlyToAnotherArea || (IsMoving && TransferInConferenceOn is not null), "DISC-02",
            "The plan ends for a move only after the receiving authority's transfer-in conference: record the move and that conference first.", "Reason");
        Require(reason != PlanEndReason.ReachedEighteen || (eighteenthBirthday is { } b && on >= b.AddMonths(-3) && on <= b), "DISC-03",
            "A plan ends for turning 18 at a review around the 18th birthday: within the three months before it, and no later than the birthday.", "Reason");
        Require(reason != PlanEndReason.Died || (dateOfDeath is { } died && on >= died), OnlyForTheGuidancesReasons,
            "A plan ends because the child died only once the date of death is recorded on the child, and not before it.", "Reason");
        Require(reason != PlanEndReason.LeftTheUk || (leftUkOn is { } left && on >= left), OnlyForTheGuidancesReasons,
            "A plan ends because the child left the UK only once their leaving, with its evidence, is recorded on the child, and not before it.", "Reason");
        Require(!string.IsNullOrWhiteSpace(notes) && notes.Length <= ChildProtectionConference.MaxTextLength, "FH-08",
            "Record why the plan is ending and the support that carries on.", "Notes");
        EndedOn = on;
        EndReason = reason;
        EndNotes = notes.Trim();
        Version = Guid.NewGuid();
        _pendingEvents.Add(new PlanEnded(reason) { OccurredOn = on });
    }

    /// <summary>The rule that a plan ends only for the guidance's reasons, each decided or evidenced as it says (DISC-01).</summary>
    public const string OnlyForTheGuidancesReasons = "DISC-01";

    /// <summary>
    /// The child died or left the UK, as recorded on the child: the plan ends that day (or on its start, if it started
    /// after), with that reason. Nothing else is asked: the evidence is the child's record.
    /// </summary>
    public void EndBecauseTheChildHasGone(PlanEndReason reason, DateOnly on, string notes)
    {
        Require(reason is PlanEndReason.Died or PlanEndReason.LeftTheUk, OnlyForTheGuidancesReasons, "Only a child's death or leaving the UK ends every plan at once.");
        if (!IsOpen)
        {
            return;
        }

        EndedOn = on < StartedOn ? StartedOn : on;
        EndReason = reason;
        EndNotes = notes.Trim();
        Version = Guid.NewGuid();
        _pendingEvents.Add(new PlanEnded(reason) { OccurredOn = EndedOn.Value });
    }
}
