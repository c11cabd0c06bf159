using Safeguard.Domain.Clocks;
using Safeguard.Domain.Events;
using Safeguard.Domain.Rules;

namespace Safeguard.Domain.ChildProtection;

/// <summary>
/// What happened to a strategy discussion: recorded, confirmed, and what its section 47 enquiry and initial conference did to its clocks
/// (a step on the enquiry or the conference appends here, to the record whose clock it moves). Its words (who took part, the reasons) stay
/// on the discussion, read when rendered.
/// </summary>
public abstract record StrategyDiscussionEvent : DomainEvent
{
    public sealed override IEnumerable<ClockEvent> ClockEvents(object record) => ClockEventsOf((StrategyDiscussion)record);

    public sealed override string Describe(object record, IEventNames names) => DescribeOf((StrategyDiscussion)record, names);

    protected virtual IEnumerable<ClockEvent> ClockEventsOf(StrategyDiscussion discussion) => [];

    protected abstract string DescribeOf(StrategyDiscussion discussion, IEventNames names);
}

/// <summary>
/// The discussion was held and recorded (SD-01 to SD-06): whether it decided on section 47 (SD-03), whether the minimum attendance took part
/// (SD-02, RC-05), and whether the recorder, a social work qualified manager, confirmed a shortfall themselves.
/// </summary>
public sealed record StrategyDiscussionHeld(bool Section47, bool AttendanceMet, Guid RecordedBy, bool ConfirmedByRecorder) : StrategyDiscussionEvent
{
    public override string Type => "StrategyDiscussionHeld";

    /// <summary>
    /// Held without the minimum attendance, a section 47 decision waits for a manager (RC-05); confirmed, or with the attendance met, section
    /// 47 is initiated as of the discussion (A-05): the enquiry is to start (S47-01) and the initial conference is due (ICPC-01).
    /// </summary>
    protected override IEnumerable<ClockEvent> ClockEventsOf(StrategyDiscussion discussion)
    {
        if (Section47 && !AttendanceMet)
        {
            yield return new(EventKind.Section47AwaitingConfirmation, discussion.HeldOn);
            if (ConfirmedByRecorder)
            {
                yield return new(EventKind.Section47Confirmed, discussion.HeldOn);
            }
        }

        if (Section47 && (AttendanceMet || ConfirmedByRecorder))
        {
            yield return new(EventKind.Section47Initiated, discussion.HeldOn);
        }
    }

    protected override string DescribeOf(StrategyDiscussion discussion, IEventNames names) =>
        $"Strategy discussion with {string.Join(", ", discussion.Attendees.Select(a => $"{a.Name} ({a.Agency})"))}. "
        + (Section47 ? "Section 47 enquiries to be made" : "No section 47 enquiries") + $": {discussion.Section47Reasons}"
        + (!AttendanceMet && !ConfirmedByRecorder
            ? $" (waiting for a manager to confirm: held without {string.Join(", ", discussion.MissingAttendance.Select(StrategyDiscussion.Describe))})"
            : string.Empty);
}

/// <summary>A social work qualified manager confirmed a discussion held without the minimum attendance (SD-02, RC-05).</summary>
public sealed record StrategyDiscussionConfirmed(Guid By) : StrategyDiscussionEvent
{
    public override string Type => "StrategyDiscussionConfirmed";

    /// <summary>Confirmed, section 47 is initiated as of the discussion (the enquiry's start date is the discussion's).</summary>
    protected override IEnumerable<ClockEvent> ClockEventsOf(StrategyDiscussion discussion)
    {
        if (!discussion.Section47)
        {
            yield break;
        }

        yield return new(EventKind.Section47Confirmed, discussion.HeldOn);
        yield return new(EventKind.Section47Initiated, discussion.HeldOn);
    }

    protected override string DescribeOf(StrategyDiscussion discussion, IEventNames names) =>
        $"{names.Practitioner(By)} confirmed the strategy discussion held without {string.Join(", ", discussion.MissingAttendance.Select(StrategyDiscussion.Describe))}"
        + (discussion.Section47 ? " (section 47 enquiries may start)" : string.Empty) + $": {discussion.WhyAttendanceShort}";
}

