using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Data.Events;
using Safeguard.Data.Records;
using Safeguard.Data.Seeding;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Clocks;
using Safeguard.Domain.Events;
using Safeguard.Web.Tests.Seeding;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.ChildProtection;

/// <summary>
/// Strategy discussions and section 47 enquiries keep their history as stored events (docs/decisions/0009): for every one of the demo
/// area the clocks from the discussion's events are the clocks its state (with its enquiry's and its conference's) gave before.
/// </summary>
public abstract class ChildProtectionEventTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private static SafeguardDbContext Db(AsyncServiceScope scope, Guid areaId)
    {
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(areaId);
        return db;
    }

    [Fact]
    [Trait("Rule", "ICPC-01")]
    public async Task EveryDemoStrategyDiscussion_HasItsEvents_AndTheSameClocksFromThemAsFromItsState()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = Db(scope, DemoArea.AreaId);
        var calendar = scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>();
        var today = EnglandClock.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var discussions = await db.StrategyDiscussions.AsNoTracking().ToListAsync();
        var enquiries = await db.Section47Enquiries.AsNoTracking().ToDictionaryAsync(e => e.StrategyDiscussionId);
        var conferences = await db.Conferences.AsNoTracking().Where(c => c.Section47EnquiryId != null).ToDictionaryAsync(c => c.Section47EnquiryId!.Value);
        var rules = RecordKinds.StrategyDiscussion.ClockRules;

        Assert.NotEmpty(discussions);
        Assert.Contains(discussions, d => d.Section47 && enquiries.ContainsKey(d.Id));
        Assert.Contains(enquiries.Values, e => e.Outcome == Section47Outcome.NotSubstantiated);
        Assert.Contains(enquiries.Values, e => conferences.ContainsKey(e.Id));
        foreach (var discussion in discussions)
        {
            var events = await RecordHistory.EventsAsync(db, RecordKinds.StrategyDiscussion, discussion.Id, null, CancellationToken.None);
            Assert.IsType<StrategyDiscussionHeld>(events[0]);
            var enquiry = enquiries.GetValueOrDefault(discussion.Id);
            var conference = enquiry is null ? null : conferences.GetValueOrDefault(enquiry.Id);
            Assert.Equal(enquiry is not null, events.OfType<StrategyDiscussionEnquiryStarted>().Any());
            Assert.Equal(conference is not null, events.OfType<StrategyDiscussionInitialConferenceHeld>().Any());

            var fromEvents = ClockEngine.Compute(discussion.Id, await RecordHistory.OfStrategyDiscussionAsync(db, discussion, CancellationToken.None), rules,
                calendar, today);
            var fromState = ClockEngine.Compute(discussion.Id, discussion.History(enquiry, conference), rules, calendar, today);
            Assert.Equal(fromState, fromEvents);
        }

        foreach (var enquiry in enquiries.Values)
        {
            var events = await RecordHistory.EventsAsync(db, RecordKinds.Section47Enquiry, enquiry.Id, null, CancellationToken.None);
            Assert.IsType<Section47EnquiryStarted>(events[0]);
            Assert.Equal(enquiry.Outcome, events.OfType<Section47EnquiryConcluded>().SingleOrDefault()?.Outcome);
        }
    }

    /// <summary>
    /// For every child protection plan of the demo area, the clocks from its events (with the child's 18th birthday as the child's record
    /// holds it) are the clocks its state gave, and every conference that was held says so in an event.
    /// </summary>
    [Fact]
    [Trait("Rule", "CG-01")]
    [Trait("Rule", "RCPC-01")]
    public async Task EveryDemoChildProtectionPlan_HasItsEvents_AndTheSameClocksFromThemAsFromItsState()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = Db(scope, DemoArea.AreaId);
        var calendar = scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>();
        var today = EnglandClock.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var plans = await db.ChildProtectionPlans.AsNoTracking().ToListAsync();
        var births = await db.Children.AsNoTracking().Select(c => new { c.Id, c.DateOfBirth }).ToDictionaryAsync(c => c.Id, c => c.DateOfBirth);
        var rules = RecordKinds.ChildProtectionPlan.ClockRules;

        Assert.NotEmpty(plans);
        Assert.Contains(plans, p => p.Reviews.Count > 0 && !p.IsOpen);
        Assert.Contains(plans, p => p.CoreGroupMeetings.Count > 1);
        foreach (var plan in plans)
        {
            var events = await RecordHistory.EventsAsync(db, RecordKinds.ChildProtectionPlan, plan.Id, null, CancellationToken.None);
            Assert.IsType<PlanMade>(events[0]);
            Assert.Equal(plan.CoreGroupMeetings.Count, events.OfType<CoreGroupHeld>().Count());
            Assert.Equal(plan.Reviews.Count, events.OfType<ReviewConferenceHeld>().Count());
            var birthday = births[plan.ChildId]?.AddYears(18);

            var fromEvents = ClockEngine.Compute(plan.Id, await RecordHistory.OfChildProtectionPlanAsync(db, plan, birthday, CancellationToken.None), rules,
                calendar, today);
            var fromState = ClockEngine.Compute(plan.Id, plan.History(birthday), rules, calendar, today);
            Assert.Equal(fromState, fromEvents);
        }

        var held = await db.Conferences.AsNoTracking().Where(c => c.Kind != ConferenceKind.Review).ToListAsync();
        Assert.NotEmpty(held);
        foreach (var conference in held)
        {
            var events = await RecordHistory.EventsAsync(db, RecordKinds.Conference, conference.Id, null, CancellationToken.None);
            Assert.Equal(conference.PlanNeeded, Assert.IsType<ConferenceHeld>(Assert.Single(events)).PlanNeeded);
        }
    }

    /// <summary>Each event of a discussion or an enquiry stores ids, dates and codes: no one's name, nor any words a practitioner typed.</summary>
    [Fact]
    public async Task TheDemoDiscussionsEvents_HoldNoNamesOrTypedWords()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = Db(scope, DemoArea.AreaId);
        var discussions = await db.StrategyDiscussions.AsNoTracking().ToDictionaryAsync(d => d.Id);
        var enquiries = await db.Section47Enquiries.AsNoTracking().ToDictionaryAsync(e => e.Id);
        var rows = await db.RecordEvents.AsNoTracking()
            .Where(e => e.RecordKind == RecordKinds.StrategyDiscussion.Name || e.RecordKind == RecordKinds.Section47Enquiry.Name
                || e.RecordKind == RecordKinds.Conference.Name || e.RecordKind == RecordKinds.ChildProtectionPlan.Name).ToListAsync();
        var plans = await db.ChildProtectionPlans.AsNoTracking().ToDictionaryAsync(p => p.Id);
        var conferences = await db.Conferences.AsNoTracking().ToDictionaryAsync(c => c.Id);

        Assert.NotEmpty(rows);
        Assert.Contains(rows, r => r.Type == "ReviewConferenceHeld");
        foreach (var row in rows)
        {
            IEnumerable<string> words = row.RecordKind switch
            {
                "StrategyDiscussion" => discussions[row.RecordId] is var d ? d.Attendees.Select(a => a.Name).Append(d.Section47Reasons).Append(d.InformationShared) : [],
                "Section47Enquiry" => enquiries[row.RecordId] is var q ? new[] { q.OutcomeReasons, q.ChildsWishesAndFeelings, q.OngoingSupport }.OfType<string>() : [],
                "ChildProtectionConference" => conferences[row.RecordId] is var c ? c.Attendees.Select(a => a.Name).Append(c.Reasons).Append(c.ChildsViews) : [],
                _ => plans[row.RecordId] is var p ? p.CoreGroup.Select(m => m.Name).Concat(p.CoreGroupMeetings.Select(m => m.Decisions))
                    .Concat(p.Reviews.Select(r => r.Reasons)) : [],
            };
            Assert.All(words, w => Assert.DoesNotContain(w, row.Data, StringComparison.Ordinal));
            Assert.All(JsonDocument.Parse(row.Data).RootElement.EnumerateObject().Where(p => p.Name is not "type" and not "category"),
                p => Assert.True(p.Value.ValueKind != JsonValueKind.String || Guid.TryParse(p.Value.GetString(), out _) || DateOnly.TryParse(p.Value.GetString(), out _),
                    $"{row.Type}.{p.Name} holds words: {p.Value}"));
        }
    }

    /// <summary>
    /// A discussion saved before its events were stored has none: its history is then read from its state, its enquiry's and its
    /// conference's, and that reading gives what its events give.
    /// </summary>
    [Fact]
    [Trait("Rule", "ICPC-01")]
    public async Task ADiscussionWithoutStoredEvents_IsReadFromItsState_AsBefore()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = Db(scope, DemoArea.AreaId);
        var withConference = await db.Conferences.AsNoTracking().Where(c => c.Section47EnquiryId != null).Select(c => c.Section47EnquiryId!.Value).ToListAsync();
        var enquiry = await db.Section47Enquiries.AsNoTracking().FirstAsync(e => withConference.Contains(e.Id));
        var discussion = await db.StrategyDiscussions.AsNoTracking().SingleAsync(d => d.Id == enquiry.StrategyDiscussionId);

        var stored = await RecordHistory.OfStrategyDiscussionAsync(db, discussion, CancellationToken.None);
        var fallback = await RecordHistory.OfStrategyDiscussionStateAsync(db, discussion, CancellationToken.None);

        Assert.Contains(stored, e => e.Kind == Domain.Rules.EventKind.InitialConferenceHeld);
        Assert.Equal(stored, fallback);
    }
}

public sealed class SqliteChildProtectionEventTests(JourneySqliteFactory factory) : ChildProtectionEventTests<JourneySqliteFactory>(factory);

public sealed class PostgreSqlChildProtectionEventTests(JourneyPostgreSqlFactory factory) : ChildProtectionEventTests<JourneyPostgreSqlFactory>(factory);
