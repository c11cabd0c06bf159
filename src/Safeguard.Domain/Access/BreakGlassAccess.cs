using Safeguard.Domain.Children;
using Safeguard.Domain.Organisation;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.Access;

/// <summary>
/// "Break glass": a practitioner with no relationship with a child needs to see the child's record now (a police
/// officer at a door at night, an A&amp;E doctor). They give their reason, which is recorded with every look, the access
/// lasts a few hours only, and the manager of the child's case is alerted and reviews it.
/// </summary>
public sealed class BreakGlassAccess
{
    public const int MinReasonLength = 20;
    public const int MaxReasonLength = 2_000;

    /// <summary>How long a break-glass access lasts: long enough for the emergency, not a standing relationship.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromHours(8);

    private BreakGlassAccess()
    {
        Reason = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid PractitionerId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset At { get; private set; }

    public DateTimeOffset Until { get; private set; }

    /// <summary>The manager of the child's case, who is alerted; null when the child has no allocated case (any manager reviews it).</summary>
    public Guid? AlertTo { get; private set; }

    public Guid? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>What the manager concluded: justified, or followed up (with the practitioner's agency, the data protection officer).</summary>
    public string? ReviewNote { get; private set; }

    public bool IsActive(DateTimeOffset now) => now < Until;

    public static BreakGlassAccess Open(Guid id, Child child, Practitioner practitioner, string reason, DateTimeOffset at, Guid? alertTo)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(practitioner);
        Require(child.AreaId == practitioner.AreaId, "SG-BG-01", "The child's record is in another area.");
        Require(child.MergedIntoId is null, "SG-BG-02", "This record was merged into another: open that one.");
        var text = reason?.Trim() ?? string.Empty;
        Require(text.Length >= MinReasonLength, "SG-BG-03",
            $"Say why you need to see this child's record now ({MinReasonLength} characters or more). Your reason is recorded with every look and the case's manager is told.",
            nameof(Reason));
        Require(text.Length <= MaxReasonLength, "SG-BG-03", $"The reason must be {MaxReasonLength:N0} characters or fewer.", nameof(Reason));
        return new BreakGlassAccess
        {
            Id = id,
            AreaId = child.AreaId,
            ChildId = child.Id,
            PractitionerId = practitioner.Id,
            AgencyId = practitioner.AgencyId,
            Reason = text,
            At = at,
            Until = at + Duration,
            AlertTo = alertTo,
        };
    }

    /// <summary>A social work qualified manager reviews the access and records what they concluded.</summary>
    public void Review(Practitioner manager, string note, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(manager);
        Require(manager.AreaId == AreaId && manager.Has(PractitionerRole.PracticeSupervisor), "RC-01",
            "Only a social work qualified practice supervisor or manager reviews a break-glass access.");
        Require(ReviewedAt is null, "SG-BG-04", "This access has already been reviewed.");
        Require(!string.IsNullOrWhiteSpace(note) && note.Length <= MaxReasonLength, "SG-BG-05",
            "Record what you concluded: justified, or what you have followed up.", nameof(ReviewNote));
        ReviewedBy = manager.Id;
        ReviewedAt = at;
        ReviewNote = note.Trim();
    }
}
