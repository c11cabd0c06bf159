using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Hosting;

public abstract class HostingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WhenDatabaseIsUp_IsHealthyWithoutSigningIn(string path)
    {
        using var client = factory.NewClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocument_IsPublishedAndDescribesTheApi()
    {
        using var client = factory.NewClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/me", out _));
        Assert.True(paths.TryGetProperty("/api/v1/children", out _));
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders()
    {
        using var client = factory.NewClient();

        using var response = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'nonce-", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_WhenSignedIn_IsAccessibleNotFoundPage()
    {
        using var client = factory.NewClient();
        var area = await factory.NewAreaAsync();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(area.School));

        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("govuk-skip-link", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WithoutSignIn_Is401ProblemNotARedirect()
    {
        using var client = factory.NewClient();

        using var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task UnknownPage_WhenSignedOut_AsksToSignInWithoutSayingWhetherItExists()
    {
        using var client = factory.NewClient();

        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Api_UnknownRoute_WhenSignedIn_IsNotFoundProblem()
    {
        using var client = factory.NewClient();
        var area = await factory.NewAreaAsync();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(area.School));

        using var response = await client.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class SqliteHostingTests(SqliteFactory factory) : HostingTests<SqliteFactory>(factory);

public sealed class PostgreSqlHostingTests(PostgreSqlFactory factory) : HostingTests<PostgreSqlFactory>(factory);
