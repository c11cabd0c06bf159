using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Account;

/// <summary>
/// A request with no body that changes a record (here: marking an Operation Encompass notification seen), signed in
/// with the browser's cookie, is refused unless it shows it comes from the service's own pages.
/// </summary>
public abstract class CrossSiteRequestTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private const string ForeignOrigin = "https://elsewhere.example";

    [Fact]
    public async Task MarkSeen_FromAnotherSitesPage_Is403AndChangesNothing()
    {
        var (dsl, id) = await NotificationForDslAsync();
        using (dsl)
        {
            using var request = MarkSeen(id);
            request.Headers.Add("Origin", ForeignOrigin);

            using var response = await dsl.SendAsync(request);

            await AssertRefusedAsync(response, ForeignOrigin);
            Assert.Equal(JsonValueKind.Null, await SeenAtAsync(dsl));
        }
    }

    [Fact]
    public async Task MarkSeen_FromTheServicesOwnOrigin_Works()
    {
        var (dsl, id) = await NotificationForDslAsync();
        using (dsl)
        {
            using var request = MarkSeen(id);
            request.Headers.Add("Origin", "http://localhost");

            using var response = await dsl.SendAsync(request);

            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.NotEqual(JsonValueKind.Null, await SeenAtAsync(dsl));
        }
    }

    [Fact]
    public async Task MarkSeen_WithNoOriginAndNoOtherSign_Is403AndChangesNothing()
    {
        var (dsl, id) = await NotificationForDslAsync(sendOrigin: false);
        using (dsl)
        {
            using var response = await dsl.SendAsync(MarkSeen(id));

            await AssertRefusedAsync(response, "no Origin header");
            Assert.Equal(JsonValueKind.Null, await SeenAtAsync(dsl));
        }
    }

    [Fact]
    public async Task MarkSeen_WithNoOriginButABrowserSayingAnotherSite_Is403()
    {
        var (dsl, id) = await NotificationForDslAsync(sendOrigin: false);
        using (dsl)
        {
            using var request = MarkSeen(id);
            request.Headers.Add("Sec-Fetch-Site", "cross-site");
            request.Headers.Add("X-Requested-With", "XMLHttpRequest");

            using var response = await dsl.SendAsync(request);

            await AssertRefusedAsync(response, "Sec-Fetch-Site: cross-site");
            Assert.Equal(JsonValueKind.Null, await SeenAtAsync(dsl));
        }
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("X-Requested-With", "XMLHttpRequest")]
    public async Task MarkSeen_WithNoOriginButAHeaderAnotherSiteCannotSend_Works(string header, string value)
    {
        var (dsl, id) = await NotificationForDslAsync(sendOrigin: false);
        using (dsl)
        {
            using var request = MarkSeen(id);
            request.Headers.Add(header, value);

            using var response = await dsl.SendAsync(request);

            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.NotEqual(JsonValueKind.Null, await SeenAtAsync(dsl));
        }
    }

    [Theory]
    [InlineData("http://localhost.elsewhere.example")]
    [InlineData("https://localhost")]
    [InlineData("http://localhost:8080")]
    [InlineData("null")]
    public async Task MarkSeen_FromAnOriginThatOnlyLooksLikeTheService_Is403(string origin)
    {
        var (dsl, id) = await NotificationForDslAsync();
        using (dsl)
        {
            using var request = MarkSeen(id);
            request.Headers.Add("Origin", origin);

            using var response = await dsl.SendAsync(request);

            await AssertRefusedAsync(response, origin);
            Assert.Equal(JsonValueKind.Null, await SeenAtAsync(dsl));
        }
    }

    [Fact]
    public async Task NotSignedIn_AndFromAnotherSite_IsStill401()
    {
        using var anonymous = factory.NewClient(sendOrigin: false);
        using var request = MarkSeen(Guid.NewGuid());
        request.Headers.Add("Origin", ForeignOrigin);

        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static HttpRequestMessage MarkSeen(Guid id) => new(HttpMethod.Post, new Uri($"/api/v1/encompass/{id}/seen", UriKind.Relative));

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string why)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Contains("own pages", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains(why, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonValueKind> SeenAtAsync(HttpClient dsl) =>
        Assert.Single((await dsl.GetFromJsonAsync<JsonElement>("/api/v1/encompass")).EnumerateArray()).GetProperty("seenAt").ValueKind;

    /// <summary>A police notification to a school, and a client signed in as that school's designated safeguarding lead.</summary>
    private async Task<(HttpClient Dsl, Guid NotificationId)> NotificationForDslAsync(bool sendOrigin = true)
    {
        var area = await factory.NewAreaAsync();
        using var officer = factory.NewClient();
        await HttpSignIn.SignInAsync(officer, await factory.NewAccountAsync(area.Police));
        using var sent = await officer.PostAsJsonAsync("/api/v1/encompass", new
        {
            child = new { givenName = "Remy", familyName = "Crosssite", dateOfBirth = "2017-03-01", sex = "U", ethnicityCode = "NOBT" },
            settingAgencyId = area.School.Id,
            incidentAt = "2026-11-20T21:30:00+00:00",
            childPresent = true,
            summary = "Police attended an incident at home; Remy was present.",
        });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var dsl = factory.NewClient(sendOrigin);
        await HttpSignIn.SignInAsync(dsl, await factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead));
        var item = Assert.Single((await dsl.GetFromJsonAsync<JsonElement>("/api/v1/encompass")).EnumerateArray());
        return (dsl, item.GetProperty("id").GetGuid());
    }
}

public sealed class SqliteCrossSiteRequestTests(SqliteFactory factory) : CrossSiteRequestTests<SqliteFactory>(factory);

public sealed class PostgreSqlCrossSiteRequestTests(PostgreSqlFactory factory) : CrossSiteRequestTests<PostgreSqlFactory>(factory);
