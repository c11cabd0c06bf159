using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Data.Events;
using Safeguard.Data.Records;
using Safeguard.Domain;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.Rules;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.ChildProtection;

public sealed record AttendeeInput(string? Name, string? Agency, AttendeeRole? Role);

public sealed record ActionInput(string? What, string? Who, DateOnly? ByWhen);

public sealed record DiscussionInput(DateOnly? HeldOn, IReadOnlyList<AttendeeInput>? Attendees, string? InformationShared, CriminalInvestigation? PoliceDecision,
    string? PoliceReasons, bool? Section47, string? Section47Reasons, IReadOnlyList<ActionInput>? Actions, bool? LegalActionNeeded, string? WhatToShareWithFamily,
    string? WhyAttendanceShort);

public sealed record StartEnquiryInput(Guid? LeadId);

public sealed record EnquiryInput(DateOnly? ChildSeenOn, bool? SeenAlone, string? WhyNotSeenAlone, string? ChildsWishesAndFeelings, bool? ParentsInterviewed,
    bool? JointWithPolice, string? SpecialistAssessments, bool SuspectedSexualAbuse, string? HealthRepresentative, Guid? Version);

public sealed record EnquiryOutcomeInput(Section47Outcome? Outcome, string? Reasons, bool? ReasonsShared, string? OngoingSupport, Guid? Version);

public sealed record MemberInput(string? Name, string? Agency, Guid? PractitionerId = null);

public sealed record PlanActionInput(string? What, string? Who, DateOnly? ByWhen);

public sealed record ConferenceInput(DateOnly? HeldOn, Guid? ChairId, IReadOnlyList<AttendeeInput>? Attendees, string? ChildsViews, string? FamilyParticipation,
    bool? PlanNeeded, string? Reasons, string? Category, Guid? LeadSocialWorkerId, IReadOnlyList<MemberInput>? CoreGroup, IReadOnlyList<PlanActionInput>? OutlinePlan);

public sealed record CoreGroupInput(DateOnly? HeldOn, string? Decisions, string? AbsentViews, IReadOnlyList<Guid>? ActionsDone, Guid? Version);

public sealed record ReviewConferenceInput(DateOnly? HeldOn, Guid? ChairId, bool? PlanContinues, string? Category, string? Reasons, string? ProceedingsDecision,
    Guid? Version, IReadOnlyList<AttendeeInput>? Attendees = null, string? ChildsViews = null, string? WhyChildsViewsNotObtained = null,
    string? FamilyParticipation = null, string? AgencyReports = null);

public sealed record EmergencyActionInput(DateOnly? TakenOn, EmergencyPower? Power, string? ActingAgency, string? Action, string? ChildSeenBy,
    string? OtherChildrenConsidered, bool? LegalAdviceTaken, string? WhyNoLegalAdvice, string? ResponsibleAuthority);

public sealed record AcceptanceInput(string? AcceptedBy, DateOnly? AcceptedOn);

public sealed record ConferenceRequestInput(string? RequestedBy, string? Agency, string? Concerns, DateOnly? RequestedOn);

public sealed record ConferenceAnswerInput(bool? Agreed, string? Answer);

public sealed record EndCpPlanInput(PlanEndReason? Reason, string? Notes, DateOnly? On, Guid? Version);

/// <summary>
/// The move to another area: the receiving authority by name, or — when it is an area in Safeguard — by its id
/// (<paramref name="ReceivingAreaId"/>), to which the transfer package is then sent as an exchange with its lawful basis.
/// </summary>
public sealed record MoveInput(string? ReceivingAuthority, DateOnly? NotifiedOn, Guid? Version, Guid? ReceivingAreaId = null,
    Domain.InformationSharing.LawfulBasis? LawfulBasis = null);

public sealed record TransferInHeldInput(DateOnly? HeldOn, string? Outcome, Guid? Version);

public sealed record MoveAbandonedInput(DateOnly? On, Guid? Version);

public sealed record CpPlanView(Guid Id, Guid EpisodeId, Guid ChildId, DateOnly StartedOn, string InitialCategory, string LatestCategory, Guid LeadSocialWorkerId,
    IReadOnlyList<CoreGroupMember> CoreGroup, IReadOnlyList<PlanAction> Actions, IReadOnlyList<CoreGroupMeeting> CoreGroupMeetings,
    IReadOnlyList<ReviewConference> Reviews, DateOnly? EndedOn, PlanEndReason? EndReason, string? EndNotes, DateOnly FirstCoreGroupBy, DateOnly NextReviewBy,
    Guid Version, string? MovingTo = null, DateOnly? MoveNotifiedOn = null, DateOnly? TransferInConferenceBy = null, DateOnly? TransferInConferenceOn = null,
    string? TransferInOutcome = null, DateOnly? MoveAbandonedOn = null, IReadOnlyList<Domain.Plans.PlanChange>? Changes = null)
{
    /// <summary>The next review is due 3 months after the initial conference, then 6 months after each review (RCPC-01, RCPC-02).</summary>
    public static CpPlanView Of(ChildProtectionPlan p, WorkingDayCalendar calendar) => new(p.Id, p.EpisodeId, p.ChildId, p.StartedOn, p.InitialCategory,
        p.LatestCategory, p.LeadSocialWorkerId, p.CoreGroup, p.Actions, p.CoreGroupMeetings, p.Reviews, p.EndedOn, p.EndReason, p.EndNotes,
        StatutoryRules.FirstCoreGroup.Due(p.StartedOn, calendar)!.Value,
        p.Reviews.Count == 0 ? StatutoryRules.FirstReviewConference.Due(p.StartedOn, calendar)!.Value
            : StatutoryRules.NextReviewConference.Due(p.Reviews[^1].HeldOn, calendar)!.Value, p.Version, p.MovingTo, p.MoveNotifiedOn,
        p.MoveNotifiedOn is { } notified ? StatutoryRules.TransferInConference.Due(notified, calendar) : null, p.TransferInConferenceOn, p.TransferInOutcome,
        p.MoveAbandonedOn, p.Changes);
}

