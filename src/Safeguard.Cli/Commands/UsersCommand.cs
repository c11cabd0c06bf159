using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Seeding;
using Safeguard.Domain;
using Safeguard.Domain.Organisation;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard users add</c>: create a practitioner and their sign-in account.</summary>
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
        var password = new Option<string?>("--password") { Description = "Initial password (12+ characters with upper and lower case and a digit). Read from SAFEGUARD_PASSWORD if not given." };
        var area = new Option<string>("--area") { Description = "The area's 3-digit LA number.", DefaultValueFactory = _ => DemoArea.LaNumber };

        var add = new Command("add", "Create a practitioner and their sign-in account.") { email, givenName, familyName, agency, role, registration, jobTitle, password, area };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("SAFEGUARD_PASSWORD");
            if (string.IsNullOrEmpty(secret))
            {
                await Console.Error.WriteLineAsync("Give --password or set SAFEGUARD_PASSWORD.");
                return 1;
            }

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

                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.Practitioners.Add(practitioner);
                await db.SaveChangesAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<Seeder>().AddAccountAsync(practitioner, secret);
                await transaction.CommitAsync(cancellationToken);
                Console.WriteLine($"Created {practitioner.Email} ({string.Join(", ", practitioner.Roles.Select(x => x.DisplayName()))}).");
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
}
