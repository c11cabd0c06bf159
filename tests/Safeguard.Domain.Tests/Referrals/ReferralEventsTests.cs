using System.Text.Json;
using Safeguard.Domain.Children;
using Safeguard.Domain.Events;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;

namespace Safeguard.Domain.Tests.Referrals;

/// <summary>
/// A referral's operations say what happened as typed events, and its clocks read from them are the clocks read from its state
/// (docs/decisions/0009).
/// </summary>
public sealed class ReferralEventsTests
{
    private static readonly DateOnly Received = new(2026, 11, 24);
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid AreaId = Guid.NewGuid();
    private static readonly Agency SocialCare = new(Guid.NewGuid(), AreaId, "Test children's social care", AgencyKind.LocalAuthorityChildrensSocialCare);
    private static readonly Agency School = new(Guid.NewGuid(), AreaId, "Test primary school", AgencyKind.School);

    private static readonly Child Child = new(Guid.NewGuid(), AreaId,
        new ChildDetails("Ivy", "Eventcase", new DateOnly(2017, 5, 6), null, Sex.Female, null, "WBRI", ["NONE"], "English", null, null), Received);

    private static readonly Practitioner Teacher = new(Guid.NewGuid(), School, null, "Tom", "Teacherson", "dsl@test.example", "DSL");

    private const string Concerns = "Ivy came to school hungry every day this week.";
    private const string LateReason = "The duty manager was covering two teams that day.";

    private static Practitioner Manager()
    {
        var manager = new Practitioner(Guid.NewGuid(), SocialCare, null, "Mo", "Managerial", "m@test.example", "Team manager", SocialWorkRegistration.Parse("SW9"));
        manager.Grant(PractitionerRole.PracticeSupervisor, SocialCare);
        return manager;
    }

    private static Referral Receive() => Referral.Receive(Guid.NewGuid(), AreaId, "NM-TEST-9", Child,
        new Referrer(Teacher.Id, School.Id, Teacher.FullName, "Designated safeguarding lead", null, Teacher.Email),
        new ReferralDetails(Concerns, [HarmType.Neglect], HarmContext.InsideTheHome, "Ivy says there is no food at home.", true, true, null,
            Urgency.Urgent, "2A"), ReceivedAt, Received, null);

    [Fact]
    public void Receive_RaisesReferralReceived_OnTheDayItCameIn()
    {
        var referral = Receive();

        var received = Assert.IsType<ReferralReceived>(Assert.Single(referral.PendingEvents));
        Assert.Equal(Received, received.OccurredOn);
        Assert.Equal(Urgency.Urgent, received.Urgency);
        Assert.Equal("2A", received.SourceCode);
    }

    [Theory]
    [Trait("Rule", "REF-04")]
    [InlineData(ReferralOutcome.ImmediateProtection, 0)]
    [InlineData(ReferralOutcome.StrategyDiscussion, 0)]
    [InlineData(ReferralOutcome.Section17Assessment, 0)]
    [InlineData(ReferralOutcome.FamilyHelp, 0)]
    [InlineData(ReferralOutcome.UniversalHelp, 0)]
    [InlineData(ReferralOutcome.NoFurtherAction, 0)]
    [InlineData(ReferralOutcome.Section17Assessment, 3)]
    [InlineData(ReferralOutcome.NoFurtherAction, 3)]
    public void TheClockHistoryFromEvents_IsTheHistoryFromState(ReferralOutcome outcome, int daysLate)
    {
        var referral = Receive();
        var decidedOn = Received.AddDays(1 + daysLate);
        referral.RecordAcknowledgement(Manager(), AcknowledgementMethod.Phone, ReceivedAt.AddHours(1), ReceivedAt.AddHours(2));
        referral.RecordDecision(Manager(), outcome, "Reasons the family are told.", outcome is ReferralOutcome.NoFurtherAction or ReferralOutcome.UniversalHelp ? null : "N1",
            outcome == ReferralOutcome.UniversalHelp ? "The school nurse's drop-in." : null, ReceivedAt.AddDays(1 + daysLate), decidedOn, Received.AddDays(1),
            daysLate > 0 ? LateReason : null);

        var fromEvents = EventHistory.ClockEvents(referral, referral.PendingEvents);

        Assert.Equal(referral.History(), fromEvents);
        Assert.Equal(["ReferralReceived", "ReferralAcknowledged", "ReferralDecided"], referral.PendingEvents.Select(e => e.Type));
        Assert.Equal(daysLate > 0, ((ReferralDecided)referral.PendingEvents[^1]).LateReasonGiven);
    }

