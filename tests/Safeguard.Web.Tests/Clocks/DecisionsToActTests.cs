using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Clocks;

/// <summary>
/// A front-door decision that something must happen is work until it has happened, on "My work": immediate protection until the
/// emergency action is recorded (IP-01, as soon as possible), a strategy discussion until it is held, by the area's own target in
/// working days (A-26: a local target, shown as one, never a statutory breach). The service's clock starts on Thursday 24 December 2026.
/// </summary>
public abstract class DecisionsToActTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private static readonly string[] PhysicalAbuse = ["PhysicalAbuse"];
    private static readonly string[] InsideTheHome = ["InsideTheHome"];

    private sealed record People(TestArea Area, HttpClient Dsl, HttpClient Manager, string ManagerEmail, HttpClient Worker, Guid WorkerId) : IDisposable
    {
        public void Dispose()
        {
            Dsl.Dispose();
            Manager.Dispose();
            Worker.Dispose();
        }
    }

    private async Task<People> PeopleAsync()
    {
        var area = await factory.NewAreaAsync();
        var dsl = factory.NewClient();
        await HttpSignIn.SignInAsync(dsl, await factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead));
        var manager = factory.NewClient();
        var managerEmail = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        await HttpSignIn.SignInAsync(manager, managerEmail);
        var worker = factory.NewClient();
        await HttpSignIn.SignInAsync(worker, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));
        var workerId = (await worker.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("practitionerId").GetGuid();
        return new People(area, dsl, manager, managerEmail, worker, workerId);
    }

    /// <summary>A referral from the school, decided by the manager: the referral's id and its episode.</summary>
    private static async Task<(Guid ReferralId, Guid EpisodeId)> DecidedAsync(People people, string outcome)
    {
        var referral = await Json(await people.Dsl.PostAsJsonAsync("/api/v1/referrals", new
        {
            child = new { givenName = "Holly", familyName = "Decidetest", dateOfBirth = "2018-03-03", sex = "F", ethnicityCode = "WBRI" },
            concerns = "Holly's mother's partner threatened to kill her tonight.", harmTypes = PhysicalAbuse,
            harmContexts = InsideTheHome, familyKnows = false, whyFamilyNotToldOrAgreed = "Telling them could put Holly at risk.",
            urgency = "ImmediateRisk",
        }), HttpStatusCode.Created);
        var decided = await Json(await people.Manager.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/decision",
            new { outcome, reasons = "Risk to life tonight.", primaryNeedCode = "N1" }), HttpStatusCode.OK);
        return (referral.GetProperty("id").GetGuid(), decided.GetProperty("episodeId").GetGuid());
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<List<JsonElement>> MyWorkAsync(HttpClient client, string ruleId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/me/clocks")).EnumerateArray().Where(c => c.GetProperty("ruleId").GetString() == ruleId)];

    private async Task<List<(string RuleId, string Status, DateOnly? DueOn)>> StoredAsync(TestArea area, Guid subjectId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return [.. (await db.ClockRecords.Where(c => c.SubjectId == subjectId).ToListAsync()).Select(c => (c.RuleId, c.Status.ToString(), c.DueOn))];
    }

    [Fact]
    [Trait("Rule", "IP-01")]
    [Trait("Rule", "IP-05")]
    public async Task ImmediateProtection_IsUrgentForTheLeadAndTheManagers_UntilTheEmergencyActionIsRecorded()
    {
        using var people = await PeopleAsync();
        var (referralId, episodeId) = await DecidedAsync(people, "ImmediateProtection");

        // The decision is not the action: nothing is recorded as taken, and the manager has an urgent item with no date (T8).
        var urgent = Assert.Single(await MyWorkAsync(people.Manager, "IP-01"));
        Assert.True(urgent.GetProperty("urgent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, urgent.GetProperty("dueOn").ValueKind);
        Assert.Equal($"/episodes/{episodeId}", urgent.GetProperty("link").GetString());
        Assert.DoesNotContain(await StoredAsync(people.Area, referralId), c => c.RuleId == "IP-05");
        Assert.Empty(await MyWorkAsync(people.Worker, "IP-01"));

        // Allocated, the lead practitioner has it too, and the managers keep it.
        await Json(await people.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = people.WorkerId, agreed = true }));
        Assert.Single(await MyWorkAsync(people.Worker, "IP-01"));
        Assert.Single(await MyWorkAsync(people.Manager, "IP-01"));

        var action = await Json(await people.Worker.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/emergency-actions", new
        {
            power = "PolicePowersOfProtection", actingAgency = "Police", action = "Holly was taken to her grandmother's under police protection.",
            childSeenBy = "PC Example", otherChildrenConsidered = "No other children live there.", legalAdviceTaken = true,
        }), HttpStatusCode.Created);

        Assert.Empty(await MyWorkAsync(people.Worker, "IP-01"));
        Assert.Empty(await MyWorkAsync(people.Manager, "IP-01"));
        Assert.Contains(await StoredAsync(people.Area, referralId), c => c is { RuleId: "IP-01", Status: "Met" });
        // Then the strategy discussion as soon as possible after the action (IP-05).
        Assert.Contains(await StoredAsync(people.Area, action.GetProperty("id").GetGuid()), c => c is { RuleId: "IP-05", Status: "Urgent" });
        Assert.Single(await MyWorkAsync(people.Manager, "IP-05"));
    }

    [Fact]
    [Trait("Rule", "SD-01")]
    public async Task AStrategyDiscussionDecided_IsDueByTheAreasOwnTarget_AcrossChristmas_AndLateIsPastTheLocalTarget_NotABreach()
    {
        using var people = await PeopleAsync();
        var target = await Json(await people.Manager.GetAsync(new Uri("/api/v1/area/strategy-discussion-target", UriKind.Relative)));
        Assert.Equal(1, target.GetProperty("workingDays").GetInt32());

        var (referralId, episodeId) = await DecidedAsync(people, "StrategyDiscussion");

        // Thursday 24 December, one working day: Christmas Day, the weekend and Boxing Day's substitute on Monday 28th are skipped.
        var item = Assert.Single(await MyWorkAsync(people.Manager, "SD-01"));
        Assert.Equal("2026-12-29", item.GetProperty("dueOn").GetString());
        Assert.True(item.GetProperty("localTarget").GetBoolean());
        Assert.Contains("local target", item.GetProperty("what").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/episodes/{episodeId}", item.GetProperty("link").GetString());

        // Only a social work qualified manager sets the target, within 0 to 10 working days; a refused change changes nothing.
        using (var byWorker = await people.Worker.PutAsJsonAsync("/api/v1/area/strategy-discussion-target", new { workingDays = 2 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byWorker.StatusCode);
        }

        var tooLong = await Json(await people.Manager.PutAsJsonAsync("/api/v1/area/strategy-discussion-target", new { workingDays = 11 }),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal("SG-AREA-10", tooLong.GetProperty("ruleId").GetString());
        Assert.Equal(1, (await Json(await people.Manager.GetAsync(new Uri("/api/v1/area/strategy-discussion-target", UriKind.Relative))))
            .GetProperty("workingDays").GetInt32());
        Assert.Equal("2026-12-29", Assert.Single(await MyWorkAsync(people.Manager, "SD-01")).GetProperty("dueOn").GetString());

        // Two working days: the discussion still waiting is due on Wednesday 30th.
        Assert.Equal(2, (await Json(await people.Manager.PutAsJsonAsync("/api/v1/area/strategy-discussion-target", new { workingDays = 2 })))
            .GetProperty("workingDays").GetInt32());
        Assert.Contains(await StoredAsync(people.Area, referralId), c => c.RuleId == "SD-01" && c.Status == "Running" && c.DueOn == new DateOnly(2026, 12, 30));

        // The lead practitioner has it once allocated, and the managers keep it.
        await Json(await people.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = people.WorkerId, agreed = true }));
        Assert.Single(await MyWorkAsync(people.Worker, "SD-01"));

        // Thursday 31 December: a working day past the target. Late against the local target, not reported as overdue.
        factory.Time!.Advance(TimeSpan.FromDays(7));
        await HttpSignIn.SignInAsync(people.Manager, people.ManagerEmail);
        var late = Assert.Single(await MyWorkAsync(people.Manager, "SD-01"));
        Assert.True(late.GetProperty("overdue").GetBoolean() && late.GetProperty("localTarget").GetBoolean());
        var page = await people.Manager.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("Past the local target", page, StringComparison.Ordinal);
        Assert.Contains("Local target, not a statutory timescale", page, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-tag--red", page, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "SG-AREA-10")]
    public async Task TheTargetsPage_KeepsWhatWasTypedWhenRefused_SavesAndAuditsAChange_AndIsTheManagersOnly()
    {
        using var people = await PeopleAsync();
        using (var page = await people.Manager.GetAsync(new Uri("/area/strategy-discussion-target", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("1 working day", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var (typed, message) in new[] { ("two", "whole number of working days"), ("12", "from 0 (the same day) to 10") })
        {
            using var refused = await HttpSignIn.PostFormAsync(people.Manager, "/area/strategy-discussion-target",
                new Dictionary<string, string> { ["WorkingDays"] = typed });
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.Contains($"value=\"{typed}\"", html, StringComparison.Ordinal);
        }

        using (var saved = await HttpSignIn.PostFormAsync(people.Manager, "/area/strategy-discussion-target",
                   new Dictionary<string, string> { ["WorkingDays"] = "3" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(3, (await Json(await people.Manager.GetAsync(new Uri("/api/v1/area/strategy-discussion-target", UriKind.Relative))))
            .GetProperty("workingDays").GetInt32());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(people.Area.Area.Id);
            var changed = Assert.Single(await db.AuditEntries.Where(a => a.RecordType == "LocalAuthorityArea" && a.Action == Data.Audit.AuditAction.Changed).ToListAsync());
            Assert.Contains("from 1 to 3 working days", changed.Detail, StringComparison.Ordinal);
        }

        using var byWorker = await people.Worker.GetAsync(new Uri("/area/strategy-discussion-target", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, byWorker.StatusCode);
    }
}

public sealed class SqliteDecisionsToActTests(ClockSqliteFactory factory) : DecisionsToActTests<ClockSqliteFactory>(factory);

public sealed class PostgreSqlDecisionsToActTests(ClockPostgreSqlFactory factory) : DecisionsToActTests<ClockPostgreSqlFactory>(factory);
