using Microsoft.Playwright;
using Safeguard.Browser.Tests.Support;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Browser.Tests.Account;

[Collection(ServiceGroup.Name)]
public sealed class TwoFactorJourneyTests(ServiceFixture service)
{
    [Fact]
    public async Task Administrator_SetsUpTheAuthenticator_ThenSignsInWithACode()
    {
        await using var context = await service.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SignInAsync("admin@northmoor.example");

        Assert.Equal(service.BaseUrl + "/account/security", page.Url);
        Assert.Contains("must use two-factor authentication", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("svg.app-qr-code").CountAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("two-factor-set-up");
        var key = (await page.InnerTextAsync("#shared-key")).Replace(" ", "", StringComparison.Ordinal);

        await page.FillAsync("#Code", Totp.Now(key));
        await page.ClickAsync("button:has-text('Turn on two-factor authentication')");

        // A click does not wait for the page it posts to: wait for the recovery codes before counting them.
        await page.Locator("#recovery-codes li").First.WaitForAsync();
        Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("two-factor-recovery-codes");

        await page.ClickAsync("button:has-text('Sign out')");
        await page.SignInAsync("admin@northmoor.example");
        Assert.StartsWith(service.BaseUrl + "/account/sign-in/code", page.Url, StringComparison.Ordinal);
        Assert.Equal("Enter the code from your authenticator app", await page.InnerTextAsync("h1"));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("two-factor-sign-in-code");

        await page.FillAsync("#Code", Totp.Now(key));
        await page.ClickAsync("button:has-text('Continue')");

        Assert.Equal("My work", await page.InnerTextAsync("h1"));
        await page.ClickAsync("a.govuk-service-navigation__link:has-text('Accounts')");
        Assert.Equal("Accounts", await page.InnerTextAsync("h1"));
        Assert.Contains("social.worker@northmoor.example", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("accounts");
    }
}
