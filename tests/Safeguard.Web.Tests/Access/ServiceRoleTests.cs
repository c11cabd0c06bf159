using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Safeguard.Data;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// The raw-SQL probe, as the service's own database role on real PostgreSQL: whatever SQL the service is made to run,
/// it cannot switch row-level security off, change the policies, disable the audit trail's triggers, change or delete
/// audit rows, or read another area's accounts and two-factor keys without changing the area setting (the threat the
/// design accepts, docs/decisions/0007). Only the owner role, whose connection runs the migrations and nothing else,
/// can alter the database.
/// </summary>
public sealed class ServiceRoleTests(PostgreSqlFactory factory) : IClassFixture<PostgreSqlFactory>
{
    /// <summary>PostgreSQL's "insufficient privilege", which also says "must be owner of".</summary>
    private const string Refused = PostgresErrorCodes.InsufficientPrivilege;

    [Fact]
    public async Task ServiceRole_OwnsNoTableAndCannotActAsTheOwner()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();

        var owned = await db.Database.SqlQueryRaw<string>("""
            SELECT tablename AS "Value" FROM pg_tables
            WHERE schemaname = 'public' AND pg_has_role(current_user, tableowner, 'USAGE')
            """).ToListAsync();
        var tables = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_tables WHERE schemaname = 'public'").SingleAsync();

