using Safeguard.Domain.Calendar;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Clocks;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Rules;
using static Safeguard.Domain.Tests.ChildProtection.StrategyDiscussionTests;

namespace Safeguard.Domain.Tests.ChildProtection;

/// <summary>Arranging conferences (ICPC-02, ICPC-04), transfer-in conferences and moves (DISC-02), and plans that end by 18 (DISC-03).</summary>
public sealed class ConferenceTests
{
    private static readonly Invitation[] TwoInvited =
    [
        new(Guid.NewGuid(), "Dee Teacher", "Northmoor Primary", Guid.NewGuid(), default),
        new(Guid.NewGuid(), "Ash Advocate", "The family's advocate", null, default),
    ];

    private static ConferenceMeeting Arranged(out Section47Enquiry enquiry, out Episode episode)
    {
        (enquiry, episode, _, _) = Substantiated();
        return ConferenceMeeting.Convene(Guid.NewGuid(), ConferenceKind.Initial, episode, enquiry, null, false, Person(), Today.AddDays(7), TwoInvited, Today);
    }

    [Fact]
    [Trait("Rule", "ICPC-01")]
    [Trait("Rule", "ICPC-04")]
    public void AnInitialConference_IsArrangedOnlyAfterSubstantiatedConcerns_WithNamedInvitees()
    {
        var (enquiry, episode, lead, _) = Substantiated();
        var unconcluded = Section47Enquiry.Start(Guid.NewGuid(), StrategyDiscussion.Record(Guid.NewGuid(), episode, lead,
            new StrategyDiscussionRecord(Today, [.. StrategyDiscussion.MinimumAttendance.Select(r => new Attendee($"{r}", $"{r}", r))], "Shared.",
                CriminalInvestigation.Started, null, true, "Reasonable cause.", [new AgreedAction("Medical", "Paediatrician", Today.AddDays(1))], false, null, null), Today),
            lead, lead);

        Assert.Equal("ICPC-01", Assert.Throws<RuleViolationException>(() =>
            ConferenceMeeting.Convene(Guid.NewGuid(), ConferenceKind.Initial, episode, unconcluded, null, false, lead, Today.AddDays(7), TwoInvited, Today)).RuleId);
        Assert.Equal("ICPC-04", Assert.Throws<RuleViolationException>(() =>
            ConferenceMeeting.Convene(Guid.NewGuid(), ConferenceKind.Initial, episode, enquiry, null, false, lead, Today.AddDays(7), [], Today)).RuleId);
        var nameless = Assert.Throws<RuleViolationException>(() => ConferenceMeeting.Convene(Guid.NewGuid(), ConferenceKind.Initial, episode, enquiry, null, false, lead,
            Today.AddDays(7), [new Invitation(Guid.NewGuid(), " ", "Health visiting", null, default)], Today));
        Assert.Equal("Invitations[0].Name", nameless.Field);
        var twice = Guid.NewGuid();
        Assert.Equal("SG-CM-03", Assert.Throws<RuleViolationException>(() => ConferenceMeeting.Convene(Guid.NewGuid(), ConferenceKind.Initial, episode, enquiry, null, false,
            lead, Today.AddDays(7), [new(Guid.NewGuid(), "A", "B", twice, default), new(Guid.NewGuid(), "A", "B", twice, default)], Today)).RuleId);
        Assert.Equal("SG-CM-01", Assert.Throws<RuleViolationException>(() =>
            ConferenceMeeting.Convene(Guid.NewGuid(), ConferenceKind.Initial, episode, enquiry, null, false, lead, Today.AddDays(-1), TwoInvited, Today)).RuleId);

        var meeting = ConferenceMeeting.Convene(Guid.NewGuid(), ConferenceKind.Initial, episode, enquiry, null, childUnborn: true, lead, Today.AddDays(7), TwoInvited, Today);
        Assert.True(meeting.PreBirth);
        Assert.Equal(enquiry.Id, meeting.Section47EnquiryId);
        Assert.All(meeting.Invitations, i => Assert.Equal(Today, i.InvitedOn));
    }

