using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.InformationSharing;
using Safeguard.Domain.LookedAfter;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Access;
using Safeguard.Web.Account;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.LookedAfter;

public sealed record PlacementInput(DateOnly? StartedOn, PlacementType? Type, string? Where, bool? OutOfArea, string? ReceivingAuthority, Guid? Version = null);

public sealed record StartLookedAfterInput(DateOnly? StartedOn, LegalStatus? LegalStatus, string? Reasons, PlacementInput? Placement);

public sealed record LegalStatusInput(LegalStatus? LegalStatus, DateOnly? From, Guid? Version);

public sealed record CarePlanInput(DateOnly? AgreedOn, string? Care, string? Safeguarding, Guid? Version);

public sealed record CarePlanReviewInput(DateOnly? HeldOn, string? ChairedBy, string? ChildsViews, string? Decisions, Guid? Section47EnquiryId, Guid? Version);

public sealed record NotificationInput(Guid? PlacementId, PlacementEvent? Event, NotifiedParty? Party, DateOnly? SentOn, string? SentTo, string? WhatWasShared,
    Guid? Version);

public sealed record ReturnHomeAssessmentInput(DateOnly? CompletedOn, string? Assessment, string? ServicesAndSupport, Guid? Version);

public sealed record ReturnHomeApprovalInput(string? Reasons, string? LeavingCareAssessment, Guid? Version);

public sealed record ReturnHomeInput(DateOnly? ReturnedOn, Guid? Version);

public sealed record UnplannedReturnInput(DateOnly? ReturnedOn, string? WhatHappened, string? SafetyCheck, bool? SignificantHarmSuspected, string? ActionTaken,
    Guid? Version);

public sealed record CeaseInput(DateOnly? EndedOn, string? Notes, Guid? Version);

public sealed record ReunificationPlanInput(DateOnly? AgreedOn, string? Services, string? Timeline, bool? Explained, string? WhyNotExplained, Guid? Version);

public sealed record ReunificationReviewInput(DateOnly? HeldOn, bool? ChildSeen, bool? SeenAlone, string? WhyNotSeenAlone, string? ChildsWishes, string? Impact,
    Guid? Version);

/// <summary>
/// A period of care as the API and the pages show it: what the record holds, and what it is still waiting for — the care plan
/// (LAC-01), the notifications to send (LAC-02) and section 47 enquiries with no care plan review alongside (LAC-03).
/// </summary>
public sealed record LookedAfterView(Guid Id, Guid EpisodeId, Guid ChildId, DateOnly StartedOn, string Reasons, LegalStatus LegalStatus, string LegalStatusCode,
    IReadOnlyList<LegalStatusChange> LegalStatuses, bool HasCarePlan, CarePlanVersion? CarePlan, IReadOnlyList<CarePlanVersion> CarePlans,
    IReadOnlyList<CarePlanReview> Reviews, IReadOnlyList<Placement> Placements, IReadOnlyList<NotificationDue> Notifications,
    IReadOnlyList<NotificationDue> NotificationsToSend, IReadOnlyList<Guid> Section47WithoutReview, ReturnHomeAssessment? ReturnHomeAssessment,
    ReturnHomeApproval? ReturnHomeApproval, UnplannedReturn? UnplannedReturn, IReadOnlyList<ReunificationPlan> ReunificationPlans,
    IReadOnlyList<ReunificationReview> ReunificationReviews, DateOnly? EndedOn, LookedAfterEndReason? EndReason, string? EndNotes, bool IsOpen,
    bool ReturnedHome, Guid Version)
{
    public static LookedAfterView Of(LookedAfterPeriod p, IEnumerable<(Guid Id, DateOnly StartedOn, DateOnly? ConcludedOn)> enquiries)
    {
        var due = p.NotificationsDue();
        return new(p.Id, p.EpisodeId, p.ChildId, p.StartedOn, p.Reasons, p.LegalStatus, p.LegalStatus.Ssda903Code(), p.LegalStatuses, p.HasCarePlan, p.CarePlan,
            p.CarePlans, p.Reviews, p.Placements, due, [.. due.Where(d => !d.IsSent)], p.EnquiriesWithoutReview(enquiries), p.ReturnHomeAssessment,
            p.ReturnHomeApproval, p.UnplannedReturn, p.ReunificationPlans, p.ReunificationReviews, p.EndedOn, p.EndReason, p.EndNotes, p.IsOpen, p.ReturnedHome,
            p.Version);
    }
}

