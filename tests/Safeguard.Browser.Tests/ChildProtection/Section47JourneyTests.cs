using Microsoft.Playwright;
using Safeguard.Browser.Tests.Support;

namespace Safeguard.Browser.Tests.ChildProtection;

[Collection(ServiceGroup.Name)]
public sealed class Section47JourneyTests(ServiceFixture service)
{
    /// <summary>
    /// The front door decides a strategy discussion; the social worker records it with police and health, starts the
    /// section 47 enquiry, sees the child alone, and concludes that the concerns are not substantiated, with the
    /// reasons shared and support offered.
    /// </summary>
    [Fact]
    [Trait("Rule", "SD-02")]
    [Trait("Rule", "S47-08")]
    public async Task StrategyDiscussion_Section47_NotSubstantiatedWithReasonsShared()
    {
        var today = Safeguard.Domain.Calendar.EnglandClock.Today(TimeProvider.System);
        await using var managerContext = await service.NewContextAsync();
        var manager = await managerContext.NewPageAsync();
        await manager.SignInAsync("manager@northmoor.example");
        var episodeUrl = await manager.DecideFirstReferralAsync("StrategyDiscussion", "Reasonable cause to suspect significant harm: a strategy discussion today.");
        await manager.AllocateAsync("Amara Okafor");

        await using var workerContext = await service.NewContextAsync();
        var worker = await workerContext.NewPageAsync();
        await worker.SignInAsync("social.worker@northmoor.example");
        await worker.GotoAsync(episodeUrl);
        await worker.ClickAsync("text=Record a strategy discussion");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Record a strategy discussion");
        await worker.FillAsync("#Attendees_0__Name", "Amara Okafor");
        await worker.FillAsync("#Attendees_0__Agency", "Northmoor children's social care");
        await worker.FillAsync("#Attendees_1__Name", "Nurse Lee Example");
        await worker.FillAsync("#Attendees_1__Agency", "Northmoor Community Health");
        await worker.FillAsync("#InformationShared", "Bruise to the upper arm seen at school; no previous police call-outs; health records show a fall last week.");
        await worker.CheckAsync("#PoliceDecision-NotStarted");
        await worker.FillAsync("#PoliceReasons", "Police will wait for the medical; they remain part of the discussion.");
        await worker.CheckAsync("#Section47");
        await worker.FillAsync("#Section47Reasons", "Reasonable cause to suspect physical abuse until the medical is done.");
        await worker.CheckAsync("#LegalActionNeeded-false");
        await worker.FillAsync("#Actions_0__What", "Child protection medical");
        await worker.FillAsync("#Actions_0__Who", "Community paediatrician");
        await worker.FillDateAsync("Actions_0__ByWhen", today.AddDays(1));
        await worker.ClickAsync("button:has-text('Record the discussion')");
        // The police representative was left out: the page says the minimum attendance is missing.
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("Missing: police");
        await worker.InspectAsync("strategy-discussion-attendance-error");
        await worker.FillAsync("#Attendees_2__Name", "DS Jo Example");
        await worker.FillAsync("#Attendees_2__Agency", "Northmoor Police");
        await worker.SelectOptionAsync("#Attendees_2__Role", "Police");
        await worker.InspectAsync("strategy-discussion-form");
        await worker.ClickAsync("button:has-text('Record the discussion')");
        await Assertions.Expect(worker.Locator("h1")).ToContainTextAsync("Strategy discussion,");
        await worker.InspectAsync("strategy-discussion");

        await worker.ClickAsync("button:has-text('Start the section 47 enquiry')");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Section 47 enquiry");
        await worker.FillDateAsync("ChildSeenOn", today);
        await worker.CheckAsync("#SeenAlone");
        await worker.FillAsync("#ChildsWishesAndFeelings", "\"I fell off the climbing frame. I like living with Mum.\"");
        await worker.CheckAsync("#ParentsInterviewed");
        await worker.CheckAsync("#JointWithPolice-false");
        await worker.FillAsync("#SpecialistAssessments", "Child protection medical: injury consistent with a fall.");
        await worker.InspectAsync("section-47-enquiry");
        await worker.ClickAsync("button:has-text('Save the enquiry')");
        await Assertions.Expect(worker.Locator("#ChildsWishesAndFeelings")).ToHaveValueAsync("\"I fell off the climbing frame. I like living with Mum.\"");

        await worker.CheckAsync("#Outcome");
        await worker.FillAsync("#OutcomeReasons", "The medical and the accounts of the child and mother are consistent with a fall at the park.");
        await worker.ClickAsync("button:has-text('Record the outcome')");
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("discussed with the child");
        await worker.InspectAsync("section-47-outcome-error");
        await worker.CheckAsync("#ReasonsShared");
        await worker.FillAsync("#OngoingSupport", "Family Help offered for after-school routines; a family group conference offered.");
        await worker.ClickAsync("button:has-text('Record the outcome')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Concerns not substantiated");
        await worker.InspectAsync("section-47-not-substantiated");
    }

