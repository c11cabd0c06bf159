using Microsoft.Playwright;
using Safeguard.Browser.Tests.Support;

namespace Safeguard.Browser.Tests.FamilyHelp;

[Collection(ServiceGroup.Name)]
public sealed class FamilyHelpJourneyTests(ServiceFixture service)
{
    /// <summary>
    /// From the front door's decision to a reviewed child in need plan: the manager decides and allocates, the social
    /// worker assesses (the child seen alone), the manager authorises, the social worker makes the plan, the manager
    /// approves it, the social worker reviews it and records a visit, and it is all on the child's chronology.
    /// </summary>
    [Fact]
    [Trait("Rule", "ASM-01")]
    [Trait("Rule", "ASM-02")]
    [Trait("Rule", "CIN-01")]
    [Trait("Rule", "CIN-02")]
    public async Task DecisionAllocationAssessmentAuthorisationAndAReviewedChildInNeedPlan()
    {
        var today = Safeguard.Domain.Calendar.EnglandClock.Today(TimeProvider.System);
        await using var managerContext = await service.NewContextAsync();
        var manager = await managerContext.NewPageAsync();
        await manager.SignInAsync("manager@northmoor.example");
        var episodeUrl = await manager.DecideFirstReferralAsync("Section17Assessment", "The child needs an assessment of their needs at home.");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Not allocated");
        await manager.InspectAsync("episode-to-allocate");

        await manager.SelectPersonAsync("LeadPractitionerId", "Amara Okafor");
        await manager.ClickAsync("button:has-text('Allocate')");
        await Assertions.Expect(manager.Locator(".govuk-error-summary")).ToContainTextAsync("There is a problem");
        await Assertions.Expect(manager.Locator(".govuk-error-summary")).ToContainTextAsync("agreed");
        await manager.InspectAsync("episode-allocation-error");
        await manager.AllocateAsync("Amara Okafor");

        await using var workerContext = await service.NewContextAsync();
        var worker = await workerContext.NewPageAsync();
        await worker.SignInAsync("social.worker@northmoor.example");
        await worker.GotoAsync(episodeUrl);
        await worker.ClickAsync("button:has-text('Start the assessment')");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Assessment");
        await worker.ClickAsync("button:has-text('Submit for authorisation')");
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("Describe the child's developmental needs");
        await worker.InspectAsync("assessment-errors");
        await worker.FillAsync("#Form_DevelopmentalNeeds", "Healthy and growing well; attendance has fallen to 88% this term.");
        await worker.FillAsync("#Form_ParentingCapacity", "Mother is loving and wants help; she finds mornings hard while she is unwell.");
        await worker.FillAsync("#Form_FamilyAndEnvironment", "Grandmother lives nearby and can help. The flat is damp.");
        await worker.FillDateAsync("Form_ChildSeenOn", today);
        await worker.CheckAsync("#Form_SeenAlone");
        await worker.FillAsync("#Form_ChildsWishesAndFeelings", "\"I want to have breakfast at home with Mum.\"");
        await worker.FillAsync("#Form_FamilyViews", "Mother agrees the family needs support with routines.");
        await worker.CheckAsync("#Form_Factors-16A");
        await worker.CheckAsync("#Form_Conclusion");
        await worker.FillAsync("#Form_ConclusionReasons", "The child's development is likely to be impaired without services: a child in need.");
        await worker.SelectOptionAsync("#Form_PrimaryNeedCode", "N1");
        await worker.InspectAsync("assessment-form");
        await worker.ClickAsync("button:has-text('Submit for authorisation')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Waiting for authorisation");

        await manager.GotoAsync(episodeUrl);
        await manager.ClickAsync("main table a[href^='/assessments/']");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("I want to have breakfast at home with Mum.");
        await manager.InspectAsync("assessment-to-authorise");
        await manager.ClickAsync("button:has-text('Authorise the assessment')");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Child in need (section 17)");
        await manager.InspectAsync("episode-child-in-need");

        await worker.GotoAsync(episodeUrl);
        await worker.ClickAsync("text=Make a plan");
        await worker.FillAsync("#Outcomes_0__Outcome", "Eats breakfast every school day");
        await worker.FillAsync("#Outcomes_0__Measure", "Breakfast club register shows 5 of 5 days");
        await worker.FillDateAsync("Outcomes_0__ByWhen", today.AddDays(56));
        await worker.FillAsync("#Outcomes_0__ProvidedBy", "Northmoor Primary");
        await worker.FillAsync("#Outcomes_0__Service", "Breakfast club, free place");
        await worker.FillAsync("#ExpectationsOfParents", "Mother brings the child to breakfast club by 8.15.");
        await worker.FillAsync("#VisitEveryDays", "10");
        await worker.FillDateAsync("NextReviewOn", today.AddDays(28));
        await worker.InspectAsync("plan-new");
        await worker.ClickAsync("button:has-text('Make the plan')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Waiting for a manager's approval");
        await worker.WaitForURLAsync("**/plans/*");
        var planUrl = worker.Url;

        await manager.GotoAsync(planUrl);
        await manager.ClickAsync("button:has-text('Approve the plan')");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("approved");

        await worker.GotoAsync(planUrl);
        await worker.CheckAsync("#Progress_0__Progress-OnTrack");
        await worker.FillAsync("#Progress_0__Evidence", "Register shows 4 of 5 days this fortnight.");
        await worker.FillAsync("#Decisions", "Carry on; grandmother to help on Mondays.");
        await worker.FillDateAsync("NextReviewOn", today.AddDays(56));
        await worker.InspectAsync("plan-review-form");
        await worker.ClickAsync("button:has-text('Record the review')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Register shows 4 of 5 days this fortnight.");
        await worker.InspectAsync("plan-reviewed");

        await worker.GotoAsync(episodeUrl);
        await worker.ClickAsync("text=Record a visit");
        await worker.CheckAsync("#ChildSeen");
        await worker.CheckAsync("#SeenAlone");
        await worker.FillAsync("#Observations", "Played a game in the child's room; the child talked about school.");
        await worker.InspectAsync("visit-new");
        await worker.ClickAsync("button:has-text('Record the visit')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Yes, alone");
        await worker.InspectAsync("episode-with-visit");

        await worker.ClickAsync("text=Record specific needs");
        await worker.CheckAsync("#Needs-HarmOutsideTheHome");
        await worker.ClickAsync("button:has-text('Save specific needs')");
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("where the risk outside the home is located");
        await worker.InspectAsync("episode-needs-error");
        await worker.CheckAsync("#Needs-HarmOutsideTheHome");
        await worker.FillAsync("#ExtraFamilialRisk", "The underpass by the retail park after school; two older boys; messages on Snapchat.");
        await worker.ClickAsync("button:has-text('Save specific needs')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Where the risk is: The underpass");
        await worker.ClickAsync("text=Record a milestone");
        await worker.SelectOptionAsync("#MilestoneKind", "ProbationEnquiryReceived");
        await worker.FillAsync("#MilestoneReference", "PDU-NM-7");
        await worker.FillAsync("#MilestoneNote", "Probation asks for sentencing advice on the child's father.");
        await worker.ClickAsync("button:has-text('Record the milestone')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Probation child safeguarding enquiry received (PDU-NM-7)");
        await worker.InspectAsync("episode-needs-and-milestones");

        await worker.ClickAsync("main >> text=Chronology");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Chronology");
        var chronology = await worker.InnerTextAsync("main");
        Assert.Contains("Assessment authorised", chronology, StringComparison.Ordinal);
        Assert.Contains("Plan reviewed", chronology, StringComparison.Ordinal);
        Assert.Contains("Child seen alone", chronology, StringComparison.Ordinal);
        await worker.InspectAsync("chronology");
        await worker.SelectOptionAsync("#Kind", "Visit");
        await worker.ClickAsync("button:has-text('Filter')");
        await Assertions.Expect(worker.Locator("main table")).Not.ToContainTextAsync("Plan reviewed");
        await Assertions.Expect(worker.Locator("main table")).ToContainTextAsync("Child seen alone");

        // The manager marks the visit as a safe address: the social worker then sees only that a sensitive entry exists.
        await manager.GotoAsync(worker.Url);
        await manager.SelectOptionAsync("main table select >> nth=0", "SafeAddress");
        await manager.ClickAsync("main table button:has-text('Mark') >> nth=0");
        await Assertions.Expect(manager.Locator("main table")).ToContainTextAsync("Sensitive");
        await manager.InspectAsync("chronology-manager-marks");
        await worker.ReloadAsync();
        await Assertions.Expect(worker.Locator("main table")).ToContainTextAsync("only social care managers may read it");
        await Assertions.Expect(worker.Locator("main table")).Not.ToContainTextAsync("Child seen alone");
    }
}
