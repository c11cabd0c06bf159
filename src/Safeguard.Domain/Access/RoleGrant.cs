using Safeguard.Domain.Organisation;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.Access;

public enum RoleGrantStatus
{
    /// <summary>Asked for, not yet decided: the roles asked for have no effect.</summary>
    Waiting,
    Approved,
    Rejected,
}

/// <summary>
/// Giving an account roles that reach children's case records (<see cref="CaseRoles"/>) — a new account, or a change to one —
/// takes a second person, who sees who asked and approves before anything takes effect: for children's social care a social
/// work qualified manager of that service, for a partner agency its named safeguarding lead. Whoever asked cannot approve, nor
/// can the account's own holder, nor any administrator (SG-GRANT-01 to SG-GRANT-06). A waiting grant changes nothing; approving it
/// gives the account exactly the roles asked for; a rejection is kept with its reason.
/// </summary>
public sealed class RoleGrant
{
    public const int MaxReasonLength = 2_000;

    private readonly List<PractitionerRole> _roles = [];

    private RoleGrant()
    {
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    /// <summary>The practitioner whose account is given the roles.</summary>
    public Guid PractitionerId { get; private set; }

    /// <summary>Their agency, which decides who approves.</summary>
    public Guid AgencyId { get; private set; }

    /// <summary>The roles the account holds once approved (all of them, not only those added).</summary>
    public IReadOnlyList<PractitionerRole> Roles => _roles;

    /// <summary>The account is new: it has no password yet, and approving it issues the one-time link to set one.</summary>
    public bool NewAccount { get; private set; }

    /// <summary>Who asked (an administrator's practitioner record); null when it was done on the server by the operator command.</summary>
    public Guid? RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why it was rejected; or, for a grant made on the server, how.</summary>
    public string? Reason { get; private set; }

    /// <summary>When the one-time link to set a password, shown to the approver, stops working; null when none was issued.</summary>
    public DateTimeOffset? LinkExpiresAt { get; private set; }

    public RoleGrantStatus Status { get; private set; }

    /// <summary>Asks for <paramref name="roles"/> (the account's whole set once approved) to be given to <paramref name="subject"/>'s account.</summary>
    public static RoleGrant Ask(Guid id, Practitioner subject, Agency agency, IEnumerable<PractitionerRole> roles, bool newAccount, Guid? requestedBy,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(agency);
        Require(agency.Id == subject.AgencyId, "SG-PRAC-04", "The agency given is not the practitioner's agency.");
        var grant = new RoleGrant
        {
            Id = id,
            AreaId = subject.AreaId,
            PractitionerId = subject.Id,
            AgencyId = subject.AgencyId,
            NewAccount = newAccount,
            RequestedBy = requestedBy,
            RequestedAt = at,
            Status = RoleGrantStatus.Waiting,
        };
        grant._roles.AddRange(roles.Append(PractitionerRole.Practitioner).Distinct().Order());
        return grant;
    }

    /// <summary>
    /// A grant made on the server by the operator command (the first approver of an area), recorded as approved there and then:
    /// nobody signed in asked or approved, and the audit trail names the command.
    /// </summary>
    public static RoleGrant MadeOnServer(Guid id, Practitioner subject, Agency agency, string how, DateTimeOffset at)
    {
        var grant = Ask(id, subject, agency, subject.Roles, newAccount: true, requestedBy: null, at);
        grant.Status = RoleGrantStatus.Approved;
        grant.DecidedAt = at;
        grant.Reason = how;
        return grant;
    }

    /// <summary>
    /// Whether <paramref name="approver"/> is the kind of person who approves grants for <paramref name="agency"/>: in children's social
    /// care a social work qualified manager of that service; in a partner agency its named safeguarding lead. Never an administrator.
    /// </summary>
    public static bool IsApproverFor(Practitioner approver, Agency agency)
    {
        ArgumentNullException.ThrowIfNull(approver);
        ArgumentNullException.ThrowIfNull(agency);
        if (approver.Has(PractitionerRole.Administrator) || approver.AgencyId != agency.Id || approver.AreaId != agency.AreaId)
        {
            return false;
        }

        return agency.Kind == AgencyKind.LocalAuthorityChildrensSocialCare
            ? approver.Has(PractitionerRole.PracticeSupervisor) && approver.IsSocialWorkQualified
            : approver.Has(PractitionerRole.NamedSafeguardingLead);
    }

    /// <summary>Approves the grant and gives the account exactly the roles asked for.</summary>
    public void Approve(Practitioner approver, Practitioner subject, Agency agency, DateTimeOffset at)
    {
        CheckDecider(approver, subject, agency);
        foreach (var role in subject.Roles.Where(r => r != PractitionerRole.Practitioner && !_roles.Contains(r)).ToList())
        {
            subject.Revoke(role);
        }

        foreach (var role in _roles)
        {
            subject.Grant(role, agency);
        }

        Status = RoleGrantStatus.Approved;
        DecidedBy = approver.Id;
        DecidedAt = at;
    }

    public void Reject(Practitioner approver, Practitioner subject, Agency agency, string? reason, DateTimeOffset at)
    {
        CheckDecider(approver, subject, agency);
        var text = reason?.Trim() ?? string.Empty;
        Require(text.Length > 0, "SG-GRANT-05", "Enter why you are rejecting it", nameof(Reason));
        Require(text.Length <= MaxReasonLength, "SG-GRANT-05", $"The reason must be {MaxReasonLength} characters or fewer", nameof(Reason));
        Status = RoleGrantStatus.Rejected;
        DecidedBy = approver.Id;
        DecidedAt = at;
        Reason = text;
    }

    /// <summary>Records that the one-time link to set the account's password was issued to the approver, and when it stops working.</summary>
    public void LinkIssued(DateTimeOffset expiresAt)
    {
        Require(Status == RoleGrantStatus.Approved, "SG-GRANT-04", "A link is issued only once the account is approved.");
        LinkExpiresAt = expiresAt;
    }

    private void CheckDecider(Practitioner approver, Practitioner subject, Agency agency)
    {
        ArgumentNullException.ThrowIfNull(approver);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(agency);
        Require(subject.Id == PractitionerId && agency.Id == AgencyId, "SG-GRANT-04", "This is not the account the grant is for.");
        Require(Status == RoleGrantStatus.Waiting, "SG-GRANT-04", "This has already been decided.");
        Require(!approver.Has(PractitionerRole.Administrator), "SG-GRANT-01",
            "Administrators cannot approve roles that reach case records: a manager of the service or the agency's named safeguarding lead does.");
        Require(approver.Id != RequestedBy, "SG-GRANT-02", "You asked for this: someone else must approve it.");
        Require(approver.Id != PractitionerId, "SG-GRANT-02", "You cannot approve roles for your own account.");
        Require(IsApproverFor(approver, agency), "SG-GRANT-03", agency.Kind == AgencyKind.LocalAuthorityChildrensSocialCare
            ? "Only a social work qualified manager of this service can approve this."
            : "Only this agency's named safeguarding lead can approve this.");
    }
}
