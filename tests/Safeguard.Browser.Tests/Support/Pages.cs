using System.Text.Json;
using Microsoft.Playwright;

namespace Safeguard.Browser.Tests.Support;

public static class Pages
{
    public const string DemoPassword = "Northmoor-demo-2026";

    public static async Task SignInAsync(this IPage page, string email, string password = DemoPassword)
    {
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("button:has-text('Sign in')");
        // A click does not wait for the page its form posts to: wait until the browser has left the sign-in page, or it
        // has come back with an error, so that the next step sees the page that followed.
        await page.WaitForFunctionAsync("() => !location.pathname.endsWith('/account/sign-in') || document.querySelector('.govuk-error-summary') !== null");
    }

    public static async Task<string> ScreenshotAsync(this IPage page, string name)
    {
        var path = Path.Combine(ServiceFixture.ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>
    /// Runs axe-core (from npm) on the page against WCAG 2.2 AA and fails with every serious or critical violation,
    /// naming the rule, what it means and where it is.
    /// </summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var axe = Path.Combine(ServiceFixture.RepositoryRoot, "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(axe), $"axe-core is missing at {axe}: run scripts/frontend (./test does).");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = await File.ReadAllTextAsync(axe) });
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
              return JSON.stringify(result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) })));
            }
            """);
        using var violations = JsonDocument.Parse(json);
        var serious = violations.RootElement.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at "
                + string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))
            .ToList();
        Assert.True(serious.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", serious));
    }
}
