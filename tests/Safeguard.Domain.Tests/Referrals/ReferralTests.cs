using Safeguard.Domain;
using Safeguard.Domain.Children;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;

namespace Safeguard.Domain.Tests.Referrals;

public sealed class ReferralTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid AreaId = Guid.NewGuid();
    private static readonly Agency SocialCare = new(Guid.NewGuid(), AreaId, "Test children's social care", AgencyKind.LocalAuthorityChildrensSocialCare);
    private static readonly Agency School = new(Guid.NewGuid(), AreaId, "Test primary school", AgencyKind.School);

    private static readonly Child Child = new(Guid.NewGuid(), AreaId,
        new ChildDetails("Mia", "Testcase", new DateOnly(2018, 3, 2), null, Sex.Female, null, "WBRI", ["NONE"], "English", null, null), Today);

    private static readonly Practitioner Teacher = new(Guid.NewGuid(), School, null, "Dee", "Teacher", "dsl@test.example", "DSL");

    private static Practitioner Manager()
    {
        var manager = new Practitioner(Guid.NewGuid(), SocialCare, null, "Max", "Manager", "m@test.example", "Team manager", SocialWorkRegistration.Parse("SW1"));
        manager.Grant(PractitionerRole.PracticeSupervisor, SocialCare);
        return manager;
    }

    private static ReferralDetails Details(bool familyKnows = true, bool? familyAgrees = true, string? why = null) =>
        new("Mia said her stepfather hit her.", [HarmType.PhysicalAbuse, HarmType.DomesticAbuse], HarmContext.InsideTheHome,
            "She does not want to go home tonight.", familyKnows, familyAgrees, why, Urgency.Urgent, "2A");

    private static Referral FromTeacher(DateOnly? previous = null, ReferralDetails? details = null) =>
        Referral.Receive(Guid.NewGuid(), AreaId, "NM-TEST-1", Child,
            new Referrer(Teacher.Id, School.Id, Teacher.FullName, "Designated safeguarding lead", null, Teacher.Email),
            details ?? Details(), Now, Today, previous);

    [Fact]
    [Trait("Rule", "RC-01")]
    public void RecordDecision_ByASocialWorkerWhoIsNotAManager_IsRefused()
    {
        var worker = new Practitioner(Guid.NewGuid(), SocialCare, null, "Sam", "Worker", "w@test.example", "Social worker", SocialWorkRegistration.Parse("SW2"));
        worker.Grant(PractitionerRole.SocialWorker, SocialCare);
        var referral = FromTeacher();

        var error = Assert.Throws<RuleViolationException>(() =>
            referral.RecordDecision(worker, ReferralOutcome.Section17Assessment, "Needs assessment", "N1", null, Now, Today, Today));

        Assert.Equal("RC-01", error.RuleId);
        Assert.False(referral.IsDecided);
    }

    [Fact]
    [Trait("Rule", "REF-04")]
    public void RecordDecision_ByPracticeSupervisor_RecordsOutcomeReasonsAndDecider()
    {
        var manager = Manager();
        var referral = FromTeacher();

        referral.RecordDecision(manager, ReferralOutcome.Section17Assessment, "Assess the family's needs and Mia's safety at home.", "N1", null, Now, Today, Today);

        Assert.Equal(ReferralOutcome.Section17Assessment, referral.Outcome);
        Assert.Equal(manager.Id, referral.DecidedBy);
        Assert.Equal("N1", referral.PrimaryNeedCode);
        Assert.False(referral.IsNoFurtherAction);
    }

    [Fact]
    public void RecordDecision_WithoutReasons_IsRefused()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            FromTeacher().RecordDecision(Manager(), ReferralOutcome.NoFurtherAction, "  ", null, null, Now, Today, Today));
        Assert.Equal("SG-REF-09", error.RuleId);
    }

    [Fact]
    [Trait("Rule", "REF-04")]
    public void RecordDecision_AfterTheDueDayWithoutAReason_IsRefused()
    {
        var referral = FromTeacher();
        var dueOn = Today.AddDays(1);

        var error = Assert.Throws<RuleViolationException>(() =>
            referral.RecordDecision(Manager(), ReferralOutcome.NoFurtherAction, "Below threshold", null, null, Now, dueOn.AddDays(1), dueOn));
        Assert.Equal("REF-04", error.RuleId);

        referral.RecordDecision(Manager(), ReferralOutcome.NoFurtherAction, "Below threshold", null, null, Now, dueOn.AddDays(1), dueOn,
            "The manager on duty was at court all day.");
        Assert.Equal("The manager on duty was at court all day.", referral.LateReason);
        Assert.Equal("The manager on duty was at court all day.", referral.History()[1].LateReason);
    }

    [Fact]
    public void History_OfAnAssessmentDecision_StartsSeeingTheChild()
    {
        var referral = FromTeacher();
        referral.RecordDecision(Manager(), ReferralOutcome.Section17Assessment, "Assess", "N1", null, Now, Today, Today);

        Assert.Equal([Domain.Rules.EventKind.ReferralReceived, Domain.Rules.EventKind.ReferralDecisionRecorded, Domain.Rules.EventKind.FurtherAssessmentDecided],
            referral.History().Select(e => e.Kind));
    }

    [Fact]
    [Trait("Rule", "IP-01")]
    [Trait("Rule", "IP-05")]
    public void History_OfImmediateProtection_AsksForTheEmergencyAction_AndDoesNotRecordItAsTaken()
    {
        var referral = FromTeacher();
        referral.RecordDecision(Manager(), ReferralOutcome.ImmediateProtection, "Police protection tonight.", "N1", null, Now, Today, Today);

        var history = referral.History();
        Assert.DoesNotContain(history, e => e.Kind == Domain.Rules.EventKind.EmergencyActionTaken);
        var protection = Assert.Single(Domain.Clocks.ClockEngine.Compute(referral.Id, history, [Domain.Rules.StatutoryRules.ImmediateProtection],
            Domain.Calendar.WorkingDayCalendar.England, Today.AddDays(30)));
        Assert.Equal(Domain.Clocks.ClockStatus.Urgent, protection.Status);
        Assert.Null(protection.DueOn);
        // The strategy discussion after emergency action starts when the action is recorded, not at the decision.
        Assert.Empty(Domain.Clocks.ClockEngine.Compute(referral.Id, history, [Domain.Rules.StatutoryRules.StrategyDiscussionAfterEmergency],
            Domain.Calendar.WorkingDayCalendar.England, Today));
        var met = Assert.Single(Domain.Clocks.ClockEngine.Compute(referral.Id,
            [.. history, new(Domain.Rules.EventKind.EmergencyActionTaken, Today.AddDays(1))], [Domain.Rules.StatutoryRules.ImmediateProtection],
            Domain.Calendar.WorkingDayCalendar.England, Today.AddDays(30)));
        Assert.Equal((Domain.Clocks.ClockStatus.Met, Today.AddDays(1)), (met.Status, met.CompletedOn));
    }

    [Theory]
    [Trait("Rule", "SD-01")]
    [InlineData(ReferralOutcome.StrategyDiscussion, true)]
    [InlineData(ReferralOutcome.ImmediateProtection, false)]
    [InlineData(ReferralOutcome.Section17Assessment, false)]
    public void History_OfAStrategyDiscussionDecision_StartsTheLocalTarget(ReferralOutcome outcome, bool starts)
    {
        var referral = FromTeacher();
        referral.RecordDecision(Manager(), outcome, "Reasonable cause to suspect significant harm.", "N1", null, Now, Today, Today);

        Assert.Equal(starts, referral.History().Contains(new(Domain.Rules.EventKind.StrategyDiscussionDecided, Today)));
    }

    [Fact]
    public void Receive_PreBirthReferralWithoutThePregnantPerson_IsRefused()
    {
        var unborn = new Child(Guid.NewGuid(), AreaId,
            new ChildDetails("", "Testcase", null, Today.AddMonths(3), Sex.Unknown, null, "NOBT", [], null, null, null), Today);
        Referral Refer(IReadOnlyList<ReferralAdult> adults) => Referral.Receive(Guid.NewGuid(), AreaId, "NM-TEST-2", unborn,
            new Referrer(Teacher.Id, School.Id, Teacher.FullName, "Midwife", null, null), Details() with { Adults = adults }, Now, Today, null);

        Assert.Equal("SG-REF-21", Assert.Throws<RuleViolationException>(() => Refer([])).RuleId);
        var referral = Refer([new ReferralAdult("Jo Testcase", RelationshipKind.ExpectantParent, null, true, true, null)]);
        Assert.Single(referral.Adults);
    }

    [Fact]
    public void Receive_AdultWithoutAName_IsRefused() =>
        Assert.Equal("SG-REF-20", Assert.Throws<RuleViolationException>(() =>
            FromTeacher(details: Details() with { Adults = [new ReferralAdult(" ", RelationshipKind.Father, null, true, true, null)] })).RuleId);

    [Fact]
    public void RecordDecision_Twice_IsRefused()
    {
        var referral = FromTeacher();
        referral.RecordDecision(Manager(), ReferralOutcome.NoFurtherAction, "Below threshold", null, null, Now, Today, Today);

        Assert.Throws<RuleViolationException>(() =>
            referral.RecordDecision(Manager(), ReferralOutcome.StrategyDiscussion, "Changed mind", "N1", null, Now, Today, Today));
    }

    [Fact]
    public void RecordDecision_AssessmentWithoutPrimaryNeed_IsRefusedButNoFurtherActionNeedsNone()
    {
        Assert.Equal("SG-REF-11", Assert.Throws<RuleViolationException>(() =>
            FromTeacher().RecordDecision(Manager(), ReferralOutcome.Section17Assessment, "Assess", null, null, Now, Today, Today)).RuleId);

        var nfa = FromTeacher();
        nfa.RecordDecision(Manager(), ReferralOutcome.NoFurtherAction, "Below threshold", null, null, Now, Today, Today);
        Assert.True(nfa.IsNoFurtherAction);
    }

    [Fact]
    [Trait("Rule", "REF-06")]
    public void RecordDecision_UniversalHelpWithoutSuggestedServices_IsRefused() =>
        Assert.Equal("REF-06", Assert.Throws<RuleViolationException>(() =>
            FromTeacher().RecordDecision(Manager(), ReferralOutcome.UniversalHelp, "Below threshold", null, null, Now, Today, Today)).RuleId);

    [Fact]
    public void Receive_WhenFamilyNotToldAndNoReason_IsRefused()
    {
        var error = Assert.Throws<RuleViolationException>(() => FromTeacher(details: Details(familyKnows: false, familyAgrees: null)));
        Assert.Equal("SG-REF-07", error.RuleId);
    }

    [Fact]
    public void Receive_WhenFamilyNotToldWithReason_IsAccepted()
    {
        var referral = FromTeacher(details: Details(false, null, "Telling the stepfather could put Mia at greater risk."));
        Assert.False(referral.FamilyKnows);
    }

    [Fact]
    public void Receive_WithNoHarmSelected_IsRefused() =>
        Assert.Equal("SG-REF-04", Assert.Throws<RuleViolationException>(() => FromTeacher(details: Details() with { HarmTypes = [] })).RuleId);

    [Theory]
    [InlineData("2025-11-24", true)] // exactly 12 months before
    [InlineData("2025-11-23", false)]
    [InlineData("2026-06-01", true)]
    public void Receive_WithinTwelveMonthsOfPreviousReferral_IsReReferral(string previous, bool expected) =>
        Assert.Equal(expected, FromTeacher(DateOnly.Parse(previous, System.Globalization.CultureInfo.InvariantCulture)).IsReReferral);

    [Fact]
    [Trait("Rule", "REF-07")]
    public void Escalate_ByReferrerAfterDecision_IsRoutedToAManagerWhoMustRespond()
    {
        var referral = FromTeacher();
        referral.RecordDecision(Manager(), ReferralOutcome.NoFurtherAction, "Below threshold", null, null, Now, Today, Today);

        referral.Escalate(Teacher.Id, "Mia has disclosed again today.", Now.AddHours(2));
        Assert.Throws<RuleViolationException>(() => referral.Escalate(Teacher.Id, "Again", Now.AddHours(3)));
        referral.RespondToEscalation(Manager(), "Reconsidered: a strategy discussion is being convened.", Now.AddHours(4));

        var escalation = Assert.Single(referral.Escalations);
        Assert.NotNull(escalation.Response);
    }

    [Fact]
    public void Escalate_BySomeoneOtherThanTheReferrer_IsRefused()
    {
        var referral = FromTeacher();
        referral.RecordDecision(Manager(), ReferralOutcome.NoFurtherAction, "Below threshold", null, null, Now, Today, Today);
        Assert.Equal("SG-REF-12", Assert.Throws<RuleViolationException>(() => referral.Escalate(Guid.NewGuid(), "Why?", Now)).RuleId);
    }
}