public sealed record EnquiryView(Guid Id, Guid EpisodeId, Guid ChildId, Guid StrategyDiscussionId, DateOnly StartedOn, DateOnly ConferenceDueBy, Guid LeadId,
    DateOnly? ChildSeenOn, bool? SeenAlone, string? WhyNotSeenAlone, string? ChildsWishesAndFeelings, bool? ParentsInterviewed, bool? JointWithPolice,
    string? SpecialistAssessments, bool SuspectedSexualAbuse, string? HealthRepresentative, Section47Outcome? Outcome, string? OutcomeReasons, bool? ReasonsShared,
    string? OngoingSupport, DateOnly? ConcludedOn, IReadOnlyList<ConferenceRequest> ConferenceRequests, Guid Version)
{
    public static EnquiryView Of(Section47Enquiry e, DateOnly dueBy) => new(e.Id, e.EpisodeId, e.ChildId, e.StrategyDiscussionId, e.StartedOn, dueBy, e.LeadId,
        e.ChildSeenOn, e.SeenAlone, e.WhyNotSeenAlone, e.ChildsWishesAndFeelings, e.ParentsInterviewed, e.JointWithPolice, e.SpecialistAssessments,
        e.SuspectedSexualAbuse, e.HealthRepresentative, e.Outcome, e.OutcomeReasons, e.ReasonsShared, e.OngoingSupport, e.ConcludedOn, e.ConferenceRequests, e.Version);
}

public sealed record DiscussionView(Guid Id, Guid EpisodeId, Guid ChildId, DateOnly HeldOn, IReadOnlyList<Attendee> Attendees, string InformationShared,
    CriminalInvestigation PoliceDecision, string? PoliceReasons, bool Section47, string Section47Reasons, IReadOnlyList<AgreedAction> Actions,
    bool LegalActionNeeded, string? WhatToShareWithFamily, string? WhyAttendanceShort, bool AttendanceMet, Guid? ConfirmedBy, bool Section47Initiated,
    bool ChildLookedAfter, IReadOnlyList<AttendeeRole> MissingAttendance, bool AwaitsConfirmation)
{
    public static DiscussionView Of(StrategyDiscussion d) => new(d.Id, d.EpisodeId, d.ChildId, d.HeldOn, d.Attendees, d.InformationShared, d.PoliceDecision,
        d.PoliceReasons, d.Section47, d.Section47Reasons, d.Actions, d.LegalActionNeeded, d.WhatToShareWithFamily, d.WhyAttendanceShort, d.AttendanceMet,
        d.ConfirmedBy, d.Section47Initiated, d.ChildLookedAfter, d.MissingAttendance, d.AwaitsConfirmation);
}

