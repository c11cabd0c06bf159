using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FamilyHelp;

/// <summary>
/// A child in need plan's outcomes changed on its page: an outcome added, a refused one shown in the error summary with
/// what was typed kept and nothing saved, one achieved with its evidence, and each change on the plan's history; someone
/// who may not change the case is refused; reading the page is audited.
/// </summary>
public abstract class PlanChangesPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private static readonly string[] PhysicalAbuse = ["PhysicalAbuse"];
    private static readonly string[] InsideTheHome = ["InsideTheHome"];

    private DateOnly Today => EnglandClock.Today(factory.Time!);

    private async Task<(HttpClient Client, Guid Id)> SignedInAsync(Agency agency, params PractitionerRole[] roles)
    {
        var email = await factory.NewAccountAsync(agency, roles);
        var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, email);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(agency.AreaId);
        return (client, await db.Practitioners.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Dictionary<string, string> Outcome(string outcome, string measure, int days) => new()
    {
        ["Outcome"] = outcome, ["Measure"] = measure, ["ByWhen.Day"] = Today.AddDays(days).Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ByWhen.Month"] = Today.AddDays(days).Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ByWhen.Year"] = Today.AddDays(days).Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ProvidedBy"] = "Health visiting", ["Service"] = "Sleep clinic",
    };

    [Fact]
    [Trait("Rule", "CIN-01")]
    [Trait("Rule", "CIN-02")]
    public async Task AnOutcomeIsAddedAndAchievedOnThePage_ARefusalKeepsWhatWasTyped_AndTheHistoryShowsEachChange()
    {
        var area = await factory.NewAreaAsync();
        var (dsl, _) = await SignedInAsync(area.School, PractitionerRole.DesignatedSafeguardingLead);
        var (manager, _) = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var (worker, workerId) = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker);
        var referral = await Json(await dsl.PostAsJsonAsync("/api/v1/referrals", new Dictionary<string, object?>
        {
            ["child"] = new Dictionary<string, object?> { ["givenName"] = "Nell", ["familyName"] = "Pageplan", ["dateOfBirth"] = "2018-06-01", ["sex"] = "F", ["ethnicityCode"] = "WBRI" },
            ["concerns"] = "Nell is often hungry at school and tired in class.",
            ["harmTypes"] = PhysicalAbuse, ["harmContexts"] = InsideTheHome,
            ["familyKnows"] = false, ["whyFamilyNotToldOrAgreed"] = "Telling the family could put Nell at risk.", ["urgency"] = "Urgent",
        }), HttpStatusCode.Created);
        var decided = await Json(await manager.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/decision",
            new { outcome = "StrategyDiscussion", reasons = "Reasonable cause to suspect significant harm.", primaryNeedCode = "N1" }));
        var episodeId = decided.GetProperty("episodeId").GetGuid();
        await Json(await manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = workerId, agreed = true }));
        var plan = await Json(await worker.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/plans", new
        {
            kind = "ChildInNeed",
            outcomes = new[] { new { outcome = "Nell eats breakfast every school day", measure = "School log: 5 of 5 days", byWhen = $"{Today.AddDays(60):yyyy-MM-dd}", providedBy = "School", service = "Breakfast club" } },
            expectationsOfParents = "Mother gets Nell to breakfast club.", visitEveryDays = 10, nextReviewOn = $"{Today.AddDays(28):yyyy-MM-dd}",
        }), HttpStatusCode.Created);
        var planId = plan.GetProperty("id").GetGuid();
        var path = $"/plans/{planId}/changes";

        Assert.Contains(path, await worker.GetStringAsync(new Uri($"/plans/{planId}", UriKind.Relative)), StringComparison.Ordinal);
        var (bystander, _) = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using (var refusedToBystander = await HttpSignIn.PostFormAsync(bystander, path, Outcome("Nell sleeps in her own bed", "Sleep diary", 42), "AddOutcome", $"/plans/{planId}"))
        {
            // Refused: sent to the access-denied page, not back to the plan's changes; the plan is unchanged (checked below).
            Assert.Equal(HttpStatusCode.Found, refusedToBystander.StatusCode);
            Assert.DoesNotContain("/changes", refusedToBystander.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        using var refused = await HttpSignIn.PostFormAsync(worker, path, Outcome("Nell sleeps in her own bed", " ", 42), "AddOutcome");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Say how everyone will know it has been achieved", refusedHtml, StringComparison.Ordinal);
        Assert.Contains(">Nell sleeps in her own bed</textarea>", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Sleep clinic", refusedHtml, StringComparison.Ordinal);
        var unchanged = await Json(await worker.GetAsync(new Uri($"/api/v1/plans/{planId}", UriKind.Relative)));
        Assert.Equal(1, unchanged.GetProperty("outcomes").GetArrayLength());
        Assert.Equal(plan.GetProperty("version").GetGuid(), unchanged.GetProperty("version").GetGuid());

        using var added = await HttpSignIn.PostFormAsync(worker, path, Outcome("Nell sleeps in her own bed", "Sleep diary: 6 nights of 7", 42), "AddOutcome");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        using var noEvidence = await HttpSignIn.PostFormAsync(worker, path, new Dictionary<string, string>
        {
            ["AchievedNumber"] = "2", ["AchievedOn.Day"] = $"{Today.Day}", ["AchievedOn.Month"] = $"{Today.Month}", ["AchievedOn.Year"] = $"{Today.Year}",
        }, "AchieveOutcome");
        Assert.Equal(HttpStatusCode.OK, noEvidence.StatusCode);
        Assert.Contains("Give the evidence that the outcome has been achieved", await noEvidence.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var achieved = await HttpSignIn.PostFormAsync(worker, path, new Dictionary<string, string>
        {
            ["AchievedNumber"] = "2", ["AchievedOn.Day"] = $"{Today.Day}", ["AchievedOn.Month"] = $"{Today.Month}", ["AchievedOn.Year"] = $"{Today.Year}",
            ["Evidence"] = "Sleep diary: 7 of 7 nights.",
        }, "AchieveOutcome");
        Assert.Equal(HttpStatusCode.Redirect, achieved.StatusCode);

        var page = await worker.GetStringAsync(new Uri(path, UriKind.Relative));
        var history = page[page.IndexOf("id=\"history\"", StringComparison.Ordinal)..];
        Assert.Contains("Outcome added 2", history, StringComparison.Ordinal);
        Assert.Contains("Outcome achieved 2: Sleep diary: 7 of 7 nights.", history, StringComparison.Ordinal);
        Assert.True(history.IndexOf("Outcome achieved", StringComparison.Ordinal) < history.IndexOf("Outcome added", StringComparison.Ordinal), "Newest change first.");
        var after = await Json(await worker.GetAsync(new Uri($"/api/v1/plans/{planId}", UriKind.Relative)));
        Assert.Equal(["OutcomeAdded", "OutcomeAchieved"], after.GetProperty("changes").EnumerateArray().Select(x => x.GetProperty("kind").GetString()));

        var reads = await ReadsAsync(area, planId, workerId);
        await worker.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(reads + 1, await ReadsAsync(area, planId, workerId));
    }

    private async Task<int> ReadsAsync(TestArea area, Guid planId, Guid practitionerId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return await db.AuditEntries.CountAsync(a => a.RecordType == "Plan" && a.RecordId == planId && a.PractitionerId == practitionerId && a.Action == AuditAction.Read);
    }
}

public sealed class SqlitePlanChangesPageTests(FamilyHelpSqliteFactory factory) : PlanChangesPageTests<FamilyHelpSqliteFactory>(factory);

public sealed class PostgreSqlPlanChangesPageTests(FamilyHelpPostgreSqlFactory factory) : PlanChangesPageTests<FamilyHelpPostgreSqlFactory>(factory);
