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
/// Nothing closes or ends behind a child's back, through the API on each database: closing an episode is refused while
/// its protection or help is open, naming and linking each (SG-EP-10); a protection plan folds the child in need plan
/// (census 4001); a child's death is recorded once and ends every plan and every clock; closing stops every clock.
/// </summary>
public abstract class NothingEndsBehindTheChildsBackApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private sealed record Team(TestArea Area, HttpClient Manager, HttpClient Worker, Guid WorkerId, HttpClient Outsider, Guid EpisodeId, Guid ChildId);

    private static readonly string[] PhysicalAbuse = ["PhysicalAbuse"];
    private static readonly string[] InsideTheHome = ["InsideTheHome"];

    private DateOnly Today => EnglandClock.Today(factory.Time!);

    private async Task<Team> TeamAsync()
    {
        var area = await factory.NewAreaAsync();
        var dsl = factory.NewClient();
        await HttpSignIn.SignInAsync(dsl, await factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead));
        var manager = factory.NewClient();
        await HttpSignIn.SignInAsync(manager, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor));
        var outsider = factory.NewClient();
        await HttpSignIn.SignInAsync(outsider, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor));
        var worker = factory.NewClient();
        var workerEmail = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        await HttpSignIn.SignInAsync(worker, workerEmail);
        var workerId = await PractitionerIdAsync(area, workerEmail);
        var referral = await Json(await dsl.PostAsJsonAsync("/api/v1/referrals", new Dictionary<string, object?>
        {
            ["child"] = new Dictionary<string, object?> { ["givenName"] = "Ada", ["familyName"] = "Testcase", ["dateOfBirth"] = "2017-06-03", ["sex"] = "F", ["ethnicityCode"] = "WBRI" },
            ["concerns"] = "Ada has a burn on her hand and says her mother's partner held it to the cooker.",
            ["harmTypes"] = PhysicalAbuse, ["harmContexts"] = InsideTheHome,
            ["familyKnows"] = false, ["whyFamilyNotToldOrAgreed"] = "Telling the partner could put Ada at risk.", ["urgency"] = "Urgent",
        }), HttpStatusCode.Created);
        var decided = await Json(await manager.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/decision",
            new { outcome = "StrategyDiscussion", reasons = "Reasonable cause to suspect significant harm.", primaryNeedCode = "N1" }), HttpStatusCode.OK);
        var episodeId = decided.GetProperty("episodeId").GetGuid();
        await Json(await manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = workerId, agreed = true }), HttpStatusCode.OK);
        return new Team(area, manager, worker, workerId, outsider, episodeId, decided.GetProperty("childId").GetGuid());
    }

    private async Task<Guid> PractitionerIdAsync(TestArea area, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return await db.Practitioners.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private object Discussion(bool withHealth) => new
    {
        heldOn = $"{Today:yyyy-MM-dd}",
        attendees = new[]
        {
            new { name = "Sam Worker", agency = "Children's social care", role = "LocalAuthoritySocialWorker" },
            new { name = "DS Jo Example", agency = "Police", role = "Police" },
            withHealth ? new { name = "Nurse Lee Example", agency = "Health", role = "Health" } : new { name = "Dee Teacher", agency = "School", role = "EducationOrChildcare" },
        },
        informationShared = "Burn seen by the school nurse; a police call-out to the address last month.",
        policeDecision = "Started",
        section47 = true,
        section47Reasons = "Reasonable cause to suspect Ada is suffering significant harm.",
        actions = new[] { new { what = "Child protection medical", who = "Community paediatrician", byWhen = $"{Today.AddDays(1):yyyy-MM-dd}" } },
        legalActionNeeded = false,
        whyAttendanceShort = withHealth ? null : "The health visitor was on leave; health sent what they hold in writing.",
    };

    private static async Task<JsonElement> RefusedClosingAsync(Team team)
    {
        var problem = await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/closure",
            new { reasonCode = "RC7", summary = "Services ceased." }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("SG-EP-10", problem.GetProperty("ruleId").GetString());
        var episode = await Json(await team.Manager.GetAsync(new Uri($"/api/v1/episodes/{team.EpisodeId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, episode.GetProperty("closedOn").ValueKind);
        return problem;
    }

    private static List<(string Kind, string? Page)> Related(JsonElement problem) =>
        [.. problem.GetProperty("related").EnumerateArray().Select(r => (r.GetProperty("kind").GetString()!, r.GetProperty("page").GetString()))];

    private async Task<(Guid PlanId, Guid CinPlanId)> ProtectionPlanOverAChildInNeedPlanAsync(Team team, bool checkClosing)
    {
        var cin = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/plans", new
        {
            kind = "ChildInNeed",
            outcomes = new[] { new { outcome = "Ada is safe in the kitchen", measure = "No new injuries seen at school", byWhen = $"{Today.AddDays(60):yyyy-MM-dd}", providedBy = "School", service = "Daily check-in" } },
            expectationsOfParents = "Mother keeps Ada away from the cooker and her partner out of the home.",
            visitEveryDays = 10,
            nextReviewOn = $"{Today.AddDays(28):yyyy-MM-dd}",
        }), HttpStatusCode.Created);
        var cinId = cin.GetProperty("id").GetGuid();
        if (checkClosing)
        {
            Assert.Equal([("Plan", $"/plans/{cinId}")], Related(await RefusedClosingAsync(team)));
        }

        // A section 47 decision without health waits for a manager: closing names the discussion too.
        var discussion = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/strategy-discussions", Discussion(withHealth: false)),
            HttpStatusCode.Created);
        var discussionId = discussion.GetProperty("id").GetGuid();
        if (checkClosing)
        {
            Assert.Equal([("StrategyDiscussion", $"/strategy-discussions/{discussionId}"), ("Plan", $"/plans/{cinId}")], Related(await RefusedClosingAsync(team)));
        }

        await Json(await team.Manager.PostAsync(new Uri($"/api/v1/strategy-discussions/{discussionId}/confirmation", UriKind.Relative), null), HttpStatusCode.OK);
        var enquiryId = (await Json(await team.Worker.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussionId}/section-47", new { leadId = team.WorkerId }),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        if (checkClosing)
        {
            var problem = await RefusedClosingAsync(team);
            Assert.Equal([("Section47Enquiry", $"/section-47/{enquiryId}"), ("Plan", $"/plans/{cinId}")], Related(problem));
            Assert.Contains("which has no outcome", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await Json(await team.Worker.PutAsJsonAsync($"/api/v1/section-47/{enquiryId}", new
        {
            childSeenOn = $"{Today:yyyy-MM-dd}", seenAlone = true, childsWishesAndFeelings = "She is scared of him.", parentsInterviewed = true,
            jointWithPolice = true, suspectedSexualAbuse = false,
        }), HttpStatusCode.OK);
        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/outcome",
            new { outcome = "Substantiated", reasons = "The burn and Ada's account are consistent with physical abuse." }), HttpStatusCode.OK);
        var chairId = await PractitionerIdAsync(team.Area, await factory.NewAccountAsync(team.Area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.ConferenceChair));
        var held = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/initial-conference", new
        {
            heldOn = $"{Today:yyyy-MM-dd}", chairId,
            attendees = new[] { new { name = "Sam Worker", agency = "Children's social care", role = "LocalAuthoritySocialWorker" } },
            childsViews = "Ada told her advocate she wants her mum's partner to leave.", familyParticipation = "Mother attended with her sister.",
            planNeeded = true, reasons = "Ada is likely to suffer significant harm.", category = "PHY", leadSocialWorkerId = team.WorkerId,
            coreGroup = new[] { new { name = "Dee Teacher", agency = "School" } },
            outlinePlan = new[] { new { what = "Safety plan agreed with mother", who = "Lead social worker", byWhen = $"{Today.AddDays(14):yyyy-MM-dd}" } },
        }), HttpStatusCode.Created);
        return (held.GetProperty("plan").GetProperty("id").GetGuid(), cinId);
    }

    [Fact]
    [Trait("Rule", "SG-EP-10")]
    [Trait("Rule", "CIN-01")]
    public async Task Closing_IsRefusedWhileProtectionOrHelpIsOpen_NamingEach_AndAProtectionPlanFoldsTheChildInNeedPlan()
    {
        var team = await TeamAsync();

        var (planId, cinId) = await ProtectionPlanOverAChildInNeedPlanAsync(team, checkClosing: true);

        // The child in need plan did not stay open alongside the protection plan (census 4001): it ended on the conference's day.
        var cin = await Json(await team.Worker.GetAsync(new Uri($"/api/v1/plans/{cinId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal($"{Today:yyyy-MM-dd}", cin.GetProperty("endedOn").GetString());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(team.Area.Area.Id);
            Assert.Contains(await db.Chronology.Where(c => c.SourceId == cinId).Select(c => c.Summary).ToListAsync(),
                s => s.Contains("census 4001", StringComparison.Ordinal));
        }

        Assert.Equal([("ChildProtectionPlan", $"/child-protection-plans/{planId}")], Related(await RefusedClosingAsync(team)));
    }

    [Fact]
    [Trait("Rule", "SG-CHILD-14")]
    [Trait("Rule", "SG-CHILD-15")]
    [Trait("Rule", "DISC-01")]
    public async Task TheChildsDeath_IsRecordedOnce_EndsEveryPlan_AndStopsEveryClock()
    {
        var team = await TeamAsync();
        var (planId, _) = await ProtectionPlanOverAChildInNeedPlanAsync(team, checkClosing: false);
        Assert.NotEmpty(await OpenClocksAsync(team.Area, team.ChildId));

        using (var future = await team.Manager.PostAsJsonAsync($"/api/v1/children/{team.ChildId}/death", new { diedOn = $"{Today.AddDays(1):yyyy-MM-dd}" }))
        {
            Assert.Equal("SG-CHILD-15", (await Json(future, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        using (var beforeBirth = await team.Manager.PostAsJsonAsync($"/api/v1/children/{team.ChildId}/death", new { diedOn = "2017-06-02" }))
        {
            Assert.Equal("SG-CHILD-15", (await Json(beforeBirth, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        // "No longer at risk" is for a review conference; "died" needs the date of death on the child first.
        using (var died = await team.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/end", new { reason = "Died", notes = "Died." }))
        {
            Assert.Equal("DISC-01", (await Json(died, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await team.Outsider.PostAsJsonAsync($"/api/v1/children/{team.ChildId}/death", new { diedOn = $"{Today:yyyy-MM-dd}" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Worker.PostAsJsonAsync($"/api/v1/children/{team.ChildId}/death", new { diedOn = $"{Today:yyyy-MM-dd}" })).StatusCode);
        var plan = await Json(await team.Worker.GetAsync(new Uri($"/api/v1/child-protection-plans/{planId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("endedOn").ValueKind);
        Assert.NotEmpty(await OpenClocksAsync(team.Area, team.ChildId));

        var child = await Json(await team.Manager.PostAsJsonAsync($"/api/v1/children/{team.ChildId}/death", new { diedOn = $"{Today:yyyy-MM-dd}" }), HttpStatusCode.OK);

        Assert.Equal($"{Today:yyyy-MM-dd}", child.GetProperty("dateOfDeath").GetString());
        plan = await Json(await team.Worker.GetAsync(new Uri($"/api/v1/child-protection-plans/{planId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("Died", plan.GetProperty("endReason").GetString());
        Assert.Empty(await OpenClocksAsync(team.Area, team.ChildId));
        var mine = await Json(await team.Worker.GetAsync(new Uri("/api/v1/me/clocks", UriKind.Relative)), HttpStatusCode.OK);
        Assert.DoesNotContain(mine.EnumerateArray(), w => w.GetProperty("childId").GetString() == team.ChildId.ToString());
        using (var again = await team.Manager.PostAsJsonAsync($"/api/v1/children/{team.ChildId}/death", new { diedOn = $"{Today.AddDays(-1):yyyy-MM-dd}" }))
        {
            Assert.Equal("SG-CHILD-14", (await Json(again, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        // With the plans ended by the death, the episode closes (RC2), and nothing is left running.
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/closure", new { reasonCode = "RC2", summary = "Ada died." }), HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Rule", "GEN-01")]
    public async Task ClosingTheEpisode_StopsEveryClockOfTheEpisode()
    {
        var team = await TeamAsync();
        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/strategy-discussions", Discussion(withHealth: true)), HttpStatusCode.Created);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(team.Area.Area.Id);
            Assert.NotEmpty(await db.ClockRecords.Where(c => c.EpisodeId == team.EpisodeId && c.IsOpen).ToListAsync());
        }

        // Closing stops what is left running, whatever its rule.
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/closure",
            new { reasonCode = "RC7", summary = "The family moved in with grandparents; services ceased." }), HttpStatusCode.OK);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(team.Area.Area.Id);
            var clocks = await db.ClockRecords.Where(c => c.EpisodeId == team.EpisodeId).ToListAsync();
            Assert.NotEmpty(clocks);
            Assert.DoesNotContain(clocks, c => c.IsOpen);
            Assert.Contains(clocks, c => c.Status == Domain.Clocks.ClockStatus.Stopped);
        }
    }

    private async Task<List<string>> OpenClocksAsync(TestArea area, Guid childId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return await db.ClockRecords.Where(c => c.ChildId == childId && c.IsOpen).Select(c => c.RuleId).ToListAsync();
    }
}

public sealed class SqliteNothingEndsBehindTheChildsBackApiTests(FamilyHelpSqliteFactory factory) : NothingEndsBehindTheChildsBackApiTests<FamilyHelpSqliteFactory>(factory);

public sealed class PostgreSqlNothingEndsBehindTheChildsBackApiTests(FamilyHelpPostgreSqlFactory factory)
    : NothingEndsBehindTheChildsBackApiTests<FamilyHelpPostgreSqlFactory>(factory);
