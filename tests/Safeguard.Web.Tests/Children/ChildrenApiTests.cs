using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Children;

public abstract class ChildrenApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private static object ValidChild(string? nhsNumber = "9434765919") => new
    {
        givenName = "Lily",
        familyName = "Testcase",
        dateOfBirth = "2019-05-04",
        sex = "F",
        ethnicityCode = "WBRI",
        disabilityCodes = new[] { "NONE" },
        firstLanguage = "English",
        nhsNumber,
    };

    [Fact]
    public async Task RegisterChild_WithValidDetails_Returns201AndTheRecordReadsBack()
    {
        var area = await factory.NewAreaAsync();
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));

        using var created = await client.PostAsJsonAsync("/api/v1/children", ValidChild());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!;
        var child = await client.GetFromJsonAsync<JsonElement>(location);
        Assert.Equal("Testcase", child.GetProperty("familyName").GetString());
        Assert.Equal("9434765919", child.GetProperty("nhsNumber").GetString());
        Assert.False(child.GetProperty("unborn").GetBoolean());
    }

    [Fact]
    public async Task RegisterChild_WithInvalidNhsNumber_Is422ProblemWithRuleIdAndSavesNothing()
    {
        var area = await factory.NewAreaAsync();
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));

        using var response = await client.PostAsJsonAsync("/api/v1/children", ValidChild(nhsNumber: "9434765918"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("SG-CHILD-NHS", problem.GetProperty("ruleId").GetString());
        Assert.Contains("NHS number", problem.GetProperty("errors").GetProperty("NhsNumber")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterChild_WithMissingRequiredFields_Is400ValidationProblem()
    {
        var area = await factory.NewAreaAsync();
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));

        using var response = await client.PostAsJsonAsync("/api/v1/children", new { givenName = new string('x', 101) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("FamilyName", out _) || errors.TryGetProperty("familyName", out _));
        Assert.True(errors.TryGetProperty("GivenName", out _) || errors.TryGetProperty("givenName", out _));
    }

    [Fact]
    public async Task RegisterChild_WithMalformedJson_Is400Problem()
    {
        var area = await factory.NewAreaAsync();
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));

        using var body = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/v1/children", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterChild_BornInTheFuture_Is422()
    {
        var area = await factory.NewAreaAsync();
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));

        using var response = await client.PostAsJsonAsync("/api/v1/children", new
        {
            familyName = "Testcase", givenName = "Future", dateOfBirth = "2099-01-01", sex = "M", ethnicityCode = "WBRI",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("SG-CHILD-02", problem.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task GetChild_FromAnotherArea_IsNotFound()
    {
        var home = await factory.NewAreaAsync();
        var other = await factory.NewAreaAsync();
        using var otherClient = factory.NewClient();
        await HttpSignIn.SignInAsync(otherClient, await factory.NewAccountAsync(other.SocialCare, PractitionerRole.SocialWorker));
        using var created = await otherClient.PostAsJsonAsync("/api/v1/children", ValidChild(nhsNumber: null));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(home.SocialCare, PractitionerRole.SocialWorker));

        using var response = await client.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetChild_AsSchoolStaff_IsForbiddenUntilARelationshipExists()
    {
        var area = await factory.NewAreaAsync();
        using var worker = factory.NewClient();
        await HttpSignIn.SignInAsync(worker, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));
        using var created = await worker.PostAsJsonAsync("/api/v1/children", ValidChild(nhsNumber: null));
        using var teacher = factory.NewClient();
        await HttpSignIn.SignInAsync(teacher, await factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead));

        using var response = await teacher.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Me_ReturnsTheCallersAgencyAndRoles()
    {
        var area = await factory.NewAreaAsync();
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead));

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(area.School.Name, me.GetProperty("agency").GetString());
        Assert.Equal(area.Area.Id, me.GetProperty("areaId").GetGuid());
        Assert.Contains("DesignatedSafeguardingLead", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    [Trait("Rule", "RC-01")]
    public async Task ASafeAddress_IsMarkedByAManager_AndWithheldFromEveryoneElse_IncludingASubjectAccessExport()
    {
        var area = await factory.NewAreaAsync();
        using var worker = factory.NewClient();
        await HttpSignIn.SignInAsync(worker, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));
        using var manager = factory.NewClient();
        await HttpSignIn.SignInAsync(manager, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor));
        using var dpo = factory.NewClient();
        await HttpSignIn.SignInAsync(dpo, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.DataProtectionOfficer));
        using var created = await worker.PostAsJsonAsync("/api/v1/children", ValidChild(nhsNumber: null));
        var childId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Safeguard.Data.SafeguardDbContext>();
            db.WorkInArea(area.Area.Id);
            var child = await db.Children.SingleAsync(c => c.Id == childId);
            child.MoveTo(new Safeguard.Domain.Children.Address("Flat 3, Harbour House", null, "Northmoor", "NM4 7QZ", new DateOnly(2026, 10, 1)));
            await db.SaveChangesAsync();
        }

        using (var byWorker = await worker.PostAsJsonAsync($"/api/v1/children/{childId}/address/safe", new { safe = true }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byWorker.StatusCode);
        }

        Assert.Contains("NM4 7QZ", await worker.GetStringAsync(new Uri($"/children/{childId}", UriKind.Relative)), StringComparison.Ordinal);
        using (var marked = await manager.PostAsJsonAsync($"/api/v1/children/{childId}/address/safe", new { safe = true }))
        {
            Assert.Equal(HttpStatusCode.NoContent, marked.StatusCode);
        }

        var seenByWorker = await worker.GetStringAsync(new Uri($"/children/{childId}", UriKind.Relative));
        Assert.DoesNotContain("NM4 7QZ", seenByWorker, StringComparison.Ordinal);
        Assert.Contains("A safe address (a refuge) is held", seenByWorker, StringComparison.Ordinal);
        Assert.Contains("NM4 7QZ", await manager.GetStringAsync(new Uri($"/children/{childId}", UriKind.Relative)), StringComparison.Ordinal);

        using var request = await dpo.PostAsJsonAsync("/api/v1/data-protection/requests", new
        {
            childId, kind = "SubjectAccess", requesterName = "Father Testcase", relationship = "Parent", receivedOn = "2026-11-20",
            details = "Everything held about Lily.",
        });
        var requestId = (await request.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using (var checkedId = await dpo.PostAsJsonAsync($"/api/v1/data-protection/requests/{requestId}/identity-check", new { how = "Passport seen at the front desk." }))
        {
            Assert.Equal(HttpStatusCode.OK, checkedId.StatusCode);
        }

        var export = await dpo.GetStringAsync(new Uri($"/api/v1/data-protection/requests/{requestId}/export", UriKind.Relative));
        Assert.DoesNotContain("NM4 7QZ", export, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour House", export, StringComparison.Ordinal);
        Assert.Contains("Withheld: a safe address", export, StringComparison.Ordinal);
    }
}

public sealed class SqliteChildrenApiTests(SqliteFactory factory) : ChildrenApiTests<SqliteFactory>(factory);

public sealed class PostgreSqlChildrenApiTests(PostgreSqlFactory factory) : ChildrenApiTests<PostgreSqlFactory>(factory);
