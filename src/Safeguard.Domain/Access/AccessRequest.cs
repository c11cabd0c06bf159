using Safeguard.Domain.Children;
using Safeguard.Domain.Organisation;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.Access;

public enum AccessRequestStatus
{
    Waiting,
    Granted,
    Refused,
}

/// <summary>
/// "Request access": a practitioner with no relationship with a child, who needs to see the child's record but not in an
/// emergency, asks for it with what they need it for and for how long. A social work qualified manager of the area —
/// the case's manager when the child has an allocated case — grants it (for as long as asked or less) or refuses it,
/// with reasons; the requester cannot decide their own request. Granted access ends on its own at <see cref="Until"/>.
/// </summary>
public sealed class AccessRequest
{
    public const int MinReasonLength = 20;
    public const int MaxReasonLength = 2_000;

    /// <summary>The longest access a request can ask for: a piece of work, not a standing relationship.</summary>
    public const int MaxDays = 30;

    /// <summary>What the request form suggests.</summary>
    public const int DefaultDays = 14;

    private AccessRequest()
    {
        Reason = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid RequestedBy { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>What the requester needs the record for: written on every audit row while the access lasts.</summary>
    public string Reason { get; private set; }

    public int DaysRequested { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The manager of the child's case, who is asked; null when the child has no allocated case (any manager of the area decides).</summary>
    public Guid? DecideBy { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why the manager granted (or granted for less time) or refused.</summary>
    public string? DecisionReasons { get; private set; }

    /// <summary>When granted access ends; null while waiting and when refused.</summary>
    public DateTimeOffset? Until { get; private set; }

    public AccessRequestStatus Status => DecidedAt is null ? AccessRequestStatus.Waiting
        : Until is null ? AccessRequestStatus.Refused : AccessRequestStatus.Granted;

    public bool IsActive(DateTimeOffset now) => Until is { } until && now < until;

    public static AccessRequest Ask(Guid id, Child child, Practitioner requester, string reason, int days, DateTimeOffset at, Guid? decideBy)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(requester);
        Require(child.AreaId == requester.AreaId, "SG-AC-01", "The child's record is in another area.");
        Require(child.MergedIntoId is null, "SG-AC-02", "This record was merged into another: ask for access to that one.");
        Require(!requester.Has(PractitionerRole.Administrator) && !requester.Has(PractitionerRole.Analyst)
            && !requester.Has(PractitionerRole.DataProtectionOfficer), "SG-AC-03",
            "Administrators, analysts and the data protection officer do not open case records.");
        var text = reason?.Trim() ?? string.Empty;
        Require(text.Length >= MinReasonLength, "SG-AC-04",
            $"Say what you need this child's record for ({MinReasonLength} characters or more). The manager of the child's case reads it, and it is recorded with every look.",
            nameof(Reason));
        Require(text.Length <= MaxReasonLength, "SG-AC-04", $"The reason must be {MaxReasonLength:N0} characters or fewer.", nameof(Reason));
        Require(days is >= 1 and <= MaxDays, "SG-AC-05", $"Ask for access for between 1 and {MaxDays} days.", nameof(DaysRequested));
        return new AccessRequest
        {
            Id = id,
            AreaId = child.AreaId,
            ChildId = child.Id,
            RequestedBy = requester.Id,
            AgencyId = requester.AgencyId,
            Reason = text,
            DaysRequested = days,
            RequestedAt = at,
            DecideBy = decideBy,
        };
    }

    /// <summary>The manager grants access for <paramref name="days"/> days from now: as long as asked, or less.</summary>
    public void Grant(Practitioner manager, int days, string reasons, DateTimeOffset at)
    {
        CheckDecider(manager, reasons);
        Require(days >= 1 && days <= DaysRequested, "SG-AC-05",
            $"Grant access for between 1 and {DaysRequested} days: no longer than was asked for.", nameof(DaysRequested));
        Decide(manager, reasons, at);
        Until = at + TimeSpan.FromDays(days);
    }

    public void Refuse(Practitioner manager, string reasons, DateTimeOffset at)
    {
        CheckDecider(manager, reasons);
        Decide(manager, reasons, at);
    }

    private void CheckDecider(Practitioner manager, string reasons)
    {
        ArgumentNullException.ThrowIfNull(manager);
        Require(manager.AreaId == AreaId && manager.Has(PractitionerRole.PracticeSupervisor), "RC-01",
            "Only a social work qualified practice supervisor or manager of the area decides a request for access.");
        Require(manager.Id != RequestedBy, "SG-AC-06", "You cannot decide your own request for access: another manager decides it.");
        Require(DecidedAt is null, "SG-AC-07", "This request has already been decided.");
        Require(!string.IsNullOrWhiteSpace(reasons) && reasons.Trim().Length <= MaxReasonLength, "SG-AC-08",
            "Give your reasons: why access is granted (and for how long), or why it is refused.", nameof(DecisionReasons));
    }

    private void Decide(Practitioner manager, string reasons, DateTimeOffset at)
    {
        DecidedBy = manager.Id;
        DecidedAt = at;
        DecisionReasons = reasons.Trim();
    }
}
