using Microsoft.Playwright;
using Safeguard.Browser.Tests.Support;

namespace Safeguard.Browser.Tests.Access;

[Collection(ServiceGroup.Name)]
public sealed class AccessRequestJourneyTests(ServiceFixture service)
{
    /// <summary>
    /// A partner with no relationship with a child learns that a record exists and asks for access, saying what for; a
    /// manager finds the request on "My work" and grants it for fewer days; the partner sees the answer and the record.
    /// </summary>
    [Fact]
    public async Task APartnerAsksForAccess_TheManagerGrantsIt_AndThePartnerSeesTheRecord()
    {
        await using var managerContext = await service.NewContextAsync();
        var manager = await managerContext.NewPageAsync();
        await manager.SignInAsync("manager@northmoor.example");
        var child = await manager.AChildOnRecordAsync("e", last: true);

        await using var partnerContext = await service.NewContextAsync();
        var partner = await partnerContext.NewPageAsync();
        await partner.SignInAsync("partner@northmoor.example");
        await partner.LookForRecordAsync(child);
        await partner.InspectAsync("access-request-found");
        await partner.ClickAsync("text=ask for access >> nth=0");
        await partner.ClickAsync("button:has-text('Send the request')");
        await Assertions.Expect(partner.Locator(".govuk-error-summary")).ToContainTextAsync("Say what you need this child's record for");
        await partner.InspectAsync("access-request-error");
        await partner.FillAsync("#Reason", "Safeguarding partner: reviewing the multi-agency response to this child's missing episodes last month.");
        await partner.FillAsync("#Days", "14");
        await partner.ClickAsync("button:has-text('Send the request')");
        await Assertions.Expect(partner.Locator("#access-requests")).ToHaveTextAsync("Your requests for access");
        await Assertions.Expect(partner.Locator("main")).ToContainTextAsync("Waiting");
        await partner.InspectAsync("access-request-waiting");

        await manager.GotoAsync("/");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Requests for access to decide");
        await manager.ClickAsync(".govuk-notification-banner__link:has-text('Rachel Osei') >> nth=0");
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Decide a request for access");
        await manager.ClickAsync("button:has-text('Record the decision')");
        await Assertions.Expect(manager.Locator(".govuk-error-summary")).ToContainTextAsync("Say whether you grant or refuse access");
        await manager.InspectAsync("access-request-decide");
        await manager.CheckAsync("#Grant");
        await manager.FillAsync("#Days", "7");
        await manager.FillAsync("#Reasons", "The review needs the record; a week is enough for it.");
        await manager.ClickAsync("button:has-text('Record the decision')");
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("My work");

        await partner.GotoAsync("/");
        await Assertions.Expect(partner.Locator("main")).ToContainTextAsync("Granted");
        await partner.InspectAsync("access-request-granted");
        await partner.ClickAsync($"main table a:has-text('{child.GivenName}') >> nth=0");
        await Assertions.Expect(partner.Locator("main")).ToContainTextAsync("You are seeing this record through a request for access");
        await Assertions.Expect(partner.Locator("main")).ToContainTextAsync("Access granted by Daniel Whitfield until");
        await partner.InspectAsync("access-request-record");
    }
}
