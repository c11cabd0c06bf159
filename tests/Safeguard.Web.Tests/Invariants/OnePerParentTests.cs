using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Domain.Access;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Children;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.LookedAfter;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Invariants;

/// <summary>
/// Every step a parent record allows once, sent several times at the same moment through the real service: exactly one
/// record is made; every other request is told the rule — 409 when the database's unique index refused it, 422 when the
/// step's own check saw the winner first — and none fails with a 500. The barrier holds every save until all the requests
/// have passed the step's check, so the database is what decides.
/// </summary>
public abstract class OnePerParentTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory, IRaceFactory
{
    private const int AtOnce = 3;

    private const int Rounds = 2;

    private static readonly string[] PhysicalAbuse = ["PhysicalAbuse"];
    private static readonly string[] InsideTheHome = ["InsideTheHome"];
    private static readonly string[] NeglectOnly = ["Neglect"];
    private static readonly string?[] ConferenceRules = ["SG-CP-06", "SG-CP-08", null];

    private sealed record Team(TestArea Area, HttpClient Manager, HttpClient Worker, Guid WorkerId, Guid ChairId, Guid EpisodeId, Guid ChildId);

    private DateOnly Today => EnglandClock.Today(factory.Time!);

    private string Day(int offset = 0) => $"{Today.AddDays(offset):yyyy-MM-dd}";

