using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Account;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Account;

/// <summary>
/// How long a session lives (Authentication:SessionMinutes, 60 by default, sliding) and how soon a change to the
/// account reaches it (the security stamp is re-checked every minute), on a clock the test moves.
/// </summary>
public sealed class SessionTests(SessionTests.ClockedFactory factory) : IClassFixture<SessionTests.ClockedFactory>
{
    public sealed class ClockedFactory : SqliteFactory
    {
        public ClockedFactory() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    }

    private FakeTimeProvider Clock => factory.Time!;

    private static async Task<HttpStatusCode> MeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        return response.StatusCode;
    }

    private async Task<(HttpClient Client, string Email)> SignedInAsync()
    {
        var area = await factory.NewAreaAsync();
        var email = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, email);
        return (client, email);
    }

    [Fact]
    public async Task SessionCookie_IsNotKeptAfterTheBrowserCloses()
    {
        var area = await factory.NewAreaAsync();
        var email = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using var client = factory.NewClient();

        using var response = await HttpSignIn.PostSignInAsync(client, email, SafeguardFactory.TestPassword);

        // The first Set-Cookie clears any cookie presented before signing in; the second is the new session.
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"),
            c => c.StartsWith("safeguard=", StringComparison.Ordinal) && !c.StartsWith("safeguard=;", StringComparison.Ordinal));
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("max-age=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Session_IdleLongerThanTheSessionMinutes_Expires()
    {
        var (client, _) = await SignedInAsync();
        using (client)
        {
            Clock.Advance(TimeSpan.FromMinutes(61));

            Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client));
        }
    }

    [Fact]
    public async Task Session_InUse_SlidesPastTheFirstHour_ThenExpiresWhenIdle()
    {
        var (client, _) = await SignedInAsync();
        using (client)
        {
            Clock.Advance(TimeSpan.FromMinutes(40));
            Assert.Equal(HttpStatusCode.OK, await MeAsync(client));
            Clock.Advance(TimeSpan.FromMinutes(40));
            Assert.Equal(HttpStatusCode.OK, await MeAsync(client));
            Clock.Advance(TimeSpan.FromMinutes(61));
            Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client));
        }
    }

    [Fact]
    public async Task Lock_EndsThePersonsSessionAtTheNextCheck()
    {
        var (client, email) = await SignedInAsync();
        using (client)
        {
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Identity.SafeguardUser>>();
                var user = (await users.FindByEmailAsync(email))!;
                Assert.True(await scope.ServiceProvider.GetRequiredService<ManageAccount>().LockAsync(user.AreaId, Guid.NewGuid(), user.Id, CancellationToken.None));
            }

            Clock.Advance(TimeSpan.FromMinutes(2));

            Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client));
        }
    }

    [Fact]
    public async Task AdministratorsSecondFactor_SurvivesTheRecheckOfTheAccount()
    {
        var area = await factory.NewAreaAsync();
        using var admin = await factory.AdministratorClientAsync(area);

        Clock.Advance(TimeSpan.FromMinutes(5));
        using var accounts = await admin.GetAsync(new Uri("/api/v1/admin/users", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
    }
}
