using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Safeguard.Cli;
using Safeguard.Data;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Hosting;

/// <summary>The <c>safeguard</c> operator commands take their configuration as the README says, and the repository stands alone.</summary>
public sealed class OperatorCommandTests
{
    [Fact]
    public async Task Migrate_WithProviderAndConnectionStringArguments_MigratesThatDatabase()
    {
        var folder = Directory.CreateTempSubdirectory("safeguard-migrate-");
        var path = Path.Combine(folder.FullName, "operator.db");
        try
        {
            var exit = await SafeguardCommand.RunAsync(["migrate", "--Database:Provider", "Sqlite", "--ConnectionStrings:Safeguard", $"Data Source={path}"]);

            Assert.Equal(0, exit);
            Assert.True(File.Exists(path), "migrate should create the database named by --ConnectionStrings:Safeguard");
            Assert.Equal(ExpectedMigrations(), AppliedMigrations(path));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Migrate_WithConfigurationAsKeyEqualsValue_IsTheSame()
    {
        var folder = Directory.CreateTempSubdirectory("safeguard-migrate-");
        var path = Path.Combine(folder.FullName, "operator.db");
        try
        {
            var exit = await SafeguardCommand.RunAsync(["migrate", $"--ConnectionStrings:Safeguard=Data Source={path}"]);

            Assert.Equal(0, exit);
            Assert.Equal(ExpectedMigrations(), AppliedMigrations(path));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    [Trait("Rule", "SD-01")]
    public async Task StrategyDiscussionTarget_PrintsAndSetsTheAreasOwnTarget_RefusingOneOutOfRange()
    {
        var folder = Directory.CreateTempSubdirectory("safeguard-target-");
        var path = Path.Combine(folder.FullName, "operator.db");
        var connection = $"--ConnectionStrings:Safeguard=Data Source={path}";
        var console = Console.Out;
        var error = Console.Error;
        try
        {
            Assert.Equal(0, await SafeguardCommand.RunAsync(["seed", "--children", "0", connection]));
            var output = new StringWriter();
            Console.SetOut(output);
            Console.SetError(new StringWriter());
            var before = await SafeguardCommand.RunAsync(["strategy-discussion-target", connection]);
            var set = await SafeguardCommand.RunAsync(["strategy-discussion-target", "--working-days", "3", connection]);
            var refused = await SafeguardCommand.RunAsync(["strategy-discussion-target", "--working-days", "11", connection]);
            var after = await SafeguardCommand.RunAsync(["strategy-discussion-target", connection]);
            Console.SetOut(console);
            Console.SetError(error);

            Assert.Equal((0, 0, 2, 0), (before, set, refused, after));
            Assert.Equal(["1 working day (local target)", "3 working days (local target)", "3 working days (local target)"],
                output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
            var options = new DbContextOptionsBuilder<SqliteSafeguardDbContext>().UseSqlite($"Data Source={path}").Options;
            await using var db = new SqliteSafeguardDbContext(options, new OperatorActor("test"));
            Assert.Equal(3, await db.Areas.Where(a => a.LaNumber == Data.Seeding.DemoArea.LaNumber).Select(a => a.StrategyDiscussionTargetWorkingDays).SingleAsync());
        }
        finally
        {
            Console.SetOut(console);
            Console.SetError(error);
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task UsersAdd_CreatesAnAreasFirstApprover_OnTheServer_Audited_WithAOneTimeLinkAndTwoFactorRequired()
    {
        var folder = Directory.CreateTempSubdirectory("safeguard-users-");
        var path = Path.Combine(folder.FullName, "operator.db");
        var connection = $"--ConnectionStrings:Safeguard=Data Source={path}";
        var output = new StringWriter();
        var console = Console.Out;
        try
        {
            Assert.Equal(0, await SafeguardCommand.RunAsync(["seed", "--children", "0", connection]));
            Console.SetOut(output);
            var exit = await SafeguardCommand.RunAsync(["users", "add", "--email", "first.lead@police.example", "--given-name", "Fiona", "--family-name", "Lead",
                "--agency", "Northmoor Police", "--role", "NamedSafeguardingLead", "--job-title", "Named safeguarding lead", connection]);
            Console.SetOut(console);

            Assert.Equal(0, exit);
            Assert.Matches(@"/account/set-password\?account=[0-9a-f-]+&code=[A-Za-z0-9_-]+", output.ToString());
            var options = new DbContextOptionsBuilder<SqliteSafeguardDbContext>().UseSqlite($"Data Source={path}").Options;
            await using var db = new SqliteSafeguardDbContext(options, new OperatorActor("test"));
            var user = await db.Users.SingleAsync(u => u.Email == "first.lead@police.example");
            var practitioner = await db.Practitioners.IgnoreQueryFilters().SingleAsync(p => p.Id == user.PractitionerId);
            var grant = await db.RoleGrants.IgnoreQueryFilters().SingleAsync(g => g.PractitionerId == practitioner.Id);
            var audit = await db.AuditEntries.IgnoreQueryFilters()
                .Where(a => a.RecordId == user.Id || a.RecordId == practitioner.Id || a.RecordId == grant.Id).ToListAsync();

            Assert.True(practitioner.Has(Domain.Organisation.PractitionerRole.NamedSafeguardingLead));
            Assert.False(user.TwoFactorOptional);
            Assert.False(user.AwaitingApproval);
            Assert.Null(user.PasswordHash);
            Assert.Equal(Domain.Access.RoleGrantStatus.Approved, grant.Status);
            Assert.Null(grant.RequestedBy);
            Assert.Equal(Safeguard.Cli.Commands.UsersCommand.OnServer, grant.Reason);
            Assert.Contains(audit, a => a.RecordId == practitioner.Id && a.Action == Data.Audit.AuditAction.Created);
            Assert.Contains(audit, a => a.RecordId == user.Id && a.Action == Data.Audit.AuditAction.Created);
            Assert.Contains(audit, a => a.RecordId == grant.Id && a.Action == Data.Audit.AuditAction.Created
                && a.Detail!.Contains("Status: Approved", StringComparison.Ordinal));
            Assert.All(audit, a => Assert.Null(a.UserId));
            Assert.All(audit, a => Assert.StartsWith("safeguard", a.Origin, StringComparison.Ordinal));
        }
        finally
        {
            Console.SetOut(console);
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Split_TellsConfigurationKeysFromTheCommandsOwnOptions()
    {
        var (command, configuration) = OperatorConfiguration.Split(
            ["seed", "--children", "10", "--Database:Provider", "PostgreSql", "--seed", "7", "--ConnectionStrings:Safeguard=Host=x;Database=y"]);

        Assert.Equal(["seed", "--children", "10", "--seed", "7"], command);
        Assert.Equal(["--Database:Provider", "PostgreSql", "--ConnectionStrings:Safeguard=Host=x;Database=y"], configuration.Arguments);
        Assert.Equal("PostgreSql", configuration.Build()["Database:Provider"]);
    }

    [Fact]
    public void StandsAlone_TheRepositoryRefersToNothingOutsideIt()
    {
        var (exit, output) = RunGuard(Repository.Root);

        Assert.True(exit == 0, output);
    }

    [Theory]
    // {up} is one parent step (dot dot and a separator), written out only in the temporary folder the guard inspects,
    // so that this file itself refers to nothing outside the repository.
    [InlineData("tests/Safeguard.Domain.Tests/Safeguard.Domain.Tests.csproj", @"<None Include=""{up\}{up\}{up\}sibling\rules.md"" />")]
    [InlineData("src/Safeguard.Data/Reader.cs", @"var text = File.ReadAllText(""{up/}{up/}{up/}sibling/rules.md"");")]
    [InlineData("scripts/fetch-rules", "cp {up/}sibling/rules.md data/")]
    public void StandsAlone_RefusesAReferenceOutsideTheRepository(string file, string template)
    {
        var line = template.Replace("{up\\}", ".." + "\\", StringComparison.Ordinal).Replace("{up/}", ".." + "/", StringComparison.Ordinal);
        var root = Directory.CreateTempSubdirectory("safeguard-guard-");
        try
        {
            foreach (var folder in new[] { "src", "tests", "bench", "scripts" })
            {
                Directory.CreateDirectory(Path.Combine(root.FullName, folder));
            }

            var full = Path.Combine(root.FullName, file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, "// a project file\n" + line + "\n");
            File.WriteAllText(Path.Combine(root.FullName, "src", "Inside.csproj"), @"<ProjectReference Include=""Safeguard.Domain\Safeguard.Domain.csproj"" />");

            var (exit, output) = RunGuard(root.FullName);

            Assert.Equal(1, exit);
            Assert.Contains("must stand alone", output, StringComparison.Ordinal);
            Assert.Contains($"{file}:2:", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Inside.csproj", output, StringComparison.Ordinal);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static (int Exit, string Output) RunGuard(string root)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "scripts", "stands-alone"), root])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }


    private static List<string> ExpectedMigrations()
    {
        var options = new DbContextOptionsBuilder<SqliteSafeguardDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteSafeguardDbContext(options, new OperatorActor("test"));
        return [.. db.Database.GetMigrations().Order(StringComparer.Ordinal)];
    }

    private static List<string> AppliedMigrations(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"";
        using var reader = command.ExecuteReader();
        var applied = new List<string>();
        while (reader.Read())
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }
}
