using Safeguard.Domain.Calendar;
using Safeguard.Domain.Clocks;
using Safeguard.Domain.Rules;
using static Safeguard.Domain.Rules.EventKind;

namespace Safeguard.Domain.Tests.Clocks;

public sealed class ClockEngineTests
{
    private static readonly WorkingDayCalendar England = WorkingDayCalendar.England;
    private static readonly Guid Subject = Guid.NewGuid();

    private static Clock Single(string ruleId, DateOnly today, params ClockEvent[] history) =>
        Assert.Single(ClockEngine.Compute(Subject, history, [StatutoryRules.Find(ruleId)!], England, today));

    [Fact]
    [Trait("Rule", "REF-04")]
    public void Referral_WithNoDecisionAfterOneWorkingDay_IsOverdue()
    {
        var clock = Single("REF-04", new DateOnly(2026, 11, 25), new ClockEvent(ReferralReceived, new DateOnly(2026, 11, 23)));

        Assert.Equal(ClockStatus.Overdue, clock.Status);
        Assert.Equal(new DateOnly(2026, 11, 24), clock.DueOn);
        Assert.Equal(1, clock.WorkingDaysOverdue);
        Assert.True(clock.NeedsReason);
    }

    [Theory]
    [Trait("Rule", "REF-04")]
    [InlineData("2026-11-23", ClockStatus.Running)]
    [InlineData("2026-11-24", ClockStatus.DueToday)]
    public void Referral_BeforeAndOnItsDueDate_IsRunningThenDueToday(string today, ClockStatus expected) =>
        Assert.Equal(expected, Single("REF-04", DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture),
            new ClockEvent(ReferralReceived, new DateOnly(2026, 11, 23))).Status);

    [Fact]
    [Trait("Rule", "REF-04")]
    public void Referral_DecidedOnTheDueDate_IsMet()
    {
        var clock = Single("REF-04", new DateOnly(2026, 12, 30),
            new ClockEvent(ReferralReceived, new DateOnly(2026, 12, 24)), new ClockEvent(ReferralDecisionRecorded, new DateOnly(2026, 12, 29)));

        Assert.Equal(ClockStatus.Met, clock.Status);
        Assert.False(clock.NeedsReason);
    }

    [Fact]
    [Trait("Rule", "ASM-03")]
    public void Assessment_CompletedOnWorkingDay46_IsMetLateAndDemandsAReason()
    {
        var received = new DateOnly(2026, 4, 2);
        var day46 = England.AddWorkingDays(received, 46);

        var clock = Single("ASM-03", day46, new ClockEvent(ReferralReceived, received), new ClockEvent(AssessmentAuthorised, day46));

        Assert.Equal(ClockStatus.MetLate, clock.Status);
        Assert.Equal(1, clock.WorkingDaysOverdue);
        Assert.True(clock.NeedsReason);
    }

    [Fact]
    [Trait("Rule", "ASM-03")]
    public void Assessment_CompletedOnWorkingDay45_IsMet()
    {
        var received = new DateOnly(2026, 4, 2);

        var clock = Single("ASM-03", new DateOnly(2026, 7, 1), new ClockEvent(ReferralReceived, received),
            new ClockEvent(AssessmentAuthorised, new DateOnly(2026, 6, 10)));

        Assert.Equal(ClockStatus.Met, clock.Status);
        Assert.Equal(0, clock.WorkingDaysOverdue);
    }

    [Fact]
    [Trait("Rule", "ASM-03")]
    public void Assessment_WithASection47EnquiryInsideIt_KeepsTheReferralsClock()
    {
        var clocks = ClockEngine.Compute(Subject,
            [
                new(ReferralReceived, new DateOnly(2026, 4, 2)),
                new(Section47Initiated, new DateOnly(2026, 5, 20)),
                new(AssessmentAuthorised, new DateOnly(2026, 6, 11)),
            ],
            [StatutoryRules.Assessment], England, new DateOnly(2026, 7, 1));

        var clock = Assert.Single(clocks);
        Assert.Equal(new DateOnly(2026, 6, 10), clock.DueOn);
        Assert.Equal(ClockStatus.MetLate, clock.Status);
    }

    [Fact]
    [Trait("Rule", "ASM-03")]
    public void Assessment_MetLateWithAReason_NoLongerAsksForOne()
    {
        var received = new DateOnly(2026, 4, 2);
        var day46 = England.AddWorkingDays(received, 46);

        var clock = Single("ASM-03", day46, new ClockEvent(ReferralReceived, received),
            new ClockEvent(AssessmentAuthorised, day46, "The family was abroad for three weeks."));

        Assert.True(clock.ReasonRecorded);
        Assert.Equal("The family was abroad for three weeks.", clock.LateReason);
        Assert.False(clock.NeedsReason);
    }

    [Fact]
    [Trait("Rule", "RCPC-02")]
    public void PlanEnded_StopsTheReviewClock()
    {
        var clocks = ClockEngine.Compute(Subject,
            [
                new(PlanMade, new DateOnly(2026, 1, 12)),
                new(ReviewConferenceHeld, new DateOnly(2026, 4, 9)),
                new(PlanEnded, new DateOnly(2026, 6, 1)),
            ],
            [StatutoryRules.FirstReviewConference, StatutoryRules.NextReviewConference], England, new DateOnly(2026, 11, 22));

        Assert.Equal(ClockStatus.Met, clocks.Single(c => c.RuleId == "RCPC-01").Status);
        var next = clocks.Single(c => c.RuleId == "RCPC-02");
        Assert.Equal(ClockStatus.Stopped, next.Status);
        Assert.Equal(PlanEnded, next.StoppedBy);
    }

    [Fact]
    [Trait("Rule", "RCPC-01")]
    [Trait("Rule", "RCPC-02")]
    public void ReviewConferences_ChainFirstWithinThreeMonthsThenEverySix()
    {
        var clocks = ClockEngine.Compute(Subject,
            [
                new(PlanMade, new DateOnly(2026, 1, 12)),
                new(ReviewConferenceHeld, new DateOnly(2026, 4, 9)),
                new(ReviewConferenceHeld, new DateOnly(2026, 10, 20)),
            ],
            [StatutoryRules.FirstReviewConference, StatutoryRules.NextReviewConference], England, new DateOnly(2026, 11, 22));

        var first = clocks.Single(c => c.RuleId == "RCPC-01");
        Assert.Equal(new DateOnly(2026, 4, 12), first.DueOn);
        Assert.Equal(ClockStatus.Met, first.Status);
        var reviews = clocks.Where(c => c.RuleId == "RCPC-02").OrderBy(c => c.StartedOn).ToList();
        Assert.Equal(2, reviews.Count);
        Assert.Equal(ClockStatus.MetLate, reviews[0].Status); // due 9 October, held 20 October
        Assert.Equal(new DateOnly(2027, 4, 20), reviews[1].DueOn);
        Assert.Equal(ClockStatus.Running, reviews[1].Status);
    }

    [Fact]
    [Trait("Rule", "IP-05")]
    public void AsapRule_NotYetDone_IsUrgentWithNoDate()
    {
        var clock = Single("IP-05", new DateOnly(2026, 11, 22), new ClockEvent(EmergencyActionTaken, new DateOnly(2026, 11, 22)));

        Assert.Equal(ClockStatus.Urgent, clock.Status);
        Assert.Null(clock.DueOn);
    }

    [Fact]
    [Trait("Rule", "LCSPR-09")]
    public void NewPublicationDate_SupersedesTheEarlierClock()
    {
        var clocks = ClockEngine.Compute(Subject,
            [
                new(PracticeReviewPublicationPlanned, new DateOnly(2026, 4, 8)),
                new(PracticeReviewPublicationPlanned, new DateOnly(2026, 5, 20)),
            ],
            [StatutoryRules.PracticeReviewSentBeforePublication], England, new DateOnly(2026, 4, 1));

        Assert.Equal(ClockStatus.Stopped, clocks[0].Status);
        Assert.Equal(ClockStatus.Running, clocks[1].Status);
        Assert.Equal(new DateOnly(2026, 5, 11), clocks[1].DueOn); // 7 working days before 20 May
    }

    [Fact]
    [Trait("Rule", "LCSPR-09")]
    public void PracticeReview_SentBeforeThePlannedPublication_IsMet()
    {
        var clocks = ClockEngine.Compute(Subject,
            [
                new(PracticeReviewPublicationPlanned, new DateOnly(2026, 4, 8)),
                new(PracticeReviewSentToPanelAndSecretaryOfState, new DateOnly(2026, 3, 20)),
            ],
            [StatutoryRules.PracticeReviewSentBeforePublication], England, new DateOnly(2026, 4, 1));

        var clock = Assert.Single(clocks);
        Assert.Equal(new DateOnly(2026, 3, 26), clock.DueOn);
        Assert.Equal(ClockStatus.Met, clock.Status);
    }

    [Fact]
    [Trait("Rule", "LCSPR-09")]
    public void PracticeReview_SentSixWorkingDaysBeforePublication_IsMetLate()
    {
        var clock = Single("LCSPR-09", new DateOnly(2026, 4, 1),
            new ClockEvent(PracticeReviewPublicationPlanned, new DateOnly(2026, 4, 8)),
            new ClockEvent(PracticeReviewSentToPanelAndSecretaryOfState, new DateOnly(2026, 3, 27)));

        Assert.Equal(ClockStatus.MetLate, clock.Status);
        Assert.Equal(1, clock.WorkingDaysOverdue);
        Assert.True(clock.NeedsReason);
    }

    [Fact]
    [Trait("Rule", "DISC-03")]
    public void PlanEndedBeforeTheEighteenthBirthday_MeetsTheClock()
    {
        var clock = Single("DISC-03", new DateOnly(2027, 1, 10),
            new ClockEvent(EighteenthBirthdayAhead, new DateOnly(2027, 3, 14)), new ClockEvent(PlanEnded, new DateOnly(2027, 1, 8)));

        Assert.Equal(ClockStatus.Met, clock.Status);
    }

    [Fact]
    [Trait("Rule", "LADO-03")]
    public void TwoAllegations_EachNeedTheirOwnLadoNotice()
    {
        var clocks = ClockEngine.Compute(Subject,
            [
                new(AllegationKnown, new DateOnly(2026, 11, 23), Instance: "first"),
                new(AllegationKnown, new DateOnly(2026, 11, 23), Instance: "second"),
                new(LadoInformed, new DateOnly(2026, 11, 24), Instance: "second"),
            ],
            [StatutoryRules.InformLado], England, new DateOnly(2026, 11, 25));

        Assert.Equal(ClockStatus.Overdue, clocks.Single(c => c.Instance == "first").Status);
        Assert.Equal(ClockStatus.Met, clocks.Single(c => c.Instance == "second").Status);
    }

    [Fact]
    [Trait("Rule", "ASM-03")]
    public void EventWithoutAnInstance_StopsEveryClock()
    {
        var clocks = ClockEngine.Compute(Subject,
            [
                new(ReferralReceived, new DateOnly(2026, 11, 2), Instance: "first"),
                new(ReferralReceived, new DateOnly(2026, 11, 9), Instance: "second"),
                new(ChildDied, new DateOnly(2026, 11, 20)),
            ],
            [StatutoryRules.Assessment], England, new DateOnly(2026, 12, 1));

        Assert.All(clocks, c => Assert.Equal(ClockStatus.Stopped, c.Status));
        Assert.Equal(2, clocks.Count);
    }

    [Fact]
    [Trait("Rule", "REF-04")]
    public void Referral_DueOnAFridayOnTheSunday_IsOverdueByNoWorkingDays()
    {
        var clock = Single("REF-04", new DateOnly(2026, 11, 22), new ClockEvent(ReferralReceived, new DateOnly(2026, 11, 19)));

        Assert.Equal(ClockStatus.Overdue, clock.Status);
        Assert.Equal(0, clock.WorkingDaysOverdue);
    }

    [Fact]
    [Trait("Rule", "ICPC-01")]
    public void Section47NotSubstantiated_StopsTheConferenceClock()
    {
        var clock = Single("ICPC-01", new DateOnly(2026, 12, 31),
            new ClockEvent(Section47Initiated, new DateOnly(2026, 11, 2)), new ClockEvent(Section47NotSubstantiated, new DateOnly(2026, 11, 10)));

        Assert.Equal(ClockStatus.Stopped, clock.Status);
    }
}
