using Microsoft.Playwright;
using Safeguard.Browser.Tests.Support;

namespace Safeguard.Browser.Tests.Account;

[Collection(ServiceGroup.Name)]
public sealed class SignInJourneyTests(ServiceFixture service)
{
    [Fact]
    public async Task SignIn_AsDemoSocialWorker_LandsOnMyWorkShowingWhoTheyAre()
    {
        await using var context = await service.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/account/sign-in");
        await page.AssertAccessibleAsync();
        await page.SignInAsync("social.worker@northmoor.example");

        Assert.Equal(service.BaseUrl + "/", page.Url);
        Assert.Equal("My work", await page.InnerTextAsync("h1"));
        Assert.Contains("Amara Okafor", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("Northmoor Council children's social care", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        var screenshot = await page.ScreenshotAsync("home-social-worker");
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot should show a rendered page");
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsErrorSummaryThatMovesFocusToTheField()
    {
        await using var context = await service.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SignInAsync("social.worker@northmoor.example", "Not-the-password-1");

        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("There is a problem", await page.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        await page.ClickAsync(".govuk-error-summary a");
        Assert.Equal("Input_Email", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("sign-in-error");
    }

    [Fact]
    public async Task SignOut_ReturnsToSignInAndProtectsPagesAgain()
    {
        await using var context = await service.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("health.visitor@northmoor.example");

        await page.ClickAsync("button:has-text('Sign out')");
        await page.GotoAsync("/");

        Assert.StartsWith(service.BaseUrl + "/account/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_ShowsAccessibleNotFoundPage()
    {
        await using var context = await service.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("dsl@northmoor.example");

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await page.InnerTextAsync("h1"));
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task SignIn_WorksWithoutJavaScript()
    {
        await using var context = await service.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();

        await page.SignInAsync("police@northmoor.example");

        Assert.Equal("My work", await page.InnerTextAsync("h1"));
        Assert.Contains("Tom Harrow", await page.InnerTextAsync("main"), StringComparison.Ordinal);
    }
}
