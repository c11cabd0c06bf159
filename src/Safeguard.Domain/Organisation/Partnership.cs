using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.Organisation;

/// <summary>
/// An agency that serves several local authority areas — a police force, an integrated care board, a national prison or
/// probation service, a national voluntary organisation — as one identity (chapter 2, MASA-02). In each area it serves it
/// has an <see cref="Agency"/> of that area pointing here; its practitioners act in an area through that area's agency.
/// </summary>
public sealed class CrossAreaAgency
{
    private CrossAreaAgency()
    {
        Name = string.Empty;
    }

    public CrossAreaAgency(Guid id, string name, AgencyKind kind, AgencyReach reach)
    {
        Require(!string.IsNullOrWhiteSpace(name), "SG-AGENCY-01", "Enter the agency's name.", nameof(Name));
        Require(Enum.IsDefined(kind), "SG-AGENCY-02", "Select what kind of agency it is.", nameof(Kind));
        Require(Enum.IsDefined(reach), "SG-AGENCY-03", "Select which areas the agency serves.", nameof(Reach));
        Id = id;
        Name = name.Trim();
        Kind = kind;
        Reach = reach;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public AgencyKind Kind { get; private set; }

    public AgencyReach Reach { get; private set; }
}

/// <summary>Which areas an agency serving several areas covers.</summary>
public enum AgencyReach
{
    /// <summary>Several neighbouring areas: a police force, an integrated care board.</summary>
    SeveralAreas,

    /// <summary>Every area: a national prison or probation service, a national voluntary organisation.</summary>
    National,
}

/// <summary>
/// A safeguarding partnership (MASA-02): the arrangements one or more local authority areas make with their integrated care
/// board and chief officer of police. Its lead partners are the local authority of each of its areas, the integrated care
/// board and the police force. Its own records (its published arrangements, and later its scrutiny, learning and yearly
/// report) belong to it and are read by its members from any of its areas; each area's case records stay in their area.
/// </summary>
public sealed class Partnership
{
    private readonly List<PartnershipArea> _areas = [];

    private Partnership()
    {
        Name = string.Empty;
    }

    public Partnership(Guid id, string name, CrossAreaAgency integratedCareBoard, CrossAreaAgency policeForce, IEnumerable<Guid> areaIds)
    {
        ArgumentNullException.ThrowIfNull(integratedCareBoard);
        ArgumentNullException.ThrowIfNull(policeForce);
        Require(!string.IsNullOrWhiteSpace(name), "SG-PARTNERSHIP-01", "Enter the partnership's name.", nameof(Name));
        Require(integratedCareBoard.Kind == AgencyKind.IntegratedCareBoard, "MASA-02",
            "A partnership's lead partners are the local authorities, an integrated care board and a police force: choose an integrated care board.",
            nameof(IntegratedCareBoardId));
        Require(policeForce.Kind == AgencyKind.Police, "MASA-02",
            "A partnership's lead partners are the local authorities, an integrated care board and a police force: choose a police force.",
            nameof(PoliceForceId));
        var areas = areaIds.Distinct().ToList();
        Require(areas.Count > 0, "MASA-02", "A partnership covers at least one local authority area.", "AreaIds");
        Id = id;
        Name = name.Trim();
        IntegratedCareBoardId = integratedCareBoard.Id;
        PoliceForceId = policeForce.Id;
        _areas.AddRange(areas.Select(a => new PartnershipArea(id, a)));
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The integrated care board among the lead partners.</summary>
    public Guid IntegratedCareBoardId { get; private set; }

    /// <summary>The police force among the lead partners.</summary>
    public Guid PoliceForceId { get; private set; }

    /// <summary>The local authority areas the partnership covers; each local authority is a lead partner.</summary>
    public IReadOnlyList<PartnershipArea> Areas => _areas;

    /// <summary>Who works for the partnership across its areas: its delegated safeguarding partners and child death review coordinators.</summary>
    public static bool IsMember(IEnumerable<PractitionerRole> roles) =>
        roles.Any(r => r is PractitionerRole.DelegatedSafeguardingPartner or PractitionerRole.ChildDeathReviewCoordinator);

    /// <summary>Who records the partnership's own records: its delegated safeguarding partners.</summary>
    public static bool MayRecord(IEnumerable<PractitionerRole> roles) => roles.Contains(PractitionerRole.DelegatedSafeguardingPartner);
}

/// <summary>A local authority area in a partnership: an area belongs to one partnership.</summary>
public sealed class PartnershipArea
{
    private PartnershipArea()
    {
    }

    public PartnershipArea(Guid partnershipId, Guid areaId)
    {
        PartnershipId = partnershipId;
        AreaId = areaId;
    }

    public Guid PartnershipId { get; private set; }

    public Guid AreaId { get; private set; }
}

/// <summary>
/// An account's membership of an area other than its own: it acts there as <see cref="PractitionerId"/>, a practitioner of
/// that area (of that area's agency standing for the agency it works for), with that practitioner's roles there. The
/// account works in one area at a time, chosen; what it does is audited in the area it works in.
/// </summary>
public sealed class AreaMembership
{
    private AreaMembership()
    {
    }

    public AreaMembership(Guid id, Guid accountId, Practitioner practitioner, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(practitioner);
        Id = id;
        AreaId = practitioner.AreaId;
        AccountId = accountId;
        PractitionerId = practitioner.Id;
        Since = since;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid AccountId { get; private set; }

    public Guid PractitionerId { get; private set; }

    public DateTimeOffset Since { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsCurrent => EndedAt is null;

    public void End(DateTimeOffset at) => EndedAt ??= at;
}

/// <summary>
/// The partnership's published arrangements (MASA-02, MASA-18): a reference to the document the partners published —
/// its title, when, and where it is — kept by the partnership, not by one area. Recorded in an area, by a practitioner
/// of that area, and audited there.
/// </summary>
public sealed class PublishedArrangements
{
    public const int MaxTitleLength = 200;
    public const int MaxLinkLength = 500;

    private PublishedArrangements()
    {
        Title = Link = string.Empty;
    }

    public PublishedArrangements(Guid id, Guid partnershipId, string title, DateOnly publishedOn, string link, Guid recordedInAreaId,
        Guid recordedBy, DateTimeOffset recordedAt, DateOnly today)
    {
        Require(!string.IsNullOrWhiteSpace(title), "MASA-02", "Enter the title of the published arrangements.", nameof(Title));
        Require(title.Trim().Length <= MaxTitleLength, "MASA-02", $"The title must be {MaxTitleLength} characters or fewer.", nameof(Title));
        Require(publishedOn <= today, "SG-PARTNERSHIP-02", "The date published must be today or in the past.", nameof(PublishedOn));
        Require(Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && link!.Trim().Length <= MaxLinkLength,
            "SG-PARTNERSHIP-03", "Enter the web address where the arrangements are published, like https://www.example.org/arrangements.", nameof(Link));
        Id = id;
        PartnershipId = partnershipId;
        Title = title.Trim();
        PublishedOn = publishedOn;
        Link = link!.Trim();
        RecordedInAreaId = recordedInAreaId;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public string Title { get; private set; }

    public DateOnly PublishedOn { get; private set; }

    public string Link { get; private set; }

    /// <summary>The area the practitioner who recorded it was working in: where the act is audited.</summary>
    public Guid RecordedInAreaId { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
