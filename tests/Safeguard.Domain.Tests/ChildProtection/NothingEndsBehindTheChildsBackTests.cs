using Safeguard.Domain.Calendar;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Children;
using Safeguard.Domain.Clocks;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Rules;
using static Safeguard.Domain.Tests.ChildProtection.StrategyDiscussionTests;

namespace Safeguard.Domain.Tests.ChildProtection;

/// <summary>
/// Nothing closes or ends behind a child's back: an episode does not close over open protection or help (SG-EP-10), a
/// plan ends only for the guidance's reasons, each decided or evidenced (DISC-01), a child's death or leaving the UK is
/// recorded once on the child, turning 18 says what happens next (GEN-01), and clocks stop when the work has ended.
/// </summary>
public sealed class NothingEndsBehindTheChildsBackTests
{
    private static ChildProtectionPlan Plan(out Episode episode, out Practitioner lead)
    {
        var (enquiry, e, l, _) = Substantiated();
        var (_, plan) = ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, e, Chair(), l, Decision(lead: l.Id), Today.AddDays(15), Today.AddDays(7));
        episode = e;
        lead = l;
        return plan!;
    }

    private static Child ChildBorn(DateOnly born) => new(Guid.NewGuid(), AreaId,
        new ChildDetails("Noor", "Testcase", born, null, Sex.Female, null, "WBRI", ["NONE"], "English", null, null), born.AddDays(1));

    [Fact]
    [Trait("Rule", "SG-EP-10")]
    public void AnEpisode_DoesNotClose_WhileAnythingIsOpen_AndTheRefusalNamesEach()
    {
        var (_, episode, lead, manager) = Substantiated();
        var open = new List<RelatedRecord>
        {
            new("ChildProtectionPlan", Guid.NewGuid(), "the child protection plan (physical abuse) since 21 December 2026"),
            new("Section47Enquiry", Guid.NewGuid(), "the section 47 enquiry started on 14 December 2026, which has no outcome"),
        };

        var refused = Assert.Throws<RuleViolationException>(() => episode.Close(manager, "RC7", "Needs met.", Today.AddDays(30), true, open));

        Assert.Equal(Domain.FamilyHelp.Episode.NothingClosesBehindTheChildsBack, refused.RuleId);
        Assert.Equal(open, refused.Related);
        Assert.Contains("the child protection plan (physical abuse)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("which has no outcome", refused.Message, StringComparison.Ordinal);
        Assert.True(episode.IsOpen);
        episode.Close(lead, "RC7", "Needs met; Family Help carries on.", Today.AddDays(30), true, []);
        Assert.False(episode.IsOpen);
    }

    [Fact]
    [Trait("Rule", "DISC-01")]
    public void NoLongerAtRisk_EndsAPlanOnlyAtAReviewConference()
    {
        var plan = Plan(out var episode, out _);
        var day = Today.AddDays(40);

        var refused = Assert.Throws<RuleViolationException>(() =>
            plan.End(PlanEndReason.NoLongerAtRiskOfSignificantHarm, "Stepfather has left.", day, day));

        Assert.Equal(ChildProtectionPlan.OnlyForTheGuidancesReasons, refused.RuleId);
        Assert.True(plan.IsOpen);
        plan.RecordReview(Guid.NewGuid(), Chair(), episode, day, false, "PHY", "No longer likely to suffer significant harm: the stepfather has left.", null,
            new ReviewRecord([new("Helen Chair", "Independent reviewing service", AttendeeRole.Other),
                    new("Sam Worker", "Children's social care", AttendeeRole.LocalAuthoritySocialWorker), new("DS Jo Example", "Police", AttendeeRole.Police)],
                "Says she feels safe now.", null, "Mother attended.", "School: attendance is up. Health: appointments kept."), day, day);
        Assert.Equal((PlanEndReason?)PlanEndReason.NoLongerAtRiskOfSignificantHarm, plan.EndReason);
        Assert.Equal(day, plan.EndedOn);
    }

    [Fact]
    [Trait("Rule", "DISC-01")]
    public void DiedAndLeftTheUk_EndAPlanOnlyWhenRecordedOnTheChild_AndNotBeforeIt()
    {
        var plan = Plan(out _, out _);
        var day = Today.AddDays(20);

        Assert.Equal("DISC-01", Assert.Throws<RuleViolationException>(() => plan.End(PlanEndReason.Died, "Died in hospital.", day, day)).RuleId);
        Assert.Equal("DISC-01", Assert.Throws<RuleViolationException>(() => plan.End(PlanEndReason.Died, "Died in hospital.", day, day, dateOfDeath: day.AddDays(1))).RuleId);
        Assert.Equal("DISC-01", Assert.Throws<RuleViolationException>(() => plan.End(PlanEndReason.LeftTheUk, "Moved to Spain.", day, day)).RuleId);
        Assert.True(plan.IsOpen);

        plan.End(PlanEndReason.LeftTheUk, "Moved to Spain with her mother; the school confirmed.", day, day, leftUkOn: day.AddDays(-2));
        Assert.Equal((PlanEndReason?)PlanEndReason.LeftTheUk, plan.EndReason);
    }

    [Fact]
    [Trait("Rule", "DISC-01")]
    public void TheChildsDeath_EndsThePlanThatDay_AndStopsItsClocks()
    {
        var plan = Plan(out _, out _);
        var died = plan.StartedOn.AddDays(3);

        plan.EndBecauseTheChildHasGone(PlanEndReason.Died, died, "The child died.");

        Assert.Equal((died, (PlanEndReason?)PlanEndReason.Died), (plan.EndedOn!.Value, plan.EndReason));
        var clocks = ClockEngine.Compute(plan.Id, plan.History(null), [StatutoryRules.FirstCoreGroup, StatutoryRules.FirstReviewConference], WorkingDayCalendar.England,
            died.AddDays(60));
        Assert.All(clocks, c => Assert.Equal((ClockStatus.Stopped, (EventKind?)EventKind.ChildDied), (c.Status, c.StoppedBy)));
    }

    [Fact]
    [Trait("Rule", "CIN-01")]
    public void StartingAProtectionPlan_FoldsTheChildInNeedPlan_OnTheConferencesDay()
    {
        var (_, episode, lead, _) = Substantiated();
        var cin = FamilyHelpPlan.Make(Guid.NewGuid(), episode, PlanKind.ChildInNeed, lead.Id,
            [new PlanOutcome(0, "Mia gets to school every day", "Attendance over 95%", Today.AddDays(60), "Millbrook Primary", "Breakfast club")],
            "Mother gets Mia up and out on time.", 14, Today.AddDays(28), Today, false);
        var conferenceDay = Today.AddDays(7);

        cin.FoldIntoProtectionPlan(Guid.NewGuid(), conferenceDay);

        Assert.False(cin.IsOpen);
        Assert.Equal(conferenceDay, cin.EndedOn);
        Assert.Contains("census 4001", cin.EndReason, StringComparison.Ordinal);
        Assert.Equal("SG-PLAN-03", Assert.Throws<RuleViolationException>(() => cin.FoldIntoProtectionPlan(Guid.NewGuid(), conferenceDay)).RuleId);
    }

    [Fact]
    [Trait("Rule", "SG-CHILD-14")]
    [Trait("Rule", "SG-CHILD-15")]
    public void TheDateOfDeath_IsRecordedOnce_ByAManager_NotInTheFuture_NorBeforeBirth()
    {
        var child = ChildBorn(new DateOnly(2015, 5, 1));
        var manager = Person(manager: true);
        manager.Grant(PractitionerRole.PracticeSupervisor, SocialCare);

        Assert.Equal("RC-01", Assert.Throws<RuleViolationException>(() => child.RecordDeath(Person(), Today, Today)).RuleId);
        Assert.Equal("SG-CHILD-15", Assert.Throws<RuleViolationException>(() => child.RecordDeath(manager, Today.AddDays(1), Today)).RuleId);
        Assert.Equal("SG-CHILD-15", Assert.Throws<RuleViolationException>(() => child.RecordDeath(manager, new DateOnly(2015, 4, 30), Today)).RuleId);
        Assert.Null(child.DateOfDeath);

        child.RecordDeath(manager, Today.AddDays(-2), Today);

        Assert.Equal(Today.AddDays(-2), child.DateOfDeath);
        Assert.Equal(Today.AddDays(-2), child.ChildsWorkEndedOn(Today));
        Assert.Equal("SG-CHILD-14", Assert.Throws<RuleViolationException>(() => child.RecordDeath(manager, Today, Today)).RuleId);
    }

    [Fact]
    [Trait("Rule", "DISC-01")]
    [Trait("Rule", "SG-CHILD-16")]
    public void LeavingTheUk_IsRecordedWithItsEvidence()
    {
        var child = ChildBorn(new DateOnly(2015, 5, 1));
        var manager = Person(manager: true);
        manager.Grant(PractitionerRole.PracticeSupervisor, SocialCare);

        Assert.Equal("DISC-01", Assert.Throws<RuleViolationException>(() => child.RecordLeftUk(manager, Today, " ", Today)).RuleId);
        Assert.Equal("SG-CHILD-16", Assert.Throws<RuleViolationException>(() => child.RecordLeftUk(manager, Today.AddDays(1), "Flight booked.", Today)).RuleId);

        child.RecordLeftUk(manager, Today.AddDays(-10), "The school off-rolled her: the family moved to Lisbon; the new school confirmed her place.", Today);

        Assert.Equal(Today.AddDays(-10), child.LeftUkOn);
        Assert.Equal(Today.AddDays(-10), child.ChildsWorkEndedOn(Today));
    }

    [Fact]
    [Trait("Rule", "GEN-01")]
    public void TurningEighteen_EndsTheChildsWork_SaysWhatHappensNext_AndTheRecordStaysCorrectable()
    {
        var born = new DateOnly(2008, 12, 20);
        var child = ChildBorn(born);
        var worker = Person();

        Assert.Null(child.ChildsWorkEndedOn(new DateOnly(2026, 12, 19)));
        Assert.Equal(new DateOnly(2026, 12, 20), child.ChildsWorkEndedOn(new DateOnly(2026, 12, 20)));
        Assert.Equal("GEN-01", Assert.Throws<RuleViolationException>(() =>
            child.RecordNextStepAtEighteen(worker.Id, NextStepAtEighteen.CareLeaver, "Pathway plan agreed.", new DateOnly(2026, 6, 1))).RuleId);
        Assert.Equal("GEN-01", Assert.Throws<RuleViolationException>(() =>
            child.RecordNextStepAtEighteen(worker.Id, NextStepAtEighteen.CareLeaver, " ", new DateOnly(2026, 7, 1))).RuleId);

        child.RecordNextStepAtEighteen(worker.Id, NextStepAtEighteen.CareLeaver, "Personal adviser from the leaving care team; pathway plan agreed.",
            new DateOnly(2026, 7, 1));
        Assert.Equal((NextStepAtEighteen?)NextStepAtEighteen.CareLeaver, child.NextStepAtEighteen);

        // Now an adult: a correction (the rectification route) is still possible; a new record of an adult is not.
        var adultToday = new DateOnly(2027, 2, 1);
        child.Correct(new ChildDetails("Noor", "Testcase-Ahmed", born, null, Sex.Female, null, "WBRI", ["NONE"], "English", null, null), adultToday);
        Assert.Equal("Testcase-Ahmed", child.FamilyName);
        Assert.Equal("SG-CHILD-04", Assert.Throws<RuleViolationException>(() => new Child(Guid.NewGuid(), AreaId,
            new ChildDetails("Noor", "Testcase", born, null, Sex.Female, null, "WBRI", ["NONE"], "English", null, null), adultToday)).RuleId);
    }

    [Theory]
    [Trait("Rule", "GEN-01")]
    [InlineData(EventKind.ChildDied)]
    [InlineData(EventKind.LeftUk)]
    [InlineData(EventKind.ReachedEighteen)]
    [InlineData(EventKind.EpisodeClosed)]
    public void TheGeneralStop_StopsEveryOpenClock_WhateverItsRule_AndLeavesMetOnesMet(EventKind stop)
    {
        // A referral on Christmas Eve 2026: REF-04 due Tuesday 29 December over Christmas and Boxing Day's substitute; the
        // assessment's 45 working days (ASM-03) run on. Neither is met when the work ends on 4 January 2027.
        var referred = new DateOnly(2026, 12, 24);
        var history = new List<ClockEvent> { new(EventKind.ReferralReceived, referred) };
        var stopOn = new DateOnly(2027, 1, 4);
        var clocks = ClockEngine.Compute(Guid.NewGuid(), history, [StatutoryRules.Find("REF-04")!, StatutoryRules.Find("ASM-03")!], WorkingDayCalendar.England,
            stopOn);
        Assert.Equal(new DateOnly(2026, 12, 29), clocks.Single(c => c.RuleId == "REF-04").DueOn);
        Assert.Contains(clocks, c => c is { RuleId: "REF-04", Status: ClockStatus.Overdue, NeedsReason: true });

        var stopped = clocks.Select(c => ClockEngine.StopWhenTheWorkHasEnded(c, [new ClockEvent(stop, stopOn)])).ToList();

        Assert.All(stopped, c => Assert.Equal((ClockStatus.Stopped, (EventKind?)stop, false, 0), (c.Status, c.StoppedBy, c.NeedsReason, c.WorkingDaysOverdue)));
        var met = clocks[0] with { Status = ClockStatus.Met, CompletedOn = referred };
        Assert.Same(met, ClockEngine.StopWhenTheWorkHasEnded(met, [new ClockEvent(stop, stopOn)]));
        Assert.Same(clocks[0], ClockEngine.StopWhenTheWorkHasEnded(clocks[0], []));
    }
}