/// <summary>The section 47 enquiry the discussion initiated started (S47-01), led by a social worker (RC-03), who then answers for ICPC-01.</summary>
public sealed record StrategyDiscussionEnquiryStarted(Guid EnquiryId, Guid LeadId) : StrategyDiscussionEvent
{
    public override string Type => "StrategyDiscussionEnquiryStarted";

    protected override IEnumerable<ClockEvent> ClockEventsOf(StrategyDiscussion discussion) => [new(EventKind.Section47EnquiryStarted, OccurredOn)];

    protected override string DescribeOf(StrategyDiscussion discussion, IEventNames names) =>
        $"The section 47 enquiry from the strategy discussion started, led by {names.Practitioner(LeadId)} (S47-01).";
}

/// <summary>The enquiry concluded (S47-07): concerns not substantiated stop the initial conference's clock (ICPC-01).</summary>
public sealed record StrategyDiscussionEnquiryConcluded(Guid EnquiryId, Section47Outcome Outcome) : StrategyDiscussionEvent
{
    public override string Type => "StrategyDiscussionEnquiryConcluded";

    protected override IEnumerable<ClockEvent> ClockEventsOf(StrategyDiscussion discussion) =>
        Outcome == Section47Outcome.NotSubstantiated ? [new(EventKind.Section47NotSubstantiated, OccurredOn)] : [];

    protected override string DescribeOf(StrategyDiscussion discussion, IEventNames names) =>
        Outcome == Section47Outcome.Substantiated
            ? "The section 47 enquiry from the strategy discussion found the concerns substantiated (S47-10)."
            : "The section 47 enquiry from the strategy discussion found the concerns not substantiated (S47-08).";
}

/// <summary>The initial child protection conference the discussion's enquiry called for was held: ICPC-01 is met.</summary>
public sealed record StrategyDiscussionInitialConferenceHeld(Guid ConferenceId) : StrategyDiscussionEvent
{
    public override string Type => "StrategyDiscussionInitialConferenceHeld";

    protected override IEnumerable<ClockEvent> ClockEventsOf(StrategyDiscussion discussion) => [new(EventKind.InitialConferenceHeld, OccurredOn)];

    protected override string DescribeOf(StrategyDiscussion discussion, IEventNames names) =>
        "The initial child protection conference from the strategy discussion was held (ICPC-01).";
}

/// <summary>What happened to a section 47 enquiry. Its words (reasons, the child's voice, who asked for a conference) stay on the enquiry.</summary>
public abstract record Section47EnquiryEvent : DomainEvent
{
    public sealed override string Describe(object record, IEventNames names) => DescribeOf((Section47Enquiry)record, names);

    protected abstract string DescribeOf(Section47Enquiry enquiry, IEventNames names);

    /// <summary>"due by …" for the initial conference, 15 working days from the discussion (ICPC-01), when the date is known.</summary>
    protected static string ConferenceDue(Section47Enquiry enquiry, IEventNames names) =>
        names.Due(StatutoryRules.InitialConference, enquiry.StartedOn) is { } due ? $" due by {due:d MMMM yyyy}" : string.Empty;
}

/// <summary>The enquiry started from the discussion that initiated it (S47-01), led by a social worker (S47-02, RC-03).</summary>
public sealed record Section47EnquiryStarted(Guid StrategyDiscussionId, Guid LeadId) : Section47EnquiryEvent
{
    public override string Type => "Section47EnquiryStarted";

    protected override string DescribeOf(Section47Enquiry enquiry, IEventNames names) =>
        $"Section 47 enquiry started, led by {names.Practitioner(LeadId)}; initial conference{ConferenceDue(enquiry, names)} if concerns are substantiated.";
}

/// <summary>The lead concluded the enquiry (S47-07): substantiated, or not with the reasons shared and support considered (S47-08).</summary>
public sealed record Section47EnquiryConcluded(Section47Outcome Outcome, Guid By) : Section47EnquiryEvent
{
    public override string Type => "Section47EnquiryConcluded";

