using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Data;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Clocks;

/// <summary>
/// The clocks as stored, through the API, with the service's clock at Thursday 24 December 2026, 10:00 (Christmas Day, the weekend
/// and Boxing Day's substitute Monday ahead): a concluded section 47 enquiry meets the referral's 45 working days, a referral that
/// opens Family Help starts none, an assessment belongs to the referral that asked for it, a phoned concern keeps its time of receipt
/// and its acknowledgement is recorded as sent, and Operation Encompass is due at 08:30 on the next working day after the incident.
/// </summary>
public abstract class ClocksTellTheTruthApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private sealed record Team(TestArea Area, HttpClient Dsl, HttpClient Manager, HttpClient Worker, Guid WorkerId);

    private static readonly string[] Neglect = ["Neglect"];

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
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return new Team(area, dsl, manager, worker, await db.Practitioners.Where(p => p.Email == workerEmail).Select(p => p.Id).SingleAsync());
    }

    private static Dictionary<string, object?> AReferral(string givenName) => new()
    {
        ["child"] = new Dictionary<string, object?>
        {
            ["givenName"] = givenName, ["familyName"] = "Truthful", ["dateOfBirth"] = "2017-09-14", ["sex"] = "F", ["ethnicityCode"] = "WBRI",
        },
        ["concerns"] = "Often arrives hungry.",
        ["harmTypes"] = Neglect,
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

    private static async Task<JsonElement> DecideAsync(Team team, Guid referralId, string outcome) =>
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/referrals/{referralId}/decision", new
        {
            outcome,
            reasons = "Reasons shared with the referrer.",
            primaryNeedCode = outcome is "NoFurtherAction" or "UniversalHelp" ? null : "N1",
            suggestedServices = outcome == "UniversalHelp" ? "The family hub." : null,
        }));

    private async Task<List<(string RuleId, string Status, DateOnly? DueOn)>> ClocksAsync(TestArea area, Guid subjectId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return [.. (await db.ClockRecords.Where(c => c.SubjectId == subjectId).ToListAsync()).Select(c => (c.RuleId, c.Status.ToString(), c.DueOn))];
    }

    private async Task<int> ReferralCountAsync(TestArea area)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return await db.Referrals.CountAsync();
    }

    [Fact]
    [Trait("Rule", "ASM-03")]
    [Trait("Rule", "S47-03")]
    public async Task AConcludedSection47Enquiry_MeetsTheReferralsAssessmentClock()
    {
        var team = await TeamAsync();
        var referral = await Json(await team.Dsl.PostAsJsonAsync("/api/v1/referrals", AReferral("Enquired")), HttpStatusCode.Created);
        var referralId = referral.GetProperty("id").GetGuid();
        var decided = await DecideAsync(team, referralId, "StrategyDiscussion");
        var episodeId = decided.GetProperty("episodeId").GetGuid();
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = team.WorkerId, agreed = true }));
        // 45 working days from Christmas Eve 2026, past Christmas, Boxing Day's substitute and New Year's Day.
        Assert.Contains(await ClocksAsync(team.Area, referralId), c => c is { RuleId: "ASM-03", Status: "Running" } && c.DueOn == new DateOnly(2027, 3, 2));

        var discussion = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/strategy-discussions", new
        {
            heldOn = "2026-12-24",
            attendees = new[]
            {
                new { name = "Sam Worker", agency = "Children's social care", role = "LocalAuthoritySocialWorker" },
                new { name = "DS Jo Example", agency = "Police", role = "Police" },
                new { name = "Nurse Lee Example", agency = "Health", role = "Health" },
            },
            informationShared = "Hungry at school; police call-outs.",
            policeDecision = "Started",
            section47 = true,
            section47Reasons = "Reasonable cause to suspect significant harm.",
            actions = new[] { new { what = "Child protection medical", who = "Community paediatrician", byWhen = "2026-12-29" } },
            legalActionNeeded = false,
        }), HttpStatusCode.Created);
        var enquiry = await Json(await team.Worker.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussion.GetProperty("id").GetGuid()}/section-47",
            new { leadId = team.WorkerId }), HttpStatusCode.Created);
        var enquiryId = enquiry.GetProperty("id").GetGuid();
        var saved = await Json(await team.Worker.PutAsJsonAsync($"/api/v1/section-47/{enquiryId}", new
        {
            childSeenOn = "2026-12-24", seenAlone = true, childsWishesAndFeelings = "I want my tea.", parentsInterviewed = true,
            jointWithPolice = true, specialistAssessments = "None needed.", suspectedSexualAbuse = false,
        }));
        await Json(await team.Worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/outcome", new
        {
            outcome = "NotSubstantiated", reasons = "Accounts consistent; food bank help arranged.", reasonsShared = true,
            ongoingSupport = "Family Help offered.", version = saved.GetProperty("version").GetGuid(),
        }));

        Assert.Contains(await ClocksAsync(team.Area, referralId), c => c is { RuleId: "ASM-03", Status: "Met" });
    }

    [Fact]
    [Trait("Rule", "ASM-03")]
    public async Task AReferralThatOpensFamilyHelp_StartsNoAssessmentClock_AndItsAssessmentHasNoDueDate()
    {
        var team = await TeamAsync();
        var referral = await Json(await team.Dsl.PostAsJsonAsync("/api/v1/referrals", AReferral("Helped")), HttpStatusCode.Created);
        var referralId = referral.GetProperty("id").GetGuid();
        Assert.Contains(await ClocksAsync(team.Area, referralId), c => c.RuleId == "ASM-03");

        var decided = await DecideAsync(team, referralId, "FamilyHelp");

        Assert.DoesNotContain(await ClocksAsync(team.Area, referralId), c => c.RuleId == "ASM-03");
        var episodeId = decided.GetProperty("episodeId").GetGuid();
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = team.WorkerId, agreed = true }));
        Assert.DoesNotContain(await ClocksAsync(team.Area, referralId), c => c.RuleId == "ASM-03");
        var assessment = await Json(await team.Worker.PostAsync(new Uri($"/api/v1/episodes/{episodeId}/assessments", UriKind.Relative), null), HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, assessment.GetProperty("dueOn").ValueKind);
    }

    [Fact]
    [Trait("Rule", "ASM-03")]
    public async Task AnAssessment_BelongsToTheReferralThatAskedForIt_NotALaterOneWithNoFurtherAction()
    {
        var team = await TeamAsync();
        var first = await Json(await team.Dsl.PostAsJsonAsync("/api/v1/referrals", AReferral("Twice")), HttpStatusCode.Created);
        var firstId = first.GetProperty("id").GetGuid();
        var decided = await DecideAsync(team, firstId, "Section17Assessment");
        var episodeId = decided.GetProperty("episodeId").GetGuid();
        var childId = decided.GetProperty("childId").GetGuid();
        // Children's social care record a second concern about the same child: it joins the open episode, and needs no further action.
        var second = await Json(await team.Manager.PostAsJsonAsync("/api/v1/referrals", new Dictionary<string, object?>
        {
            ["childId"] = childId, ["concerns"] = "Late collection once.", ["harmTypes"] = Neglect, ["familyKnows"] = true, ["familyAgrees"] = true,
            ["urgency"] = "Standard",
        }), HttpStatusCode.Created);
        Assert.Equal(episodeId, second.GetProperty("episodeId").GetGuid());
        await DecideAsync(team, second.GetProperty("id").GetGuid(), "NoFurtherAction");
        await Json(await team.Manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = team.WorkerId, agreed = true }));

        var assessment = await Json(await team.Worker.PostAsync(new Uri($"/api/v1/episodes/{episodeId}/assessments", UriKind.Relative), null), HttpStatusCode.Created);

        Assert.Equal(firstId, assessment.GetProperty("referralId").GetGuid());
        Assert.Equal("2027-03-02", assessment.GetProperty("dueOn").GetString());
    }

    [Fact]
    [Trait("Rule", "REF-04")]
    public async Task APhonedConcernKeyedLater_KeepsItsTimeOfReceipt_NeverAFutureOne_AndIsNotAcknowledgedUntilItIs()
    {
        var team = await TeamAsync();
        var phoned = AReferral("Phoned");
        phoned["onBehalfOf"] = new { name = "Pat Neighbour", role = "neighbour", phone = "01000 000000" };
        var before = await ReferralCountAsync(team.Area);

        var future = new Dictionary<string, object?>(phoned) { ["receivedAt"] = "2026-12-24T10:05:00+00:00" };
        using (var refused = await team.Manager.PostAsJsonAsync("/api/v1/referrals", future))
        {
            Assert.Equal("SG-REF-25", (await Json(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        var fromPartner = new Dictionary<string, object?>(AReferral("Partner")) { ["receivedAt"] = "2026-12-23T10:00:00+00:00" };
        using (var refused = await team.Dsl.PostAsJsonAsync("/api/v1/referrals", fromPartner))
        {
            Assert.Equal("SG-REF-25", (await Json(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        Assert.Equal(before, await ReferralCountAsync(team.Area));

        // Phoned in on Wednesday 23 December at 16:40, keyed on Christmas Eve: decided by the end of the 24th, not the 29th.
        phoned["receivedAt"] = "2026-12-23T16:40:00+00:00";
        var made = await Json(await team.Manager.PostAsJsonAsync("/api/v1/referrals", phoned), HttpStatusCode.Created);
        Assert.Equal("2026-12-23", made.GetProperty("receivedOn").GetString());
        Assert.Equal("2026-12-24", made.GetProperty("decisionDueOn").GetString());
        Assert.Equal(JsonValueKind.Null, made.GetProperty("acknowledgedAt").ValueKind);
        Assert.Contains(await ClocksAsync(team.Area, made.GetProperty("id").GetGuid()),
            c => c.RuleId == "REF-04" && c.DueOn == new DateOnly(2026, 12, 24));
    }

    [Fact]
    [Trait("Rule", "REF-04")]
    public async Task TheAcknowledgement_IsItsOwnStep_RecordedWhenSent_ByChildrensSocialCareOnly()
    {
        var team = await TeamAsync();
        var phoned = AReferral("Acknowledged");
        phoned["onBehalfOf"] = new { name = "Pat Neighbour", role = "neighbour" };
        phoned["receivedAt"] = "2026-12-24T09:00:00+00:00";
        var made = await Json(await team.Manager.PostAsJsonAsync("/api/v1/referrals", phoned), HttpStatusCode.Created);
        var id = made.GetProperty("id").GetGuid();
        var uri = $"/api/v1/referrals/{id}/acknowledgement";

        using (var byTheSchool = await team.Dsl.PostAsJsonAsync(uri, new { sentAt = "2026-12-24T09:30:00+00:00", how = "Phone" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byTheSchool.StatusCode);
        }

        foreach (var (sentAt, how) in new[] { ("2026-12-24T10:01:00+00:00", "Phone"), ("2026-12-24T08:59:00+00:00", "Email"), ("2026-12-24T09:30:00+00:00", "Confirmation") })
        {
            using var refused = await team.Manager.PostAsJsonAsync(uri, new { sentAt, how });
            Assert.Equal("SG-REF-26", (await Json(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        var unchanged = await Json(await team.Manager.GetAsync(new Uri($"/api/v1/referrals/{id}", UriKind.Relative)));
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("acknowledgedAt").ValueKind);

        var acknowledged = await Json(await team.Manager.PostAsJsonAsync(uri, new { sentAt = "2026-12-24T09:30:00+00:00", how = "Phone" }));
        Assert.Equal(DateTimeOffset.Parse("2026-12-24T09:30:00+00:00", System.Globalization.CultureInfo.InvariantCulture),
            acknowledged.GetProperty("acknowledgedAt").GetDateTimeOffset());
        Assert.Equal("Phone", acknowledged.GetProperty("acknowledgedHow").GetString());

        using (var again = await team.Manager.PostAsJsonAsync(uri, new { sentAt = "2026-12-24T09:45:00+00:00", how = "Email" }))
        {
            Assert.Equal("SG-REF-26", (await Json(again, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        // A referral the school sent itself was acknowledged by the confirmation it was shown.
        var fromSchool = await Json(await team.Dsl.PostAsJsonAsync("/api/v1/referrals", AReferral("Confirmed")), HttpStatusCode.Created);
        Assert.Equal("Confirmation", fromSchool.GetProperty("acknowledgedHow").GetString());
    }

    [Fact]
    [Trait("Rule", "POL-01")]
    public async Task Encompass_IsDueAt0830OnTheNextWorkingDay_FromTheIncidentsTime_AsThePolicesTimescale()
    {
        var area = await factory.NewAreaAsync();
        using var officer = factory.NewClient();
        await HttpSignIn.SignInAsync(officer, await factory.NewAccountAsync(area.Police));

        object Notification(string incidentAt, string name) => new
        {
            child = new { givenName = name, familyName = "Encompass", dateOfBirth = "2018-06-01", sex = "U", ethnicityCode = "NOBT" },
            settingAgencyId = area.School.Id,
            incidentAt,
            childPresent = true,
            summary = "Police attended a domestic incident at home.",
        };

        // At 09:00 on Christmas Eve the school day has begun: the next one is Tuesday 29 December (Christmas, the weekend, Boxing Day's substitute).
        var inTime = await Json(await officer.PostAsJsonAsync("/api/v1/encompass", Notification("2026-12-24T09:00:00+00:00", "Morning")), HttpStatusCode.Created);
        Assert.Equal("2026-12-29", inTime.GetProperty("dueBy").GetString());
        Assert.Equal(new DateTimeOffset(2026, 12, 29, 8, 30, 0, TimeSpan.Zero), inTime.GetProperty("shareBy").GetDateTimeOffset());
        Assert.False(inTime.GetProperty("sharedLate").GetBoolean());
        Assert.StartsWith("POL-01", inTime.GetProperty("timescale").GetString(), StringComparison.Ordinal);

        // At 03:00 the school day had not begun: it was due by 08:30 that morning, and sent at 10:00 it is late, by the police's own timescale.
        var late = await Json(await officer.PostAsJsonAsync("/api/v1/encompass", Notification("2026-12-24T03:00:00+00:00", "Night")), HttpStatusCode.Created);
        Assert.Equal("2026-12-24", late.GetProperty("dueBy").GetString());
        Assert.True(late.GetProperty("sharedLate").GetBoolean());

        // It is not children's social care's clock: nothing for it is stored as theirs.
        Assert.Empty(await ClocksAsync(area, late.GetProperty("id").GetGuid()));
    }
}

public sealed class TruthSqliteFactory : SqliteFactory
{
    public TruthSqliteFactory() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero));
}

public sealed class TruthPostgreSqlFactory : PostgreSqlFactory
{
    public TruthPostgreSqlFactory() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero));
}

public sealed class SqliteClocksTellTheTruthApiTests(TruthSqliteFactory factory) : ClocksTellTheTruthApiTests<TruthSqliteFactory>(factory);

public sealed class PostgreSqlClocksTellTheTruthApiTests(TruthPostgreSqlFactory factory) : ClocksTellTheTruthApiTests<TruthPostgreSqlFactory>(factory);