/// <summary>
/// Looked after children on the child's episode: becoming looked after, the care plan and its reviews, placements and their
/// notifications, the return home and what follows. Only children's social care takes these steps; the child's lead
/// practitioner can read them. Each step is on the child's chronology with its author, in the same save.
/// </summary>
public sealed class LookedAfterSteps(SafeguardDbContext db, EpisodeAccess access, TimeProvider time)
{
    /// <summary>Consent is not the basis for a notification the placing authority must make.</summary>
    public const string NotificationWithoutConsent =
        "A notification the placing authority must make (Care Planning, Placement and Case Review (England) Regulations 2010; guidance ¶232-233): consent is not the basis.";

    public async Task<LookedAfterPeriod> StartAsync(ClaimsPrincipal user, Guid episodeId, StartLookedAfterInput input, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken) ?? throw new RecordNotFoundException();
        await access.RequireChildrensSocialCareAsync(user, episode, cancellationToken);
        Requirement.Require(!await db.LookedAfterPeriods.AnyAsync(p => p.ChildId == episode.ChildId && p.EndedOn == null, cancellationToken), "SG-LAC-29",
            "The child is already looked after: record a change of legal status or placement on their looked after record.");
        var me = await MeAsync(user, cancellationToken);
        var (now, today) = Now();
        var on = input.StartedOn ?? today;
        var placement = input.Placement ?? new PlacementInput(null, null, null, null, null);
        var period = LookedAfterPeriod.Start(Guid.CreateVersion7(now), Guid.CreateVersion7(now), episode, me, on, input.LegalStatus, input.Reasons ?? string.Empty,
            new PlacementDetails(placement.StartedOn ?? on, placement.Type, placement.Where ?? string.Empty, placement.OutOfArea, placement.ReceivingAuthority),
            today);
        db.LookedAfterPeriods.Add(period);
        db.Note(period.AreaId, period.ChildId, period.EpisodeId, period.StartedOn, now, ChronologyKind.LookedAfter,
            $"Became looked after ({period.LegalStatus.Describe()}, {period.LegalStatus.Ssda903Code()}): {period.Reasons} Placed in {Describe(period.Placements[0], inSentence: true)}. "
            + "A care plan is needed (LAC-01).", nameof(LookedAfterPeriod), period.Id);
        await db.SaveChangesAsync(cancellationToken);
        return period;
    }

    public Task<LookedAfterPeriod> ChangeLegalStatusAsync(ClaimsPrincipal user, Guid id, LegalStatusInput input, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, input.Version, (period, me, now, today) =>
        {
            period.ChangeLegalStatus(me.Id, input.LegalStatus, input.From ?? today, today);
            var change = period.LegalStatuses[^1];
            return (change.From, $"Legal status changed to {change.Status.Describe()} ({change.Status.Ssda903Code()}) from {change.From:d MMMM yyyy}.");
        }, cancellationToken);

    public Task<LookedAfterPeriod> AgreeCarePlanAsync(ClaimsPrincipal user, Guid id, CarePlanInput input, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, input.Version, (period, me, now, today) =>
        {
            period.AgreeCarePlan(me.Id, input.AgreedOn ?? today, input.Care ?? string.Empty, input.Safeguarding ?? string.Empty, today);
            var plan = period.CarePlan!;
            return (plan.AgreedOn, $"Care plan {(plan.Number == 1 ? "agreed" : $"updated (version {plan.Number})")}. How the child is cared for: {plan.Care} "
                + $"How their welfare is safeguarded: {plan.Safeguarding}");
        }, cancellationToken);

    /// <summary>Reviews the care plan; a review alongside a section 47 enquiry links to it (LAC-03).</summary>
    public async Task<LookedAfterPeriod> ReviewCarePlanAsync(ClaimsPrincipal user, Guid id, CarePlanReviewInput input, CancellationToken cancellationToken)
    {
        var enquiry = input.Section47EnquiryId is { } enquiryId
            ? await db.Section47Enquiries.AsNoTracking().FirstOrDefaultAsync(q => q.Id == enquiryId, cancellationToken)
                ?? throw new RuleViolationException("LAC-03", "Choose a section 47 enquiry about this child.", "Section47EnquiryId")
            : null;
        return await ChangeAsync(user, id, input.Version, (period, me, now, today) =>
        {
            period.ReviewCarePlan(Guid.CreateVersion7(now), me.Id, input.HeldOn ?? today, input.ChairedBy ?? string.Empty, input.ChildsViews ?? string.Empty,
                input.Decisions ?? string.Empty, enquiry, today);
            var review = period.Reviews[^1];
            return (review.HeldOn, $"Care plan reviewed, chaired by {review.ChairedBy}"
                + (enquiry is null ? string.Empty : $", alongside the section 47 enquiry from {enquiry.StartedOn:d MMMM yyyy}")
                + $". The child's views: {review.ChildsViews} Decisions: {review.Decisions}");
        }, cancellationToken);
    }

    public Task<LookedAfterPeriod> MovePlacementAsync(ClaimsPrincipal user, Guid id, PlacementInput input, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, input.Version, (period, me, now, today) =>
        {
            period.MovePlacement(Guid.CreateVersion7(now), me.Id,
                new PlacementDetails(input.StartedOn ?? today, input.Type, input.Where ?? string.Empty, input.OutOfArea, input.ReceivingAuthority), today);
            var placement = period.Placements[^1];
            return (placement.StartedOn, $"Placement changed: now in {Describe(placement, inSentence: true)}.");
        }, cancellationToken);

    /// <summary>
    /// Records a notification sent about a placement (LAC-02) as information shared about the child, in the same save: what,
    /// with whom, when, and why consent is not the basis.
    /// </summary>
    public async Task<LookedAfterPeriod> RecordNotificationAsync(ClaimsPrincipal user, Guid id, NotificationInput input, CancellationToken cancellationToken)
    {
        var period = await PeriodAsync(user, id, cancellationToken);
        EditConflictException.Check(db, period, input.Version, period.Version);
        var me = await MeAsync(user, cancellationToken);
        var mine = await db.Agencies.SingleAsync(a => a.Id == me.AgencyId, cancellationToken);
        var (now, today) = Now();
        var placement = period.Placements.FirstOrDefault(p => p.Id == input.PlacementId);
        Requirement.Require(placement is not null && input.Event is not null && input.Party is not null, "LAC-02", "Choose the notification you are recording.",
            "Notification");
        var sentTo = string.IsNullOrWhiteSpace(input.SentTo) && input.Party == NotifiedParty.ReceivingAuthority ? placement!.ReceivingAuthority : input.SentTo;
        var childName = await db.Children.Where(c => c.Id == period.ChildId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        var what = string.IsNullOrWhiteSpace(input.WhatWasShared) ? DefaultNotice(period, placement!, input.Event!.Value, childName) : input.WhatWasShared;
        var sentOn = input.SentOn ?? today;
        var sharingId = Guid.CreateVersion7(now);
        var notification = period.RecordNotification(me.Id, placement!.Id, input.Event, input.Party, sentOn, sentTo ?? string.Empty, sharingId, today);
        var sharing = InformationSharingRecord.Record(sharingId, period.AreaId, period.ChildId, sentOn, today, now, me.Id, what, mine.Name, mine.Id,
            notification.SentTo, null, LawfulBasis.LegalObligation, consentSought: false, consentGiven: null, NotificationWithoutConsent,
            nameof(LookedAfterPeriod), period.Id);
        db.RecordSharing(sharing, period.EpisodeId, noteOnChronology: true);
        await db.SaveChangesAsync(cancellationToken);
        return period;
    }

    public async Task<LookedAfterPeriod> AssessReturnHomeAsync(ClaimsPrincipal user, Guid id, ReturnHomeAssessmentInput input, CancellationToken cancellationToken) =>
        await ChangeAsync(user, id, input.Version, (period, me, now, today) =>
        {
            period.AssessReturnHome(me, input.CompletedOn ?? today, input.Assessment ?? string.Empty, input.ServicesAndSupport ?? string.Empty, today);
            var assessment = period.ReturnHomeAssessment!;
            return (assessment.CompletedOn, $"Return home assessed by {me.FullName} (regulation 39); the outcome is in the care plan (version {period.CarePlan!.Number}). "
                + $"{assessment.Assessment} Services and support: {assessment.ServicesAndSupport}");
        }, cancellationToken);

    /// <summary>A social work qualified manager approves ceasing to look after the child (LAC-04).</summary>
    public async Task<LookedAfterPeriod> ApproveReturnHomeAsync(ClaimsPrincipal user, Guid id, ReturnHomeApprovalInput input, CancellationToken cancellationToken)
    {
        var period = await PeriodAsync(user, id, cancellationToken);
        var born = await db.Children.Where(c => c.Id == period.ChildId).Select(c => c.DateOfBirth).SingleAsync(cancellationToken);
        return await ChangeAsync(period, input.Version, user, (p, me, now, today) =>
        {
            p.ApproveReturnHome(me, today, input.Reasons ?? string.Empty, input.LeavingCareAssessment, born, today);
            var approval = p.ReturnHomeApproval!;
            return (approval.ApprovedOn, $"{me.FullName} approved ceasing to look after the child, for a planned return home (regulation 39): {approval.Reasons}"
                + (approval.LeavingCareAssessment is { } leaving ? $" Leaving care needs assessment: {leaving}" : string.Empty));
        }, cancellationToken);
    }

    public Task<LookedAfterPeriod> ReturnHomeAsPlannedAsync(ClaimsPrincipal user, Guid id, ReturnHomeInput input, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, input.Version, (period, me, now, today) =>
        {
            period.ReturnHomeAsPlanned(me.Id, input.ReturnedOn ?? today, today);
            return (period.EndedOn!.Value, "Returned home as planned and approved: no longer looked after. A reunification plan follows (LAC-06).");
        }, cancellationToken);

    public Task<LookedAfterPeriod> ReturnHomeUnplannedAsync(ClaimsPrincipal user, Guid id, UnplannedReturnInput input, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, input.Version, (period, me, now, today) =>
        {
            period.ReturnHomeUnplanned(me.Id, input.ReturnedOn ?? today, input.WhatHappened ?? string.Empty, input.SafetyCheck ?? string.Empty,
                input.SignificantHarmSuspected, input.ActionTaken, today);
            var r = period.UnplannedReturn!;
            return (r.ReturnedOn, $"Returned home from section 20 accommodation without a plan: {r.WhatHappened} Immediate safety check: {r.SafetyCheck}"
                + (r.SignificantHarmSuspected ? $" Significant harm suspected; action taken: {r.ActionTaken}" : " No significant harm suspected."));
        }, cancellationToken);

    public Task<LookedAfterPeriod> CeaseAsync(ClaimsPrincipal user, Guid id, CeaseInput input, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, input.Version, (period, me, now, today) =>
        {
            period.Cease(me, input.EndedOn ?? today, input.Notes ?? string.Empty, today);
            return (period.EndedOn!.Value, $"No longer looked after, recorded by {me.FullName}: {period.EndNotes}");
        }, cancellationToken);

    public async Task<LookedAfterPeriod> PlanReunificationAsync(ClaimsPrincipal user, Guid id, ReunificationPlanInput input, CancellationToken cancellationToken)
    {
        var period = await PeriodAsync(user, id, cancellationToken);
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == period.EpisodeId, cancellationToken);
        var lead = episode.LeadPractitionerId is { } leadId ? await db.Practitioners.SingleAsync(p => p.Id == leadId, cancellationToken) : null;
        return await ChangeAsync(period, input.Version, user, (p, me, now, today) =>
        {
            p.PlanReunification(me.Id, input.AgreedOn ?? today, input.Services ?? string.Empty, input.Timeline ?? string.Empty, input.Explained, input.WhyNotExplained,
                lead, episode.SpecificNeeds.HasFlag(SpecificNeed.HarmOutsideTheHome), today);
            var plan = p.ReunificationPlan!;
            return (plan.AgreedOn, $"Reunification plan agreed. Services and support: {plan.Services} Timeline: {plan.Timeline}"
                + (plan.Explained ? " Explained to the child and family." : $" Not yet explained to the child and family: {plan.WhyNotExplained}"));
        }, cancellationToken);
    }

    public Task<LookedAfterPeriod> ReviewReunificationAsync(ClaimsPrincipal user, Guid id, ReunificationReviewInput input, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, input.Version, (period, me, now, today) =>
        {
            period.ReviewReunification(me.Id, input.HeldOn ?? today, input.ChildSeen, input.SeenAlone, input.WhyNotSeenAlone, input.ChildsWishes ?? string.Empty,
                input.Impact ?? string.Empty, today);
            var r = period.ReunificationReviews[^1];
            return (r.HeldOn, "Reunification review: " + (r.SeenAlone ? "the child was seen alone." : $"the child was {(r.ChildSeen ? "seen, not alone" : "not seen")}: {r.WhyNotSeenAlone}")
                + $" The child's wishes: {r.ChildsWishes} Impact of the services: {r.Impact}");
        }, cancellationToken);

    /// <summary>The view of a period, with the child's section 47 enquiries for LAC-03.</summary>
    public async Task<LookedAfterView> ViewAsync(LookedAfterPeriod period, CancellationToken cancellationToken)
    {
        var enquiries = await db.Section47Enquiries.AsNoTracking().Where(q => q.EpisodeId == period.EpisodeId)
            .Select(q => new { q.Id, q.StartedOn, q.ConcludedOn }).ToListAsync(cancellationToken);
        return LookedAfterView.Of(period, enquiries.Select(q => (q.Id, q.StartedOn, q.ConcludedOn)));
    }

    /// <summary>The placement in words: "Foster care: ..." on its own, "foster care: ..." inside a sentence.</summary>
    public static string Describe(Placement placement, bool inSentence = false)
    {
        var type = placement.Type.Describe();
        return $"{(inSentence ? type.ToLowerInvariant() : type)}: {placement.Where}" + (placement.OutOfArea ? $" (out of area, in {placement.ReceivingAuthority})" : string.Empty);
    }

    public static string Describe(NotifiedParty party) => party switch
    {
        NotifiedParty.ReceivingAuthority => "Receiving local authority",
        NotifiedParty.GeneralPractitioner => "The child's GP",
        _ => "Integrated care board",
    };

    public static string Describe(NotificationDue due) => due.Event switch
    {
        PlacementEvent.Started => $"{Describe(due.Party)}{(due.Party == NotifiedParty.ReceivingAuthority ? $" ({due.ReceivingAuthority})" : string.Empty)}: placement started {due.EventOn:d MMMM yyyy}",
        _ => $"{Describe(due.Party)}{(due.Party == NotifiedParty.ReceivingAuthority ? $" ({due.ReceivingAuthority})" : string.Empty)}: placement ended {due.EventOn:d MMMM yyyy}",
    };

    public static string Describe(LookedAfterEndReason reason) => reason switch
    {
        LookedAfterEndReason.PlannedReturnHome => "Returned home as planned",
        LookedAfterEndReason.UnplannedReturnHome => "Returned home without a plan",
        _ => "Other",
    };

    private static string DefaultNotice(LookedAfterPeriod period, Placement placement, PlacementEvent placementEvent, string childName) =>
        placementEvent == PlacementEvent.Started
            ? $"Notification that {childName}, looked after ({period.LegalStatus.Describe().ToLowerInvariant()}), was placed on {placement.StartedOn:d MMMM yyyy} in {Describe(placement, inSentence: true)}."
            : $"Notification that {childName} left the placement in {Describe(placement, inSentence: true)} on {placement.EndedOn:d MMMM yyyy}"
                + (period.IsOpen ? "." : " and is no longer looked after.");

    private async Task<LookedAfterPeriod> ChangeAsync(ClaimsPrincipal user, Guid id, Guid? version,
        Func<LookedAfterPeriod, Practitioner, DateTimeOffset, DateOnly, (DateOnly On, string Summary)> step, CancellationToken cancellationToken) =>
        await ChangeAsync(await PeriodAsync(user, id, cancellationToken), version, user, step, cancellationToken);

    /// <summary>Takes one step on the period and notes it on the chronology, in one save.</summary>
    private async Task<LookedAfterPeriod> ChangeAsync(LookedAfterPeriod period, Guid? version, ClaimsPrincipal user,
        Func<LookedAfterPeriod, Practitioner, DateTimeOffset, DateOnly, (DateOnly On, string Summary)> step, CancellationToken cancellationToken)
    {
        EditConflictException.Check(db, period, version, period.Version);
        var me = await MeAsync(user, cancellationToken);
        var (now, today) = Now();
        var (on, summary) = step(period, me, now, today);
        db.Note(period.AreaId, period.ChildId, period.EpisodeId, on, now, ChronologyKind.LookedAfter, summary, nameof(LookedAfterPeriod), period.Id);
        await db.SaveChangesAsync(cancellationToken);
        return period;
    }

    private async Task<LookedAfterPeriod> PeriodAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var period = await db.LookedAfterPeriods.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RecordNotFoundException();
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == period.EpisodeId, cancellationToken);
        await access.RequireChildrensSocialCareAsync(user, episode, cancellationToken);
        return period;
    }

    private Task<Practitioner> MeAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);

    private (DateTimeOffset Now, DateOnly Today) Now()
    {
        var now = time.GetUtcNow();
        return (now, EnglandClock.ToEnglandDate(now));
    }

}
