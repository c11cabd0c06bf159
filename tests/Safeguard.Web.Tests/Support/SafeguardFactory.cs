using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Safeguard.Data;
using Safeguard.Data.Identity;
using Safeguard.Data.Seeding;
using Safeguard.Domain.Organisation;

namespace Safeguard.Web.Tests.Support;

/// <summary>
/// The real service over HTTP, on a database of its own: a fresh SQLite file, or a fresh database in the
/// PostgreSQL cluster that ./test starts, migrated as the owner role (SAFEGUARD_TEST_POSTGRES_OWNER) and used by the
/// service as its own role with data privileges only (SAFEGUARD_TEST_POSTGRES), as in production.
/// </summary>
public abstract class SafeguardFactory : WebApplicationFactory<Program>
{
    private static int _areaCounter = 100;
    private readonly string _folder = Directory.CreateTempSubdirectory("safeguard-web-tests-").FullName;

    protected abstract DatabaseProvider Provider { get; }

    protected abstract string ConnectionString(string folder);

    /// <summary>The owner role's connection that migrations run on (PostgreSQL), or null to migrate on the service's own.</summary>
    protected virtual string? MigrationsConnectionString() => null;

    /// <summary>Tests sign in many accounts from one address; the throttle's own test lowers this.</summary>
    public int SignInAttemptsPerMinute { get; init; } = 10_000;

    /// <summary>Set by a test class that needs a fixed "now" (statutory clocks); the real clock otherwise.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider? Time { get; init; }

    /// <summary>Settings of the test's own (key, value), applied after the defaults.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The database this service uses, once it has started, so that a second node can share it.</summary>
    public string? Connection { get; private set; }

    public DatabaseProvider DatabaseProvider => Provider;

    /// <summary>How many times the service's password hasher has checked each password given to it.</summary>
    public PasswordChecks PasswordChecks { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureServices(services => services.AddScoped<IPasswordHasher<SafeguardUser>>(sp =>
            new CountingPasswordHasher(new PasswordHasher<SafeguardUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), PasswordChecks)));
        if (Time is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Time));
        }

        builder.UseSetting("Database:Provider", Provider.ToString());
        Connection ??= ConnectionString(_folder);
        builder.UseSetting("ConnectionStrings:Safeguard", Connection);
        if (MigrationsConnectionString() is { } migrations)
        {
            builder.UseSetting("ConnectionStrings:Migrations", migrations);
        }

        builder.UseSetting("Seed:Children", "3");
        builder.UseSetting("Authentication:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// A client that keeps cookies and, like a browser, sends its own <c>Origin</c> with every request that is not a
    /// GET or HEAD. <paramref name="sendOrigin"/> false leaves the header off (a client that is not a browser).
    /// </summary>
    public HttpClient NewClient(bool sendOrigin = true) => sendOrigin
        ? CreateDefaultClient(ClientOptions.BaseAddress, new BrowserOrigin(), new CookieContainerHandler())
        : CreateDefaultClient(ClientOptions.BaseAddress, new CookieContainerHandler());

    /// <summary>A local authority area of the test's own, with a children's social care agency and a school.</summary>
    public async Task<TestArea> NewAreaAsync()
    {
        var number = Interlocked.Increment(ref _areaCounter);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var area = new LocalAuthorityArea(Guid.NewGuid(), number.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), $"Test area {number}");
        db.WorkInArea(area.Id);
        var socialCare = new Agency(Guid.NewGuid(), area.Id, $"Test area {number} children's social care", AgencyKind.LocalAuthorityChildrensSocialCare);
        var school = new Agency(Guid.NewGuid(), area.Id, $"Test area {number} primary school", AgencyKind.School);
        var police = new Agency(Guid.NewGuid(), area.Id, $"Test area {number} police", AgencyKind.Police);
        db.AddRange(area, socialCare, school, police);
        await db.SaveChangesAsync();
        return new TestArea(this, area, socialCare, school, police);
    }

    public async Task<string> NewAccountAsync(Agency agency, params PractitionerRole[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(agency.AreaId);
        var email = $"p{Guid.NewGuid():N}@test.example";
        var registration = roles.Any(r => r is PractitionerRole.SocialWorker or PractitionerRole.PracticeSupervisor)
            ? SocialWorkRegistration.Parse("SW" + Random.Shared.Next(1, 9_999_999))
            : (SocialWorkRegistration?)null;
        var practitioner = new Practitioner(Guid.NewGuid(), agency, null, "Test", "Practitioner", email, "Tester", registration);
        foreach (var role in roles)
        {
            practitioner.Grant(role, agency);
        }

        db.Practitioners.Add(practitioner);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<Seeder>().AddAccountAsync(practitioner, TestPassword, twoFactorOptional: true);
        return email;
    }

    /// <summary>An account with two-factor authentication already on: its email, authenticator key and recovery codes.</summary>
    public async Task<(string Email, string Key, IReadOnlyList<string> RecoveryCodes)> NewAccountWithTwoFactorAsync(Agency agency,
        params PractitionerRole[] roles)
    {
        var email = await NewAccountAsync(agency, roles);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SafeguardUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        return (email, (await users.GetAuthenticatorKeyAsync(user))!, [.. codes!]);
    }

    /// <summary>A client signed in as an administrator of the area, through both steps of signing in.</summary>
    public async Task<HttpClient> AdministratorClientAsync(TestArea area)
    {
        var (email, key, _) = await NewAccountWithTwoFactorAsync(area.SocialCare, PractitionerRole.Administrator);
        var client = NewClient();
        await HttpSignIn.SignInWithCodeAsync(client, email, key);
        return client;
    }

    public const string TestPassword = "Test-password-2026";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still held by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}

public sealed record TestArea(SafeguardFactory Factory, LocalAuthorityArea Area, Agency SocialCare, Agency School, Agency Police);

/// <summary>Another node of the same service: its own process state (caches, keys in memory), the first node's database.</summary>
public sealed class SecondNodeFactory(SafeguardFactory first) : SafeguardFactory
{
    protected override DatabaseProvider Provider => first.DatabaseProvider;

    protected override string ConnectionString(string folder) =>
        first.Connection ?? throw new InvalidOperationException("Start the first node before the second.");
}

public class SqliteFactory : SafeguardFactory
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString(string folder) => $"Data Source={Path.Combine(folder, "safeguard.db")}";
}

public class PostgreSqlFactory : SafeguardFactory
{
    private readonly string _database = $"safeguard_test_{Guid.NewGuid():N}";

    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    /// <summary>The service's connection: a login role in the group role safeguard_service, with data privileges only.</summary>
    protected override string ConnectionString(string folder) => $"{Cluster("SAFEGUARD_TEST_POSTGRES")};Database={_database}";

    /// <summary>The owner role's connection: it creates the database, runs the migrations and owns every table.</summary>
    protected override string? MigrationsConnectionString() => OwnerConnectionString;

    public string OwnerConnectionString => $"{Cluster("SAFEGUARD_TEST_POSTGRES_OWNER")};Database={_database}";

    private static string Cluster(string variable) => Environment.GetEnvironmentVariable(variable)
        ?? throw new InvalidOperationException(
            "The PostgreSQL tests need a server and two roles: run ./test (it starts a throwaway cluster), or source " +
            "scripts/postgres-cluster, run pg_start, and set SAFEGUARD_TEST_POSTGRES to the service role's connection " +
            "($SAFEGUARD_PG_APP) and SAFEGUARD_TEST_POSTGRES_OWNER to the owner role's ($SAFEGUARD_PG_OWNER).");
}
