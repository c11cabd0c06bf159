namespace Safeguard.Domain.Organisation;

/// <summary>
/// The roles the guidance's rules depend on. A practitioner may hold several (a social worker who also chairs
/// conferences). What a role allows is decided where the rule lives, by its rule id; this list only names them.
/// </summary>
public enum PractitionerRole
{
    /// <summary>Anyone who works with children: may raise a concern and take part in meetings they are invited to.</summary>
    Practitioner,

    /// <summary>A registered social worker (Social Work England).</summary>
    SocialWorker,

    /// <summary>A social work qualified practice supervisor or manager (RC-01): decides next steps, allocates, approves.</summary>
    PracticeSupervisor,

    /// <summary>Chairs child protection conferences; must be independent of the case's management (RC-06).</summary>
    ConferenceChair,

    /// <summary>Local authority designated officer for allegations against people who work with children.</summary>
    Lado,

    /// <summary>The designated safeguarding lead of a school, college or early years setting.</summary>
    DesignatedSafeguardingLead,

    /// <summary>A delegated safeguarding partner of the local authority, the ICB or the police (chapter 2).</summary>
    DelegatedSafeguardingPartner,

    ChildDeathReviewCoordinator,

    /// <summary>Performance and statutory returns; sees figures, not case records.</summary>
    Analyst,

    /// <summary>Manages users, agencies and teams; has no access to case records through this role alone.</summary>
    Administrator,

    /// <summary>
    /// The data protection officer, and auditors acting for them: see who has looked at a child's record and answer
    /// data protection requests. Sees the audit trail, not the case record itself.
    /// </summary>
    DataProtectionOfficer,

    /// <summary>
    /// A partner agency's named safeguarding lead: approves who in their agency is given a role that reaches case records
    /// (children's social care's social work qualified managers do it for their service).
    /// </summary>
    NamedSafeguardingLead,
}

public static class PractitionerRoles
{
    public static string DisplayName(this PractitionerRole role) => role switch
    {
        PractitionerRole.Practitioner => "Practitioner",
        PractitionerRole.SocialWorker => "Social worker",
        PractitionerRole.PracticeSupervisor => "Practice supervisor or manager (social work qualified)",
        PractitionerRole.ConferenceChair => "Conference chair",
        PractitionerRole.Lado => "Local authority designated officer (LADO)",
        PractitionerRole.DesignatedSafeguardingLead => "Designated safeguarding lead",
        PractitionerRole.DelegatedSafeguardingPartner => "Delegated safeguarding partner",
        PractitionerRole.ChildDeathReviewCoordinator => "Child death review coordinator",
        PractitionerRole.Analyst => "Performance analyst",
        PractitionerRole.Administrator => "Administrator",
        PractitionerRole.DataProtectionOfficer => "Data protection officer",
        PractitionerRole.NamedSafeguardingLead => "Named safeguarding lead (approves access for the agency)",
        _ => role.ToString(),
    };
}
