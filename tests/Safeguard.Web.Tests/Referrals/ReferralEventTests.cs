using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Data.Events;
using Safeguard.Data.Records;
using Safeguard.Data.Seeding;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Children;
using Safeguard.Domain.Clocks;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;
using Safeguard.Web.Tests.Seeding;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Referrals;

/// <summary>
/// A referral's history is its stored events (docs/decisions/0009): written in the same save, append-only, and giving the clocks
/// its state gave before, for every referral of the demo area.
/// </summary>
public abstract class ReferralEventTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private static SafeguardDbContext Db(AsyncServiceScope scope, Guid areaId)
    {
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(areaId);
        return db;
    }

    /// <summary>
    /// The before/after comparison: for every referral of the seeded demo area, the clock engine over the referral's own rules gives the
    /// same clocks from its stored events as from its state, and every referral has its events (none falls back to its state).
    /// </summary>
    [Fact]
    public async Task EveryDemoReferral_HasItsEvents_AndTheSameClocksFromThemAsFromItsState()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = Db(scope, DemoArea.AreaId);
        var calendar = scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>();
        var today = EnglandClock.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var referrals = await db.Referrals.ToListAsync();
        var rules = RecordKinds.Referral.ClockRules;

        Assert.NotEmpty(referrals);
        Assert.Contains(referrals, r => r.IsDecided);
        foreach (var referral in referrals)
        {
            var events = await RecordHistory.EventsAsync(db, RecordKinds.Referral, referral.Id, referral, CancellationToken.None);
            Assert.IsType<ReferralReceived>(events[0]);
            Assert.Equal(referral.IsDecided, events.OfType<ReferralDecided>().Any());

            var fromEvents = ClockEngine.Compute(referral.Id, await RecordHistory.OfReferralAsync(db, referral, CancellationToken.None), rules, calendar, today);
            var fromState = ClockEngine.Compute(referral.Id, referral.History(), rules, calendar, today);
            Assert.Equal(fromState, fromEvents);
        }

        var rows = await db.RecordEvents.Where(e => e.RecordKind == RecordKinds.Referral.Name).ToListAsync();
        var byId = referrals.ToDictionary(r => r.Id);
        Assert.All(rows, row => Assert.Equal(byId[row.RecordId].ChildId, row.ChildId));
    }

    [Fact]
    public async Task ASavedReferral_StoresItsEventsInTheSameSave_EvenASynchronousSave()
    {
        var area = await factory.NewAreaAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = Db(scope, area.Area.Id);
        var (referral, manager) = await NewReferralAsync(db, area);

        referral.RecordDecision(manager, ReferralOutcome.Section17Assessment, "Assess the child's needs.", "N1", null, Moment, Day, Day);
        db.SaveChanges();

        Assert.Empty(referral.PendingEvents);
        var stored = await db.RecordEvents.Where(e => e.RecordId == referral.Id).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["ReferralReceived", "ReferralDecided"], stored.Select(e => e.Type));
        Assert.Equal([0, 1], stored.Select(e => e.Sequence));
        Assert.All(stored, e => Assert.Equal((RecordKinds.Referral.Name, referral.ChildId, area.Area.Id), (e.RecordKind, e.ChildId, e.AreaId)));
        Assert.Equal(ReferralOutcome.Section17Assessment, Assert.IsType<ReferralDecided>(stored[1].ToDomainEvent()).Outcome);
    }

    /// <summary>A referral saved before events were stored has none: its clocks are read from its state, and are those of one that has them.</summary>
    [Fact]
    [Trait("Rule", "REF-04")]
    public async Task AReferralWithoutStoredEvents_GetsTheSameClocksAsOneWithThem()
    {
        var area = await factory.NewAreaAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = Db(scope, area.Area.Id);
        var (withEvents, manager) = await NewReferralAsync(db, area);
        var (without, _) = await NewReferralAsync(db, area, storeEvents: false);

        foreach (var referral in new[] { withEvents, without })
        {
            referral.RecordDecision(manager, ReferralOutcome.NoFurtherAction, "Nothing for children's social care.", null, null, Moment.AddDays(6),
                Day.AddDays(6), Day.AddDays(1), "The manager was away.");
        }

        await db.SaveChangesAsync();

        Assert.Equal(["ReferralDecided"], await db.RecordEvents.Where(e => e.RecordId == without.Id).Select(e => e.Type).ToListAsync());
        var clocks = await db.ClockRecords.Where(c => c.SubjectId == withEvents.Id || c.SubjectId == without.Id).ToListAsync();
        var mine = clocks.Where(c => c.SubjectId == withEvents.Id).Select(c => (c.RuleId, c.StartedOn, c.DueOn, c.CompletedOn, c.Status, c.ReasonRecorded))
            .OrderBy(c => c.RuleId).ToList();
        Assert.Contains(mine, c => c.RuleId == "REF-04" && c.Status == ClockStatus.MetLate && c.ReasonRecorded);
        Assert.Equal(mine, clocks.Where(c => c.SubjectId == without.Id).Select(c => (c.RuleId, c.StartedOn, c.DueOn, c.CompletedOn, c.Status, c.ReasonRecorded))
            .OrderBy(c => c.RuleId).ToList());
    }

    [Theory]
    [InlineData("UPDATE \"RecordEvents\" SET \"OccurredOn\" = '2020-01-01'")]
    [InlineData("DELETE FROM \"RecordEvents\"")]
    public async Task ARecordsHistory_CannotBeRewrittenOrDeletedByTheService(string sql)
    {
        var area = await factory.NewAreaAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = Db(scope, area.Area.Id);
        var (referral, _) = await NewReferralAsync(db, area);
        var before = await db.RecordEvents.AsNoTracking().Where(e => e.RecordId == referral.Id).Select(e => new { e.Id, e.OccurredOn }).ToListAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(sql));

        Assert.Contains(factory is PostgreSqlFactory ? "permission denied for table RecordEvents" : "append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await db.RecordEvents.AsNoTracking().Where(e => e.RecordId == referral.Id).Select(e => new { e.Id, e.OccurredOn }).ToListAsync());
        Assert.Single(before);
    }

    [Fact]
    public async Task ARecordsEvents_AreKeptInsideItsArea()
    {
        var area = await factory.NewAreaAsync();
        var other = await factory.NewAreaAsync();
        Guid referralId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            referralId = (await NewReferralAsync(Db(scope, area.Area.Id), area)).Referral.Id;
        }

        await using var otherScope = factory.Services.CreateAsyncScope();
        var otherDb = Db(otherScope, other.Area.Id);

        Assert.False(await otherDb.RecordEvents.AnyAsync(e => e.RecordId == referralId));
        await using var ownScope = factory.Services.CreateAsyncScope();
        Assert.True(await Db(ownScope, area.Area.Id).RecordEvents.AnyAsync(e => e.RecordId == referralId));
    }

    private static readonly DateOnly Day = new(2026, 11, 24);
    private static readonly DateTimeOffset Moment = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static async Task<(Referral Referral, Practitioner Manager)> NewReferralAsync(SafeguardDbContext db, TestArea area, bool storeEvents = true)
    {
        var child = new Child(Guid.NewGuid(), area.Area.Id,
            new ChildDetails("Rory", "Eventtest", new DateOnly(2016, 1, 2), null, Sex.Male, null, "WBRI", ["NONE"], "English", null, null), Day);
        var manager = new Practitioner(Guid.NewGuid(), area.SocialCare, null, "Meg", "Eventmanager", $"m{Guid.NewGuid():N}@test.example", "Team manager",
            SocialWorkRegistration.Parse("SW" + Random.Shared.Next(1, 9_999_999)));
        manager.Grant(PractitionerRole.PracticeSupervisor, area.SocialCare);
        var referral = Referral.Receive(Guid.NewGuid(), area.Area.Id, "NM-EVT-" + Random.Shared.Next(1000, 9999), child,
            new Referrer(null, area.School.Id, "A school", "Designated safeguarding lead", null, null),
            new ReferralDetails("Rory has bruises.", [HarmType.PhysicalAbuse], HarmContext.InsideTheHome, null, true, true, null, Urgency.Standard, "2A"),
            Moment, Day, null);
        if (!storeEvents)
        {
            referral.ClearPendingEvents();
        }

        db.AddRange(child, manager, referral);
        await db.SaveChangesAsync();
        return (referral, manager);
    }
}

public sealed class SqliteReferralEventTests(JourneySqliteFactory factory) : ReferralEventTests<JourneySqliteFactory>(factory);

public sealed class PostgreSqlReferralEventTests(JourneyPostgreSqlFactory factory) : ReferralEventTests<JourneyPostgreSqlFactory>(factory);
