using Microsoft.Playwright;
using Safeguard.Browser.Tests.Support;

namespace Safeguard.Browser.Tests.Access;

[Collection(ServiceGroup.Name)]
public sealed class BreakGlassJourneyTests(ServiceFixture service)
{
    /// <summary>
    /// A police officer at a door at night: they learn only that a record exists, open it with their reason, see the
    /// warning that every look is recorded, and the manager finds the access to review on "My work".
    /// </summary>
    [Fact]
    public async Task AnOfficerFindsThatARecordExists_OpensItWithAReason_AndTheManagerIsAlerted()
    {
        await using var managerContext = await service.NewContextAsync();
        var manager = await managerContext.NewPageAsync();
        await manager.SignInAsync("manager@northmoor.example");
        var child = await manager.AChildOnRecordAsync("a");

        await using var officerContext = await service.NewContextAsync();
        var officer = await officerContext.NewPageAsync();
        await officer.SignInAsync("police@northmoor.example");
        await officer.LookForRecordAsync(child);
        Assert.DoesNotContain("NHS", await officer.InnerTextAsync("main"), StringComparison.Ordinal);
        await officer.AssertAccessibleAsync();
        await officer.ScreenshotAsync("break-glass-found");

        await officer.ClickAsync("text=open it in an emergency");
        await officer.ClickAsync("button:has-text('Open the record')");
        await Assertions.Expect(officer.Locator(".govuk-error-summary")).ToContainTextAsync("Say why you need to see");
        await officer.AssertAccessibleAsync();
        await officer.FillAsync("#Reason", "Attending the home at 2am after a 999 call; the child is alone and we need to know who can care for them.");
        await officer.ClickAsync("button:has-text('Open the record')");
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync("You are seeing this record through break-glass access");
        await officer.AssertAccessibleAsync();
        await officer.ScreenshotAsync("break-glass-record");

        await manager.GotoAsync("/");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Break-glass access to review");
        await manager.ClickAsync(".govuk-notification-banner__link >> nth=0");
        await manager.AssertAccessibleAsync();
        await manager.FillAsync("#Note", "Justified: out-of-hours emergency; checked with the duty inspector.");
        await manager.ClickAsync("button:has-text('Record the review')");
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("My work");
    }
}
