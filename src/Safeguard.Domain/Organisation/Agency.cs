using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.Organisation;

/// <summary>The kinds of organisation the guidance names as safeguarding partners and relevant agencies.</summary>
public enum AgencyKind
{
    LocalAuthorityChildrensSocialCare,
    Police,
    BritishTransportPolice,
    IntegratedCareBoard,
    HealthProvider,
    GeneralPractice,
    School,
    College,
    EarlyYears,
    Probation,
    YouthJustice,
    Housing,
    AdultSocialCare,
    VoluntarySector,
    Nspcc,
    Cafcass,

    /// <summary>A prison or young offender institution: part of a national service, serving every area.</summary>
    Prison,
}

public sealed class Agency
{
    private Agency()
    {
        Name = string.Empty;
    }

    public Agency(Guid id, Guid areaId, string name, AgencyKind kind)
    {
        Require(!string.IsNullOrWhiteSpace(name), "SG-AGENCY-01", "Enter the agency's name.", nameof(Name));
        Id = id;
        AreaId = areaId;
        Name = name.Trim();
        Kind = kind;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public string Name { get; private set; }

    public AgencyKind Kind { get; private set; }

    /// <summary>
    /// For an agency serving several areas (a police force, an integrated care board, a national service): its one identity,
    /// of which this is its presence in this area. Null for an agency of this area alone.
    /// </summary>
    public Guid? CrossAreaAgencyId { get; private set; }

    /// <summary>Says this is, in this area, the agency serving several areas given.</summary>
    public void Serves(CrossAreaAgency identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        Require(identity.Kind == Kind, "SG-AGENCY-04", "The agency in this area must be of the same kind as the agency serving several areas.");
        CrossAreaAgencyId = identity.Id;
    }

    /// <summary>The three safeguarding partners of chapter 2: the local authority, the ICB and the police.</summary>
    public bool IsSafeguardingPartner => Kind is AgencyKind.LocalAuthorityChildrensSocialCare
        or AgencyKind.IntegratedCareBoard or AgencyKind.Police;

    /// <summary>Schools, colleges and early years settings have a designated safeguarding lead.</summary>
    public bool IsEducationOrChildcare => Kind is AgencyKind.School or AgencyKind.College or AgencyKind.EarlyYears;
}

public sealed class Team
{
    private Team()
    {
        Name = string.Empty;
    }

    public Team(Guid id, Guid areaId, Guid agencyId, string name)
    {
        Require(!string.IsNullOrWhiteSpace(name), "SG-TEAM-01", "Enter the team's name.", nameof(Name));
        Id = id;
        AreaId = areaId;
        AgencyId = agencyId;
        Name = name.Trim();
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Name { get; private set; }
}
