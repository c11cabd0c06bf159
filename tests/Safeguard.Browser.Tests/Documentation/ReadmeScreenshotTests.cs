using Microsoft.Playwright;
using Safeguard.Browser.Tests.Support;

namespace Safeguard.Browser.Tests.Documentation;

/// <summary>
/// The README's pictures: "My work" and the front door queue, as the team manager sees them in the demo area. Each run
/// checks both pages and keeps the pictures with the other screenshots; with SAFEGUARD_SCREENSHOTS=docs the pictures in
/// docs/screenshots are replaced, so the README shows what the service shows today.
/// </summary>
[Collection(ServiceGroup.Name)]
public sealed class ReadmeScreenshotTests(ServiceFixture service)
{
    [Fact]
    public async Task MyWorkAndTheFrontDoorQueue_AsTheManagerSeesThem()
    {
        await using var context = await service.NewContextAsync();
        var manager = await context.NewPageAsync();
        await manager.SetViewportSizeAsync(1100, 800);
        await manager.SignInAsync("manager@northmoor.example");

        await manager.GotoAsync("/");
        await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync("My work");
        await manager.AssertAccessibleAsync();
        await KeepAsync(manager, "my-work");

        await manager.GotoAsync("/front-door");
        await Assertions.Expect(manager.Locator("main table tbody tr").First).ToBeVisibleAsync();
        await manager.AssertAccessibleAsync();
        await KeepAsync(manager, "front-door-queue");
    }

    private static async Task KeepAsync(IPage page, string name)
    {
        var path = await page.ScreenshotAsync(name);
        if (Environment.GetEnvironmentVariable("SAFEGUARD_SCREENSHOTS") == "docs")
        {
            var docs = Directory.CreateDirectory(Path.Combine(ServiceFixture.RepositoryRoot, "docs", "screenshots")).FullName;
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(docs, name + ".png"),
                FullPage = true,
                Clip = new Clip { X = 0, Y = 0, Width = 1100, Height = 1400 },
            });
        }

        Assert.True(new FileInfo(path).Length > 0);
    }
}
