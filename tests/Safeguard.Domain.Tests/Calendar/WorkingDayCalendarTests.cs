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

    /// <summary>The published list, kept beside this test as data and copied to the test output by the project file.</summary>
    private static List<DateOnly> ReferenceList()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Calendar", "bank-holidays-england-and-wales.csv");
        Assert.True(File.Exists(path), $"The reference list is missing at {path}.");
        return [.. File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).Select(l => D(l.Split(',')[0]))];
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
    [InlineData("2026-11-22", -1, "2026-11-20")] // back from a Sunday: the Friday
    [InlineData("2026-12-31", 1, "2027-01-04")] // New Year's Day, then the weekend
    [InlineData("2027-03-25", 1, "2027-03-30")] // Maundy Thursday: Good Friday and Easter Monday 2027
    [InlineData("2025-12-24", 1, "2025-12-29")] // Christmas and Boxing Day on Thursday and Friday
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
    [InlineData("2026-03-28T23:59:00Z", "2026-03-28")] // GMT until 01:00 UTC on 29 March
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29")] // the night the clocks go forward
    [InlineData("2026-03-29T23:30:00Z", "2026-03-30")] // the first BST evening: 00:30 on the 30th
    [InlineData("2026-10-24T23:30:00Z", "2026-10-25")] // still BST: 00:30 on the 25th
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25")] // the hour that happens twice
    [InlineData("2026-10-25T23:30:00Z", "2026-10-25")] // GMT again: 23:30 on the 25th
    public void EnglandClock_Today_IsTheDateInLondon(string utc, string expected)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture));
        Assert.Equal(D(expected), EnglandClock.Today(time));
    }

    [Theory]
    [InlineData("2026-06-30T23:30:00+00:00", "2026-07-01")]
    [InlineData("2026-07-01T00:30:00+01:00", "2026-07-01")] // the same instant written in BST
    [InlineData("2026-01-15T08:00:00-05:00", "2026-01-15")]
    [InlineData("2026-01-15T20:00:00-05:00", "2026-01-16")] // 01:00 the next day in London
    public void EnglandClock_ToEnglandDate_IsTheDateInLondonWhateverTheOffset(string instant, string expected) =>
        Assert.Equal(D(expected), EnglandClock.ToEnglandDate(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"scotland":{"division":"scotland","events":[]}}""")]
    [InlineData("""{"england-and-wales":{"division":"england-and-wales","events":[{"title":"Boxing Day","date":"28/12/2026"}]}}""")]
    [InlineData("""{"england-and-wales":{"division":"england-and-wales","events":[{"title":"Boxing Day"}]}}""")]
    public void GovUkJson_NotThatFilesShape_IsAFormatError(string json) =>
        Assert.Throws<FormatException>(() => GovUkBankHolidaysJson.Parse(json));

    [Fact]
    public void AddWorkingDays_FromADateOutsideTheCalendar_ThrowsEvenForZero() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => England.AddWorkingDays(new DateOnly(2101, 1, 1), 0));

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void AddWorkingDays_MoreThanTheCalendarHolds_IsOutOfRange(int days) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => England.AddWorkingDays(new DateOnly(2026, 11, 23), days));

    [Theory]
    [InlineData(2027, "2027-12-27", "2027-12-28")] // Christmas on a Saturday, Boxing Day on a Sunday
    [InlineData(2032, "2032-12-27", "2032-12-28")] // the same, beyond the published list
    [InlineData(2033, "2033-12-26", "2033-12-27")] // Christmas on a Sunday: Boxing Day Monday, Christmas's substitute Tuesday
    [InlineData(2034, "2034-01-02", "2034-12-25")] // New Year's Day on a Sunday: Monday 2 January
    public void BankHolidays_FallingOnAWeekend_HaveSubstituteDays(int year, string substitute, string another)
    {
        var days = EnglandBankHolidays.For(year);

        Assert.Contains(D(substitute), days);
        Assert.Contains(D(another), days);
        Assert.Equal(8, days.Count);
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