    [Fact]
    [Trait("Rule", "ICPC-04")]
    public void AnAgencysReport_SaysWhetherItMayGoToTheParents_AndWhyNot_AndComesBeforeTheConference()
    {
        var meeting = Arranged(out _, out _);
        var school = meeting.Invitations[0];

        Assert.Equal("ICPC-04", Assert.Throws<RuleViolationException>(() => meeting.SubmitReport(school.Id, Guid.NewGuid(), " ", true, null, Today)).RuleId);
        Assert.Equal("ShareWithFamily", Assert.Throws<RuleViolationException>(() =>
            meeting.SubmitReport(school.Id, Guid.NewGuid(), "Attendance 71%; arrives hungry.", null, null, Today)).Field);
        Assert.Equal("WhyNotShare", Assert.Throws<RuleViolationException>(() =>
            meeting.SubmitReport(school.Id, Guid.NewGuid(), "Attendance 71%; arrives hungry.", false, null, Today)).Field);
        Assert.Equal(3, meeting.Outstanding().Count);

        meeting.SubmitReport(school.Id, Guid.NewGuid(), "Attendance 71%; arrives hungry.", false, "Names a disclosure the police have not yet put to the father.", Today);

        Assert.True(meeting.Invitations[0].ReportReceived);
        Assert.Contains("1 agency report not yet received (ICPC-04)", meeting.Outstanding());
        meeting.MarkHeld(Today.AddDays(7), Guid.NewGuid());
        Assert.Equal("SG-CM-02", Assert.Throws<RuleViolationException>(() =>
            meeting.SubmitReport(meeting.Invitations[1].Id, Guid.NewGuid(), "Late.", true, null, Today.AddDays(8))).RuleId);
    }

    [Fact]
    [Trait("Rule", "ICPC-02")]
    [Trait("Rule", "ICPC-04")]
    public void TheFamilyIsToldThePurposeAndAboutAdvocacy_AndTheLeadReportIsSharedOrTheReasonGiven()
    {
        var meeting = Arranged(out _, out _);

        Assert.Equal("AdvocacyOffered", Assert.Throws<RuleViolationException>(() =>
            meeting.RecordPreparation(Today, null, null, null, null, null, Today)).Field);
        Assert.Equal("FamilyToldOn", Assert.Throws<RuleViolationException>(() =>
            meeting.RecordPreparation(Today.AddDays(1), true, null, null, null, null, Today)).Field);
        Assert.Equal("WhyReportNotShared", Assert.Throws<RuleViolationException>(() =>
            meeting.RecordPreparation(Today, true, null, "Analysis: risk of physical harm is high. Recommendation: a plan.", null, null, Today)).Field);

        meeting.RecordPreparation(Today, true, "Mia will meet the chair beforehand with her advocate.", "Analysis: risk of physical harm is high. Recommendation: a plan.",
            Today, null, Today);

        Assert.Equal(Today, meeting.LeadReportSharedOn);
        Assert.DoesNotContain(meeting.Outstanding(), o => o.Contains("ICPC-02", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "RCPC-01")]
    [Trait("Rule", "RCPC-03")]
    public void AReviewConference_IsArrangedForAnOpenPlan_ThePreparationTheSameAsForTheInitial()
    {
        var (enquiry, episode, lead, _) = Substantiated();
        var (_, plan) = ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, Chair(), lead, Decision(lead: lead.Id), Today.AddDays(15), Today.AddDays(7));

        var review = ConferenceMeeting.Convene(Guid.NewGuid(), ConferenceKind.Review, episode, null, plan, false, lead, Today.AddDays(60), TwoInvited, Today.AddDays(7));
        Assert.Equal(plan!.Id, review.PlanId);
        Assert.Contains(review.Outstanding(), o => o.Contains("ICPC-02", StringComparison.Ordinal));

        plan.End(PlanEndReason.LeftTheUk, "Moved abroad for good.", Today.AddDays(8), Today.AddDays(8), leftUkOn: Today.AddDays(8));
        Assert.Equal("RCPC-01", Assert.Throws<RuleViolationException>(() =>
            ConferenceMeeting.Convene(Guid.NewGuid(), ConferenceKind.Review, episode, null, plan, false, lead, Today.AddDays(60), TwoInvited, Today.AddDays(8))).RuleId);
    }

