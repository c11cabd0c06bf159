using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Rules;
using Safeguard.Web.Tests.FamilyHelp;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.ChildProtection;

/// <summary>
/// Strategy discussions and section 47 enquiries through the API on each database: the minimum attendance rule, the
/// enquiry's lead, the initial conference clock (ICPC-01) started by the discussion and stopped when not substantiated,
/// and the steps on the child's chronology.
/// </summary>
public abstract class ChildProtectionApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private sealed record Team(TestArea Area, HttpClient Manager, HttpClient Worker, Guid WorkerId, HttpClient Dsl, Guid EpisodeId, Guid ChildId, string WorkerEmail);

    private static readonly string[] PhysicalAbuse = ["PhysicalAbuse"];
    private static readonly string[] InsideTheHome = ["InsideTheHome"];
    private static readonly string[] ToldOfTheEnquiry = ["S47-09", "S47-10"];
    private static readonly string[] ReviewAttendees = ["Sam Worker", "Dee Teacher"];

    private DateOnly Today => EnglandClock.Today(factory.Time!);

    private async Task<Team> TeamWithEpisodeAsync()
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

        var referral = await (await dsl.PostAsJsonAsync("/api/v1/referrals", new Dictionary<string, object?>
        {
            ["child"] = new Dictionary<string, object?> { ["givenName"] = "Sofia", ["familyName"] = "Testcase", ["dateOfBirth"] = "2019-02-11", ["sex"] = "F", ["ethnicityCode"] = "WBRI" },
            ["concerns"] = "Sofia has a hand-shaped bruise on her upper arm and says her stepdad grabbed her.",
            ["harmTypes"] = PhysicalAbuse, ["harmContexts"] = InsideTheHome,
            ["familyKnows"] = false, ["whyFamilyNotToldOrAgreed"] = "Telling the stepfather could put Sofia at risk.", ["urgency"] = "Urgent",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var decided = await (await manager.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/decision",
            new { outcome = "StrategyDiscussion", reasons = "Reasonable cause to suspect significant harm.", primaryNeedCode = "N1" })).Content.ReadFromJsonAsync<JsonElement>();
        var episodeId = decided.GetProperty("episodeId").GetGuid();
        using var allocated = await manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = workerId, agreed = true });
        Assert.Equal(HttpStatusCode.OK, allocated.StatusCode);
        return new Team(area, manager, worker, workerId, dsl, episodeId, decided.GetProperty("childId").GetGuid(), workerEmail);
    }

    private object Discussion(bool withHealth = true, string? whyShort = null, bool section47 = true) => new
    {
        heldOn = $"{Today:yyyy-MM-dd}",
        attendees = new[]
        {
            new { name = "Sam Worker", agency = "Children's social care", role = "LocalAuthoritySocialWorker" },
            new { name = "DS Jo Example", agency = "Police", role = "Police" },
            withHealth ? new { name = "Nurse Lee Example", agency = "Health", role = "Health" } : new { name = "Dee Teacher", agency = "School", role = "EducationOrChildcare" },
        },
        informationShared = "Bruise seen by the school; two police call-outs to the address this year.",
        policeDecision = "Started",
        section47,
        section47Reasons = section47 ? "Reasonable cause to suspect Sofia is suffering significant harm." : "The bruise is explained; Sofia's needs are met through the assessment.",
        actions = new[] { new { what = "Child protection medical", who = "Community paediatrician", byWhen = $"{Today.AddDays(1):yyyy-MM-dd}" } },
        legalActionNeeded = false,
        whyAttendanceShort = whyShort,
    };

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<List<(string RuleId, string Status, DateOnly? DueOn)>> ClocksAsync(TestArea area, Guid subjectId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return [.. (await db.ClockRecords.Where(c => c.SubjectId == subjectId).ToListAsync()).Select(c => (c.RuleId, c.Status.ToString(), c.DueOn))];
    }

    [Fact]
    [Trait("Rule", "ICPC-01")]
    [Trait("Rule", "S47-08")]
    public async Task DiscussionStartsTheEnquiry_TheConferenceClockRuns_AndNotSubstantiatedStopsIt()
    {
        var team = await TeamWithEpisodeAsync();
        var discussion = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/strategy-discussions", Discussion()), HttpStatusCode.Created);
        Assert.True(discussion.GetProperty("section47Initiated").GetBoolean());

        using (var notASocialWorker = await team.Worker.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussion.GetProperty("id").GetGuid()}/section-47",
            new { leadId = Guid.NewGuid() }))
        {
            Assert.Equal("RC-03", (await Json(notASocialWorker, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        var enquiry = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussion.GetProperty("id").GetGuid()}/section-47",
            new { leadId = team.WorkerId }), HttpStatusCode.Created);
        var enquiryId = enquiry.GetProperty("id").GetGuid();
        var discussionId = discussion.GetProperty("id").GetGuid();
        var due = StatutoryRules.InitialConference.Due(Today, WorkingDayCalendar.England);
        Assert.Contains((await ClocksAsync(team.Area, discussionId)), c => c.RuleId == "ICPC-01" && c.Status == "Running" && c.DueOn == due);
        Assert.Contains((await ClocksAsync(team.Area, discussionId)), c => c is { RuleId: "S47-01", Status: "Met" });

        var saved = await Json(await team.Worker.PutAsJsonAsync($"/api/v1/section-47/{enquiryId}", new
        {
            childSeenOn = $"{Today:yyyy-MM-dd}", seenAlone = true, childsWishesAndFeelings = "I fell off the climbing frame.", parentsInterviewed = true,
            jointWithPolice = true, specialistAssessments = "CP medical: injury consistent with a fall.", suspectedSexualAbuse = false,
        }), HttpStatusCode.OK);
        using (var noSupport = await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/outcome",
            new { outcome = "NotSubstantiated", reasons = "Medical and accounts consistent with a fall.", reasonsShared = true }))
        {
            Assert.Equal("S47-08", (await Json(noSupport, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/outcome", new
        {
            outcome = "NotSubstantiated", reasons = "Medical and accounts consistent with a fall.", reasonsShared = true,
            ongoingSupport = "Family Help offered for routines; family group conference offered.", version = saved.GetProperty("version").GetGuid(),
        }), HttpStatusCode.OK);

        Assert.Contains((await ClocksAsync(team.Area, discussionId)), c => c.RuleId == "ICPC-01" && c.Status == "Stopped");

        // The school still has serious concerns and asks for a conference (S47-11); a manager refuses, and the refusal is escalated.
        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/conference-requests",
            new { requestedBy = "Dee Teacher", agency = "Northmoor Primary", concerns = "A third injury this term; the account keeps changing." }), HttpStatusCode.OK);
        using (var byWorker = await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/conference-requests/answer", new { agreed = false, answer = "No." }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byWorker.StatusCode);
        }

        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/conference-requests/answer",
            new { agreed = false, answer = "The medical found no non-accidental injury; Family Help continues." }), HttpStatusCode.OK);
        var escalated = await Json(await team.Worker.PostAsync(new Uri($"/api/v1/section-47/{enquiryId}/conference-requests/escalation", UriKind.Relative), null),
            HttpStatusCode.OK);
        Assert.True(escalated.GetProperty("conferenceRequests")[0].GetProperty("escalated").GetBoolean());
        var chronology = await Json(await team.Manager.GetAsync(new Uri($"/api/v1/children/{team.ChildId}/chronology?kind=Section47", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Contains(chronology.EnumerateArray(), e => e.GetProperty("summary").GetString()!.Contains("not substantiated", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "ICPC-01")]
    [Trait("Rule", "CG-01")]
    [Trait("Rule", "RCPC-01")]
    public async Task Substantiated_InitialConference_Plan_CoreGroup_AllOnTime()
    {
        var team = await TeamWithEpisodeAsync();
        var chairEmail = await factory.NewAccountAsync(team.Area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.ConferenceChair);
        Guid chairId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(team.Area.Area.Id);
            chairId = await db.Practitioners.Where(p => p.Email == chairEmail).Select(p => p.Id).SingleAsync();
        }

        var discussion = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/strategy-discussions", Discussion()), HttpStatusCode.Created);
        var enquiry = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussion.GetProperty("id").GetGuid()}/section-47",
            new { leadId = team.WorkerId }), HttpStatusCode.Created);
        var enquiryId = enquiry.GetProperty("id").GetGuid();
        await Json(await team.Worker.PutAsJsonAsync($"/api/v1/section-47/{enquiryId}", new
        {
            childSeenOn = $"{Today:yyyy-MM-dd}", seenAlone = true, childsWishesAndFeelings = "He grabs me when he's cross.", parentsInterviewed = true,
            jointWithPolice = true, suspectedSexualAbuse = false,
        }), HttpStatusCode.OK);

        object Conference(Guid chair) => new
        {
            heldOn = $"{Today:yyyy-MM-dd}", chairId = chair,
            attendees = new[] { new { name = "Sam Worker", agency = "Children's social care", role = "LocalAuthoritySocialWorker" } },
            childsViews = "Sofia told her advocate she wants to feel safe.", familyParticipation = "Mother attended with her sister.",
            planNeeded = true, reasons = "Sofia is likely to suffer significant harm.", category = "PHY", leadSocialWorkerId = team.WorkerId,
            coreGroup = new[] { new { name = "Dee Teacher", agency = "School" } },
            outlinePlan = new[] { new { what = "Safety plan agreed with mother", who = "Lead social worker", byWhen = $"{Today.AddDays(14):yyyy-MM-dd}" } },
        };

        using (var tooEarly = await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/initial-conference", Conference(chairId)))
        {
            Assert.Equal("ICPC-01", (await Json(tooEarly, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/outcome",
            new { outcome = "Substantiated", reasons = "Injuries and Sofia's account are consistent with physical abuse." }), HttpStatusCode.OK);
        using (var notIndependent = await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/initial-conference", Conference(team.WorkerId)))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, notIndependent.StatusCode);
        }

        var held = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/initial-conference", Conference(chairId)), HttpStatusCode.Created);
        var planId = held.GetProperty("plan").GetProperty("id").GetGuid();
        Assert.Contains(await ClocksAsync(team.Area, discussion.GetProperty("id").GetGuid()), c => c is { RuleId: "ICPC-01", Status: "Met" });
        var planClocks = await ClocksAsync(team.Area, planId);
        Assert.Contains(planClocks, c => c.RuleId == "CG-01" && c.Status == "Running" && c.DueOn == StatutoryRules.FirstCoreGroup.Due(Today, WorkingDayCalendar.England));
        Assert.Contains(planClocks, c => c.RuleId == "RCPC-01" && c.Status == "Running");

        var firstAction = held.GetProperty("plan").GetProperty("actions")[0].GetProperty("id").GetGuid();
        var plan = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/core-groups",
            new { heldOn = $"{Today:yyyy-MM-dd}", decisions = "Detailed plan agreed; school to report attendance weekly.", actionsDone = new[] { firstAction } }),
            HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, plan.GetProperty("actions")[0].GetProperty("doneOn").ValueKind);
        Assert.Contains(await ClocksAsync(team.Area, planId), c => c is { RuleId: "CG-01", Status: "Met" });
        using (var dsl = await team.Dsl.GetAsync(new Uri($"/api/v1/child-protection-plans/{planId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, dsl.StatusCode);
        }

        // Ten weeks later, the first review conference: the plan continues with the decision on care proceedings recorded.
        ((Microsoft.Extensions.Time.Testing.FakeTimeProvider)factory.Time!).Advance(TimeSpan.FromDays(70));
        await HttpSignIn.SignInAsync(team.Worker, team.WorkerEmail);
        object Review(bool continues, string? proceedings, string? childsViews = "Sofia told the chair she feels safer.") => new
        {
            heldOn = $"{Today:yyyy-MM-dd}", chairId, planContinues = continues, category = "PHY", reasons = "Some progress; risk remains.",
            proceedingsDecision = proceedings,
            attendees = new[]
            {
                new { name = "Sam Worker", agency = "Children's social care", role = "LocalAuthoritySocialWorker" },
                new { name = "Dee Teacher", agency = "School", role = "EducationOrChildcare" },
            },
            childsViews, familyParticipation = "Mother attended with an advocate.", agencyReports = "School: attendance now 95%.",
        };
        // A review records what an initial conference records (RCPC-03): without the child's views (or why not), it is refused and nothing changes.
        using (var noViews = await team.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/reviews",
            Review(true, "No proceedings now.", childsViews: null)))
        {
            var problem = await Json(noViews, HttpStatusCode.UnprocessableEntity);
            Assert.Equal("RCPC-03", problem.GetProperty("ruleId").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("ChildsViews", out _));
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(team.Area.Area.Id);
            Assert.Empty((await db.ChildProtectionPlans.SingleAsync(p => p.Id == planId)).Reviews);
            Assert.False(await db.Conferences.AnyAsync(c => c.PlanId == planId));
        }

        using (var noProceedings = await team.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/reviews", Review(true, null)))
        {
            Assert.Equal("RCPC-04", (await Json(noProceedings, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        var reviewed = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/reviews",
            Review(true, "No proceedings now, for Sofia or her brother; legal planning meeting if no progress by the next review.")), HttpStatusCode.OK);
        Assert.Equal(StatutoryRules.NextReviewConference.Due(Today, WorkingDayCalendar.England), DateOnly.Parse(reviewed.GetProperty("nextReviewBy").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture));
        var afterReview = await ClocksAsync(team.Area, planId);
        Assert.Contains(afterReview, c => c is { RuleId: "RCPC-01", Status: "Met" });
        Assert.Contains(afterReview, c => c.RuleId == "RCPC-02" && c.Status == "Running");
        var reviewId = reviewed.GetProperty("reviews")[0].GetProperty("conferenceId").GetGuid();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(team.Area.Area.Id);
            var review = await db.Conferences.SingleAsync(c => c.Id == reviewId);
            Assert.Equal((Domain.ChildProtection.ConferenceKind.Review, planId, "Sofia told the chair she feels safer."), (review.Kind, review.PlanId, review.ChildsViews));
            Assert.Equal(ReviewAttendees, review.Attendees.Select(a => a.Name).ToArray());
            Assert.Equal("School: attendance now 95%.", review.AgencyReports);
        }

        var page = await team.Worker.GetStringAsync(new Uri($"/conferences/{reviewId}", UriKind.Relative));
        Assert.Contains("Review child protection conference", page, StringComparison.Ordinal);
        Assert.Contains("Mother attended with an advocate.", page, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "SD-02")]
    [Trait("Rule", "RC-05")]
    public async Task WithoutHealth_TheSection47DecisionNeedsAReason_AndWaitsForAManager()
    {
        var team = await TeamWithEpisodeAsync();
        using (var refused = await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/strategy-discussions", Discussion(withHealth: false)))
        {
            var problem = await Json(refused, HttpStatusCode.UnprocessableEntity);
            Assert.Equal("RC-05", problem.GetProperty("ruleId").GetString());
        }

        var discussion = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/strategy-discussions",
            Discussion(withHealth: false, whyShort: "Health gave information by phone beforehand; the nurse was in clinic.")), HttpStatusCode.Created);
        var id = discussion.GetProperty("id").GetGuid();
        Assert.False(discussion.GetProperty("section47Initiated").GetBoolean());
        // Waiting for a manager: urgent on every manager's "My work" (RC-05); no enquiry and no conference clock yet.
        Assert.Equal([("RC-05", "Urgent")], (await ClocksAsync(team.Area, id)).Select(c => (c.RuleId, c.Status)));
        Assert.Contains((await team.Manager.GetFromJsonAsync<JsonElement>("/api/v1/me/clocks")).EnumerateArray(),
            c => c.GetProperty("ruleId").GetString() == "RC-05" && c.GetProperty("link").GetString() == $"/strategy-discussions/{id}");
        Assert.DoesNotContain((await team.Worker.GetFromJsonAsync<JsonElement>("/api/v1/me/clocks")).EnumerateArray(),
            c => c.GetProperty("ruleId").GetString() == "RC-05");
        using (var tooSoon = await team.Worker.PostAsJsonAsync($"/api/v1/strategy-discussions/{id}/section-47", new { leadId = team.WorkerId }))
        {
            Assert.Equal("SD-02", (await Json(tooSoon, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        using (var byWorker = await team.Worker.PostAsync(new Uri($"/api/v1/strategy-discussions/{id}/confirmation", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byWorker.StatusCode);
        }

        var confirmed = await Json(await team.Manager.PostAsync(new Uri($"/api/v1/strategy-discussions/{id}/confirmation", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.True(confirmed.GetProperty("section47Initiated").GetBoolean());
        // Confirmed: the enquiry is to start (S47-01, on the managers' list) and the conference's 15 working days run from the discussion,
        // though no enquiry record exists yet (ICPC-01), for the episode's lead practitioner.
        var afterConfirmation = await ClocksAsync(team.Area, id);
        Assert.Contains(afterConfirmation, c => c is { RuleId: "RC-05", Status: "Met" });
        Assert.Contains(afterConfirmation, c => c is { RuleId: "S47-01", Status: "Urgent" });
        Assert.Contains(afterConfirmation, c => c.RuleId == "ICPC-01" && c.Status == "Running" && c.DueOn == StatutoryRules.InitialConference.Due(Today, WorkingDayCalendar.England));
        Assert.Contains((await team.Manager.GetFromJsonAsync<JsonElement>("/api/v1/me/clocks")).EnumerateArray(), c => c.GetProperty("ruleId").GetString() == "S47-01");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(team.Area.Area.Id);
            Assert.Equal(team.WorkerId, await db.ClockRecords.Where(c => c.SubjectId == id && c.RuleId == "ICPC-01").Select(c => c.ResponsiblePractitionerId).SingleAsync());
        }

        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/strategy-discussions/{id}/section-47", new { leadId = team.WorkerId }), HttpStatusCode.Created);
        Assert.Contains(await ClocksAsync(team.Area, id), c => c is { RuleId: "S47-01", Status: "Met" });
        Assert.Contains(await ClocksAsync(team.Area, id), c => c is { RuleId: "ICPC-01", Status: "Running" });
    }

    [Fact]
    [Trait("Rule", "RC-05")]
    public async Task WithoutHealth_ADecisionAgainstSection47_StillNeedsTheReason_AndAManagersConfirmation()
    {
        var team = await TeamWithEpisodeAsync();
        using (var refused = await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/strategy-discussions", Discussion(withHealth: false, section47: false)))
        {
            var problem = await Json(refused, HttpStatusCode.UnprocessableEntity);
            Assert.Equal("RC-05", problem.GetProperty("ruleId").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("WhyAttendanceShort", out _));
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(team.Area.Area.Id);
            Assert.False(await db.StrategyDiscussions.AnyAsync(d => d.EpisodeId == team.EpisodeId));
            Assert.False(await db.Chronology.AnyAsync(c => c.ChildId == team.ChildId && c.Kind == Domain.Chronology.ChronologyKind.StrategyDiscussion));
        }

        var discussion = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/strategy-discussions",
            Discussion(withHealth: false, section47: false, whyShort: "The school nurse was off sick; health sent their records beforehand.")), HttpStatusCode.Created);
        var id = discussion.GetProperty("id").GetGuid();
        Assert.True(discussion.GetProperty("awaitsConfirmation").GetBoolean());
        Assert.Equal("Health", Assert.Single(discussion.GetProperty("missingAttendance").EnumerateArray()).GetString());
        using (var byWorker = await team.Worker.PostAsync(new Uri($"/api/v1/strategy-discussions/{id}/confirmation", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byWorker.StatusCode);
        }

        var confirmed = await Json(await team.Manager.PostAsync(new Uri($"/api/v1/strategy-discussions/{id}/confirmation", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.False(confirmed.GetProperty("awaitsConfirmation").GetBoolean());
        Assert.False(confirmed.GetProperty("section47Initiated").GetBoolean());
        using (var twice = await team.Manager.PostAsync(new Uri($"/api/v1/strategy-discussions/{id}/confirmation", UriKind.Relative), null))
        {
            Assert.Equal("SG-SD-03", (await Json(twice, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }
    }

    [Fact]
    [Trait("Rule", "S47-09")]
    [Trait("Rule", "S47-10")]
    [Trait("Rule", "DISC-04")]
    public async Task WhoWasTold_IsRecordedWhenItHappens_WithWhenAndHow_AndNeverBeforeThereIsSomethingToTell()
    {
        var team = await TeamWithEpisodeAsync();
        var discussion = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/strategy-discussions", Discussion()), HttpStatusCode.Created);
        var enquiry = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussion.GetProperty("id").GetGuid()}/section-47",
            new { leadId = team.WorkerId }), HttpStatusCode.Created);
        var enquiryId = enquiry.GetProperty("id").GetGuid();
        object ToReferrer() => new
        {
            topic = "Section47OutcomeToReferrer", who = "The referrer (Millbrook Primary School's DSL)", toldOn = $"{Today:yyyy-MM-dd}", method = "Phone",
            what = "Concerns not substantiated; Family Help offered.",
        };

        // The referrer cannot be told an outcome the enquiry does not have yet: refused with the rule, and nothing saved.
        using (var tooSoon = await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/told", ToReferrer()))
        {
            Assert.Equal("S47-10", (await Json(tooSoon, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        using (var tomorrow = await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/told", new
        {
            topic = "PoliceReasonsNoCriminalInvestigation", who = "Dee Teacher", agency = "School", toldOn = $"{Today.AddDays(1):yyyy-MM-dd}", method = "Email",
            what = "No offence disclosed; the police stay in touch through the enquiry.",
        }))
        {
            var problem = await Json(tomorrow, HttpStatusCode.UnprocessableEntity);
            Assert.Equal("S47-09", problem.GetProperty("ruleId").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("ToldOn", out _));
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(team.Area.Area.Id);
            Assert.False(await db.Tellings.AnyAsync(t => t.SourceId == enquiryId));
        }

        var police = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/told", new
        {
            topic = "PoliceReasonsNoCriminalInvestigation", who = "Dee Teacher", agency = "School", toldOn = $"{Today:yyyy-MM-dd}", method = "Email",
            what = "No offence disclosed; the police stay in touch through the enquiry.", toldBy = "DS Jo Example",
        }), HttpStatusCode.Created);
        Assert.Equal("DS Jo Example", Assert.Single(police.EnumerateArray()).GetProperty("toldBy").GetString());

        await Json(await team.Worker.PutAsJsonAsync($"/api/v1/section-47/{enquiryId}", new
        {
            childSeenOn = $"{Today:yyyy-MM-dd}", seenAlone = true, childsWishesAndFeelings = "I fell off the climbing frame.", parentsInterviewed = true,
            jointWithPolice = false, suspectedSexualAbuse = false,
        }), HttpStatusCode.OK);
        enquiry = await Json(await team.Worker.GetAsync(new Uri($"/api/v1/section-47/{enquiryId}", UriKind.Relative)), HttpStatusCode.OK);
        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/outcome", new
        {
            outcome = "NotSubstantiated", reasons = "The bruise has an innocent explanation the school confirmed.", reasonsShared = true,
            ongoingSupport = "Family Help", version = enquiry.GetProperty("version").GetGuid(),
        }), HttpStatusCode.OK);
        var both = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/told", ToReferrer()), HttpStatusCode.Created);
        Assert.Equal(ToldOfTheEnquiry, both.EnumerateArray().Select(t => t.GetProperty("ruleId").GetString()!).ToArray());
        using (var dsl = await team.Dsl.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/told", ToReferrer()))
        {
            Assert.Equal(HttpStatusCode.Forbidden, dsl.StatusCode);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(team.Area.Area.Id);
            Assert.Equal(2, await db.Tellings.CountAsync(t => t.SourceId == enquiryId));
            Assert.Equal(2, await db.Chronology.CountAsync(c => c.SourceId == enquiryId && c.Kind == Domain.Chronology.ChronologyKind.InformationShared));
        }

        // An open plan has not ended: no one can be recorded as told that it did.
        var other = await TeamWithEpisodeAsync();
        var (substantiatedId, chairId) = await SubstantiatedAsync(other);
        var planId = (await Json(await other.Worker.PostAsJsonAsync($"/api/v1/section-47/{substantiatedId}/initial-conference", ConferenceWith(other, chairId)),
            HttpStatusCode.Created)).GetProperty("plan").GetProperty("id").GetGuid();
        using var open = await other.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/told",
            new { who = "Dee Teacher", agency = "School", toldOn = $"{Today:yyyy-MM-dd}", method = "Letter", what = "The plan ended." });
        Assert.Equal("DISC-04", (await Json(open, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
    }

    [Fact]
    [Trait("Rule", "IP-05")]
    public async Task EmergencyAction_RaisesAnUrgentStrategyDiscussion_MetWhenOneIsHeld()
    {
        var team = await TeamWithEpisodeAsync();
        var action = await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/emergency-actions", new
        {
            power = "EmergencyProtectionOrderGranted", actingAgency = "Children's social care", action = "Placed with her aunt under the order.",
            childSeenBy = "Sam Worker", otherChildrenConsidered = "Her brother went with her.", legalAdviceTaken = true,
        }), HttpStatusCode.Created);
        var actionId = action.GetProperty("id").GetGuid();
        Assert.Contains(await ClocksAsync(team.Area, actionId), c => c is { RuleId: "IP-05", Status: "Urgent" });

        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/strategy-discussions", Discussion()), HttpStatusCode.Created);

        Assert.Contains(await ClocksAsync(team.Area, actionId), c => c is { RuleId: "IP-05", Status: "Met" });
    }

    [Fact]
    public async Task OutsideChildrensSocialCare_NoOneRecordsADiscussion()
    {
        var team = await TeamWithEpisodeAsync();

        using var response = await team.Dsl.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/strategy-discussions", Discussion());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<Guid> PractitionerIdAsync(TestArea area, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return await db.Practitioners.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
    }

    /// <summary>A substantiated enquiry on the team's episode, and a conference chair independent of the case.</summary>
    private async Task<(Guid EnquiryId, Guid ChairId)> SubstantiatedAsync(Team team)
    {
        var chairId = await PractitionerIdAsync(team.Area, await factory.NewAccountAsync(team.Area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.ConferenceChair));
        var discussion = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/strategy-discussions", Discussion()), HttpStatusCode.Created);
        var enquiryId = (await Json(await team.Worker.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussion.GetProperty("id").GetGuid()}/section-47",
            new { leadId = team.WorkerId }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await team.Worker.PutAsJsonAsync($"/api/v1/section-47/{enquiryId}", new
        {
            childSeenOn = $"{Today:yyyy-MM-dd}", seenAlone = true, childsWishesAndFeelings = "He grabs me when he's cross.", parentsInterviewed = true,
            jointWithPolice = true, suspectedSexualAbuse = false,
        }), HttpStatusCode.OK);
        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/outcome",
            new { outcome = "Substantiated", reasons = "Injuries and Sofia's account are consistent with physical abuse." }), HttpStatusCode.OK);
        return (enquiryId, chairId);
    }

    private object ConferenceWith(Team team, Guid chairId, params object[] coreGroup) => new
    {
        heldOn = $"{Today:yyyy-MM-dd}", chairId,
        attendees = new[] { new { name = "Sam Worker", agency = "Children's social care", role = "LocalAuthoritySocialWorker" } },
        childsViews = "Sofia told her advocate she wants to feel safe.", familyParticipation = "Mother attended with her sister.",
        planNeeded = true, reasons = "Sofia is likely to suffer significant harm.", category = "PHY", leadSocialWorkerId = team.WorkerId,
        coreGroup = coreGroup.Length == 0 ? [new { name = "Dee Teacher", agency = "School" }] : coreGroup,
        outlinePlan = new[] { new { what = "Safety plan agreed with mother", who = "Lead social worker", byWhen = $"{Today.AddDays(14):yyyy-MM-dd}" } },
    };

    [Fact]
    [Trait("Rule", "ICPC-02")]
    [Trait("Rule", "ICPC-04")]
    [Trait("Rule", "ICPC-06")]
    [Trait("Rule", "DISC-04")]
    public async Task AnInvitee_SeesOnlyTheirConference_SendsTheirReport_SeesTheDecision_AndIsToldWhenThePlanEnds()
    {
        var team = await TeamWithEpisodeAsync();
        var (enquiryId, chairId) = await SubstantiatedAsync(team);
        var officerEmail = await factory.NewAccountAsync(team.Area.Police, PractitionerRole.Practitioner);
        var officerId = await PractitionerIdAsync(team.Area, officerEmail);
        var officer = factory.NewClient();
        await HttpSignIn.SignInAsync(officer, officerEmail);
        var uninvited = factory.NewClient();
        await HttpSignIn.SignInAsync(uninvited, await factory.NewAccountAsync(team.Area.Police, PractitionerRole.Practitioner));

        using (var noDate = await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/conference-meetings",
            new { kind = "Initial", section47EnquiryId = enquiryId, invitations = new[] { new { practitionerId = officerId } } }))
        {
            Assert.True((await Json(noDate, HttpStatusCode.UnprocessableEntity)).GetProperty("errors").TryGetProperty("ScheduledFor", out _));
        }

        var meeting = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/conference-meetings", new
        {
            kind = "Initial", section47EnquiryId = enquiryId, scheduledFor = $"{Today.AddDays(5):yyyy-MM-dd}",
            invitations = new object[] { new { practitionerId = officerId }, new { name = "Ash Advocate", agency = "The family's advocate" } },
        }), HttpStatusCode.Created);
        var meetingId = meeting.GetProperty("id").GetGuid();
        Assert.Equal(3, meeting.GetProperty("outstanding").GetArrayLength());

        // The invitee sees this conference's papers, and nothing else of Sofia's record.
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(new Uri($"/api/v1/conference-meetings/{meetingId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(new Uri($"/api/v1/children/{team.ChildId}/chronology", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(new Uri($"/api/v1/section-47/{enquiryId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await uninvited.GetAsync(new Uri($"/api/v1/conference-meetings/{meetingId}", UriKind.Relative))).StatusCode);
        using (var undecided = await officer.PostAsJsonAsync($"/api/v1/conference-meetings/{meetingId}/reports", new { report = "Two call-outs this year." }))
        {
            Assert.True((await Json(undecided, HttpStatusCode.UnprocessableEntity)).GetProperty("errors").TryGetProperty("ShareWithFamily", out _));
        }

        var reported = await Json(await officer.PostAsJsonAsync($"/api/v1/conference-meetings/{meetingId}/reports", new
        {
            report = "Two domestic call-outs this year; the stepfather was arrested in March and released without charge.",
            shareWithFamily = false, whyNotShare = "The investigation is live: the interview has not happened.",
        }), HttpStatusCode.OK);
        Assert.True(reported.GetProperty("invitations")[0].GetProperty("reportReceived").GetBoolean());
        var mine = await Json(await officer.GetAsync(new Uri("/api/v1/me/conference-invitations", UriKind.Relative)), HttpStatusCode.OK);
        Assert.True(Assert.Single(mine.EnumerateArray()).GetProperty("reportSent").GetBoolean());
        await Json(await team.Worker.PutAsJsonAsync($"/api/v1/conference-meetings/{meetingId}/preparation", new
        {
            familyToldOn = $"{Today:yyyy-MM-dd}", advocacyOffered = true, leadReport = "Analysis: the risk of physical harm is high. Recommendation: a plan.",
            leadReportSharedOn = $"{Today:yyyy-MM-dd}",
        }), HttpStatusCode.OK);

        // The conference names the officer in the core group with their account: they see the record while the plan lasts.
        var held = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/initial-conference",
            ConferenceWith(team, chairId, new { practitionerId = officerId })), HttpStatusCode.Created);
        var planId = held.GetProperty("plan").GetProperty("id").GetGuid();
        var decided = await Json(await officer.GetAsync(new Uri($"/api/v1/conference-meetings/{meetingId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.StartsWith("Child protection plan, category Physical abuse", decided.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(new Uri($"/api/v1/child-protection-plans/{planId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(new Uri($"/api/v1/children/{team.ChildId}/chronology", UriKind.Relative))).StatusCode);

        // "No longer at risk" is a review conference's decision (DISC-01): the plan's end step refuses it, and the plan carries on.
        using (var notAtAReview = await team.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/end",
            new { reason = "NoLongerAtRiskOfSignificantHarm", notes = "Stepfather has left; Family Help continues." }))
        {
            Assert.Equal("DISC-01", (await Json(notAtAReview, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        Assert.Equal(JsonValueKind.Null, (await Json(await team.Worker.GetAsync(new Uri($"/api/v1/child-protection-plans/{planId}", UriKind.Relative)),
            HttpStatusCode.OK)).GetProperty("endedOn").ValueKind);
        ((Microsoft.Extensions.Time.Testing.FakeTimeProvider)factory.Time!).Advance(TimeSpan.FromDays(1));
        await HttpSignIn.SignInAsync(team.Worker, team.WorkerEmail);
        await HttpSignIn.SignInAsync(officer, officerEmail);
        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/reviews", new
        {
            heldOn = $"{Today:yyyy-MM-dd}", chairId, planContinues = false, category = "PHY", reasons = "Stepfather has left; Family Help continues.",
            attendees = new[]
            {
                new { name = "Sam Worker", agency = "Children's social care", role = "LocalAuthoritySocialWorker" },
                new { name = "DC Officer", agency = team.Area.Police.Name, role = "Police" },
            },
            childsViews = "Sofia told the chair she feels safe at home now.", familyParticipation = "Mother attended.",
            agencyReports = "Police: no further incidents since the stepfather left.",
        }), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(new Uri($"/api/v1/child-protection-plans/{planId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(new Uri($"/api/v1/conference-meetings/{meetingId}", UriKind.Relative))).StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(team.Area.Area.Id);
        // Ending the plan tells no one by itself (DISC-04): each agency is recorded as told when it happens, with when and how.
        Assert.False(await db.Tellings.AnyAsync(t => t.SourceId == planId));
        Assert.False(await db.InformationSharing.AnyAsync(r => r.SourceType == "ChildProtectionPlan" && r.SourceId == planId));
        using (var noMethod = await team.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/told",
            new { who = "DC Officer", agency = team.Area.Police.Name, toldOn = $"{Today:yyyy-MM-dd}", what = "The plan ended: Family Help continues." }))
        {
            var problem = await Json(noMethod, HttpStatusCode.UnprocessableEntity);
            Assert.Equal("DISC-04", problem.GetProperty("ruleId").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("Method", out _));
        }

        var told = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/told", new
        {
            who = "DC Officer", agency = team.Area.Police.Name, toldOn = $"{Today:yyyy-MM-dd}", method = "SecureEmail",
            what = "The plan ended: the stepfather has left; Family Help continues.",
        }), HttpStatusCode.Created);
        var one = Assert.Single(told.EnumerateArray());
        Assert.Equal("DISC-04", one.GetProperty("ruleId").GetString());
        Assert.True(one.GetProperty("inWriting").GetBoolean());
        Assert.Equal(team.Area.Police.Name, one.GetProperty("agency").GetString());
        Assert.Equal(1, await db.Tellings.CountAsync(t => t.SourceId == planId && t.Topic == Domain.InformationSharing.TellingTopic.PlanEnded));
        Assert.Contains(await db.Chronology.Where(c => c.SourceId == planId).Select(c => c.Summary).ToListAsync(),
            s => s.Contains("DC Officer", StringComparison.Ordinal) && s.Contains("secure email", StringComparison.Ordinal));
        using (var officerTells = await officer.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/told",
            new { who = "Myself", toldOn = $"{Today:yyyy-MM-dd}", method = "Phone", what = "Told." }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, officerTells.StatusCode);
        }
        Assert.Contains(await db.AuditEntries.Where(a => a.RecordId == meetingId && a.PractitionerId == officerId).Select(a => a.Basis).ToListAsync(),
            b => b != null && b.StartsWith("Invited to the child protection conference", StringComparison.Ordinal));

        // Sofia's mother asks for what is held: the conference, its papers and the plan are in the export; the police report she may not see is withheld.
        using var dpo = factory.NewClient();
        await HttpSignIn.SignInAsync(dpo, await factory.NewAccountAsync(team.Area.SocialCare, PractitionerRole.DataProtectionOfficer));
        var request = await Json(await dpo.PostAsJsonAsync("/api/v1/data-protection/requests", new
        {
            childId = team.ChildId, kind = "SubjectAccess", requesterName = "Mother Testcase", relationship = "Parent", receivedOn = $"{Today:yyyy-MM-dd}",
            details = "Everything held about Sofia.",
        }), HttpStatusCode.Created);
        using (var checkedId = await dpo.PostAsJsonAsync($"/api/v1/data-protection/requests/{request.GetProperty("id").GetGuid()}/identity-check", new { how = "Passport seen at the front desk." }))
        {
            Assert.Equal(HttpStatusCode.OK, checkedId.StatusCode);
        }

        var export = await dpo.GetStringAsync(new Uri($"/api/v1/data-protection/requests/{request.GetProperty("id").GetGuid()}/export", UriKind.Relative));
        Assert.Contains("Initial child protection conference", export, StringComparison.Ordinal);
        Assert.Contains("Recommendation: a plan.", export, StringComparison.Ordinal);
        Assert.Contains("Stepfather has left; Family Help continues.", export, StringComparison.Ordinal);
        Assert.Contains("asked not be shared with the parents", export, StringComparison.Ordinal);
        Assert.DoesNotContain("arrested in March", export, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "DISC-02")]
    public async Task APlanEndsForAMove_OnlyAfterTheReceivingAuthoritysConference_WhoseClockRunsFifteenWorkingDays()
    {
        var team = await TeamWithEpisodeAsync();
        var (enquiryId, chairId) = await SubstantiatedAsync(team);
        var planId = (await Json(await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/initial-conference", ConferenceWith(team, chairId)),
            HttpStatusCode.Created)).GetProperty("plan").GetProperty("id").GetGuid();
        var ending = new { reason = "MovedPermanentlyToAnotherArea", notes = "Moved to Eastbrook." };

        using (var early = await team.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/end", ending))
        {
            Assert.Equal("DISC-02", (await Json(early, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        var moving = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/move",
            new { receivingAuthority = "Eastbrook Council", notifiedOn = $"{Today:yyyy-MM-dd}" }), HttpStatusCode.OK);
        Assert.Equal($"{StatutoryRules.TransferInConference.Due(Today, WorkingDayCalendar.England):yyyy-MM-dd}", moving.GetProperty("transferInConferenceBy").GetString());
        Assert.Contains(await ClocksAsync(team.Area, planId), c => c is { RuleId: "DISC-02", Status: "Running" });
        using (var stillEarly = await team.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/end", ending))
        {
            Assert.Equal("DISC-02", (await Json(stillEarly, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/move/transfer-in-conference",
            new { heldOn = $"{Today:yyyy-MM-dd}", outcome = "Eastbrook made its own plan (physical abuse)." }), HttpStatusCode.OK);
        var ended = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/end", ending), HttpStatusCode.OK);

        Assert.Equal("MovedPermanentlyToAnotherArea", ended.GetProperty("endReason").GetString());
        Assert.Contains(await ClocksAsync(team.Area, planId), c => c is { RuleId: "DISC-02", Status: "Met" });
    }

    [Fact]
    [Trait("Rule", "DISC-02")]
    public async Task AChildWhoMovedHereOnAnotherAreasPlan_HasATransferInConferenceWithinFifteenWorkingDays()
    {
        var team = await TeamWithEpisodeAsync();
        var chairId = await PractitionerIdAsync(team.Area, await factory.NewAccountAsync(team.Area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.ConferenceChair));
        using (var tooSoon = await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/transfer-in-conference", ConferenceWith(team, chairId)))
        {
            Assert.Equal("DISC-02", (await Json(tooSoon, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/milestones", new
        {
            kind = "MovedInOnPlan", on = $"{Today:yyyy-MM-dd}", note = "Eastbrook told us Sofia moved here on its plan (physical abuse).", reference = "Eastbrook Council",
        }), HttpStatusCode.OK);
        Assert.Contains(await ClocksAsync(team.Area, team.EpisodeId), c => c.RuleId == "DISC-02" && c.Status == "Running"
            && c.DueOn == StatutoryRules.TransferInConference.Due(Today, WorkingDayCalendar.England));
        var meeting = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/conference-meetings", new
        {
            kind = "TransferIn", scheduledFor = $"{Today.AddDays(7):yyyy-MM-dd}", invitations = new[] { new { name = "Dee Teacher", agency = "School" } },
        }), HttpStatusCode.Created);

        var held = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/transfer-in-conference", ConferenceWith(team, chairId)),
            HttpStatusCode.Created);

        Assert.NotEqual(JsonValueKind.Null, held.GetProperty("plan").ValueKind);
        Assert.Contains(await ClocksAsync(team.Area, team.EpisodeId), c => c is { RuleId: "DISC-02", Status: "Met" });
        var after = await Json(await team.Worker.GetAsync(new Uri($"/api/v1/conference-meetings/{meeting.GetProperty("id").GetGuid()}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("heldOn").ValueKind);
        using (var twice = await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{team.EpisodeId}/transfer-in-conference", ConferenceWith(team, chairId)))
        {
            Assert.Equal("SG-CP-06", (await Json(twice, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }
    }

    [Fact]
    [Trait("Rule", "DISC-02")]
    [Trait("Rule", "SG-EXCH-01")]
    [Trait("Rule", "SG-EXCH-02")]
    [Trait("Rule", "SG-EXCH-03")]
    public async Task AChildOnAPlanMovesToAnotherArea_ThePackageIsAnExchange_TheReceiverRecordsTheChildAndHoldsItsConference_ThenThePlanEnds()
    {
        var sender = await TeamWithEpisodeAsync();
        var receiver = await TeamWithEpisodeAsync();
        var (enquiryId, chairId) = await SubstantiatedAsync(sender);
        var planId = (await Json(await sender.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/initial-conference", ConferenceWith(sender, chairId)),
            HttpStatusCode.Created)).GetProperty("plan").GetProperty("id").GetGuid();

        // Sending to an area that is not in Safeguard, or to one's own area, is refused and changes nothing.
        using (var nowhere = await sender.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/move",
            new { receivingAreaId = Guid.NewGuid(), notifiedOn = $"{Today:yyyy-MM-dd}" }))
        {
            Assert.Equal("SG-EXCH-01", (await Json(nowhere, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        using (var self = await sender.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/move",
            new { receivingAreaId = sender.Area.Area.Id, notifiedOn = $"{Today:yyyy-MM-dd}" }))
        {
            Assert.Equal("SG-EXCH-01", (await Json(self, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        Assert.Empty((await Json(await sender.Worker.GetAsync(new Uri("/api/v1/exchanges", UriKind.Relative)), HttpStatusCode.OK)).GetProperty("sent").EnumerateArray());

        // The sending area records the move to the receiving area in Safeguard: the transfer package goes as an exchange.
        var moving = await Json(await sender.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/move",
            new { receivingAreaId = receiver.Area.Area.Id, notifiedOn = $"{Today:yyyy-MM-dd}" }), HttpStatusCode.OK);
        Assert.Equal(receiver.Area.Area.Name, moving.GetProperty("movingTo").GetString());
        var sent = Assert.Single((await Json(await sender.Worker.GetAsync(new Uri("/api/v1/exchanges", UriKind.Relative)), HttpStatusCode.OK))
            .GetProperty("sent").EnumerateArray());
        var exchangeId = sent.GetProperty("id").GetGuid();
        Assert.Equal(sender.ChildId, sent.GetProperty("childId").GetGuid());
        Assert.Equal("SafeguardingChildAtRisk", sent.GetProperty("lawfulBasis").GetString());
        Assert.Contains("Schedule 8 paragraph 4", sent.GetProperty("lawfulBasisInWords").GetString(), StringComparison.Ordinal);
        Assert.Contains("The child protection plan", sent.GetProperty("shared").EnumerateArray().Select(x => x.GetString()));
        Assert.Contains("PHY", sent.GetProperty("package").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("acknowledgedAt").ValueKind);

        // Nobody else reads it: a third area's children's social care finds nothing, and a school in either area is refused.
        var third = await TeamWithEpisodeAsync();
        using (var other = await third.Worker.GetAsync(new Uri($"/api/v1/exchanges/{exchangeId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        Assert.Empty((await Json(await third.Worker.GetAsync(new Uri("/api/v1/exchanges", UriKind.Relative)), HttpStatusCode.OK)).GetProperty("received").EnumerateArray());
        using (var otherAck = await third.Worker.PostAsJsonAsync($"/api/v1/exchanges/{exchangeId}/acknowledgement", new { }))
        {
            Assert.Equal(HttpStatusCode.NotFound, otherAck.StatusCode);
        }

        using (var school = await receiver.Dsl.GetAsync(new Uri($"/api/v1/exchanges/{exchangeId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, school.StatusCode);
        }

        // The receiving area sees it received, with no child of its own yet: nothing was copied into it.
        var received = Assert.Single((await Json(await receiver.Worker.GetAsync(new Uri("/api/v1/exchanges", UriKind.Relative)), HttpStatusCode.OK))
            .GetProperty("received").EnumerateArray());
        Assert.Equal(exchangeId, received.GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, received.GetProperty("childId").ValueKind);
        Assert.Equal($"{StatutoryRules.TransferInConference.Due(Today, WorkingDayCalendar.England):yyyy-MM-dd}",
            received.GetProperty("transferInConferenceBy").GetString());
        Assert.Equal(1, await InAreaAsync(receiver.Area, db => db.Children.CountAsync()));

        // Only the receiver acknowledges, and records the child only after acknowledging; the page shows the error summary and changes nothing.
        using (var bySender = await sender.Worker.PostAsJsonAsync($"/api/v1/exchanges/{exchangeId}/acknowledgement", new { }))
        {
            Assert.Equal("SG-EXCH-02", (await Json(bySender, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        using (var tooSoon = await receiver.Worker.PostAsJsonAsync($"/api/v1/exchanges/{exchangeId}/child", new { }))
        {
            Assert.Equal("SG-EXCH-02", (await Json(tooSoon, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        using (var page = await HttpSignIn.PostFormAsync(receiver.Worker, $"/exchanges/{exchangeId}", [], "Child"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("govuk-error-summary", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(1, await InAreaAsync(receiver.Area, db => db.Children.CountAsync()));
        using (var acknowledged = await HttpSignIn.PostFormAsync(receiver.Worker, $"/exchanges/{exchangeId}", [], "Acknowledge"))
        {
            Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        }

        var recorded = await Json(await receiver.Worker.PostAsJsonAsync($"/api/v1/exchanges/{exchangeId}/child", new { }), HttpStatusCode.OK);
        var newChildId = recorded.GetProperty("childId").GetGuid();
        Assert.NotEqual(sender.ChildId, newChildId);
        var recordedChild = await Json(await receiver.Worker.GetAsync(new Uri($"/api/v1/children/{newChildId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("Sofia", recordedChild.GetProperty("givenName").GetString());
        Assert.Equal("Testcase", recordedChild.GetProperty("familyName").GetString());
        using (var twice = await receiver.Worker.PostAsJsonAsync($"/api/v1/exchanges/{exchangeId}/child", new { }))
        {
            Assert.Equal("SG-EXCH-03", (await Json(twice, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        // The sender sees who acknowledged it and when; its own child is untouched and the receiver's record is not its to read.
        var seenBySender = await Json(await sender.Worker.GetAsync(new Uri($"/api/v1/exchanges/{exchangeId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, seenBySender.GetProperty("acknowledgedAt").ValueKind);
        Assert.False(string.IsNullOrEmpty(seenBySender.GetProperty("acknowledgedBy").GetString()));
        Assert.Equal(sender.ChildId, seenBySender.GetProperty("childId").GetGuid());
        using (var notTheirs = await sender.Worker.GetAsync(new Uri($"/api/v1/children/{newChildId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        }

        // The receiving front door opens an episode for its child, the move here is recorded from the exchange, and its transfer-in conference is held.
        using (var noEpisode = await receiver.Worker.PostAsJsonAsync($"/api/v1/exchanges/{exchangeId}/moved-in", new { }))
        {
            Assert.Equal("DISC-02", (await Json(noEpisode, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        var referral = await Json(await receiver.Manager.PostAsJsonAsync("/api/v1/referrals", new Dictionary<string, object?>
        {
            ["childId"] = newChildId, ["concerns"] = "Sofia moved here on a child protection plan (physical abuse); transfer package received.",
            ["harmTypes"] = PhysicalAbuse, ["harmContexts"] = InsideTheHome, ["familyKnows"] = true, ["familyAgrees"] = true, ["urgency"] = "Urgent",
        }), HttpStatusCode.Created);
        var decided = await Json(await receiver.Manager.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/decision",
            new { outcome = "Section17Assessment", reasons = "On another area's plan: transfer-in conference.", primaryNeedCode = "N1" }), HttpStatusCode.OK);
        var receivingEpisode = decided.GetProperty("episodeId").GetGuid();
        using (var allocated = await receiver.Manager.PostAsJsonAsync($"/api/v1/episodes/{receivingEpisode}/allocation", new { leadPractitionerId = receiver.WorkerId, agreed = true }))
        {
            Assert.Equal(HttpStatusCode.OK, allocated.StatusCode);
        }

        var movedIn = await Json(await receiver.Worker.PostAsJsonAsync($"/api/v1/exchanges/{exchangeId}/moved-in", new { }), HttpStatusCode.OK);
        Assert.Equal(receivingEpisode, movedIn.GetProperty("episodeId").GetGuid());
        Assert.Contains(await ClocksAsync(receiver.Area, receivingEpisode), c => c.RuleId == "DISC-02" && c.Status == "Running"
            && c.DueOn == StatutoryRules.TransferInConference.Due(Today, WorkingDayCalendar.England));
        var receivingChair = await PractitionerIdAsync(receiver.Area,
            await factory.NewAccountAsync(receiver.Area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.ConferenceChair));
        var held = await Json(await receiver.Worker.PostAsJsonAsync($"/api/v1/episodes/{receivingEpisode}/transfer-in-conference",
            ConferenceWith(receiver, receivingChair)), HttpStatusCode.Created);
        Assert.NotEqual(JsonValueKind.Null, held.GetProperty("plan").ValueKind);
        Assert.Contains(await ClocksAsync(receiver.Area, receivingEpisode), c => c is { RuleId: "DISC-02", Status: "Met" });

        // The sending area records the receiving area's conference, and its own plan then ends for the move.
        await Json(await sender.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/move/transfer-in-conference",
            new { heldOn = $"{Today:yyyy-MM-dd}", outcome = "The receiving area made its own plan (physical abuse)." }), HttpStatusCode.OK);
        var ended = await Json(await sender.Worker.PostAsJsonAsync($"/api/v1/child-protection-plans/{planId}/end",
            new { reason = "MovedPermanentlyToAnotherArea", notes = $"Moved to {receiver.Area.Area.Name}." }), HttpStatusCode.OK);
        Assert.Equal("MovedPermanentlyToAnotherArea", ended.GetProperty("endReason").GetString());

        // Each side's reads and steps are audited in its own area.
        Assert.True(await InAreaAsync(sender.Area, db => db.AuditEntries.AnyAsync(a => a.RecordType == "AreaExchange" && a.RecordId == exchangeId && a.Action == Data.Audit.AuditAction.Created)));
        Assert.True(await InAreaAsync(receiver.Area, db => db.AuditEntries.AnyAsync(a => a.RecordType == "AreaExchange" && a.RecordId == exchangeId
            && a.Action == Data.Audit.AuditAction.Changed && a.ChildId == newChildId)));
        Assert.True(await InAreaAsync(receiver.Area, db => db.AuditEntries.AnyAsync(a => a.RecordType == "AreaExchange" && a.RecordId == exchangeId && a.Action == Data.Audit.AuditAction.Read)));
    }

    private async Task<T> InAreaAsync<T>(TestArea area, Func<SafeguardDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return await read(db);
    }
}

public sealed class SqliteChildProtectionApiTests(FamilyHelpSqliteFactory factory) : ChildProtectionApiTests<FamilyHelpSqliteFactory>(factory);

public sealed class PostgreSqlChildProtectionApiTests(FamilyHelpPostgreSqlFactory factory) : ChildProtectionApiTests<FamilyHelpPostgreSqlFactory>(factory);
