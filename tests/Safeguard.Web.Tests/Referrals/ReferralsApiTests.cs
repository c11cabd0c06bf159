using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Referrals;

public abstract class ReferralsApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private static Dictionary<string, object?> AReferral(string nhsNumber = "9434765919") => new()
    {
        ["child"] = new Dictionary<string, object?>
        {
            ["givenName"] = "Ellie", ["familyName"] = "Testcase", ["dateOfBirth"] = "2017-09-14", ["sex"] = "F",
            ["ethnicityCode"] = "MWBC", ["nhsNumber"] = nhsNumber,
        },
        ["concerns"] = "Ellie came to school with bruising on her arms and said her mum's boyfriend grabbed her.",
        ["harmTypes"] = new[] { "PhysicalAbuse", "DomesticAbuse" },
        ["harmContexts"] = new[] { "InsideTheHome" },
        ["childsViews"] = "Ellie said she is scared to go home when he is there.",
        ["familyKnows"] = false,
        ["whyFamilyNotToldOrAgreed"] = "Telling the family could put Ellie at greater risk tonight.",
        ["urgency"] = "Urgent",
    };

    private async Task<(TestArea Area, HttpClient Dsl, HttpClient Manager)> FrontDoorAsync()
    {
        var area = await factory.NewAreaAsync();
        var dsl = factory.NewClient();
        await HttpSignIn.SignInAsync(dsl, await factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead));
        var manager = factory.NewClient();
        await HttpSignIn.SignInAsync(manager, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor));
        return (area, dsl, manager);
    }

    private async Task<int> ReferralCountAsync(Guid areaId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(areaId);
        return await db.Referrals.CountAsync();
    }

    [Fact]
    [Trait("Rule", "REF-04")]
    public async Task MakeReferral_FromSchoolDsl_IsReceivedAcknowledgedAndCodedAsSchools()
    {
        var (_, dsl, _) = await FrontDoorAsync();

        using var response = await dsl.PostAsJsonAsync("/api/v1/referrals", AReferral());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var referral = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("R-", referral.GetProperty("reference").GetString(), StringComparison.Ordinal);
        Assert.Equal("2A", referral.GetProperty("sourceCode").GetString());
        Assert.Equal("Ellie Testcase", referral.GetProperty("childName").GetString());
        Assert.NotEqual(JsonValueKind.Null, referral.GetProperty("acknowledgedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, referral.GetProperty("outcome").ValueKind);
    }

    [Fact]
    public async Task MakeReferral_RetriedWithSameIdempotencyKey_CreatesOneReferral()
    {
        var (area, dsl, _) = await FrontDoorAsync();
        var key = Guid.NewGuid().ToString();

        HttpResponseMessage Send()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = JsonContent.Create(AReferral()) };
            request.Headers.Add("Idempotency-Key", key);
            return dsl.SendAsync(request).GetAwaiter().GetResult();
        }

        using var first = Send();
        using var second = Send();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await ReferralCountAsync(area.Area.Id));
    }

    [Theory]
    [InlineData("concerns", null, HttpStatusCode.BadRequest)]
    [InlineData("concerns", "", HttpStatusCode.BadRequest)]
    [InlineData("familyKnows", null, HttpStatusCode.BadRequest)]
    [InlineData("whyFamilyNotToldOrAgreed", null, HttpStatusCode.UnprocessableEntity)]
    [InlineData("harmTypes", "[]", HttpStatusCode.UnprocessableEntity)]
    [InlineData("child.nhsNumber", "1234567890", HttpStatusCode.UnprocessableEntity)]
    [InlineData("child.dateOfBirth", "2099-01-01", HttpStatusCode.UnprocessableEntity)]
    [InlineData("child.dateOfBirth", "2001-01-01", HttpStatusCode.UnprocessableEntity)]
    [InlineData("concerns", "TOO-LONG", HttpStatusCode.BadRequest)]
    public async Task MakeReferral_WithBadInput_IsAProblemAndSavesNothing(string field, string? value, HttpStatusCode expected)
    {
        var (area, dsl, _) = await FrontDoorAsync();
        var body = AReferral();
        object? parsed = value switch
        {
            "[]" => Array.Empty<string>(),
            "TOO-LONG" => new string('x', 10_001),
            _ => value,
        };
        if (field.StartsWith("child.", StringComparison.Ordinal))
        {
            ((Dictionary<string, object?>)body["child"]!)[field[6..]] = parsed;
        }
        else
        {
            body[field] = parsed;
        }

        using var response = await dsl.PostAsJsonAsync("/api/v1/referrals", body);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await ReferralCountAsync(area.Area.Id));
    }

    [Theory]
    [InlineData("urgency", "99")]
    [InlineData("urgency", "1")]
    [InlineData("urgency", "\"1\"")]
    [InlineData("urgency", "\"Whenever\"")]
    [InlineData("urgency", "\"Urgent, Immediate\"")]
    [InlineData("harmTypes", "[999]")]
    [InlineData("harmTypes", "[\"PhysicalAbuse\", 2]")]
    [InlineData("harmTypes", "[\"NotAHarm\"]")]
    [InlineData("harmContexts", "[64]")]
    [InlineData("harmContexts", "[\"InsideTheHome, Nowhere\"]")]
    [InlineData("harmContexts", "[\"3\"]")]
    public async Task MakeReferral_WithAChoiceThatIsNotOneOfItsNames_IsA400NamingTheFieldAndSavesNothing(string field, string json)
    {
        var (area, dsl, _) = await FrontDoorAsync();
        var body = AReferral();
        body[field] = JsonDocument.Parse(json).RootElement;

        using var response = await dsl.PostAsJsonAsync("/api/v1/referrals", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var named = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains(named, n => n == field || n.StartsWith(field + "[", StringComparison.Ordinal));
        Assert.Equal(0, await ReferralCountAsync(area.Area.Id));
    }

    [Fact]
    public async Task MakeReferral_WithSeveralHarmContextsInOneFlagsValue_IsRead()
    {
        var (area, dsl, _) = await FrontDoorAsync();
        var body = AReferral();
        body["harmContexts"] = new[] { "InsideTheHome, Online" };

        using var response = await dsl.PostAsJsonAsync("/api/v1/referrals", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await ReferralCountAsync(area.Area.Id));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"42\"")]
    [InlineData("\"1\"")]
    [InlineData("\"CloseTheCase\"")]
    public async Task RecordDecision_WithAnOutcomeThatIsNotOneOfItsNames_IsA400NamingTheFieldAndChangesNothing(string outcome)
    {
        var (_, dsl, manager) = await FrontDoorAsync();
        using var made = await dsl.PostAsJsonAsync("/api/v1/referrals", AReferral());
        var before = await manager.GetFromJsonAsync<JsonElement>(made.Headers.Location);

        using var decided = await manager.PostAsJsonAsync($"{made.Headers.Location}/decision", new Dictionary<string, object?>
        {
            ["outcome"] = JsonDocument.Parse(outcome).RootElement,
            ["reasons"] = "No evidence of harm at this time.",
        });

        Assert.Equal(HttpStatusCode.BadRequest, decided.StatusCode);
        var problem = await decided.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("outcome", out _), problem.ToString());
        var after = await manager.GetFromJsonAsync<JsonElement>(made.Headers.Location);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("outcome").ValueKind);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("decidedAt").ValueKind);
        Assert.Equal(before.GetProperty("episodeId").ToString(), after.GetProperty("episodeId").ToString());
    }

    [Fact]
    public async Task ReferralView_SendsItsChoicesAsNames()
    {
        var (_, dsl, _) = await FrontDoorAsync();
        using var made = await dsl.PostAsJsonAsync("/api/v1/referrals", AReferral());

        var view = await dsl.GetFromJsonAsync<JsonElement>(made.Headers.Location);

        Assert.Equal("Urgent", view.GetProperty("urgency").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesChoicesAsTheirNames()
    {
        using var client = factory.NewClient();

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("\"Urgent\"", document, StringComparison.Ordinal);
        Assert.Contains("\"NoFurtherAction\"", document, StringComparison.Ordinal);
        Assert.Contains("\"PhysicalAbuse\"", document, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "RC-01")]
    public async Task RecordDecision_BySocialWorkerWhoIsNotAManager_IsForbidden()
    {
        var (area, dsl, _) = await FrontDoorAsync();
        using var made = await dsl.PostAsJsonAsync("/api/v1/referrals", AReferral());
        using var worker = factory.NewClient();
        await HttpSignIn.SignInAsync(worker, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));

        using var response = await worker.PostAsJsonAsync($"{made.Headers.Location}/decision",
            new { outcome = "Section17Assessment", reasons = "Assess", primaryNeedCode = "N1" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    [Trait("Rule", "REF-06")]
    public async Task RecordDecision_ByManager_IsFedBackToTheReferrerWithReasons()
    {
        var (_, dsl, manager) = await FrontDoorAsync();
        using var made = await dsl.PostAsJsonAsync("/api/v1/referrals", AReferral());
        var queue = await manager.GetFromJsonAsync<JsonElement>("/api/v1/referrals/queue");
        Assert.Contains(queue.EnumerateArray(), r => r.GetProperty("id").GetGuid().ToString() == made.Headers.Location!.OriginalString.Split('/')[^1]);

        using var decided = await manager.PostAsJsonAsync($"{made.Headers.Location}/decision", new
        {
            outcome = "Section17Assessment",
            reasons = "Ellie's account and the bruising need an assessment of her safety at home; a social worker will see her today.",
            primaryNeedCode = "N1",
        });

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var mine = await dsl.GetFromJsonAsync<JsonElement>("/api/v1/referrals/mine");
        var row = Assert.Single(mine.EnumerateArray());
        Assert.Equal("Section17Assessment", row.GetProperty("outcome").GetString());
        var feedback = await dsl.GetFromJsonAsync<JsonElement>(made.Headers.Location);
        Assert.Contains("a social worker will see her today", feedback.GetProperty("decisionReasons").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReferral_BySomeoneWhoNeitherMadeItNorWorksInSocialCare_IsForbidden()
    {
        var (area, dsl, _) = await FrontDoorAsync();
        using var made = await dsl.PostAsJsonAsync("/api/v1/referrals", AReferral());
        using var otherTeacher = factory.NewClient();
        await HttpSignIn.SignInAsync(otherTeacher, await factory.NewAccountAsync(area.School));

        using var response = await otherTeacher.GetAsync(made.Headers.Location);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task MakeReferral_SecondForSameNhsNumber_IsOfferedToTheFrontDoor_AndJoinsTheChildAsAReReferralOnceConfirmed()
    {
        var (_, dsl, manager) = await FrontDoorAsync();
        using var first = await dsl.PostAsJsonAsync("/api/v1/referrals", AReferral("4010232137"));
        using var second = await dsl.PostAsJsonAsync("/api/v1/referrals", AReferral("4010232137"));

        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await second.Content.ReadFromJsonAsync<JsonElement>();
        // A partner's referral never joins a record by itself: the front door is offered the match and confirms it.
        Assert.NotEqual(a.GetProperty("childId").GetGuid(), b.GetProperty("childId").GetGuid());
        Assert.False(a.GetProperty("isReReferral").GetBoolean());
        var page = await manager.GetStringAsync(new Uri($"/referrals/{b.GetProperty("id").GetGuid()}", UriKind.Relative));
        Assert.Contains("Is this child already known?", page, StringComparison.Ordinal);
        using var same = await HttpSignIn.PostFormAsync(manager, $"/referrals/{b.GetProperty("id").GetGuid()}",
            new Dictionary<string, string> { ["existingChildId"] = a.GetProperty("childId").GetGuid().ToString() }, handler: "SameChild");
        Assert.Equal(HttpStatusCode.Redirect, same.StatusCode);

        var joined = await manager.GetFromJsonAsync<JsonElement>(second.Headers.Location);
        Assert.Equal(a.GetProperty("childId").GetGuid(), joined.GetProperty("childId").GetGuid());
        Assert.True(joined.GetProperty("isReReferral").GetBoolean());
    }

    [Fact]
    [Trait("Rule", "REF-07")]
    public async Task Escalate_AfterDecision_IsAnsweredByAManager()
    {
        var (_, dsl, manager) = await FrontDoorAsync();
        using var made = await dsl.PostAsJsonAsync("/api/v1/referrals", AReferral());
        using var decided = await manager.PostAsJsonAsync($"{made.Headers.Location}/decision",
            new { outcome = "NoFurtherAction", reasons = "No evidence of harm at this time." });

        using var escalated = await dsl.PostAsJsonAsync($"{made.Headers.Location}/escalations", new { text = "Ellie disclosed again this afternoon." });
        using var answered = await manager.PostAsJsonAsync($"{made.Headers.Location}/escalations/response",
            new { text = "Reconsidered with the new disclosure: a strategy discussion is being convened." });

        Assert.Equal(HttpStatusCode.OK, escalated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var view = await dsl.GetFromJsonAsync<JsonElement>(made.Headers.Location);
        Assert.Contains("strategy discussion", view.GetProperty("escalations")[0].GetProperty("response").GetString(), StringComparison.Ordinal);
    }
}

public sealed class SqliteReferralsApiTests(SqliteFactory factory) : ReferralsApiTests<SqliteFactory>(factory);

public sealed class PostgreSqlReferralsApiTests(PostgreSqlFactory factory) : ReferralsApiTests<PostgreSqlFactory>(factory);
