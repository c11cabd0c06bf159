using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Access;

public abstract class AuditTrailTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private static readonly object Child = new
    {
        givenName = "Audit", familyName = "Testcase", dateOfBirth = "2018-02-03", sex = "M", ethnicityCode = "BAFR",
    };

    /// <summary>
    /// What refuses the service: on SQLite the append-only triggers; on PostgreSQL, before them, the service's role, which
    /// may only insert and read audit rows (the owner still meets the triggers, ServiceRoleTests).
    /// </summary>
    private string Refusal => factory is PostgreSqlFactory ? "permission denied for table AuditEntries" : "append-only";

    private async Task<List<AuditEntry>> AuditRowsAsync(Guid areaId, Guid childId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(areaId);
        return await db.AuditEntries.Where(a => a.ChildId == childId).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task RegisterAndReadChild_WritesCreatedAndReadRowsNamingThePractitioner()
    {
        var area = await factory.NewAreaAsync();
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));
        var me = await client.GetFromJsonAsync<MeShape>("/api/v1/me");

        using var created = await client.PostAsJsonAsync("/api/v1/children", Child);
        var childId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        using var read = await client.GetAsync(created.Headers.Location);
        using var page = await client.GetAsync(new Uri($"/children/{childId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var rows = await AuditRowsAsync(area.Area.Id, childId);
        Assert.Equal([AuditAction.Created, AuditAction.Read, AuditAction.Read], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal(me!.PractitionerId, r.PractitionerId));
        Assert.All(rows, r => Assert.Equal(area.SocialCare.Id, r.AgencyId));
        Assert.All(rows.Skip(1), r => Assert.False(string.IsNullOrEmpty(r.Basis)));
    }

    [Fact]
    public async Task Search_RecordsWhichChildrenItShowed()
    {
        var area = await factory.NewAreaAsync();
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));
        using var created = await client.PostAsJsonAsync("/api/v1/children", Child);
        var childId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);

        var html = await client.GetStringAsync(new Uri("/children?q=testcase+audit", UriKind.Relative));

        Assert.Contains($"/children/{childId}", html, StringComparison.Ordinal);
        var searched = Assert.Single(await AuditRowsAsync(area.Area.Id, childId), r => r.Action == AuditAction.Searched);
        Assert.DoesNotContain("testcase audit", searched.Detail, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        var keys = await AuditSeal.KeysAsync(db, [childId], create: false, CancellationToken.None);
        Assert.Contains("testcase audit", AuditSeal.Open(searched.Detail, keys[childId]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE \"AuditEntries\" SET \"Basis\" = 'rewritten'")]
    [InlineData("DELETE FROM \"AuditEntries\"")]
    public async Task AuditTrail_CannotBeRewrittenOrDeletedByTheService(string sql)
    {
        var area = await factory.NewAreaAsync();
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));
        using var created = await client.PostAsJsonAsync("/api/v1/children", Child);
        var childId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var before = await AuditRowsAsync(area.Area.Id, childId);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(sql));

        Assert.Contains(Refusal, error.Message, StringComparison.Ordinal);
        var after = await AuditRowsAsync(area.Area.Id, childId);
        Assert.Equal(before.Select(r => (r.Id, r.Basis)), after.Select(r => (r.Id, r.Basis)));
    }

    /// <summary>The same refusal reaches the service's own unit of work: a tracked change or removal of an audit row fails and leaves it as it was.</summary>
    [Theory]
    [InlineData(EntityState.Modified)]
    [InlineData(EntityState.Deleted)]
    public async Task AuditTrail_CannotBeChangedOrRemovedThroughTheServicesOwnContext(EntityState change)
    {
        var area = await factory.NewAreaAsync();
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));
        using var created = await client.PostAsJsonAsync("/api/v1/children", Child);
        var childId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var before = Assert.Single(await AuditRowsAsync(area.Area.Id, childId));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        var row = await db.AuditEntries.SingleAsync(a => a.Id == before.Id);
        if (change == EntityState.Modified)
        {
            db.Entry(row).Property(a => a.Basis).CurrentValue = "rewritten";
        }
        else
        {
            db.AuditEntries.Remove(row);
        }

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains(Refusal, error.InnerException?.Message ?? error.Message, StringComparison.Ordinal);
        var after = Assert.Single(await AuditRowsAsync(area.Area.Id, childId));
        Assert.Equal((before.Id, before.Basis, before.Action), (after.Id, after.Basis, after.Action));
    }

    [Fact]
    public async Task DataProtectionOfficer_SeesWhoLookedAndCanExportItButNotTheRecord()
    {
        var area = await factory.NewAreaAsync();
        using var worker = factory.NewClient();
        await HttpSignIn.SignInAsync(worker, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));
        using var created = await worker.PostAsJsonAsync("/api/v1/children", Child);
        using var read = await worker.GetAsync(created.Headers.Location);
        var childId = created.Headers.Location!.OriginalString.Split('/')[^1];
        using var dpo = factory.NewClient();
        await HttpSignIn.SignInAsync(dpo, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.DataProtectionOfficer));

        var page = await dpo.GetStringAsync(new Uri($"/audit/children/{childId}", UriKind.Relative));
        using var csv = await dpo.GetAsync(new Uri($"/audit/children/{childId}?handler=Csv", UriKind.Relative));
        using var record = await dpo.GetAsync(new Uri($"/children/{childId}", UriKind.Relative));

        Assert.Contains("Viewed the record", page, StringComparison.Ordinal);
        Assert.Contains("Created the child&#x27;s record", page, StringComparison.Ordinal);
        Assert.Contains("Test Practitioner", page, StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("When,Who,Agency,What,Why,From", lines[0]);
        Assert.True(lines.Length >= 4, "header, created, read, and the officer's own view of the trail");
        Assert.Equal("/account/access-denied", record.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task AuditTrail_IsNotOpenToSocialWorkers()
    {
        var area = await factory.NewAreaAsync();
        using var worker = factory.NewClient();
        await HttpSignIn.SignInAsync(worker, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));

        using var response = await worker.GetAsync(new Uri("/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location?.AbsolutePath);
    }

    private sealed record MeShape(Guid PractitionerId);
}

public sealed class SqliteAuditTrailTests(SqliteFactory factory) : AuditTrailTests<SqliteFactory>(factory);

public sealed class PostgreSqlAuditTrailTests(PostgreSqlFactory factory) : AuditTrailTests<PostgreSqlFactory>(factory);
