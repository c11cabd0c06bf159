using Safeguard.Browser.Tests.Support;

namespace Safeguard.Browser.Tests.OperationEncompass;

[Collection(ServiceGroup.Name)]
public sealed class EncompassJourneyTests(ServiceFixture service)
{
    [Fact]
    [Trait("Rule", "POL-01")]
    public async Task PoliceNotifySchool_DslSeesItAndMarksItSeen()
    {
        await using var policeContext = await service.NewContextAsync();
        var police = await policeContext.NewPageAsync();
        await police.SignInAsync("police@northmoor.example");
        await police.ClickAsync("nav >> text=Operation Encompass");
        await police.ClickAsync("text=Send a notification");
        await police.ClickAsync("button:has-text('Send notification')");
        Assert.Contains("There is a problem", await police.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        await police.AssertAccessibleAsync();

        await police.FillAsync("#Input_GivenName", "Kai");
        await police.FillAsync("#Input_FamilyName", "Browserton");
        await police.FillAsync("#Input_DobDay", "1");
        await police.FillAsync("#Input_DobMonth", "6");
        await police.FillAsync("#Input_DobYear", "2018");
        await police.SelectOptionAsync("#Input_SettingAgencyId", new Microsoft.Playwright.SelectOptionValue { Label = "Millbrook Primary School" });
        await police.FillAsync("#Input_IncidentDate", "2026-11-20");
        await police.FillAsync("#Input_IncidentTime", "21:30");
        await police.CheckAsync("#Input_ChildPresent");
        await police.FillAsync("#Input_Summary", "Police attended a domestic incident at home; Kai was present and upset.");
        await police.ClickAsync("button:has-text('Send notification')");
        Assert.Contains("Kai Browserton", await police.InnerTextAsync("main"), StringComparison.Ordinal);

        await using var dslContext = await service.NewContextAsync();
        var dsl = await dslContext.NewPageAsync();
        await dsl.SignInAsync("dsl@northmoor.example");
        await dsl.ClickAsync("nav >> text=Operation Encompass");
        Assert.Contains("Kai Browserton", await dsl.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("Not yet seen", await dsl.InnerTextAsync("main"), StringComparison.Ordinal);
        await dsl.AssertAccessibleAsync();
        await dsl.ScreenshotAsync("encompass-dsl");
        await dsl.ClickAsync("button:has-text('Mark as seen')");
        Assert.DoesNotContain("Not yet seen", await dsl.InnerTextAsync("main"), StringComparison.Ordinal);
    }
}
