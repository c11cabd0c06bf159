using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Identity;
using Safeguard.Domain;
using Safeguard.Domain.Organisation;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Web.Account;

/// <summary>
/// Adds a practitioner and their sign-in account in one transaction: pages and the API both come here. The administrator does not
/// choose a password and the account cannot sign in: its roles wait for a second person's approval (<see cref="RoleGrants"/>), who is
/// then shown the one-time link with which its holder sets their own password. The audit trail records the account, the practitioner
/// and the grant asked for (the audit interceptor), with the administrator who added them.
/// </summary>
public sealed class AddAccount(SafeguardDbContext db, UserManager<SafeguardUser> users, RoleGrants grants, TimeProvider time)
{
    public const string PasswordRule = "Enter a password of 12 or more characters, with upper and lower case letters and a digit";

    public async Task<AccountView> HandleAsync(Guid areaId, Guid? requestedBy, NewAccountInput input, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == input.AgencyId, cancellationToken);
        Require(agency is not null, "SG-ACCOUNT-01", "Select an agency of your area", nameof(input.AgencyId));
        var registration = string.IsNullOrWhiteSpace(input.Registration) ? (SocialWorkRegistration?)null : SocialWorkRegistration.Parse(input.Registration);
        var email = (input.Email ?? string.Empty).Trim();
        // Across every area: an email address signs in to one account (the area's own policies hide accounts elsewhere).
        Require(await AccountAreas.OfAccountNamedAsync(db, users.NormalizeEmail(email) ?? email, cancellationToken) is null, "SG-ACCOUNT-02", "There is already an account with this email address", nameof(input.Email));

        var practitioner = new Practitioner(Guid.CreateVersion7(), agency!, null, input.GivenName ?? string.Empty, input.FamilyName ?? string.Empty, email,
            input.JobTitle ?? string.Empty, registration);
        // Each role is checked against its rules now (RC-01 needs a registration), and given only once a second person approves.
        foreach (var role in input.Roles.Distinct().Where(r => r != PractitionerRole.Practitioner))
        {
            practitioner.Grant(role, agency!);
        }

        var asked = practitioner.Roles.ToList();
        foreach (var role in asked.Where(r => r != PractitionerRole.Practitioner))
        {
            practitioner.Revoke(role);
        }

        var user = new SafeguardUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            AreaId = areaId,
            PractitionerId = practitioner.Id,
            LockoutEnabled = true,
            AwaitingApproval = true,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Practitioners.Add(practitioner);
        await grants.AskAsync(practitioner, agency!, asked, newAccount: true, requestedBy, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            throw new RuleViolationException("SG-ACCOUNT-02", string.Join(" ", created.Errors.Select(e => e.Description)), nameof(input.Email));
        }

        await transaction.CommitAsync(cancellationToken);
        return (await AccountQueries.FindAsync(db, areaId, user.Id, time, cancellationToken))!;
    }
}
