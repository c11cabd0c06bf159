using Safeguard.Domain.Organisation;

namespace Safeguard.Data.Seeding;

/// <summary>
/// The synthetic demo area: a fictional local authority ("Northmoor", LA number 999, which the DfE never
/// issues) with its partners and agencies, and one demo account per role. Every name here is invented.
/// </summary>
public static class DemoArea
{
    public const string LaNumber = "999";
    public const string Name = "Northmoor";
    public const string Password = "Northmoor-demo-2026";
    public const string EmailDomain = "northmoor.example";

    public static readonly Guid AreaId = new("5a1e0000-0000-4000-8000-000000000999");

    /// <summary>The demo accounts: who signs in as which role, in which agency and team.</summary>
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("social.worker", "Amara", "Okafor", "Social worker", AgencyKind.LocalAuthorityChildrensSocialCare, "Front door", "SW104281",
            [PractitionerRole.SocialWorker]),
        new("manager", "Daniel", "Whitfield", "Team manager", AgencyKind.LocalAuthorityChildrensSocialCare, "Front door", "SW100377",
            [PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor]),
        new("family.help", "Priya", "Raman", "Family Help lead practitioner", AgencyKind.LocalAuthorityChildrensSocialCare, "Family Help north", null,
            []),
        new("chair", "Helen", "Marsh", "Independent reviewing officer", AgencyKind.LocalAuthorityChildrensSocialCare, "Child protection and review", "SW098812",
            [PractitionerRole.SocialWorker, PractitionerRole.ConferenceChair]),
        new("lado", "Gareth", "Pryce", "Local authority designated officer", AgencyKind.LocalAuthorityChildrensSocialCare, "Child protection and review", "SW090044",
            [PractitionerRole.SocialWorker, PractitionerRole.Lado]),
        new("dsl", "Fiona", "Castellano", "Deputy headteacher", AgencyKind.School, null, null,
            [PractitionerRole.DesignatedSafeguardingLead]),
        new("health.visitor", "Joy", "Adeyemi", "Health visitor", AgencyKind.HealthProvider, "Health visiting", null,
            []),
        new("police", "Tom", "Harrow", "Detective constable", AgencyKind.Police, "Public protection unit", null,
            []),
        new("partner", "Rachel", "Osei", "Head of public protection", AgencyKind.Police, "Public protection unit", null,
            [PractitionerRole.DelegatedSafeguardingPartner, PractitionerRole.NamedSafeguardingLead]),
        new("cdop", "Martin", "Lowe", "Child death review coordinator", AgencyKind.IntegratedCareBoard, "Safeguarding partnership", null,
            [PractitionerRole.ChildDeathReviewCoordinator]),
        new("analyst", "Siobhan", "Kerr", "Performance analyst", AgencyKind.LocalAuthorityChildrensSocialCare, "Performance", null,
            [PractitionerRole.Analyst]),
        new("dpo", "Nadia", "Farooq", "Data protection officer", AgencyKind.LocalAuthorityChildrensSocialCare, "Performance", null,
            [PractitionerRole.DataProtectionOfficer]),
        new("admin", "Kwame", "Mensah", "System administrator", AgencyKind.LocalAuthorityChildrensSocialCare, "Performance", null,
            [PractitionerRole.Administrator]),
    ];

    /// <summary>The agencies of the demo area, one per kind the guidance names, with invented names.</summary>
    public static readonly IReadOnlyList<(AgencyKind Kind, string Name, string[] Teams)> Agencies =
    [
        (AgencyKind.LocalAuthorityChildrensSocialCare, "Northmoor Council children's social care",
            ["Front door", "Family Help north", "Family Help south", "Child protection and review", "Children in care", "Performance"]),
        (AgencyKind.Police, "Northmoor Police", ["Public protection unit"]),
        (AgencyKind.BritishTransportPolice, "British Transport Police, Northmoor station", []),
        (AgencyKind.IntegratedCareBoard, "Northmoor Integrated Care Board", ["Safeguarding partnership"]),
        (AgencyKind.HealthProvider, "Northmoor Community Health NHS Trust", ["Health visiting", "School nursing"]),
        (AgencyKind.GeneralPractice, "Larkfield Surgery", []),
        (AgencyKind.School, "Millbrook Primary School", []),
        (AgencyKind.College, "Northmoor Sixth Form College", []),
        (AgencyKind.EarlyYears, "Little Acorns Nursery", []),
        (AgencyKind.Probation, "Northmoor Probation Delivery Unit", []),
        (AgencyKind.YouthJustice, "Northmoor Youth Justice Service", []),
        (AgencyKind.Housing, "Northmoor Homes", []),
        (AgencyKind.AdultSocialCare, "Northmoor Council adult social care", []),
        (AgencyKind.VoluntarySector, "Northmoor Family Support Trust", []),
        (AgencyKind.Nspcc, "NSPCC Northmoor service centre", []),
        (AgencyKind.Cafcass, "Cafcass, Northmoor team", []),
    ];

    public static string EmailOf(DemoAccount account) => $"{account.Login}@{EmailDomain}";
}

public sealed record DemoAccount(
    string Login,
    string GivenName,
    string FamilyName,
    string JobTitle,
    AgencyKind Agency,
    string? Team,
    string? Registration,
    PractitionerRole[] Roles);