    /// <summary>
    /// Strategy discussion → section 47 → substantiated → initial conference with an independent chair → child
    /// protection plan → first core group meeting, with an action marked done.
    /// </summary>
    [Fact]
    [Trait("Rule", "ICPC-01")]
    [Trait("Rule", "RC-06")]
    [Trait("Rule", "CG-01")]
    public async Task Substantiated_InitialConference_Plan_FirstCoreGroup()
    {
        var today = Safeguard.Domain.Calendar.EnglandClock.Today(TimeProvider.System);
        await using var managerContext = await service.NewContextAsync();
        var manager = await managerContext.NewPageAsync();
        await manager.SignInAsync("manager@northmoor.example");
        var episodeUrl = await manager.DecideFirstReferralAsync("StrategyDiscussion", "Reasonable cause to suspect significant harm.");
        await manager.AllocateAsync("Amara Okafor");

        await using var workerContext = await service.NewContextAsync();
        var worker = await workerContext.NewPageAsync();
        await worker.SignInAsync("social.worker@northmoor.example");
        await worker.GotoAsync(episodeUrl);
        await worker.ClickAsync("text=Record a strategy discussion");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Record a strategy discussion");
        foreach (var (i, name, agency) in new[] { (0, "Amara Okafor", "Northmoor CSC"), (1, "Nurse Lee Example", "Northmoor Health"), (2, "DS Jo Example", "Northmoor Police") })
        {
            await worker.FillAsync($"#Attendees_{i}__Name", name);
            await worker.FillAsync($"#Attendees_{i}__Agency", agency);
        }

        await worker.FillAsync("#InformationShared", "Hand-shaped bruise; two police call-outs to the address this year.");
        await worker.CheckAsync("#PoliceDecision");
        await worker.CheckAsync("#Section47");
        await worker.FillAsync("#Section47Reasons", "Reasonable cause to suspect physical abuse.");
        await worker.CheckAsync("#LegalActionNeeded-false");
        await worker.FillAsync("#Actions_0__What", "Child protection medical");
        await worker.FillAsync("#Actions_0__Who", "Community paediatrician");
        await worker.FillDateAsync("Actions_0__ByWhen", today.AddDays(1));
        await worker.ClickAsync("button:has-text('Record the discussion')");
        await worker.ClickAsync("button:has-text('Start the section 47 enquiry')");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Section 47 enquiry");
        await worker.FillDateAsync("ChildSeenOn", today);
        await worker.CheckAsync("#SeenAlone");
        await worker.FillAsync("#ChildsWishesAndFeelings", "\"He grabs me when he is cross.\"");
        await worker.ClickAsync("button:has-text('Save the enquiry')");
        await Assertions.Expect(worker.Locator("#ChildsWishesAndFeelings")).ToHaveValueAsync("\"He grabs me when he is cross.\"");
        await worker.CheckAsync("#Outcome-Substantiated");
        await worker.FillAsync("#OutcomeReasons", "The medical and the child's account are consistent with physical abuse.");
        await worker.ClickAsync("button:has-text('Record the outcome')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Concerns substantiated");

        await worker.ClickAsync("text=Record the initial child protection conference");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Record the initial child protection conference");
        await worker.SelectPersonAsync("ChairId", "Helen Marsh");
        await worker.FillAsync("#Attendees_0__Name", "Helen Marsh");
        await worker.FillAsync("#Attendees_0__Agency", "Northmoor CSC");
        await worker.SelectOptionAsync("#Attendees_0__Role", "LocalAuthoritySocialWorker");
        await worker.FillAsync("#ChildsViews", "The child told her advocate she wants to feel safe at home.");
        await worker.FillAsync("#FamilyParticipation", "Mother attended with her sister as supporter.");
        await worker.CheckAsync("#PlanNeeded");
        await worker.FillAsync("#Reasons", "The child is likely to suffer significant harm without a plan.");
        await worker.CheckAsync("#Category-PHY");
        await worker.FillAsync("#CoreGroup_0__Name", "Fiona Castellano");
        await worker.FillAsync("#CoreGroup_0__Agency", "Northmoor Primary");
        await worker.FillAsync("#OutlinePlan_0__What", "Safety plan agreed with mother");
        await worker.FillAsync("#OutlinePlan_0__Who", "Amara Okafor");
        await worker.FillDateAsync("OutlinePlan_0__ByWhen", today.AddDays(14));
        await worker.InspectAsync("initial-conference-form");
        await worker.ClickAsync("button:has-text('Record the conference')");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Child protection plan");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Physical abuse");
        await worker.InspectAsync("child-protection-plan");

        await worker.FillAsync("#Decisions", "Detailed plan agreed; school reports attendance weekly.");
        await worker.CheckAsync("#ActionsDone");
        await worker.ClickAsync("button:has-text('Record the meeting')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Detailed plan agreed; school reports attendance weekly.");
        await Assertions.Expect(worker.Locator("main table")).Not.ToContainTextAsync("Not yet");
        await worker.InspectAsync("child-protection-plan-core-group");
    }
}
