using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Clocks;

/// <summary>The stored clocks behind "My work", with the service's clock fixed at Thursday 24 December 2026, 10:00.</summary>
public abstract class ClockTestsBase<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    protected TFactory Factory { get; } = factory;

    protected static readonly object Referral = new
    {
        child = new { givenName = "Noel", familyName = "Clocktest", dateOfBirth = "2019-02-02", sex = "M", ethnicityCode = "WBRI" },
        concerns = "Noel was left alone overnight.",
        harmTypes = new[] { "Neglect" },
        familyKnows = true,
        familyAgrees = true,
        urgency = "Standard",
    };

    protected async Task<(HttpClient Dsl, HttpClient Manager, HttpClient Worker)> PeopleAsync()
    {
        var area = await Factory.NewAreaAsync();
        var dsl = Factory.NewClient();
        await HttpSignIn.SignInAsync(dsl, await Factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead));
        var manager = Factory.NewClient();
        await HttpSignIn.SignInAsync(manager, await Factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor));
        var worker = Factory.NewClient();
        await HttpSignIn.SignInAsync(worker, await Factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));
        return (dsl, manager, worker);
    }

    protected static async Task<List<JsonElement>> ClocksAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/me/clocks")).EnumerateArray()];
}

public abstract class StatutoryClockTests<TFactory>(TFactory factory) : ClockTestsBase<TFactory>(factory)
    where TFactory : SafeguardFactory
{
    [Fact]
    [Trait("Rule", "REF-04")]
    public async Task Referral_OnChristmasEve_IsDueOnTheManagersListFor29December()
    {
        var (dsl, manager, _) = await PeopleAsync();

        using var made = await dsl.PostAsJsonAsync("/api/v1/referrals", Referral);

        var clock = Assert.Single(await ClocksAsync(manager), c => c.GetProperty("ruleId").GetString() == "REF-04");
        Assert.Equal("2026-12-29", clock.GetProperty("dueOn").GetString());
        Assert.Equal("Decide what happens next on a referral", clock.GetProperty("what").GetString());
        Assert.Equal("¶167", clock.GetProperty("paragraph").GetString());
        Assert.DoesNotContain(await ClocksAsync(dsl), c => c.GetProperty("ruleId").GetString() == "REF-04");
    }

    [Fact]
    [Trait("Rule", "REF-04")]
    [Trait("Rule", "ASM-03")]
    public async Task Decision_ClosesTheDecisionClockAndOpensAssessmentAndSeeingTheChild()
    {
        var (dsl, manager, worker) = await PeopleAsync();
        using var made = await dsl.PostAsJsonAsync("/api/v1/referrals", Referral);
        var id = made.Headers.Location!.OriginalString.Split('/')[^1];

        using var decided = await manager.PostAsJsonAsync($"/api/v1/referrals/{id}/decision",
            new { outcome = "Section17Assessment", reasons = "Assess Noel's care at home.", primaryNeedCode = "N1" });

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.DoesNotContain(await ClocksAsync(manager), c => c.GetProperty("subjectId").GetString() == id && c.GetProperty("ruleId").GetString() == "REF-04");
        var seeTheChild = Assert.Single(await ClocksAsync(worker), c => c.GetProperty("subjectId").GetString() == id && c.GetProperty("ruleId").GetString() == "REF-05");
        Assert.True(seeTheChild.GetProperty("urgent").GetBoolean());
        // The 45-working-day assessment clock is stored, but far from due: it is not on this week's list.
        Assert.DoesNotContain(await ClocksAsync(worker), c => c.GetProperty("ruleId").GetString() == "ASM-03");
    }
}

