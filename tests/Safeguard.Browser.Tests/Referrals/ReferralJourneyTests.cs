using Microsoft.Playwright;
using Safeguard.Browser.Tests.Support;

namespace Safeguard.Browser.Tests.Referrals;

[Collection(ServiceGroup.Name)]
public sealed class ReferralJourneyTests(ServiceFixture service)
{
    [Fact]
    [Trait("Rule", "REF-04")]
    [Trait("Rule", "REF-06")]
    public async Task SchoolDslRefers_ManagerDecidesAssessment_DslSeesTheReasons()
    {
        await using var dslContext = await service.NewContextAsync();
        var dsl = await dslContext.NewPageAsync();
        await dsl.SignInAsync("dsl@northmoor.example");
        await dsl.ClickAsync("text=Make a referral");
        await dsl.AssertAccessibleAsync();

        await dsl.ClickAsync("button:has-text('Continue')");
        Assert.Contains("There is a problem", await dsl.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        await dsl.AssertAccessibleAsync();
        await dsl.ScreenshotAsync("referral-errors");

        await dsl.FillAsync("#Input_GivenName", "Ellie");
        await dsl.FillAsync("#Input_FamilyName", "Journeyman");
        await dsl.CheckAsync("#Input_Born");
        await dsl.FillAsync("#Input_DobDay", "14");
        await dsl.FillAsync("#Input_DobMonth", "9");
        await dsl.FillAsync("#Input_DobYear", "2017");
        await dsl.CheckAsync("#Input_Sex");
        await dsl.SelectOptionAsync("#Input_EthnicityCode", "WBRI");
        await dsl.FillAsync("#Input_Concerns", "Ellie came in with bruises on her arm and said her mum's boyfriend grabbed her.");
        await dsl.CheckAsync("#Input_HarmTypes");
        await dsl.CheckAsync("#Input_HarmTypes-DomesticAbuse");
        await dsl.FillAsync("#Input_ChildsViews", "She wants to stay at her nan's tonight.");
        await dsl.CheckAsync("#Input_FamilyKnows-no");
        await dsl.FillAsync("#Input_WhyFamilyNotToldOrAgreed", "Telling him could put Ellie at more risk.");
        await dsl.CheckAsync("#Input_Urgency-urgent");
        await dsl.ClickAsync("button:has-text('Continue')");

        Assert.Equal("Check your answers before sending your referral", await dsl.InnerTextAsync("h1"));
        await dsl.AssertAccessibleAsync();
        await dsl.ScreenshotAsync("referral-check-answers");
        await dsl.ClickAsync("button:has-text('Send referral')");

        Assert.Equal("Referral sent", await dsl.InnerTextAsync("h1"));
        var reference = await dsl.InnerTextAsync(".govuk-panel__body strong");
        await dsl.AssertAccessibleAsync();
        await dsl.ScreenshotAsync("referral-confirmation");
        var referralUrl = dsl.Url.Split('?')[0];

        await using var managerContext = await service.NewContextAsync();
        var manager = await managerContext.NewPageAsync();
        await manager.SignInAsync("manager@northmoor.example");
        await manager.ClickAsync("nav >> text=Front door");
        await manager.AssertAccessibleAsync();
        await manager.ScreenshotAsync("front-door-queue");
        await manager.ClickAsync("text=Ellie Journeyman");
        await manager.CheckAsync("#Decision_Outcome-Section17Assessment");
        await manager.FillAsync("#Decision_Reasons", "Ellie needs an assessment of her safety at home. A social worker will see her today.");
        await manager.SelectOptionAsync("#Decision_PrimaryNeedCode", "N1");
        await manager.AssertAccessibleAsync();
        await manager.ClickAsync("button:has-text('Record decision')");
        Assert.Contains("Assessment of the child's needs (section 17)", await manager.InnerTextAsync("main"), StringComparison.Ordinal);

        await dsl.GotoAsync("/referrals");
        Assert.Contains(reference, await dsl.InnerTextAsync("main"), StringComparison.Ordinal);
        await dsl.GotoAsync(referralUrl);
        var feedback = await dsl.InnerTextAsync("main");
        Assert.Contains("A social worker will see her today.", feedback, StringComparison.Ordinal);
        await dsl.AssertAccessibleAsync();
        await dsl.ScreenshotAsync("referral-feedback");
    }
}
