using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Identity;
using Safeguard.Domain;
using Safeguard.Domain.Organisation;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Web.Account;

/// <summary>
/// Adds a practitioner and their sign-in account in one transaction: pages and the API both come here. The audit
/// trail records both (the audit interceptor), with the administrator who added them.
/// </summary>
public sealed class AddAccount(SafeguardDbContext db, UserManager<SafeguardUser> users, TimeProvider time)
{
    public const string PasswordRule = "Enter a password of 12 or more characters, with upper and lower case letters and a digit";

    public async Task<AccountView> HandleAsync(Guid areaId, NewAccountInput input, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == input.AgencyId, cancellationToken);
        Require(agency is not null, "SG-ACCOUNT-01", "Select an agency of your area", nameof(input.AgencyId));
        var registration = string.IsNullOrWhiteSpace(input.Registration) ? (SocialWorkRegistration?)null : SocialWorkRegistration.Parse(input.Registration);
        var email = (input.Email ?? string.Empty).Trim();
        // Across every area: an email address signs in to one account (the area's own policies hide accounts elsewhere).
        Require(await AccountAreas.OfAccountNamedAsync(db, users.NormalizeEmail(email) ?? email, cancellationToken) is null, "SG-ACCOUNT-02", "There is already an account with this email address", nameof(input.Email));

        var practitioner = new Practitioner(Guid.CreateVersion7(), agency!, null, input.GivenName ?? string.Empty, input.FamilyName ?? string.Empty, email,
            input.JobTitle ?? string.Empty, registration);
        foreach (var role in input.Roles.Distinct().Where(r => r != PractitionerRole.Practitioner))
        {
            practitioner.Grant(role, agency!);
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
        };
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, input.Password ?? string.Empty);
            Require(checkedPassword.Succeeded, "SG-ACCOUNT-03", PasswordRule, nameof(input.Password));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Practitioners.Add(practitioner);
        await db.SaveChangesAsync(cancellationToken);
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            throw new RuleViolationException("SG-ACCOUNT-02", string.Join(" ", created.Errors.Select(e => e.Description)), nameof(input.Email));
        }

        await transaction.CommitAsync(cancellationToken);
        return (await AccountQueries.FindAsync(db, areaId, user.Id, time, cancellationToken))!;
    }
}
