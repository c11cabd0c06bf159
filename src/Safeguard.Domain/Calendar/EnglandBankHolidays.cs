namespace Safeguard.Domain.Calendar;

/// <summary>
/// Bank holidays in England (the England and Wales list; STATUTORY-RULES.md T1): the standing rules, plus the
/// one-off changes proclaimed over the years, kept as data. Checked against the published list for 1995-2030.
/// </summary>
public static class EnglandBankHolidays
{
    /// <summary>
    /// One-off changes: an extra day, or a standing holiday moved, by year. Future proclamations reach a running
    /// service without a release through <c>safeguard calendar import</c> (gov.uk's bank-holidays JSON).
    /// </summary>
    private static readonly Dictionary<int, (DateOnly? EarlyMay, DateOnly? Spring, DateOnly[] Extra)> OneOffs = new()
    {
        [1995] = (new DateOnly(1995, 5, 8), null, []), // VE day 50th anniversary: early May moved to 8 May
        [1999] = (null, null, [new DateOnly(1999, 12, 31)]), // millennium celebrations
        [2002] = (null, new DateOnly(2002, 6, 4), [new DateOnly(2002, 6, 3)]), // golden jubilee; spring moved
        [2011] = (null, null, [new DateOnly(2011, 4, 29)]), // royal wedding
        [2012] = (null, new DateOnly(2012, 6, 4), [new DateOnly(2012, 6, 5)]), // diamond jubilee; spring moved
        [2020] = (new DateOnly(2020, 5, 8), null, []), // VE day 75th anniversary: early May moved to 8 May
        [2022] = (null, new DateOnly(2022, 6, 2), [new DateOnly(2022, 6, 3), new DateOnly(2022, 9, 19)]), // platinum jubilee; state funeral
        [2023] = (null, null, [new DateOnly(2023, 5, 8)]), // coronation
    };

    /// <summary>The bank holidays in England in <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<DateOnly> For(int year)
    {
        OneOffs.TryGetValue(year, out var oneOff);
        var days = new SortedSet<DateOnly>();

        days.Add(NextWeekday(new DateOnly(year, 1, 1), days));
        var easter = EasterSunday(year);
        days.Add(easter.AddDays(-2));
        days.Add(easter.AddDays(1));
        days.Add(oneOff.EarlyMay ?? FirstMonday(year, 5));
        days.Add(oneOff.Spring ?? LastMonday(year, 5));
        days.Add(LastMonday(year, 8));
        // Christmas Day, then Boxing Day: a day on a weekend, or on a day already taken, moves to the next free weekday.
        days.Add(NextWeekday(new DateOnly(year, 12, 25), days));
        days.Add(NextWeekday(new DateOnly(year, 12, 26), days));
        foreach (var extra in oneOff.Extra ?? [])
        {
            days.Add(extra);
        }

        return [.. days];
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly NextWeekday(DateOnly day, SortedSet<DateOnly> taken)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || taken.Contains(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        return day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return day.AddDays(-(((int)day.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
