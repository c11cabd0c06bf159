using Safeguard.Domain.Calendar;
using Safeguard.Domain.Rules;

namespace Safeguard.Domain.Clocks;

/// <summary>Something that happened to a subject (a referral, an episode, a review), on a date in England.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="OccurredOn">The date in England it happened (T6): day 0 for the clocks it starts.</param>
/// <param name="LateReason">The reason given when this event met a clock late, if one was given.</param>
public readonly record struct ClockEvent(EventKind Kind, DateOnly OccurredOn, string? LateReason = null);

public enum ClockStatus
{
    Running,
    DueToday,
    Overdue,
    Met,
    MetLate,
    Stopped,

    /// <summary>An as-soon-as-possible obligation not yet done: no date, shown as urgent (T8).</summary>
    Urgent,
}

/// <summary>One statutory clock for one subject, as of a given day.</summary>
public sealed record Clock(
    string RuleId,
    Guid SubjectId,
    DateOnly StartedOn,
    DateOnly? DueOn,
    DateOnly? CompletedOn,
    ClockStatus Status,
    int WorkingDaysOverdue,
    bool ReasonRecorded,
    EventKind? StoppedBy)
{
    /// <summary>A late clock, met or not, asks for a reason until one is recorded (T7, ¶169).</summary>
    public bool NeedsReason => Status is ClockStatus.Overdue or ClockStatus.MetLate && !ReasonRecorded;
}

/// <summary>
/// Turns a subject's history into its clocks: a pure function of the events, the rules, the calendar and today.
/// Each start event begins one clock; the first satisfying event after it completes it; a stop event before that
/// stops it; a rule marked <see cref="StatutoryRule.NewStartSupersedes"/> lets a later start replace an open clock.
/// </summary>
public static class ClockEngine
{
    /// <param name="history">The subject's events in the order they happened (events on one day keep their given order).</param>
    public static List<Clock> Compute(Guid subjectId, IReadOnlyList<ClockEvent> history, IReadOnlyList<StatutoryRule> rules,
        WorkingDayCalendar calendar, DateOnly today)
    {
        var clocks = new List<Clock>();
        foreach (var rule in rules)
        {
            for (var start = 0; start < history.Count; start++)
            {
                if (history[start].Kind != rule.StartsOn)
                {
                    continue;
                }

                clocks.Add(Run(rule, subjectId, history, start, calendar, today));
            }
        }

        return clocks;
    }

    private static Clock Run(StatutoryRule rule, Guid subjectId, IReadOnlyList<ClockEvent> history, int start, WorkingDayCalendar calendar, DateOnly today)
    {
        var startedOn = history[start].OccurredOn;
        var due = rule.Due(startedOn, calendar);
        for (var i = start + 1; i < history.Count; i++)
        {
            var e = history[i];
            if (Contains(rule.SatisfiedBy, e.Kind))
            {
                var late = due is { } d && e.OccurredOn > d;
                return new Clock(rule.Id, subjectId, startedOn, due, e.OccurredOn, late ? ClockStatus.MetLate : ClockStatus.Met,
                    late ? calendar.WorkingDaysBetween(due!.Value, e.OccurredOn) : 0, !string.IsNullOrWhiteSpace(e.LateReason), null);
            }

            if (Contains(rule.StoppedBy, e.Kind) || (rule.NewStartSupersedes && e.Kind == rule.StartsOn))
            {
                return new Clock(rule.Id, subjectId, startedOn, due, null, ClockStatus.Stopped, 0, false, e.Kind);
            }
        }

        if (due is not { } dueOn)
        {
            return new Clock(rule.Id, subjectId, startedOn, null, null,
                rule.Timescale.Unit == TimescaleUnit.AsSoonAsPossible ? ClockStatus.Urgent : ClockStatus.Running, 0, false, null);
        }

        var status = today < dueOn ? ClockStatus.Running : today == dueOn ? ClockStatus.DueToday : ClockStatus.Overdue;
        return new Clock(rule.Id, subjectId, startedOn, dueOn, null, status,
            status == ClockStatus.Overdue ? calendar.WorkingDaysBetween(dueOn, today) : 0, false, null);
    }

    private static bool Contains(IReadOnlyList<EventKind> kinds, EventKind kind)
    {
        for (var i = 0; i < kinds.Count; i++)
        {
            if (kinds[i] == kind)
            {
                return true;
            }
        }

        return false;
    }
}
