using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.FamilyHelp;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// Working on a case needs a part in it: the lead practitioner, a co-worker, the case's manager and team. Children's social
/// care without a part — a Family Help practitioner, a social worker or a manager of another team — read the case but are
/// refused (403 on the API, the access-denied page on pages) when they try to change it, and nothing changes. Requests for
/// access and break-glass looks are decided by the case's manager or another manager of the same team.
/// </summary>
public abstract class CaseWriteAccessTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private sealed record Case(TestArea Area, Guid TeamId, Guid EpisodeId, Guid ChildId, HttpClient School, HttpClient Manager, Guid ManagerId,
        HttpClient Lead, Guid LeadId);

    private string Today => EnglandClock.Today(factory.Time!).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ChildrensSocialCareWithoutAPart_AreRefusedEveryCaseStep_AndNothingChanges()
    {
        var c = await CaseAsync();
        var otherTeam = await NewTeamAsync(c.Area, "Another team");
        var police = await PractitionerIdAsync(c.Area, await factory.NewAccountAsync(c.Area.Police, PractitionerRole.Practitioner));
        var outsiders = new[]
        {
            ("a Family Help practitioner with no part", (await AccountAsync(c.Area, null, PractitionerRole.Practitioner)).Client),
            ("a social worker of another team", (await AccountAsync(c.Area, otherTeam, PractitionerRole.SocialWorker)).Client),
            ("a manager of another team", (await AccountAsync(c.Area, otherTeam, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor)).Client),
        };
        var before = await Json(await c.Manager.GetAsync(new Uri($"/api/v1/episodes/{c.EpisodeId}", UriKind.Relative)));
        foreach (var (who, client) in outsiders)
        {
            foreach (var (path, body) in new (string, object)[]
                     {
                         ($"/api/v1/episodes/{c.EpisodeId}/visits", new { visitedOn = Today, childSeen = true, seenAlone = true, observations = "Outsider's visit." }),
                         ($"/api/v1/episodes/{c.EpisodeId}/specific-needs", new { needs = new[] { "YoungCarer" } }),
                         ($"/api/v1/episodes/{c.EpisodeId}/milestones", new { kind = "TransitionPlanned", note = "Outsider's milestone." }),
                         ($"/api/v1/episodes/{c.EpisodeId}/looked-after", new
                         {
                             startedOn = Today, legalStatus = "Section20", reasons = "Outsider starts looking after the child.",
                             placement = new { type = "FosterCare", where = "Foster carers", outOfArea = false },
                         }),
                         ($"/api/v1/episodes/{c.EpisodeId}/conference-meetings", new
                         {
                             kind = "Initial", scheduledFor = Today, invitations = new[] { new { practitionerId = police } },
                         }),
                         ($"/api/v1/episodes/{c.EpisodeId}/strategy-discussions", new { heldOn = Today, informationShared = "Outsider's discussion." }),
                         ($"/api/v1/episodes/{c.EpisodeId}/emergency-actions", new { power = "PolicePowersOfProtection", action = "Outsider's action." }),
                         ($"/api/v1/episodes/{c.EpisodeId}/closure", new { reasonCode = "RC7", summary = "Outsider closes the case." }),
                         ($"/api/v1/children/{c.ChildId}/information-sharing", new { whatWasShared = "Outsider shares.", sharedWithPerson = "A friend", basis = "PublicTask" }),
                     })
            {
                using var response = await client.PostAsJsonAsync(path, body);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path} as {who}: expected 403, got {(int)response.StatusCode}");
            }

            // The page refuses too: the visit form is shown (they read the case) but recording it is refused.
            using var page = await PostFormAsync(client, $"/episodes/{c.EpisodeId}/visits/new", new Dictionary<string, string>
            {
                ["VisitedOn.Day"] = Today[8..], ["VisitedOn.Month"] = Today[5..7], ["VisitedOn.Year"] = Today[..4], ["ChildSeen"] = "true",
                ["SeenAlone"] = "true", ["Observations"] = "Outsider's visit through the page.",
            });
            Assert.True(IsRefusal(page), $"The visit page as {who}: {(int)page.StatusCode} {page.Headers.Location}");
        }

        var after = await Json(await c.Manager.GetAsync(new Uri($"/api/v1/episodes/{c.EpisodeId}", UriKind.Relative)));
        Assert.Equal(before.GetProperty("version").GetGuid(), after.GetProperty("version").GetGuid());
        Assert.Equal(0, after.GetProperty("visits").GetArrayLength());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(c.Area.Area.Id);
            Assert.False(await db.LookedAfterPeriods.AnyAsync(p => p.EpisodeId == c.EpisodeId));
            Assert.False(await db.ConferenceMeetings.AnyAsync(m => m.EpisodeId == c.EpisodeId));
            Assert.False(await db.StrategyDiscussions.AnyAsync(d => d.EpisodeId == c.EpisodeId));
            Assert.False(await db.InformationSharing.AnyAsync(i => i.ChildId == c.ChildId && i.WhatWasShared == "Outsider shares."));
        }

        // Those with a part still work on it: the lead practitioner, a social worker of the case's team, the case's manager.
        var teammate = (await AccountAsync(c.Area, c.TeamId, PractitionerRole.SocialWorker)).Client;
        foreach (var (who, client) in new[] { ("the lead practitioner", c.Lead), ("a social worker of the case's team", teammate), ("the case's manager", c.Manager) })
        {
            using var response = await client.PostAsJsonAsync($"/api/v1/episodes/{c.EpisodeId}/visits",
                new { visitedOn = Today, childSeen = true, seenAlone = true, observations = $"Visit by {who}." });
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"A visit by {who}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task AManagerGivesAPractitionerAPartAsCoWorker_TheyThenWorkOnTheCase_AndTheChangeIsAudited()
    {
        var c = await CaseAsync();
        var (familyHelp, familyHelpId) = await AccountAsync(c.Area, null, PractitionerRole.Practitioner);
        var visit = new { visitedOn = Today, childSeen = true, seenAlone = false, whyNot = "Mother stayed.", observations = "Co-worker's visit." };
        using (var refused = await familyHelp.PostAsJsonAsync($"/api/v1/episodes/{c.EpisodeId}/visits", visit))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // A manager of another team cannot give parts in this case; the lead practitioner (not a manager) neither.
        var (otherManager, _) = await AccountAsync(c.Area, await NewTeamAsync(c.Area, "Another team"), PractitionerRole.SocialWorker,
            PractitionerRole.PracticeSupervisor);
        foreach (var client in new[] { otherManager, c.Lead })
        {
            using var response = await client.PostAsJsonAsync($"/api/v1/episodes/{c.EpisodeId}/co-workers", new { practitionerId = familyHelpId });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var allocated = await Json(await c.Manager.PostAsJsonAsync($"/api/v1/episodes/{c.EpisodeId}/co-workers", new { practitionerId = familyHelpId }));
        Assert.Equal(familyHelpId, Assert.Single(allocated.GetProperty("coWorkers").EnumerateArray()).GetProperty("practitionerId").GetGuid());
        using (var again = await c.Manager.PostAsJsonAsync($"/api/v1/episodes/{c.EpisodeId}/co-workers", new { practitionerId = familyHelpId }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
            Assert.Contains("SG-EP-20", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var recorded = await familyHelp.PostAsJsonAsync($"/api/v1/episodes/{c.EpisodeId}/visits", visit))
        {
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(c.Area.Area.Id);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.RecordType == "Episode" && a.RecordId == c.EpisodeId && a.Action == AuditAction.Changed
                && a.PractitionerId == c.ManagerId), "The co-worker's allocation is in the audit trail with the manager who made it.");
            Assert.True(await db.Participants.AnyAsync(p => p.RecordId == c.EpisodeId && p.PractitionerId == familyHelpId
                && p.Role == Domain.Participation.ParticipantRole.CoWorker && p.Until == null));
            Assert.True(await db.Chronology.AnyAsync(e => e.ChildId == c.ChildId && e.Summary.Contains("allocated as co-worker")));
        }

        // Their part ends: they are refused again.
        await Json(await c.Manager.PostAsJsonAsync($"/api/v1/episodes/{c.EpisodeId}/co-workers", new { practitionerId = familyHelpId, end = true }));
        using (var ended = await familyHelp.PostAsJsonAsync($"/api/v1/episodes/{c.EpisodeId}/visits", visit))
        {
            Assert.Equal(HttpStatusCode.Forbidden, ended.StatusCode);
        }
    }

    [Fact]
    public async Task OnlyTheCasesManagerOrAManagerOfTheSameTeam_DecidesAccessAndReviewsBreakGlass()
    {
        var c = await CaseAsync();
        var officer = factory.NewClient();
        await HttpSignIn.SignInAsync(officer, await factory.NewAccountAsync(c.Area.Police, PractitionerRole.Practitioner));
        var glass = await Json(await officer.PostAsJsonAsync($"/api/v1/children/{c.ChildId}/break-glass",
            new { reason = "Attending the home at night; the child is alone and we need to know who can care for him." }), HttpStatusCode.Created);
        var teacher = factory.NewClient();
        await HttpSignIn.SignInAsync(teacher, await factory.NewAccountAsync(c.Area.School, PractitionerRole.Practitioner));
        var asked = await Json(await teacher.PostAsJsonAsync($"/api/v1/children/{c.ChildId}/access-requests",
            new { reason = "His class teacher: I need to know what the plan asks of school.", days = 7 }), HttpStatusCode.Created);
        var glassId = glass.GetProperty("id").GetGuid();
        var requestId = asked.GetProperty("id").GetGuid();

        var (otherManager, _) = await AccountAsync(c.Area, await NewTeamAsync(c.Area, "Another team"), PractitionerRole.SocialWorker,
            PractitionerRole.PracticeSupervisor);
        var (noTeamManager, _) = await AccountAsync(c.Area, null, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        foreach (var client in new[] { otherManager, noTeamManager })
        {
            using var decided = await client.PostAsJsonAsync($"/api/v1/access-requests/{requestId}/decision", new { grant = true, days = 7, reasons = "Granted by an outsider." });
            Assert.Equal(HttpStatusCode.Forbidden, decided.StatusCode);
            using var reviewed = await client.PostAsJsonAsync($"/api/v1/break-glass/{glassId}/review", new { note = "Reviewed by an outsider." });
            Assert.Equal(HttpStatusCode.Forbidden, reviewed.StatusCode);
            using var page = await client.GetAsync(new Uri($"/access-requests/{requestId}", UriKind.Relative));
            Assert.True(IsRefusal(page), $"The access request's page: {(int)page.StatusCode}");
            using var reviewPage = await client.GetAsync(new Uri($"/break-glass/{glassId}", UriKind.Relative));
            Assert.True(IsRefusal(reviewPage), $"The break-glass review page: {(int)reviewPage.StatusCode}");
            var waiting = await Json(await client.GetAsync(new Uri("/api/v1/access-requests", UriKind.Relative)));
            Assert.DoesNotContain(waiting.EnumerateArray(), r => r.GetProperty("id").GetGuid() == requestId);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(c.Area.Area.Id);
            Assert.Null((await db.AccessRequests.SingleAsync(r => r.Id == requestId)).DecidedAt);
            Assert.Null((await db.BreakGlass.SingleAsync(b => b.Id == glassId)).ReviewedAt);
        }

        // Another social work qualified manager of the case manager's team decides and reviews; the request is on their list.
        var (teamManager, _) = await AccountAsync(c.Area, c.TeamId, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var listed = await Json(await teamManager.GetAsync(new Uri("/api/v1/access-requests", UriKind.Relative)));
        Assert.Contains(listed.EnumerateArray(), r => r.GetProperty("id").GetGuid() == requestId);
        var granted = await Json(await teamManager.PostAsJsonAsync($"/api/v1/access-requests/{requestId}/decision",
            new { grant = true, days = 7, reasons = "The teacher needs the plan's actions for school." }));
        Assert.Equal("Granted", granted.GetProperty("status").GetString());
        await Json(await teamManager.PostAsJsonAsync($"/api/v1/break-glass/{glassId}/review", new { note = "Police attended at night; justified." }));
    }

    /// <summary>
    /// A case: the school's referral, decided by a manager of a team and allocated to a social worker of the same team.
    /// </summary>
    private async Task<Case> CaseAsync()
    {
        var area = await factory.NewAreaAsync();
        var team = await NewTeamAsync(area, "Assessment team");
        var school = factory.NewClient();
        await HttpSignIn.SignInAsync(school, await factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead));
        var (manager, managerId) = await AccountAsync(area, team, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var (lead, leadId) = await AccountAsync(area, team, PractitionerRole.SocialWorker);
        var referral = await Json(await school.PostAsJsonAsync("/api/v1/referrals", new
        {
            child = new { givenName = "Sam", familyName = "Casewrite", dateOfBirth = "2015-06-02", sex = "M", ethnicityCode = "WBRI" },
            concerns = "Sam says nobody is at home in the evenings.",
            harmTypes = new List<string> { "Neglect" },
            harmContexts = new List<string> { "InsideTheHome" },
            familyKnows = true,
            familyAgrees = true,
            urgency = "Standard",
        }), HttpStatusCode.Created);
        var episodeId = (await Json(await manager.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/decision", new
        {
            outcome = "Section17Assessment", reasons = "Sam may be left alone: assess.", primaryNeedCode = "N1",
        }))).GetProperty("episodeId").GetGuid();
        await Json(await manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = leadId, agreed = true }));
        return new Case(area, team, episodeId, referral.GetProperty("childId").GetGuid(), school, manager, managerId, lead, leadId);
    }

    /// <summary>An account of the area's children's social care, in the team given (or none), signed in.</summary>
    private async Task<(HttpClient Client, Guid PractitionerId)> AccountAsync(TestArea area, Guid? teamId, params PractitionerRole[] roles)
    {
        var email = await factory.NewAccountAsync(area.SocialCare, roles);
        var id = await PractitionerIdAsync(area, email);
        if (teamId is not null)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(area.Area.Id);
            var practitioner = await db.Practitioners.SingleAsync(p => p.Id == id);
            db.Entry(practitioner).Property(p => p.TeamId).CurrentValue = teamId;
            await db.SaveChangesAsync();
        }

        var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, email);
        return (client, id);
    }

    private async Task<Guid> NewTeamAsync(TestArea area, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        var team = new Team(Guid.NewGuid(), area.Area.Id, area.SocialCare.Id, name);
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    }

    private async Task<Guid> PractitionerIdAsync(TestArea area, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return await db.Practitioners.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await HttpSignIn.AntiforgeryTokenAsync(client, path);
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    private static bool IsRefusal(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true);

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: expected {expected}, got {(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}

public sealed class SqliteCaseWriteAccessTests(FamilyHelpSqliteFactory factory) : CaseWriteAccessTests<FamilyHelpSqliteFactory>(factory);

public sealed class PostgreSqlCaseWriteAccessTests(FamilyHelpPostgreSqlFactory factory) : CaseWriteAccessTests<FamilyHelpPostgreSqlFactory>(factory);
