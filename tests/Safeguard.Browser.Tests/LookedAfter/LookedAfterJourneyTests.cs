using Microsoft.Playwright;
using Safeguard.Browser.Tests.Support;

namespace Safeguard.Browser.Tests.LookedAfter;

[Collection(ServiceGroup.Name)]
public sealed class LookedAfterJourneyTests(ServiceFixture service)
{
    /// <summary>
    /// The child becomes looked after in an out-of-area foster placement (the receiving authority must be named); the record
    /// warns there is no care plan until one is agreed; the receiving authority is notified; the return home is assessed, its
    /// outcome goes into the care plan, a manager approves ceasing to look after the child, the child goes home and the
    /// reunification plan is agreed.
    /// </summary>
    [Fact]
    [Trait("Rule", "LAC-01")]
    [Trait("Rule", "LAC-02")]
    [Trait("Rule", "LAC-04")]
    [Trait("Rule", "LAC-06")]
    public async Task LookedAfter_CarePlan_OutOfAreaNotification_PlannedReturnHomeApproved()
    {
        await using var managerContext = await service.NewContextAsync();
        var manager = await managerContext.NewPageAsync();
        await manager.SignInAsync("manager@northmoor.example");
        var episodeUrl = await manager.DecideFirstReferralAsync("Section17Assessment", "No one at home can care for the child while mother is in hospital.");
        await manager.AllocateAsync("Amara Okafor");

        await using var workerContext = await service.NewContextAsync();
        var worker = await workerContext.NewPageAsync();
        await worker.SignInAsync("social.worker@northmoor.example");
        await worker.GotoAsync(episodeUrl);
        await worker.ClickAsync("text=The child becomes looked after");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("The child becomes looked after");
        await worker.CheckAsync("#LegalStatus");
        await worker.FillAsync("#Reasons", "Mother is in hospital for some weeks and asked us to accommodate her child; no one in the family can care for them.");
        await worker.SelectOptionAsync("#PlacementType", "FosterCare");
        await worker.FillAsync("#PlacementWhere", "Mr and Mrs Shah (foster carers), Eastbridge");
        await worker.CheckAsync("#OutOfArea");
        await worker.InspectAsync("looked-after-start-form");
        await worker.ClickAsync("button:has-text('Record that the child is looked after')");
        // Out of the area, the receiving authority must be named: it is notified of the placement (LAC-02).
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("Name the receiving local authority");
        await worker.InspectAsync("looked-after-start-receiving-authority-error");
        await worker.FillAsync("#ReceivingAuthority", "Southvale Council");
        await worker.ClickAsync("button:has-text('Record that the child is looked after')");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Looked after");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("No care plan: every looked after child must have a care plan");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("3 notifications still to send");
        var lookedAfterUrl = worker.Url;
        await worker.InspectAsync("looked-after-no-care-plan");

        // "My work" lists the child as looked after without a care plan until one is agreed (LAC-01).
        await worker.GotoAsync("/");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Looked after without a care plan");
        await worker.Locator("main a[href$='/care-plan']").First.ClickAsync();
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Care plan");
        await worker.GotoAsync(lookedAfterUrl);

        await worker.ClickAsync("text=Agree the care plan");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Care plan");
        await worker.FillAsync("#Care", "Stays with Mr and Mrs Shah; same school, with transport; contact with mother in hospital twice a week.");
        await worker.FillAsync("#Safeguarding", "The carers know mother's former partner must have no contact; the school is alerted; the child has a phone for emergencies.");
        await worker.InspectAsync("care-plan-form");
        await worker.ClickAsync("button:has-text('Agree the care plan')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Update the care plan");
        await Assertions.Expect(worker.Locator("main")).Not.ToContainTextAsync("No care plan:");
        await worker.InspectAsync("care-plan");

        await worker.GotoAsync(lookedAfterUrl);
        await Assertions.Expect(worker.Locator("#Notification")).ToBeCheckedAsync();
        await worker.ClickAsync("button:has-text('Record the notification')");
        await Assertions.Expect(worker.Locator("main table").Nth(2)).ToContainTextAsync("to Southvale Council");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("2 notifications still to send");
        await worker.InspectAsync("looked-after-notification-sent");

        await worker.ClickAsync("main a:has-text('Return home')");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Return home");
        await worker.ClickAsync("text=Record the return home assessment");
        await worker.FillAsync("#Assessment", "Mother is home and well, and her former partner has left the area: the needs that led to care have been addressed.");
        await worker.FillAsync("#ServicesAndSupport", "Family Help worker weekly for 12 weeks; grandmother collects from school; who to call is written down for mother.");
        await worker.InspectAsync("return-home-assessment-form");
        await worker.ClickAsync("button:has-text('Record the assessment')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Waiting for a social work qualified manager to approve");
        await worker.InspectAsync("return-home-assessed");

        await manager.GotoAsync(worker.Url);
        await manager.FillAsync("#Reasons", "The assessment shows the needs are met, and the support is in place before the return.");
        await manager.ClickAsync("button:has-text('Approve the return home')");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("The assessment shows the needs are met");
        await manager.InspectAsync("return-home-approved");

        await worker.ReloadAsync();
        await worker.ClickAsync("button:has-text('Record the return home')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("After the return home");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("agree the reunification plan");
        await worker.InspectAsync("returned-home");
        await worker.FillAsync("#Services", "Family Help worker weekly for 12 weeks; school nurse check-ins.");
        await worker.FillAsync("#Timeline", "Reviews at 6 and 12 weeks, then a decision on stepping down to universal services.");
        await worker.CheckAsync("#Explained");
        await worker.ClickAsync("button:has-text('Save the reunification plan')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Reviews at 6 and 12 weeks");
        await worker.InspectAsync("reunification-plan");

        await worker.GotoAsync(episodeUrl);
        await Assertions.Expect(worker.Locator("#looked-after + ul")).ToContainTextAsync("returned home as planned");
        await worker.InspectAsync("episode-looked-after");
    }

    /// <summary>
    /// A manager decides to start pre-proceedings (the other agencies' views are required), then the social worker records the
    /// letter before proceedings, family group decision-making offered and accepted, and a key discussion with the family.
    /// </summary>
    [Fact]
    [Trait("Rule", "PRE-01")]
    [Trait("Rule", "PRE-02")]
    public async Task PreProceedings_Decision_Letter_FamilyGroupDecisionMaking_KeyDiscussion()
    {
        var today = Safeguard.Domain.Calendar.EnglandClock.Today(TimeProvider.System);
        await using var managerContext = await service.NewContextAsync();
        var manager = await managerContext.NewPageAsync();
        await manager.SignInAsync("manager@northmoor.example");
        var episodeUrl = await manager.DecideFirstReferralAsync("Section17Assessment", "Neglect continues: the family needs an assessment.");
        await manager.AllocateAsync("Amara Okafor");
        await manager.ClickAsync("text=Decide on pre-proceedings");
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Decide whether to start pre-proceedings");
        await manager.CheckAsync("#Start");
        await manager.FillAsync("#Reasons", "After nine months on a plan the home is still unsafe; the threshold for care proceedings is met in principle.");
        await manager.ClickAsync("button:has-text('Record the decision')");
        await Assertions.Expect(manager.Locator(".govuk-error-summary")).ToContainTextAsync("other agencies' views");
        await manager.InspectAsync("pre-proceedings-decision-error");
        await manager.FillAsync("#AgencyViews", "Health visitor and school support starting pre-proceedings; the police have no objection.");
        await manager.ClickAsync("button:has-text('Record the decision')");
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Pre-proceedings");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Under way");
        var url = manager.Url;
        await manager.InspectAsync("pre-proceedings");

        await using var workerContext = await service.NewContextAsync();
        var worker = await workerContext.NewPageAsync();
        await worker.SignInAsync("social.worker@northmoor.example");
        await worker.GotoAsync(url);
        await worker.FillAsync("#ExpectationsOfParents", "Keep the home clean and safe; take the children to school every day; attend the drug service weekly.");
        await worker.FillAsync("#Support", "Family support worker twice a week; referral to the drug service; help with the rent arrears.");
        await worker.FillDateAsync("MeetingOn", today);
        await worker.ClickAsync("button:has-text('Record the letter')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Changes the parents must make");
        await worker.CheckAsync("#Accepted");
        await worker.CheckAsync("#IndependentCoordinator");
        await worker.CheckAsync("#PrivateFamilyTime-false");
        await worker.ClickAsync("button:has-text('Record the offer')");
        // Private family time is offered unless it would be unsafe: the reason is asked for.
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("Private family time is offered unless it would be unsafe");
        await worker.InspectAsync("pre-proceedings-family-group-error");
        await worker.CheckAsync("#PrivateFamilyTime");
        await worker.ClickAsync("button:has-text('Record the offer')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("accepted; independent coordinator; private family time offered");
        await worker.FillAsync("#Who", "Mother, her solicitor, the maternal grandmother, Amara Okafor");
        await worker.FillAsync("#WhatWasAgreed", "Grandmother will be assessed as a carer; mother starts the drug service on Monday.");
        await worker.ClickAsync("button:has-text('Record the discussion')");
        await Assertions.Expect(worker.Locator("main table")).ToContainTextAsync("Grandmother will be assessed as a carer");
        await worker.InspectAsync("pre-proceedings-letter-family-group-discussion");

        await worker.GotoAsync(episodeUrl);
        await Assertions.Expect(worker.Locator("#looked-after + ul")).ToContainTextAsync("under way");
    }
}
