namespace Safeguard.Domain.Calendar;

/// <summary>
/// The one place that turns a moment into a date in England (Europe/London), so that an event at 00:30 BST on
/// 1 July (23:30 UTC on 30 June) lands on 1 July. Clocks start from these dates (STATUTORY-RULES.md T6).
/// </summary>
public static class EnglandClock
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Today's date in England, read from <paramref name="time"/>.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return ToEnglandDate(time.GetUtcNow());
    }

    /// <summary>The date in England at <paramref name="instant"/>.</summary>
    public static DateOnly ToEnglandDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, London).DateTime);

    /// <summary>The moment as a clock in England shows it (for saying when something ends: "until 9 December 2026 at 10:00").</summary>
    public static DateTimeOffset InEngland(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London);

    /// <summary>
    /// The moment a clock in England shows <paramref name="time"/> on <paramref name="date"/>, with that day's offset (GMT or
    /// BST). A time the clocks skip in spring is taken as the same time of day after the change.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (London.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }
}
