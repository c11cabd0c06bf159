using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.Organisation;

/// <summary>
/// Someone who works with children in one of the area's agencies. Sign-in accounts point at a practitioner;
/// the rules about who may decide, allocate, lead or chair read the practitioner's roles and registration.
/// </summary>
public sealed class Practitioner
{
    private readonly List<PractitionerRole> _roles = [];

    private Practitioner()
    {
        GivenName = FamilyName = Email = JobTitle = string.Empty;
    }

    public Practitioner(Guid id, Agency agency, Guid? teamId, string givenName, string familyName, string email,
        string jobTitle, SocialWorkRegistration? registration = null)
    {
        Require(!string.IsNullOrWhiteSpace(givenName), "SG-PRAC-01", "Enter the practitioner's first name.", nameof(GivenName));
        Require(!string.IsNullOrWhiteSpace(familyName), "SG-PRAC-01", "Enter the practitioner's last name.", nameof(FamilyName));
        Require(email.Contains('@', StringComparison.Ordinal), "SG-PRAC-02",
            "Enter an email address in the correct format, like name@example.org.", nameof(Email));
        Id = id;
        AreaId = agency.AreaId;
        AgencyId = agency.Id;
        TeamId = teamId;
        GivenName = givenName.Trim();
        FamilyName = familyName.Trim();
        Email = email.Trim();
        JobTitle = jobTitle.Trim();
        Registration = registration?.Number;
        _roles.Add(PractitionerRole.Practitioner);
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid? TeamId { get; private set; }

    public string GivenName { get; private set; }

    public string FamilyName { get; private set; }

    public string FullName => $"{GivenName} {FamilyName}";

    public string Email { get; private set; }

    public string JobTitle { get; private set; }

    /// <summary>Social Work England registration number, if the practitioner is a registered social worker.</summary>
    public string? Registration { get; private set; }

    public IReadOnlyList<PractitionerRole> Roles => _roles;

    /// <summary>"Social work qualified" (Introduction): qualified in social work, shown here by registration.</summary>
    public bool IsSocialWorkQualified => Registration is not null;

    public bool Has(PractitionerRole role) => _roles.Contains(role);

    /// <summary>
    /// Gives the practitioner a role, refusing roles the guidance reserves: a social worker and a practice
    /// supervisor or manager must be social work qualified (RC-01, RC-04); a designated safeguarding lead
    /// belongs to a school, college or early years setting; a delegated safeguarding partner to one of the
    /// three safeguarding partners (chapter 2).
    /// </summary>
    public void Grant(PractitionerRole role, Agency agency)
    {
        Require(agency.Id == AgencyId, "SG-PRAC-04", "The agency given is not the practitioner's agency.");
        if (role is PractitionerRole.SocialWorker or PractitionerRole.PracticeSupervisor)
        {
            Require(IsSocialWorkQualified, "RC-01",
                $"{role.DisplayName()} must be social work qualified: record their Social Work England registration first.",
                nameof(Registration));
        }

        if (role is PractitionerRole.DesignatedSafeguardingLead)
        {
            Require(agency.IsEducationOrChildcare, "SG-PRAC-05",
                "A designated safeguarding lead works in a school, college or early years setting.");
        }

        if (role is PractitionerRole.DelegatedSafeguardingPartner)
        {
            Require(agency.IsSafeguardingPartner, "SG-PRAC-06",
                "A delegated safeguarding partner acts for the local authority, the integrated care board or the police.");
        }

        if (role is PractitionerRole.NamedSafeguardingLead)
        {
            Require(agency.Kind != AgencyKind.LocalAuthorityChildrensSocialCare, "SG-PRAC-08",
                "A named safeguarding lead approves access for a partner agency; in children's social care a social work qualified manager does.");
        }

        if (!_roles.Contains(role))
        {
            _roles.Add(role);
        }
    }

    public void Revoke(PractitionerRole role)
    {
        Require(role != PractitionerRole.Practitioner, "SG-PRAC-07",
            "Everyone who works with children keeps the practitioner role.");
        _roles.Remove(role);
    }

    public void RecordRegistration(SocialWorkRegistration registration) => Registration = registration.Number;
}
