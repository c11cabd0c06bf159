using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Data;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Rules;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FamilyHelp;

/// <summary>
/// Family Help and child in need work through the API, end to end on each database: the referral opens an episode,
/// a manager allocates, the lead practitioner assesses and a manager authorises, a plan is made, approved and reviewed,
/// and each step is on the child's chronology and in the statutory clocks.
/// </summary>
public abstract class FamilyHelpApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private sealed record Team(TestArea Area, HttpClient Dsl, HttpClient Manager, HttpClient Worker, Guid WorkerId, string ManagerEmail, string WorkerEmail);

    private DateOnly Today => EnglandClock.Today(factory.Time!);

    private async Task<Team> TeamAsync()
    {
        var area = await factory.NewAreaAsync();
        var dsl = factory.NewClient();
        await HttpSignIn.SignInAsync(dsl, await factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead));
        var manager = factory.NewClient();
        var managerEmail = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        await HttpSignIn.SignInAsync(manager, managerEmail);
        var worker = factory.NewClient();
        var workerEmail = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        await HttpSignIn.SignInAsync(worker, workerEmail);
        return new Team(area, dsl, manager, worker, await PractitionerIdAsync(area, workerEmail), managerEmail, workerEmail);
    }

    private async Task<Guid> PractitionerIdAsync(TestArea area, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return await db.Practitioners.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
    }

    private static Dictionary<string, object?> AReferral(string givenName = "Ellie") => new()
    {
        ["child"] = new Dictionary<string, object?>
        {
            ["givenName"] = givenName, ["familyName"] = "Testcase", ["dateOfBirth"] = "2017-09-14", ["sex"] = "F", ["ethnicityCode"] = "MWBC",
        },
        ["concerns"] = "Ellie often arrives hungry and in the same clothes all week.",
        ["harmTypes"] = new[] { "Neglect" },
        ["harmContexts"] = new[] { "InsideTheHome" },
        ["familyKnows"] = true,
        ["familyAgrees"] = true,
        ["urgency"] = "Standard",
    };

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A referral from the school, decided by the manager with the given outcome: returns the referral.</summary>
    private static async Task<JsonElement> ReferAndDecideAsync(Team team, string outcome = "Section17Assessment", string givenName = "Ellie")
    {
        var referral = await Json(await team.Dsl.PostAsJsonAsync("/api/v1/referrals", AReferral(givenName)), HttpStatusCode.Created);
        var id = referral.GetProperty("id").GetGuid();
        var needsCode = outcome is not ("NoFurtherAction" or "UniversalHelp");
        return await Json(await team.Manager.PostAsJsonAsync($"/api/v1/referrals/{id}/decision", new
        {
            outcome,
            reasons = "Ellie's needs are not being met at home; assess with the family.",
            primaryNeedCode = needsCode ? "N1" : null,
            suggestedServices = outcome == "UniversalHelp" ? "The family hub's holiday food programme." : null,
        }));
    }

    private static object Content(string? seenOn, bool seenAlone = true, string? wishes = "I want breakfast at home.", bool explainNotAlone = true) => new
    {
        developmentalNeeds = "Growing along the 9th centile; attendance 89%.",
        parentingCapacity = "Mother loves Ellie; depression makes mornings hard.",
        familyAndEnvironment = "Grandmother nearby is willing to help; damp flat.",
        childsWishesAndFeelings = wishes,
        childSeenOn = seenOn,
        seenAlone,
        whyNotSeenAlone = seenAlone || !explainNotAlone ? null : "Ellie asked for her teacher to stay.",
        familyViews = "Mother agrees she needs help with mornings.",
        factors = new[] { "16A", "4B" },
        conclusion = "ChildInNeed",
        conclusionReasons = "Ellie is a child in need: her development is impaired without services.",
        primaryNeedCode = "N1",
    };

    private async Task<List<(string RuleId, string Status, bool ReasonRecorded, Guid? Responsible)>> ClocksAsync(TestArea area, Guid referralId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return [.. (await db.ClockRecords.Where(c => c.SubjectId == referralId).ToListAsync())
            .Select(c => (c.RuleId, c.Status.ToString(), c.ReasonRecorded, c.ResponsiblePractitionerId))];
    }

    [Fact]
    [Trait("Rule", "ASM-03")]
    public async Task TheJourney_FromDecisionToAReviewedChildInNeedPlan_IsRecordedAndMeetsItsClocks()
    {
        var team = await TeamAsync();
        var referral = await ReferAndDecideAsync(team);
        var episodeId = referral.GetProperty("episodeId").GetGuid();
        var referralId = referral.GetProperty("id").GetGuid();

        var episode = await Json(await team.Manager.GetAsync(new Uri($"/api/v1/episodes/{episodeId}", UriKind.Relative)));
        Assert.True(episode.GetProperty("isOpen").GetBoolean());
        Assert.Equal("Assessment", episode.GetProperty("support").GetString());

        var allocated = await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation",
            new { leadPractitionerId = team.WorkerId, agreed = true }));
        Assert.Equal(team.WorkerId, allocated.GetProperty("leadPractitionerId").GetGuid());
        Assert.Contains(await ClocksAsync(team.Area, referralId), c => c.RuleId == "ASM-03" && c.Responsible == team.WorkerId);

        var assessment = await Json(await team.Worker.PostAsync(new Uri($"/api/v1/episodes/{episodeId}/assessments", UriKind.Relative), null), HttpStatusCode.Created);
        var assessmentId = assessment.GetProperty("id").GetGuid();
        Assert.Equal(StatutoryRules.Assessment.Due(Today, WorkingDayCalendar.England), DateOnly.Parse(assessment.GetProperty("dueOn").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture));
        var saved = await Json(await team.Worker.PutAsJsonAsync($"/api/v1/assessments/{assessmentId}", Content($"{Today:yyyy-MM-dd}")));
        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/assessments/{assessmentId}/submission", new { version = saved.GetProperty("version").GetGuid() }));
        var authorised = await Json(await team.Manager.PostAsJsonAsync($"/api/v1/assessments/{assessmentId}/authorisation", new { }));
        Assert.Equal("Authorised", authorised.GetProperty("status").GetString());

        var clocks = await ClocksAsync(team.Area, referralId);
        Assert.Contains(clocks, c => c.RuleId == "ASM-03" && c.Status == "Met");
        Assert.Contains(clocks, c => c.RuleId == "REF-05" && c.Status == "Met");
        episode = await Json(await team.Manager.GetAsync(new Uri($"/api/v1/episodes/{episodeId}", UriKind.Relative)));
        Assert.Equal("ChildInNeed", episode.GetProperty("support").GetString());

        var plan = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/plans", new
        {
            kind = "ChildInNeed",
            outcomes = new[] { new { outcome = "Ellie eats breakfast every school day", measure = "School log: 5 of 5 days", byWhen = $"{Today.AddDays(60):yyyy-MM-dd}", providedBy = "School", service = "Breakfast club" } },
            expectationsOfParents = "Mother gets Ellie up by 7.30 and to breakfast club.",
            visitEveryDays = 10,
            nextReviewOn = $"{Today.AddDays(28):yyyy-MM-dd}",
        }), HttpStatusCode.Created);
        var planId = plan.GetProperty("id").GetGuid();
        using (var early = await team.Worker.PostAsJsonAsync($"/api/v1/plans/{planId}/reviews", new { heldOn = $"{Today:yyyy-MM-dd}", progress = new[] { new { outcomeNumber = 1, progress = "OnTrack", evidence = "4 of 5" } }, decisions = "Carry on.", nextReviewOn = $"{Today.AddDays(28):yyyy-MM-dd}" }))
        {
            Assert.Equal("CIN-01", (await Json(early, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        using (var byWorker = await team.Worker.PostAsJsonAsync($"/api/v1/plans/{planId}/approval", new { }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byWorker.StatusCode);
        }

        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/plans/{planId}/approval", new { }));
        var reviewed = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/plans/{planId}/reviews", new
        {
            heldOn = $"{Today:yyyy-MM-dd}",
            progress = new[] { new { outcomeNumber = 1, progress = "OnTrack", evidence = "Breakfast club 4 of 5 days." } },
            decisions = "Carry on; grandmother to help on Mondays.",
            nextReviewOn = $"{Today.AddDays(42):yyyy-MM-dd}",
        }));
        Assert.Equal(1, reviewed.GetProperty("reviews").GetArrayLength());

        var chronology = await Json(await team.Manager.GetAsync(new Uri($"/api/v1/children/{episode.GetProperty("childId").GetGuid()}/chronology", UriKind.Relative)));
        var kinds = chronology.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["Referral", "Decision", "Allocation", "Assessment", "Assessment", "Assessment", "Plan", "Plan", "PlanReview"], kinds);
        Assert.All(chronology.EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("sourceType").GetString())));
        Assert.Contains(chronology.EnumerateArray(), e => e.GetProperty("agency").GetString() == team.Area.School.Name);
    }

    [Fact]
    public async Task ANewReferralForAChildAlreadyOpen_JoinsTheOpenEpisode()
    {
        var team = await TeamAsync();
        var first = await ReferAndDecideAsync(team, givenName: "Joiner");
        // The front door records a second concern about the same child, pointing at the child's record.
        var body = AReferral("Joiner");
        body.Remove("child");
        body["childId"] = first.GetProperty("childId").GetGuid();
        var second = await Json(await team.Manager.PostAsJsonAsync("/api/v1/referrals", body), HttpStatusCode.Created);

        Assert.Equal(first.GetProperty("childId").GetGuid(), second.GetProperty("childId").GetGuid());
        Assert.Equal(first.GetProperty("episodeId").GetGuid(), second.GetProperty("episodeId").GetGuid());
        Assert.True(second.GetProperty("isReReferral").GetBoolean());
    }

    [Fact]
    public async Task MyWork_ShowsTheLeadPractitionerTheirChildren_AndTheManagerOpenEscalations()
    {
        var team = await TeamAsync();
        var referral = await ReferAndDecideAsync(team, givenName: "Leadwork");
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{referral.GetProperty("episodeId").GetGuid()}/allocation",
            new { leadPractitionerId = team.WorkerId, agreed = true }));
        await Json(await team.Dsl.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/escalations",
            new { text = "Leadwork's family is in crisis now; please look again at the urgency." }));

        var workerPage = await team.Worker.GetStringAsync(new Uri("/", UriKind.Relative));
        var managerPage = await team.Manager.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("Children you lead", workerPage, StringComparison.Ordinal);
        Assert.Contains("Leadwork Testcase", workerPage, StringComparison.Ordinal);
        Assert.Contains("Escalations waiting for a response", managerPage, StringComparison.Ordinal);
        Assert.Contains(referral.GetProperty("reference").GetString()!, managerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Escalations waiting for a response", workerPage, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "NRM-01")]
    [Trait("Rule", "CIN-04")]
    public async Task Milestones_RunTheirClocksOnTheLeadPractitionersWork_AndAMoveGivesATransferPackage()
    {
        var team = await TeamAsync();
        var referral = await ReferAndDecideAsync(team, givenName: "Mover");
        var episodeId = referral.GetProperty("episodeId").GetGuid();
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = team.WorkerId, agreed = true }));

        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/milestones",
            new { kind = "PotentialVictimIdentified", note = "Found working at a car wash." }));
        var work = await Json(await team.Worker.GetAsync(new Uri("/api/v1/me/clocks", UriKind.Relative)));
        var nrm = work.EnumerateArray().Single(c => c.GetProperty("ruleId").GetString() == "NRM-01");
        Assert.True(nrm.GetProperty("urgent").GetBoolean());
        Assert.Equal($"/episodes/{episodeId}", nrm.GetProperty("link").GetString());

        using (var noReference = await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/milestones", new { kind = "NrmReferralMade", note = "Referred." }))
        {
            Assert.Equal("NRM-01", (await Json(noReference, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        var recorded = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/milestones",
            new { kind = "NrmReferralMade", note = "Referred.", reference = "NRM-TEST-1" }));
        Assert.Equal(2, recorded.GetProperty("milestones").GetArrayLength());
        work = await Json(await team.Worker.GetAsync(new Uri("/api/v1/me/clocks", UriKind.Relative)));
        Assert.DoesNotContain(work.EnumerateArray(), c => c.GetProperty("ruleId").GetString() == "NRM-01");

        using (var noPackageYet = await team.Worker.GetAsync(new Uri($"/episodes/{episodeId}/transfer", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, noPackageYet.StatusCode);
        }

        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/milestones",
            new { kind = "MovedToAnotherArea", note = "Moved to Southvale with her mother." }));
        var package = await team.Worker.GetStringAsync(new Uri($"/episodes/{episodeId}/transfer", UriKind.Relative));
        Assert.Contains("Moved to Southvale with her mother.", package, StringComparison.Ordinal);
        Assert.Contains("Found working at a car wash.", package, StringComparison.Ordinal);
        using (var dsl = await team.Dsl.GetAsync(new Uri($"/episodes/{episodeId}/transfer", UriKind.Relative)))
        {
            Assert.Equal("/account/access-denied", dsl.Headers.Location?.AbsolutePath);
        }
    }

    [Fact]
    public async Task AnEntryMarkedPoliceIntelligence_IsRedactedForTheSocialWorker_AndShownToTheManager()
    {
        var team = await TeamAsync();
        var referral = await ReferAndDecideAsync(team, givenName: "Marked");
        var childId = referral.GetProperty("childId").GetGuid();
        var chronologyUri = new Uri($"/api/v1/children/{childId}/chronology", UriKind.Relative);
        var entry = (await Json(await team.Manager.GetAsync(chronologyUri))).EnumerateArray().First(e => e.GetProperty("kind").GetString() == "Referral");
        var entryId = entry.GetProperty("id").GetGuid();

        using (var byWorker = await team.Worker.PostAsJsonAsync($"/api/v1/chronology/{entryId}/sensitivity", new { sensitivity = "PoliceIntelligence" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byWorker.StatusCode);
        }

        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/chronology/{entryId}/sensitivity", new { sensitivity = "PoliceIntelligence" }));

        var seenByWorker = (await Json(await team.Worker.GetAsync(chronologyUri))).EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == entryId);
        Assert.True(seenByWorker.GetProperty("redacted").GetBoolean());
        Assert.DoesNotContain("hungry", seenByWorker.GetProperty("summary").GetString()!, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, seenByWorker.GetProperty("link").ValueKind);
        var page = await team.Worker.GetStringAsync(new Uri($"/children/{childId}/chronology", UriKind.Relative));
        Assert.DoesNotContain("arrives hungry", page, StringComparison.Ordinal);
        var seenByManager = (await Json(await team.Manager.GetAsync(chronologyUri))).EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == entryId);
        Assert.False(seenByManager.GetProperty("redacted").GetBoolean());
        Assert.Contains("hungry", seenByManager.GetProperty("summary").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoFurtherAction_ClosesTheEpisodeTheReferralOpened()
    {
        var team = await TeamAsync();
        var referral = await ReferAndDecideAsync(team, "NoFurtherAction", "Closed");

        var episode = await Json(await team.Manager.GetAsync(new Uri($"/api/v1/episodes/{referral.GetProperty("episodeId").GetGuid()}", UriKind.Relative)));

        Assert.False(episode.GetProperty("isOpen").GetBoolean());
        Assert.True(episode.GetProperty("isReferralNoFurtherAction").GetBoolean());
        Assert.Equal("RC7", episode.GetProperty("closureReasonCode").GetString());
    }

    [Fact]
    [Trait("Rule", "ASM-04")]
    public async Task AnIncompleteAssessment_IsRefusedWithTheRule_AndNothingChanges()
    {
        var team = await TeamAsync();
        var referral = await ReferAndDecideAsync(team);
        var episodeId = referral.GetProperty("episodeId").GetGuid();
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = team.WorkerId, agreed = true }));
        var assessment = await Json(await team.Worker.PostAsync(new Uri($"/api/v1/episodes/{episodeId}/assessments", UriKind.Relative), null), HttpStatusCode.Created);
        var id = assessment.GetProperty("id").GetGuid();

        using var response = await team.Worker.PostAsJsonAsync($"/api/v1/assessments/{id}/submission", new { assessment = Content($"{Today:yyyy-MM-dd}", seenAlone: false, explainNotAlone: false) });
        var problem = await Json(response, HttpStatusCode.UnprocessableEntity);

        Assert.Equal("ASM-04", problem.GetProperty("ruleId").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("WhyNotSeenAlone", out _));
        var after = await Json(await team.Worker.GetAsync(new Uri($"/api/v1/assessments/{id}", UriKind.Relative)));
        Assert.Equal("InProgress", after.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("developmentalNeeds").ValueKind);
    }

    [Fact]
    public async Task TwoPeopleSavingTheSameAssessment_TheSecondIsToldAndNotOverwritten()
    {
        var team = await TeamAsync();
        var referral = await ReferAndDecideAsync(team);
        var episodeId = referral.GetProperty("episodeId").GetGuid();
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = team.WorkerId, agreed = true }));
        var assessment = await Json(await team.Worker.PostAsync(new Uri($"/api/v1/episodes/{episodeId}/assessments", UriKind.Relative), null), HttpStatusCode.Created);
        var id = assessment.GetProperty("id").GetGuid();
        var seen = assessment.GetProperty("version").GetGuid();

        await Json(await team.Worker.PutAsJsonAsync($"/api/v1/assessments/{id}", new { developmentalNeeds = "First edit.", factors = Array.Empty<string>(), version = seen }));
        using var second = await team.Worker.PutAsJsonAsync($"/api/v1/assessments/{id}", new { developmentalNeeds = "Second edit from a stale page.", factors = Array.Empty<string>(), version = seen });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var after = await Json(await team.Worker.GetAsync(new Uri($"/api/v1/assessments/{id}", UriKind.Relative)));
        Assert.Equal("First edit.", after.GetProperty("developmentalNeeds").GetString());
    }

    [Fact]
    [Trait("Rule", "RC-02")]
    public async Task APartnerAgencyLeadPractitioner_SeesTheirEpisode_OnlyWhileAllocated()
    {
        var team = await TeamAsync();
        var referral = await ReferAndDecideAsync(team, "FamilyHelp", "Helped");
        var episodeId = referral.GetProperty("episodeId").GetGuid();
        var hubEmail = await factory.NewAccountAsync(team.Area.School, PractitionerRole.Practitioner);
        using var hub = factory.NewClient();
        await HttpSignIn.SignInAsync(hub, hubEmail);
        var episodeUri = new Uri($"/api/v1/episodes/{episodeId}", UriKind.Relative);

        using (var before = await hub.GetAsync(episodeUri))
        {
            Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        }

        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation",
            new { leadPractitionerId = await PractitionerIdAsync(team.Area, hubEmail), agreed = true }));
        await Json(await hub.GetAsync(episodeUri));
        using (var assessment = await hub.PostAsync(new Uri($"/api/v1/episodes/{episodeId}/assessments", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Created, assessment.StatusCode);
        }

        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation",
            new { leadPractitionerId = team.WorkerId, agreed = true, reason = "The family asked for a social worker." }));
        using var after = await hub.GetAsync(episodeUri);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        using var dsl = await team.Dsl.GetAsync(episodeUri);
        Assert.Equal(HttpStatusCode.Forbidden, dsl.StatusCode);
    }

    [Fact]
    [Trait("Rule", "ASM-03")]
    public async Task AnAssessmentFinishedAfterDayFortyFive_NeedsTheReason_AndTheClockIsMetLateWithIt()
    {
        var team = await TeamAsync();
        var referral = await ReferAndDecideAsync(team, givenName: "Latecase");
        var episodeId = referral.GetProperty("episodeId").GetGuid();
        var referralId = referral.GetProperty("id").GetGuid();
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = team.WorkerId, agreed = true }));
        var assessment = await Json(await team.Worker.PostAsync(new Uri($"/api/v1/episodes/{episodeId}/assessments", UriKind.Relative), null), HttpStatusCode.Created);
        var id = assessment.GetProperty("id").GetGuid();
        var due = StatutoryRules.Assessment.Due(Today, WorkingDayCalendar.England)!.Value;
        var seenOn = Today;
        ((FakeTimeProvider)factory.Time!).Advance(TimeSpan.FromDays(due.DayNumber - Today.DayNumber + 3));
        // Weeks have passed: both sign in again.
        await HttpSignIn.SignInAsync(team.Worker, team.WorkerEmail);
        await HttpSignIn.SignInAsync(team.Manager, team.ManagerEmail);

        using (var refused = await team.Worker.PostAsJsonAsync($"/api/v1/assessments/{id}/submission", new { assessment = Content($"{seenOn:yyyy-MM-dd}") }))
        {
            Assert.Equal("ASM-03", (await Json(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/assessments/{id}/submission",
            new { assessment = Content($"{seenOn:yyyy-MM-dd}"), lateReason = "Ellie was in hospital for two weeks." }));
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/assessments/{id}/authorisation", new { }));

        Assert.Contains(await ClocksAsync(team.Area, referralId), c => c is { RuleId: "ASM-03", Status: "MetLate", ReasonRecorded: true });
    }
}

public sealed class FamilyHelpSqliteFactory : SqliteFactory
{
    public FamilyHelpSqliteFactory() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
}

public sealed class FamilyHelpPostgreSqlFactory : PostgreSqlFactory
{
    public FamilyHelpPostgreSqlFactory() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
}

public sealed class SqliteFamilyHelpApiTests(FamilyHelpSqliteFactory factory) : FamilyHelpApiTests<FamilyHelpSqliteFactory>(factory);

public sealed class PostgreSqlFamilyHelpApiTests(FamilyHelpPostgreSqlFactory factory) : FamilyHelpApiTests<FamilyHelpPostgreSqlFactory>(factory);
