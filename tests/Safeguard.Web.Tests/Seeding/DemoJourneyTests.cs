using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Data;
using Safeguard.Data.Seeding;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Referrals;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Seeding;

/// <summary>
/// The demo area as the first start seeds it, with whole journeys: every kind of record downstream work needs is there, the
/// same seed gives the same records, and the records keep the domain's invariants and have their clocks.
/// </summary>
public abstract class DemoJourneyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory, new()
{
    [Fact]
    public async Task TheDemoArea_HasEveryKindOfRecord_AlongWholeJourneys()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = Demo(scope);

        var outcomes = await db.Referrals.Where(r => r.Outcome != null).Select(r => r.Outcome!.Value).ToListAsync();
        foreach (var outcome in new[] { ReferralOutcome.NoFurtherAction, ReferralOutcome.FamilyHelp, ReferralOutcome.Section17Assessment, ReferralOutcome.StrategyDiscussion })
        {
            Assert.Contains(outcome, outcomes);
        }

        // About a quarter of decided referrals end at the front door (no further action or universal help).
        var nfa = outcomes.Count(o => o is ReferralOutcome.NoFurtherAction or ReferralOutcome.UniversalHelp) / (double)outcomes.Count;
        Assert.InRange(nfa, 0.12, 0.4);

        Assert.True(await db.Episodes.AnyAsync(e => e.LeadPractitionerId != null && e.ClosedOn == null), "an open episode with a lead practitioner");
        Assert.True(await db.Episodes.AnyAsync(e => e.ClosedOn != null && !e.IsReferralNoFurtherAction), "an episode closed after work");
        Assert.True(await db.Assessments.AnyAsync(a => a.Status == AssessmentStatus.Authorised && a.LateReason == null), "an assessment on time");
        Assert.True(await db.Assessments.AnyAsync(a => a.Status == AssessmentStatus.Authorised && a.LateReason != null), "a late assessment with its reason");
        Assert.True(await db.Assessments.AnyAsync(a => a.Status == AssessmentStatus.InProgress), "an assessment under way");
        Assert.True(await db.Visits.AnyAsync(v => v.ChildSeen && v.SeenAlone), "a visit that saw the child alone");
        Assert.True(await db.Plans.AnyAsync(p => p.Kind == PlanKind.ChildInNeed), "a child in need plan");
        Assert.True(await db.Plans.AnyAsync(p => p.Kind == PlanKind.FamilyHelp), "a Family Help plan");
        Assert.True(await db.StrategyDiscussions.AnyAsync(), "a strategy discussion");
        Assert.True(await db.Section47Enquiries.AnyAsync(q => q.Outcome == Section47Outcome.Substantiated), "a substantiated enquiry");
        Assert.True(await db.Section47Enquiries.AnyAsync(q => q.Outcome == Section47Outcome.NotSubstantiated), "an enquiry not substantiated");
        Assert.True(await db.Conferences.AnyAsync(c => c.Kind == ConferenceKind.Initial && c.PlanNeeded), "an initial conference that made a plan");
        var plans = await db.ChildProtectionPlans.ToListAsync();
        Assert.Contains(plans, p => p.CoreGroup.Count > 0 && p.CoreGroupMeetings.Count > 0);
        Assert.Contains(plans, p => p.Reviews.Count > 0);
        Assert.Contains(plans, p => p.IsOpen);
        Assert.Contains(plans, p => p.EndReason == PlanEndReason.NoLongerAtRiskOfSignificantHarm && p.Reviews.Count > 0);
        var lookedAfter = await db.LookedAfterPeriods.ToListAsync();
        Assert.Contains(lookedAfter, p => p.IsOpen && p.HasCarePlan && p.Placements.Count > 0);
        Assert.True(await db.PreProceedings.AnyAsync(p => p.Started), "pre-proceedings");

