using Safeguard.Domain.Calendar;

namespace Safeguard.Domain.OperationEncompass;

/// <summary>
/// When the police must have shared an Operation Encompass notification: before the start of the next school day (POL-01,
/// ¶284, fn54). Safeguard holds no setting's own school calendar yet, so the next school day is the next working day in
/// England and it starts at 08:30 local time. It is counted from the moment of the incident, not only its date: an
/// incident at 03:00 on a working day is shared before 08:30 that morning; one at 08:30 or later, before 08:30 on the next
/// working day. This is the police's timescale: it is reported with the notification, never as a breach by children's social care.
/// </summary>
public static class SchoolDayStart
{
    /// <summary>The time the next school day starts when the setting's own calendar is not held .</summary>
    public static readonly TimeOnly DefaultStart = new(8, 30);

    /// <summary>The start of the first school day that begins after <paramref name="incidentAt"/>: the police share before it.</summary>
    public static DateTimeOffset NextAfter(DateTimeOffset incidentAt, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var local = EnglandClock.InEngland(incidentAt);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (calendar.IsWorkingDay(day) && TimeOnly.FromDateTime(local.DateTime) < DefaultStart)
        {
            return EnglandClock.At(day, DefaultStart);
        }

        return EnglandClock.At(calendar.AddWorkingDays(day, 1), DefaultStart);
    }
}
