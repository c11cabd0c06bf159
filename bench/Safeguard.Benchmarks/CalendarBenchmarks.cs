using BenchmarkDotNet.Attributes;
using Safeguard.Domain.Calendar;

namespace Safeguard.Benchmarks;

/// <summary>
/// The working-day calendar's hot operations over 1,000 random dates and counts, so one operation's cost is the
/// reported time divided by 1,000 (OperationsPerInvoke does that division).
/// </summary>
[MemoryDiagnoser]
public class CalendarBenchmarks
{
    private const int Batch = 1_000;
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.England;
    private DateOnly[] _dates = [];
    private int[] _counts = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2026);
        _dates = [.. Enumerable.Range(0, Batch).Select(_ => new DateOnly(2000, 1, 1).AddDays(random.Next(0, 36_000)))];
        _counts = [.. Enumerable.Range(0, Batch).Select(_ => random.Next(-60, 60))];
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public DateOnly AddWorkingDays()
    {
        var last = default(DateOnly);
        for (var i = 0; i < Batch; i++)
        {
            last = _calendar.AddWorkingDays(_dates[i], _counts[i]);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int WorkingDaysBetween()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += _calendar.WorkingDaysBetween(_dates[i], _dates[(i + 1) % Batch]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int IsWorkingDay()
    {
        var count = 0;
        for (var i = 0; i < Batch; i++)
        {
            count += _calendar.IsWorkingDay(_dates[i]) ? 1 : 0;
        }

        return count;
    }
}
