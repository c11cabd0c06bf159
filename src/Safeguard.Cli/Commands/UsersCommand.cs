using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Safeguard.Data;
using Safeguard.Data.Identity;
using Safeguard.Data.Seeding;
using Safeguard.Domain;
using Safeguard.Domain.Access;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Account;

namespace Safeguard.Cli.Commands;

/// <summary>
/// <c>safeguard users add</c>: create a practitioner and their sign-in account, on the server. This is how an area's very first approver
/// (a social work qualified manager of children's social care, or a partner agency's named safeguarding lead) is made, since nobody can yet
/// approve them through the service: the grant is recorded as made on the server, and the practitioner, the account and the grant are in
/// the audit trail under the command's name, which the data protection officer sees. Without a password, it prints the one-time link with
/// which the person sets their own. The account must use two-factor authentication when its roles reach case records.
/// </summary>
public static class UsersCommand
{
    public static Command Create(OperatorConfiguration configuration)
    {
        var email = new Option<string>("--email") { Description = "Email address; also the sign-in name.", Required = true };
        var givenName = new Option<string>("--given-name") { Description = "First name.", Required = true };
        var familyName = new Option<string>("--family-name") { Description = "Last name.", Required = true };
        var agency = new Option<string>("--agency") { Description = "The agency's name, exactly as recorded.", Required = true };
        var role = new Option<PractitionerRole[]>("--role") { Description = "A role (repeat for several): " + string.Join(", ", Enum.GetNames<PractitionerRole>()), AllowMultipleArgumentsPerToken = true };
        var registration = new Option<string?>("--registration") { Description = "Social Work England registration number, like SW104281." };
        var jobTitle = new Option<string>("--job-title") { Description = "Job title.", DefaultValueFactory = _ => "Practitioner" };
        var password = new Option<string?>("--password") { Description = "Initial password (12+ characters with upper and lower case and a digit). Read from SAFEGUARD_PASSWORD if not given; with neither, a one-time link to set it is printed." };
        var area = new Option<string>("--area") { Description = "The area's 3-digit LA number.", DefaultValueFactory = _ => DemoArea.LaNumber };

        var add = new Command("add", "Create a practitioner and their sign-in account.") { email, givenName, familyName, agency, role, registration, jobTitle, password, area };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("SAFEGUARD_PASSWORD");
            using var host = OperatorHost.Build(configuration);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var laNumber = parse.GetValue(area)!;
            var areaRecord = await db.Areas.SingleOrDefaultAsync(a => a.LaNumber == laNumber, cancellationToken);
            var agencyName = parse.GetValue(agency)!;
            if (areaRecord is not null)
            {
                db.WorkInArea(areaRecord.Id);
            }

            var agencyRecord = areaRecord is null ? null
                : await db.Agencies.SingleOrDefaultAsync(a => a.Name == agencyName, cancellationToken);
            if (agencyRecord is null)
            {
                await Console.Error.WriteLineAsync($"No agency called '{agencyName}' in area {laNumber}.");
                return 1;
            }

            try
            {
                var practitioner = new Practitioner(Guid.CreateVersion7(), agencyRecord, null, parse.GetValue(givenName)!, parse.GetValue(familyName)!,
                    parse.GetValue(email)!, parse.GetValue(jobTitle)!,
                    parse.GetValue(registration) is { } number ? SocialWorkRegistration.Parse(number) : null);
                foreach (var r in parse.GetValue(role) ?? [])
                {
                    practitioner.Grant(r, agencyRecord);
                }

                var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.Practitioners.Add(practitioner);
                if (CaseRoles.Reach(practitioner.Roles))
                {
                    db.RoleGrants.Add(RoleGrant.MadeOnServer(Guid.CreateVersion7(), practitioner, agencyRecord, OnServer, time.GetUtcNow()));
                }

                await db.SaveChangesAsync(cancellationToken);
                var users = scope.ServiceProvider.GetRequiredService<UserManager<SafeguardUser>>();
                string? link = null;
                if (string.IsNullOrEmpty(secret))
                {
                    var user = new SafeguardUser
                    {
                        Id = Guid.CreateVersion7(), UserName = practitioner.Email, Email = practitioner.Email, EmailConfirmed = true,
                        AreaId = practitioner.AreaId, PractitionerId = practitioner.Id, LockoutEnabled = true,
                    };
                    var created = await users.CreateAsync(user);
                    if (!created.Succeeded)
                    {
                        throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
                    }

                    var hours = scope.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Accounts:SetPasswordLinkHours", 72.0);
                    (link, var expires) = await new SetPasswordLinks(users, time,
                        Microsoft.Extensions.Options.Options.Create(new AccountLinkOptions { SetPasswordLinkHours = hours })).IssueAsync(user);
                    link = $"{link}  (give it to them yourself; it works once, until {expires:yyyy-MM-dd HH:mm} UTC)";
                }
                else
                {
                    await scope.ServiceProvider.GetRequiredService<Seeder>().AddAccountAsync(practitioner, secret);
                }

                await transaction.CommitAsync(cancellationToken);
                Console.WriteLine($"Created {practitioner.Email} ({string.Join(", ", practitioner.Roles.Select(x => x.DisplayName()))}).");
                if (link is not null)
                {
                    Console.WriteLine($"Link to set the password, after the service's address: {link}");
                }

                return 0;
            }
            catch (Exception e) when (e is RuleViolationException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        return new Command("users", "Manage practitioners' sign-in accounts.") { add };
    }

    /// <summary>How a grant made by this command is described in the audit trail and to the data protection officer.</summary>
    public const string OnServer = "Made on the server with the operator command 'safeguard users add'";
}
