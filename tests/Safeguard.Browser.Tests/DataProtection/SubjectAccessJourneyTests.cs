using System.Globalization;
using Safeguard.Browser.Tests.Support;

namespace Safeguard.Browser.Tests.DataProtection;

[Collection(ServiceGroup.Name)]
public sealed class SubjectAccessJourneyTests(ServiceFixture service)
{
    /// <summary>
    /// A parent asks for what is held about their child: the data protection officer records the request (the error
    /// summary first, for a form sent empty), sees it due a month later, and reads the export with the referrer's name
    /// withheld and the child's own details shown.
    /// </summary>
    [Fact]
    public async Task TheOfficerRecordsASubjectAccessRequest_AndSeesTheExportRedacted()
    {
        await using var managerContext = await service.NewContextAsync();
        var manager = await managerContext.NewPageAsync();
        await manager.SignInAsync("manager@northmoor.example");
        await manager.GotoAsync("/front-door");
        var row = manager.Locator("main table tbody tr").First;
        var childName = await row.Locator("td >> nth=0 >> a").InnerTextAsync();
        var referrerName = await row.Locator("td >> nth=1").InnerTextAsync();
        // The officer finds the record by the child's exact name and date of birth, which the manager reads from the child's search.
        await manager.GotoAsync($"/children?q={Uri.EscapeDataString(childName.Split(' ')[^1])}");
        var found = manager.Locator("main table tbody tr").Filter(new() { Has = manager.Locator($"td >> nth=0 >> text=\"{childName}\"") }).First;
        var born = DateOnly.ParseExact(await found.Locator("td >> nth=1").InnerTextAsync(), "d MMMM yyyy", CultureInfo.InvariantCulture);

        await using var context = await service.NewContextAsync();
        var officer = await context.NewPageAsync();
        await officer.SignInAsync("dpo@northmoor.example");
        await officer.ClickAsync(".govuk-service-navigation__link:has-text('Data protection')");
        await officer.AssertAccessibleAsync();
        await officer.ClickAsync("text=Record a request");
        await officer.FillAsync("#GivenName", childName.Split(' ')[0]);
        await officer.FillAsync("#FamilyName", childName.Split(' ')[^1]);
        await officer.FillDateAsync("DateOfBirth", born);
        await officer.ClickAsync("button:has-text('Find the record')");
        await officer.ClickAsync($"main a:has-text('{childName}')");
        await officer.AssertAccessibleAsync();

        await officer.ClickAsync("button:has-text('Record the request')");
        var errors = await officer.InnerTextAsync(".govuk-error-summary");
        Assert.Contains("Choose what kind of request it is", errors, StringComparison.Ordinal);
        Assert.Contains("Enter the date the request was received", errors, StringComparison.Ordinal);
        await officer.AssertAccessibleAsync();
        await officer.ScreenshotAsync("subject-access-errors");

        var today = Safeguard.Domain.Calendar.EnglandClock.Today(TimeProvider.System);
        await officer.CheckAsync("#Kind");
        await officer.FillAsync("#RequesterName", "Alex Requester");
        await officer.CheckAsync("#Relationship-Parent");
        await officer.FillDateAsync("ReceivedOn", today);
        await officer.ClickAsync("button:has-text('Record the request')");
        Assert.Equal("Subject access request", await officer.InnerTextAsync("h1"));
        Assert.Contains(today.AddMonths(1).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), await officer.InnerTextAsync("main"), StringComparison.Ordinal);
        await officer.AssertAccessibleAsync();
        await officer.ScreenshotAsync("subject-access-request");

        // A copy of the record goes only to someone whose identity was checked: the export waits for the check.
        await officer.FillAsync("#IdentityCheck", "Passport and a council tax bill seen at the customer service centre.");
        await officer.ClickAsync("button:has-text('Record the identity check')");
        await officer.ClickAsync("text=View the export, redacted for review");
        var export = await officer.InnerTextAsync("main");
        Assert.Contains($"What is held about {childName}", export, StringComparison.Ordinal);
        Assert.Contains("from [Referrer]", export, StringComparison.Ordinal);
        Assert.DoesNotContain(referrerName, export, StringComparison.Ordinal);
        await officer.AssertAccessibleAsync();
        await officer.ScreenshotAsync("subject-access-export");

        await officer.GoBackAsync();
        await officer.ClickAsync("button:has-text('Mark the export reviewed')");
        await officer.ClickAsync("button:has-text('Record the release')");
        Assert.Contains("Released", await officer.InnerTextAsync("main"), StringComparison.Ordinal);
    }
}
