using System.Globalization;
using System.Text.RegularExpressions;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Rules;

namespace Safeguard.Domain.Tests.Rules;

public sealed partial class StatutoryRulesTests
{
    private static readonly WorkingDayCalendar England = WorkingDayCalendar.England;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TheoryData<string> RuleIds() => [.. StatutoryRules.All.Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EveryRule_HasTheSpecsIdAParagraphAndAPlainName(string id)
    {
        var spec = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rules", "STATUTORY-RULES.md"));
        var rule = StatutoryRules.Find(id)!;

        Assert.Matches(new Regex($@"\b{Regex.Escape(id)}\b"), spec);
        Assert.False(string.IsNullOrWhiteSpace(rule.Paragraph));
        Assert.False(string.IsNullOrWhiteSpace(rule.ShortName));
        Assert.NotEmpty(rule.SatisfiedBy);
        Assert.DoesNotContain(rule.StartsOn, rule.StoppedBy);
    }

    [Fact]
    public void EveryClockInTheSpecsTimescaleTable_IsInTheCatalogue()
    {
        var spec = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Rules", "STATUTORY-RULES.md"));
        var table = spec.SkipWhile(l => !l.StartsWith("## 2.", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("## 3.", StringComparison.Ordinal));
        var ids = table.Select(l => TableRowId().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        // Durations a report stays public are retention, not deadlines.
        string[] retention = ["LCSPR-10", "NR-04"];

        Assert.NotEmpty(ids);
        Assert.All(ids.Except(retention), id => Assert.NotNull(StatutoryRules.Find(id)));
    }

    [Theory]
    [Trait("Rule", "REF-04")]
    [InlineData("REF-04", "2026-04-02", "2026-04-07")] // across Good Friday and Easter Monday
    [InlineData("REF-04", "2026-12-24", "2026-12-29")] // Boxing Day's substitute on 28 December
    [InlineData("ASM-03", "2026-04-02", "2026-06-10")]
    [InlineData("ICPC-01", "2026-12-18", "2027-01-13")]
    [InlineData("CG-01", "2026-12-18", "2027-01-06")]
    [InlineData("RCPC-01", "2026-11-30", "2027-02-28")]
    [InlineData("RCPC-01", "2027-11-30", "2028-02-29")]
    [InlineData("RCPC-02", "2027-02-26", "2027-08-26")]
    [InlineData("SIN-03", "2026-05-01", "2026-05-11")] // across the early May bank holiday
    [InlineData("LCSPR-09", "2026-04-08", "2026-03-26")] // no later than 7 working days before publication
    [InlineData("NR-03", "2026-04-08", "2026-03-26")]
    [InlineData("RR-01", "2026-05-11", "2026-06-02")] // across the spring bank holiday
    [InlineData("LADO-03", "2026-08-28", "2026-09-01")] // across the summer bank holiday
    [InlineData("DISC-02", "2026-12-18", "2027-01-13")]
    [InlineData("LCSPR-08", "2026-08-31", "2027-02-28")]
    [InlineData("NR-02", "2026-03-31", "2026-09-30")]
    [InlineData("MASA-14a", "2026-03-31", "2026-09-30")]
    [InlineData("MASA-14b", "2026-09-28", "2026-10-05")]
    [InlineData("CDR-12", "2026-12-24", "2026-12-31")] // calendar days: bank holidays count
    [InlineData("CDR-13", "2026-12-24", "2026-12-31")] // working days: 29, 30, 31 December
    [InlineData("POL-01", "2026-11-20", "2026-11-23")] // Friday night incident: before school on Monday
    [InlineData("PROB-01", "2026-11-23", "2026-11-23")]
    [InlineData("DISC-03", "2027-03-14", "2027-03-14")]
    public void Due_WorkedExamples(string id, string start, string due) =>
        Assert.Equal(D(due), StatutoryRules.Find(id)!.Due(D(start), England));

    [Theory]
    [InlineData("REF-05")]
    [InlineData("IP-05")]
    [InlineData("SIN-04")]
    [InlineData("CPP-02")]
    public void Due_ForAsapAndLocalProtocolRules_HasNoDate(string id) =>
        Assert.Null(StatutoryRules.Find(id)!.Due(D("2026-11-23"), England));

    [Fact]
    public void Find_IsCaseInsensitiveAndUnknownIsNull()
    {
        Assert.Same(StatutoryRules.ReferralDecision, StatutoryRules.Find("ref-04"));
        Assert.Null(StatutoryRules.Find("REF-99"));
    }

    [GeneratedRegex(@"^\| ([A-Z]+-[0-9]+[a-z]?) \|")]
    private static partial Regex TableRowId();
}
