using System.Globalization;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Clocks;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Rules;
using static Safeguard.Domain.Rules.EventKind;

namespace Safeguard.Domain.Tests.Clocks;

/// <summary>
/// Decisions that something must happen are work until it has happened: a strategy discussion the front door decided runs
/// against the area's own target in working days, a local target never reported as a statutory breach; confirming a
/// section 47 decision made without the minimum attendance and starting the enquiry decided are urgent until done (T8).
/// </summary>
public sealed class DecisionsToActTests
{
    private static readonly WorkingDayCalendar England = WorkingDayCalendar.England;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Clock Single(StatutoryRule rule, DateOnly today, params ClockEvent[] history) =>
        Assert.Single(ClockEngine.Compute(Guid.Empty, history, [rule], England, today));

    [Fact]
    [Trait("Rule", "SD-01")]
    public void StrategyDiscussionTarget_HasNoNationalDate_AndIsALocalTarget()
    {
        var rule = StatutoryRules.StrategyDiscussionTarget;

        Assert.Null(rule.Due(D("2026-12-24"), England));
        Assert.True(rule.Timescale.IsLocal);
        Assert.True(rule.WithLocalTarget(2).Timescale.IsLocal);
        Assert.Equal("2 working days (local target)", rule.WithLocalTarget(2).Timescale.ToString());
        Assert.Same(rule, StatutoryRules.Find("sd-01"));
        Assert.DoesNotContain(rule, StatutoryRules.All);
        Assert.False(StatutoryRules.All.Any(r => r.Timescale.IsLocal && r.Id != "CPP-02"), "only CPP-02 of the guidance's timed rules is set locally");
        // A rule with a national timescale keeps it.
        Assert.Same(StatutoryRules.InitialConference, StatutoryRules.InitialConference.WithLocalTarget(2));
    }

    [Theory]
    [Trait("Rule", "SD-01")]
    [InlineData("2026-12-24", 1, "2026-12-29")] // Christmas Eve: Christmas Day, the weekend and Boxing Day's substitute on Monday 28th skipped
    [InlineData("2026-12-24", 2, "2026-12-30")]
    [InlineData("2026-12-24", 0, "2026-12-24")] // the same day
    [InlineData("2026-04-02", 1, "2026-04-07")] // Maundy Thursday: Good Friday and Easter Monday skipped
    [InlineData("2026-05-22", 3, "2026-05-28")] // before the spring bank holiday
    [InlineData("2026-11-21", 1, "2026-11-23")] // decided on a Saturday: day 0 all the same
    public void StrategyDiscussionTarget_IsDueOnTheAreasWorkingDay_AcrossBankHolidays(string decided, int target, string due)
    {
        var clock = Single(StatutoryRules.StrategyDiscussionTarget.WithLocalTarget(target), D(decided), new ClockEvent(StrategyDiscussionDecided, D(decided)));

        Assert.Equal(D(due), clock.DueOn);
        Assert.Equal(D(decided) == D(due) ? ClockStatus.DueToday : ClockStatus.Running, clock.Status);
    }

    [Fact]
    [Trait("Rule", "SD-01")]
    public void StrategyDiscussionTarget_Missed_IsOverdueAgainstTheLocalTarget_ButAsksNoReasonAsABreachWould()
    {
        var rule = StatutoryRules.StrategyDiscussionTarget.WithLocalTarget(1);

        var overdue = Single(rule, D("2026-12-31"), new ClockEvent(StrategyDiscussionDecided, D("2026-12-24")));
        var late = Single(rule, D("2027-01-05"), new ClockEvent(StrategyDiscussionDecided, D("2026-12-24")), new ClockEvent(StrategyDiscussionHeld, D("2026-12-30")));
        var held = Single(rule, D("2027-01-05"), new ClockEvent(StrategyDiscussionDecided, D("2026-12-24")), new ClockEvent(StrategyDiscussionHeld, D("2026-12-29")));
        var closed = Single(rule, D("2027-01-05"), new ClockEvent(StrategyDiscussionDecided, D("2026-12-24")), new ClockEvent(EpisodeClosed, D("2026-12-29")));

        Assert.Equal((ClockStatus.Overdue, 2, false), (overdue.Status, overdue.WorkingDaysOverdue, overdue.NeedsReason));
        Assert.Equal((ClockStatus.MetLate, false), (late.Status, late.NeedsReason));
        Assert.Equal(ClockStatus.Met, held.Status);
        Assert.Equal(ClockStatus.Stopped, closed.Status);
    }

    [Theory]
    [Trait("Rule", "RC-05")]
    [Trait("Rule", "S47-01")]
    [InlineData("RC-05", Section47AwaitingConfirmation, Section47Confirmed)]
    [InlineData("S47-01", Section47Initiated, Section47EnquiryStarted)]
    public void Section47Decided_IsUrgentUntilDone(string id, EventKind decided, EventKind done)
    {
        var rule = StatutoryRules.Find(id)!;

        var waiting = Single(rule, D("2027-02-01"), new ClockEvent(decided, D("2026-12-24")));
        var doneClock = Single(rule, D("2027-02-01"), new ClockEvent(decided, D("2026-12-24")), new ClockEvent(done, D("2026-12-24")));

        Assert.Equal((ClockStatus.Urgent, (DateOnly?)null), (waiting.Status, waiting.DueOn));
        Assert.Equal(ClockStatus.Met, doneClock.Status);
        Assert.DoesNotContain(rule, StatutoryRules.All);
        Assert.Contains(rule, StatutoryRules.UntilDone);
    }

    [Fact]
    [Trait("Rule", "ICPC-01")]
    public void InitialConference_RunsFromTheDiscussion_BeforeAnyEnquiryRecordExists()
    {
        // Discussion on Friday 18 December 2026: the conference is due on Wednesday 13 January 2027, across Christmas and New Year.
        var clock = Single(StatutoryRules.InitialConference, D("2027-01-14"), new ClockEvent(Section47Initiated, D("2026-12-18")));

        Assert.Equal((ClockStatus.Overdue, D("2027-01-13")), (clock.Status, clock.DueOn));
    }

    [Fact]
    public void AnArea_HoldsAStrategyDiscussionTarget_OfOneWorkingDay_UntilItSetsItsOwn_FromTheSameDayToTen()
    {
        var area = new LocalAuthorityArea(Guid.NewGuid(), "998", "Testshire");

        Assert.Equal(1, area.StrategyDiscussionTargetWorkingDays);
        area.SetStrategyDiscussionTarget(0);
        Assert.Equal(0, area.StrategyDiscussionTargetWorkingDays);
        area.SetStrategyDiscussionTarget(10);
        Assert.Equal(10, area.StrategyDiscussionTargetWorkingDays);
        Assert.Equal("SG-AREA-10", Assert.Throws<RuleViolationException>(() => area.SetStrategyDiscussionTarget(-1)).RuleId);
        Assert.Equal("SG-AREA-10", Assert.Throws<RuleViolationException>(() => area.SetStrategyDiscussionTarget(11)).RuleId);
        Assert.Equal(10, area.StrategyDiscussionTargetWorkingDays);
    }
}
