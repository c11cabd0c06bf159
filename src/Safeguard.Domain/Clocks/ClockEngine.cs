using Safeguard.Domain.Calendar;
using Safeguard.Domain.Rules;

namespace Safeguard.Domain.Clocks;

/// <summary>Something that happened to a subject (a referral, an episode, a review), on a date in England.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="OccurredOn">
/// The date in England it happened (T6), or, for a planned date (<see cref="EventKind.PracticeReviewPublicationPlanned"/>,
/// <see cref="EventKind.EighteenthBirthdayAhead"/>), the date planned: day 0 for the clocks it starts.
/// </param>
/// <param name="LateReason">The reason given when this event met a clock late, if one was given.</param>
/// <param name="Instance">
/// Which one, when a subject has several of the same kind at once (two allegations, two referrals on one episode): an
/// event with an instance only satisfies or stops a clock started with the same instance, or with none. Null applies
/// to every clock (a child's death stops them all).
/// </param>
public readonly record struct ClockEvent(EventKind Kind, DateOnly OccurredOn, string? LateReason = null, string? Instance = null);

public enum ClockStatus
{
    /// <summary>Not done, and today is before the due date (or the rule has a local timescale and no date).</summary>
    Running,

    /// <summary>Not done, and today is the due date: still in time.</summary>
    DueToday,

    /// <summary>Not done, and today is after the due date.</summary>
    Overdue,

    /// <summary>Done on or before the due date (or done, for a rule with no date).</summary>
    Met,

    /// <summary>Done after the due date: a reason is asked for (T7).</summary>
    MetLate,

    /// <summary>Ended by a stop event before it was done (plan ended, child died, superseded...): see <see cref="Clock.StoppedBy"/>.</summary>
    Stopped,

    /// <summary>An as-soon-as-possible obligation not yet done: no date, shown as urgent, never a statutory breach (T8).</summary>
    Urgent,
}

/// <summary>One statutory clock for one subject, as of the day it was computed for.</summary>
/// <param name="RuleId">The rule's id in STATUTORY-RULES.md.</param>
/// <param name="Instance">The start event's instance, if it had one.</param>
/// <param name="StartedOn">Day 0: the start event's date.</param>
/// <param name="DueOn">The last day on which doing it is in time (inclusive); null for a rule without a date.</param>
/// <param name="CompletedOn">The date of the event that satisfied it; null unless met.</param>
/// <param name="WorkingDaysOverdue">
/// Working days after the due date up to and including the day it was done (met late) or today (overdue); zero
/// otherwise, and zero when a clock fell due on a Friday and today is the Saturday or Sunday after.
/// </param>
/// <param name="LateReason">The reason recorded for lateness, if any.</param>
/// <param name="StoppedBy">The event that stopped it; the rule's own start event when a later start superseded it.</param>
/// <param name="NeedsReason">Late (overdue or met late), the rule asks for a reason when late, and none is recorded (T7, ¶6, ¶169).</param>
public sealed record Clock(
    string RuleId,
    Guid SubjectId,
    string? Instance,
    DateOnly StartedOn,
    DateOnly? DueOn,
    DateOnly? CompletedOn,
    ClockStatus Status,
    int WorkingDaysOverdue,
    string? LateReason,
    EventKind? StoppedBy,
    bool NeedsReason)
{
    public bool ReasonRecorded => LateReason is not null;
}