/// <summary>
/// Strategy discussions and section 47 enquiries on a child's episode. Only children's social care takes these steps
/// (the local authority decides on section 47, SD-03); each is on the child's chronology, saved once.
/// </summary>
public sealed class ChildProtectionSteps(SafeguardDbContext db, EpisodeAccess access, WorkingDayCalendar calendar, TimeProvider time,
    Exchanges.ExchangeSteps exchanges)
{
    /// <summary>The initial conference is due 15 working days after the discussion that initiated the enquiry (ICPC-01).</summary>
    public DateOnly ConferenceDueBy(Section47Enquiry enquiry) => StatutoryRules.InitialConference.Due(enquiry.StartedOn, calendar)!.Value;

    public async Task<StrategyDiscussion> RecordDiscussionAsync(ClaimsPrincipal user, Guid episodeId, DiscussionInput input, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken) ?? throw new RecordNotFoundException();
        await access.RequireChildrensSocialCareAsync(user, episode, cancellationToken);
        var me = await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        Requirement.Require(input.HeldOn is not null, "SG-SD-01", "Enter the date of the discussion.", "HeldOn");
        var actions = (input.Actions ?? []).Where(a => !string.IsNullOrWhiteSpace(a.What) || !string.IsNullOrWhiteSpace(a.Who) || a.ByWhen is not null).ToList();
        for (var i = 0; i < actions.Count; i++)
        {
            Requirement.Require(actions[i].ByWhen is not null, "SD-04", $"Action {i + 1}: enter the date it is due.", $"Actions[{i}].ByWhen");
        }

        var attendees = (input.Attendees ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Name) || !string.IsNullOrWhiteSpace(a.Agency) || a.Role is not null).ToList();
        for (var i = 0; i < attendees.Count; i++)
        {
            Requirement.Require(attendees[i].Role is not null, "SD-02", $"Attendee {i + 1}: select the part they play.", $"Attendees[{i}].Role");
        }

        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        var lookedAfter = await ChildLookedAfterAsync(episode.ChildId, cancellationToken);
        var discussion = StrategyDiscussion.Record(Guid.CreateVersion7(now), episode, me, new StrategyDiscussionRecord(input.HeldOn!.Value,
            [.. attendees.Select(a => new Attendee(a.Name ?? string.Empty, a.Agency ?? string.Empty, a.Role!.Value))], input.InformationShared ?? string.Empty,
            input.PoliceDecision, input.PoliceReasons, input.Section47, input.Section47Reasons,
            [.. actions.Select(a => new AgreedAction(a.What ?? string.Empty, a.Who ?? string.Empty, a.ByWhen!.Value))], input.LegalActionNeeded,
            input.WhatToShareWithFamily, input.WhyAttendanceShort), today, lookedAfter);
        db.StrategyDiscussions.Add(discussion);
        db.NoteEvent(discussion, ChronologyKind.StrategyDiscussion, new EventNames(calendar, me), now);
        await db.SaveChangesAsync(cancellationToken);
        return discussion;
    }

    /// <summary>Whether the child is looked after now: the residential or fostering service is then part of a strategy discussion's minimum (RC-05).</summary>
    public Task<bool> ChildLookedAfterAsync(Guid childId, CancellationToken cancellationToken) =>
        db.LookedAfterPeriods.AnyAsync(l => l.ChildId == childId && l.EndedOn == null, cancellationToken);

    public async Task<StrategyDiscussion> ConfirmAsync(ClaimsPrincipal user, Guid discussionId, CancellationToken cancellationToken)
    {
        var discussion = await db.StrategyDiscussions.FirstOrDefaultAsync(d => d.Id == discussionId, cancellationToken) ?? throw new RecordNotFoundException();
        await access.RequireChildrensSocialCareAsync(user, await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == discussion.EpisodeId, cancellationToken),
            cancellationToken);
        var manager = await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        var now = time.GetUtcNow();
        discussion.ConfirmAttendance(manager, EnglandClock.ToEnglandDate(now));
        db.NoteEvent(discussion, ChronologyKind.StrategyDiscussion, new EventNames(calendar, manager), now);
        await db.SaveChangesAsync(cancellationToken);
        return discussion;
    }

    public async Task<Section47Enquiry> StartEnquiryAsync(ClaimsPrincipal user, Guid discussionId, StartEnquiryInput input, CancellationToken cancellationToken)
    {
        // Tracked: the enquiry's start is appended to the discussion's history too (its initial conference clock falls to the enquiry's lead).
        var discussion = await db.StrategyDiscussions.FirstOrDefaultAsync(d => d.Id == discussionId, cancellationToken)
            ?? throw new RecordNotFoundException();
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == discussion.EpisodeId, cancellationToken);
        await access.RequireChildrensSocialCareAsync(user, episode, cancellationToken);
        Requirement.Require(!await db.Section47Enquiries.AnyAsync(q => q.StrategyDiscussionId == discussionId, cancellationToken), "SG-S47-05",
            "The section 47 enquiry from this discussion has already started.");
        var lead = input.LeadId is { } id ? await db.Practitioners.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        Requirement.Require(lead is not null, "RC-03", "Select the social worker who leads the enquiry.", "LeadId");
        var familyHelpLead = episode.LeadPractitionerId is { } lp ? await db.Practitioners.SingleAsync(p => p.Id == lp, cancellationToken) : null;
        var now = time.GetUtcNow();
        var enquiry = Section47Enquiry.Start(Guid.CreateVersion7(now), discussion, lead!, familyHelpLead);
        db.Section47Enquiries.Add(enquiry);
        db.NoteEvent(enquiry, ChronologyKind.Section47, new EventNames(calendar, lead), now);
        await db.SaveChangesAsync(cancellationToken);
        return enquiry;
    }

    public async Task<Section47Enquiry> RecordEnquiryAsync(ClaimsPrincipal user, Guid enquiryId, EnquiryInput input, CancellationToken cancellationToken)
    {
        var enquiry = await EnquiryAsync(user, enquiryId, cancellationToken);
        EditConflictException.Check(db, enquiry, input.Version, enquiry.Version);
        enquiry.RecordEnquiry(user.PractitionerId()!.Value, new EnquiryRecord(input.ChildSeenOn, input.SeenAlone, input.WhyNotSeenAlone,
            input.ChildsWishesAndFeelings, input.ParentsInterviewed, input.JointWithPolice, input.SpecialistAssessments, input.SuspectedSexualAbuse,
            input.HealthRepresentative), EnglandClock.Today(time));
        await db.SaveChangesAsync(cancellationToken);
        return enquiry;
    }

    public async Task<Section47Enquiry> ConcludeAsync(ClaimsPrincipal user, Guid enquiryId, EnquiryOutcomeInput input, CancellationToken cancellationToken)
    {
        var enquiry = await EnquiryAsync(user, enquiryId, cancellationToken);
        EditConflictException.Check(db, enquiry, input.Version, enquiry.Version);
        Requirement.Require(input.Outcome is not null, "S47-07", "Select the outcome of the enquiry.", "Outcome");
        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        enquiry.Conclude(user.PractitionerId()!.Value, input.Outcome!.Value, input.Reasons ?? string.Empty, input.ReasonsShared, input.OngoingSupport, today);
        // The outcome is appended to the discussion's history too: not substantiated, no initial conference is due (ICPC-01).
        (await db.StrategyDiscussions.SingleAsync(d => d.Id == enquiry.StrategyDiscussionId, cancellationToken)).EnquiryConcluded(enquiry);
        db.NoteEvent(enquiry, ChronologyKind.Section47, new EventNames(calendar), now);
        await db.SaveChangesAsync(cancellationToken);
        return enquiry;
    }

    /// <summary>Records the initial conference; when it decides on a plan, the plan is made in the same save (ICPC-05).</summary>
    public async Task<(ChildProtectionConference Conference, ChildProtectionPlan? Plan)> HoldInitialConferenceAsync(ClaimsPrincipal user, Guid enquiryId,
        ConferenceInput input, CancellationToken cancellationToken)
    {
        var enquiry = await db.Section47Enquiries.AsNoTracking().FirstOrDefaultAsync(q => q.Id == enquiryId, cancellationToken) ?? throw new RecordNotFoundException();
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == enquiry.EpisodeId, cancellationToken);
        await access.RequireChildrensSocialCareAsync(user, episode, cancellationToken);
        Requirement.Require(!await db.Conferences.AnyAsync(c => c.Section47EnquiryId == enquiryId, cancellationToken), "SG-CP-06",
            "The initial conference for this enquiry has already been recorded.");
        Requirement.Require(input.HeldOn is not null, "SG-CP-01", "Enter the date of the conference.", "HeldOn");
        var chair = input.ChairId is { } chairId ? await db.Practitioners.FirstOrDefaultAsync(p => p.Id == chairId, cancellationToken) : null;
        Requirement.Require(chair is not null, "ICPC-03", "Select the conference chair.", "ChairId");
        var lead = input.LeadSocialWorkerId is { } leadId ? await db.Practitioners.FirstOrDefaultAsync(p => p.Id == leadId, cancellationToken) : null;
        var actions = ActionsOf(input);
        var decision = await DecisionAsync(input, actions, cancellationToken);
        var unborn = await db.Children.Where(c => c.Id == episode.ChildId).Select(c => c.DateOfBirth == null).SingleAsync(cancellationToken);
        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        var (conference, plan) = ChildProtectionConference.Hold(Guid.CreateVersion7(now), Guid.CreateVersion7(now), enquiry, episode, chair!, lead, decision,
            ConferenceDueBy(enquiry), today, unborn);
        // Held, the conference meets the discussion's clock (ICPC-01): appended to the discussion's history.
        (await db.StrategyDiscussions.SingleAsync(d => d.Id == enquiry.StrategyDiscussionId, cancellationToken)).InitialConferenceHeld(conference, enquiry);
        await RecordConferenceAsync(conference, plan, chair!, now, cancellationToken);
        return (conference, plan);
    }

    /// <summary>
    /// Records this area's transfer-in conference for a child who moved here on another area's plan (DISC-02): due within
    /// 15 working days of the notice; it may make this area's own plan.
    /// </summary>
    public async Task<(ChildProtectionConference Conference, ChildProtectionPlan? Plan)> HoldTransferInConferenceAsync(ClaimsPrincipal user, Guid episodeId,
        ConferenceInput input, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken) ?? throw new RecordNotFoundException();
        await access.RequireChildrensSocialCareAsync(user, episode, cancellationToken);
        Requirement.Require(!await db.Conferences.AnyAsync(c => c.EpisodeId == episodeId && c.Kind == ConferenceKind.TransferIn, cancellationToken), "SG-CP-06",
            "The transfer-in conference has already been recorded.");
        Requirement.Require(input.HeldOn is not null, "SG-CP-01", "Enter the date of the conference.", "HeldOn");
        var chair = input.ChairId is { } chairId ? await db.Practitioners.FirstOrDefaultAsync(p => p.Id == chairId, cancellationToken) : null;
        Requirement.Require(chair is not null, "ICPC-03", "Select the conference chair.", "ChairId");
        var lead = input.LeadSocialWorkerId is { } leadId ? await db.Practitioners.FirstOrDefaultAsync(p => p.Id == leadId, cancellationToken) : null;
        var actions = ActionsOf(input);
        var decision = await DecisionAsync(input, actions, cancellationToken);
        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        var notified = episode.MovedInOnPlan?.On;
        var dueBy = notified is { } n ? StatutoryRules.TransferInConference.Due(n, calendar)!.Value : today;
        var (conference, plan) = ChildProtectionConference.HoldTransferIn(Guid.CreateVersion7(now), Guid.CreateVersion7(now), episode, chair!, lead, decision, dueBy, today);
        await RecordConferenceAsync(conference, plan, chair!, now, cancellationToken);
        return (conference, plan);
    }

    /// <summary>The transfer-in conference is due 15 working days after the notice of the move (DISC-02).</summary>
    public DateOnly? TransferInDueBy(Domain.FamilyHelp.Episode episode) =>
        episode.MovedInOnPlan is { } notice ? StatutoryRules.TransferInConference.Due(notice.On, calendar) : null;

    private static List<PlanActionInput> ActionsOf(ConferenceInput input)
    {
        var actions = (input.OutlinePlan ?? []).Where(a => !string.IsNullOrWhiteSpace(a.What) || !string.IsNullOrWhiteSpace(a.Who) || a.ByWhen is not null).ToList();
        for (var i = 0; i < actions.Count; i++)
        {
            Requirement.Require(actions[i].ByWhen is not null, "ICPC-05", $"Action {i + 1}: enter the date it is due.", $"OutlinePlan[{i}].ByWhen");
        }

        return actions;
    }

    /// <summary>The conference's decision as entered; core group members chosen by their account are named as the account names them.</summary>
    private async Task<ConferenceDecision> DecisionAsync(ConferenceInput input, List<PlanActionInput> actions, CancellationToken cancellationToken)
    {
        var attendees = (input.Attendees ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Name) || !string.IsNullOrWhiteSpace(a.Agency)).ToList();
        var members = (input.CoreGroup ?? []).Where(m => !string.IsNullOrWhiteSpace(m.Name) || !string.IsNullOrWhiteSpace(m.Agency) || m.PractitionerId is not null).ToList();
        var people = await EpisodeQueries.PeopleAsync(db, members.Where(m => m.PractitionerId is not null).Select(m => m.PractitionerId!.Value), cancellationToken);
        var coreGroup = new List<CoreGroupMember>();
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            PersonView? person = null;
            Requirement.Require(m.PractitionerId is null || people.TryGetValue(m.PractitionerId.Value, out person), "ICPC-05",
                $"Core group member {i + 1}: choose a practitioner of this area.", $"CoreGroup[{i}].PractitionerId");
            coreGroup.Add(new CoreGroupMember(string.IsNullOrWhiteSpace(m.Name) ? person?.Name ?? string.Empty : m.Name,
                string.IsNullOrWhiteSpace(m.Agency) ? person?.Agency ?? string.Empty : m.Agency, m.PractitionerId));
        }

        return new ConferenceDecision(input.HeldOn!.Value,
            [.. attendees.Select(a => new Attendee(a.Name ?? string.Empty, a.Agency ?? string.Empty, a.Role ?? AttendeeRole.Other))],
            input.ChildsViews ?? string.Empty, input.FamilyParticipation ?? string.Empty, input.PlanNeeded, input.Reasons ?? string.Empty, input.Category,
            input.LeadSocialWorkerId, coreGroup, [.. actions.Select(a => new PlanAction(a.What ?? string.Empty, a.Who ?? string.Empty, a.ByWhen!.Value))]);
    }

    /// <summary>Saves the conference, its plan, its chronology entry, and marks the arranged meeting (if there was one) as held.</summary>
    private async Task RecordConferenceAsync(ChildProtectionConference conference, ChildProtectionPlan? plan, Domain.Organisation.Practitioner chair, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        Requirement.Require(plan is null || !await db.ChildProtectionPlans.AnyAsync(p => p.ChildId == plan.ChildId && p.EndedOn == null, cancellationToken),
            OnePerParent.OneOpenChildProtectionPlanPerChild.RuleId, OnePerParent.OneOpenChildProtectionPlanPerChild.Message);
        db.Conferences.Add(conference);
        db.NoteEvent(conference, ChronologyKind.Conference, new EventNames(calendar, chair), now);
        if (plan is not null)
        {
            db.ChildProtectionPlans.Add(plan);
            await FoldOpenPlansAsync(plan, now, cancellationToken);
        }

        var kind = conference.Kind;
        var arranged = await db.ConferenceMeetings.Where(m => m.EpisodeId == conference.EpisodeId && m.Kind == kind && m.HeldOn == null
            && (kind != ConferenceKind.Initial || m.Section47EnquiryId == conference.Section47EnquiryId)).FirstOrDefaultAsync(cancellationToken);
        arranged?.MarkHeld(conference.HeldOn, conference.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ChildProtectionPlan> RecordCoreGroupAsync(ClaimsPrincipal user, Guid planId, CoreGroupInput input, CancellationToken cancellationToken)
    {
        var plan = await CpPlanAsync(user, planId, cancellationToken);
        EditConflictException.Check(db, plan, input.Version, plan.Version);
        Requirement.Require(input.HeldOn is not null, "SG-CP-03", "Enter the date of the meeting.", "HeldOn");
        var now = time.GetUtcNow();
        plan.RecordCoreGroup(user.PractitionerId()!.Value, input.HeldOn!.Value, input.Decisions ?? string.Empty, input.AbsentViews, input.ActionsDone ?? [],
            EnglandClock.ToEnglandDate(now), now);
        db.NoteEvent(plan, ChronologyKind.CoreGroup, new EventNames(calendar), now);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<ChildProtectionPlan> RecordReviewAsync(ClaimsPrincipal user, Guid planId, ReviewConferenceInput input, CancellationToken cancellationToken)
    {
        var plan = await CpPlanAsync(user, planId, cancellationToken);
        EditConflictException.Check(db, plan, input.Version, plan.Version);
        Requirement.Require(input.HeldOn is not null, "SG-CP-07", "Enter the date of the review conference.", "HeldOn");
        Requirement.Require(input.PlanContinues is not null, "RCPC-03", "Say whether the plan continues.", "PlanContinues");
        var chair = input.ChairId is { } chairId ? await db.Practitioners.FirstOrDefaultAsync(p => p.Id == chairId, cancellationToken) : null;
        Requirement.Require(chair is not null, "ICPC-03", "Select the conference chair.", "ChairId");
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == plan.EpisodeId, cancellationToken);
        var now = time.GetUtcNow();
        // The agencies' reports sent through the arranged review conference count as its reports (RCPC-03).
        var arranged = await db.ConferenceMeetings.Where(m => m.PlanId == plan.Id && m.HeldOn == null).OrderBy(m => m.ScheduledFor).FirstOrDefaultAsync(cancellationToken);
        var attendees = (input.Attendees ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Name) || !string.IsNullOrWhiteSpace(a.Agency)).ToList();
        var record = new ReviewRecord([.. attendees.Select(a => new Attendee(a.Name ?? string.Empty, a.Agency ?? string.Empty, a.Role ?? AttendeeRole.Other))],
            input.ChildsViews, input.WhyChildsViewsNotObtained, input.FamilyParticipation, input.AgencyReports,
            arranged?.Invitations.Any(i => i.ReportReceived) ?? false);
        var dueBy = CpPlanView.Of(plan, calendar).NextReviewBy;
        var conference = plan.RecordReview(Guid.CreateVersion7(now), chair!, episode, input.HeldOn!.Value, input.PlanContinues!.Value, input.Category ?? string.Empty,
            input.Reasons ?? string.Empty, input.ProceedingsDecision, record, dueBy, EnglandClock.ToEnglandDate(now));
        db.Conferences.Add(conference);
        // The review's sentence is the plan's event rendered; the entry links to the review conference's own record.
        db.NoteEvent(plan, ChronologyKind.Conference, new EventNames(calendar, chair), now, source: (RecordKinds.Conference.Name, conference.Id));
        arranged?.MarkHeld(input.HeldOn.Value, conference.Id);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    /// <summary>The child is moving permanently to another area, which has been told: its transfer-in conference is due in 15 working days (DISC-02).</summary>
    public async Task<ChildProtectionPlan> RecordMoveAsync(ClaimsPrincipal user, Guid planId, MoveInput input, CancellationToken cancellationToken)
    {
        var plan = await CpPlanAsync(user, planId, cancellationToken);
        EditConflictException.Check(db, plan, input.Version, plan.Version);
        Requirement.Require(input.NotifiedOn is not null, "DISC-02", "Enter the day the receiving authority was told.", "NotifiedOn");
        var now = time.GetUtcNow();
        var receivingArea = input.ReceivingAreaId is { } areaId ? await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == areaId, cancellationToken) : null;
        Requirement.Require(input.ReceivingAreaId is null || receivingArea is not null, Domain.Exchanges.AreaExchange.ExchangeRule,
            "Choose a local authority area that is in Safeguard, or name the authority instead.", "ReceivingAreaId");
        plan.RecordMoveNotified(receivingArea?.Name ?? input.ReceivingAuthority ?? string.Empty, input.NotifiedOn!.Value, EnglandClock.ToEnglandDate(now));
        if (receivingArea is not null)
        {
            // The receiving area is in Safeguard: the transfer package goes to it as an exchange, in the same save as the move.
            await exchanges.AddTransferPackageAsync(user, plan, receivingArea.Id, input.LawfulBasis, plan.MoveNotifiedOn!.Value, cancellationToken);
        }

        db.NoteEvent(plan, ChronologyKind.Conference, new EventNames(calendar), now);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<ChildProtectionPlan> RecordTransferInHeldAsync(ClaimsPrincipal user, Guid planId, TransferInHeldInput input, CancellationToken cancellationToken)
    {
        var plan = await CpPlanAsync(user, planId, cancellationToken);
        EditConflictException.Check(db, plan, input.Version, plan.Version);
        Requirement.Require(input.HeldOn is not null, "DISC-02", "Enter the date of the receiving authority's conference.", "HeldOn");
        var now = time.GetUtcNow();
        plan.RecordTransferInConference(input.HeldOn!.Value, input.Outcome ?? string.Empty, EnglandClock.ToEnglandDate(now));
        db.NoteEvent(plan, ChronologyKind.Conference, new EventNames(calendar), now);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<ChildProtectionPlan> RecordMoveAbandonedAsync(ClaimsPrincipal user, Guid planId, MoveAbandonedInput input, CancellationToken cancellationToken)
    {
        var plan = await CpPlanAsync(user, planId, cancellationToken);
        EditConflictException.Check(db, plan, input.Version, plan.Version);
        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        plan.RecordMoveAbandoned(input.On ?? today, today);
        db.NoteEvent(plan, ChronologyKind.Conference, new EventNames(calendar), now);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    /// <summary>
    /// A child protection plan started: a child in need or Family Help plan cannot stay open alongside it (census 4001,
    /// 4016, 4017). Each open one is folded into the protection plan, ending on the conference's day, on the chronology.
    /// </summary>
    private async Task FoldOpenPlansAsync(ChildProtectionPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var open in await db.Plans.Where(p => p.ChildId == plan.ChildId && p.EndedOn == null).ToListAsync(cancellationToken))
        {
            open.FoldIntoProtectionPlan(plan.Id, plan.StartedOn);
            db.Note(open.AreaId, open.ChildId, open.EpisodeId, open.EndedOn!.Value, now, ChronologyKind.Plan,
                $"The {(open.Kind == Domain.FamilyHelp.PlanKind.ChildInNeed ? "child in need" : "Family Help")} plan ended: {open.EndReason}", "Plan", open.Id);
        }
    }

    /// <summary>
    /// Who should be told that the plan ended (DISC-04): every agency invited to the conference that made it, and every core
    /// group member. Each is recorded as told (a record of telling) when it happens; nothing is assumed.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, string Agency)>> ToTellOfEndAsync(ChildProtectionPlan plan, CancellationToken cancellationToken)
    {
        var invited = (await db.ConferenceMeetings.AsNoTracking().Where(m => m.ConferenceId == plan.ConferenceId).ToListAsync(cancellationToken))
            .SelectMany(m => m.Invitations).Select(i => (i.Name, i.Agency));
        return [.. invited.Concat(plan.CoreGroup.Select(m => (m.Name, m.Agency))).DistinctBy(x => (x.Name.ToUpperInvariant(), x.Agency.ToUpperInvariant()))];
    }

    public static string Describe(PlanEndReason reason) => PlanEndReasons.Describe(reason);

    /// <summary>Records emergency action; a strategy discussion is then due as soon as possible (IP-05), on the manager's "My work".</summary>
    public async Task<EmergencyAction> RecordEmergencyActionAsync(ClaimsPrincipal user, Guid episodeId, EmergencyActionInput input, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken) ?? throw new RecordNotFoundException();
        await access.RequireChildrensSocialCareAsync(user, episode, cancellationToken);
        var me = await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        var action = EmergencyAction.Record(Guid.CreateVersion7(now), episode, me, new EmergencyActionRecord(input.TakenOn ?? today, input.Power,
            input.ActingAgency ?? string.Empty, input.Action ?? string.Empty, input.ChildSeenBy ?? string.Empty, input.OtherChildrenConsidered ?? string.Empty,
            input.LegalAdviceTaken, input.WhyNoLegalAdvice, input.ResponsibleAuthority), today);
        db.EmergencyActions.Add(action);
        db.Note(action.AreaId, action.ChildId, action.EpisodeId, action.TakenOn, now, ChronologyKind.ImmediateProtection,
            $"Immediate protection by {action.ActingAgency}: {action.Action} Child seen by {action.ChildSeenBy}."
            + (action.ResponsibleAuthority is null ? string.Empty : $" {action.ResponsibleAuthority} is responsible for the child: this authority stays responsible until it accepts."),
            "EmergencyAction", action.Id);
        await db.SaveChangesAsync(cancellationToken);
        return action;
    }

    public async Task<EmergencyAction> RecordAcceptanceAsync(ClaimsPrincipal user, Guid actionId, AcceptanceInput input, CancellationToken cancellationToken)
    {
        var action = await db.EmergencyActions.FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken) ?? throw new RecordNotFoundException();
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == action.EpisodeId, cancellationToken);
        await access.RequireChildrensSocialCareAsync(user, episode, cancellationToken);
        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        action.RecordAcceptance(input.AcceptedBy ?? string.Empty, input.AcceptedOn ?? today, today);
        db.Note(action.AreaId, action.ChildId, action.EpisodeId, action.AcceptedOn!.Value, now, ChronologyKind.ImmediateProtection,
            $"{action.ResponsibleAuthority} accepted responsibility ({action.AcceptedBy}), confirmed in writing.", "EmergencyAction", action.Id);
        await db.SaveChangesAsync(cancellationToken);
        return action;
    }

    public async Task<ChildProtectionPlan> EndCpPlanAsync(ClaimsPrincipal user, Guid planId, EndCpPlanInput input, CancellationToken cancellationToken)
    {
        var plan = await CpPlanAsync(user, planId, cancellationToken);
        EditConflictException.Check(db, plan, input.Version, plan.Version);
        Requirement.Require(input.Reason is not null, "SG-CP-05", "Select why the plan is ending.", "Reason");
        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        var child = await db.Children.Where(c => c.Id == plan.ChildId).Select(c => new { c.DateOfBirth, c.DateOfDeath, c.LeftUkOn }).SingleAsync(cancellationToken);
        plan.End(input.Reason!.Value, input.Notes ?? string.Empty, input.On ?? today, today, child.DateOfBirth?.AddYears(18), child.DateOfDeath, child.LeftUkOn);
        db.NoteEvent(plan, ChronologyKind.Conference, new EventNames(calendar), now);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    /// <summary>Records a practitioner's request for a conference after the decision not to hold one (S47-11).</summary>
    public async Task<Section47Enquiry> RequestConferenceAsync(ClaimsPrincipal user, Guid enquiryId, ConferenceRequestInput input, CancellationToken cancellationToken)
    {
        var enquiry = await EnquiryAsync(user, enquiryId, cancellationToken);
        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        enquiry.RequestConference(input.RequestedBy ?? string.Empty, input.Agency ?? string.Empty, input.Concerns ?? string.Empty, input.RequestedOn ?? today, today);
        db.NoteEvent(enquiry, ChronologyKind.Section47, new EventNames(calendar), now);
        await db.SaveChangesAsync(cancellationToken);
        return enquiry;
    }

    public async Task<Section47Enquiry> AnswerConferenceRequestAsync(ClaimsPrincipal user, Guid enquiryId, ConferenceAnswerInput input, CancellationToken cancellationToken)
    {
        var enquiry = await EnquiryAsync(user, enquiryId, cancellationToken);
        Requirement.Require(input.Agreed is not null, "S47-11", "Say whether the conference will be held.", "Agreed");
        var manager = await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        enquiry.AnswerConferenceRequest(manager, input.Agreed!.Value, input.Answer ?? string.Empty, today);
        db.NoteEvent(enquiry, ChronologyKind.Section47, new EventNames(calendar, manager), now);
        await db.SaveChangesAsync(cancellationToken);
        return enquiry;
    }

    public async Task<Section47Enquiry> EscalateRefusalAsync(ClaimsPrincipal user, Guid enquiryId, CancellationToken cancellationToken)
    {
        var enquiry = await EnquiryAsync(user, enquiryId, cancellationToken);
        var now = time.GetUtcNow();
        enquiry.EscalateRefusal(EnglandClock.ToEnglandDate(now));
        db.NoteEvent(enquiry, ChronologyKind.Section47, new EventNames(calendar), now);
        await db.SaveChangesAsync(cancellationToken);
        return enquiry;
    }

    private async Task<ChildProtectionPlan> CpPlanAsync(ClaimsPrincipal user, Guid planId, CancellationToken cancellationToken)
    {
        var plan = await db.ChildProtectionPlans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) ?? throw new RecordNotFoundException();
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == plan.EpisodeId, cancellationToken);
        await access.RequireChildrensSocialCareAsync(user, episode, cancellationToken);
        return plan;
    }

    private async Task<Section47Enquiry> EnquiryAsync(ClaimsPrincipal user, Guid enquiryId, CancellationToken cancellationToken)
    {
        var enquiry = await db.Section47Enquiries.FirstOrDefaultAsync(q => q.Id == enquiryId, cancellationToken) ?? throw new RecordNotFoundException();
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == enquiry.EpisodeId, cancellationToken);
        await access.RequireWriteAsync(user, episode, cancellationToken);
        return enquiry;
    }


    public static void Map(IEndpointRouteBuilder api)
    {
        var tags = "Child protection";
        api.MapPost("/episodes/{id:guid}/strategy-discussions", async (Guid id, DiscussionInput input, ClaimsPrincipal user, ChildProtectionSteps steps,
            CancellationToken ct) =>
        {
            var discussion = await steps.RecordDiscussionAsync(user, id, input, ct);
            return TypedResults.Created($"/api/v1/strategy-discussions/{discussion.Id}", DiscussionView.Of(discussion));
        }).RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("RecordStrategyDiscussion");

        api.MapGet("/strategy-discussions/{id:guid}", (Guid id, ClaimsPrincipal user, SafeguardDbContext db, RecordReads reads, CancellationToken ct) =>
            reads.ReadInEpisodeAsync(user, nameof(StrategyDiscussion), id, db.StrategyDiscussions.Where(d => d.Id == id), d => d.EpisodeId, d => d.ChildId,
                d => Task.FromResult(DiscussionView.Of(d)), ct))
            .RequireAuthorization().WithTags(tags).WithName("GetStrategyDiscussion");

        api.MapPost("/strategy-discussions/{id:guid}/confirmation", async (Guid id, ClaimsPrincipal user, ChildProtectionSteps steps, CancellationToken ct) =>
            TypedResults.Ok(DiscussionView.Of(await steps.ConfirmAsync(user, id, ct))))
            .RequireAuthorization(Policies.FrontDoorDecision).WithTags(tags).WithName("ConfirmSection47");

        api.MapPost("/strategy-discussions/{id:guid}/section-47", async (Guid id, StartEnquiryInput input, ClaimsPrincipal user, ChildProtectionSteps steps,
            CancellationToken ct) =>
        {
            var enquiry = await steps.StartEnquiryAsync(user, id, input, ct);
            return TypedResults.Created($"/api/v1/section-47/{enquiry.Id}", EnquiryView.Of(enquiry, steps.ConferenceDueBy(enquiry)));
        }).RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("StartSection47");

        api.MapPost("/section-47/{id:guid}/initial-conference", async (Guid id, ConferenceInput input, ClaimsPrincipal user, ChildProtectionSteps steps,
            WorkingDayCalendar calendar, CancellationToken ct) =>
        {
            var (conference, plan) = await steps.HoldInitialConferenceAsync(user, id, input, ct);
            return TypedResults.Created(plan is null ? $"/api/v1/section-47/{id}" : $"/api/v1/child-protection-plans/{plan.Id}",
                new { conference.Id, conference.HeldOn, conference.PlanNeeded, conference.DueBy, Plan = plan is null ? null : CpPlanView.Of(plan, calendar) });
        }).RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("RecordInitialConference");

        api.MapPost("/episodes/{id:guid}/transfer-in-conference", async (Guid id, ConferenceInput input, ClaimsPrincipal user, ChildProtectionSteps steps,
            WorkingDayCalendar calendar, CancellationToken ct) =>
        {
            var (conference, plan) = await steps.HoldTransferInConferenceAsync(user, id, input, ct);
            return TypedResults.Created(plan is null ? $"/api/v1/episodes/{id}" : $"/api/v1/child-protection-plans/{plan.Id}",
                new { conference.Id, conference.HeldOn, conference.PlanNeeded, conference.DueBy, Plan = plan is null ? null : CpPlanView.Of(plan, calendar) });
        }).RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("RecordTransferInConference");

        api.MapPost("/child-protection-plans/{id:guid}/move", async (Guid id, MoveInput input, ClaimsPrincipal user, ChildProtectionSteps steps,
            WorkingDayCalendar calendar, CancellationToken ct) => TypedResults.Ok(CpPlanView.Of(await steps.RecordMoveAsync(user, id, input, ct), calendar)))
            .RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("RecordPlanMove");

        api.MapPost("/child-protection-plans/{id:guid}/move/transfer-in-conference", async (Guid id, TransferInHeldInput input, ClaimsPrincipal user,
            ChildProtectionSteps steps, WorkingDayCalendar calendar, CancellationToken ct) =>
            TypedResults.Ok(CpPlanView.Of(await steps.RecordTransferInHeldAsync(user, id, input, ct), calendar)))
            .RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("RecordReceivingAreaConference");

        api.MapPost("/child-protection-plans/{id:guid}/move/abandoned", async (Guid id, MoveAbandonedInput input, ClaimsPrincipal user,
            ChildProtectionSteps steps, WorkingDayCalendar calendar, CancellationToken ct) =>
            TypedResults.Ok(CpPlanView.Of(await steps.RecordMoveAbandonedAsync(user, id, input, ct), calendar)))
            .RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("RecordMoveAbandoned");

        api.MapGet("/child-protection-plans/{id:guid}", (Guid id, ClaimsPrincipal user, SafeguardDbContext db, RecordReads reads,
            WorkingDayCalendar calendar, CancellationToken ct) =>
            reads.ReadInEpisodeAsync(user, "ChildProtectionPlan", id, db.ChildProtectionPlans.Where(p => p.Id == id), p => p.EpisodeId, p => p.ChildId,
                p => Task.FromResult(CpPlanView.Of(p, calendar)), ct, coreGroupReads: true))
            .RequireAuthorization().WithTags(tags).WithName("GetChildProtectionPlan");

        api.MapPost("/child-protection-plans/{id:guid}/core-groups", async (Guid id, CoreGroupInput input, ClaimsPrincipal user, ChildProtectionSteps steps,
            WorkingDayCalendar calendar, CancellationToken ct) => TypedResults.Ok(CpPlanView.Of(await steps.RecordCoreGroupAsync(user, id, input, ct), calendar)))
            .RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("RecordCoreGroup");

        api.MapPost("/child-protection-plans/{id:guid}/reviews", async (Guid id, ReviewConferenceInput input, ClaimsPrincipal user, ChildProtectionSteps steps,
            WorkingDayCalendar calendar, CancellationToken ct) => TypedResults.Ok(CpPlanView.Of(await steps.RecordReviewAsync(user, id, input, ct), calendar)))
            .RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("RecordReviewConference");

        api.MapPost("/episodes/{id:guid}/emergency-actions", async (Guid id, EmergencyActionInput input, ClaimsPrincipal user, ChildProtectionSteps steps,
            CancellationToken ct) =>
        {
            var action = await steps.RecordEmergencyActionAsync(user, id, input, ct);
            return TypedResults.Created($"/api/v1/episodes/{id}", action);
        }).RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("RecordEmergencyAction");

        api.MapPost("/emergency-actions/{id:guid}/acceptance", async (Guid id, AcceptanceInput input, ClaimsPrincipal user, ChildProtectionSteps steps,
            CancellationToken ct) => TypedResults.Ok(await steps.RecordAcceptanceAsync(user, id, input, ct)))
            .RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("RecordResponsibilityAccepted");

        api.MapPost("/section-47/{id:guid}/conference-requests", async (Guid id, ConferenceRequestInput input, ClaimsPrincipal user, ChildProtectionSteps steps,
            CancellationToken ct) =>
        {
            var enquiry = await steps.RequestConferenceAsync(user, id, input, ct);
            return TypedResults.Ok(EnquiryView.Of(enquiry, steps.ConferenceDueBy(enquiry)));
        }).RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("RequestConference");

        api.MapPost("/section-47/{id:guid}/conference-requests/answer", async (Guid id, ConferenceAnswerInput input, ClaimsPrincipal user,
            ChildProtectionSteps steps, CancellationToken ct) =>
        {
            var enquiry = await steps.AnswerConferenceRequestAsync(user, id, input, ct);
            return TypedResults.Ok(EnquiryView.Of(enquiry, steps.ConferenceDueBy(enquiry)));
        }).RequireAuthorization(Policies.FrontDoorDecision).WithTags(tags).WithName("AnswerConferenceRequest");

        api.MapPost("/section-47/{id:guid}/conference-requests/escalation", async (Guid id, ClaimsPrincipal user, ChildProtectionSteps steps,
            CancellationToken ct) =>
        {
            var enquiry = await steps.EscalateRefusalAsync(user, id, ct);
            return TypedResults.Ok(EnquiryView.Of(enquiry, steps.ConferenceDueBy(enquiry)));
        }).RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("EscalateConferenceRefusal");

        api.MapPost("/child-protection-plans/{id:guid}/end", async (Guid id, EndCpPlanInput input, ClaimsPrincipal user, ChildProtectionSteps steps,
            WorkingDayCalendar calendar, CancellationToken ct) => TypedResults.Ok(CpPlanView.Of(await steps.EndCpPlanAsync(user, id, input, ct), calendar)))
            .RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("EndChildProtectionPlan");

        api.MapGet("/section-47/{id:guid}", (Guid id, ClaimsPrincipal user, SafeguardDbContext db, RecordReads reads, ChildProtectionSteps steps,
            CancellationToken ct) =>
            reads.ReadInEpisodeAsync(user, "Section47Enquiry", id, db.Section47Enquiries.Where(q => q.Id == id), q => q.EpisodeId, q => q.ChildId,
                q => Task.FromResult(EnquiryView.Of(q, steps.ConferenceDueBy(q))), ct))
            .RequireAuthorization().WithTags(tags).WithName("GetSection47");

        api.MapPut("/section-47/{id:guid}", async (Guid id, EnquiryInput input, ClaimsPrincipal user, ChildProtectionSteps steps, CancellationToken ct) =>
        {
            var enquiry = await steps.RecordEnquiryAsync(user, id, input, ct);
            return TypedResults.Ok(EnquiryView.Of(enquiry, steps.ConferenceDueBy(enquiry)));
        }).RequireAuthorization().WithTags(tags).WithName("RecordSection47");

        api.MapPost("/section-47/{id:guid}/outcome", async (Guid id, EnquiryOutcomeInput input, ClaimsPrincipal user, ChildProtectionSteps steps, CancellationToken ct) =>
        {
            var enquiry = await steps.ConcludeAsync(user, id, input, ct);
            return TypedResults.Ok(EnquiryView.Of(enquiry, steps.ConferenceDueBy(enquiry)));
        }).RequireAuthorization().WithTags(tags).WithName("ConcludeSection47");
    }
}
