using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safeguard.Data.Seeding;
using Safeguard.Domain.Calendar;

namespace Safeguard.Data;

/// <summary>
/// Brings the database up to date before the service takes requests: applies migrations, then, the first time,
/// seeds the synthetic demo area (<c>Seed:DemoArea</c>, default true) with <c>Seed:Children</c> children
/// (default 200), <c>Seed:Referrals</c> referrals waiting at the front door (default 12) and <c>Seed:Journeys</c> whole journeys
/// (default a quarter of the children). Runs in the host's "starting" phase, so nothing is served from an unmigrated database.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services, IConfiguration configuration, TimeProvider time,
    ILogger<DatabaseStartup> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Database:MigrateOnStart", true))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        await MigrateAsync(db, configuration, logger, cancellationToken);
        await WarnIfRowLevelSecurityIsBypassedAsync(db, logger, cancellationToken);
        await WarnIfTheServiceOwnsTheTablesAsync(db, logger, cancellationToken);
        await Participation.ParticipantBackfill.RunAsync(db, logger, cancellationToken);
        if (configuration.GetValue("Seed:DemoArea", true))
        {
            var seeder = scope.ServiceProvider.GetRequiredService<Seeder>();
            if (await seeder.EnsureDemoAreaAsync(cancellationToken))
            {
                var children = configuration.GetValue("Seed:Children", 200);
                var added = await seeder.AddChildrenAsync(DemoArea.AreaId, children, seed: 2026, EnglandClock.Today(time), cancellationToken);
                var calendar = scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>();
                var referrals = await seeder.AddReferralsAsync(DemoArea.AreaId, configuration.GetValue("Seed:Referrals", 12), seed: 2026,
                    EnglandClock.Today(time), calendar, cancellationToken);
                // Whole journeys (assessments, child protection, looked after children, closures) for a quarter of the children unless set.
                var journeys = await seeder.AddJourneysAsync(DemoArea.AreaId, configuration.GetValue("Seed:Journeys", children / 4), seed: 2026,
                    EnglandClock.Today(time), calendar, cancellationToken);
                logger.LogInformation("Seeded the synthetic demo area {Area} with {Children} children, {Referrals} referrals and {Journeys} journeys",
                    DemoArea.Name, added, referrals, journeys);
            }

            // The second demo area, in Northmoor's partnership, with a few children of its own.
            if (await seeder.EnsureSecondDemoAreaAsync(cancellationToken))
            {
                var added = await seeder.AddChildrenAsync(SecondDemoArea.AreaId, configuration.GetValue("Seed:SecondAreaChildren", Math.Min(12, configuration.GetValue("Seed:Children", 200))), seed: 2027,
                    EnglandClock.Today(time), cancellationToken);
                logger.LogInformation("Seeded the synthetic demo area {Area}, in the partnership with {Northmoor}, with {Children} children",
                    SecondDemoArea.Name, DemoArea.Name, added);
            }
        }
    }

    /// <summary>
    /// Applies pending migrations: on PostgreSQL with <c>ConnectionStrings:Migrations</c> set, as the owner role on that
    /// connection (and nothing else is done on it); otherwise on the service's own connection (<paramref name="db"/>).
    /// </summary>
    public static async Task MigrateAsync(SafeguardDbContext db, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        if (DatabaseSetup.MigrationsConnection(configuration) is not { } owner)
        {
            await MigrateAsync(db, logger, cancellationToken);
            return;
        }

        await using var ownerDb = DatabaseSetup.MigrationsContext(owner);
        await MigrateAsync(ownerDb, logger, cancellationToken);
    }

    private static async Task MigrateAsync(SafeguardDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException denied) when (denied.SqlState == Npgsql.PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new InvalidOperationException(
                $"Applying migrations needs the role that owns the tables, and this connection's role may not ({denied.MessageText}). " +
                "Set ConnectionStrings:Migrations to the owner role's connection (README, Configuration).", denied);
        }
    }

    /// <summary>A superuser or a BYPASSRLS role escapes the area policies: say so loudly at start.</summary>
    public static async Task WarnIfRowLevelSecurityIsBypassedAsync(SafeguardDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var bypass = await db.Database
            .SqlQueryRaw<bool>("SELECT (rolsuper OR rolbypassrls) AS \"Value\" FROM pg_roles WHERE rolname = current_user")
            .SingleAsync(cancellationToken);
        if (bypass)
        {
            logger.LogWarning("The service connects to PostgreSQL as a superuser or a role with BYPASSRLS: row-level security " +
                "does not protect areas from each other. Connect as an ordinary role (see README, Configuration).");
        }
    }

    /// <summary>
    /// A service that owns the tables (or inherits from their owner) can switch row-level security off, drop policies
    /// and disable the audit trail's triggers with one statement: say so at start.
    /// </summary>
    public static async Task WarnIfTheServiceOwnsTheTablesAsync(SafeguardDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var owns = await db.Database.SqlQueryRaw<bool>(
            "SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND pg_has_role(current_user, tableowner, 'USAGE')) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (owns)
        {
            logger.LogWarning("The service connects to PostgreSQL as the owner of the tables: SQL run as the service could switch off " +
                "row-level security and the audit trail's protection. Run migrations as the owner (ConnectionStrings:Migrations) and " +
                "connect the service as a member of safeguard_service (see README, Configuration).");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