    [Fact]
    [Trait("Rule", "DISC-02")]
    [Trait("Rule", "DISC-01")]
    public void APlanEndsForAMove_OnlyAfterTheReceivingAuthoritysTransferInConference_DueFifteenWorkingDaysAfterItWasTold()
    {
        var (enquiry, episode, lead, _) = Substantiated();
        var (_, plan) = ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, Chair(), lead, Decision(lead: lead.Id), Today.AddDays(15), Today.AddDays(7));
        var told = new DateOnly(2026, 12, 21);

        Assert.Equal("DISC-02", Assert.Throws<RuleViolationException>(() =>
            plan!.End(PlanEndReason.MovedPermanentlyToAnotherArea, "Moved to Eastbrook.", told, told)).RuleId);
        plan!.RecordMoveNotified("Eastbrook Council", told, told);
        Assert.Equal("DISC-02", Assert.Throws<RuleViolationException>(() =>
            plan.End(PlanEndReason.MovedPermanentlyToAnotherArea, "Moved to Eastbrook.", told, told)).RuleId);

        // 21 December 2026 + 15 working days, over Christmas Day, the Boxing Day substitute (28th) and New Year's Day: 14 January 2027.
        Assert.Equal(new DateOnly(2027, 1, 14), StatutoryRules.TransferInConference.Due(told, WorkingDayCalendar.England));
        var waiting = ClockEngine.Compute(plan.Id, plan.History(null), [StatutoryRules.TransferInConference], WorkingDayCalendar.England, new DateOnly(2027, 1, 15));
        Assert.Equal(ClockStatus.Overdue, Assert.Single(waiting).Status);

        Assert.Equal("HeldOn", Assert.Throws<RuleViolationException>(() =>
            plan.RecordTransferInConference(told.AddDays(-1), "Plan made.", new DateOnly(2027, 1, 13))).Field);
        plan.RecordTransferInConference(new DateOnly(2027, 1, 13), "Eastbrook made its own plan (PHY); lead social worker named.", new DateOnly(2027, 1, 13));
        var met = ClockEngine.Compute(plan.Id, plan.History(null), [StatutoryRules.TransferInConference], WorkingDayCalendar.England, new DateOnly(2027, 1, 13));
        Assert.Equal(ClockStatus.Met, Assert.Single(met).Status);

