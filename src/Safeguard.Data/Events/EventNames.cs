using Safeguard.Domain.Calendar;
using Safeguard.Domain.Events;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Rules;

namespace Safeguard.Data.Events;

/// <summary>The names an event's sentence refers to, as the records hold them now, and the area's working days for the dates it gives.</summary>
public sealed class EventNames(WorkingDayCalendar? calendar, params IEnumerable<Practitioner?> practitioners) : IEventNames
{
    private readonly Dictionary<Guid, string> _names = practitioners.OfType<Practitioner>().DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => p.FullName);

    public string Practitioner(Guid? practitionerId) =>
        practitionerId is { } id && _names.TryGetValue(id, out var name) ? name : "a practitioner";

    public DateOnly? Due(StatutoryRule rule, DateOnly from) => calendar is null ? null : rule.Due(from, calendar);
}
