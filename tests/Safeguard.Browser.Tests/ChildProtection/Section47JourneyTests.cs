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
    [Trait("Rule", "ICPC-02")]
    [Trait("Rule", "ICPC-04")]
    [Trait("Rule", "RCPC-01")]
    public async Task Substantiated_ArrangedConference_InviteeReport_Plan_FirstCoreGroup_FirstReviewOnTime()
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
        await SubstantiatedAsync(worker, episodeUrl, today);

        // The conference is arranged: the school's DSL is invited with her account, the family's advocate by name.
        await worker.ClickAsync("text=Arrange the conference and invite agencies");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Arrange the initial child protection conference");
        await worker.FillDateAsync("ScheduledFor", today);
        await worker.SelectPersonAsync("Practitioners_0__PractitionerId", "Fiona Castellano");
        await worker.FillAsync("#Others_0__Name", "Ash Advocate");
        await worker.FillAsync("#Others_0__Agency", "The family's advocate");
        await worker.InspectAsync("arrange-conference");
        await worker.ClickAsync("button:has-text('Arrange the conference')");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Initial child protection conference");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("2 agency reports not yet received");
        var meetingUrl = worker.Url;

        // The DSL finds the invitation on "My work", sends her report, and sees nothing else of the child's record.
        await using var dslContext = await service.NewContextAsync();
        var dsl = await dslContext.NewPageAsync();
        await dsl.SignInAsync("dsl@northmoor.example");
        await Assertions.Expect(dsl.Locator("main")).ToContainTextAsync("Conferences you are invited to");
        await dsl.Locator("a[href^='/conference-meetings/']").First.ClickAsync();
        await Assertions.Expect(dsl.Locator("h2#report")).ToHaveTextAsync("Send your agency's report");
        await dsl.FillAsync("#Report", "Attendance 71% this term; arrives hungry most Mondays; disclosed being grabbed by her stepfather.");
        await dsl.CheckAsync("#ShareWithFamily");
        await dsl.ClickAsync("button:has-text('Send the report')");
        await Assertions.Expect(dsl.Locator("main table")).ToContainTextAsync("Received");
        await dsl.InspectAsync("conference-invitee-report");
        await dsl.GotoAsync(episodeUrl);
        await Assertions.Expect(dsl.Locator("h1")).Not.ToHaveTextAsync("Episode");

        await worker.GotoAsync(meetingUrl);
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("disclosed being grabbed by her stepfather");
        await worker.FillDateAsync("FamilyToldOn", today);
        await worker.CheckAsync("#AdvocacyOffered");
        await worker.FillAsync("#LeadReport", "Analysis: the risk of physical harm is high while the stepfather is at home. Recommendation: a child protection plan.");
        await worker.FillDateAsync("LeadReportSharedOn", today);
        await worker.ClickAsync("button:has-text('Save the preparation')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Shared with the family on");
        await worker.ClickAsync("button:has-text('Invite')");
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("Name who to invite.");
        await worker.FillAsync("#Invitee_Name", "Gale Guardian");
        await worker.FillAsync("#Invitee_Agency", "Cafcass children's guardian");
        await worker.ClickAsync("button:has-text('Invite')");
        await Assertions.Expect(worker.Locator("main table")).ToContainTextAsync("Cafcass children's guardian");
        await worker.InspectAsync("conference-papers");

        await worker.ClickAsync("text=Record the conference");
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
        await worker.SelectPersonAsync("CoreGroup_0__PractitionerId", "Fiona Castellano");
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
        var planUrl = worker.Url;

        // The first review conference is arranged within its three months, with the same preparation as the initial one.
        await worker.ClickAsync("text=Arrange the review conference");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Arrange the review child protection conference");
        await worker.FillDateAsync("ScheduledFor", today.AddMonths(2));
        await worker.SelectPersonAsync("Practitioners_0__PractitionerId", "Fiona Castellano");
        await worker.ClickAsync("button:has-text('Arrange the conference')");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Review child protection conference");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Tell the child and parents the conference's purpose");

        // The DSL is in the core group with her account: she sees the plan while it lasts; the child's page shows the status at a glance.
        await dsl.GotoAsync(planUrl);
        await Assertions.Expect(dsl.Locator("h1")).ToHaveTextAsync("Child protection plan");

        // The core group develops the plan: the DSL adds an action (what she typed stays when it is refused), the social
        // worker marks it done and changes the core group, and every change is in the plan's history.
        await dsl.ClickAsync("text=Change the plan's actions, core group or lead");
        await Assertions.Expect(dsl.Locator("h1")).ToHaveTextAsync("Change the child protection plan");
        await dsl.FillAsync("#What", "The child attends school every day");
        await dsl.FillAsync("#Who", "Northmoor Primary School");
        await dsl.FillDateAsync("ByWhen", today.AddDays(28));
        await dsl.ClickAsync("button:has-text('Add the action')");
        await Assertions.Expect(dsl.Locator(".govuk-error-summary")).ToContainTextAsync("Say by how much it must change");
        await Assertions.Expect(dsl.Locator("#What")).ToHaveValueAsync("The child attends school every day");
        await dsl.FillAsync("#HowMuch", "Attendance of 95% over the half term");
        await dsl.ClickAsync("button:has-text('Add the action')");
        await Assertions.Expect(dsl.Locator("#actions")).ToContainTextAsync("Attendance of 95% over the half term");
        await Assertions.Expect(dsl.Locator("#history")).ToContainTextAsync("Action added");
        await dsl.InspectAsync("child-protection-plan-changes");

        await worker.GotoAsync(planUrl + "/changes");
        await worker.Locator("input[name='DoneActionId']").First.CheckAsync();
        await worker.FillAsync("#DoneNote", "Attendance register checked with the school.");
        await worker.ClickAsync("button:has-text('Mark it done')");
        await Assertions.Expect(worker.Locator("#history")).ToContainTextAsync("Action done: Attendance register checked with the school.");
        await worker.ClickAsync("button:has-text('Add the member')");
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the member's name");
        await worker.FillAsync("#MemberName", "Lee Visitor");
        await worker.FillAsync("#MemberAgency", "Northmoor health visiting");
        await worker.FillAsync("#MemberReason", "The health visitor now sees the family weekly.");
        await worker.ClickAsync("button:has-text('Add the member')");
        await Assertions.Expect(worker.Locator("#core-group")).ToContainTextAsync("Lee Visitor, Northmoor health visiting");
        await worker.SelectOptionAsync("#LeavingMemberId", new SelectOptionValue { Label = "Lee Visitor, Northmoor health visiting" });
        await worker.FillAsync("#LeavingReason", "The family moved to another health visiting team.");
        await worker.ClickAsync("button:has-text('Record that they left')");
        await Assertions.Expect(worker.Locator("#core-group")).Not.ToContainTextAsync("Lee Visitor");
        await Assertions.Expect(worker.Locator("#history")).ToContainTextAsync("Left the core group: The family moved to another health visiting team.");
        await Assertions.Expect(worker.Locator("#history")).ToContainTextAsync("Joined the core group: The health visitor now sees the family weekly.");
        await worker.InspectAsync("child-protection-plan-history");
        await worker.GotoAsync(episodeUrl);
        await worker.Locator("main a[href^='/children/']:not([href*='/chronology'])").First.ClickAsync();
        await Assertions.Expect(worker.Locator("#status")).ToContainTextAsync("Child protection plan");
        await Assertions.Expect(worker.Locator("#status")).ToContainTextAsync("Fiona Castellano");
        await Assertions.Expect(worker.Locator("#status")).ToContainTextAsync($"Review child protection conference, {today.AddMonths(2):d MMMM yyyy}");
        await Assertions.Expect(worker.Locator("#clocks")).ToContainTextAsync("RCPC-01");
        await worker.InspectAsync("child-status-at-a-glance");

        // The case cannot close while the child is on the plan: the page names the plan and links to it, before and after trying.
        await manager.GotoAsync(episodeUrl + "/close");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("The episode cannot close while these are open");
        await Assertions.Expect(manager.Locator($"main a[href='{new Uri(planUrl).AbsolutePath}']")).ToContainTextAsync("the child protection plan (physical abuse)");
        await manager.CheckAsync("#ReasonCode-RC7");
        await manager.FillAsync("#Summary", "Services ceased.");
        await manager.ClickAsync("button:has-text('Close the episode')");
        await Assertions.Expect(manager.Locator(".govuk-error-summary")).ToContainTextAsync("the child protection plan (physical abuse)");
        await Assertions.Expect(manager.Locator(".govuk-error-summary a[data-related-record]")).ToHaveAttributeAsync("href", new Uri(planUrl).AbsolutePath);
        await manager.InspectAsync("episode-close-refused-plan-open");
        await manager.ClickAsync(".govuk-error-summary a[data-related-record]");
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Child protection plan");
    }

    /// <summary>
    /// The child on a plan moves permanently to another area: the plan carries on until the receiving authority's
    /// transfer-in conference (DISC-02), then ends, and the agencies invited to the initial conference are told (DISC-04).
    /// </summary>
    [Fact]
    [Trait("Rule", "DISC-02")]
    [Trait("Rule", "DISC-04")]
    public async Task TheChildMovesArea_TheReceivingAuthoritysConference_ThenThePlanEnds()
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
        var planUrl = await PlanAsync(worker, episodeUrl, today);

        await worker.FillAsync("#ReceivingAuthority", "Eastbrook Council");
        await worker.FillDateAsync("NotifiedOn", today);
        await worker.ClickAsync("button:has-text('Record the move')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("This plan carries on until then.");
        await worker.CheckAsync("input[name='Reason'][value='MovedPermanentlyToAnotherArea']");
        await worker.FillAsync("#Notes", "The family has moved to Eastbrook.");
        await worker.ClickAsync("button:has-text('End the plan')");
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("transfer-in conference");
        await worker.InspectAsync("plan-move-refused-before-transfer-in");

        await worker.GotoAsync(planUrl);
        await worker.FillDateAsync("TransferInHeldOn", today);
        await worker.FillAsync("#TransferInOutcome", "Eastbrook made its own child protection plan (physical abuse).");
        await worker.ClickAsync("button:has-text('Record its conference')");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Eastbrook made its own child protection plan");
        await worker.CheckAsync("input[name='Reason'][value='MovedPermanentlyToAnotherArea']");
        await worker.FillAsync("#Notes", "Eastbrook's plan has taken over; its lead social worker has the record.");
        await worker.ClickAsync("button:has-text('End the plan')");
        // Nobody is assumed told: each agency invited to the initial conference is still to be recorded as told, until it is.
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Who was told");
        await Assertions.Expect(worker.Locator(".govuk-warning-text", new() { HasText = "Not yet recorded as told" })).ToContainTextAsync("Fiona Castellano (");
        await worker.InspectAsync("plan-ended-after-transfer-in");
        await worker.FillAsync("#Told_Who", "Fiona Castellano");
        await worker.FillDateAsync("Told_ToldOn", today);
        await worker.ClickAsync("button:has-text('Record who was told')");
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("Say how they were told");
        await worker.FillAsync("#Told_Who", "Fiona Castellano");
        await worker.FillDateAsync("Told_ToldOn", today);
        await worker.CheckAsync("#Told_Method-Phone");
        await worker.FillAsync("#Told_What", "The plan ended: Eastbrook's plan has taken over.");
        await worker.ClickAsync("button:has-text('Record who was told')");
        await Assertions.Expect(worker.Locator("#told ~ table")).ToContainTextAsync("Fiona Castellano");
    }

    /// <summary>
    /// A review conference decides the child is no longer likely to suffer significant harm: the plan ends there, with the review's
    /// own record (RCPC-03), and nobody is assumed told (DISC-04). A plan's end form never offers that reason (DISC-01).
    /// </summary>
    [Fact]
    [Trait("Rule", "DISC-01")]
    [Trait("Rule", "RCPC-03")]
    [Trait("Rule", "DISC-04")]
    public async Task AReviewConferenceEndsThePlan_WithItsRecord_AndWhoWasTold()
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
        var planUrl = await PlanAsync(worker, episodeUrl, today);

        // "No longer at risk" is not a reason the end form offers: only a review conference decides it.
        await Assertions.Expect(worker.Locator("input[name='Reason'][value='NoLongerAtRiskOfSignificantHarm']")).ToHaveCountAsync(0);

        // The review is held on a later day than the conference that made the plan: the service's clock moves on a day.
        var reviewDay = today.AddDays(1);
        service.Clock.Offset = TimeSpan.FromDays(1);
        try
        {
            await worker.SignInAsync("social.worker@northmoor.example");
            await manager.SignInAsync("manager@northmoor.example");
            await worker.GotoAsync(planUrl);

            // A review without its reasons is refused, and what was typed stays.
            await worker.FillDateAsync("ReviewHeldOn", reviewDay);
            await worker.SelectPersonAsync("ChairId", "Helen Marsh");
            await worker.FillAsync("#Attendees_0__Name", "Helen Marsh");
            await worker.FillAsync("#Attendees_0__Agency", "Northmoor CSC");
            await worker.FillAsync("#ChildsViews", "She told her advocate she feels safe now her stepfather has left.");
            await worker.FillAsync("#FamilyParticipation", "Mother attended with her sister.");
            await worker.FillAsync("#AgencyReports", "School: attendance 97% this half term.");
            await worker.CheckAsync("#PlanContinues-false");
            await worker.ClickAsync("button:has-text('Record the review')");
            await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await Assertions.Expect(worker.Locator("#ChildsViews")).ToHaveValueAsync("She told her advocate she feels safe now her stepfather has left.");
            await worker.InspectAsync("review-conference-refused");

            await worker.FillAsync("#Reasons", "Every action is done; the stepfather has left the home and the school reports steady attendance.");
            await worker.ClickAsync("button:has-text('Record the review')");
            await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Child protection plan");
            await Assertions.Expect(worker.Locator("main")).ToContainTextAsync($"ended {reviewDay:d MMMM yyyy}");
            await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("plan ends");
            await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Who was told");
            await Assertions.Expect(worker.Locator(".govuk-warning-text", new() { HasText = "Not yet recorded as told" })).ToContainTextAsync("Fiona Castellano (");
            await worker.InspectAsync("plan-ended-at-review");

            // The review's own record: who took part, the child's views and the reports.
            await worker.ClickAsync("text=Who took part, the child's views and the reports");
            await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("She told her advocate she feels safe now her stepfather has left.");
            await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Helen Marsh");
            await worker.InspectAsync("review-conference-record");

            // With the plan ended the episode may close.
            await manager.GotoAsync(episodeUrl + "/close");
            await Assertions.Expect(manager.Locator("main")).Not.ToContainTextAsync("the child protection plan (physical abuse)");
        }
        finally
        {
            service.Clock.Offset = TimeSpan.Zero;
        }
    }

    /// <summary>A strategy discussion with the minimum attendance, the section 47 enquiry started, the child seen alone, and concerns substantiated.</summary>
    private static async Task SubstantiatedAsync(IPage worker, string episodeUrl, DateOnly today)
    {
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
    }

    /// <summary>A strategy discussion, a substantiated enquiry and an initial conference whose core group names the school's DSL: returns the plan's address.</summary>
    private static async Task<string> PlanAsync(IPage worker, string episodeUrl, DateOnly today)
    {
        await SubstantiatedAsync(worker, episodeUrl, today);
        await worker.ClickAsync("a:has-text('Record the conference')");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Record the initial child protection conference");
        await worker.SelectPersonAsync("ChairId", "Helen Marsh");
        await worker.FillAsync("#Attendees_0__Name", "Helen Marsh");
        await worker.FillAsync("#Attendees_0__Agency", "Northmoor CSC");
        await worker.FillAsync("#ChildsViews", "Wants to feel safe.");
        await worker.FillAsync("#FamilyParticipation", "Mother attended.");
        await worker.CheckAsync("#PlanNeeded");
        await worker.FillAsync("#Reasons", "Likely to suffer significant harm.");
        await worker.CheckAsync("#Category-PHY");
        await worker.SelectPersonAsync("CoreGroup_0__PractitionerId", "Fiona Castellano");
        await worker.FillAsync("#OutlinePlan_0__What", "Safety plan");
        await worker.FillAsync("#OutlinePlan_0__Who", "Amara Okafor");
        await worker.FillDateAsync("OutlinePlan_0__ByWhen", today.AddDays(14));
        await worker.ClickAsync("button:has-text('Record the conference')");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Child protection plan");
        return worker.Url;
    }
}
