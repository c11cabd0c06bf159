namespace Safeguard.Domain.Organisation;

/// <summary>
/// The one place that says which roles reach children's case records — to read them, decide on them, or decide who else may.
/// Every role reaches them except the two that work on accounts and figures. The practitioner role every account keeps is
/// itself one: anyone who works with children may look for a child, ask for access or break the glass, and in children's
/// social care reads every case. Giving an account any of these roles takes a second person's approval (<see cref="Access.RoleGrant"/>).
/// </summary>
public static class CaseRoles
{
    /// <summary>Roles that never reach a case record: they manage accounts or read figures. An account holding one is kept from case records.</summary>
    public static readonly IReadOnlySet<PractitionerRole> WithoutCaseRecords =
        new HashSet<PractitionerRole> { PractitionerRole.Administrator, PractitionerRole.Analyst };

    /// <summary>Every role that reaches case records (all but <see cref="WithoutCaseRecords"/>).</summary>
    public static readonly IReadOnlySet<PractitionerRole> All =
        new HashSet<PractitionerRole>(Enum.GetValues<PractitionerRole>().Where(r => !WithoutCaseRecords.Contains(r)));

    public static bool ReachesCaseRecords(this PractitionerRole role) => All.Contains(role);

    /// <summary>
    /// Whether an account holding these roles reaches case records: it holds a case role beyond the practitioner role, or holds
    /// the practitioner role without a role that keeps it from case records.
    /// </summary>
    public static bool Reach(IEnumerable<PractitionerRole> roles)
    {
        var held = roles.ToHashSet();
        return held.Any(r => r != PractitionerRole.Practitioner && All.Contains(r))
            || (held.Contains(PractitionerRole.Practitioner) && !held.Any(WithoutCaseRecords.Contains));
    }

    /// <summary>
    /// Whether changing an account's roles from <paramref name="current"/> to <paramref name="target"/> needs approval: it adds a
    /// case role, or takes away the role that kept the account from case records.
    /// </summary>
    public static bool ChangeNeedsApproval(IEnumerable<PractitionerRole> current, IEnumerable<PractitionerRole> target)
    {
        var before = current.ToHashSet();
        var after = target.ToHashSet();
        return after.Except(before).Any(r => r != PractitionerRole.Practitioner && All.Contains(r)) || (!Reach(before) && Reach(after));
    }
}
