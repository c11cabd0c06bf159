using System.Net;
using System.Text.RegularExpressions;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Account;

public abstract partial class TwoFactorTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private static Uri Path(string path) => new(path, UriKind.Relative);

    private static string SharedKey(string html) =>
        SharedKeyPattern().Match(html) is { Success: true } match ? match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal)
            : throw new InvalidOperationException("No shared key on the page");

    [Fact]
    public async Task SetUp_ShowsTheKeyInGroupsAndAnOtpauthUriAndQrCode()
    {
        var area = await factory.NewAreaAsync();
        var email = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, email);

        var html = await client.GetStringAsync(Path("/account/security"));

        Assert.Matches("id=\"shared-key\">([A-Z2-7]{4} )+[A-Z2-7]{1,4}<", html);
        Assert.Contains($"otpauth://totp/Safeguard:{Uri.EscapeDataString(email)}?secret={SharedKey(html)}&amp;issuer=Safeguard&amp;digits=6", html,
            StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        // The key stays the same until two-factor authentication is turned on, so a reload does not break a half-done set-up.
        Assert.Equal(SharedKey(html), SharedKey(await client.GetStringAsync(Path("/account/security"))));
    }

    [Fact]
    public async Task TurnOn_WithWrongThenRightCode_ShowsErrorThenRecoveryCodesOnce()
    {
        var area = await factory.NewAreaAsync();
        var email = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, email);
        var key = SharedKey(await client.GetStringAsync(Path("/account/security")));

        using var wrong = await HttpSignIn.PostCodeAsync(client, "/account/security", Totp.Wrong(key), "Enable");
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("The code is not correct", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#Code\"", wrongHtml, StringComparison.Ordinal);

        using var right = await HttpSignIn.PostCodeAsync(client, "/account/security", Totp.Now(key), "Enable");
        var rightHtml = await right.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(10, RecoveryCodePattern().Count(rightHtml));
        Assert.Contains("no-store", right.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        var later = await client.GetStringAsync(Path("/account/security"));
        Assert.Equal(0, RecoveryCodePattern().Count(later));
        Assert.Contains("Recovery codes left", later, StringComparison.Ordinal);
        Assert.DoesNotContain("shared-key", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithTwoFactorOn_AsksForTheCodeBeforeAnythingIsReachable()
    {
        var area = await factory.NewAreaAsync();
        var (email, key, _) = await factory.NewAccountWithTwoFactorAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using var client = factory.NewClient();

        using var password = await HttpSignIn.PostSignInAsync(client, email, SafeguardFactory.TestPassword);
        Assert.Equal("/account/sign-in/code", password.Headers.Location?.OriginalString.Split('?')[0]);
        using var between = await client.GetAsync(Path("/api/v1/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, between.StatusCode);

        using var code = await HttpSignIn.PostCodeAsync(client, "/account/sign-in/code", Totp.Now(key));

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/", code.Headers.Location?.OriginalString);
        Assert.Contains(code.Headers.GetValues("Set-Cookie"), c => c.StartsWith("safeguard=", StringComparison.Ordinal));
        using var me = await client.GetAsync(Path("/api/v1/me"));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task SignInCode_WithoutAPasswordFirst_GoesBackToSignIn()
    {
        using var client = factory.NewClient();

        using var response = await client.GetAsync(Path("/account/sign-in/code"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("/code", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInCode_WrongFiveTimes_LocksTheAccountEvenForTheRightCode()
    {
        var area = await factory.NewAreaAsync();
        var (email, key, _) = await factory.NewAccountWithTwoFactorAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using var client = factory.NewClient();
        using (await HttpSignIn.PostSignInAsync(client, email, SafeguardFactory.TestPassword))
        {
        }

        for (var i = 0; i < 4; i++)
        {
            using var wrong = await HttpSignIn.PostCodeAsync(client, "/account/sign-in/code", Totp.Wrong(key));
            Assert.Contains("The code is not correct", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var fifth = await HttpSignIn.PostCodeAsync(client, "/account/sign-in/code", Totp.Wrong(key));
        using var right = await HttpSignIn.PostCodeAsync(client, "/account/sign-in/code", Totp.Now(key));

        Assert.Contains("Your account is locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var me = await client.GetAsync(Path("/api/v1/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task SignInCode_WithBadlyFormedCode_AsksForSixDigits()
    {
        var area = await factory.NewAreaAsync();
        var (email, _, _) = await factory.NewAccountWithTwoFactorAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using var client = factory.NewClient();
        using (await HttpSignIn.PostSignInAsync(client, email, SafeguardFactory.TestPassword))
        {
        }

        using var response = await HttpSignIn.PostCodeAsync(client, "/account/sign-in/code", "12a");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter the 6-digit code from your authenticator app", html, StringComparison.Ordinal);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithARecoveryCode_WorksOnceOnly()
    {
        var area = await factory.NewAreaAsync();
        var (email, _, codes) = await factory.NewAccountWithTwoFactorAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using var client = factory.NewClient();
        using (await HttpSignIn.PostSignInAsync(client, email, SafeguardFactory.TestPassword))
        {
        }

        using var first = await HttpSignIn.PostCodeAsync(client, "/account/sign-in/recovery-code", codes[0]);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var again = factory.NewClient();
        using (await HttpSignIn.PostSignInAsync(again, email, SafeguardFactory.TestPassword))
        {
        }

        using var reused = await HttpSignIn.PostCodeAsync(again, "/account/sign-in/recovery-code", codes[0]);
        Assert.Contains("The recovery code is not correct, or it has been used", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var me = await again.GetAsync(Path("/api/v1/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task TurnOff_NeedsACurrentCode()
    {
        var area = await factory.NewAreaAsync();
        var (email, key, _) = await factory.NewAccountWithTwoFactorAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using var client = factory.NewClient();
        await HttpSignIn.SignInWithCodeAsync(client, email, key);

        using var wrong = await HttpSignIn.PostCodeAsync(client, "/account/security", Totp.Wrong(key), "Disable");
        Assert.Contains("The code is not correct", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Recovery codes left", await client.GetStringAsync(Path("/account/security")), StringComparison.Ordinal);

        using var right = await HttpSignIn.PostCodeAsync(client, "/account/security", Totp.Now(key), "Disable");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("shared-key", await client.GetStringAsync(Path("/account/security")), StringComparison.Ordinal);

        using var next = factory.NewClient();
        using var signIn = await HttpSignIn.PostSignInAsync(next, email, SafeguardFactory.TestPassword);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task NewRecoveryCodes_ReplaceTheOldOnes()
    {
        var area = await factory.NewAreaAsync();
        var (email, key, codes) = await factory.NewAccountWithTwoFactorAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using var client = factory.NewClient();
        await HttpSignIn.SignInWithCodeAsync(client, email, key);

        using var response = await HttpSignIn.PostCodeAsync(client, "/account/security", Totp.Now(key), "RecoveryCodes");

        var fresh = RecoveryCodePattern().Matches(await response.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(codes));
    }

    [GeneratedRegex("id=\"shared-key\">([A-Z2-7 ]+)<")]
    private static partial Regex SharedKeyPattern();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();
}

public sealed class SqliteTwoFactorTests(SqliteFactory factory) : TwoFactorTests<SqliteFactory>(factory);

public sealed class PostgreSqlTwoFactorTests(PostgreSqlFactory factory) : TwoFactorTests<PostgreSqlFactory>(factory);
