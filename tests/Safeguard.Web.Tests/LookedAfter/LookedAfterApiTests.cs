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

namespace Safeguard.Web.Tests.LookedAfter;

/// <summary>
/// Looked after children and pre-proceedings through the API on each database: every step checked with its rule id, the
/// notifications an out-of-area placement calls for recorded as information shared, and every decision on the child's
/// chronology with its author.
/// </summary>
public abstract class LookedAfterApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private sealed record Team(TestArea Area, HttpClient Manager, HttpClient Worker, Guid WorkerId, HttpClient Dsl, Guid EpisodeId, Guid ChildId);

    private static readonly string[] PhysicalAbuse = ["PhysicalAbuse"];
    private static readonly string[] InsideTheHome = ["InsideTheHome"];

    private DateOnly Today => EnglandClock.Today(factory.Time!);

    private string Day(int offset = 0) => $"{Today.AddDays(offset):yyyy-MM-dd}";

    private async Task<Team> TeamAsync()
    {
        var area = await factory.NewAreaAsync();
        var dsl = factory.NewClient();
        await HttpSignIn.SignInAsync(dsl, await factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead));
        var manager = factory.NewClient();
        await HttpSignIn.SignInAsync(manager, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor));
        var worker = factory.NewClient();
        var workerEmail = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        await HttpSignIn.SignInAsync(worker, workerEmail);
        Guid workerId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(area.Area.Id);
            workerId = await db.Practitioners.Where(p => p.Email == workerEmail).Select(p => p.Id).SingleAsync();
        }

        var referral = await Json(await dsl.PostAsJsonAsync("/api/v1/referrals", new Dictionary<string, object?>
        {
            ["child"] = new Dictionary<string, object?> { ["givenName"] = "Leah", ["familyName"] = "Lactest", ["dateOfBirth"] = "2015-06-11", ["sex"] = "F", ["ethnicityCode"] = "WBRI" },
            ["concerns"] = "Leah's mother has been admitted to hospital; there is no one at home to care for her.",
            ["harmTypes"] = PhysicalAbuse, ["harmContexts"] = InsideTheHome,
            ["familyKnows"] = true, ["familyAgrees"] = true, ["urgency"] = "Urgent",
        }), HttpStatusCode.Created);
        var decided = await Json(await manager.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/decision",
            new { outcome = "Section17Assessment", reasons = "No one to care for Leah.", primaryNeedCode = "N1" }), HttpStatusCode.OK);
        var episodeId = decided.GetProperty("episodeId").GetGuid();
        await Json(await manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = workerId, agreed = true }), HttpStatusCode.OK);
        return new Team(area, manager, worker, workerId, dsl, episodeId, decided.GetProperty("childId").GetGuid());
    }

    private object Start(bool outOfArea = true, string? receiving = "Southvale Council", string legalStatus = "Section20") => new
    {
        startedOn = Day(), legalStatus, reasons = "Mother in hospital; no family able to care for Leah.",
        placement = new { type = "FosterCare", where = "Mr and Mrs Shah, Eastbridge", outOfArea, receivingAuthority = receiving },
    };

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: expected {expected}, got {(int)response.StatusCode}: {body}");
            return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    private static async Task AssertRule(HttpResponseMessage response, string ruleId)
    {
        var problem = await Json(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(ruleId, problem.GetProperty("ruleId").GetString());
    }

    private static async Task<List<JsonElement>> ChronologyAsync(HttpClient client, Guid childId, string kind) =>
        [.. (await Json(await client.GetAsync(new Uri($"/api/v1/children/{childId}/chronology?kind={kind}", UriKind.Relative)), HttpStatusCode.OK)).EnumerateArray()];

    [Fact]
    [Trait("Rule", "LAC-01")]
    [Trait("Rule", "LAC-02")]
    [Trait("Rule", "LAC-04")]
    public async Task LookedAfter_CarePlan_OutOfAreaNotifications_PlannedReturnApproved()
    {
        var team = await TeamAsync();
        await AssertRule(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/looked-after", Start(receiving: null)), "LAC-02");

        var period = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/looked-after", Start()), HttpStatusCode.Created);
        var id = period.GetProperty("id").GetGuid();
        Assert.False(period.GetProperty("hasCarePlan").GetBoolean());
        Assert.Equal("V2", period.GetProperty("legalStatusCode").GetString());
        Assert.Equal(3, period.GetProperty("notificationsToSend").GetArrayLength());
        await AssertRule(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/looked-after", Start()), "SG-LAC-29");

        await AssertRule(await team.Worker.PostAsJsonAsync($"/api/v1/looked-after/{id}/care-plan", new { care = "Foster care with the Shahs." }), "LAC-01");
        period = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/looked-after/{id}/care-plan", new
        {
            care = "Foster care with the Shahs; stays at Millbrook Primary; contact with mother in hospital twice a week.",
            safeguarding = "Carers know mother's former partner must not have contact; school alerted.",
        }), HttpStatusCode.OK);
        Assert.True(period.GetProperty("hasCarePlan").GetBoolean());

        // The receiving authority is told of the placement in its area (LAC-02): recorded as information shared about Leah.
        var placementId = period.GetProperty("placements")[0].GetProperty("id").GetGuid();
        await AssertRule(await team.Worker.PostAsJsonAsync($"/api/v1/looked-after/{id}/notifications",
            new { placementId, @event = "Started", party = "GeneralPractitioner" }), "LAC-02");
        period = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/looked-after/{id}/notifications",
            new { placementId, @event = "Started", party = "ReceivingAuthority", sentOn = Day() }), HttpStatusCode.OK);
        Assert.Equal(2, period.GetProperty("notificationsToSend").GetArrayLength());
        await AssertRule(await team.Worker.PostAsJsonAsync($"/api/v1/looked-after/{id}/notifications",
            new { placementId, @event = "Started", party = "ReceivingAuthority" }), "SG-LAC-14");
        var shared = await Json(await team.Manager.GetAsync(new Uri($"/api/v1/children/{team.ChildId}/information-sharing", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Contains(shared.EnumerateArray(), s => s.GetProperty("sharedWith").GetString() == "Southvale Council"
            && s.GetProperty("sourceType").GetString() == "LookedAfterPeriod" && s.GetProperty("basis").GetString() == "LegalObligation");

        // Planned return home: assessed (into the care plan), approved by a manager, then it happens.
        await AssertRule(await team.Worker.PostAsJsonAsync($"/api/v1/looked-after/{id}/return-home", new { }), "LAC-04");
        period = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/looked-after/{id}/return-home/assessment", new
        {
            assessment = "Mother is home and well; her former partner has left the area.", servicesAndSupport = "Family Help worker weekly; grandmother after school.",
        }), HttpStatusCode.OK);
        Assert.Contains("Return home assessed", period.GetProperty("carePlan").GetProperty("returnHome").GetString(), StringComparison.Ordinal);
        await AssertRule(await team.Worker.PostAsJsonAsync($"/api/v1/looked-after/{id}/return-home/approval", new { reasons = "Safe to go home." }), "LAC-04");
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/looked-after/{id}/return-home/approval",
            new { reasons = "The assessment shows the needs are met, with support in place." }), HttpStatusCode.OK);
        period = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/looked-after/{id}/return-home", new { returnedOn = Day() }), HttpStatusCode.OK);
        Assert.False(period.GetProperty("isOpen").GetBoolean());
        Assert.Equal("PlannedReturnHome", period.GetProperty("endReason").GetString());
        // The end of the out-of-area placement is told to the receiving authority, the GP and the board.
        Assert.Contains(period.GetProperty("notificationsToSend").EnumerateArray(), n => n.GetProperty("event").GetString() == "Ended"
            && n.GetProperty("party").GetString() == "ReceivingAuthority");

        var chronology = await ChronologyAsync(team.Manager, team.ChildId, "LookedAfter");
        Assert.Contains(chronology, e => e.GetProperty("summary").GetString()!.StartsWith("Became looked after", StringComparison.Ordinal));
        Assert.Contains(chronology, e => e.GetProperty("summary").GetString()!.Contains("approved ceasing to look after", StringComparison.Ordinal));
        Assert.All(chronology, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("recordedBy").GetString())));
    }

    [Fact]
    [Trait("Rule", "LAC-03")]
    public async Task Section47ForALookedAfterChild_IsLinkedToACarePlanReview()
    {
        var team = await TeamAsync();
        var id = (await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/looked-after", Start(outOfArea: false, receiving: null)),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/looked-after/{id}/care-plan", new { care = "Foster care.", safeguarding = "Supervised contact only." }),
            HttpStatusCode.OK);
        var discussion = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/strategy-discussions", new
        {
            heldOn = Day(),
            attendees = new[]
            {
                new { name = "Sam Worker", agency = "Children's social care", role = "LocalAuthoritySocialWorker" },
                new { name = "DS Jo Example", agency = "Police", role = "Police" },
                new { name = "Nurse Lee Example", agency = "Health", role = "Health" },
                new { name = "Pat Carer", agency = "Fostering service", role = "ResidentialOrFosteringService" },
            },
            informationShared = "Leah told her foster carer an older boy took her to a flat in town.", policeDecision = "Started", section47 = true,
            section47Reasons = "Reasonable cause to suspect sexual exploitation.",
            actions = new[] { new { what = "Joint visit", who = "Police and social worker", byWhen = Day(1) } }, legalActionNeeded = false,
        }), HttpStatusCode.Created);
        var enquiryId = (await Json(await team.Worker.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussion.GetProperty("id").GetGuid()}/section-47",
            new { leadId = team.WorkerId }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var period = await Json(await team.Worker.GetAsync(new Uri($"/api/v1/looked-after/{id}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(enquiryId, period.GetProperty("section47WithoutReview")[0].GetGuid());

        period = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/looked-after/{id}/care-plan-reviews", new
        {
            heldOn = Day(), chairedBy = "Jo Reviewing (IRO)", childsViews = "Leah wants to stay with her carers and not go into town.",
            decisions = "Carers collect Leah from school; the enquiry's actions are monitored at weekly reviews.", section47EnquiryId = enquiryId,
        }), HttpStatusCode.OK);
        Assert.Equal(0, period.GetProperty("section47WithoutReview").GetArrayLength());
        Assert.Equal(enquiryId, period.GetProperty("reviews")[0].GetProperty("section47EnquiryId").GetGuid());
        var chronology = await ChronologyAsync(team.Manager, team.ChildId, "LookedAfter");
        Assert.Contains(chronology, e => e.GetProperty("summary").GetString()!.Contains("alongside the section 47 enquiry", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "LAC-05")]
    [Trait("Rule", "LAC-06")]
    public async Task UnplannedReturnFromSection20_SafetyCheck_ThenReunificationPlanAndReview()
    {
        var team = await TeamAsync();
        var id = (await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/looked-after", Start(outOfArea: false, receiving: null)),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await AssertRule(await team.Worker.PostAsJsonAsync($"/api/v1/looked-after/{id}/unplanned-return",
            new { whatHappened = "Mother took Leah home from school.", significantHarmSuspected = false }), "LAC-05");
        await AssertRule(await team.Worker.PostAsJsonAsync($"/api/v1/looked-after/{id}/reunification-plan",
            new { services = "Family Help.", timeline = "12 weeks.", explained = true }), "LAC-06");
        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/looked-after/{id}/unplanned-return", new
        {
            whatHappened = "Mother took Leah home from school.", safetyCheck = "Seen at home that evening with the police; mother well; no risk outside the home found.",
            significantHarmSuspected = false,
        }), HttpStatusCode.OK);
        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/looked-after/{id}/reunification-plan", new
        {
            services = "Family Help worker weekly for 12 weeks; school nurse.", timeline = "Reviews at 6 and 12 weeks, then step down.", explained = true,
        }), HttpStatusCode.OK);
        await AssertRule(await team.Worker.PostAsJsonAsync($"/api/v1/looked-after/{id}/reunification-reviews",
            new { childSeen = true, seenAlone = false, childsWishes = "Happy at home.", impact = "Routines better." }), "LAC-06");
        var period = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/looked-after/{id}/reunification-reviews",
            new { childSeen = true, seenAlone = true, childsWishes = "Leah wants the worker to keep coming.", impact = "Attendance up to 96%." }), HttpStatusCode.OK);
        Assert.True(period.GetProperty("reunificationReviews")[0].GetProperty("seenAlone").GetBoolean());
    }

    [Fact]
    public async Task OnlyChildrensSocialCare_RecordsTheSteps_AndTheEpisodeStaysOpenWhileTheChildIsLookedAfter()
    {
        var team = await TeamAsync();
        using (var refused = await team.Dsl.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/looked-after", Start()))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var id = (await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/looked-after", Start()), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        using (var read = await team.Dsl.GetAsync(new Uri($"/api/v1/looked-after/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        }

        await AssertRule(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/closure",
            new { reasonCode = "RC7", summary = "Services ceased." }), "SG-LAC-28");
    }

    [Fact]
    [Trait("Rule", "PRE-01")]
    [Trait("Rule", "PRE-02")]
    public async Task PreProceedings_DecidedByAManager_Letter_FamilyGroup_KeyDiscussion_Proceedings()
    {
        var team = await TeamAsync();
        object Decision() => new
        {
            decidedOn = Day(), start = true, reasons = "Neglect continues after nine months on a child protection plan; threshold met in principle.",
            agencyViews = "Health visitor and school support starting pre-proceedings; police have no objection.",
        };
        await AssertRule(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/pre-proceedings", Decision()), "PRE-01");
        var record = await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/pre-proceedings", Decision()), HttpStatusCode.Created);
        var id = record.GetProperty("id").GetGuid();
        await AssertRule(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/pre-proceedings", Decision()), "SG-PRE-13");

        await AssertRule(await team.Worker.PostAsJsonAsync($"/api/v1/pre-proceedings/{id}/letter", new { support = "Family support worker." }), "PRE-02");
        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/pre-proceedings/{id}/letter", new
        {
            sentOn = Day(), expectationsOfParents = "Keep the home safe and clean; take Leah to school every day; engage with the drug service.",
            support = "Family support worker twice a week; drug service referral.", meetingOn = Day(),
        }), HttpStatusCode.OK);
        await AssertRule(await team.Worker.PostAsJsonAsync($"/api/v1/pre-proceedings/{id}/family-group-decision-making",
            new { accepted = true, independentCoordinator = true, privateFamilyTime = false }), "PRE-02");
        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/pre-proceedings/{id}/family-group-decision-making",
            new { accepted = true, independentCoordinator = true, privateFamilyTime = true }), HttpStatusCode.OK);
        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/pre-proceedings/{id}/key-discussions",
            new { heldOn = Day(), who = "Mother, her solicitor, the social worker", whatWasAgreed = "Mother will start the drug service on Monday." }), HttpStatusCode.OK);
        await AssertRule(await team.Worker.PostAsJsonAsync($"/api/v1/pre-proceedings/{id}/conclusion",
            new { outcome = "ProceedingsIssued", reasons = "No change." }), "PRE-01");
        record = await Json(await team.Manager.PostAsJsonAsync($"/api/v1/pre-proceedings/{id}/conclusion",
            new { outcome = "ProceedingsIssued", endedOn = Day(), reasons = "No change after twelve weeks; the family network offered no safe carer." }), HttpStatusCode.OK);
        Assert.Equal(Day(), record.GetProperty("proceedingsIssuedOn").GetString());
        Assert.False(record.GetProperty("isOpen").GetBoolean());
        record = await Json(await team.Worker.GetAsync(new Uri($"/api/v1/pre-proceedings/{id}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Single(record.GetProperty("keyDiscussions").EnumerateArray());

        var chronology = await ChronologyAsync(team.Manager, team.ChildId, "PreProceedings");
        Assert.Equal(5, chronology.Count);
        Assert.Contains(chronology, e => e.GetProperty("summary").GetString()!.Contains("decided for the local authority to start pre-proceedings", StringComparison.Ordinal));
        Assert.All(chronology, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("recordedBy").GetString())));
    }
}

public sealed class SqliteLookedAfterApiTests(FamilyHelpSqliteFactory factory) : LookedAfterApiTests<FamilyHelpSqliteFactory>(factory);

public sealed class PostgreSqlLookedAfterApiTests(FamilyHelpPostgreSqlFactory factory) : LookedAfterApiTests<FamilyHelpPostgreSqlFactory>(factory);