    protected override string DescribeOf(Section47Enquiry enquiry, IEventNames names) =>
        (Outcome == Section47Outcome.Substantiated
            ? $"Section 47 enquiry: concerns substantiated; initial child protection conference{ConferenceDue(enquiry, names)}. "
            : "Section 47 enquiry: concerns not substantiated. ") + enquiry.OutcomeReasons
        + (enquiry.OngoingSupport is null ? string.Empty : $" Support: {enquiry.OngoingSupport}");
}

/// <summary>A practitioner with serious concerns asked for a conference after the decision not to hold one (S47-11): the request's number.</summary>
public sealed record ConferenceRequested(int Number) : Section47EnquiryEvent
{
    public override string Type => "ConferenceRequested";

    protected override string DescribeOf(Section47Enquiry enquiry, IEventNames names) => At(enquiry, Number) is { } request
        ? $"{request.RequestedBy} ({request.Agency}) asked for a child protection conference: {request.Concerns}"
        : "A child protection conference was asked for.";

    internal static ConferenceRequest? At(Section47Enquiry enquiry, int number) =>
        number >= 1 && number <= enquiry.ConferenceRequests.Count ? enquiry.ConferenceRequests[number - 1] : null;
}

/// <summary>A manager answered the request for a conference (S47-11).</summary>
public sealed record ConferenceRequestAnswered(int Number, Guid By, bool Agreed) : Section47EnquiryEvent
{
    public override string Type => "ConferenceRequestAnswered";

    protected override string DescribeOf(Section47Enquiry enquiry, IEventNames names) =>
        $"{names.Practitioner(By)} {(Agreed ? "agreed to hold" : "refused")} a child protection conference: {ConferenceRequested.At(enquiry, Number)?.Answer}";
}

/// <summary>A refused request went to the safeguarding partners' dispute resolution (S47-11).</summary>
public sealed record ConferenceRefusalEscalated(int Number) : Section47EnquiryEvent
{
    public override string Type => "ConferenceRefusalEscalated";

    protected override string DescribeOf(Section47Enquiry enquiry, IEventNames names) =>
        "The refusal to hold a conference was escalated under the safeguarding partners' dispute resolution.";
}

/// <summary>What happened at a child protection conference. Its words (the child's views, the reasons) stay on the conference.</summary>
public abstract record ConferenceEvent : DomainEvent
{
    public sealed override string Describe(object record, IEventNames names) => DescribeOf((ChildProtectionConference)record, names);

    protected abstract string DescribeOf(ChildProtectionConference conference, IEventNames names);
}

/// <summary>
/// An initial, pre-birth or transfer-in conference was held (ICPC-01 to ICPC-05, DISC-02), chaired independently (RC-06): whether the child needs
/// a child protection plan, and in which category.
/// </summary>
public sealed record ConferenceHeld(ConferenceKind Kind, Guid ChairId, bool PlanNeeded, string? Category) : ConferenceEvent
{
    public override string Type => "ConferenceHeld";

    protected override string DescribeOf(ChildProtectionConference conference, IEventNames names) =>
        $"{ChildProtectionConference.TitleOf(Kind, conference.PreBirth)} chaired by {names.Practitioner(ChairId)}"
        + (conference.FromAuthority is null ? string.Empty : $" (the child moved here on {conference.FromAuthority}'s plan)")
        + (conference.HeldOn > conference.DueBy ? $", held after its due date of {conference.DueBy:d MMMM yyyy}" : string.Empty) + ": "
        + (PlanNeeded && Category is not null && ChildProtectionConference.Categories.TryGetValue(Category, out var category)
            ? $"child protection plan, category {category}. " : "no child protection plan. ") + conference.Reasons;
}

/// <summary>
/// What happened to a child protection plan: made, its core groups and reviews, a move to another area, its end. Its words (decisions,
/// reasons, the receiving authority's name) stay on the plan, read when rendered.
/// </summary>
public abstract record ChildProtectionPlanEvent : DomainEvent
{
    public sealed override IEnumerable<ClockEvent> ClockEvents(object record) => ClockEventsOf((ChildProtectionPlan)record);

    public sealed override string Describe(object record, IEventNames names) => DescribeOf((ChildProtectionPlan)record, names);

