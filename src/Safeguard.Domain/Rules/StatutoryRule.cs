namespace Safeguard.Domain.Rules;

public enum Force
{
    Must,
    Should,
}

public enum TimescaleUnit
{
    /// <summary>Due on the Nth working day after day 0 (T2).</summary>
    WorkingDays,

    /// <summary>Latest N working days before day 0, stepping back over working days (T3).</summary>
    WorkingDaysBefore,

    /// <summary>Day 0 plus N calendar months, the 31st clamped (T4).</summary>
    CalendarMonths,

    /// <summary>Day 0 plus N calendar days (T5).</summary>
    CalendarDays,

    /// <summary>The same day as day 0 (an event dated on the day).</summary>
    SameDay,

    /// <summary>No date: shown as urgent from day 0 until done (T8).</summary>
    AsSoonAsPossible,

    /// <summary>Set by local protocol (per area); not reported as a statutory breach.</summary>
    LocalProtocol,

    /// <summary>
    /// The area's own target in working days, where the guidance sets no number (A-25, A-26): due on the Nth working day after day 0,
    /// like <see cref="WorkingDays"/>, but a local target, never reported as a statutory breach.
    /// </summary>
    LocalWorkingDays,
}

/// <summary>How long a rule allows, in the guidance's own unit.</summary>
public readonly record struct Timescale(TimescaleUnit Unit, int Amount)
{
    public static Timescale WorkingDays(int n) => new(TimescaleUnit.WorkingDays, n);

    public static Timescale WorkingDaysBefore(int n) => new(TimescaleUnit.WorkingDaysBefore, n);

    public static Timescale CalendarMonths(int n) => new(TimescaleUnit.CalendarMonths, n);

    public static Timescale CalendarDays(int n) => new(TimescaleUnit.CalendarDays, n);

    public static readonly Timescale SameDay = new(TimescaleUnit.SameDay, 0);

    public static readonly Timescale AsSoonAsPossible = new(TimescaleUnit.AsSoonAsPossible, 0);

    public static readonly Timescale LocalProtocol = new(TimescaleUnit.LocalProtocol, 0);

    /// <summary>An area's own target of <paramref name="n"/> working days for a rule the guidance gives no number (A-26).</summary>
    public static Timescale LocalWorkingDays(int n) => new(TimescaleUnit.LocalWorkingDays, n);

    /// <summary>Set locally, not by the guidance: a clock under it is a local target, never a statutory breach (T8, A-25).</summary>
    public bool IsLocal => Unit is TimescaleUnit.LocalProtocol or TimescaleUnit.LocalWorkingDays;

    public bool HasDueDate => Unit is not (TimescaleUnit.AsSoonAsPossible or TimescaleUnit.LocalProtocol);

    public override string ToString() => Unit switch
    {
        TimescaleUnit.WorkingDays => $"{Amount} working day{(Amount == 1 ? "" : "s")}",
        TimescaleUnit.WorkingDaysBefore => $"{Amount} working days before",
        TimescaleUnit.CalendarMonths => $"{Amount} month{(Amount == 1 ? "" : "s")}",
        TimescaleUnit.CalendarDays => $"{Amount} day{(Amount == 1 ? "" : "s")}",
        TimescaleUnit.SameDay => "same day",
        TimescaleUnit.AsSoonAsPossible => "as soon as possible",
        TimescaleUnit.LocalWorkingDays => $"{Amount} working day{(Amount == 1 ? "" : "s")} (local target)",
        _ => "local protocol",
    };
}

/// <summary>
/// One timed obligation from STATUTORY-RULES.md, as data: its id and paragraph, must or should, the event that
/// starts its clock (day 0), the events that satisfy or stop it, the timescale and who is responsible.
/// A late MUST or SHOULD clock always asks for a reason (T7), so <see cref="ReasonRequiredWhenLate"/> is true unless a rule says otherwise.
/// </summary>
public sealed record StatutoryRule(
    string Id,
    string Paragraph,
    Force Force,
    string ShortName,
    Timescale Timescale,
    EventKind StartsOn,
    IReadOnlyList<EventKind> SatisfiedBy,
    IReadOnlyList<EventKind> StoppedBy,
    string ResponsibleRole,
    bool NewStartSupersedes = false,
    bool ReasonRequiredWhenLate = true)
{
    /// <summary>
    /// This rule under an area's own target of <paramref name="workingDays"/> working days, where the guidance sets no timescale (A-25,
    /// A-26): due on that working day, still a local target (<see cref="Timescale.IsLocal"/>). A rule with a national timescale is itself.
    /// </summary>
    public StatutoryRule WithLocalTarget(int workingDays) =>
        Timescale.Unit is TimescaleUnit.LocalProtocol or TimescaleUnit.LocalWorkingDays ? this with { Timescale = Timescale.LocalWorkingDays(workingDays) } : this;

    /// <summary>The due date for a clock started on <paramref name="start"/>; null when the rule has no date (ASAP, local protocol).</summary>
    public DateOnly? Due(DateOnly start, Calendar.WorkingDayCalendar calendar) => Timescale.Unit switch
    {
        TimescaleUnit.WorkingDays or TimescaleUnit.LocalWorkingDays => calendar.AddWorkingDays(start, Timescale.Amount),
        TimescaleUnit.WorkingDaysBefore => calendar.AddWorkingDays(start, -Timescale.Amount),
        TimescaleUnit.CalendarMonths => Calendar.WorkingDayCalendar.AddMonths(start, Timescale.Amount),
        TimescaleUnit.CalendarDays => start.AddDays(Timescale.Amount),
        TimescaleUnit.SameDay => start,
        _ => null,
    };
}
