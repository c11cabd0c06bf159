using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Access;

/// <summary>Row-level security on real PostgreSQL: the database itself keeps areas apart, whatever the SQL.</summary>
public sealed class AreaIsolationTests(PostgreSqlFactory factory) : IClassFixture<PostgreSqlFactory>
{
    private async Task<(TestArea Area, Guid ChildId)> AreaWithChildAsync()
    {
        var area = await factory.NewAreaAsync();
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));
        using var created = await client.PostAsJsonAsync("/api/v1/children", new
        {
            givenName = "Rls", familyName = "Testcase", dateOfBirth = "2020-01-01", sex = "F", ethnicityCode = "WBRI",
        });
        created.EnsureSuccessStatusCode();
        return (area, Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]));
    }

    [Fact]
    public async Task RawSql_WithAreaASet_ReturnsNoRowsOfAreaB()
    {
        var (a, childOfA) = await AreaWithChildAsync();
        var (b, childOfB) = await AreaWithChildAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(a.Area.Id);

        // No WHERE on area, and no EF query filter: only the database's policy stands between the areas.
        var ids = await db.Database.SqlQueryRaw<Guid>("SELECT \"Id\" AS \"Value\" FROM \"Children\"").ToListAsync();
        var agencies = await db.Database.SqlQueryRaw<Guid>("SELECT \"AreaId\" AS \"Value\" FROM \"Agencies\"").ToListAsync();

        Assert.Contains(childOfA, ids);
        Assert.DoesNotContain(childOfB, ids);
        Assert.All(agencies, areaId => Assert.Equal(a.Area.Id, areaId));
        Assert.DoesNotContain(b.Area.Id, agencies);
    }

    [Fact]
    public async Task RawSql_WithNoAreaSet_SeesNoAreaOwnedRows()
    {
        await AreaWithChildAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();

        var count = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM \"Children\"").SingleAsync();

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task RawSql_WritingIntoAnotherArea_IsRefused()
    {
        var (a, _) = await AreaWithChildAsync();
        var (b, _) = await AreaWithChildAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(a.Area.Id);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"Teams\" (\"Id\", \"AreaId\", \"AgencyId\", \"Name\") VALUES ({Guid.NewGuid()}, {b.Area.Id}, {b.SocialCare.Id}, 'Smuggled')"));

        Assert.Contains("row-level security", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryTableWithAnAreaColumn_HasForcedRowLevelSecurity()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        await db.Database.MigrateAsync();

        var unprotected = await db.Database.SqlQueryRaw<string>("""
            SELECT c.relname AS "Value"
            FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'AreaId' AND NOT a.attisdropped
            WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
              AND NOT (c.relrowsecurity AND c.relforcerowsecurity
                       AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'area_isolation'))
            """).ToListAsync();

        // Sign-in finds the account by email before any area is known, so accounts alone are outside the policies;
        // an account holds no case data, and what it reads after sign-in is inside its area.
        var missing = unprotected.Where(t => t != "AspNetUsers").ToList();
        Assert.True(missing.Count == 0 && unprotected.Contains("AspNetUsers"),
            "Tables with an AreaId but no forced area policy. Freeze this into the migration that creates them, as text:\n"
            + Data.DatabaseGuards.PostgreSqlAreaPolicies(missing));
    }

    [Fact]
    public async Task ServiceRole_IsNotASuperuserAndCannotBypassRowLevelSecurity()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();

        var bypass = await db.Database
            .SqlQueryRaw<bool>("SELECT (rolsuper OR rolbypassrls) AS \"Value\" FROM pg_roles WHERE rolname = current_user").SingleAsync();

        Assert.False(bypass, "./test must run the service as an ordinary role, or the isolation tests prove nothing.");
    }
}