    protected virtual IEnumerable<ClockEvent> ClockEventsOf(ChildProtectionPlan plan) => [];

    protected abstract string DescribeOf(ChildProtectionPlan plan, IEventNames names);
}

/// <summary>The conference made the plan (ICPC-05), led by a registered social worker (CPP-01, RC-04): the first core group (CG-01) and review (RCPC-01) run.</summary>
public sealed record PlanMade(Guid ConferenceId, string Category, Guid LeadSocialWorkerId) : ChildProtectionPlanEvent
{
    public override string Type => "ChildProtectionPlanMade";

    protected override IEnumerable<ClockEvent> ClockEventsOf(ChildProtectionPlan plan) => [new(EventKind.PlanMade, OccurredOn)];

    protected override string DescribeOf(ChildProtectionPlan plan, IEventNames names) =>
        $"Child protection plan made, category {ChildProtectionConference.Categories.GetValueOrDefault(Category, Category)}, led by {names.Practitioner(LeadSocialWorkerId)}.";
}

/// <summary>A core group meeting (CG-01, CG-02): the meeting's number on the plan; its decisions are on the plan.</summary>
public sealed record CoreGroupHeld(int Number, Guid By) : ChildProtectionPlanEvent
{
    public override string Type => "CoreGroupHeld";

    protected override IEnumerable<ClockEvent> ClockEventsOf(ChildProtectionPlan plan) => [new(EventKind.CoreGroupHeld, OccurredOn)];

    protected override string DescribeOf(ChildProtectionPlan plan, IEventNames names) =>
        $"Core group meeting: {(Number >= 1 && Number <= plan.CoreGroupMeetings.Count ? plan.CoreGroupMeetings[Number - 1].Decisions : null)}";
}

/// <summary>A review conference (RCPC-01 to RCPC-04): whether the plan continues, in which category; a plan that does not continue ends that day.</summary>
public sealed record ReviewConferenceHeld(int Number, Guid ConferenceId, Guid ChairId, bool PlanContinues, string Category) : ChildProtectionPlanEvent
{
    public override string Type => "ReviewConferenceHeld";

    protected override IEnumerable<ClockEvent> ClockEventsOf(ChildProtectionPlan plan) => PlanContinues
        ? [new(EventKind.ReviewConferenceHeld, OccurredOn)]
        : [new(EventKind.ReviewConferenceHeld, OccurredOn), new(EventKind.PlanEnded, OccurredOn)];

    protected override string DescribeOf(ChildProtectionPlan plan, IEventNames names)
    {
        var review = Number >= 1 && Number <= plan.Reviews.Count ? plan.Reviews[Number - 1] : null;
        return $"Review child protection conference chaired by {names.Practitioner(ChairId)}: " + (PlanContinues ? "the plan continues" : "the plan ends")
            + $" ({ChildProtectionConference.Categories.GetValueOrDefault(Category, Category)}). {review?.Reasons}"
            + (review?.ProceedingsDecision is { } proceedings ? $" Care proceedings: {proceedings}" : string.Empty);
    }
}

/// <summary>The receiving authority was told the child is moving there permanently on this plan: its transfer-in conference is due (DISC-02).</summary>
public sealed record PlanMoveNotified : ChildProtectionPlanEvent
{
    public override string Type => "ChildProtectionPlanMoveNotified";

    protected override IEnumerable<ClockEvent> ClockEventsOf(ChildProtectionPlan plan) => [new(EventKind.PermanentMoveNotified, OccurredOn)];

    protected override string DescribeOf(ChildProtectionPlan plan, IEventNames names) =>
        $"{plan.MovingTo} was told the child is moving there permanently while on a child protection plan; its transfer-in conference is due"
        + (names.Due(StatutoryRules.TransferInConference, OccurredOn) is { } due ? $" by {due:d MMMM yyyy}" : string.Empty) + ". The plan continues here until then.";
}

/// <summary>The receiving authority held its transfer-in conference (DISC-02); what it decided is on the plan.</summary>
public sealed record PlanTransferInConferenceHeld : ChildProtectionPlanEvent
{
    public override string Type => "ChildProtectionPlanTransferInConferenceHeld";

