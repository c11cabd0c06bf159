using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Domain.Calendar;

namespace Safeguard.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar England = WorkingDayCalendar.England;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The published list (shared/spec), linked into the test output by the project file.</summary>
    private static List<DateOnly> ReferenceList()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Calendar", "bank-holidays-england-and-wales.csv");
        Assert.True(File.Exists(path), $"The reference list is missing at {path}; it comes from ../shared/spec.");
        return [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => D(l.Split(',')[0]))];
    }

    [Fact]
    public void BankHolidays_EveryYear1995To2030_MatchThePublishedList()
    {
        var reference = ReferenceList();
        for (var year = 1995; year <= 2030; year++)
        {
            var expected = reference.Where(d => d.Year == year).Order().ToList();
            Assert.True(expected.Count > 0, $"the reference list should cover {year}");
            Assert.Equal(expected, EnglandBankHolidays.For(year));
        }
    }

    [Fact]
    public void IsWorkingDay_EveryDay1995To2030_IsExactlyTheWeekdaysNotOnTheList()
    {
        var holidays = ReferenceList().ToHashSet();
        for (var day = new DateOnly(1995, 1, 1); day <= new DateOnly(2030, 12, 31); day = day.AddDays(1))
        {
            var expected = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);
            Assert.True(expected == England.IsWorkingDay(day), $"{day:yyyy-MM-dd} ({day.DayOfWeek})");
        }
    }

    [Theory]
    [InlineData("2026-12-24", 1, "2026-12-29")] // Christmas, the weekend, Boxing Day's substitute on Monday 28 December
    [InlineData("2026-04-02", 1, "2026-04-07")] // Good Friday and Easter Monday (STATUTORY-RULES.md worked example)
    [InlineData("2026-04-02", 45, "2026-06-10")] // 45 working days across Easter and the early May and spring bank holidays
    [InlineData("2026-12-18", 15, "2027-01-13")] // across Christmas and New Year
    [InlineData("2026-12-18", 10, "2027-01-06")]
    [InlineData("2026-05-01", 5, "2026-05-11")] // across the early May bank holiday
    [InlineData("2026-11-21", 1, "2026-11-23")] // day 0 is a Saturday: due on the Monday
    [InlineData("2026-11-23", 0, "2026-11-23")]
    [InlineData("2026-04-08", -7, "2026-03-26")] // "no later than 7 working days before"
    [InlineData("2027-01-04", -1, "2026-12-31")] // back across New Year
    [InlineData("2026-12-28", -1, "2026-12-24")] // back across Christmas from a bank holiday
    public void AddWorkingDays_WorkedExamples(string from, int days, string expected) =>
        Assert.Equal(D(expected), England.AddWorkingDays(D(from), days));

    [Theory]
    [InlineData("2026-12-24", "2026-12-29", 1)]
    [InlineData("2026-12-24", "2026-12-28", 0)] // the 28th is the Boxing Day substitute
    [InlineData("2026-11-20", "2026-11-22", 0)] // Friday to Sunday
    [InlineData("2026-11-22", "2026-11-20", 0)]
    [InlineData("2026-11-23", "2026-11-20", -1)]
    [InlineData("2026-01-01", "2026-12-31", 253)] // 261 weekdays less 8 bank holidays, New Year's Day among them
    public void WorkingDaysBetween_CountsDaysAfterTheFirstUpToAndIncludingTheSecond(string from, string to, int expected) =>
        Assert.Equal(expected, England.WorkingDaysBetween(D(from), D(to)));

    [Theory]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2026-11-30", 3, "2027-02-28")] // STATUTORY-RULES.md: ICPC 2026-11-30 -> RCPC-01 due 2027-02-28
    [InlineData("2027-11-30", 3, "2028-02-29")] // leap year
    [InlineData("2026-08-31", 6, "2027-02-28")]
    [InlineData("2026-12-25", 3, "2027-03-25")] // not moved off weekends or bank holidays
    public void AddMonths_ClampsToTheLastDayOfAShortMonth(string from, int months, string expected) =>
        Assert.Equal(D(expected), WorkingDayCalendar.AddMonths(D(from), months));

    [Fact]
    public void AddWorkingDays_OutsideTheCalendar_SaysWhichRangeItCovers()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => England.AddWorkingDays(new DateOnly(2100, 12, 30), 5));
        Assert.Contains("2100-12-31", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => England.IsWorkingDay(new DateOnly(1989, 12, 31)));
    }

    [Fact]
    public void WithImported_ReplacesTheRulesForTheYearsItCovers()
    {
        var extra = new DateOnly(2031, 6, 6);
        var imported = EnglandBankHolidays.For(2031).Append(extra).ToList();

        var calendar = WorkingDayCalendar.WithImported(imported);

        Assert.False(calendar.IsWorkingDay(extra));
        Assert.True(England.IsWorkingDay(extra));
        Assert.Equal(England.IsWorkingDay(new DateOnly(2032, 5, 3)), calendar.IsWorkingDay(new DateOnly(2032, 5, 3)));
    }

    [Fact]
    public void GovUkJson_EnglandAndWalesEvents_AreRead()
    {
        const string json = """
            {"england-and-wales":{"division":"england-and-wales","events":[
              {"title":"Christmas Day","date":"2026-12-25","notes":"","bunting":true},
              {"title":"Boxing Day","date":"2026-12-28","notes":"Substitute day","bunting":true}]},
             "scotland":{"division":"scotland","events":[{"title":"St Andrew's Day","date":"2026-11-30","notes":"","bunting":true}]}}
            """;

        Assert.Equal([new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28)], GovUkBankHolidaysJson.Parse(json));
    }

    [Theory]
    [InlineData("2026-06-30T22:59:59Z", "2026-06-30")]
    [InlineData("2026-06-30T23:30:00Z", "2026-07-01")] // 00:30 BST is already tomorrow in England
    [InlineData("2026-12-31T23:30:00Z", "2026-12-31")] // GMT in winter
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29")] // the night the clocks go forward
    public void EnglandClock_Today_IsTheDateInLondon(string utc, string expected)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture));
        Assert.Equal(D(expected), EnglandClock.Today(time));
    }

    private static Arbitrary<DateOnly> Dates() =>
        ArbMap.Default.GeneratorFor<int>()
            .Select(i => new DateOnly(2000, 1, 1).AddDays(Math.Abs(i % 30_000)))
            .ToArbitrary();

    private static Arbitrary<int> Counts() => Gen.Choose(1, 400).ToArbitrary();

    [Property(MaxTest = 2_000)]
    public Property AddWorkingDays_AlwaysLandsOnAWorkingDay() =>
        Prop.ForAll(Dates(), Counts(), (day, n) => England.IsWorkingDay(England.AddWorkingDays(day, n)) && England.IsWorkingDay(England.AddWorkingDays(day, -n)));

    [Property(MaxTest = 2_000)]
    public Property WorkingDaysBetween_UndoesAddWorkingDays() =>
        Prop.ForAll(Dates(), Counts(), (day, n) => England.WorkingDaysBetween(day, England.AddWorkingDays(day, n)) == n);

    [Property(MaxTest = 2_000)]
    public Property AddWorkingDays_IsMonotonicInCountAndDate() =>
        Prop.ForAll(Dates(), Counts(), (day, n) =>
            England.AddWorkingDays(day, n) < England.AddWorkingDays(day, n + 1)
            && England.AddWorkingDays(day, n) <= England.AddWorkingDays(day.AddDays(1), n));

    [Property(MaxTest = 2_000)]
    public Property AddingThenSubtracting_FromAWorkingDay_ReturnsToIt() =>
        Prop.ForAll(Dates(), Counts(), (day, n) =>
        {
            var start = England.IsWorkingDay(day) ? day : England.AddWorkingDays(day, 1);
            return England.AddWorkingDays(England.AddWorkingDays(start, n), -n) == start;
        });

    [Property(MaxTest = 2_000)]
    public Property AddingBetween_NeverPassesTheEnd() =>
        Prop.ForAll(Dates(), Gen.Choose(0, 500).ToArbitrary(), (day, span) =>
        {
            var end = day.AddDays(span);
            return England.AddWorkingDays(day, England.WorkingDaysBetween(day, end)) <= end;
        });
}
