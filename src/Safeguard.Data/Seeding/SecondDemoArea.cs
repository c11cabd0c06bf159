using Safeguard.Domain.Organisation;

namespace Safeguard.Data.Seeding;

/// <summary>
/// The second synthetic demo area, in the same safeguarding partnership as <see cref="DemoArea"/>: a fictional local authority
/// ("Eastwold", LA number 998, which the DfE never issues) served by the same police force and integrated care board, so every
/// journey across areas can be walked. Every name here is invented, as in Northmoor.
/// </summary>
public static class SecondDemoArea
{
    public const string LaNumber = "998";
    public const string Name = "Eastwold";
    public const string EmailDomain = "eastwold.example";

    public static readonly Guid AreaId = new("5a1e0000-0000-4000-8000-000000000998");

    public static readonly Guid PartnershipId = new("5a1e0000-0000-4000-8000-00000000a999");

    public const string PartnershipName = "Northmoor and Eastwold Safeguarding Children Partnership";

    /// <summary>The agencies serving both areas (and the national one serving every area), each one identity.</summary>
    public static readonly IReadOnlyList<(AgencyKind Kind, string Name, AgencyReach Reach)> CrossAreaAgencies =
    [
        (AgencyKind.Police, "Northmoor Police", AgencyReach.SeveralAreas),
        (AgencyKind.IntegratedCareBoard, "Northmoor Integrated Care Board", AgencyReach.SeveralAreas),
        (AgencyKind.Prison, "HM Prison Greyfield (national prison service)", AgencyReach.National),
    ];

    /// <summary>Eastwold's own agencies; the police force and integrated care board are the ones Northmoor has, present here too.</summary>
    public static readonly IReadOnlyList<(AgencyKind Kind, string Name, string[] Teams)> Agencies =
    [
        (AgencyKind.LocalAuthorityChildrensSocialCare, "Eastwold Council children's social care", ["Front door", "Child protection and review"]),
        (AgencyKind.Police, "Northmoor Police", ["Public protection unit"]),
        (AgencyKind.IntegratedCareBoard, "Northmoor Integrated Care Board", ["Safeguarding partnership"]),
        (AgencyKind.Prison, "HM Prison Greyfield (national prison service)", []),
        (AgencyKind.School, "Saltmarsh Primary School", []),
    ];

    /// <summary>Eastwold's own demo accounts, in its own domain.</summary>
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("social.worker", "Idris", "Pennant", "Social worker", AgencyKind.LocalAuthorityChildrensSocialCare, "Front door", "SW204281",
            [PractitionerRole.SocialWorker]),
        new("manager", "Margot", "Ellery", "Team manager", AgencyKind.LocalAuthorityChildrensSocialCare, "Front door", "SW200377",
            [PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor]),
    ];

    /// <summary>
    /// Accounts working in both areas, each with its own area (Northmoor, where the account is kept) and a membership of Eastwold,
    /// acting there as a practitioner of Eastwold's agency standing for the same agency.
    /// </summary>
    public static readonly IReadOnlyList<DemoAccount> MultiAreaAccounts =
    [
        // A member of the partnership in both areas: reads the partnership's records from either, no case record of either.
        new("partnership", "Eleanor", "Vance", "Partnership business manager", AgencyKind.IntegratedCareBoard, "Safeguarding partnership", null,
            [PractitionerRole.DelegatedSafeguardingPartner]),
        // A force-wide police officer: works in one area at a time, never seeing one area's records from the other.
        new("force.police", "Owen", "Radley", "Detective sergeant, force public protection", AgencyKind.Police, "Public protection unit", null,
            []),
        // An officer of the national prison service, serving every area.
        new("prison", "Bernard", "Achebe", "Prison offender manager", AgencyKind.Prison, null, null,
            []),
    ];

    public static string EmailOf(DemoAccount account) => $"{account.Login}@{EmailDomain}";
}
