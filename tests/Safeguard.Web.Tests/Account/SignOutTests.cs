using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data.Identity;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Account;

/// <summary>
/// A session ends on the server: after signing out, the cookie the browser had is refused wherever it is presented, by every
/// node of the service sharing the database; and a change to the account ends its sessions at once.
/// </summary>
public sealed partial class SignOutTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    /// <summary>Signs in and returns the client and the session cookie it was given ("safeguard=…"), as someone copying it would.</summary>
    private async Task<(HttpClient Client, string Cookie, string Email)> SignedInAsync()
    {
        var area = await factory.NewAreaAsync();
        var email = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        var client = factory.NewClient();
        using var response = await HttpSignIn.PostSignInAsync(client, email, SafeguardFactory.TestPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Last(c => c.StartsWith("safeguard=", StringComparison.Ordinal) && !c.StartsWith("safeguard=;", StringComparison.Ordinal));
        return (client, cookie.Split(';')[0], email);
    }

    /// <summary>A request carrying only the copied cookie, from a client that keeps none of its own.</summary>
    internal static async Task<HttpResponseMessage> ReplayAsync(SafeguardFactory node, string cookie, string path)
    {
        using var client = node.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static async Task SignOutAsync(HttpClient client)
    {
        using var response = await HttpSignIn.PostFormAsync(client, "/account/sign-out", [], tokenFrom: "/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task AfterSigningOut_TheOldCookie_IsRefused_OnTheApiAndOnPages()
    {
        var (client, cookie, _) = await SignedInAsync();
        using (client)
        {
            using (var before = await ReplayAsync(factory, cookie, "/api/v1/me"))
            {
                Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            }

            await SignOutAsync(client);

            using var api = await ReplayAsync(factory, cookie, "/api/v1/me");
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
            using var page = await ReplayAsync(factory, cookie, "/");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/account/sign-in", page.Headers.Location!.IsAbsoluteUri ? page.Headers.Location.AbsolutePath : page.Headers.Location.OriginalString,
                StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SigningInAgain_EndsTheSessionTheBrowserHadBefore()
    {
        var (client, cookie, email) = await SignedInAsync();
        using (client)
        {
            await HttpSignIn.SignInAsync(client, email);

            using var old = await ReplayAsync(factory, cookie, "/api/v1/me");
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
            using var current = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        }
    }

    [Fact]
    public async Task ANewPassword_EndsTheAccountsSessions_AtOnce()
    {
        var (client, cookie, email) = await SignedInAsync();
        using (client)
        {
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<SafeguardUser>>();
                var user = (await users.FindByEmailAsync(email))!;
                Assert.True((await users.ChangePasswordAsync(user, SafeguardFactory.TestPassword, "Another-password-2026")).Succeeded);
            }

            // No waiting for the account's next re-check: the very next request is refused.
            using var api = await ReplayAsync(factory, cookie, "/api/v1/me");
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }
    }

    [Fact]
    public async Task AnotherNodeOnTheSameDatabase_AcceptsALiveSession_AndRefusesAnEndedOne()
    {
        var (client, cookie, _) = await SignedInAsync();
        await using var second = new SecondNodeFactory(factory);
        using (client)
        {
            using (var live = await ReplayAsync(second, cookie, "/api/v1/me"))
            {
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            }

            await SignOutAsync(client);

            using var ended = await ReplayAsync(second, cookie, "/api/v1/me");
            Assert.Equal(HttpStatusCode.Unauthorized, ended.StatusCode);
        }
    }
}

/// <summary>
/// Behind a proxy that ends TLS: X-Forwarded-Proto is believed only from the proxy the operator lists
/// (ForwardedHeaders:KnownProxies), so the session cookie is Secure when the browser used HTTPS, and anyone else sending the
/// header changes nothing. The test server has no peer address; a header of the test's own stands for it.
/// </summary>
public sealed partial class ForwardedHeadersTests(ForwardedHeadersTests.BehindProxyFactory factory) : IClassFixture<ForwardedHeadersTests.BehindProxyFactory>
{
    public const string Proxy = "10.20.30.40";

    public sealed class BehindProxyFactory : SqliteFactory
    {
        public BehindProxyFactory() => Settings = new Dictionary<string, string> { ["ForwardedHeaders:KnownProxies"] = Proxy };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, PeerFromTestHeader>());
        }
    }

    /// <summary>Sets the connection's peer address from X-Test-Peer, before anything else sees the request.</summary>
    private sealed class PeerFromTestHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers["X-Test-Peer"].ToString(), out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>Signs in from a peer, with X-Forwarded-Proto: https, and returns the session cookie as set.</summary>
    private async Task<string> SessionCookieFromAsync(string peer)
    {
        var area = await factory.NewAreaAsync();
        var email = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using var client = factory.CreateDefaultClient();
        using var form = new HttpRequestMessage(HttpMethod.Get, new Uri("/account/sign-in", UriKind.Relative));
        form.Headers.Add("X-Test-Peer", peer);
        form.Headers.Add("X-Forwarded-Proto", "https");
        using var page = await client.SendAsync(form);
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var token = WebUtility.HtmlDecode(TokenPattern().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);

        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/sign-in", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.Password"] = SafeguardFactory.TestPassword, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("X-Test-Peer", peer);
        post.Headers.Add("X-Forwarded-Proto", "https");
        post.Headers.Add("Cookie", string.Join("; ", antiforgery));
        using var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn.Headers.GetValues("Set-Cookie").Last(c => c.StartsWith("safeguard=", StringComparison.Ordinal) && !c.StartsWith("safeguard=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HttpsForwardedByTheConfiguredProxy_GivesASecureSessionCookie()
    {
        var cookie = await SessionCookieFromAsync(Proxy);

        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HttpsClaimedByAnyoneElse_ChangesNothing()
    {
        var cookie = await SessionCookieFromAsync("10.20.30.99");

        Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