        plan.End(PlanEndReason.MovedPermanentlyToAnotherArea, "Eastbrook's plan has taken over.", new DateOnly(2027, 1, 13), new DateOnly(2027, 1, 13));
        Assert.False(plan.IsOpen);
    }

    [Fact]
    [Trait("Rule", "DISC-02")]
    public void AMoveThatDoesNotHappen_StopsTheTransferInClock_AndThePlanCarriesOn()
    {
        var (enquiry, episode, lead, _) = Substantiated();
        var (_, plan) = ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, Chair(), lead, Decision(lead: lead.Id), Today.AddDays(15), Today.AddDays(7));
        plan!.RecordMoveNotified("Eastbrook Council", Today.AddDays(8), Today.AddDays(8));

        plan.RecordMoveAbandoned(Today.AddDays(10), Today.AddDays(10));

        var clock = Assert.Single(ClockEngine.Compute(plan.Id, plan.History(null), [StatutoryRules.TransferInConference], WorkingDayCalendar.England, Today.AddDays(40)));
        Assert.Equal(ClockStatus.Stopped, clock.Status);
        Assert.True(plan.IsOpen);
        Assert.False(plan.IsMoving);
    }

    [Fact]
    [Trait("Rule", "DISC-02")]
    [Trait("Rule", "RC-06")]
    public void TheReceivingAuthoritysTransferInConference_NeedsTheNoticeOfTheMove_AndCanMakeItsOwnPlan()
    {
        var episode = Episode();
        var lead = Person();
        var chair = Chair();
        var decision = Decision(lead: lead.Id) with { HeldOn = Today.AddDays(5) };

        Assert.Equal("DISC-02", Assert.Throws<RuleViolationException>(() =>
            ChildProtectionConference.HoldTransferIn(Guid.NewGuid(), Guid.NewGuid(), episode, chair, lead, decision, Today.AddDays(21), Today.AddDays(5))).RuleId);
        Assert.Equal("Reference", Assert.Throws<RuleViolationException>(() =>
            episode.RecordMilestone(lead.Id, MilestoneKind.MovedInOnPlan, Today, "Family moved from Eastbrook.", null, Today)).Field);
        episode.RecordMilestone(lead.Id, MilestoneKind.MovedInOnPlan, Today, "Family moved from Eastbrook; their plan is PHY.", "Eastbrook Council", Today);
        Assert.Equal(EventKind.PermanentMoveNotified, Assert.Single(episode.History()).Kind);

        var (conference, plan) = ChildProtectionConference.HoldTransferIn(Guid.NewGuid(), Guid.NewGuid(), episode, chair, lead, decision, Today.AddDays(21), Today.AddDays(5));

        Assert.Equal(ConferenceKind.TransferIn, conference.Kind);
        Assert.Null(conference.Section47EnquiryId);
        Assert.Equal("Eastbrook Council", conference.FromAuthority);
        Assert.Equal(Today.AddDays(5), plan!.StartedOn);
    }

    [Fact]
    [Trait("Rule", "DISC-03")]
    public void APlanEndsForTurningEighteen_AtAReviewAroundTheBirthday_AndItsClockIsDueOnTheBirthday()
    {
        var (enquiry, episode, lead, _) = Substantiated();
        var (_, plan) = ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, Chair(), lead, Decision(lead: lead.Id), Today.AddDays(15), Today.AddDays(7));
        var birthday = new DateOnly(2027, 6, 30);

        var running = Assert.Single(ClockEngine.Compute(plan!.Id, plan.History(birthday), [StatutoryRules.PlanEndsByEighteen], WorkingDayCalendar.England,
            new DateOnly(2027, 6, 1)));
        Assert.Equal(birthday, running.DueOn);
        Assert.Equal("DISC-03", Assert.Throws<RuleViolationException>(() =>
            plan.End(PlanEndReason.ReachedEighteen, "Turning 18.", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 1), birthday)).RuleId);
        Assert.Equal("DISC-03", Assert.Throws<RuleViolationException>(() =>
            plan.End(PlanEndReason.ReachedEighteen, "Turning 18.", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 1), null)).RuleId);

        plan.End(PlanEndReason.ReachedEighteen, "Review around the birthday; adult services involved.", new DateOnly(2027, 6, 15), new DateOnly(2027, 6, 15), birthday);

        var met = Assert.Single(ClockEngine.Compute(plan.Id, plan.History(birthday), [StatutoryRules.PlanEndsByEighteen], WorkingDayCalendar.England,
            new DateOnly(2027, 6, 15)));
        Assert.Equal(ClockStatus.Met, met.Status);
    }

    [Fact]
    [Trait("Rule", "ICPC-05")]
    public void ACoreGroupMemberKeepsTheirAccount_SoTheyCanSeeTheRecordWhileThePlanLasts()
    {
        var (enquiry, episode, lead, _) = Substantiated();
        var account = Guid.NewGuid();
        var decision = Decision(lead: lead.Id) with { CoreGroup = [new CoreGroupMember(" Dee Teacher ", "Northmoor Primary", account)] };

        var (_, plan) = ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, Chair(), lead, decision, Today.AddDays(15), Today.AddDays(7));

        var member = Assert.Single(plan!.CoreGroup);
        Assert.Equal(("Dee Teacher", "Northmoor Primary", (Guid?)account), (member.Name, member.Agency, member.PractitionerId));
        Assert.NotEqual(Guid.Empty, member.Id);
    }
}
