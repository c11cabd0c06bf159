using System.CommandLine;
using System.Globalization;
using Safeguard.Domain.Calendar;

namespace Safeguard.Cli.Commands;

/// <summary>
/// <c>safeguard workdays add YYYY-MM-DD N</c> prints a date; <c>safeguard workdays between YYYY-MM-DD YYYY-MM-DD</c> prints
/// a count (working days after the first up to and including the second). One plain line each, for scripts.
/// </summary>
public static class WorkdaysCommand
{
    public static Command Create(OperatorConfiguration configuration)
    {
        var from = new Argument<string>("date") { Description = "A date, YYYY-MM-DD." };
        var days = new Argument<int>("days") { Description = "Working days to add (negative to step back)." };
        var add = new Command("add", "The Nth working day after a date (before it when N is negative).") { from, days };
        add.SetAction(parse => Run(() =>
        {
            var calendar = CalendarCommand.Load(configuration);
            Console.WriteLine(calendar.AddWorkingDays(ParseDate(parse.GetValue(from)), parse.GetValue(days)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }));

        var start = new Argument<string>("from") { Description = "A date, YYYY-MM-DD." };
        var end = new Argument<string>("to") { Description = "A date, YYYY-MM-DD." };
        var between = new Command("between", "Working days after FROM up to and including TO.") { start, end };
        between.SetAction(parse => Run(() =>
        {
            var calendar = CalendarCommand.Load(configuration);
            Console.WriteLine(calendar.WorkingDaysBetween(ParseDate(parse.GetValue(start)), ParseDate(parse.GetValue(end))).ToString(CultureInfo.InvariantCulture));
        }));

        return new Command("workdays", "Working days in England (not weekends or bank holidays).") { add, between };
    }

    public static DateOnly ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"'{text}' is not a date: use YYYY-MM-DD, like 2026-12-24.");

    /// <summary>Runs a command body; a bad argument is one line on standard error and exit code 1.</summary>
    public static int Run(Action body)
    {
        try
        {
            body();
            return 0;
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