        // The demo accounts have journeys of their own to click through.
        var worker = await db.Practitioners.SingleAsync(p => p.Email == "social.worker@" + DemoArea.EmailDomain);
        var manager = await db.Practitioners.SingleAsync(p => p.Email == "manager@" + DemoArea.EmailDomain);
        Assert.True(await db.Episodes.CountAsync(e => e.LeadPractitionerId == worker.Id) >= 5);
        Assert.True(await db.ChildProtectionPlans.AnyAsync(p => p.LeadSocialWorkerId == worker.Id && p.EndedOn == null));
        Assert.True(await db.ClockRecords.AnyAsync(c => c.IsOpen && c.ResponsiblePractitionerId == worker.Id));
        Assert.True(await db.Referrals.AnyAsync(r => r.DecidedBy == manager.Id));
        Assert.True(await db.Episodes.AnyAsync(e => e.LeadPractitionerId == manager.Id && e.ClosedOn == null));
        Assert.True(await db.ClockRecords.AnyAsync(c => c.IsOpen && c.ResponsiblePractitionerId == manager.Id));
    }

    [Fact]
    public async Task TheSeededJourneys_KeepTheDomainsInvariants_AndHaveTheirClocks()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = Demo(scope);
        var episodes = await db.Episodes.ToDictionaryAsync(e => e.Id);
        var closed = episodes.Values.Where(e => !e.IsOpen).Select(e => e.Id).ToHashSet();

        // Nothing stays open on a closed episode (SG-EP-10, SG-EP-14, SG-LAC-28, SG-PRE-12), and a closed episode has its reason.
        Assert.DoesNotContain(await db.ChildProtectionPlans.Where(p => p.EndedOn == null).Select(p => p.EpisodeId).ToListAsync(), closed.Contains);
        Assert.DoesNotContain(await db.Plans.Where(p => p.EndedOn == null).Select(p => p.EpisodeId).ToListAsync(), closed.Contains);
        Assert.DoesNotContain(await db.LookedAfterPeriods.Where(p => p.EndedOn == null).Select(p => p.EpisodeId).ToListAsync(), closed.Contains);
        Assert.DoesNotContain(await db.PreProceedings.Where(p => p.Started && p.EndedOn == null).Select(p => p.EpisodeId).ToListAsync(), closed.Contains);
        Assert.DoesNotContain(await db.Assessments.Where(a => a.Status != AssessmentStatus.Authorised).Select(a => a.EpisodeId).ToListAsync(), closed.Contains);
        Assert.All(episodes.Values.Where(e => !e.IsOpen), e => Assert.NotNull(e.ClosureReasonCode));
        Assert.All(episodes.Values.Where(e => e.IsOpen), e => Assert.Null(e.ClosureReasonCode));

        // One open episode per child (the CIN census's rule); one looked after period and one open plan at a time.
        Assert.DoesNotContain(episodes.Values.Where(e => e.IsOpen).GroupBy(e => e.ChildId), g => g.Count() > 1);
        Assert.DoesNotContain((await db.LookedAfterPeriods.Where(p => p.EndedOn == null).Select(p => p.ChildId).ToListAsync()).GroupBy(c => c), g => g.Count() > 1);

        // Every step is dated no later than today, and after the referral that opened its episode.
        var today = Safeguard.Domain.Calendar.EnglandClock.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        Assert.All(episodes.Values, e => Assert.True(e.OpenedOn <= today && (e.ClosedOn ?? today) <= today && (e.ClosedOn ?? e.OpenedOn) >= e.OpenedOn));
        var chronology = await db.Chronology.Select(c => new { c.EpisodeId, c.OccurredOn }).ToListAsync();
        Assert.All(chronology, c => Assert.True(c.OccurredOn <= today && (c.EpisodeId is not { } id || !episodes.TryGetValue(id, out var e) || c.OccurredOn >= e.OpenedOn)));
        var plans = await db.ChildProtectionPlans.ToListAsync();
        Assert.All(plans, p => Assert.True(episodes[p.EpisodeId].ClosedOn is not { } c || p.EndedOn <= c, "a plan ends before its episode closes"));

        // The clocks the interceptor keeps: every decided referral has its decision clock (REF-04), every assessment's referral its
        // 45 working days (ASM-03), every enquiry its initial conference (ICPC-01), every plan its first core group and review.
        var clocks = await db.ClockRecords.Select(c => new { c.SubjectId, c.RuleId, c.IsOpen, c.EpisodeId }).ToListAsync();
        var has = clocks.Select(c => (c.SubjectId, c.RuleId)).ToHashSet();
        Assert.All(await db.Referrals.Where(r => r.DecidedOn != null).Select(r => r.Id).ToListAsync(), id => Assert.Contains((id, "REF-04"), has));
        Assert.All(await db.Assessments.Select(a => a.ReferralId).ToListAsync(), id => Assert.Contains((id, "ASM-03"), has));
        // The conference's clock runs from the discussion that initiated the enquiry (ICPC-01).
        Assert.All(await db.Section47Enquiries.Select(q => q.StrategyDiscussionId).ToListAsync(), id => Assert.Contains((id, "ICPC-01"), has));
        Assert.All(plans, p =>
        {
            Assert.Contains((p.Id, "CG-01"), has);
            Assert.Contains((p.Id, "RCPC-01"), has);
        });

        // A closed episode leaves no clock running.
        Assert.DoesNotContain(clocks, c => c.IsOpen && c.EpisodeId is { } id && closed.Contains(id));
    }

    [Fact]
    public async Task TheSameSeed_MakesTheSameJourneys()
    {
        var first = await DumpAsync(factory);
        await using var again = new TFactory();
        _ = again.Server;
        var second = await DumpAsync(again);
        Assert.True(first.Count > 500, $"the dump has {first.Count} lines");
        Assert.Equal(first, second);
    }

    /// <summary>Ids and dates of every record the journeys make, one line each, in a stable order.</summary>
    private static async Task<List<string>> DumpAsync(SafeguardFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = Demo(scope);
        var lines = new List<string>();
        void Add(string kind, params object?[] values) =>
            lines.Add(kind + " " + string.Join(" ", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        foreach (var p in await db.Practitioners.ToListAsync())
        {
            Add("practitioner", p.Id, p.Email, p.FullName);
        }

        foreach (var r in await db.Referrals.ToListAsync())
        {
            Add("referral", r.Id, r.Reference, r.ChildId, r.ReceivedOn, r.DecidedOn, r.Outcome, r.EpisodeId, r.LateReason);
        }

        foreach (var e in await db.Episodes.ToListAsync())
        {
            Add("episode", e.Id, e.ChildId, e.OpenedOn, e.ClosedOn, e.ClosureReasonCode, e.LeadPractitionerId, e.Support);
        }

        foreach (var a in await db.Assessments.ToListAsync())
        {
            Add("assessment", a.Id, a.StartedOn, a.SubmittedOn, a.AuthorisedOn, a.Conclusion, a.LateReason);
        }

        foreach (var v in await db.Visits.ToListAsync())
        {
            Add("visit", v.Id, v.EpisodeId, v.VisitedOn, v.ChildSeen, v.SeenAlone);
        }

        foreach (var p in await db.Plans.ToListAsync())
        {
            Add("plan", p.Id, p.Kind, p.StartedOn, p.EndedOn, p.Reviews.Count);
        }

        foreach (var d in await db.StrategyDiscussions.ToListAsync())
        {
            Add("discussion", d.Id, d.HeldOn, d.Section47, d.ConfirmedBy);
        }

        foreach (var q in await db.Section47Enquiries.ToListAsync())
        {
            Add("enquiry", q.Id, q.StartedOn, q.ChildSeenOn, q.ConcludedOn, q.Outcome);
        }

        foreach (var c in await db.Conferences.ToListAsync())
        {
            Add("conference", c.Id, c.HeldOn, c.ChairId, c.PlanNeeded);
        }

        foreach (var p in await db.ChildProtectionPlans.ToListAsync())
        {
            Add("cp-plan", p.Id, p.StartedOn, p.InitialCategory, p.EndedOn, p.EndReason, string.Join(",", p.CoreGroupMeetings.Select(m => m.HeldOn)),
                string.Join(",", p.Reviews.Select(r => r.HeldOn)), string.Join(",", p.CoreGroup.Select(m => m.Name)));
        }

        foreach (var p in await db.LookedAfterPeriods.ToListAsync())
        {
            Add("looked-after", p.Id, p.StartedOn, p.LegalStatus, p.EndedOn, p.CarePlans.Count, p.Reviews.Count, p.Placements[0].Where);
        }

        foreach (var p in await db.PreProceedings.ToListAsync())
        {
            Add("pre-proceedings", p.Id, p.DecidedOn, p.EndedOn, p.Outcome);
        }

        foreach (var c in await db.Chronology.ToListAsync())
        {
            Add("chronology", c.Id, c.ChildId, c.OccurredOn, c.Kind, c.Summary);
        }

        foreach (var c in await db.ClockRecords.ToListAsync())
        {
            Add("clock", c.Id, c.RuleId, c.DueOn, c.CompletedOn, c.IsOpen, c.ResponsiblePractitionerId);
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static SafeguardDbContext Demo(AsyncServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(DemoArea.AreaId);
        return db;
    }
}

/// <summary>The demo area as a first start makes it, at a fixed moment: 240 children, 12 referrals waiting, 120 journeys.</summary>
public sealed class JourneySqliteFactory : SqliteFactory
{
    public JourneySqliteFactory() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Seed:Children", "240");
        builder.UseSetting("Seed:Journeys", "120");
    }
}

public sealed class JourneyPostgreSqlFactory : PostgreSqlFactory
{
    public JourneyPostgreSqlFactory() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Seed:Children", "240");
        builder.UseSetting("Seed:Journeys", "120");
    }
}

public sealed class SqliteDemoJourneyTests(JourneySqliteFactory factory) : DemoJourneyTests<JourneySqliteFactory>(factory);

public sealed class PostgreSqlDemoJourneyTests(JourneyPostgreSqlFactory factory) : DemoJourneyTests<JourneyPostgreSqlFactory>(factory);