    private async Task<Guid> PractitionerIdAsync(TestArea area, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return await db.Practitioners.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, email);
        return client;
    }

    /// <summary>A child referred by a school, a strategy discussion decided, a social worker allocated as lead practitioner.</summary>
    private async Task<Team> TeamAsync(TestArea? existing = null)
    {
        var area = existing ?? await factory.NewAreaAsync();
        using var dsl = await SignedInAsync(await factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead));
        var manager = await SignedInAsync(await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor));
        var workerEmail = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        var worker = await SignedInAsync(workerEmail);
        var workerId = await PractitionerIdAsync(area, workerEmail);
        var chairId = await PractitionerIdAsync(area, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.ConferenceChair));
        var referral = await Json(await dsl.PostAsJsonAsync("/api/v1/referrals", new Dictionary<string, object?>
        {
            ["child"] = new Dictionary<string, object?> { ["givenName"] = "Mina", ["familyName"] = "Racetest", ["dateOfBirth"] = "2018-04-02", ["sex"] = "F", ["ethnicityCode"] = "WBRI" },
            ["concerns"] = "Mina has a burn on her forearm and says her mother's partner held her arm to the cooker.",
            ["harmTypes"] = PhysicalAbuse, ["harmContexts"] = InsideTheHome,
            ["familyKnows"] = false, ["whyFamilyNotToldOrAgreed"] = "Telling the partner could put Mina at risk.", ["urgency"] = "Urgent",
        }), HttpStatusCode.Created);
        var decided = await Json(await manager.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/decision",
            new { outcome = "StrategyDiscussion", reasons = "Reasonable cause to suspect significant harm.", primaryNeedCode = "N1" }), HttpStatusCode.OK);
        var episodeId = decided.GetProperty("episodeId").GetGuid();
        await Json(await manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = workerId, agreed = true }), HttpStatusCode.OK);
        return new Team(area, manager, worker, workerId, chairId, episodeId, decided.GetProperty("childId").GetGuid());
    }

    private object Discussion() => new
    {
        heldOn = Day(),
        attendees = new[]
        {
            new { name = "Sam Worker", agency = "Children's social care", role = "LocalAuthoritySocialWorker" },
            new { name = "DS Jo Example", agency = "Police", role = "Police" },
            new { name = "Nurse Lee Example", agency = "Health", role = "Health" },
        },
        informationShared = "Burn seen by the school nurse; one police call-out to the address this year.",
        policeDecision = "Started", section47 = true, section47Reasons = "Reasonable cause to suspect Mina is suffering significant harm.",
        actions = new[] { new { what = "Child protection medical", who = "Community paediatrician", byWhen = Day(1) } }, legalActionNeeded = false,
    };

    private async Task<Guid> DiscussionAsync(Team team) =>
        (await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/strategy-discussions", Discussion()), HttpStatusCode.Created))
        .GetProperty("id").GetGuid();

    private async Task<Guid> SubstantiatedEnquiryAsync(Team team)
    {
        var discussionId = await DiscussionAsync(team);
        var enquiryId = (await Json(await team.Worker.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussionId}/section-47", new { leadId = team.WorkerId }),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await team.Worker.PutAsJsonAsync($"/api/v1/section-47/{enquiryId}", new
        {
            childSeenOn = Day(), seenAlone = true, childsWishesAndFeelings = "I don't want to go home when he's there.", parentsInterviewed = true,
            jointWithPolice = true, suspectedSexualAbuse = false,
        }), HttpStatusCode.OK);
        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/outcome",
            new { outcome = "Substantiated", reasons = "The burn and Mina's account are consistent with physical abuse." }), HttpStatusCode.OK);
        return enquiryId;
    }

    private object Conference(Team team) => new
    {
        heldOn = Day(), chairId = team.ChairId,
        attendees = new[] { new { name = "Sam Worker", agency = "Children's social care", role = "LocalAuthoritySocialWorker" } },
        childsViews = "Mina told her advocate she wants to feel safe at home.", familyParticipation = "Mother attended with her sister.",
        planNeeded = true, reasons = "Mina is likely to suffer significant harm.", category = "PHY", leadSocialWorkerId = team.WorkerId,
        coreGroup = new[] { new { name = "Dee Teacher", agency = "School" } },
        outlinePlan = new[] { new { what = "Safety plan agreed with mother", who = "Lead social worker", byWhen = Day(14) } },
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

    /// <summary>
    /// Sends the same request <see cref="AtOnce"/> times in parallel, with saves that <paramref name="racing"/> held until all
    /// have arrived. Returns each answer's status and rule id.
    /// </summary>
    private async Task<List<(HttpStatusCode Status, string? RuleId, string Body)>> RaceAsync(Func<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry, bool> racing,
        Func<Task<HttpResponseMessage>> send)
    {
        factory.Barrier.Arm(racing, AtOnce);
        try
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => Task.Run(send)));
            var answers = new List<(HttpStatusCode, string?, string)>();
            foreach (var response in responses)
            {
                using (response)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    string? ruleId = null;
                    if (body.StartsWith('{'))
                    {
                        using var json = JsonDocument.Parse(body);
                        ruleId = json.RootElement.TryGetProperty("ruleId", out var id) ? id.GetString() : null;
                    }

                    answers.Add((response.StatusCode, ruleId, body));
                }
            }

            return answers;
        }
        finally
        {
            factory.Barrier.Disarm();
        }
    }

    /// <summary>One answer made the record; every other one names the rule (409 from the database, 422 from the step's check); none is a 500.</summary>
    private static void OneWon(List<(HttpStatusCode Status, string? RuleId, string Body)> answers, HttpStatusCode success, string? ruleId)
    {
        Assert.All(answers, a => Assert.True(a.Status != HttpStatusCode.InternalServerError, a.Body));
        Assert.Single(answers, a => a.Status == success);
        Assert.All(answers.Where(a => a.Status != success), a =>
        {
            Assert.True(a.Status is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, $"{(int)a.Status}: {a.Body}");
            if (ruleId is not null)
            {
                Assert.Equal(ruleId, a.RuleId);
            }
        });
    }

    /// <summary>With every save held until all had passed the step's check, the losers were refused by the database: 409.</summary>
    private static void TheDatabaseRefused(IEnumerable<(HttpStatusCode Status, string? RuleId, string Body)> answers) =>
        Assert.Contains(answers, a => a.Status == HttpStatusCode.Conflict);

    private async Task<T> InAreaAsync<T>(TestArea area, Func<SafeguardDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return await query(db);
    }

    [Fact]
    [Trait("Rule", "SG-S47-05")]
    public async Task OneSection47EnquiryPerStrategyDiscussion()
    {
        var team = await TeamAsync();
        var all = new List<(HttpStatusCode, string?, string)>();
        for (var round = 0; round < Rounds; round++)
        {
            var discussionId = await DiscussionAsync(team);
            var answers = await RaceAsync(e => e.Entity is Section47Enquiry,
                () => team.Worker.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussionId}/section-47", new { leadId = team.WorkerId }));
            OneWon(answers, HttpStatusCode.Created, "SG-S47-05");
            all.AddRange(answers);
            Assert.Equal(1, await InAreaAsync(team.Area, db => db.Section47Enquiries.CountAsync(q => q.StrategyDiscussionId == discussionId)));
        }

        TheDatabaseRefused(all);
    }

    [Fact]
    [Trait("Rule", "SG-S47-05")]
    public async Task OnThePage_StartsAtOnce_OneEnquiry_TheOthersSeeTheRuleInTheErrorSummary()
    {
        var team = await TeamAsync();
        var discussionId = await DiscussionAsync(team);
        var path = $"/strategy-discussions/{discussionId}";
        var token = await HttpSignIn.AntiforgeryTokenAsync(team.Worker, path);
        var answers = await RaceAsync(e => e.Entity is Section47Enquiry, () =>
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["LeadId"] = $"{team.WorkerId}", ["__RequestVerificationToken"] = token });
            return team.Worker.PostAsync(new Uri($"{path}?handler=Start", UriKind.Relative), form);
        });

        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Redirect), a =>
        {
            Assert.Equal(HttpStatusCode.OK, a.Status);
            Assert.Contains("govuk-error-summary", a.Body, StringComparison.Ordinal);
            Assert.Contains("The section 47 enquiry from this discussion has already started.", a.Body, StringComparison.Ordinal);
        });
        Assert.Equal(1, await InAreaAsync(team.Area, db => db.Section47Enquiries.CountAsync(q => q.StrategyDiscussionId == discussionId)));
    }

    [Fact]
    [Trait("Rule", "SG-CP-06")]
    [Trait("Rule", "SG-CM-07")]
    public async Task OneInitialConferenceArrangedAndHeldPerEnquiry_AndOneOpenPlanPerChild()
    {
        var all = new List<(HttpStatusCode, string?, string)>();
        var arranged = new List<(HttpStatusCode, string?, string)>();
        for (var round = 0; round < Rounds; round++)
        {
            var team = await TeamAsync();
            var enquiryId = await SubstantiatedEnquiryAsync(team);

            var convened = await RaceAsync(e => e.Entity is ConferenceMeeting, () => team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/conference-meetings",
                new { kind = "Initial", section47EnquiryId = enquiryId, scheduledFor = Day(7), invitations = new[] { new { name = "Dee Teacher", agency = "School" } } }));
            OneWon(convened, HttpStatusCode.Created, "SG-CM-07");
            arranged.AddRange(convened);
            Assert.Equal(1, await InAreaAsync(team.Area, db => db.ConferenceMeetings.CountAsync(m => m.Section47EnquiryId == enquiryId)));

            var held = await RaceAsync(e => e.Entity is ChildProtectionConference,
                () => team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/initial-conference", Conference(team)));
            Assert.All(held, a => Assert.True(a.Status != HttpStatusCode.InternalServerError, a.Body));
            Assert.Single(held, a => a.Status == HttpStatusCode.Created);
            // The losers' saves break two indexes (the conference and the plan it makes) and change the arranged meeting the winner
            // marked held: the answer names either rule, or says the record changed since it was read (409 without a rule).
            Assert.All(held.Where(a => a.Status != HttpStatusCode.Created), a =>
            {
                Assert.True(a.Status is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, a.Body);
                Assert.Contains(a.RuleId, ConferenceRules);
            });
            all.AddRange(held);
            Assert.Equal(1, await InAreaAsync(team.Area, db => db.Conferences.CountAsync(c => c.Section47EnquiryId == enquiryId)));
            Assert.Equal(1, await InAreaAsync(team.Area, db => db.ChildProtectionPlans.CountAsync(p => p.ChildId == team.ChildId && p.EndedOn == null)));
        }

        TheDatabaseRefused(all);
        TheDatabaseRefused(arranged);
    }

    [Fact]
    [Trait("Rule", "SG-EP-19")]
    public async Task ReferralsAboutOneChildAtOnce_OpenOneEpisode_AndAllJoinIt()
    {
        var area = await factory.NewAreaAsync();
        using var manager = await SignedInAsync(await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor));
        for (var round = 0; round < Rounds; round++)
        {
            var childId = Guid.NewGuid();
            await InAreaAsync(area, async db =>
            {
                db.Children.Add(new Child(childId, area.Area.Id, new ChildDetails("Theo", "Racetest", Today.AddYears(-6), null, Sex.Male, null, "WBRI", [], "English",
                    null, null), Today));
                return await db.SaveChangesAsync();
            });

            var answers = await RaceAsync(e => e.Entity is Episode, () => manager.PostAsJsonAsync("/api/v1/referrals", new Dictionary<string, object?>
            {
                ["childId"] = childId,
                ["concerns"] = "Theo's nursery reports he has come in hungry and in the same clothes all week.",
                ["harmTypes"] = NeglectOnly, ["harmContexts"] = InsideTheHome, ["familyKnows"] = true, ["familyAgrees"] = true, ["urgency"] = "Standard",
            }));

            Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.Created, $"{(int)a.Status}: {a.Body}"));
            var episodes = await InAreaAsync(area, db => db.Episodes.Where(e => e.ChildId == childId && e.ClosedOn == null).Select(e => e.Id).ToListAsync());
            var episode = Assert.Single(episodes);
            var referrals = await InAreaAsync(area, db => db.Referrals.Where(r => r.ChildId == childId).Select(r => r.EpisodeId).ToListAsync());
            Assert.Equal(AtOnce, referrals.Count);
            Assert.All(referrals, r => Assert.Equal(episode, r));
        }
    }

    [Fact]
    [Trait("Rule", "SG-PRE-13")]
    [Trait("Rule", "SG-LAC-29")]
    public async Task OnePreProceedingsUnderWayPerEpisode_AndOneLookedAfterPeriodPerChild()
    {
        var all = new List<(HttpStatusCode, string?, string)>();
        var periods = new List<(HttpStatusCode, string?, string)>();
        for (var round = 0; round < Rounds; round++)
        {
            var team = await TeamAsync();
            var answers = await RaceAsync(e => e.Entity is PreProceedings, () => team.Manager.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/pre-proceedings", new
            {
                decidedOn = Day(), start = true, reasons = "Neglect continues despite support; threshold met in principle.",
                agencyViews = "Health visitor and school support starting pre-proceedings.",
            }));
            OneWon(answers, HttpStatusCode.Created, "SG-PRE-13");
            all.AddRange(answers);
            Assert.Equal(1, await InAreaAsync(team.Area, db => db.PreProceedings.CountAsync(p => p.EpisodeId == team.EpisodeId && p.Started && p.EndedOn == null)));

            var started = await RaceAsync(e => e.Entity is LookedAfterPeriod, () => team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/looked-after", new
            {
                startedOn = Day(), legalStatus = "Section20", reasons = "Mother in hospital; no family able to care for Mina.",
                placement = new { type = "FosterCare", where = "Mr and Mrs Shah, Eastbridge", outOfArea = false },
            }));
            OneWon(started, HttpStatusCode.Created, "SG-LAC-29");
            periods.AddRange(started);
            Assert.Equal(1, await InAreaAsync(team.Area, db => db.LookedAfterPeriods.CountAsync(p => p.ChildId == team.ChildId && p.EndedOn == null)));
        }

        TheDatabaseRefused(all);
        TheDatabaseRefused(periods);
    }

    [Fact]
    [Trait("Rule", "SG-ASM-01")]
    [Trait("Rule", "SG-PLAN-01")]
    public async Task OneAssessmentInProgressPerEpisode_AndOneOpenPlanPerChild()
    {
        var assessments = new List<(HttpStatusCode, string?, string)>();
        var plans = new List<(HttpStatusCode, string?, string)>();
        for (var round = 0; round < Rounds; round++)
        {
            var team = await TeamAsync();
            var started = await RaceAsync(e => e.Entity is Assessment,
                () => team.Worker.PostAsync(new Uri($"/api/v1/episodes/{team.EpisodeId}/assessments", UriKind.Relative), null));
            OneWon(started, HttpStatusCode.Created, "SG-ASM-01");
            assessments.AddRange(started);
            Assert.Equal(1, await InAreaAsync(team.Area, db => db.Assessments.CountAsync(a => a.EpisodeId == team.EpisodeId)));

            var made = await RaceAsync(e => e.Entity is FamilyHelpPlan, () => team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/plans", new
            {
                kind = "ChildInNeed",
                outcomes = new[] { new { outcome = "Mina is seen by her GP about the burn", measure = "GP letter", byWhen = Day(30), providedBy = "GP", service = "Primary care" } },
                expectationsOfParents = "Mother takes Mina to the GP appointment.", visitEveryDays = 10, nextReviewOn = Day(28),
            }));
            OneWon(made, HttpStatusCode.Created, "SG-PLAN-01");
            plans.AddRange(made);
            Assert.Equal(1, await InAreaAsync(team.Area, db => db.Plans.CountAsync(p => p.ChildId == team.ChildId && p.EndedOn == null)));
        }

        TheDatabaseRefused(assessments);
        TheDatabaseRefused(plans);
    }

    [Fact]
    [Trait("Rule", "SG-AC-09")]
    [Trait("Rule", "SG-REF-08")]
    public async Task OneWaitingAccessRequestPerPractitionerAndChild_AndOneDecisionPerReferral()
    {
        var team = await TeamAsync();
        using var nurse = await SignedInAsync(await factory.NewAccountAsync(team.Area.School, PractitionerRole.Practitioner));
        var asked = await RaceAsync(e => e.Entity is AccessRequest, () => nurse.PostAsJsonAsync($"/api/v1/children/{team.ChildId}/access-requests",
            new { reason = "School nurse: I need Mina's plan to arrange her health assessment in school.", days = 14 }));
        OneWon(asked, HttpStatusCode.Created, "SG-AC-09");
        TheDatabaseRefused(asked);
        Assert.Equal(1, await InAreaAsync(team.Area, db => db.AccessRequests.CountAsync(r => r.ChildId == team.ChildId && r.DecidedAt == null)));

        // A second referral about the child, decided by two managers at the same moment: one decision, the other refused.
        using var dsl = await SignedInAsync(await factory.NewAccountAsync(team.Area.School, PractitionerRole.DesignatedSafeguardingLead));
        using var otherManager = await SignedInAsync(await factory.NewAccountAsync(team.Area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor));
        var referralId = (await Json(await team.Manager.PostAsJsonAsync("/api/v1/referrals", new Dictionary<string, object?>
        {
            ["childId"] = team.ChildId, ["concerns"] = "Mina came to school with a new bruise on her cheek.",
            ["harmTypes"] = PhysicalAbuse, ["harmContexts"] = InsideTheHome, ["familyKnows"] = true, ["familyAgrees"] = true, ["urgency"] = "Urgent",
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var managers = new[] { team.Manager, otherManager, team.Manager };
        var next = -1;
        var decided = await RaceAsync(e => e.Entity is Referral r && r.Id == referralId, () => managers[Interlocked.Increment(ref next) % managers.Length]
            .PostAsJsonAsync($"/api/v1/referrals/{referralId}/decision",
                new { outcome = "StrategyDiscussion", reasons = "A further injury while the enquiry is under way.", primaryNeedCode = "N1" }));
        OneWon(decided, HttpStatusCode.OK, null);
        TheDatabaseRefused(decided);
        Assert.All(decided.Where(a => a.Status == HttpStatusCode.UnprocessableEntity), a => Assert.Equal("SG-REF-08", a.RuleId));
        Assert.Equal(1, await InAreaAsync(team.Area, db => db.Chronology.CountAsync(c => c.SourceId == referralId && c.Summary.Contains("A further injury"))));
    }
}

public sealed class SqliteOnePerParentTests(RaceSqliteFactory factory) : OnePerParentTests<RaceSqliteFactory>(factory);

public sealed class PostgreSqlOnePerParentTests(RacePostgreSqlFactory factory) : OnePerParentTests<RacePostgreSqlFactory>(factory);
