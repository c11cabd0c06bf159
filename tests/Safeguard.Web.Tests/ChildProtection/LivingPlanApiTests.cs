using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.FamilyHelp;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.ChildProtection;

/// <summary>
/// The plan as a living document through the API on each database: the core group adds, changes and completes actions
/// and changes its membership, a manager changes the lead social worker, and a child in need plan's outcomes change;
/// each refused change is a 422 with its rule id and changes nothing, and each change is on the plan's history and the
/// child's chronology.
/// </summary>
public abstract class LivingPlanApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private sealed record Case(TestArea Area, HttpClient Manager, HttpClient Worker, Guid WorkerId, HttpClient Dsl, Guid DslId, Guid EpisodeId, Guid ChildId);

    private static readonly string[] PhysicalAbuse = ["PhysicalAbuse"];
    private static readonly string[] InsideTheHome = ["InsideTheHome"];

    private DateOnly Today => EnglandClock.Today(factory.Time!);

    private string Day(int days) => $"{Today.AddDays(days):yyyy-MM-dd}";

    private async Task<(HttpClient Client, Guid Id)> SignedInAsync(Agency agency, params PractitionerRole[] roles)
    {
        var email = await factory.NewAccountAsync(agency, roles);
        var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, email);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(agency.AreaId);
        return (client, await db.Practitioners.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<string?> RuleAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        return (await Json(response, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString();
    }

    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        return response.StatusCode;
    }

    private async Task<Case> CaseAsync()
    {
        var area = await factory.NewAreaAsync();
        var (dsl, dslId) = await SignedInAsync(area.School, PractitionerRole.DesignatedSafeguardingLead);
        var (manager, _) = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var (worker, workerId) = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker);
        var referral = await Json(await dsl.PostAsJsonAsync("/api/v1/referrals", new Dictionary<string, object?>
        {
            ["child"] = new Dictionary<string, object?> { ["givenName"] = "Nell", ["familyName"] = "Testcase", ["dateOfBirth"] = "2018-06-01", ["sex"] = "F", ["ethnicityCode"] = "WBRI" },
            ["concerns"] = "Nell has a bruise on her cheek and says she was hit at home.",
            ["harmTypes"] = PhysicalAbuse, ["harmContexts"] = InsideTheHome,
            ["familyKnows"] = false, ["whyFamilyNotToldOrAgreed"] = "Telling the family could put Nell at risk.", ["urgency"] = "Urgent",
        }), HttpStatusCode.Created);
        var decided = await Json(await manager.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/decision",
            new { outcome = "StrategyDiscussion", reasons = "Reasonable cause to suspect significant harm.", primaryNeedCode = "N1" }));
        var episodeId = decided.GetProperty("episodeId").GetGuid();
        await Json(await manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = workerId, agreed = true }));
        return new Case(area, manager, worker, workerId, dsl, dslId, episodeId, decided.GetProperty("childId").GetGuid());
    }

    /// <summary>Strategy discussion, section 47 substantiated, and an initial conference making a plan whose core group names the school's DSL with their account.</summary>
    private async Task<JsonElement> PlanAsync(Case c)
    {
        var (_, chairId) = await SignedInAsync(c.Area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.ConferenceChair);
        var discussion = await Json(await c.Worker.PostAsJsonAsync($"/api/v1/episodes/{c.EpisodeId}/strategy-discussions", new
        {
            heldOn = Day(0),
            attendees = new[]
            {
                new { name = "Sam Worker", agency = "Children's social care", role = "LocalAuthoritySocialWorker" },
                new { name = "DS Jo Example", agency = "Police", role = "Police" },
                new { name = "Nurse Lee Example", agency = "Health", role = "Health" },
            },
            informationShared = "Bruise seen by the school.", policeDecision = "Started", section47 = true,
            section47Reasons = "Reasonable cause to suspect significant harm.", legalActionNeeded = false,
            actions = new[] { new { what = "Child protection medical", who = "Community paediatrician", byWhen = Day(1) } },
        }), HttpStatusCode.Created);
        var enquiry = await Json(await c.Worker.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussion.GetProperty("id").GetGuid()}/section-47",
            new { leadId = c.WorkerId }), HttpStatusCode.Created);
        var enquiryId = enquiry.GetProperty("id").GetGuid();
        await Json(await c.Worker.PutAsJsonAsync($"/api/v1/section-47/{enquiryId}", new
        {
            childSeenOn = Day(0), seenAlone = true, childsWishesAndFeelings = "I want it to stop.", parentsInterviewed = true, jointWithPolice = true,
            suspectedSexualAbuse = false,
        }));
        await Json(await c.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/outcome",
            new { outcome = "Substantiated", reasons = "Injury and Nell's account are consistent with physical abuse." }));
        var held = await Json(await c.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/initial-conference", new
        {
            heldOn = Day(0), chairId,
            attendees = new[] { new { name = "Sam Worker", agency = "Children's social care", role = "LocalAuthoritySocialWorker" } },
            childsViews = "Nell told her advocate she wants to feel safe.", familyParticipation = "Mother attended with a friend.",
            planNeeded = true, reasons = "Nell is likely to suffer significant harm.", category = "PHY", leadSocialWorkerId = c.WorkerId,
            coreGroup = new object[] { new { name = "", agency = "", practitionerId = c.DslId }, new { name = "Lee Nurse", agency = "Health visiting" } },
            outlinePlan = new[] { new { what = "Safety plan agreed with mother", who = "Lead social worker", byWhen = Day(14) } },
        }), HttpStatusCode.Created);
        return held.GetProperty("plan");
    }

    private static async Task<JsonElement> GetPlanAsync(Case c, Guid planId) =>
        await Json(await c.Manager.GetAsync(new Uri($"/api/v1/child-protection-plans/{planId}", UriKind.Relative)));

    [Fact]
    [Trait("Rule", "CG-02")]
    [Trait("Rule", "ICPC-05")]
    public async Task TheCoreGroup_AddsChangesAndCompletesActions_AndChangesItsMembers_EachKeptWithItsHistory()
    {
        var c = await CaseAsync();
        var plan = await PlanAsync(c);
        var planId = plan.GetProperty("id").GetGuid();
        var outlineId = plan.GetProperty("actions")[0].GetProperty("id").GetGuid();
        var (outsider, _) = await SignedInAsync(c.Area.School, PractitionerRole.DesignatedSafeguardingLead);
        var (bystander, _) = await SignedInAsync(c.Area.SocialCare, PractitionerRole.SocialWorker);
        object Action(string? howMuch) => new { what = "Nell attends school every day", howMuch, who = "Northmoor Primary", byWhen = Day(30) };

        // No part in the plan: refused. A social worker of the area with no part in the case reads it but does not change it.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(outsider.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/actions", Action("95%"))));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(bystander.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/actions", Action("95%"))));
        // The school's DSL is in the core group: a change without "by how much" is refused with the rule, and nothing changes.
        Assert.Equal("CG-02", await RuleAsync(c.Dsl.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/actions", Action(null))));
        var unchanged = await GetPlanAsync(c, planId);
        Assert.Equal(1, unchanged.GetProperty("actions").GetArrayLength());
        Assert.Equal(0, unchanged.GetProperty("changes").GetArrayLength());
        Assert.Equal(plan.GetProperty("version").GetGuid(), unchanged.GetProperty("version").GetGuid());

        var added = await Json(await c.Dsl.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/actions", Action("95% attendance over the half term")),
            HttpStatusCode.Created);
        Assert.Equal(2, added.GetProperty("actions").GetArrayLength());
        var changed = await Json(await c.Worker.PutAsJsonAsync($"/api/v1/child-protection-plans/{planId}/actions/{outlineId}", new
        {
            what = "Safety plan agreed with mother and grandmother", howMuch = "Signed by both; reviewed weekly", who = "Lead social worker", byWhen = Day(21),
            reason = "Grandmother now cares for Nell after school.",
        }));
        var change = changed.GetProperty("changes")[1];
        Assert.Equal("ActionChanged", change.GetProperty("kind").GetString());
        Assert.Contains("Safety plan agreed with mother;", change.GetProperty("before").GetString(), StringComparison.Ordinal);
        Assert.Equal(c.WorkerId, change.GetProperty("by").GetGuid());
        await Json(await c.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/actions/{outlineId}/done", new { doneOn = Day(0), note = "Signed today." }));
        Assert.Equal("SG-CP-09", await RuleAsync(c.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/actions/{outlineId}/done", new { doneOn = Day(0) })));
        Assert.Equal("SG-CP-09", await RuleAsync(c.Worker.PutAsJsonAsync($"/api/v1/child-protection-plans/{planId}/actions/{outlineId}",
            new { what = "x", howMuch = "y", who = "z", byWhen = Day(5) })));

        // A police officer with an account joins the core group and reads the plan; the DSL leaves and no longer does.
        var (officer, officerId) = await SignedInAsync(c.Area.Police, PractitionerRole.Practitioner);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(officer.GetAsync(new Uri($"/api/v1/child-protection-plans/{planId}", UriKind.Relative))));
        var joined = await Json(await c.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/core-group",
            new { practitionerId = officerId, reason = "Police hold the criminal investigation." }));
        Assert.Contains(joined.GetProperty("coreGroup").EnumerateArray(), m => m.TryGetProperty("practitionerId", out var id) && id.ValueKind == JsonValueKind.String
            && id.GetGuid() == officerId);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(officer.GetAsync(new Uri($"/api/v1/child-protection-plans/{planId}", UriKind.Relative))));
        var dslMember = joined.GetProperty("coreGroup").EnumerateArray().First(m => m.GetProperty("practitionerId").ValueKind == JsonValueKind.String
            && m.GetProperty("practitionerId").GetGuid() == c.DslId).GetProperty("id").GetGuid();
        Assert.Equal("SG-CP-11", await RuleAsync(c.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/core-group/{dslMember}/leaving", new { reason = " " })));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(c.Dsl.GetAsync(new Uri($"/api/v1/child-protection-plans/{planId}", UriKind.Relative))));
        await Json(await c.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/core-group/{dslMember}/leaving",
            new { reason = "Nell has moved to another school." }));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(c.Dsl.GetAsync(new Uri($"/api/v1/child-protection-plans/{planId}", UriKind.Relative))));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(c.Dsl.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/actions", Action("All days"))));

        var final = await GetPlanAsync(c, planId);
        Assert.Equal(["ActionAdded", "ActionChanged", "ActionCompleted", "MemberAdded", "MemberLeft"],
            final.GetProperty("changes").EnumerateArray().Select(x => x.GetProperty("kind").GetString()));
        var chronology = await Json(await c.Manager.GetAsync(new Uri($"/api/v1/children/{c.ChildId}/chronology?kind=CoreGroup", UriKind.Relative)));
        var summaries = chronology.EnumerateArray().Select(e => e.GetProperty("summary").GetString()!).ToList();
        Assert.Contains(summaries, s => s.StartsWith("Child protection plan action added: Nell attends school every day", StringComparison.Ordinal));
        Assert.Contains(summaries, s => s.Contains("Grandmother now cares for Nell after school.", StringComparison.Ordinal));
        Assert.Contains(summaries, s => s.Contains("left the core group. Reason: Nell has moved to another school.", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "RC-04")]
    [Trait("Rule", "CPP-01")]
    public async Task AManagerChangesTheLeadSocialWorker_ToARegisteredSocialWorker_WithAReason()
    {
        var c = await CaseAsync();
        var plan = await PlanAsync(c);
        var planId = plan.GetProperty("id").GetGuid();
        var (newLead, newLeadId) = await SignedInAsync(c.Area.SocialCare, PractitionerRole.SocialWorker);
        var (_, notASocialWorker) = await SignedInAsync(c.Area.SocialCare, PractitionerRole.Practitioner);

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(c.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/lead",
            new { leadSocialWorkerId = newLeadId, reason = "Caseload." })));
        Assert.Equal("RC-04", await RuleAsync(c.Manager.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/lead",
            new { leadSocialWorkerId = notASocialWorker, reason = "Caseload." })));
        Assert.Equal("CPP-01", await RuleAsync(c.Manager.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/lead",
            new { leadSocialWorkerId = newLeadId, reason = "" })));
        Assert.Equal(c.WorkerId, (await GetPlanAsync(c, planId)).GetProperty("leadSocialWorkerId").GetGuid());
        // Before the change, the new lead has no part in the case and may not change the plan.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(newLead.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/actions",
            new { what = "Weekly visit", howMuch = "Every week", who = "Lead social worker", byWhen = Day(7) })));

        var changed = await Json(await c.Manager.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/lead",
            new { leadSocialWorkerId = newLeadId, reason = "Sam moves to the court team." }));

        Assert.Equal(newLeadId, changed.GetProperty("leadSocialWorkerId").GetGuid());
        var change = Assert.Single(changed.GetProperty("changes").EnumerateArray());
        Assert.Equal(("LeadChanged", c.WorkerId), (change.GetProperty("kind").GetString(), change.GetProperty("formerLeadId").GetGuid()));
        // The new lead now leads the plan, and so may change it.
        await Json(await newLead.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/actions",
            new { what = "Weekly visit", howMuch = "Every week, Nell seen alone", who = "Lead social worker", byWhen = Day(7) }), HttpStatusCode.Created);
        var chronology = await Json(await c.Manager.GetAsync(new Uri($"/api/v1/children/{c.ChildId}/chronology?kind=CoreGroup", UriKind.Relative)));
        Assert.Contains(chronology.EnumerateArray(), e => e.GetProperty("summary").GetString()!.Contains("Lead social worker for the child protection plan changed",
            StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "CIN-01")]
    [Trait("Rule", "CIN-02")]
    public async Task AChildInNeedPlansOutcomes_AreAddedChangedAndAchieved_AndARefusedChangeChangesNothing()
    {
        var c = await CaseAsync();
        var plan = await Json(await c.Worker.PostAsJsonAsync($"/api/v1/episodes/{c.EpisodeId}/plans", new
        {
            kind = "ChildInNeed",
            outcomes = new[] { new { outcome = "Nell eats breakfast every school day", measure = "School log: 5 of 5 days", byWhen = Day(60), providedBy = "School", service = "Breakfast club" } },
            expectationsOfParents = "Mother gets Nell to breakfast club.", visitEveryDays = 10, nextReviewOn = Day(28),
        }), HttpStatusCode.Created);
        var planId = plan.GetProperty("id").GetGuid();
        var (bystander, _) = await SignedInAsync(c.Area.SocialCare, PractitionerRole.SocialWorker);
        object Outcome(string measure) => new { outcome = "Nell sleeps in her own bed", measure, byWhen = Day(42), providedBy = "Health visiting", service = "Sleep clinic" };

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(bystander.PostAsJsonAsync($"/api/v1/plans/{planId}/outcomes", Outcome("Sleep diary"))));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(c.Dsl.PostAsJsonAsync($"/api/v1/plans/{planId}/outcomes", Outcome("Sleep diary"))));
        Assert.Equal("CIN-01", await RuleAsync(c.Worker.PostAsJsonAsync($"/api/v1/plans/{planId}/outcomes", Outcome(" "))));
        var unchanged = await Json(await c.Worker.GetAsync(new Uri($"/api/v1/plans/{planId}", UriKind.Relative)));
        Assert.Equal(1, unchanged.GetProperty("outcomes").GetArrayLength());
        Assert.Equal(plan.GetProperty("version").GetGuid(), unchanged.GetProperty("version").GetGuid());

        var added = await Json(await c.Worker.PostAsJsonAsync($"/api/v1/plans/{planId}/outcomes", Outcome("Sleep diary: 6 nights of 7")), HttpStatusCode.Created);
        Assert.Equal(2, added.GetProperty("outcomes")[1].GetProperty("number").GetInt32());
        await Json(await c.Worker.PutAsJsonAsync($"/api/v1/plans/{planId}/outcomes/1", new
        {
            outcome = "Nell eats breakfast every school day", measure = "School log: 4 of 5 days", byWhen = Day(60), providedBy = "School", service = "Breakfast club",
            reason = "A realistic first step.",
        }));
        Assert.Equal("CIN-02", await RuleAsync(c.Worker.PostAsJsonAsync($"/api/v1/plans/{planId}/outcomes/2/achieved", new { achievedOn = Day(0) })));
        var achieved = await Json(await c.Worker.PostAsJsonAsync($"/api/v1/plans/{planId}/outcomes/2/achieved",
            new { achievedOn = Day(0), evidence = "Sleep diary: 7 of 7 nights." }));
        Assert.Equal("SG-PLAN-10", await RuleAsync(c.Worker.PutAsJsonAsync($"/api/v1/plans/{planId}/outcomes/2", Outcome("Anything"))));

        Assert.Equal(["OutcomeAdded", "OutcomeChanged", "OutcomeAchieved"], achieved.GetProperty("changes").EnumerateArray().Select(x => x.GetProperty("kind").GetString()));
        Assert.Equal("School log: 5 of 5 days", achieved.GetProperty("changes")[1].GetProperty("before").GetString()!.Split("measured by: ")[1].Split(')')[0]);
        var chronology = await Json(await c.Manager.GetAsync(new Uri($"/api/v1/children/{c.ChildId}/chronology?kind=Plan", UriKind.Relative)));
        Assert.Contains(chronology.EnumerateArray(), e => e.GetProperty("summary").GetString()!.StartsWith("Plan outcome 2 achieved", StringComparison.Ordinal));
        Assert.Contains(chronology.EnumerateArray(), e => e.GetProperty("summary").GetString()!.Contains("A realistic first step.", StringComparison.Ordinal));
    }
}

public sealed class SqliteLivingPlanApiTests(FamilyHelpSqliteFactory factory) : LivingPlanApiTests<FamilyHelpSqliteFactory>(factory);

public sealed class PostgreSqlLivingPlanApiTests(FamilyHelpPostgreSqlFactory factory) : LivingPlanApiTests<FamilyHelpPostgreSqlFactory>(factory);
