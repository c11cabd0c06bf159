namespace Safeguard.Data.Audit;

/// <summary>What was done with a record of personal data.</summary>
public enum AuditAction
{
    Read,
    Searched,
    Created,
    Changed,
    Removed,
    BreakGlass,
}

/// <summary>
/// One look at, or change to, personal data: who (user, practitioner, agency), when, what (the record and the
/// child it is about), why (the basis for access) and from where. Rows are only ever added: on both databases a
/// trigger refuses UPDATE and DELETE, for the application's own connection too.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }

    public Guid? AreaId { get; init; }

    public DateTimeOffset At { get; init; }

    public Guid? UserId { get; init; }

    public Guid? PractitionerId { get; init; }

    public Guid? AgencyId { get; init; }

    public AuditAction Action { get; init; }

    /// <summary>The kind of record, e.g. "Child", "FamilyMember".</summary>
    public required string RecordType { get; init; }

    public Guid? RecordId { get; init; }

    /// <summary>The child the record is about, so that "who has looked at this child's record" is one query.</summary>
    public Guid? ChildId { get; init; }

    /// <summary>Why the actor could see or change it: their relationship with the child, or a break-glass reason.</summary>
    public string? Basis { get; init; }

    /// <summary>An IP address, or the operator command that acted.</summary>
    public string? Origin { get; init; }

    public string? Detail { get; init; }
}
