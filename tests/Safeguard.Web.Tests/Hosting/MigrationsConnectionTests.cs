using Microsoft.Extensions.Configuration;
using Safeguard.Data;

namespace Safeguard.Web.Tests.Hosting;

/// <summary>Which connection migrations run on: the owner's, only on PostgreSQL and only when configured.</summary>
public sealed class MigrationsConnectionTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void PostgreSql_WithAMigrationsConnection_MigratesOnIt()
    {
        var configuration = Settings(("Database:Provider", "PostgreSql"), ("ConnectionStrings:Safeguard", "Host=db;Username=safeguard"),
            ("ConnectionStrings:Migrations", "Host=db;Username=safeguard_owner"));

        Assert.Equal("Host=db;Username=safeguard_owner", DatabaseSetup.MigrationsConnection(configuration));
    }

    [Fact]
    public void PostgreSql_WithoutOne_MigratesOnTheServicesConnection()
    {
        var configuration = Settings(("Database:Provider", "PostgreSql"), ("ConnectionStrings:Safeguard", "Host=db;Username=safeguard"),
            ("ConnectionStrings:Migrations", ""));

        Assert.Null(DatabaseSetup.MigrationsConnection(configuration));
    }

    [Fact]
    public void Sqlite_IgnoresIt()
    {
        var configuration = Settings(("Database:Provider", "Sqlite"), ("ConnectionStrings:Migrations", "Host=db;Username=safeguard_owner"));

        Assert.Null(DatabaseSetup.MigrationsConnection(configuration));
    }
}
