namespace Safeguard.Domain.Plans;

/// <summary>What changed in a plan after it was made: the plan develops from the outline as the work goes on.</summary>
public enum PlanChangeKind
{
    ActionAdded,
    ActionChanged,
    ActionCompleted,
    MemberAdded,
    MemberLeft,
    LeadChanged,
    OutcomeAdded,
    OutcomeChanged,
    OutcomeAchieved,
}

/// <summary>
/// One change to a plan, kept for good: what changed (<see cref="Subject"/>: the action's or member's id, the new lead's
/// id, or the outcome's number), on which day, when it was recorded and by whom, what it was before, what it is now, and
/// why. A plan's history is the list of these, oldest first; nothing in it is ever changed or removed.
/// </summary>
public sealed record PlanChange(PlanChangeKind Kind, string Subject, DateOnly On, DateTimeOffset At, Guid By, string? Before, string After, string? Reason)
{
    /// <summary>For a change of lead social worker: who led the plan before.</summary>
    public Guid? FormerLeadId { get; init; }

    public const int MaxReasonLength = 2_000;
}
