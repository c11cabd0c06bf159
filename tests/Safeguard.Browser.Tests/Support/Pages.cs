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

    /// <summary>Fills a GOV.UK date input (the day, month and year boxes of the field with this id).</summary>
    public static async Task FillDateAsync(this IPage page, string id, DateOnly date)
    {
        await page.FillAsync($"#{id}_Day", date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync($"#{id}_Month", date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync($"#{id}_Year", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Checks the page with axe-core and keeps a screenshot of it.</summary>
    public static async Task InspectAsync(this IPage page, string screenshot)
    {
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(screenshot);
    }

    /// <summary>
    /// A manager decides the first referral in the front door's queue (with the late reason if it is past its one working
    /// day) and opens the child's episode; returns the episode's address.
    /// </summary>
    public static async Task<string> DecideFirstReferralAsync(this IPage manager, string outcome, string reasons)
    {
        await manager.GotoAsync("/front-door");
        await manager.ClickAsync("main table a.govuk-link >> nth=0");
        await manager.CheckAsync($"#Decision_Outcome-{outcome}");
        await manager.FillAsync("#Decision_Reasons", reasons);
        await manager.SelectOptionAsync("#Decision_PrimaryNeedCode", "N1");
        if (await manager.Locator("#Decision_LateReason").CountAsync() > 0)
        {
            // The oldest referral in the queue may be past its one working day: the reason is recorded (REF-04).
            await manager.FillAsync("#Decision_LateReason", "The duty manager was covering two teams.");
        }

        await manager.ClickAsync("button:has-text('Record decision')");
        await manager.ClickAsync("text=/Go to .*'s episode/");
        await manager.WaitForURLAsync("**/episodes/*");
        return manager.Url;
    }

    /// <summary>A manager picks a child (not an unborn one) from the area's records matching <paramref name="search"/>: name and date of birth.</summary>
    public static async Task<(string GivenName, string FamilyName, DateOnly Born)> AChildOnRecordAsync(this IPage manager, string search, bool last = false)
    {
        await manager.GotoAsync($"/children?q={search}");
        var rows = manager.Locator("main table tbody tr").Filter(new() { HasNotText = "Unborn" });
        var row = last ? rows.Last : rows.First;
        var name = (await row.Locator("td >> nth=0").InnerTextAsync()).Split(' ');
        var born = DateOnly.ParseExact(await row.Locator("td >> nth=1").InnerTextAsync(), "d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return (name[0], name[^1], born);
    }

    /// <summary>Outside children's social care, from "My work": is there a record for this child (exact name and date of birth)?</summary>
    public static async Task LookForRecordAsync(this IPage page, (string GivenName, string FamilyName, DateOnly Born) child)
    {
        await page.GotoAsync("/");
        await page.ClickAsync("text=Is there a record for a child?");
        await page.FillAsync("#GivenName", child.GivenName);
        await page.FillAsync("#FamilyName", child.FamilyName);
        await page.FillDateAsync("DateOfBirth", child.Born);
        await page.ClickAsync("button:has-text('Look for a record')");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("A record exists");
    }

    /// <summary>Chooses the practitioner whose option starts with <paramref name="name"/> in the select with this id.</summary>
    public static async Task SelectPersonAsync(this IPage page, string selectId, string name)
    {
        var value = await page.EvalOnSelectorAsync<string>($"#{selectId}", "(s, name) => [...s.options].find(o => o.text.startsWith(name)).value", name);
        await page.SelectOptionAsync($"#{selectId}", value);
    }

    /// <summary>On the episode page, a manager allocates the lead practitioner with their agreement.</summary>
    public static async Task AllocateAsync(this IPage manager, string name)
    {
        await manager.SelectPersonAsync("LeadPractitionerId", name);
        await manager.CheckAsync("#Agreed");
        await manager.ClickAsync("button:has-text('Allocate')");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync($"{name}, Social worker");
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