        Assert.True(tables > 10, "The probe must see the migrated tables.");
        Assert.Empty(owned);
    }

    [Theory]
    [InlineData("ALTER TABLE \"Children\" NO FORCE ROW LEVEL SECURITY")]
    [InlineData("ALTER TABLE \"Children\" DISABLE ROW LEVEL SECURITY")]
    [InlineData("ALTER TABLE \"AspNetUserTokens\" DISABLE ROW LEVEL SECURITY")]
    [InlineData("DROP POLICY area_isolation ON \"Children\"")]
    [InlineData("ALTER POLICY area_isolation ON \"Children\" USING (true)")]
    [InlineData("CREATE POLICY everyone ON \"Children\" USING (true)")]
    [InlineData("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER audit_append_only")]
    [InlineData("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER ALL")]
    [InlineData("DROP TRIGGER audit_append_only ON \"AuditEntries\"")]
    [InlineData("DROP FUNCTION safeguard_audit_append_only() CASCADE")]
    [InlineData("CREATE OR REPLACE FUNCTION safeguard_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$")]
    [InlineData("CREATE OR REPLACE FUNCTION safeguard_area_of_account(account_id uuid) RETURNS uuid LANGUAGE sql AS $$ SELECT NULL::uuid $$")]
    [InlineData("ALTER TABLE \"AuditEntries\" OWNER TO CURRENT_USER")]
    [InlineData("TRUNCATE \"AuditEntries\"")]
    [InlineData("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('99999999999999_Smuggled', '10.0')")]
    [InlineData("DO $$ BEGIN EXECUTE format('SET ROLE %I', (SELECT tableowner FROM pg_tables WHERE tablename = 'Children')); END $$")]
    public async Task ServiceRole_CannotAlterTheDatabase(string sql)
    {
        var (a, _) = await AreaWithChildAsync();

        var error = await RefusedAsync(sql, a.Area.Id);

        Assert.Equal(Refused, error.SqlState);
    }

    [Fact]
    public async Task ServiceRole_CannotChangeOrDeleteAuditRows()
    {
        var (a, _) = await AreaWithChildAsync();
        var before = await CountAsync("SELECT count(*)::int AS \"Value\" FROM \"AuditEntries\"", a.Area.Id);

        var update = await RefusedAsync("UPDATE \"AuditEntries\" SET \"At\" = \"At\" - interval '1 day'", a.Area.Id);
        var delete = await RefusedAsync("DELETE FROM \"AuditEntries\"", a.Area.Id);

        Assert.Equal(Refused, update.SqlState);
        Assert.Equal(Refused, delete.SqlState);
        Assert.True(before > 0, "The area's audit trail has rows to tamper with.");
        Assert.Equal(before, await CountAsync("SELECT count(*)::int AS \"Value\" FROM \"AuditEntries\"", a.Area.Id));
    }

    [Theory]
    [InlineData("UPDATE \"AuditEntries\" SET \"At\" = \"At\" - interval '1 day'")]
    [InlineData("DELETE FROM \"AuditEntries\"")]
    public async Task OwnerRole_StillMeetsTheAuditTrailsTriggers(string sql)
    {
        var (a, _) = await AreaWithChildAsync();
        await using var owner = new NpgsqlConnection(factory.OwnerConnectionString);
        await owner.OpenAsync();
        await using var transaction = await owner.BeginTransactionAsync();
        await using (var setArea = new NpgsqlCommand($"SELECT set_config('safeguard.area', '{a.Area.Id}', true)", owner, transaction))
        {
            await setArea.ExecuteNonQueryAsync();
        }

        await using var tamper = new NpgsqlCommand(sql, owner, transaction);
        var error = await Assert.ThrowsAsync<PostgresException>(() => tamper.ExecuteNonQueryAsync());

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceRole_CannotReadAnotherAreasAccountsOrTwoFactorKeys_WithoutChangingTheAreaSetting()
    {
        var (a, _) = await AreaWithChildAsync();
        var b = await factory.NewAreaAsync();
        var (email, _, _) = await factory.NewAccountWithTwoFactorAsync(b.SocialCare, PractitionerRole.SocialWorker);
        var userOfB = await AccountIdAsync(email, b.Area.Id);
        var account = $"SELECT count(*)::int AS \"Value\" FROM \"AspNetUsers\" WHERE \"Id\" = '{userOfB}'";
        var tokens = $"SELECT count(*)::int AS \"Value\" FROM \"AspNetUserTokens\" WHERE \"UserId\" = '{userOfB}'";

        // Inside area B the account, its authenticator key and its recovery codes are there...
        Assert.Equal(1, await CountAsync(account, b.Area.Id));
        Assert.True(await CountAsync(tokens, b.Area.Id) >= 2);

        // ...and from area A, or with no area, none of them: not the account, not a single token row.
        Assert.Equal(0, await CountAsync(account, a.Area.Id));
        Assert.Equal(0, await CountAsync(tokens, a.Area.Id));
        Assert.Equal(0, await CountAsync(account, area: null));
        Assert.Equal(0, await CountAsync(tokens, area: null));
        Assert.Equal(0, await CountAsync("SELECT count(*)::int AS \"Value\" FROM \"AspNetUserTokens\"", area: null));

        // All that sign-in may learn before it knows the area is the account's area.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var normalized = email.ToUpperInvariant();
        Assert.Equal(b.Area.Id, await db.Database.SqlQuery<Guid?>($"SELECT safeguard_area_of_account_named({normalized}) AS \"Value\"").SingleAsync());
        Assert.Equal(b.Area.Id, await db.Database.SqlQuery<Guid?>($"SELECT safeguard_area_of_account({userOfB}) AS \"Value\"").SingleAsync());
        Assert.Null(await db.Database.SqlQuery<Guid?>($"SELECT safeguard_area_of_account_named({"NOBODY@TEST.EXAMPLE"}) AS \"Value\"").SingleAsync());
    }

    [Fact]
    public async Task ServiceRole_CannotWriteAnAccountTokenIntoAnotherArea()
    {
        var (a, _) = await AreaWithChildAsync();
        var b = await factory.NewAreaAsync();
        var (email, _, _) = await factory.NewAccountWithTwoFactorAsync(b.SocialCare, PractitionerRole.SocialWorker);
        var userOfB = await AccountIdAsync(email, b.Area.Id);

        var error = await RefusedAsync(
            $"INSERT INTO \"AspNetUserTokens\" (\"UserId\", \"LoginProvider\", \"Name\", \"Value\") VALUES ('{userOfB}', '[AspNetUserStore]', 'Planted', 'x')",
            a.Area.Id);

        Assert.Equal(Refused, error.SqlState);
        Assert.Contains("row-level security", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceRole_HasOnlyDataPrivileges_AndTheAuditTrailAndRecordHistoryAreInsertOnly()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();

        var privileges = await db.Database.SqlQueryRaw<TablePrivileges>("""
            SELECT c.relname AS "Table",
                   has_table_privilege(current_user, c.oid, 'SELECT') AS "Select",
                   has_table_privilege(current_user, c.oid, 'INSERT') AS "Insert",
                   has_table_privilege(current_user, c.oid, 'UPDATE') AS "Update",
                   has_table_privilege(current_user, c.oid, 'DELETE') AS "Delete",
                   has_table_privilege(current_user, c.oid, 'TRUNCATE') OR has_table_privilege(current_user, c.oid, 'TRIGGER')
                       OR has_table_privilege(current_user, c.oid, 'REFERENCES') AS "Other"
            FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
            """).ToListAsync();

        Assert.NotEmpty(privileges);
        Assert.All(privileges, p => Assert.False(p.Other, $"The service may truncate, add triggers to or reference {p.Table}."));
        Assert.All(privileges, p => Assert.True(p.Select, $"The service cannot read {p.Table}."));
        var audit = privileges.Single(p => p.Table == "AuditEntries");
        Assert.Equal((true, true, false, false), (audit.Select, audit.Insert, audit.Update, audit.Delete));
        // A record's history is append-only too: the service only adds events.
        var events = privileges.Single(p => p.Table == "RecordEvents");
        Assert.Equal((true, true, false, false), (events.Select, events.Insert, events.Update, events.Delete));
        var history = privileges.Single(p => p.Table == "__EFMigrationsHistory");
        Assert.Equal((true, false, false, false), (history.Select, history.Insert, history.Update, history.Delete));
        Assert.All(privileges.Where(p => p.Table is not ("AuditEntries" or "RecordEvents" or "__EFMigrationsHistory")),
            p => Assert.True(p.Insert && p.Update && p.Delete, $"The service cannot write {p.Table}."));
    }

    private sealed record TablePrivileges(string Table, bool Select, bool Insert, bool Update, bool Delete, bool Other);

    /// <summary>Runs one statement as the service in a transaction that is always rolled back, expecting PostgreSQL to refuse it.</summary>
    private async Task<PostgresException> RefusedAsync(string sql, Guid? area)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        if (area is { } id)
        {
            db.WorkInArea(id);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            return await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));
        }
        finally
        {
            await transaction.RollbackAsync();
        }
    }

    private async Task<int> CountAsync(string sql, Guid? area)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        if (area is { } id)
        {
            db.WorkInArea(id);
        }

        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
    }

    private async Task<Guid> AccountIdAsync(string email, Guid area)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area);
        return await db.Database.SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" = {email.ToUpperInvariant()}").SingleAsync();
    }

    private async Task<(TestArea Area, Guid ChildId)> AreaWithChildAsync()
    {
        var area = await factory.NewAreaAsync();
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));
        using var created = await client.PostAsJsonAsync("/api/v1/children", new
        {
            givenName = "Probe", familyName = "Testcase", dateOfBirth = "2020-01-01", sex = "F", ethnicityCode = "WBRI",
        });
        created.EnsureSuccessStatusCode();
        return (area, Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]));
    }
}