    protected override IEnumerable<ClockEvent> ClockEventsOf(ChildProtectionPlan plan) => [new(EventKind.TransferInConferenceHeld, OccurredOn)];

    protected override string DescribeOf(ChildProtectionPlan plan, IEventNames names) => $"{plan.MovingTo} held its transfer-in conference: {plan.TransferInOutcome}";
}

/// <summary>The move did not happen: the plan carries on here and the transfer-in clock stops (DISC-02).</summary>
public sealed record PlanMoveAbandoned : ChildProtectionPlanEvent
{
    public override string Type => "ChildProtectionPlanMoveAbandoned";

    protected override IEnumerable<ClockEvent> ClockEventsOf(ChildProtectionPlan plan) => [new(EventKind.MoveAbandoned, OccurredOn)];

    protected override string DescribeOf(ChildProtectionPlan plan, IEventNames names) => $"The move to {plan.MovingTo} did not happen: the plan carries on here.";
}

/// <summary>A manager changed the plan's lead social worker (CPP-01, RC-04): who answers for its clocks.</summary>
public sealed record PlanLeadChanged(Guid From, Guid To, Guid By) : ChildProtectionPlanEvent
{
    public override string Type => "ChildProtectionPlanLeadChanged";

    protected override string DescribeOf(ChildProtectionPlan plan, IEventNames names) =>
        $"{names.Practitioner(By)} changed the plan's lead social worker from {names.Practitioner(From)} to {names.Practitioner(To)}.";
}

/// <summary>The plan ended for one of the guidance's reasons (DISC-01): every clock of the plan stops, a child's death as such.</summary>
public sealed record PlanEnded(PlanEndReason Reason) : ChildProtectionPlanEvent
{
    public override string Type => "ChildProtectionPlanEnded";

    protected override IEnumerable<ClockEvent> ClockEventsOf(ChildProtectionPlan plan) =>
        [new(Reason == PlanEndReason.Died ? EventKind.ChildDied : EventKind.PlanEnded, OccurredOn)];

    protected override string DescribeOf(ChildProtectionPlan plan, IEventNames names) => $"Child protection plan ended ({PlanEndReasons.Describe(Reason)}): {plan.EndNotes}";
}

/// <summary>Why a plan ended, in words.</summary>
public static class PlanEndReasons
{
    public static string Describe(PlanEndReason reason) => reason switch
    {
        PlanEndReason.NoLongerAtRiskOfSignificantHarm => "No longer likely to suffer significant harm",
        PlanEndReason.MovedPermanentlyToAnotherArea => "Moved permanently to another area (after the receiving authority's transfer-in conference)",
        PlanEndReason.ReachedEighteen => "Turned 18",
        PlanEndReason.Died => "Died",
        _ => "Left the UK",
    };
}

/// <summary>A child protection plan's clock history from its events, arranged as its state arranges it.</summary>
public static class PlanHistory
{
    /// <summary>
    /// In the order things were known: the plan made, the 18th birthday (known from the start, read from the child when computed, never
    /// stored in an event), core groups and reviews by date, then a move, its conference or abandonment, and the end in the order they happened.
    /// </summary>
    public static IReadOnlyList<ClockEvent> Of(ChildProtectionPlan plan, IEnumerable<DomainEvent> events, DateOnly? eighteenthBirthday)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var clocks = EventHistory.ClockEvents(plan, events);
        var history = clocks.Where(e => e.Kind == EventKind.PlanMade).ToList();
        if (eighteenthBirthday is { } birthday && birthday > plan.StartedOn)
        {
            history.Add(new ClockEvent(EventKind.EighteenthBirthdayAhead, birthday));
        }

        history.AddRange(clocks.Where(e => e.Kind is EventKind.CoreGroupHeld or EventKind.ReviewConferenceHeld).OrderBy(e => e.OccurredOn));
        history.AddRange(clocks.Where(e => e.Kind is not (EventKind.PlanMade or EventKind.CoreGroupHeld or EventKind.ReviewConferenceHeld)));
        return history;
    }
}
