using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Data.Records;
using Safeguard.Data.Seeding;
using Safeguard.Data.Audit;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Account;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// Across areas, with the demo's two areas in one partnership (Northmoor and Eastwold): a member of the partnership reads its records
/// from either area and no case record of either; an account serving both areas works in one at a time, chosen, and never sees one
/// area's records from the other; every act is audited in the area it was done in; no one outside the partnership reads its records.
/// </summary>
public abstract class PartnershipTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private static readonly Guid Northmoor = DemoArea.AreaId;
    private static readonly Guid Eastwold = SecondDemoArea.AreaId;

    private static string Demo(string login) => $"{login}@{DemoArea.EmailDomain}";

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, email, DemoArea.Password);
        return client;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, Guid? area = null, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (area is { } id)
        {
            request.Headers.Add(WorkingArea.Header, id.ToString());
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    private async Task<(Guid Id, string Given, string Family, DateOnly Born)> ChildOfAsync(Guid area)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area);
        var child = await db.Children.AsNoTracking().Where(c => c.DateOfBirth != null && c.GivenName != "").OrderBy(c => c.Id).FirstAsync();
        return (child.Id, child.GivenName, child.FamilyName, child.DateOfBirth!.Value);
    }

    private static string Find((Guid Id, string Given, string Family, DateOnly Born) child) =>
        $"/api/v1/children/find?givenName={Uri.EscapeDataString(child.Given)}&familyName={Uri.EscapeDataString(child.Family)}&dateOfBirth={child.Born:yyyy-MM-dd}";

    private async Task<T> InAreaAsync<T>(Guid area, Func<SafeguardDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area);
        return await read(db);
    }

    [Fact]
    public async Task APartnershipMember_ReadsThePartnershipsRecords_FromBothAreas_AndNoCaseRecordOfEither()
    {
        using var member = await SignedInAsync(Demo("partnership"));
        var inNorthmoor = await Json(await SendAsync(member, HttpMethod.Post, "/api/v1/partnership/arrangements", body: new
        {
            title = "Multi-agency safeguarding arrangements " + Guid.NewGuid().ToString("N")[..6], publishedOn = "2026-04-01",
            link = "https://www.example.org/northmoor-eastwold/arrangements",
        }), HttpStatusCode.Created);
        var inEastwold = await Json(await SendAsync(member, HttpMethod.Post, "/api/v1/partnership/arrangements", Eastwold, new
        {
            title = "Arrangements, revised " + Guid.NewGuid().ToString("N")[..6], publishedOn = "2026-09-01",
            link = "https://www.example.org/northmoor-eastwold/arrangements-revised",
        }), HttpStatusCode.Created);
        Assert.Equal(SecondDemoArea.Name, inEastwold.GetProperty("recordedInArea").GetString());

        foreach (Guid? area in new Guid?[] { null, Eastwold })
        {
            var partnership = await Json(await SendAsync(member, HttpMethod.Get, "/api/v1/partnership", area));
            Assert.Equal(SecondDemoArea.PartnershipName, partnership.GetProperty("name").GetString());
            Assert.Equal(new[] { SecondDemoArea.Name, DemoArea.Name }, partnership.GetProperty("areas").EnumerateArray().Select(a => a.GetString()!).Order().ToArray());
            var ids = partnership.GetProperty("arrangements").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
            Assert.Contains(inNorthmoor.GetProperty("id").GetGuid(), ids);
            Assert.Contains(inEastwold.GetProperty("id").GetGuid(), ids);
        }

        // No case record of either area, in either area.
        foreach (var (area, child) in new[] { (Northmoor, await ChildOfAsync(Northmoor)), (Eastwold, await ChildOfAsync(Eastwold)) })
        {
            foreach (var path in new[] { $"/api/v1/children/{child.Id}", $"/api/v1/children/{child.Id}/chronology", "/api/v1/referrals/queue" })
            {
                using var response = await SendAsync(member, HttpMethod.Get, path, area);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{path} in {area}: {(int)response.StatusCode}");
            }
        }

        // Each act is audited in the area it was done in, naming the account and the practitioner it acted as there.
        var accountId = await InAreaAsync(Northmoor, db => db.Users.Where(u => u.Email == Demo("partnership")).Select(u => u.Id).SingleAsync());
        var eastwoldSelf = await InAreaAsync(Eastwold, db => db.Practitioners.Where(p => p.Email == Demo("partnership")).Select(p => p.Id).SingleAsync());
        var recordedThere = await InAreaAsync(Eastwold, db => db.AuditEntries.AsNoTracking()
            .Where(e => e.RecordId == inEastwold.GetProperty("id").GetGuid() && e.Action == AuditAction.Created).ToListAsync());
        var entry = Assert.Single(recordedThere);
        Assert.Equal(accountId, entry.UserId);
        Assert.Equal(eastwoldSelf, entry.PractitionerId);
        Assert.Equal(RecordKinds.PartnershipArrangements.Name, entry.RecordType);
        Assert.False(await InAreaAsync(Northmoor, db => db.AuditEntries.AnyAsync(e => e.RecordId == inEastwold.GetProperty("id").GetGuid()
            && e.Action == AuditAction.Created)));
    }

    [Fact]
    public async Task TheForceWidePoliceAccount_WorkingInOneArea_NeverSeesTheOtherAreasRecords()
    {
        using var officer = await SignedInAsync(Demo("force.police"));
        var northmoorChild = await ChildOfAsync(Northmoor);
        var eastwoldChild = await ChildOfAsync(Eastwold);

        // Working in its own area (Northmoor): Eastwold's child is not there to be found; Northmoor's is.
        Assert.Contains(northmoorChild.Id.ToString(), (await Json(await SendAsync(officer, HttpMethod.Get, Find(northmoorChild)))).ToString());
        Assert.DoesNotContain(eastwoldChild.Id.ToString(), (await Json(await SendAsync(officer, HttpMethod.Get, Find(eastwoldChild)))).ToString());

        // Working in Eastwold: the other way round, and it is Eastwold's practitioner of the same force.
        Assert.Contains(eastwoldChild.Id.ToString(), (await Json(await SendAsync(officer, HttpMethod.Get, Find(eastwoldChild), Eastwold))).ToString());
        Assert.DoesNotContain(northmoorChild.Id.ToString(), (await Json(await SendAsync(officer, HttpMethod.Get, Find(northmoorChild), Eastwold))).ToString());
        var home = await Json(await SendAsync(officer, HttpMethod.Get, "/api/v1/me"));
        var there = await Json(await SendAsync(officer, HttpMethod.Get, "/api/v1/me", Eastwold));
        Assert.Equal(Northmoor, home.GetProperty("areaId").GetGuid());
        Assert.Equal(Eastwold, there.GetProperty("areaId").GetGuid());
        Assert.NotEqual(home.GetProperty("practitionerId").GetGuid(), there.GetProperty("practitionerId").GetGuid());
        Assert.Equal("Police", there.GetProperty("agencyKind").GetString());

        // The search in Eastwold is in Eastwold's audit trail, not Northmoor's.
        var accountId = await InAreaAsync(Northmoor, db => db.Users.Where(u => u.Email == Demo("force.police")).Select(u => u.Id).SingleAsync());
        Assert.True(await InAreaAsync(Eastwold, db => db.AuditEntries.AnyAsync(e => e.UserId == accountId && e.ChildId == eastwoldChild.Id)));
        Assert.False(await InAreaAsync(Northmoor, db => db.AuditEntries.AnyAsync(e => e.ChildId == eastwoldChild.Id)));
    }

    [Fact]
    public async Task AnAccountInTwoAreas_ChoosesItsArea_OnThePage_ForTheSession()
    {
        using var prison = await SignedInAsync(Demo("prison"));
        var areas = await Json(await SendAsync(prison, HttpMethod.Get, "/api/v1/me/areas"));
        Assert.Equal(new[] { Northmoor, Eastwold }, areas.EnumerateArray().Select(a => a.GetProperty("areaId").GetGuid()).ToArray());
        Assert.True(areas[0].GetProperty("own").GetBoolean() && areas[0].GetProperty("current").GetBoolean());

        using (var chose = await HttpSignIn.PostFormAsync(prison, "/account/area", [new("Area", Eastwold.ToString())]))
        {
            Assert.Equal(HttpStatusCode.Redirect, chose.StatusCode);
        }

        var me = await Json(await SendAsync(prison, HttpMethod.Get, "/api/v1/me"));
        Assert.Equal(Eastwold, me.GetProperty("areaId").GetGuid());
        Assert.Equal("Prison", me.GetProperty("agencyKind").GetString());
        var page = await prison.GetStringAsync(new Uri("/account/area", UriKind.Relative));
        Assert.Contains(SecondDemoArea.Name, page, StringComparison.Ordinal);
        var accountId = await InAreaAsync(Northmoor, db => db.Users.Where(u => u.Email == Demo("prison")).Select(u => u.Id).SingleAsync());
        Assert.True(await InAreaAsync(Eastwold, db => db.AuditEntries.AnyAsync(e => e.UserId == accountId && e.RecordType == "WorkingArea")));

        using (var back = await HttpSignIn.PostFormAsync(prison, "/account/area", [new("Area", Northmoor.ToString())]))
        {
            Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        }

        Assert.Equal(Northmoor, (await Json(await SendAsync(prison, HttpMethod.Get, "/api/v1/me"))).GetProperty("areaId").GetGuid());
    }

    [Fact]
    public async Task AnAreaTheAccountIsNoMemberOf_IsRefused_AndChangesNothing()
    {
        using var socialWorker = await SignedInAsync(Demo("social.worker"));
        using (var refused = await SendAsync(socialWorker, HttpMethod.Get, "/api/v1/me", Eastwold))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var chose = await HttpSignIn.PostFormAsync(socialWorker, "/account/area", [new("Area", Eastwold.ToString())]))
        {
            Assert.Equal(HttpStatusCode.OK, chose.StatusCode);
            Assert.Contains("govuk-error-summary", await chose.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(Northmoor, (await Json(await SendAsync(socialWorker, HttpMethod.Get, "/api/v1/me"))).GetProperty("areaId").GetGuid());
        using var officer = await SignedInAsync(Demo("force.police"));
        var elsewhere = await factory.NewAreaAsync();
        using (var refused = await SendAsync(officer, HttpMethod.Get, "/api/v1/me", elsewhere.Area.Id))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var garbled = await SendAsync(officer, HttpMethod.Get, "/api/v1/me", null, null))
        {
            Assert.Equal(HttpStatusCode.OK, garbled.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/me", UriKind.Relative));
        request.Headers.Add(WorkingArea.Header, "Eastwold");
        using var bad = await officer.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task OutsideThePartnership_OrWithoutAPartnershipRole_NoOneReadsItsRecords()
    {
        var elsewhere = await factory.NewAreaAsync();
        using var otherPartner = factory.NewClient();
        await HttpSignIn.SignInAsync(otherPartner, await factory.NewAccountAsync(elsewhere.Police, PractitionerRole.DelegatedSafeguardingPartner));
        using var socialWorker = await SignedInAsync(Demo("social.worker"));
        using var officer = await SignedInAsync(Demo("force.police"));
        foreach (var (client, area) in new[] { (otherPartner, (Guid?)null), (socialWorker, null), (officer, null), (officer, Eastwold) })
        {
            using var api = await SendAsync(client, HttpMethod.Get, "/api/v1/partnership", area);
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
            using var post = await SendAsync(client, HttpMethod.Post, "/api/v1/partnership/arrangements", area,
                new { title = "Smuggled", publishedOn = "2026-01-01", link = "https://www.example.org/x" });
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        using var page = await otherPartner.GetAsync(new Uri("/partnership", UriKind.Relative));
        Assert.True(page.StatusCode is HttpStatusCode.Forbidden
            || page.Headers.Location?.ToString().Contains("/account/access-denied", StringComparison.Ordinal) == true, $"/partnership: {(int)page.StatusCode} {page.Headers.Location}");
    }

    [Fact]
    public async Task PublishedArrangements_WithoutAnAddressOrDate_AreRefusedWithTheRule_AndNothingIsAdded()
    {
        using var member = await SignedInAsync(Demo("partnership"));
        var before = (await Json(await SendAsync(member, HttpMethod.Get, "/api/v1/partnership"))).GetProperty("arrangements").GetArrayLength();
        var refused = await Json(await SendAsync(member, HttpMethod.Post, "/api/v1/partnership/arrangements", body: new
        {
            title = "Arrangements", publishedOn = "2026-04-01", link = "not a web address",
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("SG-PARTNERSHIP-03", refused.GetProperty("ruleId").GetString());
        var noDate = await Json(await SendAsync(member, HttpMethod.Post, "/api/v1/partnership/arrangements", body: new
        {
            title = "Arrangements", link = "https://www.example.org/a",
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("MASA-02", noDate.GetProperty("ruleId").GetString());
        Assert.Equal(before, (await Json(await SendAsync(member, HttpMethod.Get, "/api/v1/partnership"))).GetProperty("arrangements").GetArrayLength());

        using var page = await HttpSignIn.PostFormAsync(member, "/partnership", [new("Title", "Arrangements"), new("Link", "https://www.example.org/a")]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("govuk-error-summary", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await Json(await SendAsync(member, HttpMethod.Get, "/api/v1/partnership"))).GetProperty("arrangements").GetArrayLength());
    }
}

public sealed class SqlitePartnershipTests(SqliteFactory factory) : PartnershipTests<SqliteFactory>(factory);

public sealed class PostgreSqlPartnershipTests(PostgreSqlFactory factory) : PartnershipTests<PostgreSqlFactory>(factory);
