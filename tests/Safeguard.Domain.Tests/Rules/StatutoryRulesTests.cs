using System.Globalization;
using System.Text.RegularExpressions;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Clocks;
using Safeguard.Domain.Rules;

namespace Safeguard.Domain.Tests.Rules;

public sealed partial class StatutoryRulesTests
{
    private static readonly WorkingDayCalendar England = WorkingDayCalendar.England;
    /// <summary>
    /// The guidance's timed rules as the repository records them (Rules/guidance-timescales.tsv): id, class (clock,
    /// asap or retention), the paragraphs the timescale cites and the paragraphs the rule cites.
    /// </summary>
    private static readonly IReadOnlyList<(string Id, string Class, string TimescaleCites, string RuleCites)> Guidance =
    [
        .. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Rules", "guidance-timescales.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("id\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(f => (f[0], f[1], f[2], f[3])),
    ];

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void AssertDue(StatutoryRule rule, string start, string due) => Assert.Equal(D(due), rule.Due(D(start), England));

    public static TheoryData<string> RuleIds() => [.. StatutoryRules.All.Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EveryRule_HasTheGuidancesIdAPlainNameAndARole(string id)
    {
        var rule = StatutoryRules.Find(id)!;

        Assert.Contains(Guidance, g => g.Id == id);
        Assert.False(string.IsNullOrWhiteSpace(rule.ShortName));
        Assert.False(string.IsNullOrWhiteSpace(rule.ResponsibleRole));
        Assert.NotEmpty(rule.SatisfiedBy);
        Assert.DoesNotContain(rule.StartsOn, rule.StoppedBy);
        Assert.True(rule.ReasonRequiredWhenLate, "T7: a late MUST or SHOULD clock always asks for a reason");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EveryRule_CitesOnlyParagraphsAndBoxesTheGuidanceCitesForIt(string id)
    {
        var rule = StatutoryRules.Find(id)!;
        var recorded = Guidance.Single(g => g.Id == id);
        var cites = string.Join(' ', recorded.TimescaleCites, recorded.RuleCites);
        var cited = rule.Paragraph.Split(", ");

        Assert.All(cited, citation => Assert.True(Cites(cites, citation), $"{id} cites {citation}, which the guidance does not cite for it: {cites}"));
    }

    private static bool Cites(string row, string citation)
    {
        if (!citation.StartsWith('¶'))
        {
            return row.Contains(citation, StringComparison.Ordinal);
        }

        var paragraph = int.Parse(citation[1..], CultureInfo.InvariantCulture);
        return Paragraphs().Matches(row).Any(m =>
            int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) <= paragraph
            && paragraph <= int.Parse(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EveryClockAndAsapRuleOfTheGuidance_IsInTheCatalogue()
    {
        var timed = Guidance.Where(g => g.Class is "clock" or "retention").Select(g => g.Id).ToList();
        var asapIds = Guidance.Where(g => g.Class == "asap").Select(g => g.Id).ToList();
        // Kept public for at least a year (LCSPR-10) or three (NR-04): a guard on withdrawal, not a deadline (A-20).
        var retention = Guidance.Where(g => g.Class == "retention").Select(g => g.Id).ToList();

        Assert.Equal(["LCSPR-10", "NR-04"], retention);
        Assert.Equal(24, timed.Count);
        Assert.Equal(17, asapIds.Count);
        Assert.All(timed.Except(retention), id => Assert.NotEqual(Timescale.AsSoonAsPossible, StatutoryRules.Find(id)?.Timescale ?? Timescale.AsSoonAsPossible));
        Assert.All(asapIds, id => Assert.Equal(Timescale.AsSoonAsPossible, StatutoryRules.Find(id)?.Timescale));
        Assert.Equal(timed.Count - retention.Count + asapIds.Count, StatutoryRules.All.Count);
    }

    [Fact]
    public void Find_IsCaseInsensitiveAndUnknownIsNull()
    {
        Assert.Same(StatutoryRules.ReferralDecision, StatutoryRules.Find("ref-04"));
        Assert.Null(StatutoryRules.Find("REF-99"));
    }

    [Theory]
    [Trait("Rule", "REF-04")]
    [InlineData("2026-04-02", "2026-04-07")] // Thursday: Good Friday and Easter Monday skipped
    [InlineData("2026-12-24", "2026-12-29")] // Christmas, the weekend, Boxing Day's substitute on Monday 28 December
    [InlineData("2026-11-21", "2026-11-23")] // received on a Saturday: day 0 all the same
    public void ReferralDecision_IsDueOneWorkingDayAfterReceipt(string received, string due) => AssertDue(StatutoryRules.ReferralDecision, received, due);

    [Theory]
    [Trait("Rule", "ASM-03")]
    [InlineData("2026-04-02", "2026-06-10")] // across Easter, the early May and spring bank holidays
    public void Assessment_IsDue45WorkingDaysAfterTheReferral(string received, string due) => AssertDue(StatutoryRules.Assessment, received, due);

    [Theory]
    [Trait("Rule", "ICPC-01")]
    [InlineData("2026-12-18", "2027-01-13")] // across Christmas and New Year
    public void InitialConference_IsDue15WorkingDaysAfterTheStrategyDiscussion(string discussion, string due) =>
        AssertDue(StatutoryRules.InitialConference, discussion, due);

    [Theory]
    [Trait("Rule", "CG-01")]
    [InlineData("2026-12-18", "2027-01-06")]
    public void FirstCoreGroup_IsDue10WorkingDaysAfterTheConference(string conference, string due) => AssertDue(StatutoryRules.FirstCoreGroup, conference, due);

    [Theory]
    [Trait("Rule", "RCPC-01")]
    [InlineData("2026-11-30", "2027-02-28")] // clamped to February's last day; a Sunday, not moved
    [InlineData("2027-11-30", "2028-02-29")] // leap year
    public void FirstReviewConference_IsDueThreeMonthsAfterTheConference(string conference, string due) =>
        AssertDue(StatutoryRules.FirstReviewConference, conference, due);

    [Theory]
    [Trait("Rule", "RCPC-02")]
    [InlineData("2027-02-26", "2027-08-26")]
    [InlineData("2026-08-31", "2027-02-28")]
    [InlineData("2027-01-31", "2027-07-31")]
    public void NextReviewConference_IsDueSixMonthsAfterThePreviousReview(string review, string due) =>
        AssertDue(StatutoryRules.NextReviewConference, review, due);

    [Theory]
    [Trait("Rule", "DISC-02")]
    [InlineData("2026-12-18", "2027-01-13")]
    public void TransferInConference_IsDue15WorkingDaysAfterNotice(string notified, string due) => AssertDue(StatutoryRules.TransferInConference, notified, due);

    [Theory]
    [Trait("Rule", "DISC-03")]
    [InlineData("2027-03-14", "2027-03-14")]
    public void PlanEndsByEighteen_IsDueOnTheBirthday(string birthday, string due) => AssertDue(StatutoryRules.PlanEndsByEighteen, birthday, due);

    [Theory]
    [Trait("Rule", "LADO-03")]
    [InlineData("2026-08-28", "2026-09-01")] // across the summer bank holiday
    public void InformLado_IsDueOneWorkingDayAfterTheAllegation(string known, string due) => AssertDue(StatutoryRules.InformLado, known, due);

    [Theory]
    [Trait("Rule", "SIN-03")]
    [InlineData("2026-05-01", "2026-05-11")] // across the early May bank holiday
    public void SeriousIncidentNotification_IsDueFiveWorkingDaysAfterAwareness(string aware, string due) =>
        AssertDue(StatutoryRules.SeriousIncidentNotification, aware, due);

    [Theory]
    [Trait("Rule", "RR-01")]
    [InlineData("2026-05-11", "2026-06-02")] // across the spring bank holiday
    public void RapidReview_IsDue15WorkingDaysAfterTheNotification(string notified, string due) => AssertDue(StatutoryRules.RapidReview, notified, due);

    [Theory]
    [Trait("Rule", "LCSPR-08")]
    [InlineData("2026-08-31", "2027-02-28")]
    public void PracticeReviewPublished_IsDueSixMonthsAfterTheDecision(string initiated, string due) =>
        AssertDue(StatutoryRules.PracticeReviewPublished, initiated, due);

    [Theory]
    [Trait("Rule", "LCSPR-09")]
    [InlineData("2026-04-08", "2026-03-26")] // no later than 7 working days before: Easter is not in the way yet
    [InlineData("2026-04-14", "2026-04-01")] // back across Easter Monday and Good Friday
    public void PracticeReviewSentBeforePublication_IsSevenWorkingDaysBeforeIt(string publication, string latest) =>
        AssertDue(StatutoryRules.PracticeReviewSentBeforePublication, publication, latest);

    [Theory]
    [Trait("Rule", "NR-02")]
    [InlineData("2026-03-31", "2026-09-30")]
    public void NationalReviewPublished_IsDueSixMonthsAfterTheDecision(string initiated, string due) =>
        AssertDue(StatutoryRules.NationalReviewPublished, initiated, due);

    [Theory]
    [Trait("Rule", "NR-03")]
    [InlineData("2026-04-08", "2026-03-26")]
    [InlineData("2027-01-05", "2026-12-22")] // back across New Year, Boxing Day's substitute and Christmas
    public void NationalReviewSentBeforePublication_IsSevenWorkingDaysBeforeIt(string publication, string latest) =>
        AssertDue(StatutoryRules.NationalReviewSentBeforePublication, publication, latest);

    [Theory]
    [Trait("Rule", "MASA-14a")]
    [InlineData("2026-03-31", "2026-09-30")] // the end of September, not 31 September clamped by accident
    public void YearlyReport_IsDueOn30September(string yearEnd, string due) => AssertDue(StatutoryRules.YearlyReport, yearEnd, due);

    [Theory]
    [Trait("Rule", "MASA-14b")]
    [InlineData("2026-09-28", "2026-10-05")]
    [InlineData("2026-12-24", "2026-12-31")] // calendar days: the bank holidays count
    public void YearlyReportSent_IsDueSevenDaysAfterPublication(string published, string due) => AssertDue(StatutoryRules.YearlyReportSent, published, due);

    [Theory]
    [Trait("Rule", "CDR-12")]
    [InlineData("2026-12-24", "2026-12-31")] // calendar days: the bank holidays count
    public void DeathParticulars_AreDueSevenDaysAfterRegistration(string registered, string due) => AssertDue(StatutoryRules.DeathParticulars, registered, due);

    [Theory]
    [Trait("Rule", "CDR-13")]
    [InlineData("2026-12-24", "2026-12-31")] // working days: 29, 30, 31 December
    public void CoronerNotifies_IsDueThreeWorkingDaysAfterTheDecision(string decided, string due) => AssertDue(StatutoryRules.CoronerNotifies, decided, due);

    [Theory]
    [Trait("Rule", "POL-01")]
    [InlineData("2026-11-20", "2026-11-23")] // Friday night incident: before school on Monday
    [InlineData("2026-05-22", "2026-05-26")] // before the spring bank holiday: Tuesday
    public void OperationEncompass_IsDueTheNextWorkingDay(string attended, string due) => AssertDue(StatutoryRules.OperationEncompass, attended, due);

    [Theory]
    [Trait("Rule", "PROB-01")]
    [InlineData("2026-11-23", "2026-11-23")]
    public void ProbationSameDay_IsDueTheSameDay(string received, string due) => AssertDue(StatutoryRules.ProbationSameDay, received, due);

    [Fact]
    [Trait("Rule", "CPP-02")]
    public void DetailedPlan_HasNoNationalDate() => Assert.Null(StatutoryRules.DetailedPlan.Due(D("2026-11-23"), England));

    public static TheoryData<string> AsapRuleIds() => [.. StatutoryRules.All.Where(r => r.Timescale == Timescale.AsSoonAsPossible).Select(r => r.Id)];

    [Theory]
    [Trait("Rule", "REF-01")]
    [Trait("Rule", "REF-05")]
    [Trait("Rule", "IP-01")]
    [Trait("Rule", "IP-05")]
    [Trait("Rule", "SD-07")]
    [Trait("Rule", "CIN-04")]
    [Trait("Rule", "NRM-01")]
    [Trait("Rule", "LAC-02")]
    [Trait("Rule", "MBU-01")]
    [Trait("Rule", "PRIS-01")]
    [Trait("Rule", "LADO-02")]
    [Trait("Rule", "LADO-05")]
    [Trait("Rule", "SIN-04")]
    [Trait("Rule", "RR-02")]
    [Trait("Rule", "LCSPR-02")]
    [Trait("Rule", "NR-01")]
    [Trait("Rule", "CDR-16")]
    [MemberData(nameof(AsapRuleIds))]
    public void AsapRule_HasNoDateAndIsUrgentUntilDone(string id)
    {
        var rule = StatutoryRules.Find(id)!;
        var started = new ClockEvent(rule.StartsOn, D("2026-11-20"));

        Assert.Null(rule.Due(D("2026-11-20"), England));
        Assert.Equal(ClockStatus.Urgent, Only(rule, D("2027-06-01"), started).Status);
        Assert.Equal(ClockStatus.Met, Only(rule, D("2027-06-01"), started, new(rule.SatisfiedBy[0], D("2027-05-01"))).Status);
    }

    public static TheoryData<string, EventKind> StopConditions()
    {
        var rows = new TheoryData<string, EventKind>();
        foreach (var rule in StatutoryRules.All)
        {
            foreach (var stop in rule.StoppedBy)
            {
                rows.Add(rule.Id, stop);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(StopConditions))]
    public void StopEvent_BeforeTheRuleIsMet_StopsItsClock(string id, EventKind stop)
    {
        var rule = StatutoryRules.Find(id)!;

        // The first clock is the one the first event starts (a review held also starts the next review's clock).
        var clock = ClockEngine.Compute(Guid.Empty,
            [new(rule.StartsOn, D("2026-11-20")), new(stop, D("2026-11-20")), new(rule.SatisfiedBy[0], D("2026-11-23"))], [rule], England, D("2027-06-01"))[0];

        Assert.Equal(ClockStatus.Stopped, clock.Status);
        Assert.Equal(stop, clock.StoppedBy);
    }

    [Theory]
    [Trait("Rule", "ICPC-01")]
    [Trait("Rule", "CG-01")]
    [Trait("Rule", "RCPC-01")]
    [Trait("Rule", "RCPC-02")]
    [Trait("Rule", "ASM-03")]
    [InlineData("ICPC-01", EventKind.Section47NotSubstantiated)]
    [InlineData("ICPC-01", EventKind.DecisionNotToConvene)]
    [InlineData("CG-01", EventKind.PlanEnded)]
    [InlineData("RCPC-01", EventKind.PlanEnded)]
    [InlineData("RCPC-02", EventKind.ReachedEighteen)]
    [InlineData("ASM-03", EventKind.EpisodeClosed)]
    [InlineData("ASM-03", EventKind.LeftUk)]
    public void StopConditions_NamedInTheSpec_AreInTheCatalogue(string id, EventKind stop) => Assert.Contains(stop, StatutoryRules.Find(id)!.StoppedBy);

    private static Clock Only(StatutoryRule rule, DateOnly today, params ClockEvent[] history) =>
        Assert.Single(ClockEngine.Compute(Guid.Empty, history, [rule], England, today));

    [GeneratedRegex(@"¶([0-9]+)(?:–([0-9]+))?")]
    private static partial Regex Paragraphs();
}
