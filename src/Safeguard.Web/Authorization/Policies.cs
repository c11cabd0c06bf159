using Microsoft.AspNetCore.Authorization;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Account;

namespace Safeguard.Web.Authorization;

/// <summary>
/// Who may reach which feature. Until the legitimate-relationship rules land (access control issue), child
/// records are open only to staff of the local authority's children's social care, who hold the cases;
/// everyone else is refused rather than shown too much.
/// </summary>
public static class Policies
{
    public const string ChildrenSocialCare = nameof(ChildrenSocialCare);

    public const string AuditTrail = nameof(AuditTrail);

    /// <summary>
    /// Looking for a child's record, asking for access to it, breaking the glass: practitioners who work with children. Not
    /// administrators, analysts or the data protection officer, whose roles never open case records (even whether one exists).
    /// </summary>
    public const string WorksWithChildren = nameof(WorksWithChildren);

    /// <summary>Administrators of the area's accounts: add accounts, change roles, lock, reset two-factor authentication.</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>Who reads and changes the area's local protocol: a manager of children's social care, or an administrator with their second factor.</summary>
    public const string LocalProtocol = nameof(LocalProtocol);

    /// <summary>
    /// Who approves roles that reach case records for their agency: a social work qualified manager of children's social care, or a
    /// partner agency's named safeguarding lead; never an administrator. Which grants each may decide is checked on the grant.
    /// </summary>
    public const string AccessApprover = nameof(AccessApprover);

    /// <summary>
    /// The safeguarding partnership's members — its delegated safeguarding partners and child death review coordinators — reading its
    /// own records from any of its areas. No case record is reached through this.
    /// </summary>
    public const string PartnershipMember = nameof(PartnershipMember);

    /// <summary>Police who attend incidents: Operation Encompass notifications.</summary>
    public const string Police = nameof(Police);

    /// <summary>A school's, college's or early years setting's designated safeguarding lead.</summary>
    public const string DesignatedSafeguardingLead = nameof(DesignatedSafeguardingLead);

    public const string EncompassBasis = "The child's setting, told of a domestic abuse incident (Operation Encompass)";

    /// <summary>Deciding next steps on a referral, responding to escalations: social work qualified managers only (RC-01).</summary>
    public const string FrontDoorDecision = nameof(FrontDoorDecision);

    public const string ReferrerBasis = "The referrer, seeing their own referral and its outcome";

    /// <summary>The basis for a practitioner's own work list: children they lead, deadlines they answer for, escalations waiting for them.</summary>
    public const string OwnWorkBasis = "The practitioner's own work: children they lead and deadlines they answer for";

    public const string PoliceSenderBasis = "The police officer who sent the notification";

    /// <summary>UK GDPR requests (subject access, rectification, erasure) and the retention report: the data protection officer only.</summary>
    public const string DataProtection = nameof(DataProtection);

    public const string DataProtectionBasis = "Data protection officer answering a subject access request";

    public const string AuditTrailBasis = "Data protection officer reviewing who has looked at the record";

    /// <summary>The basis recorded in the audit trail for access under <see cref="ChildrenSocialCare"/>.</summary>
    public const string ChildrenSocialCareBasis = "Children's social care of the local authority holding the record";

    public static AuthorizationBuilder AddSafeguardPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ChildrenSocialCare, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.AgencyKindOf() == AgencyKind.LocalAuthorityChildrensSocialCare
            // Administrators and analysts work on accounts and figures, never on case records by their role alone.
            && !c.User.Has(PractitionerRole.Administrator)
            && !c.User.Has(PractitionerRole.Analyst)
            && !c.User.Has(PractitionerRole.DataProtectionOfficer)))
        .AddPolicy(WorksWithChildren, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            !c.User.Has(PractitionerRole.Administrator) && !c.User.Has(PractitionerRole.Analyst) && !c.User.Has(PractitionerRole.DataProtectionOfficer)))
        .AddPolicy(FrontDoorDecision, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.AgencyKindOf() == AgencyKind.LocalAuthorityChildrensSocialCare && c.User.Has(PractitionerRole.PracticeSupervisor)))
        .AddPolicy(AccessApprover, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            !c.User.Has(PractitionerRole.Administrator)
            && ((c.User.AgencyKindOf() == AgencyKind.LocalAuthorityChildrensSocialCare && c.User.Has(PractitionerRole.PracticeSupervisor))
                || (c.User.AgencyKindOf() != AgencyKind.LocalAuthorityChildrensSocialCare && c.User.Has(PractitionerRole.NamedSafeguardingLead)))))
        .AddPolicy(LocalProtocol, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            (c.User.Has(PractitionerRole.Administrator) && c.User.HasClaim(TwoFactor.MethodClaim, TwoFactor.Passed))
            || (c.User.AgencyKindOf() == AgencyKind.LocalAuthorityChildrensSocialCare && c.User.Has(PractitionerRole.PracticeSupervisor))))
        .AddPolicy(PartnershipMember, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.PartnershipId() is not null && Partnership.IsMember(c.User.PractitionerRoles())))
        .AddPolicy(Police, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.AgencyKindOf() is AgencyKind.Police or AgencyKind.BritishTransportPolice))
        .AddPolicy(DesignatedSafeguardingLead, p => p.RequireAuthenticatedUser().RequireRole(nameof(PractitionerRole.DesignatedSafeguardingLead)))
        .AddPolicy(AuditTrail, p => p.RequireAuthenticatedUser().RequireRole(nameof(PractitionerRole.DataProtectionOfficer)))
        .AddPolicy(DataProtection, p => p.RequireAuthenticatedUser().RequireRole(nameof(PractitionerRole.DataProtectionOfficer)))
        // The second factor is also enforced for administrators on every route (TwoFactor.UseTwoFactorForAdministrators).
        .AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireRole(nameof(PractitionerRole.Administrator))
            .RequireClaim(TwoFactor.MethodClaim, TwoFactor.Passed));
}
