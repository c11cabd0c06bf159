using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Identity;
using Safeguard.Domain.Organisation;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Web.Account;

/// <summary>
/// An administrator's changes to an account of their area: its roles, locking it, resetting its two-factor
/// authentication. Each is audited by the audit interceptor in the save that makes it. An administrator cannot
/// lock, reset or remove the administrator role from their own account, so an area is never left without one by mistake.
/// Each answers false when the account is not in the administrator's area.
/// </summary>
public sealed class ManageAccount(SafeguardDbContext db, UserManager<SafeguardUser> users, RoleGrants grants)
{
    /// <summary>
    /// Changes an account's roles. A change that gives it a role reaching case records, or takes away the role that kept it from them
    /// (<see cref="CaseRoles.ChangeNeedsApproval"/>), changes nothing yet: it waits for a second person's approval as a whole. Answers
    /// whether the change waits for approval (null when the account is not in the area).
    /// </summary>
    public async Task<bool?> ChangeRolesAsync(Guid areaId, Guid actingUserId, Guid? actingPractitionerId, Guid accountId, IReadOnlyCollection<PractitionerRole> roles, string? registration,
        CancellationToken cancellationToken)
    {
        var user = await FindAsync(areaId, accountId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var practitioner = await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId, cancellationToken);
        var agency = await db.Agencies.SingleAsync(a => a.Id == practitioner.AgencyId, cancellationToken);
        Require(accountId != actingUserId || roles.Contains(PractitionerRole.Administrator), "SG-ACCOUNT-04",
            "You cannot remove your own administrator role. Ask another administrator", "Roles");
        if (!string.IsNullOrWhiteSpace(registration))
        {
            practitioner.RecordRegistration(SocialWorkRegistration.Parse(registration));
        }

        var before = practitioner.Roles.ToList();
        foreach (var role in practitioner.Roles.Where(r => r != PractitionerRole.Practitioner && !roles.Contains(r)).ToList())
        {
            practitioner.Revoke(role);
        }

        // Each role is checked against its rules (RC-01 needs a registration) whether it is given now or once approved.
        foreach (var role in roles.Where(r => r != PractitionerRole.Practitioner))
        {
            practitioner.Grant(role, agency);
        }

        var after = practitioner.Roles.ToList();
        var waits = CaseRoles.ChangeNeedsApproval(before, after);
        if (waits)
        {
            foreach (var role in after.Except(before))
            {
                practitioner.Revoke(role);
            }

            foreach (var role in before.Except(after))
            {
                practitioner.Grant(role, agency);
            }

            await grants.AskAsync(practitioner, agency, after, newAccount: false, actingPractitionerId, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return waits;
    }

    /// <summary>Locks the account until an administrator unlocks it, and ends its sessions at their next check of the account.</summary>
    public async Task<bool> LockAsync(Guid areaId, Guid actingUserId, Guid accountId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(areaId, accountId, cancellationToken);
        if (user is null)
        {
            return false;
        }

        Require(accountId != actingUserId, "SG-ACCOUNT-05", "You cannot lock your own account");
        Succeeded(await users.SetLockoutEnabledAsync(user, true));
        Succeeded(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        Succeeded(await users.UpdateSecurityStampAsync(user));
        return true;
    }

    public async Task<bool> UnlockAsync(Guid areaId, Guid accountId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(areaId, accountId, cancellationToken);
        if (user is null)
        {
            return false;
        }

        Succeeded(await users.SetLockoutEndDateAsync(user, null));
        Succeeded(await users.ResetAccessFailedCountAsync(user));
        return true;
    }

    /// <summary>
    /// Turns two-factor authentication off, with a new key and no recovery codes, for someone who lost their phone:
    /// they set it up again (an administrator must, at their next sign-in). Their sessions end.
    /// </summary>
    public async Task<bool> ResetTwoFactorAsync(Guid areaId, Guid actingUserId, Guid accountId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(areaId, accountId, cancellationToken);
        if (user is null)
        {
            return false;
        }

        Require(accountId != actingUserId, "SG-ACCOUNT-06", "Change your own two-factor authentication from Account security");
        Succeeded(await users.SetTwoFactorEnabledAsync(user, false));
        Succeeded(await users.ResetAuthenticatorKeyAsync(user));
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        return true;
    }

    private Task<SafeguardUser?> FindAsync(Guid areaId, Guid accountId, CancellationToken cancellationToken) =>
        users.Users.SingleOrDefaultAsync(u => u.Id == accountId && u.AreaId == areaId, cancellationToken);

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The account could not be changed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