    [Fact]
    public void EscalatingAndAnswering_AreEventsThatMoveNoClock()
    {
        var referral = Receive();
        referral.RecordDecision(Manager(), ReferralOutcome.NoFurtherAction, "No role for children's social care.", null, null, ReceivedAt, Received, Received);
        var manager = Manager();
        referral.Escalate(Teacher.Id, "Ivy is still hungry.", ReceivedAt.AddDays(2));
        referral.RespondToEscalation(manager, "We will ask the school nurse to see her.", ReceivedAt.AddDays(3));

        Assert.Equal(["ReferralReceived", "ReferralDecided", "ReferralEscalated", "ReferralEscalationAnswered"], referral.PendingEvents.Select(e => e.Type));
        Assert.Empty(referral.PendingEvents[2].ClockEvents(referral));
        Assert.Empty(referral.PendingEvents[3].ClockEvents(referral));
        Assert.Equal(referral.History(), EventHistory.ClockEvents(referral, referral.PendingEvents));
    }

    /// <summary>What is stored of an event holds no words a person typed and no one's name: erasing them never rewrites an event.</summary>
    [Fact]
    public void AnEventsStoredFields_HoldNoNamesOrWordsAPersonTyped()
    {
        var referral = Receive();
        var manager = Manager();
        referral.RecordDecision(manager, ReferralOutcome.Section17Assessment, "Ivy's needs must be assessed.", "N1", null, ReceivedAt.AddDays(3),
            Received.AddDays(3), Received.AddDays(1), LateReason);
        referral.Escalate(Teacher.Id, "Please look again at Ivy's case.", ReceivedAt.AddDays(4));
        referral.RespondToEscalation(manager, "We have looked again at Ivy's case.", ReceivedAt.AddDays(5));

        var stored = string.Join('\n', referral.PendingEvents.Select(e => JsonSerializer.Serialize(e, e.GetType())));

        foreach (var words in new[] { Concerns, LateReason, "Ivy", "Eventcase", "Teacherson", "Managerial", "Reasons", "look again" })
        {
            Assert.DoesNotContain(words, stored, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void TheLateReason_IsReadFromTheReferralWhenTheClockIsComputed()
    {
        var referral = Receive();
        referral.RecordDecision(Manager(), ReferralOutcome.Section17Assessment, "Assess.", "N1", null, ReceivedAt.AddDays(3), Received.AddDays(3),
            Received.AddDays(1), LateReason);

        var decided = Assert.Single(EventHistory.ClockEvents(referral, referral.PendingEvents), e => e.Kind == Safeguard.Domain.Rules.EventKind.ReferralDecisionRecorded);

        Assert.Equal(LateReason, decided.LateReason);
    }

    [Fact]
    public void TheChronologySentence_IsWrittenFromTheEventWithTheWordsOnTheReferral()
    {
        var referral = Receive();
        var manager = Manager();
        referral.RecordAcknowledgement(manager, AcknowledgementMethod.Email, ReceivedAt.AddHours(1), ReceivedAt.AddHours(2));
        referral.RecordDecision(manager, ReferralOutcome.Section17Assessment, "Ivy's needs must be assessed.", "N1", null, ReceivedAt, Received, Received);
        var names = new Names(manager);

        var sentences = referral.PendingEvents.Select(e => e.Describe(referral, names)).ToList();

        Assert.Equal($"Referral NM-TEST-9 from Tom Teacherson (Designated safeguarding lead). {Concerns}", sentences[0]);
        Assert.Equal("Receipt of referral NM-TEST-9 acknowledged to Tom Teacherson by email (Mo Managerial).", sentences[1]);
        Assert.Equal("Front door decision on NM-TEST-9: Assessment of the child's needs (section 17). Ivy's needs must be assessed.", sentences[2]);
    }

    private sealed class Names(Practitioner practitioner) : IEventNames
    {
        public string Practitioner(Guid? practitionerId) => practitionerId == practitioner.Id ? practitioner.FullName : "someone no longer recorded";
    }
}
