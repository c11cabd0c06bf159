using Safeguard.Domain.Clocks;

namespace Safeguard.Data.Clocks;

/// <summary>
/// A statutory clock as stored, so that "what is due or overdue" is one indexed query however many children there
/// are. Written in the same SaveChanges as the change that moved it (<see cref="ClockInterceptor"/>). Whether an open
/// clock is overdue depends on today, so that is read from <see cref="DueOn"/> at query time, never stored.
/// </summary>
public sealed class ClockRecord
{
    public Guid Id { get; set; }

    public Guid AreaId { get; set; }

    public required string RuleId { get; set; }

    /// <summary>The record the clock belongs to (a referral, an episode, a plan).</summary>
    public Guid SubjectId { get; set; }

    public Guid? ChildId { get; set; }

    /// <summary>The child's episode the subject belongs to, where the work is done (the assessment, the visits).</summary>
    public Guid? EpisodeId { get; set; }

    public DateOnly StartedOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public DateOnly? CompletedOn { get; set; }

    /// <summary>Open: neither met nor stopped. Only open clocks can be due or overdue.</summary>
    public bool IsOpen { get; set; }

    /// <summary>The outcome once closed (Met, MetLate, Stopped); Running or Urgent while open.</summary>
    public ClockStatus Status { get; set; }

    public bool ReasonRecorded { get; set; }

    /// <summary>Who must act: a role (e.g. PracticeSupervisor), and the practitioner or team once allocated.</summary>
    public required string ResponsibleRole { get; set; }

    public Guid? ResponsibleTeamId { get; set; }

    public Guid? ResponsiblePractitionerId { get; set; }

    /// <summary>The same clock keeps the same id whenever it is recomputed.</summary>
    public static Guid IdFor(Guid subjectId, string ruleId, DateOnly startedOn)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{subjectId}:{ruleId}:{startedOn:yyyy-MM-dd}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
