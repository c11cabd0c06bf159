namespace Safeguard.Domain.Calendar;

/// <summary>
/// Working days in England: every day that is not a Saturday, a Sunday or a bank holiday (STATUTORY-RULES.md T1).
/// Conventions, as the deadline engine uses them:
/// <list type="bullet">
/// <item>"Within N working days of X" is due on the Nth working day after X; X itself is day 0 whether or not it is a
/// working day (T2): <c>AddWorkingDays(X, N)</c>.</item>
/// <item>"No later than N working days before P" is <c>AddWorkingDays(P, -N)</c>, stepping back over working days (T3).</item>
/// <item><c>WorkingDaysBetween(a, b)</c> counts the working days after <c>a</c> up to and including <c>b</c>, so adding
/// that many working days to <c>a</c> never passes <c>b</c>.</item>
/// <item>"Within N months of X" is <see cref="AddMonths"/>: the same day N months on, the 31st (or 29th/30th) clamped
/// to the month's last day, not moved off weekends or bank holidays (T4).</item>
/// </list>
/// Every operation is a table look-up: the calendar precomputes, for each day in its range, how many working days
/// there are up to and including it, and the date of every working day.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>The first day the calendar covers.</summary>
    public static readonly DateOnly FirstDay = new(1990, 1, 1);

    /// <summary>The last day the calendar covers.</summary>
    public static readonly DateOnly LastDay = new(2100, 12, 31);

    private static readonly Lazy<WorkingDayCalendar> DefaultCalendar = new(() => new WorkingDayCalendar(EnglandBankHolidays.For));

    private readonly int _firstDayNumber;
    private readonly int[] _workingDaysUpTo;
    private readonly int[] _workingDayNumbers;
    private readonly HashSet<DateOnly> _bankHolidays = [];

    private WorkingDayCalendar(Func<int, IReadOnlyList<DateOnly>> bankHolidaysFor)
    {
        _firstDayNumber = FirstDay.DayNumber;
        var days = LastDay.DayNumber - _firstDayNumber + 1;
        for (var year = FirstDay.Year; year <= LastDay.Year; year++)
        {
            _bankHolidays.UnionWith(bankHolidaysFor(year));
        }

        _workingDaysUpTo = new int[days];
        var workingDays = new List<int>(days * 5 / 7);
        var count = 0;
        for (var i = 0; i < days; i++)
        {
            var date = DateOnly.FromDayNumber(_firstDayNumber + i);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_bankHolidays.Contains(date))
            {
                count++;
                workingDays.Add(_firstDayNumber + i);
            }

            _workingDaysUpTo[i] = count;
        }

        _workingDayNumbers = [.. workingDays];
    }

    /// <summary>England's calendar from the standing rules and the one-off changes Safeguard knows of.</summary>
    public static WorkingDayCalendar England => DefaultCalendar.Value;

    /// <summary>
    /// England's calendar with an imported list of bank holidays (such as gov.uk's published file): for every
    /// year the import covers, its list is taken as it is; other years keep the rules.
    /// </summary>
    public static WorkingDayCalendar WithImported(IEnumerable<DateOnly> importedBankHolidays)
    {
        var byYear = importedBankHolidays.GroupBy(d => d.Year).ToDictionary(g => g.Key, g => (IReadOnlyList<DateOnly>)[.. g.Distinct().Order()]);
        return new WorkingDayCalendar(year => byYear.TryGetValue(year, out var imported) ? imported : EnglandBankHolidays.For(year));
    }

    /// <summary>Whether <paramref name="date"/> is a bank holiday in this calendar (false for any date outside its range).</summary>
    public bool IsBankHoliday(DateOnly date) => _bankHolidays.Contains(date);

    /// <summary>Whether <paramref name="date"/> is neither a Saturday, a Sunday nor a bank holiday.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside <see cref="FirstDay"/>..<see cref="LastDay"/>.</exception>
    public bool IsWorkingDay(DateOnly date) => IsWorkingDayAt(Index(date));

    /// <summary>
    /// The <paramref name="workingDays"/>th working day after <paramref name="date"/> (before it, when negative), counting
    /// <paramref name="date"/> as day 0 whether or not it is a working day; <paramref name="date"/> itself, unchanged, when
    /// zero. The answer is always a working day otherwise: one working day after a Saturday is the Monday (or the
    /// Tuesday after a bank holiday Monday), and one before it is the Friday.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The date or the answer is outside <see cref="FirstDay"/>..<see cref="LastDay"/>.</exception>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        var index = Index(date);
        if (workingDays == 0)
        {
            return date;
        }

        // Ordinals are 1-based: the working day numbered k is _workingDayNumbers[k - 1]. Long arithmetic, so that an
        // absurd count is out of range rather than an overflow.
        long upTo = _workingDaysUpTo[index];
        var ordinal = workingDays > 0
            ? upTo + workingDays
            : upTo - (IsWorkingDayAt(index) ? 1 : 0) + workingDays + 1;
        if (ordinal < 1 || ordinal > _workingDayNumbers.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(workingDays),
                $"{workingDays} working days from {date:yyyy-MM-dd} falls outside the calendar ({FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd}).");
        }

        return DateOnly.FromDayNumber(_workingDayNumbers[ordinal - 1]);
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative
    /// (the working days after <paramref name="to"/> up to and including <paramref name="from"/>) when <paramref name="to"/> is earlier;
    /// zero for the same day, or for two days with no working day between (Friday to Sunday). So
    /// <c>AddWorkingDays(from, WorkingDaysBetween(from, to))</c> never passes <paramref name="to"/>; when the count is not
    /// zero it lands on <paramref name="to"/> itself if that is a working day, and on the last working day before it otherwise.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Either date is outside <see cref="FirstDay"/>..<see cref="LastDay"/>.</exception>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) => Count(to) - Count(from);

    /// <summary>
    /// <paramref name="date"/> plus whole calendar months; a day that does not exist in the target month is clamped to
    /// its last day (31 January + 1 month = 28 or 29 February; 30 November + 3 months = 28 or 29 February).
    /// </summary>
    public static DateOnly AddMonths(DateOnly date, int months) => date.AddMonths(months);

    private int Count(DateOnly date) => _workingDaysUpTo[Index(date)];

    private bool IsWorkingDayAt(int index) => _workingDaysUpTo[index] != (index == 0 ? 0 : _workingDaysUpTo[index - 1]);

    private int Index(DateOnly date)
    {
        var index = date.DayNumber - _firstDayNumber;
        if (index < 0 || index >= _workingDaysUpTo.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(date),
                $"{date:yyyy-MM-dd} is outside the working-day calendar, which covers {FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd}.");
        }

        return index;
    }
}