public abstract class TeamClockTests<TFactory>(TFactory factory) : ClockTestsBase<TFactory>(factory)
    where TFactory : SafeguardFactory
{
    [Fact]
    public async Task TeamView_ShowsTheManagerEveryonesDeadlinesAndIsClosedToOthers()
    {
        var (dsl, manager, worker) = await PeopleAsync();
        using var made = await dsl.PostAsJsonAsync("/api/v1/referrals", Referral);
        var id = made.Headers.Location!.OriginalString.Split('/')[^1];
        using var decided = await manager.PostAsJsonAsync($"/api/v1/referrals/{id}/decision",
            new { outcome = "Section17Assessment", reasons = "Assess Noel's care at home.", primaryNeedCode = "N1" });

        var team = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/clocks")).EnumerateArray().ToList();
        using var forbidden = await worker.GetAsync(new Uri("/api/v1/team/clocks", UriKind.Relative));
        var page = await manager.GetStringAsync(new Uri("/team", UriKind.Relative));

        var seeTheChild = Assert.Single(team, c => c.GetProperty("subjectId").GetString() == id && c.GetProperty("ruleId").GetString() == "REF-05");
        Assert.Equal("Social worker", seeTheChild.GetProperty("responsible").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("See the child as soon as possible", page, StringComparison.Ordinal);
    }
}

/// <summary>Moves its service's clock forward, so it has a factory of its own: other tests keep 24 December.</summary>
public abstract class LateDecisionTests<TFactory>(TFactory factory) : ClockTestsBase<TFactory>(factory)
    where TFactory : SafeguardFactory
{
    [Fact]
    [Trait("Rule", "REF-04")]
    public async Task LateDecision_IsOverdueOnMyWorkAndNeedsAReason()
    {
        var area = await Factory.NewAreaAsync();
        using var dsl = Factory.NewClient();
        await HttpSignIn.SignInAsync(dsl, await Factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead));
        using var made = await dsl.PostAsJsonAsync("/api/v1/referrals", Referral);
        var id = made.Headers.Location!.OriginalString.Split('/')[^1];
        Factory.Time!.Advance(TimeSpan.FromDays(7)); // Thursday 31 December: two working days past the 29th
        // A week on, yesterday's sessions have expired: the manager signs in afresh.
        using var manager = Factory.NewClient();
        await HttpSignIn.SignInAsync(manager, await Factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor));

        var clock = Assert.Single(await ClocksAsync(manager), c => c.GetProperty("subjectId").GetString() == id);
        Assert.True(clock.GetProperty("overdue").GetBoolean());
        Assert.Equal(2, clock.GetProperty("workingDaysOverdue").GetInt32());
        var home = await manager.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("Overdue 2 working days", home, StringComparison.Ordinal);

        using var withoutReason = await manager.PostAsJsonAsync($"/api/v1/referrals/{id}/decision",
            new { outcome = "NoFurtherAction", reasons = "Family support already in place." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutReason.StatusCode);
        Assert.Equal("REF-04", (await withoutReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ruleId").GetString());

        using var withReason = await manager.PostAsJsonAsync($"/api/v1/referrals/{id}/decision",
            new { outcome = "NoFurtherAction", reasons = "Family support already in place.", lateReason = "The referral was misfiled over Christmas." });
        Assert.Equal(HttpStatusCode.OK, withReason.StatusCode);
        Assert.DoesNotContain(await ClocksAsync(manager), c => c.GetProperty("subjectId").GetString() == id);
    }
}

public sealed class ClockSqliteFactory : SqliteFactory
{
    public ClockSqliteFactory() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero));
}

public sealed class ClockPostgreSqlFactory : PostgreSqlFactory
{
    public ClockPostgreSqlFactory() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero));
}

public sealed class SqliteStatutoryClockTests(ClockSqliteFactory factory) : StatutoryClockTests<ClockSqliteFactory>(factory);

public sealed class PostgreSqlStatutoryClockTests(ClockPostgreSqlFactory factory) : StatutoryClockTests<ClockPostgreSqlFactory>(factory);

public sealed class LateClockSqliteFactory : SqliteFactory
{
    public LateClockSqliteFactory() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero));
}

public sealed class LateClockPostgreSqlFactory : PostgreSqlFactory
{
    public LateClockPostgreSqlFactory() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero));
}

public sealed class SqliteLateDecisionTests(LateClockSqliteFactory factory) : LateDecisionTests<LateClockSqliteFactory>(factory);

public sealed class PostgreSqlLateDecisionTests(LateClockPostgreSqlFactory factory) : LateDecisionTests<LateClockPostgreSqlFactory>(factory);

public sealed class SqliteTeamClockTests(ClockSqliteFactory factory) : TeamClockTests<ClockSqliteFactory>(factory);

public sealed class PostgreSqlTeamClockTests(ClockPostgreSqlFactory factory) : TeamClockTests<ClockPostgreSqlFactory>(factory);
