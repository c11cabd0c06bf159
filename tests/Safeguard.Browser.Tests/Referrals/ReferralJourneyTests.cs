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
        await dsl.ExpectQuestionAsync("About the child", "referral-1-child");

        await dsl.ContinueAsync();
        Assert.StartsWith("Error: ", await dsl.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("Enter the child's last name", await dsl.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        await dsl.AssertAccessibleAsync();
        await dsl.ScreenshotAsync("referral-1-child-errors");
        await dsl.ClickAsync(".govuk-error-summary a:has-text('Enter the child\\'s last name')");
        Assert.Equal("Input_FamilyName", await dsl.EvaluateAsync<string>("document.activeElement.id"));

        await dsl.FillAsync("#Input_GivenName", "Ellie");
        await dsl.FillAsync("#Input_FamilyName", "Journeyman");
        await dsl.CheckAsync("#Input_Born");
        await dsl.FillAsync("#Input_DobDay", "14");
        await dsl.FillAsync("#Input_DobMonth", "9");
        await dsl.FillAsync("#Input_DobYear", "2017");
        await dsl.CheckAsync("#Input_Sex");
        await dsl.SelectOptionAsync("#Input_EthnicityCode", "WBRI");
        await dsl.ContinueAsync();

        await dsl.ExpectQuestionAsync("Other children in the household", "referral-2-household");
        await dsl.FillAsync("#Input_OtherChildren_0__Name", "Ruby Journeyman");
        await dsl.ContinueAsync();

        await dsl.ExpectQuestionAsync("Parents, carers and other adults", "referral-3-adults");
        await dsl.FillAsync("#Input_Adults_0__Name", "Dawn Journeyman");
        await dsl.SelectOptionAsync("#Input_Adults_0__Relationship", "Mother");
        await dsl.CheckAsync("#Input_Adults_0__LivesWithChild");
        await dsl.CheckAsync("#Input_Adults_0__ParentalResponsibility");
        await dsl.ContinueAsync();

        await dsl.ExpectQuestionAsync("Your concerns about the child", "referral-4-concerns");
        await dsl.BackAsync();
        await dsl.ExpectQuestionAsync("Parents, carers and other adults", null);
        Assert.Equal("Dawn Journeyman", await dsl.InputValueAsync("#Input_Adults_0__Name"));
        await dsl.ContinueAsync();
        await dsl.FillAsync("#Input_Concerns", "Ellie came in with bruises on her arm and said her mum's boyfriend grabbed her.");
        await dsl.CheckAsync("#Input_HarmTypes");
        await dsl.CheckAsync("#Input_HarmTypes-DomesticAbuse");
        await dsl.CheckAsync("#Input_HarmContexts");
        await dsl.ContinueAsync();

        await dsl.ExpectQuestionAsync("What has the child said, and what do they want?", "referral-5-views");
        await dsl.FillAsync("#Input_ChildsViews", "She wants to stay at her nan's tonight.");
        await dsl.ContinueAsync();

        await dsl.ExpectQuestionAsync("Does the family know about this referral?", "referral-6-family");
        await dsl.CheckAsync("#Input_Family-no");
        await dsl.ContinueAsync();
        Assert.Contains("Say why the family does not know", await dsl.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        await dsl.AssertAccessibleAsync();
        await dsl.ScreenshotAsync("referral-6-family-errors");
        await dsl.FillAsync("#Input_WhyFamilyNotToldOrAgreed", "Telling him could put Ellie at more risk.");
        await dsl.ContinueAsync();

        await dsl.ExpectQuestionAsync("How urgent is this?", "referral-7-urgency");
        await dsl.CheckAsync("#Input_Urgency-standard");
        await dsl.ContinueAsync();

        await dsl.ExpectQuestionAsync("Your contact details", "referral-8-contact");
        await dsl.FillAsync("#Input_ContactPhone", "01632 960 123");
        await dsl.ContinueAsync();

        await dsl.ExpectQuestionAsync("Check your answers before sending your referral", "referral-check-answers");
        Assert.Contains("Standard", await dsl.InnerTextAsync("main"), StringComparison.Ordinal);
        await dsl.GetByRole(AriaRole.Button, new() { Name = "Change how urgent this is" }).ClickAsync();
        await dsl.ExpectQuestionAsync("How urgent is this?", null);
        Assert.True(await dsl.IsCheckedAsync("#Input_Urgency-standard"));
        await dsl.CheckAsync("#Input_Urgency-urgent");
        await dsl.ContinueAsync();
        await dsl.ExpectQuestionAsync("Check your answers before sending your referral", null);
        Assert.Contains("Urgent: a decision is needed today", await dsl.InnerTextAsync("main"), StringComparison.Ordinal);
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
        Assert.Contains("01632 960 123", await manager.InnerTextAsync("main"), StringComparison.Ordinal);
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

    [Fact]
    public async Task FrontDoorRecordsAPhonedInPreBirthConcern_WithoutJavaScript()
    {
        await using var context = await service.NewContextAsync(javaScript: false);
        var worker = await context.NewPageAsync();
        await worker.SignInAsync("social.worker@northmoor.example");
        await worker.ClickAsync("nav >> text=Front door");
        await worker.ClickAsync("text=Record a referral");

        await worker.ExpectQuestionAsync("About the child", null, axe: false);
        await worker.FillAsync("#Input_FamilyName", "Nojsbaby");
        await worker.CheckAsync("#Input_Born-no");
        var due = Domain.Calendar.EnglandClock.Today(TimeProvider.System).AddMonths(3);
        await worker.FillAsync("#Input_EddDay", due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await worker.FillAsync("#Input_EddMonth", due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await worker.FillAsync("#Input_EddYear", due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await worker.SelectOptionAsync("#Input_EthnicityCode", "WBRI");
        await worker.ContinueAsync();
        Assert.Contains("Enter the pregnant person's full name", await worker.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        await worker.FillAsync("#Input_PregnantPersonName", "Kayla Nojsbaby");
        await worker.ContinueAsync();

        await worker.ExpectQuestionAsync("Other children in the household", null, axe: false);
        await worker.ContinueAsync();
        await worker.ExpectQuestionAsync("Parents, carers and other adults", null, axe: false);
        Assert.Contains("You have named the pregnant person, Kayla Nojsbaby", await worker.InnerTextAsync("main"), StringComparison.Ordinal);
        await worker.ContinueAsync();
        await worker.FillAsync("#Input_Concerns", "Kayla's mother phoned: Kayla is using heroin daily and has not been to any antenatal appointment.");
        await worker.CheckAsync("#Input_HarmTypes-Neglect");
        await worker.ContinueAsync();
        await worker.ContinueAsync();
        await worker.CheckAsync("#Input_Family-disagrees");
        await worker.FillAsync("#Input_WhyFamilyNotToldOrAgreed", "Kayla says she does not want help; the baby may be at risk at birth.");
        await worker.ContinueAsync();
        await worker.CheckAsync("#Input_Urgency-urgent");
        await worker.ContinueAsync();

        await worker.ExpectQuestionAsync("Who raised the concern?", "referral-8-contact-front-door", axe: false);
        await worker.AssertAccessibleCopyAsync(service);
        await worker.CheckAsync("#Input_RaisedByOther-yes");
        await worker.FillAsync("#Input_RaiserName", "Maureen Nojsbaby");
        await worker.FillAsync("#Input_RaiserRole", "The pregnant person's mother");
        await worker.ContinueAsync();

        await worker.ExpectQuestionAsync("Check your answers before sending your referral", "referral-check-answers-front-door", axe: false);
        await worker.AssertAccessibleCopyAsync(service);
        Assert.Contains("Maureen Nojsbaby, The pregnant person's mother", await worker.InnerTextAsync("main"), StringComparison.Ordinal);
        await worker.BackAsync();
        await worker.ExpectQuestionAsync("Who raised the concern?", null, axe: false);
        Assert.Equal("Maureen Nojsbaby", await worker.InputValueAsync("#Input_RaiserName"));
        await worker.ContinueAsync();
        await worker.ClickAsync("button:has-text('Send referral')");

        Assert.Equal("Referral sent", await worker.InnerTextAsync("h1"));
        Assert.Contains("Maureen Nojsbaby", await worker.InnerTextAsync("main"), StringComparison.Ordinal);
    }
}

/// <summary>The question pages of "Make a referral", as a person uses them.</summary>
internal static class MakeReferralPages
{
    public static Task ContinueAsync(this IPage page) => page.ClickAsync("main button:has-text('Continue')");

    public static Task BackAsync(this IPage page) => page.ClickAsync(".govuk-back-link");

    /// <summary>Runs axe on a copy of a page shown without JavaScript, in a page where axe can run.</summary>
    public static async Task AssertAccessibleCopyAsync(this IPage page, ServiceFixture service)
    {
        var html = await page.ContentAsync();
        await using var context = await service.NewContextAsync();
        var copy = await context.NewPageAsync();
        await copy.GotoAsync("/account/sign-in");
        await copy.SetContentAsync(html);
        await copy.AssertAccessibleAsync();
    }

    /// <summary>
    /// Checks the page asks the expected question (its h1), passes axe (which needs JavaScript), and optionally keeps a
    /// screenshot.
    /// </summary>
    public static async Task ExpectQuestionAsync(this IPage page, string heading, string? screenshot, bool axe = true)
    {
        Assert.Equal(heading, (await page.InnerTextAsync("h1")).Trim());
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.DoesNotContain("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        if (axe)
        {
            await page.AssertAccessibleAsync();
        }

        if (screenshot is not null)
        {
            await page.ScreenshotAsync(screenshot);
        }
    }
}
