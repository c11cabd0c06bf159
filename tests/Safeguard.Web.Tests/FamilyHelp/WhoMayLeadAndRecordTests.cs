using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FamilyHelp;

/// <summary>
/// Who may lead and record: the area's local protocol says who may lead a section 17 assessment (RC-02), read and changed by a
/// manager or an administrator, audited; a departure from a SHOULD rule is recorded with why and who agreed it (GEN-02), listed
/// for managers and counted by rule.
/// </summary>
public abstract class WhoMayLeadAndRecordTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private sealed record Team(TestArea Area, HttpClient Dsl, HttpClient Manager, HttpClient Worker, HttpClient FamilyHelp, Guid ManagerId, Guid WorkerId,
        Guid FamilyHelpId, string ManagerEmail, string WorkerEmail);

    private async Task<Team> TeamAsync()
    {
        var area = await factory.NewAreaAsync();
        async Task<(HttpClient, Guid, string)> SignedIn(Agency agency, params PractitionerRole[] roles)
        {
            var client = factory.NewClient();
            var email = await factory.NewAccountAsync(agency, roles);
            await HttpSignIn.SignInAsync(client, email);
            return (client, (await Json(await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative)))).GetProperty("practitionerId").GetGuid(), email);
        }

        var (dsl, _, _) = await SignedIn(area.School, PractitionerRole.DesignatedSafeguardingLead);
        var (manager, managerId, managerEmail) = await SignedIn(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var (worker, workerId, workerEmail) = await SignedIn(area.SocialCare, PractitionerRole.SocialWorker);
        // A Family Help practitioner of the local authority's children's services: not a social worker.
        var (familyHelp, familyHelpId, _) = await SignedIn(area.SocialCare, PractitionerRole.Practitioner);
        return new Team(area, dsl, manager, worker, familyHelp, managerId, workerId, familyHelpId, managerEmail, workerEmail);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: expected {expected}, got {(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    private static async Task<Guid> EpisodeAsync(Team team, string givenName)
    {
        var referral = await Json(await team.Dsl.PostAsJsonAsync("/api/v1/referrals", new
        {
            child = new { givenName, familyName = "Protocolcase", dateOfBirth = "2016-06-01", sex = "F", ethnicityCode = "WBRI" },
            concerns = "Often hungry and tired at school.", harmTypes = new List<string> { "Neglect" }, harmContexts = new List<string> { "InsideTheHome" },
            familyKnows = true, familyAgrees = true, urgency = "Standard",
        }), HttpStatusCode.Created);
        var decided = await Json(await team.Manager.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/decision", new
        {
            outcome = "Section17Assessment", reasons = "Assess her needs with the family.", primaryNeedCode = "N1",
        }));
        return decided.GetProperty("episodeId").GetGuid();
    }

    private async Task<T> InAreaAsync<T>(TestArea area, Func<SafeguardDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return await query(db);
    }

    [Fact]
    [Trait("Rule", "RC-02")]
    [Trait("Rule", "MASA-18")]
    public async Task TheLocalProtocol_DecidesWhoMayLeadASection17Assessment_AndChangingItIsAudited()
    {
        var team = await TeamAsync();
        var episodeId = await EpisodeAsync(team, "Olu");
        var protocol = await Json(await team.Manager.GetAsync(new Uri("/api/v1/area/local-protocol", UriKind.Relative)));
        Assert.Equal("SocialWorkers", protocol.GetProperty("section17Leads").GetString());

        // Under the default protocol a Family Help practitioner who is not a social worker cannot lead the assessment.
        using (var refused = await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = team.FamilyHelpId, agreed = true }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal("RC-02", (await Json(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        Assert.Null(await InAreaAsync(team.Area, db => db.Episodes.Where(e => e.Id == episodeId).Select(e => e.LeadPractitionerId).SingleAsync()));

        // Only a manager or an administrator changes it; without the protocol's version nothing changes.
        using (var social = await team.Worker.PutAsJsonAsync("/api/v1/area/local-protocol", new { section17Leads = "AnyPractitioner", version = "v9" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, social.StatusCode);
        }

        using (var noVersion = await team.Manager.PutAsJsonAsync("/api/v1/area/local-protocol", new { section17Leads = "AnyPractitioner" }))
        {
            Assert.Equal("MASA-18", (await Json(noVersion, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        Assert.Equal(Section17Leads.SocialWorkers, await InAreaAsync(team.Area, db => db.Areas.Where(a => a.Id == team.Area.Area.Id).Select(a => a.Section17Leads).SingleAsync()));

        var changed = await Json(await team.Manager.PutAsJsonAsync("/api/v1/area/local-protocol",
            new { section17Leads = "ChildrensServicesPractitioners", version = "Assessment protocol v3" }));
        Assert.Equal("ChildrensServicesPractitioners", changed.GetProperty("section17Leads").GetString());
        Assert.Equal("Assessment protocol v3", changed.GetProperty("version").GetString());
        var audit = await InAreaAsync(team.Area, db => db.AuditEntries.Where(a => a.RecordType == "LocalAuthorityArea" && a.Action == AuditAction.Changed).ToListAsync());
        var row = Assert.Single(audit);
        Assert.Equal(team.ManagerId, row.PractitionerId);
        Assert.Contains("ChildrensServicesPractitioners", row.Detail, StringComparison.Ordinal);

        // Now the Family Help practitioner continuing with the family can lead, and starts the assessment.
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = team.FamilyHelpId, agreed = true }));
        await Json(await team.FamilyHelp.PostAsync(new Uri($"/api/v1/episodes/{episodeId}/assessments", UriKind.Relative), null), HttpStatusCode.Created);
    }

    [Fact]
    [Trait("Rule", "RC-02")]
    public async Task StartingTheAssessment_IsRefused_WhenTheProtocolNoLongerAllowsTheLead()
    {
        var team = await TeamAsync();
        var episodeId = await EpisodeAsync(team, "Ife");
        await Json(await team.Manager.PutAsJsonAsync("/api/v1/area/local-protocol", new { section17Leads = "ChildrensServicesPractitioners", version = "v3" }));
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = team.FamilyHelpId, agreed = true }));
        await Json(await team.Manager.PutAsJsonAsync("/api/v1/area/local-protocol", new { section17Leads = "SocialWorkers", version = "v4" }));

        using (var refused = await team.FamilyHelp.PostAsync(new Uri($"/api/v1/episodes/{episodeId}/assessments", UriKind.Relative), null))
        {
            Assert.Equal("RC-02", (await Json(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        Assert.Equal(0, await InAreaAsync(team.Area, db => db.Assessments.CountAsync(a => a.EpisodeId == episodeId)));
    }

    [Fact]
    [Trait("Rule", "RC-02")]
    public async Task TheProtocolPage_ShowsTheSettings_AndRefusesAChangeWithoutItsVersionInTheErrorSummary()
    {
        var team = await TeamAsync();
        using (var page = await team.Manager.GetAsync(new Uri("/area/local-protocol", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("A registered social worker only", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var refused = await HttpSignIn.PostFormAsync(team.Manager, "/area/local-protocol",
                   new Dictionary<string, string> { ["Section17Leads"] = "AnyPractitioner", ["Version"] = "" }))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
            Assert.Contains("Enter the name or version of the local protocol", html, StringComparison.Ordinal);
        }

        using (var saved = await HttpSignIn.PostFormAsync(team.Manager, "/area/local-protocol",
                   new Dictionary<string, string> { ["Section17Leads"] = "AnyPractitioner", ["Version"] = "Protocol 2027" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(Section17Leads.AnyPractitioner, await InAreaAsync(team.Area, db => db.Areas.Where(a => a.Id == team.Area.Area.Id).Select(a => a.Section17Leads).SingleAsync()));
        using var worker = await team.Worker.GetAsync(new Uri("/area/local-protocol", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, worker.StatusCode);
    }

    [Fact]
    [Trait("Rule", "GEN-02")]
    public async Task ADepartureFromAShouldRule_IsRecordedWithWhyAndWhoAgreed_ListedForManagers_AndCounted()
    {
        var team = await TeamAsync();
        var episodeId = await EpisodeAsync(team, "Ada");
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = team.WorkerId, agreed = true }));
        var uri = $"/api/v1/episodes/{episodeId}/departures";

        foreach (var (body, field) in new (object Body, string Field)[]
                 {
                     (new { ruleId = "IP-01", reason = "No.", agreedById = team.ManagerId }, "RuleId"),
                     (new { ruleId = "GEN-05", reason = " ", agreedById = team.ManagerId }, "Reason"),
                     (new { ruleId = "GEN-05", reason = "Short notice.", agreedById = team.WorkerId }, "AgreedBy"),
                 })
        {
            var problem = await Json(await team.Worker.PostAsJsonAsync(uri, body), HttpStatusCode.UnprocessableEntity);
            Assert.Equal("GEN-02", problem.GetProperty("ruleId").GetString());
        }

        Assert.Equal(0, await InAreaAsync(team.Area, db => db.Departures.CountAsync()));
        using (var outsider = await team.Dsl.PostAsJsonAsync(uri, new { ruleId = "GEN-05", reason = "Short notice.", agreedById = team.ManagerId }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        }

        var recorded = await Json(await team.Worker.PostAsJsonAsync(uri, new
        {
            ruleId = "GEN-05", reason = "The meeting was called at a day's notice; mother was told by telephone who would attend.", agreedById = team.ManagerId,
        }), HttpStatusCode.Created);
        Assert.Equal("GEN-05", recorded.GetProperty("ruleId").GetString());
        var id = recorded.GetProperty("id").GetGuid();

        var list = await Json(await team.Manager.GetAsync(new Uri("/api/v1/departures", UriKind.Relative)));
        Assert.Contains(list.EnumerateArray(), d => d.GetProperty("id").GetGuid() == id && d.GetProperty("agreedBy").GetString()!.Length > 0);
        using (var notManager = await team.Worker.GetAsync(new Uri("/api/v1/departures", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notManager.StatusCode);
        }

        var counts = await Json(await team.Manager.GetAsync(new Uri("/api/v1/departures/counts", UriKind.Relative)));
        Assert.Contains(counts.GetProperty("byRule").EnumerateArray(), c => c.GetProperty("ruleId").GetString() == "GEN-05" && c.GetProperty("count").GetInt32() == 1);
        var entry = await InAreaAsync(team.Area, db => db.Chronology.Where(c => c.SourceType == "Departure" && c.SourceId == id).SingleAsync());
        Assert.Equal(ChronologyKind.Departure, entry.Kind);
        await Json(await team.Worker.GetAsync(new Uri($"/api/v1/departures/{id}", UriKind.Relative)));
        Assert.True(await InAreaAsync(team.Area, db => db.AuditEntries.AnyAsync(a => a.RecordType == "Departure" && a.RecordId == id && a.Action == AuditAction.Read)));
        using var dsl = await team.Dsl.GetAsync(new Uri($"/api/v1/departures/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, dsl.StatusCode);

        using var page = await HttpSignIn.PostFormAsync(team.Worker, $"/episodes/{episodeId}/departures/new",
            new Dictionary<string, string> { ["RuleId"] = "GEN-05", ["Reason"] = "", ["AgreedById"] = $"{team.ManagerId}" });
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Equal(1, await InAreaAsync(team.Area, db => db.Departures.CountAsync()));
    }

    [Fact]
    [Trait("Rule", "GRP-03")]
    [Trait("Rule", "GRP-04")]
    [Trait("Rule", "GRP-05")]
    public async Task ACarersOrDisabledChildsAssessment_IsRecordedAndCompletedWithItsOutcome_RefusedInputChangesNothing()
    {
        var team = await TeamAsync();
        var episodeId = await EpisodeAsync(team, "Kit");
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = team.WorkerId, agreed = true }));
        var uri = $"/api/v1/episodes/{episodeId}/carers-assessments";
        var today = Safeguard.Domain.Calendar.EnglandClock.Today(factory.Time!);

        foreach (var (body, rule) in new (object Body, string Rule)[]
                 {
                     (new { kind = "ParentCarer", forWhom = " ", trigger = "Requested", requestedOn = today }, "GRP-04"),
                     (new { kind = "YoungCarer", forWhom = "Kit Protocolcase", trigger = "Requested", requestedOn = today.AddDays(1) }, "GRP-05"),
                     (new { kind = "DisabledChild", forWhom = "Kit Protocolcase", trigger = "Requested", requestedOn = today, startedOn = today.AddDays(-1) }, "GRP-03"),
                 })
        {
            var problem = await Json(await team.Worker.PostAsJsonAsync(uri, body), HttpStatusCode.UnprocessableEntity);
            Assert.Equal(rule, problem.GetProperty("ruleId").GetString());
        }

        Assert.Equal(0, await InAreaAsync(team.Area, db => db.CarersAndDisabilityAssessments.CountAsync()));
        using (var outsider = await team.Dsl.PostAsJsonAsync(uri, new { kind = "YoungCarer", forWhom = "Kit Protocolcase", trigger = "Requested", requestedOn = today }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        }

        var recorded = await Json(await team.Worker.PostAsJsonAsync(uri, new
        {
            kind = "YoungCarer", forWhom = "Kit Protocolcase", trigger = "AppearsToNeedSupport", requestedOn = today,
            combinedWith = "The child and family assessment.",
        }), HttpStatusCode.Created);
        var id = recorded.GetProperty("id").GetGuid();
        Assert.Equal("GRP-05", recorded.GetProperty("rule").GetString());
        var completion = $"/api/v1/carers-assessments/{id}/completion";

        // Completing needs the support decided: refused, and the assessment stays open.
        var refused = await Json(await team.Worker.PostAsJsonAsync(completion, new
        {
            startedOn = today, completedOn = today, assessedById = team.WorkerId, outcome = "Kit helps his mother every morning.", supportDecided = "",
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("GRP-05", refused.GetProperty("ruleId").GetString());
        Assert.Null(await InAreaAsync(team.Area, db => db.CarersAndDisabilityAssessments.Where(a => a.Id == id).Select(a => a.CompletedOn).SingleAsync()));
        using (var outsider = await team.Dsl.PostAsJsonAsync(completion, new { completedOn = today }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        }

        var completed = await Json(await team.Worker.PostAsJsonAsync(completion, new
        {
            startedOn = today, completedOn = today, assessedById = team.WorkerId, outcome = "Kit helps his mother every morning.",
            supportDecided = "Young carers' group weekly; school told so lateness is not punished.",
        }));
        Assert.Equal(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), completed.GetProperty("completedOn").GetString());
        Assert.Contains("Young carers' group", completed.GetProperty("supportDecided").GetString(), StringComparison.Ordinal);

        var entries = await InAreaAsync(team.Area, db => db.Chronology.Where(c => c.SourceType == "CarersAndDisabilityAssessment" && c.SourceId == id).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(ChronologyKind.Assessment, e.Kind));
        await Json(await team.Worker.GetAsync(new Uri($"/api/v1/carers-assessments/{id}", UriKind.Relative)));
        Assert.True(await InAreaAsync(team.Area, db => db.AuditEntries.AnyAsync(a => a.RecordType == "CarersAndDisabilityAssessment" && a.RecordId == id
            && a.Action == AuditAction.Read)));
        using var dsl = await team.Dsl.GetAsync(new Uri($"/api/v1/carers-assessments/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, dsl.StatusCode);
    }

    [Fact]
    [Trait("Rule", "GEN-02")]
    [Trait("Rule", "ASM-03")]
    public async Task AnAssessmentAuthorisedLate_AndWithoutTheChildSeenAlone_RecordsBothDepartures_AgreedByTheAuthorisingManager()
    {
        var team = await TeamAsync();
        var episodeId = await EpisodeAsync(team, "Bea");
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = team.WorkerId, agreed = true }));
        var assessment = await Json(await team.Worker.PostAsync(new Uri($"/api/v1/episodes/{episodeId}/assessments", UriKind.Relative), null), HttpStatusCode.Created);
        var id = assessment.GetProperty("id").GetGuid();
        var seenOn = assessment.GetProperty("startedOn").GetString();
        ((FakeTimeProvider)factory.Time!).Advance(TimeSpan.FromDays(80));
        // Weeks have passed: both sign in again.
        await HttpSignIn.SignInAsync(team.Worker, team.WorkerEmail);
        await HttpSignIn.SignInAsync(team.Manager, team.ManagerEmail);
        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/assessments/{id}/submission", new
        {
            assessment = new
            {
                developmentalNeeds = "Growing well.", parentingCapacity = "Father works nights; mornings are hard.", familyAndEnvironment = "Grandmother nearby.",
                childsWishesAndFeelings = "I want to stay with Dad.", childSeenOn = seenOn, seenAlone = false,
                whyNotSeenAlone = "Bea asked for her teacher to stay with her.", familyViews = "Father wants help.", factors = new List<string> { "16A" },
                conclusion = "ChildInNeed", conclusionReasons = "Needs services to be well.", primaryNeedCode = "N1",
            },
            lateReason = "Bea was in hospital for three weeks.",
        }));
        Assert.Equal(0, await InAreaAsync(team.Area, db => db.Departures.CountAsync()));
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/assessments/{id}/authorisation", new { }));

        var departures = await InAreaAsync(team.Area, db => db.Departures.Where(d => d.SourceId == id).OrderBy(d => d.RuleId).ToListAsync());
        Assert.Equal(["ASM-03", "ASM-04"], departures.Select(d => d.RuleId));
        Assert.All(departures, d => Assert.Equal(team.ManagerId, d.AgreedBy));
        Assert.All(departures, d => Assert.Equal(team.WorkerId, d.RecordedBy));
        Assert.Contains("hospital", departures[0].Reason, StringComparison.Ordinal);
        Assert.Contains("teacher", departures[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "GEN-04")]
    public async Task CommunicationNeeds_AreRecordedForTheChild_AndShownWhereAVisitOrAMeetingIsPlanned()
    {
        var team = await TeamAsync();
        var episodeId = await EpisodeAsync(team, "Noor");
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = team.WorkerId, agreed = true }));
        var childId = await InAreaAsync(team.Area, db => db.Episodes.Where(e => e.Id == episodeId).Select(e => e.ChildId).SingleAsync());
        var uri = $"/api/v1/children/{childId}/communication-needs";

        using (var refused = await team.Worker.PutAsJsonAsync(uri, new { firstLanguage = "Arabic" }))
        {
            Assert.Equal("GEN-04", (await Json(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        Assert.Null(await InAreaAsync(team.Area, db => db.Children.Where(c => c.Id == childId).Select(c => c.InterpreterNeeded).SingleAsync()));
        using (var notTheirs = await team.FamilyHelp.PutAsJsonAsync(uri, new { firstLanguage = "Arabic", interpreterNeeded = true }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        }

        using (var saved = await team.Worker.PutAsJsonAsync(uri, new { firstLanguage = "Arabic", interpreterNeeded = true, communicationMethod = "Pictures help." }))
        {
            Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        }

        var people = await Json(await team.Worker.GetAsync(new Uri(uri, UriKind.Relative)));
        Assert.Equal("first language Arabic; needs a professional interpreter; Pictures help.", people[0].GetProperty("summary").GetString());
        var noted = await InAreaAsync(team.Area, db => db.Chronology.Where(c => c.ChildId == childId && c.Kind == ChronologyKind.Needs).Select(c => c.Summary).ToListAsync());
        Assert.Contains(noted, n => n.Contains("communication needs recorded", StringComparison.Ordinal));

        foreach (var page in new[] { $"/episodes/{episodeId}/visits/new", $"/episodes/{episodeId}/strategy-discussions/new" })
        {
            using var response = await team.Worker.GetAsync(new Uri(page, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("needs a professional interpreter", html, StringComparison.Ordinal);
        }

        using var form = await HttpSignIn.PostFormAsync(team.Worker, $"/children/{childId}/communication-needs",
            new Dictionary<string, string> { ["FirstLanguage"] = "Arabic" });
        Assert.Contains("govuk-error-summary", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class WhoMayLeadSqliteFactory : SqliteFactory
{
    public WhoMayLeadSqliteFactory() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
}

public sealed class WhoMayLeadPostgreSqlFactory : PostgreSqlFactory
{
    public WhoMayLeadPostgreSqlFactory() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
}

public sealed class SqliteWhoMayLeadAndRecordTests(WhoMayLeadSqliteFactory factory) : WhoMayLeadAndRecordTests<WhoMayLeadSqliteFactory>(factory);

public sealed class PostgreSqlWhoMayLeadAndRecordTests(WhoMayLeadPostgreSqlFactory factory) : WhoMayLeadAndRecordTests<WhoMayLeadPostgreSqlFactory>(factory);
