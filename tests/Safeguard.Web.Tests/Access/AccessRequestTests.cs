using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Data;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.FamilyHelp;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// A practitioner with no relationship with a child asks for access to the record; the manager of the child's case
/// (who allocated its lead practitioner) decides; granted access is audited with who granted it and why, and ends on
/// its own.
/// </summary>
public abstract class AccessRequestTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private const string Reason = "School nurse: I need Ada's plan to arrange her health assessment in school.";

    [Fact]
    public async Task ATeacherAsks_TheCaseManagerGrantsForLess_TheAccessIsAuditedAndEnds_AndARefusalGivesNone()
    {
        var area = await factory.NewAreaAsync();
        using var dsl = await SignedInAsync(area.School, PractitionerRole.DesignatedSafeguardingLead);
        using var manager = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        using var otherManager = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var workerEmail = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        var nurseEmail = await factory.NewAccountAsync(area.School, PractitionerRole.Practitioner);
        using var nurse = factory.NewClient();
        await HttpSignIn.SignInAsync(nurse, nurseEmail);
        var childId = await AllocatedChildAsync(dsl, manager, await PractitionerIdAsync(area, workerEmail));
        var caseManagerId = (await Json(await manager.GetAsync(new Uri("/api/v1/me", UriKind.Relative)))).GetProperty("practitionerId").GetGuid();
        var record = new Uri($"/children/{childId}", UriKind.Relative);
        Assert.Equal("/account/access-denied", await DeniedAtAsync(nurse, record));

        var vague = await nurse.PostAsJsonAsync($"/api/v1/children/{childId}/access-requests", new { reason = "for my records", days = 14 });
        Assert.Equal("SG-AC-04", (await Problem(vague)).GetProperty("ruleId").GetString());
        var tooLong = await nurse.PostAsJsonAsync($"/api/v1/children/{childId}/access-requests", new { reason = Reason, days = 45 });
        Assert.Equal("SG-AC-05", (await Problem(tooLong)).GetProperty("ruleId").GetString());
        var asked = await Json(await nurse.PostAsJsonAsync($"/api/v1/children/{childId}/access-requests", new { reason = Reason, days = 14 }), HttpStatusCode.Created);
        var requestId = asked.GetProperty("id").GetGuid();
        Assert.Equal("Waiting", asked.GetProperty("status").GetString());
        var again = await nurse.PostAsJsonAsync($"/api/v1/children/{childId}/access-requests", new { reason = Reason, days = 14 });
        Assert.Equal("SG-AC-09", (await Problem(again)).GetProperty("ruleId").GetString());
        Assert.Equal("/account/access-denied", await DeniedAtAsync(nurse, record));

        // The case's manager (who allocated the lead practitioner) is asked; another manager is not troubled with it.
        Assert.Contains((await Json(await manager.GetAsync(new Uri("/api/v1/access-requests", UriKind.Relative)))).EnumerateArray(),
            r => r.GetProperty("id").GetGuid() == requestId);
        Assert.Contains("Requests for access to decide", await manager.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain((await Json(await otherManager.GetAsync(new Uri("/api/v1/access-requests", UriKind.Relative)))).EnumerateArray(),
            r => r.GetProperty("id").GetGuid() == requestId);
        using (var byNurse = await nurse.GetAsync(new Uri("/api/v1/access-requests", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byNurse.StatusCode);
        }

        using (var selfGrant = await nurse.PostAsJsonAsync($"/api/v1/access-requests/{requestId}/decision", new { grant = true, days = 14, reasons = "Mine." }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, selfGrant.StatusCode);
        }

        var longer = await manager.PostAsJsonAsync($"/api/v1/access-requests/{requestId}/decision", new { grant = true, days = 20, reasons = "Needed." });
        Assert.Equal("SG-AC-05", (await Problem(longer)).GetProperty("ruleId").GetString());
        var noReasons = await manager.PostAsJsonAsync($"/api/v1/access-requests/{requestId}/decision", new { grant = false });
        Assert.Equal("SG-AC-08", (await Problem(noReasons)).GetProperty("ruleId").GetString());
        var granted = await Json(await manager.PostAsJsonAsync($"/api/v1/access-requests/{requestId}/decision",
            new { grant = true, days = 7, reasons = "The health assessment is this week; a week is enough." }));
        Assert.Equal("Granted", granted.GetProperty("status").GetString());

        var page = await nurse.GetStringAsync(record);
        Assert.Contains("You are seeing this record through a request for access", page, StringComparison.Ordinal);
        var basis = await LastBasisAsync(area, childId);
        Assert.StartsWith("Access granted by Test Practitioner until ", basis, StringComparison.Ordinal);
        Assert.EndsWith(": " + Reason, basis, StringComparison.Ordinal);
        using var chronology = await nurse.GetAsync(new Uri($"/api/v1/children/{childId}/chronology", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, chronology.StatusCode);
        Assert.Contains("Granted", await nurse.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain("Requests for access to decide", await manager.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        ((FakeTimeProvider)factory.Time!).Advance(TimeSpan.FromDays(7));
        await HttpSignIn.SignInAsync(nurse, nurseEmail);
        Assert.Equal("/account/access-denied", await DeniedAtAsync(nurse, record));
        Assert.Contains("Ended", await nurse.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        // Asked again, and refused with reasons the nurse reads on the "record exists" result: still no access.
        var second = (await Json(await nurse.PostAsJsonAsync($"/api/v1/children/{childId}/access-requests", new { reason = Reason, days = 7 }),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // A week on, sessions have ended: another social work qualified manager of the case manager's team, signing in afresh,
        // decides (a manager of the same team may; a manager of another team may not).
        var teammateEmail = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        await SameTeamAsync(area, caseManagerId, await PractitionerIdAsync(area, teammateEmail));
        await HttpSignIn.SignInAsync(otherManager, teammateEmail);
        var refused = await Json(await otherManager.PostAsJsonAsync($"/api/v1/access-requests/{second}/decision",
            new { grant = false, reasons = "The assessment is done; the school nurse's own records are enough." }));
        Assert.Equal("Refused", refused.GetProperty("status").GetString());
        Assert.Equal("/account/access-denied", await DeniedAtAsync(nurse, record));
        var found = await nurse.GetStringAsync(new Uri("/children/find?GivenName=Ada&FamilyName=Accesscase&DateOfBirth.Day=2&DateOfBirth.Month=3&DateOfBirth.Year=2015",
            UriKind.Relative));
        Assert.Contains("your request for access was refused: The assessment is done", found, StringComparison.Ordinal);
    }

    /// <summary>Puts the practitioners in one team of the area's children's social care.</summary>
    private async Task SameTeamAsync(TestArea area, params Guid[] practitionerIds)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        var team = new Team(Guid.NewGuid(), area.Area.Id, area.SocialCare.Id, "Assessment team");
        db.Teams.Add(team);
        foreach (var practitioner in await db.Practitioners.Where(p => practitionerIds.Contains(p.Id)).ToListAsync())
        {
            db.Entry(practitioner).Property(p => p.TeamId).CurrentValue = team.Id;
        }

        await db.SaveChangesAsync();
    }

    private async Task<HttpClient> SignedInAsync(Agency agency, params PractitionerRole[] roles)
    {
        var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(agency, roles));
        return client;
    }

    /// <summary>A child referred by the school, decided and allocated by the manager to a social worker: the manager is the case's manager.</summary>
    private static async Task<Guid> AllocatedChildAsync(HttpClient dsl, HttpClient manager, Guid workerId)
    {
        var referral = await Json(await dsl.PostAsJsonAsync("/api/v1/referrals", new
        {
            child = new { givenName = "Ada", familyName = "Accesscase", dateOfBirth = "2015-03-02", sex = "F", ethnicityCode = "WBRI" },
            concerns = "Ada says she is often left alone overnight.",
            harmTypes = new List<string> { "Neglect" },
            harmContexts = new List<string> { "InsideTheHome" },
            familyKnows = true,
            familyAgrees = true,
            urgency = "Standard",
        }), HttpStatusCode.Created);
        var episodeId = (await Json(await manager.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/decision", new
        {
            outcome = "Section17Assessment", reasons = "Left alone overnight: assess.", primaryNeedCode = "N2",
        }))).GetProperty("episodeId").GetGuid();
        await Json(await manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = workerId, agreed = true }));
        return referral.GetProperty("childId").GetGuid();
    }

    private static async Task<string?> DeniedAtAsync(HttpClient client, Uri record)
    {
        using var response = await client.GetAsync(record);
        return response.Headers.Location?.AbsolutePath;
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await Json(response, HttpStatusCode.UnprocessableEntity);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    private async Task<Guid> PractitionerIdAsync(TestArea area, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return await db.Practitioners.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
    }

    private async Task<string?> LastBasisAsync(TestArea area, Guid childId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return await db.AuditEntries.Where(a => a.ChildId == childId && a.RecordType == "Child").OrderByDescending(a => a.Id).Select(a => a.Basis).FirstAsync();
    }
}

public sealed class SqliteAccessRequestTests(FamilyHelpSqliteFactory factory) : AccessRequestTests<FamilyHelpSqliteFactory>(factory);

public sealed class PostgreSqlAccessRequestTests(FamilyHelpPostgreSqlFactory factory) : AccessRequestTests<FamilyHelpPostgreSqlFactory>(factory);
