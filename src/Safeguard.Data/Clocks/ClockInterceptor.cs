using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Safeguard.Data.Records;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Clocks;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;
using Safeguard.Domain.Rules;

namespace Safeguard.Data.Clocks;

/// <summary>
/// The one place clocks are recomputed and stored: whenever a subject with a history is saved — or a record that adds
/// to its history (an assessment authorised, a visit that saw the child, the episode closed) — its clocks are computed
/// by <see cref="ClockEngine"/> and written in the same SaveChanges, so the stored clocks never disagree with the
/// records that moved them.
/// </summary>
public sealed class ClockInterceptor(WorkingDayCalendar calendar, TimeProvider time) : SaveChangesInterceptor
{
    // The rules each kind of record's history drives, and who answers for each, are the kind's clocks in the registry
    // (RecordKinds): the 45 working days of the assessment and seeing the child run from the referral (ASM-03: "the referral
    // the assessment belongs to") and are met in its episode, so they fall to the episode's lead practitioner once one is allocated.

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SafeguardDbContext db)
        {
            var referralIds = Changed<Referral>(db).Select(r => r.Id).ToHashSet();
            referralIds.UnionWith(Changed<Assessment>(db).Select(a => a.ReferralId));
            var episodeIds = Changed<Visit>(db).Select(v => v.EpisodeId).Concat(Changed<Episode>(db).Select(e => e.Id))
                .Concat(Changed<StrategyDiscussion>(db).Select(d => d.EpisodeId)).Concat(Changed<EmergencyAction>(db).Select(a => a.EpisodeId))
                .Concat(EpisodesOfConcludedEnquiries(db)).ToHashSet();
            referralIds.UnionWith(await ReferralsUnderAChangedTargetAsync(db, cancellationToken));
            if (episodeIds.Count > 0)
            {
                referralIds.UnionWith(await db.Referrals.Where(r => r.EpisodeId != null && episodeIds.Contains(r.EpisodeId.Value))
                    .Select(r => r.Id).ToListAsync(cancellationToken));
                referralIds.UnionWith(Tracked<Referral>(db).Where(r => r.EpisodeId is { } e && episodeIds.Contains(e)).Select(r => r.Id));
            }

            foreach (var discussion in await DiscussionsMovedAsync(db, cancellationToken))
            {
                await StoreDiscussionAsync(db, discussion, cancellationToken);
            }

            var actions = Changed<EmergencyAction>(db).ToList();
            var discussed = Changed<StrategyDiscussion>(db).Select(d => d.EpisodeId).ToHashSet();
            if (discussed.Count > 0)
            {
                actions.AddRange((await db.EmergencyActions.Where(a => discussed.Contains(a.EpisodeId)).ToListAsync(cancellationToken))
                    .Where(a => actions.TrueForAll(x => x.Id != a.Id)));
            }

            foreach (var action in actions)
            {
                await StoreEmergencyActionAsync(db, action, cancellationToken);
            }

            foreach (var plan in await GivenEventsAsync(db, RecordKinds.ChildProtectionPlan, db.ChildProtectionPlans, cancellationToken))
            {
                await StorePlanAsync(db, plan, cancellationToken);
            }

            var episodes = Changed<Episode>(db).ToList();
            foreach (var conference in Changed<ChildProtectionConference>(db).Where(c => c.Kind == ConferenceKind.TransferIn).ToList())
            {
                if (episodes.TrueForAll(e => e.Id != conference.EpisodeId)
                    && (Tracked<Episode>(db).FirstOrDefault(e => e.Id == conference.EpisodeId)
                        ?? await db.Episodes.FirstOrDefaultAsync(e => e.Id == conference.EpisodeId, cancellationToken)) is { } moved)
                {
                    episodes.Add(moved);
                }
            }

            foreach (var episode in episodes)
            {
                await StoreEpisodeAsync(db, episode, cancellationToken);
            }

            foreach (var referralId in referralIds)
            {
                var referral = Tracked<Referral>(db).FirstOrDefault(r => r.Id == referralId)
                    ?? await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, cancellationToken);
                if (referral is not null)
                {
                    await StoreAsync(db, referral, cancellationToken);
                }
            }

            // The general stop: a child's death, leaving the UK or 18th birthday, or the episode's closing, stops every clock stored for them.
            await GeneralClockStops.SweepAsync(db, EnglandClock.Today(time), cancellationToken);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    /// <summary>
    /// The referral's own events, then what its episode adds: the child seen (a visit, or the assessment's record of it),
    /// its assessment authorised (with any reason for lateness), and the episode closed.
    /// </summary>
    private static async Task<(List<ClockEvent> History, Episode? Episode)> HistoryAsync(SafeguardDbContext db, Referral referral,
        CancellationToken cancellationToken)
    {
        // The referral's own history is its events (docs/decisions/0009); what its episode adds is still read from those records.
        var history = (await Events.RecordHistory.OfReferralAsync(db, referral, cancellationToken)).ToList();
        if (referral.EpisodeId is not { } episodeId)
        {
            return (history, null);
        }

        var episode = Tracked<Episode>(db).FirstOrDefault(e => e.Id == episodeId)
            ?? await db.Episodes.FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        var later = new List<ClockEvent>();
        var visits = Union(Tracked<Visit>(db).Where(v => v.EpisodeId == episodeId),
            await db.Visits.Where(v => v.EpisodeId == episodeId && v.ChildSeen).ToListAsync(cancellationToken), v => v.Id);
        var assessments = Union(Tracked<Assessment>(db).Where(a => a.ReferralId == referral.Id),
            await db.Assessments.Where(a => a.ReferralId == referral.Id).ToListAsync(cancellationToken), a => a.Id);
        later.AddRange(visits.Where(v => v.ChildSeen).Select(v => new ClockEvent(EventKind.ChildSeen, v.VisitedOn)));
        later.AddRange(assessments.Where(a => a.ChildSeenOn is not null).Select(a => new ClockEvent(EventKind.ChildSeen, a.ChildSeenOn!.Value)));
        later.AddRange(assessments.Where(a => a.IsAuthorised).Select(a => new ClockEvent(EventKind.AssessmentAuthorised, a.AuthorisedOn!.Value, a.LateReason)));
        later.AddRange((episode?.History() ?? []).Where(e => e.Kind == EventKind.MovedArea));
        // A strategy discussion held in the episode meets "strategy discussion as soon as possible after emergency action" (IP-05).
        var discussions = Union(Tracked<StrategyDiscussion>(db).Where(d => d.EpisodeId == episodeId),
            await db.StrategyDiscussions.Where(d => d.EpisodeId == episodeId).ToListAsync(cancellationToken), d => d.Id);
        later.AddRange(discussions.Select(d => new ClockEvent(EventKind.StrategyDiscussionHeld, d.HeldOn)));
        later.AddRange(await EmergencyActionsTakenAsync(db, referral, episodeId, cancellationToken));
        later.AddRange(await EnquiriesConcludedAsync(db, episodeId, cancellationToken));
        if (episode?.ClosedOn is { } closed && !(episode.IsReferralNoFurtherAction && episode.OpeningReferralId == referral.Id))
        {
            later.Add(new ClockEvent(EventKind.EpisodeClosed, closed));
        }

        // The episode's events come after the referral's on the same day (the child is seen after the decision to assess).
        history.AddRange(later.OrderBy(e => e.OccurredOn));
        return ([.. history.Select((e, i) => (e, i)).OrderBy(x => x.e.OccurredOn).ThenBy(x => x.i).Select(x => x.e)], episode);
    }

    private async Task StoreAsync(SafeguardDbContext db, Referral referral, CancellationToken cancellationToken)
    {
        var today = EnglandClock.Today(time);
        var (history, episode) = await HistoryAsync(db, referral, cancellationToken);
        foreach (var duty in RecordKinds.Referral.Clocks)
        {
            if (!RunsFor(referral, duty.Rule))
            {
                await RemoveAsync(db, referral.Id, duty.Rule, cancellationToken);
                continue;
            }

            foreach (var clock in ClockEngine.Compute(referral.Id, history, [await UnderTheAreasTargetAsync(db, duty.Rule, referral.AreaId, history, cancellationToken)],
                         calendar, today))
            {
                await UpsertAsync(db, clock, referral.AreaId, referral.ChildId, referral.EpisodeId, duty.Role,
                    duty.Practitioner is null ? null : episode?.LeadPractitionerId, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A referral that opens Family Help asks for no assessment under section 17 or 47: it runs no 45-working-day clock (ASM-03),
    /// and one stored while it waited for the front door's decision is taken away rather than left to be met, stopped or late.
    /// </summary>
    private static bool RunsFor(Referral referral, StatutoryRule rule) => !(referral.OpensFamilyHelp && rule == StatutoryRules.Assessment);

    private static async Task RemoveAsync(SafeguardDbContext db, Guid subjectId, StatutoryRule rule, CancellationToken cancellationToken)
    {
        var stored = await db.ClockRecords.Where(c => c.SubjectId == subjectId && c.RuleId == rule.Id).ToListAsync(cancellationToken);
        foreach (var record in db.ClockRecords.Local.Where(c => c.SubjectId == subjectId && c.RuleId == rule.Id).Concat(stored).Distinct().ToList())
        {
            db.ClockRecords.Remove(record);
        }
    }

    /// <summary>Episodes in which a section 47 enquiry changed: its conclusion can meet their referrals' assessment clocks (ASM-03).</summary>
    private static IEnumerable<Guid> EpisodesOfConcludedEnquiries(SafeguardDbContext db) =>
        Changed<Section47Enquiry>(db).Where(e => e.ConcludedOn is not null).Select(e => e.EpisodeId);

    /// <summary>
    /// A section 47 enquiry concluded in the episode is an assessment under the guidance (S47-03: the same assessment and clock as
    /// ASM-03), so its conclusion meets the 45 working days of the episode's referrals received before it.
    /// </summary>
    private static async Task<IEnumerable<ClockEvent>> EnquiriesConcludedAsync(SafeguardDbContext db, Guid episodeId, CancellationToken cancellationToken)
    {
        var enquiries = Union(Tracked<Section47Enquiry>(db).Where(e => e.EpisodeId == episodeId),
            await db.Section47Enquiries.Where(e => e.EpisodeId == episodeId && e.ConcludedOn != null).ToListAsync(cancellationToken), e => e.Id);
        return enquiries.Where(e => e.ConcludedOn is not null).Select(e => new ClockEvent(EventKind.Section47Concluded, e.ConcludedOn!.Value));
    }

    /// <summary>
    /// Emergency action recorded in the episode since the referral was received meets a decision for immediate protection (IP-01); one
    /// taken before the decision was recorded is found done when it is decided. Only a decision for immediate protection reads them.
    /// </summary>
    private static async Task<IEnumerable<ClockEvent>> EmergencyActionsTakenAsync(SafeguardDbContext db, Referral referral, Guid episodeId,
        CancellationToken cancellationToken)
    {
        if (referral.Outcome != ReferralOutcome.ImmediateProtection || referral.DecidedOn is not { } decided)
        {
            return [];
        }

        var actions = Union(Tracked<EmergencyAction>(db).Where(a => a.EpisodeId == episodeId),
            await db.EmergencyActions.Where(a => a.EpisodeId == episodeId).ToListAsync(cancellationToken), a => a.Id);
        return actions.Where(a => a.TakenOn >= referral.ReceivedOn)
            .Select(a => new ClockEvent(EventKind.EmergencyActionTaken, a.TakenOn < decided ? decided : a.TakenOn));
    }

    /// <summary>
    /// A rule whose timescale the area sets (the strategy discussion the front door decided, A-26) under the area's own target in working
    /// days; any other rule as it is. The area is read only when the history starts the rule.
    /// </summary>
    private static async Task<StatutoryRule> UnderTheAreasTargetAsync(SafeguardDbContext db, StatutoryRule rule, Guid areaId, List<ClockEvent> history,
        CancellationToken cancellationToken)
    {
        if (rule != StatutoryRules.StrategyDiscussionTarget || !history.Exists(e => e.Kind == rule.StartsOn))
        {
            return rule;
        }

        var target = Tracked<LocalAuthorityArea>(db).FirstOrDefault(a => a.Id == areaId)?.StrategyDiscussionTargetWorkingDays
            ?? await db.Areas.Where(a => a.Id == areaId).Select(a => (int?)a.StrategyDiscussionTargetWorkingDays).SingleOrDefaultAsync(cancellationToken)
            ?? LocalAuthorityArea.DefaultStrategyDiscussionTargetWorkingDays;
        return rule.WithLocalTarget(target);
    }

    /// <summary>An area that changes its target for holding a strategy discussion moves the due date of every one still waiting.</summary>
    private static async Task<List<Guid>> ReferralsUnderAChangedTargetAsync(SafeguardDbContext db, CancellationToken cancellationToken)
    {
        var areas = db.ChangeTracker.Entries<LocalAuthorityArea>()
            .Where(e => e.State == EntityState.Modified && e.Property(a => a.StrategyDiscussionTargetWorkingDays).IsModified).Select(e => e.Entity.Id).ToList();
        if (areas.Count == 0)
        {
            return [];
        }

        var rule = StatutoryRules.StrategyDiscussionTarget.Id;
        return await db.ClockRecords.Where(c => c.IsOpen && c.RuleId == rule && areas.Contains(c.AreaId)).Select(c => c.SubjectId).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The records of a kind whose clocks are read from their events that this save appends events to: their clocks have moved. No save is
    /// wired to a kind's clocks by what it changed; the step that moves a record's clock appends an event to it (docs/decisions/0009).
    /// </summary>
    private static List<Guid> RecordsGivenEvents(SafeguardDbContext db, RecordKind kind) =>
        [.. db.ChangeTracker.Entries<Events.RecordEvent>().Where(e => e.State == EntityState.Added && e.Entity.RecordKind == kind.Name)
            .Select(e => e.Entity.RecordId).Distinct()];

    /// <summary>
    /// The strategy discussions whose clocks a save moves: those given events in it, and those of an episode whose lead practitioner changed
    /// (who answers until the enquiry has a lead; the clocks themselves are unchanged).
    /// </summary>
    private static async Task<List<StrategyDiscussion>> DiscussionsMovedAsync(SafeguardDbContext db, CancellationToken cancellationToken)
    {
        var ids = RecordsGivenEvents(db, RecordKinds.StrategyDiscussion).ToHashSet();
        var reallocated = db.ChangeTracker.Entries<Episode>()
            .Where(e => e.State == EntityState.Modified && e.Property(x => x.LeadPractitionerId).IsModified).Select(e => e.Entity.Id).ToList();
        if (ids.Count == 0 && reallocated.Count == 0)
        {
            return [];
        }

        return Union(Tracked<StrategyDiscussion>(db).Where(d => ids.Contains(d.Id) || reallocated.Contains(d.EpisodeId)),
            await db.StrategyDiscussions.Where(d => ids.Contains(d.Id) || reallocated.Contains(d.EpisodeId)).ToListAsync(cancellationToken), d => d.Id);
    }

    /// <summary>
    /// A strategy discussion's clocks, from its events (<see cref="Events.RecordHistory.OfStrategyDiscussionAsync"/>): a section 47 decision
    /// made without the minimum attendance waits for a manager's confirmation (RC-05); once section 47 is initiated the enquiry is to start
    /// (S47-01) and the initial conference is due within 15 working days of the discussion (ICPC-01). The enquiry's lead answers for them,
    /// the episode's lead practitioner until it starts.
    /// </summary>
    private async Task StoreDiscussionAsync(SafeguardDbContext db, StrategyDiscussion discussion, CancellationToken cancellationToken)
    {
        var history = await Events.RecordHistory.OfStrategyDiscussionAsync(db, discussion, cancellationToken);
        var enquiry = Tracked<Section47Enquiry>(db).FirstOrDefault(e => e.StrategyDiscussionId == discussion.Id)
            ?? await db.Section47Enquiries.FirstOrDefaultAsync(e => e.StrategyDiscussionId == discussion.Id, cancellationToken);
        await RetireClocksKeptElsewhereBeforeAsync(db, discussion, enquiry, cancellationToken);
        if (history.Count == 0)
        {
            return;
        }

        var lead = enquiry?.LeadId ?? Tracked<Episode>(db).FirstOrDefault(e => e.Id == discussion.EpisodeId)?.LeadPractitionerId
            ?? await db.Episodes.Where(e => e.Id == discussion.EpisodeId).Select(e => e.LeadPractitionerId).FirstOrDefaultAsync(cancellationToken);
        foreach (var (clock, duty) in Compute(RecordKinds.StrategyDiscussion, discussion.Id, history))
        {
            await UpsertAsync(db, clock, discussion.AreaId, discussion.ChildId, discussion.EpisodeId, duty.Role, duty.Practitioner is null ? null : lead,
                cancellationToken);
        }
    }

    /// <summary>
    /// Clocks stored before the discussion ran them: the initial conference's on the enquiry (now the discussion's, ICPC-01), and the
    /// strategy discussion after emergency action on a referral decided for immediate protection (now the emergency action's, IP-05),
    /// which nothing recomputes any more. A discussion saved, or its enquiry or conference, removes them so none stays open for ever.
    /// </summary>
    private static async Task RetireClocksKeptElsewhereBeforeAsync(SafeguardDbContext db, StrategyDiscussion discussion, Section47Enquiry? enquiry,
        CancellationToken cancellationToken)
    {
        var conference = StatutoryRules.InitialConference.Id;
        var afterEmergency = StatutoryRules.StrategyDiscussionAfterEmergency.Id;
        var enquiryId = enquiry?.Id;
        var stale = await db.ClockRecords.Where(c => (enquiryId != null && c.SubjectId == enquiryId && c.RuleId == conference)
                || (c.EpisodeId == discussion.EpisodeId && c.RuleId == afterEmergency && db.Referrals.Any(r => r.Id == c.SubjectId)))
            .ToListAsync(cancellationToken);
        db.ClockRecords.RemoveRange(stale);
    }

    /// <summary>Emergency action is followed by a strategy discussion as soon as possible (IP-05): urgent until one is held in the episode.</summary>
    private async Task StoreEmergencyActionAsync(SafeguardDbContext db, EmergencyAction action, CancellationToken cancellationToken)
    {
        var history = new List<ClockEvent> { new(EventKind.EmergencyActionTaken, action.TakenOn) };
        var discussions = Union(Tracked<StrategyDiscussion>(db).Where(d => d.EpisodeId == action.EpisodeId),
            await db.StrategyDiscussions.Where(d => d.EpisodeId == action.EpisodeId).ToListAsync(cancellationToken), d => d.Id);
        history.AddRange(discussions.Where(d => d.HeldOn >= action.TakenOn).OrderBy(d => d.HeldOn).Select(d => new ClockEvent(EventKind.StrategyDiscussionHeld, d.HeldOn)));
        foreach (var (clock, duty) in Compute(RecordKinds.EmergencyAction, action.Id, history))
        {
            await UpsertAsync(db, clock, action.AreaId, action.ChildId, action.EpisodeId, duty.Role, null, cancellationToken);
        }
    }

    /// <summary>
    /// A child protection plan's clocks, from its events (<see cref="Events.RecordHistory.OfChildProtectionPlanAsync"/>): the first core group
    /// within 10 working days (CG-01), the first review within 3 months (RCPC-01), then every 6 months (RCPC-02), a move's transfer-in
    /// conference (DISC-02) and the 18th birthday. The plan's lead social worker answers for them (a change of lead is an event too).
    /// </summary>
    private async Task StorePlanAsync(SafeguardDbContext db, ChildProtectionPlan plan, CancellationToken cancellationToken)
    {
        var birthday = (await db.Children.Where(c => c.Id == plan.ChildId).Select(c => c.DateOfBirth).SingleOrDefaultAsync(cancellationToken))?.AddYears(18);
        var history = await Events.RecordHistory.OfChildProtectionPlanAsync(db, plan, birthday, cancellationToken);
        foreach (var (clock, duty) in Compute(RecordKinds.ChildProtectionPlan, plan.Id, history))
        {
            await UpsertAsync(db, clock, plan.AreaId, plan.ChildId, plan.EpisodeId, duty.Role, plan.LeadSocialWorkerId, cancellationToken);
        }
    }

    private async Task StoreEpisodeAsync(SafeguardDbContext db, Episode episode, CancellationToken cancellationToken)
    {
        var history = episode.History().ToList();
        if (episode.MovedInOnPlan is not null)
        {
            var transferIn = Union(Tracked<ChildProtectionConference>(db).Where(c => c.EpisodeId == episode.Id),
                await db.Conferences.Where(c => c.EpisodeId == episode.Id).ToListAsync(cancellationToken), c => c.Id)
                .Where(c => c.Kind == ConferenceKind.TransferIn).Select(c => (DateOnly?)c.HeldOn).Min();
            if (transferIn is { } held)
            {
                history.Add(new ClockEvent(EventKind.TransferInConferenceHeld, held));
            }
        }

        if (history.Count == 0)
        {
            return;
        }

        foreach (var (clock, duty) in Compute(RecordKinds.Episode, episode.Id, history))
        {
            await UpsertAsync(db, clock, episode.AreaId, episode.ChildId, episode.Id, duty.Role, episode.LeadPractitionerId, cancellationToken);
        }
    }

    /// <summary>The clocks a record's history runs under its kind's duties, each with the duty that says who answers for it.</summary>
    private IEnumerable<(Clock Clock, ClockDuty Duty)> Compute(RecordKind kind, Guid subjectId, IEnumerable<ClockEvent> history)
    {
        var duties = kind.Clocks.ToDictionary(d => d.Rule.Id, StringComparer.Ordinal);
        return ClockEngine.Compute(subjectId, [.. history], kind.ClockRules, calendar, EnglandClock.Today(time)).Select(c => (c, duties[c.RuleId]));
    }

    private async Task UpsertAsync(SafeguardDbContext db, Clock clock, Guid areaId, Guid childId, Guid? episodeId, PractitionerRole responsible,
        Guid? responsiblePractitionerId, CancellationToken cancellationToken)
    {
        // The general stop, whatever the rule: the child's or the episode's work has ended.
        clock = await GeneralClockStops.ApplyAsync(db, clock, childId, episodeId, EnglandClock.Today(time), cancellationToken);
        // Enquiries are clocks of their own: the instance keeps two on the same day apart.
        var id = ClockRecord.IdFor(clock.SubjectId, clock.Instance is null ? clock.RuleId : $"{clock.RuleId}:{clock.Instance}", clock.StartedOn);
        var record = db.ClockRecords.Local.FirstOrDefault(c => c.Id == id)
            ?? await db.ClockRecords.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (record is null)
        {
            record = new ClockRecord { Id = id, RuleId = clock.RuleId, ResponsibleRole = responsible.ToString() };
            db.ClockRecords.Add(record);
        }

        record.AreaId = areaId;
        record.SubjectId = clock.SubjectId;
        record.ChildId = childId;
        record.EpisodeId = episodeId;
        record.StartedOn = clock.StartedOn;
        record.DueOn = clock.DueOn;
        record.CompletedOn = clock.CompletedOn;
        record.IsOpen = clock.Status is ClockStatus.Running or ClockStatus.DueToday or ClockStatus.Overdue or ClockStatus.Urgent;
        record.Status = record.IsOpen ? (clock.DueOn is null ? ClockStatus.Urgent : ClockStatus.Running) : clock.Status;
        record.ReasonRecorded = clock.ReasonRecorded;
        record.ResponsiblePractitionerId = responsiblePractitionerId;
    }

    /// <summary>The records of a kind this save appends events to, tracked or read.</summary>
    private static async Task<List<T>> GivenEventsAsync<T>(SafeguardDbContext db, RecordKind kind, IQueryable<T> table, CancellationToken cancellationToken)
        where T : class
    {
        var ids = RecordsGivenEvents(db, kind);
        if (ids.Count == 0)
        {
            return [];
        }

        var tracked = Tracked<T>(db).Where(r => ids.Contains(kind.SubjectOf(r).Id)).ToList();
        var missing = ids.Where(id => tracked.TrueForAll(r => kind.SubjectOf(r).Id != id)).ToList();
        if (missing.Count > 0)
        {
            tracked.AddRange(await table.Where(r => missing.Contains(EF.Property<Guid>(r, "Id"))).ToListAsync(cancellationToken));
        }

        return tracked;
    }

    private static IEnumerable<T> Changed<T>(SafeguardDbContext db) where T : class =>
        db.ChangeTracker.Entries<T>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity);

    private static IEnumerable<T> Tracked<T>(SafeguardDbContext db) where T : class =>
        db.ChangeTracker.Entries<T>().Where(e => e.State is not EntityState.Deleted and not EntityState.Detached).Select(e => e.Entity);

    private static List<T> Union<T>(IEnumerable<T> tracked, List<T> stored, Func<T, Guid> id) =>
        [.. tracked.Concat(stored).DistinctBy(id)];
}
