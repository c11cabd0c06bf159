using BenchmarkDotNet.Attributes;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Clocks;
using Safeguard.Domain.Rules;

namespace Safeguard.Benchmarks;

/// <summary>
/// Recomputing every clock of 10,000 synthetic episodes against the whole catalogue: a referral, its decision, an
/// assessment, and for some a section 47 enquiry, a conference, a plan, core groups and reviews. The reported time
/// is per episode (OperationsPerInvoke), so 1,000,000 episodes take a million times that on one core.
/// </summary>
[MemoryDiagnoser]
public class ClockEngineBenchmarks
{
    private const int Episodes = 10_000;
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.England;
    private readonly DateOnly _today = new(2026, 11, 22);
    private (Guid Id, ClockEvent[] History)[] _episodes = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2026);
        _episodes = [.. Enumerable.Range(0, Episodes).Select(_ => (Guid.NewGuid(), History(random)))];
    }

    [Benchmark(OperationsPerInvoke = Episodes)]
    public int RecomputeAllClocks()
    {
        var count = 0;
        foreach (var (id, history) in _episodes)
        {
            count += ClockEngine.Compute(id, history, StatutoryRules.All, _calendar, _today).Count;
        }

        return count;
    }

    private ClockEvent[] History(Random random)
    {
        var received = _today.AddDays(-random.Next(0, 400));
        var events = new List<ClockEvent> { new(EventKind.ReferralReceived, received) };
        if (random.Next(10) < 9)
        {
            events.Add(new(EventKind.ReferralDecisionRecorded, _calendar.AddWorkingDays(received, random.Next(0, 3))));
        }

        if (random.Next(10) < 6)
        {
            events.Add(new(EventKind.AssessmentAuthorised, _calendar.AddWorkingDays(received, random.Next(10, 60))));
        }

        if (random.Next(10) < 2)
        {
            var strategy = received.AddDays(random.Next(1, 20));
            events.Add(new(EventKind.Section47Initiated, strategy));
            var conference = _calendar.AddWorkingDays(strategy, random.Next(8, 20));
            events.Add(new(EventKind.InitialConferenceHeld, conference));
            events.Add(new(EventKind.PlanMade, conference));
            events.Add(new(EventKind.CoreGroupHeld, _calendar.AddWorkingDays(conference, random.Next(5, 12))));
            events.Add(new(EventKind.ReviewConferenceHeld, conference.AddMonths(3)));
        }

        return [.. events.OrderBy(e => e.OccurredOn)];
    }
}
