using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data.Audit;
using Safeguard.Data.Clocks;
using Safeguard.Data.Participation;

namespace Safeguard.Data;

/// <summary>
/// Chooses the database from configuration: <c>Database:Provider</c> is <c>Sqlite</c> (the embedded default,
/// a file under ./data) or <c>PostgreSql</c>; <c>ConnectionStrings:Safeguard</c> says where. On PostgreSQL,
/// <c>ConnectionStrings:Migrations</c> is the owner role's connection, used to apply migrations and for nothing else;
/// the service itself connects as a role with data privileges only (see docs/decisions/0007).
/// </summary>
public static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=data/safeguard.db";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"] ?? "Sqlite";
        return name.ToUpperInvariant() switch
        {
            "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
            _ => throw new InvalidOperationException(
                $"Database:Provider is '{name}'. Use 'Sqlite' (the embedded default) or 'PostgreSql'."),
        };
    }

    /// <summary>
    /// Registers the database. The provider and connection are read when the first context is made, not now,
    /// so that configuration added later (a test host's settings) is honoured.
    /// </summary>
    public static IServiceCollection AddSafeguardDatabase(this IServiceCollection services)
    {
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<Events.RecordEventInterceptor>();
        services.AddSingleton<ClockInterceptor>();
        services.AddSingleton<ParticipationInterceptor>();
        services.AddSingleton(sp => ImportedCalendar.Load(ImportedCalendar.FileFrom(sp.GetService<IConfiguration>())));
        services.AddScoped<AuditLog>();
        services.AddDbContext<SqliteSafeguardDbContext>((sp, o) =>
        {
            ConfigureSqlite(o, SqliteConnection(sp.GetRequiredService<IConfiguration>()));
            o.AddInterceptors(SensitiveContentInterceptor.Instance, sp.GetRequiredService<Events.RecordEventInterceptor>(), sp.GetRequiredService<ClockInterceptor>(), sp.GetRequiredService<ParticipationInterceptor>(), sp.GetRequiredService<AuditInterceptor>());
        });
        services.AddDbContext<PostgreSqlSafeguardDbContext>((sp, o) =>
        {
            ConfigurePostgreSql(o, PostgreSqlConnection(sp.GetRequiredService<IConfiguration>()));
            o.AddInterceptors(SensitiveContentInterceptor.Instance, sp.GetRequiredService<Events.RecordEventInterceptor>(), sp.GetRequiredService<ClockInterceptor>(), sp.GetRequiredService<ParticipationInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), new AreaConnectionInterceptor());
        });
        services.AddScoped<SafeguardDbContext>(sp => ProviderFrom(sp.GetRequiredService<IConfiguration>()) == DatabaseProvider.Sqlite
            ? sp.GetRequiredService<SqliteSafeguardDbContext>()
            : sp.GetRequiredService<PostgreSqlSafeguardDbContext>());
        return services;
    }

    private static string SqliteConnection(IConfiguration configuration)
    {
        var connection = configuration.GetConnectionString("Safeguard") ?? DefaultSqliteConnection;
        EnsureSqliteFolder(connection);
        return connection;
    }

    private static string PostgreSqlConnection(IConfiguration configuration)
    {
        var connection = configuration.GetConnectionString("Safeguard");
        return string.IsNullOrWhiteSpace(connection)
            ? throw new InvalidOperationException(
                "Database:Provider is PostgreSql but ConnectionStrings:Safeguard is empty. Set it, for example " +
                "ConnectionStrings__Safeguard='Host=127.0.0.1;Port=5432;Database=safeguard;Username=safeguard'.")
            : connection;
    }

    /// <summary>
    /// The owner role's connection string, which migrations run on, when one is configured for PostgreSQL. SQLite has
    /// no roles: its migrations run on the service's own connection, and the setting is not read.
    /// </summary>
    public static string? MigrationsConnection(IConfiguration configuration) =>
        ProviderFrom(configuration) == DatabaseProvider.PostgreSql && configuration.GetConnectionString("Migrations") is { Length: > 0 } connection
            ? connection
            : null;

    /// <summary>A context on the owner role's connection, for applying migrations only: it runs no interceptors and works in no area.</summary>
    public static SafeguardDbContext MigrationsContext(string connection)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlSafeguardDbContext>();
        ConfigurePostgreSql(options, connection);
        return new PostgreSqlSafeguardDbContext(options.Options, new OperatorActor("migrations"));
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connection) =>
        options.UseSqlite(connection, o => o.MigrationsAssembly(typeof(SafeguardDbContext).Assembly.GetName().Name));

    public static void ConfigurePostgreSql(DbContextOptionsBuilder options, string connection) =>
        options.UseNpgsql(connection, o => o.MigrationsAssembly(typeof(SafeguardDbContext).Assembly.GetName().Name));

    private static void EnsureSqliteFolder(string connection)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context (migrations live in Migrations/Sqlite).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSafeguardDbContext>
{
    public SqliteSafeguardDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteSafeguardDbContext>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteSafeguardDbContext(options.Options, new OperatorActor("design-time"));
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context (migrations live in Migrations/PostgreSql).</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlSafeguardDbContext>
{
    public PostgreSqlSafeguardDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlSafeguardDbContext>();
        DatabaseSetup.ConfigurePostgreSql(options, "Host=127.0.0.1;Database=safeguard_design;Username=postgres");
        return new PostgreSqlSafeguardDbContext(options.Options, new OperatorActor("design-time"));
    }
}
