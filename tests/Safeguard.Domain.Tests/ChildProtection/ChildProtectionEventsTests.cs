using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Events;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Rules;
using static Safeguard.Domain.Tests.ChildProtection.StrategyDiscussionTests;

namespace Safeguard.Domain.Tests.ChildProtection;

/// <summary>A strategy discussion and its section 47 enquiry say what happened to them as events, whose clock history is the one their state gives.</summary>
public sealed class ChildProtectionEventsTests
{
    private static StrategyDiscussionRecord Held(bool section47 = true, string? whyShort = null, params AttendeeRole[] roles) => new(
        Today, [.. (roles.Length == 0 ? StrategyDiscussion.MinimumAttendance.ToArray() : roles).Select(r => new Attendee($"Kit {r}", $"{r} agency", r))],
        "Bruising seen at school.", CriminalInvestigation.Started, null, section47, "Reasonable cause to suspect physical abuse.",
        section47 ? [new AgreedAction("Child protection medical", "Community paediatrician", Today.AddDays(1))] : [], false, null, whyShort);

    private static (Episode Episode, Practitioner Lead) Allocated() => (Episode(), Person());

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [Trait("Rule", "ICPC-01")]
    [Trait("Rule", "RC-05")]
    public void ADiscussionsEvents_GiveTheHistoryItsStateGives_AtEveryStep(bool attendanceMet, bool substantiated)
    {
        var (episode, lead) = Allocated();
        var discussion = StrategyDiscussion.Record(Guid.NewGuid(), episode, lead,
            attendanceMet ? Held() : Held(whyShort: "Health could not join.", roles: [AttendeeRole.LocalAuthoritySocialWorker, AttendeeRole.Police]), Today);
        List<DomainEvent> events = [.. discussion.PendingEvents];
        Assert.Equal(discussion.History(null, null), History(discussion, events));
        if (!attendanceMet)
        {
            Assert.Contains(discussion.History(null, null), e => e.Kind == EventKind.Section47AwaitingConfirmation);
            discussion.ClearPendingEvents();
            discussion.ConfirmAttendance(Person(manager: true), Today.AddDays(1));
            events.AddRange(discussion.PendingEvents);
            Assert.Equal(discussion.History(null, null), History(discussion, events));
        }

        discussion.ClearPendingEvents();
        var enquiry = Section47Enquiry.Start(Guid.NewGuid(), discussion, lead, null);
        events.AddRange(discussion.PendingEvents);
        Assert.Equal(discussion.History(enquiry, null), History(discussion, events));
        Assert.Equal([new Section47EnquiryStarted(discussion.Id, lead.Id) { OccurredOn = Today }], enquiry.PendingEvents);

        enquiry.RecordEnquiry(lead.Id, new EnquiryRecord(Today.AddDays(1), true, null, "Wants to feel safe.", true, true, null, false, null), Today.AddDays(1));
        enquiry.Conclude(lead.Id, substantiated ? Section47Outcome.Substantiated : Section47Outcome.NotSubstantiated, "The enquiry's findings.",
            substantiated ? null : true, substantiated ? null : "Family Help.", Today.AddDays(3));
        discussion.ClearPendingEvents();
        discussion.EnquiryConcluded(enquiry);
        events.AddRange(discussion.PendingEvents);
        Assert.Equal(discussion.History(enquiry, null), History(discussion, events));
        Assert.Equal(!substantiated, History(discussion, events).Any(e => e.Kind == EventKind.Section47NotSubstantiated));
        if (!substantiated)
        {
            return;
        }

        var (conference, _) = ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, Chair(), lead, Decision(lead: lead.Id),
            Today.AddDays(15), Today.AddDays(7));
        discussion.ClearPendingEvents();
        discussion.InitialConferenceHeld(conference, enquiry);
        events.AddRange(discussion.PendingEvents);
        Assert.Equal(discussion.History(enquiry, conference), History(discussion, events));
        Assert.Contains(History(discussion, events), e => e.Kind == EventKind.InitialConferenceHeld && e.OccurredOn == Today.AddDays(7));
    }

    [Fact]
    public void OnlyTheDiscussionsOwnEnquiryAndConference_AreAppendedToIt()
    {
        var (episode, lead) = Allocated();
        var discussion = StrategyDiscussion.Record(Guid.NewGuid(), episode, lead, Held(), Today);
        var other = StrategyDiscussion.Record(Guid.NewGuid(), episode, lead, Held(), Today);
        var enquiry = Section47Enquiry.Start(Guid.NewGuid(), other, lead, null);
        enquiry.RecordEnquiry(lead.Id, new EnquiryRecord(Today, true, null, "Wants to feel safe.", true, true, null, false, null), Today);
        enquiry.Conclude(lead.Id, Section47Outcome.Substantiated, "Findings.", null, null, Today);

        Assert.Throws<RuleViolationException>(() => discussion.EnquiryConcluded(enquiry));
    }

    /// <summary>The enquiry's sentences are its events rendered, names looked up when rendered (an erased or corrected name is never in an event).</summary>
    [Fact]
    [Trait("Rule", "S47-11")]
    public void AnEnquirysEvents_RenderItsChronology_WithNamesLookedUp()
    {
        var (episode, lead) = Allocated();
        var discussion = StrategyDiscussion.Record(Guid.NewGuid(), episode, lead, Held(), Today);
        var enquiry = Section47Enquiry.Start(Guid.NewGuid(), discussion, lead, null);
        var names = new Names(lead);

        Assert.Equal($"Section 47 enquiry started, led by {lead.FullName}; initial conference due by 4 January 2027 if concerns are substantiated.",
            enquiry.PendingEvents[^1].Describe(enquiry, names));
        Assert.Equal($"Strategy discussion with Kit LocalAuthoritySocialWorker (LocalAuthoritySocialWorker agency), Kit Health (Health agency), Kit Police (Police agency). "
            + "Section 47 enquiries to be made: Reasonable cause to suspect physical abuse.", discussion.PendingEvents[0].Describe(discussion, names));
        enquiry.RecordEnquiry(lead.Id, new EnquiryRecord(Today, true, null, "Wants to feel safe.", true, true, null, false, null), Today);
        enquiry.Conclude(lead.Id, Section47Outcome.NotSubstantiated, "An innocent explanation.", true, "Family Help.", Today);
        enquiry.RequestConference("Dee Teacher", "Northmoor Primary", "A third injury.", Today, Today);
        Assert.Equal("Dee Teacher (Northmoor Primary) asked for a child protection conference: A third injury.", enquiry.PendingEvents[^1].Describe(enquiry, names));
        var manager = Person(manager: true);
        enquiry.AnswerConferenceRequest(manager, false, "The medical found no injury.", Today);
        Assert.Equal("a former colleague refused a child protection conference: The medical found no injury.", enquiry.PendingEvents[^1].Describe(enquiry, names));
        enquiry.EscalateRefusal(Today);
        Assert.Equal(["Section47EnquiryStarted", "Section47EnquiryConcluded", "ConferenceRequested", "ConferenceRequestAnswered", "ConferenceRefusalEscalated"],
            enquiry.PendingEvents.Select(e => e.Type));
    }

    /// <summary>At every step of a plan — made, core groups, a move abandoned, a second move with its transfer-in conference, a review that ends it — its events give the history its state gives.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    [Trait("Rule", "CG-01")]
    [Trait("Rule", "RCPC-01")]
    [Trait("Rule", "DISC-02")]
    public void APlansEvents_GiveTheHistoryItsStateGives_AtEveryStep(bool endsAtReview)
    {
        var (enquiry, episode, lead, manager) = Substantiated();
        var (conference, plan) = ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, Chair(), lead, Decision(lead: lead.Id),
            Today.AddDays(15), Today.AddDays(7));
        var birthday = new DateOnly(2036, 3, 2);
        Assert.Equal([typeof(ConferenceHeld)], conference.PendingEvents.Select(e => e.GetType()));
        List<DomainEvent> events = [];
        void Check()
        {
            events.AddRange(plan!.PendingEvents);
            plan.ClearPendingEvents();
            Assert.Equal(plan.History(birthday), PlanHistory.Of(plan, events, birthday));
        }

        Check();
        Assert.IsType<PlanMade>(events[0]);
        plan!.RecordCoreGroup(lead.Id, Today.AddDays(14), "Agreed the detailed plan.", null, [], Today.AddDays(14));
        Check();
        plan.RecordCoreGroup(lead.Id, Today.AddDays(40), "Progress on attendance.", null, [], Today.AddDays(40));
        Check();
        plan.RecordMoveNotified("Westshire", Today.AddDays(41), Today.AddDays(41));
        Check();
        if (endsAtReview)
        {
            plan.RecordMoveAbandoned(Today.AddDays(45), Today.AddDays(45));
            Check();
            plan.RecordReview(Guid.NewGuid(), Chair(), episode, Today.AddDays(80), false, "PHY", "No longer likely to suffer significant harm.", null,
                new ReviewRecord([new("Helen Chair", "Independent reviewing service", AttendeeRole.Other)], "Feels safe.", null, "Mother attended.",
                    "School: attendance is up."), Today.AddDays(90), Today.AddDays(80));
            Check();
            Assert.Contains(PlanHistory.Of(plan, events, birthday), e => e.Kind == EventKind.PlanEnded && e.OccurredOn == Today.AddDays(80));
        }
        else
        {
            plan.RecordTransferInConference(Today.AddDays(50), "Westshire made its own plan.", Today.AddDays(50));
            Check();
            plan.ChangeLead(manager, Person(), "Caseload.", new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero), Today.AddDays(51), lead.FullName);
            Check();
            plan.End(PlanEndReason.MovedPermanentlyToAnotherArea, "Now on Westshire's plan.", Today.AddDays(52), Today.AddDays(52));
            Check();
            Assert.Equal("Child protection plan ended (Moved permanently to another area (after the receiving authority's transfer-in conference)): Now on Westshire's plan.",
                events[^1].Describe(plan, new Names(lead)));
        }
    }

    private static IReadOnlyList<Safeguard.Domain.Clocks.ClockEvent> History(StrategyDiscussion discussion, IEnumerable<DomainEvent> events) =>
        [.. EventHistory.ClockEvents(discussion, events).OrderBy(e => e.OccurredOn)];

    private sealed class Names(Practitioner practitioner) : IEventNames
    {
        public string Practitioner(Guid? practitionerId) => practitionerId == practitioner.Id ? practitioner.FullName : "a former colleague";

        public DateOnly? Due(StatutoryRule rule, DateOnly from) => rule == StatutoryRules.InitialConference ? new DateOnly(2027, 1, 4) : null;
    }
}
