using System.Net;
using Safeguard.Data.Seeding;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Account;

public abstract class SignInTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    [Fact]
    public async Task SignIn_WithDemoSocialWorker_LandsOnHomeShowingWhoTheyAre()
    {
        using var client = factory.NewClient();
        using var response = await HttpSignIn.PostSignInAsync(client, "social.worker@northmoor.example", DemoArea.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("Amara Okafor", home, StringComparison.Ordinal);
        Assert.Contains("Northmoor Council children&#x27;s social care", home, StringComparison.Ordinal);
        Assert.Contains("Social worker", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsErrorSummaryAndNoCookie()
    {
        var area = await factory.NewAreaAsync();
        var email = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using var client = factory.NewClient();

        using var response = await HttpSignIn.PostSignInAsync(client, email, "Not-the-password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter a correct email address and password", html, StringComparison.Ordinal);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/sign-in", home.Headers.Location?.AbsolutePath ?? home.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithAnEmailThatHasNoAccount_ChecksThePasswordAsForAnAccount_AndAnswersInTheSameWords()
    {
        var area = await factory.NewAreaAsync();
        var email = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        var unknownEmail = $"nobody{Guid.NewGuid():N}@test.example";
        var unknownPassword = $"Unknown-{Guid.NewGuid():N}";
        var wrongPassword = $"Wrong-{Guid.NewGuid():N}";
        using var client = factory.NewClient();

        using var unknown = await HttpSignIn.PostSignInAsync(client, unknownEmail, unknownPassword);
        using var wrong = await HttpSignIn.PostSignInAsync(client, email, wrongPassword);

        // The password hasher ran for the email with no account, just as it did for the account with a wrong password.
        Assert.Equal(1, factory.PasswordChecks.Of(unknownPassword));
        Assert.Equal(1, factory.PasswordChecks.Of(wrongPassword));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var unknownErrors = Errors(await unknown.Content.ReadAsStringAsync());
        Assert.Contains("Enter a correct email address and password", unknownErrors, StringComparison.Ordinal);
        Assert.Equal(unknownErrors, Errors(await wrong.Content.ReadAsStringAsync()));
    }

    /// <summary>The words of a page's error summary and error messages.</summary>
    private static string Errors(string html) => string.Join("\n", System.Text.RegularExpressions.Regex.Matches(html,
            "<ul class=\"govuk-list govuk-error-summary__list\">(.*?)</ul>|<p id=\"[a-z-]+\" class=\"govuk-error-message\">(.*?)</p>",
            System.Text.RegularExpressions.RegexOptions.Singleline)
        .Select(m => m.Value));

    [Fact]
    public async Task SignIn_WithEmptyFields_AsksForEachField()
    {
        using var client = factory.NewClient();

        using var response = await HttpSignIn.PostSignInAsync(client, "", "");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter your email address", html, StringComparison.Ordinal);
        Assert.Contains("Enter your password", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Email\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_IsLockedEvenWithTheRightOne()
    {
        var area = await factory.NewAreaAsync();
        var email = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using var client = factory.NewClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await HttpSignIn.PostSignInAsync(client, email, "Not-the-password-1");
        }

        using var response = await HttpSignIn.PostSignInAsync(client, email, SafeguardFactory.TestPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your account is locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRejected()
    {
        var area = await factory.NewAreaAsync();
        var email = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using var client = factory.NewClient();

        using var response = await HttpSignIn.PostSignInAsync(client, email, SafeguardFactory.TestPassword, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRejectedAndKeepsTheSession()
    {
        var area = await factory.NewAreaAsync();
        var email = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, email);

        using var signOut = await client.PostAsync(new Uri("/account/sign-out", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task SignIn_IssuesNewSessionCookie_NotTheOnePresentedBefore()
    {
        var area = await factory.NewAreaAsync();
        var email = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using var client = factory.NewClient();
        client.DefaultRequestHeaders.Add("Cookie", "safeguard=planted-by-an-attacker");

        using var response = await HttpSignIn.PostSignInAsync(client, email, SafeguardFactory.TestPassword);

        var cookies = response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("safeguard=", StringComparison.Ordinal)).ToList();
        Assert.Contains(cookies, c => !c.StartsWith("safeguard=planted", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase)
            && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class SqliteSignInTests(SqliteFactory factory) : SignInTests<SqliteFactory>(factory);

public sealed class PostgreSqlSignInTests(PostgreSqlFactory factory) : SignInTests<PostgreSqlFactory>(factory);

/// <summary>Sign-in attempts from one address are throttled, whichever accounts they try.</summary>
public sealed class SignInThrottleTests(SignInThrottleTests.ThrottledFactory factory) : IClassFixture<SignInThrottleTests.ThrottledFactory>
{
    public sealed class ThrottledFactory : SqliteFactory
    {
        public ThrottledFactory() => SignInAttemptsPerMinute = 3;
    }

    [Fact]
    public async Task SignIn_MoreThanTheLimitPerMinute_IsRefusedWith429()
    {
        using var client = factory.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await HttpSignIn.PostSignInAsync(client, $"nobody{i}@test.example", "Not-the-password-1");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429], statuses);
        using var fifth = await HttpSignIn.PostSignInAsync(client, "nobody@test.example", "Not-the-password-1");
        Assert.Contains("Too many attempts", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var page = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