/// <summary>
/// Turns a subject's history into its clocks: a pure function of the events, the rules, the calendar and today.
/// Each start event begins one clock (so review conferences chain: each review held starts the next review's clock
/// and meets the one before). The first satisfying event after the start completes it; a stop event before that
/// stops it; for a rule marked <see cref="StatutoryRule.NewStartSupersedes"/>, a later start of the same rule (a new
/// publication date) stops the open clock and begins its own.
/// </summary>
public static class ClockEngine
{
    /// <summary>Every clock the <paramref name="rules"/> start in <paramref name="history"/>, rule by rule, each rule's in order of its start events.</summary>
    /// <param name="history">
    /// The subject's events in the order they were recorded, which is the order they happened except for planned dates
    /// (recorded before the day they name). Only events after a start event can satisfy or stop its clock.
    /// </param>
    /// <param name="today">Today's date in England (<see cref="EnglandClock.Today"/>), deciding running, due today and overdue.</param>
    public static List<Clock> Compute(Guid subjectId, IReadOnlyList<ClockEvent> history, IReadOnlyList<StatutoryRule> rules,
        WorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(calendar);
        var clocks = new List<Clock>();
        foreach (var rule in rules)
        {
            for (var start = 0; start < history.Count; start++)
            {
                if (history[start].Kind == rule.StartsOn)
                {
                    clocks.Add(Run(rule, subjectId, history, start, calendar, today));
                }
            }
        }

        return clocks;
    }

    private static Clock Run(StatutoryRule rule, Guid subjectId, IReadOnlyList<ClockEvent> history, int start, WorkingDayCalendar calendar, DateOnly today)
    {
        var begun = history[start];
        var due = rule.Due(begun.OccurredOn, calendar);
        for (var i = start + 1; i < history.Count; i++)
        {
            var e = history[i];
            if (e.Instance is not null && begun.Instance is not null && e.Instance != begun.Instance)
            {
                continue;
            }

            if (Contains(rule.SatisfiedBy, e.Kind))
            {
                var late = due is { } d && e.OccurredOn > d;
                var reason = late && !string.IsNullOrWhiteSpace(e.LateReason) ? e.LateReason : null;
                return new Clock(rule.Id, subjectId, begun.Instance, begun.OccurredOn, due, e.OccurredOn, late ? ClockStatus.MetLate : ClockStatus.Met,
                    late ? calendar.WorkingDaysBetween(due!.Value, e.OccurredOn) : 0, reason, null, late && reason is null && rule.ReasonRequiredWhenLate);
            }

            if (Contains(rule.StoppedBy, e.Kind) || (rule.NewStartSupersedes && e.Kind == rule.StartsOn))
            {
                return new Clock(rule.Id, subjectId, begun.Instance, begun.OccurredOn, due, null, ClockStatus.Stopped, 0, null, e.Kind, false);
            }
        }

        if (due is not { } dueOn)
        {
            var open = rule.Timescale.Unit == TimescaleUnit.AsSoonAsPossible ? ClockStatus.Urgent : ClockStatus.Running;
            return new Clock(rule.Id, subjectId, begun.Instance, begun.OccurredOn, null, null, open, 0, null, null, false);
        }

        var status = today < dueOn ? ClockStatus.Running : today == dueOn ? ClockStatus.DueToday : ClockStatus.Overdue;
        var overdue = status == ClockStatus.Overdue;
        return new Clock(rule.Id, subjectId, begun.Instance, begun.OccurredOn, dueOn, null, status,
            overdue ? calendar.WorkingDaysBetween(dueOn, today) : 0, null, null, overdue && rule.ReasonRequiredWhenLate);
    }

    /// <summary>
    /// The general stop (T7): when the child dies, leaves the UK or turns 18, or the episode closes, every clock still
    /// open stops — whatever its rule — and a stopped clock is neither met nor breached. A clock already met, or stopped
    /// by its own rule, keeps its outcome. <paramref name="stops"/> are the events that end the child's or the episode's
    /// work, up to today; the earliest one stops the clock.
    /// </summary>
    public static Clock StopWhenTheWorkHasEnded(Clock clock, IReadOnlyList<ClockEvent> stops)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(stops);
        if (stops.Count == 0 || clock.Status is not (ClockStatus.Running or ClockStatus.DueToday or ClockStatus.Overdue or ClockStatus.Urgent))
        {
            return clock;
        }

        var stop = stops[0];
        for (var i = 1; i < stops.Count; i++)
        {
            if (stops[i].OccurredOn < stop.OccurredOn)
            {
                stop = stops[i];
            }
        }

        return clock with
        {
            Status = ClockStatus.Stopped, CompletedOn = null, WorkingDaysOverdue = 0, LateReason = null, StoppedBy = stop.Kind, NeedsReason = false,
        };
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
