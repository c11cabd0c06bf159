using Safeguard.Domain.Clocks;

namespace Safeguard.Domain.Events;

/// <summary>A record's clock history from its events: what each contributes, in the order they were recorded.</summary>
public static class EventHistory
{
    public static IReadOnlyList<ClockEvent> ClockEvents(object record, IEnumerable<DomainEvent> events) =>
        [.. events.SelectMany(e => e.ClockEvents(record))];
}
