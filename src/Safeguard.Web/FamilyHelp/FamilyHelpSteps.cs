using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Domain;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.InformationSharing;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Rules;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.FamilyHelp;

public sealed record AllocationInput(Guid? LeadPractitionerId, bool Agreed, string? Reason, Guid? Version);

/// <summary>A co-worker to allocate alongside the lead practitioner, or (<paramref name="End"/>) whose part ends.</summary>
public sealed record CoWorkerInput(Guid? PractitionerId, bool? End, Guid? Version);

public sealed record FamilyAgreementInput(bool? Agreed, string? WhoAgreed, DateOnly? On, string? Notes, Guid? Version);

public sealed record AssessmentInput(
    string? DevelopmentalNeeds,
    string? ParentingCapacity,
    string? FamilyAndEnvironment,
    string? ChildsWishesAndFeelings,
    string? WhyViewsNotObtained,
    DateOnly? ChildSeenOn,
    bool? SeenAlone,
    string? WhyNotSeenAlone,
    string? FamilyViews,
    IReadOnlyList<string>? Factors,
    AssessmentConclusion? Conclusion,
    string? ConclusionReasons,
    string? PrimaryNeedCode,
    Guid? Version);

public sealed record LateInput(string? LateReason, Guid? Version);

public sealed record ReturnInput(string? WhatToChange, Guid? Version);

public sealed record VisitInput(DateOnly? VisitedOn, bool? ChildSeen, bool? SeenAlone, string? WhyNot, string? Observations, string? ChildsWords);

public sealed record OutcomeInput(string? Outcome, string? Measure, DateOnly? ByWhen, string? ProvidedBy, string? Service);

public sealed record PlanInput(PlanKind? Kind, IReadOnlyList<OutcomeInput>? Outcomes, string? ExpectationsOfParents, int? VisitEveryDays, DateOnly? NextReviewOn);

public sealed record ProgressInput(int OutcomeNumber, Progress? Progress, string? Evidence);

public sealed record ReviewInput(DateOnly? HeldOn, IReadOnlyList<ProgressInput>? Progress, string? Decisions, DateOnly? NextReviewOn, Guid? Version);

public sealed record EndPlanInput(DateOnly? On, string? Reason, Guid? Version);

public sealed record NeedsInput(IReadOnlyList<SpecificNeed>? Needs, string? ExtraFamilialRisk, Guid? Version);

/// <summary>A milestone; for sharing the record with the receiving authority, <paramref name="SharedWith"/> names that authority.</summary>
public sealed record MilestoneInput(MilestoneKind? Kind, DateOnly? On, string? Note, string? Reference, Guid? Version, string? SharedWith = null);

public sealed record CloseInput(string? ReasonCode, string? Summary, DateOnly? On, Guid? Version);

/// <summary>
/// The steps of Family Help and child in need work on an episode. Each checks who may take it (the domain checks the
/// rest), notes it on the child's chronology and saves once, so nothing is half-saved; a record changed by someone else
/// since the user opened it is refused, never overwritten.
/// </summary>
public sealed class FamilyHelpSteps(SafeguardDbContext db, EpisodeAccess access, WorkingDayCalendar calendar, TimeProvider time)
{
    /// <summary>The assessment's due date: 45 working days from the referral it belongs to (ASM-03).</summary>
    /// <summary>The last day of the assessment's 45 working days (ASM-03); none for a Family Help assessment.</summary>
    public DateOnly? AssessmentDueOn(Assessment assessment) => assessment.DueOn(calendar);

    public async Task<Episode> AllocateAsync(ClaimsPrincipal user, Guid episodeId, AllocationInput input, CancellationToken cancellationToken)
    {
        var episode = await EpisodeAsync(user, episodeId, cancellationToken);
        EditConflictException.Check(db, episode, input.Version, episode.Version);
        var manager = await MeAsync(user, cancellationToken);
        var lead = input.LeadPractitionerId is { } id ? await db.Practitioners.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        Requirement.Require(lead is not null, "ASM-01", "Select the lead practitioner.", "LeadPractitionerId");
        var (now, today) = Now();
        var leadsAgency = await db.Agencies.Where(a => a.Id == lead!.AgencyId).Select(a => new { a.Name, a.Kind }).SingleAsync(cancellationToken);
        var protocol = await db.Areas.Where(a => a.Id == episode.AreaId).Select(a => a.Section17Leads).SingleAsync(cancellationToken);
        episode.Allocate(manager, lead!, input.Agreed, today, input.Reason, protocol, leadsAgency.Kind);
        var agency = leadsAgency.Name;
        db.Note(episode.AreaId, episode.ChildId, episode.Id, today, now, ChronologyKind.Allocation,
            $"{lead!.FullName} ({lead.JobTitle}, {agency}) allocated as lead practitioner by {manager.FullName}, with their agreement."
            + (episode.Allocations.Count > 1 ? $" Reason for the change: {episode.Allocations[^1].Reason}" : string.Empty), "Episode", episode.Id);
        await db.SaveChangesAsync(cancellationToken);
        return episode;
    }

    /// <summary>
    /// A manager of the case gives a practitioner of children's social care a part in it alongside the lead practitioner, or
    /// ends that part; on the child's chronology and in the audit trail with who did it.
    /// </summary>
    public async Task<Episode> AllocateCoWorkerAsync(ClaimsPrincipal user, Guid episodeId, CoWorkerInput input, CancellationToken cancellationToken)
    {
        var episode = await EpisodeAsync(user, episodeId, cancellationToken);
        EditConflictException.Check(db, episode, input.Version, episode.Version);
        var manager = await MeAsync(user, cancellationToken);
        var coWorker = input.PractitionerId is { } id ? await db.Practitioners.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        Requirement.Require(coWorker is not null, "SG-EP-19", "Select the co-worker.", "PractitionerId");
        var agency = await db.Agencies.SingleAsync(a => a.Id == coWorker!.AgencyId, cancellationToken);
        var (now, today) = Now();
        if (input.End == true)
        {
            episode.EndCoWorker(manager, coWorker!.Id, today);
        }
        else
        {
            episode.AllocateCoWorker(manager, coWorker!, agency, today);
        }

        db.Note(episode.AreaId, episode.ChildId, episode.Id, today, now, ChronologyKind.Allocation, input.End == true
                ? $"{coWorker!.FullName}'s part in the case as co-worker ended ({manager.FullName})."
                : $"{coWorker!.FullName} ({coWorker.JobTitle}, {agency.Name}) allocated as co-worker by {manager.FullName}.", "Episode", episode.Id);
        await db.SaveChangesAsync(cancellationToken);
        return episode;
    }

    public async Task<Episode> RecordFamilyAgreementAsync(ClaimsPrincipal user, Guid episodeId, FamilyAgreementInput input, CancellationToken cancellationToken)
    {
        var episode = await EpisodeAsync(user, episodeId, cancellationToken);
        EditConflictException.Check(db, episode, input.Version, episode.Version);
        Requirement.Require(input.Agreed is not null, "FH-01", "Say whether the family agreed to Family Help.", "Agreed");
        var (now, today) = Now();
        var on = input.On ?? today;
        Requirement.Require(on <= today, "FH-01", "The date cannot be in the future.", "On");
        episode.RecordFamilyAgreement(user.PractitionerId()!.Value, input.Agreed!.Value, input.WhoAgreed ?? string.Empty, on, input.Notes);
        db.Note(episode.AreaId, episode.ChildId, episode.Id, on, now, ChronologyKind.FamilyAgreement,
            input.Agreed.Value ? $"{episode.FamilyAgreement!.WhoAgreed} agreed to Family Help." : $"{episode.FamilyAgreement!.WhoAgreed} declined Family Help: {episode.FamilyAgreement.Notes}",
            "Episode", episode.Id);
        await db.SaveChangesAsync(cancellationToken);
        return episode;
    }

    /// <summary>
    /// Starts the assessment for the episode's latest referral that asked for one. An existing plan is its foundation
    /// (¶156): the plan's outcomes and latest review are carried into the first draft of the family's circumstances.
    /// </summary>
    public async Task<Assessment> StartAssessmentAsync(ClaimsPrincipal user, Guid episodeId, CancellationToken cancellationToken)
    {
        var episode = await EpisodeAsync(user, episodeId, cancellationToken);
        // The assessment belongs to the latest referral that asked for one (an assessment, a strategy discussion, immediate protection,
        // or Family Help), never to one on which children's social care took no further action.
        var decided = await db.Referrals.Where(r => r.EpisodeId == episodeId && r.DecidedAt != null).OrderByDescending(r => r.ReceivedAt)
            .ToListAsync(cancellationToken);
        Requirement.Require(decided.Count > 0, "SG-ASM-02", "The front door decides on the referral before an assessment starts.");
        var referral = decided.FirstOrDefault(r => r.AsksForAssessment || r.OpensFamilyHelp) ?? decided[0];
        var unfinished = await db.Assessments.AnyAsync(a => a.EpisodeId == episodeId && a.Status != AssessmentStatus.Authorised, cancellationToken);
        var (now, today) = Now();
        var lead = await MeAsync(user, cancellationToken);
        var leadsAgency = await db.Agencies.Where(a => a.Id == lead.AgencyId).Select(a => a.Kind).SingleAsync(cancellationToken);
        var protocol = await db.Areas.Where(a => a.Id == episode.AreaId).Select(a => a.Section17Leads).SingleAsync(cancellationToken);
        var assessment = Assessment.Start(Guid.CreateVersion7(now), episode, referral!, user.PractitionerId()!.Value, today, unfinished,
            lead, leadsAgency, protocol);
        var plan = await db.Plans.Where(p => p.EpisodeId == episodeId).OrderByDescending(p => p.StartedOn).FirstOrDefaultAsync(cancellationToken);
        if (plan is not null)
        {
            var foundation = $"Builds on the {(plan.Kind == PlanKind.ChildInNeed ? "child in need" : "Family Help")} plan of {plan.StartedOn:d MMMM yyyy}: "
                + string.Join("; ", plan.Outcomes.Select(o => $"{o.Number}. {o.Outcome}"))
                + (plan.Reviews.Count > 0 ? $". Latest review {plan.Reviews[^1].HeldOn:d MMMM yyyy}: {plan.Reviews[^1].Decisions}" : string.Empty);
            assessment.Save(assessment.LeadPractitionerId, new AssessmentContent(null, null, foundation, null, null, null, null, null, null, [], null, null, null));
        }

        db.Assessments.Add(assessment);
        db.Note(episode.AreaId, episode.ChildId, episode.Id, today, now, ChronologyKind.Assessment, $"Assessment started (referral {referral!.Reference}).",
            nameof(Assessment), assessment.Id);
        await db.SaveChangesAsync(cancellationToken);
        return assessment;
    }

    public async Task<Assessment> SaveAssessmentAsync(ClaimsPrincipal user, Guid assessmentId, AssessmentInput input, CancellationToken cancellationToken)
    {
        var (assessment, _) = await AssessmentAsync(user, assessmentId, cancellationToken);
        EditConflictException.Check(db, assessment, input.Version, assessment.Version);
        assessment.Save(user.PractitionerId()!.Value, Content(input));
        await db.SaveChangesAsync(cancellationToken);
        return assessment;
    }

    /// <summary>Submits the assessment, with its final content if given (or as last saved), and the reason if it is late.</summary>
    public async Task<Assessment> SubmitAssessmentAsync(ClaimsPrincipal user, Guid assessmentId, AssessmentInput? content, string? lateReason,
        Guid? version, CancellationToken cancellationToken)
    {
        var (assessment, episode) = await AssessmentAsync(user, assessmentId, cancellationToken);
        EditConflictException.Check(db, assessment, version ?? content?.Version, assessment.Version);
        var (now, today) = Now();
        if (content is not null)
        {
            assessment.Save(user.PractitionerId()!.Value, Content(content));
        }

        assessment.Submit(user.PractitionerId()!.Value, today, AssessmentDueOn(assessment), lateReason);
        db.Note(episode.AreaId, episode.ChildId, episode.Id, today, now, ChronologyKind.Assessment,
            $"Assessment submitted for authorisation: {Describe(assessment.Conclusion!.Value)}.", nameof(Assessment), assessment.Id);
        await db.SaveChangesAsync(cancellationToken);
        return assessment;
    }

    public async Task<Assessment> AuthoriseAssessmentAsync(ClaimsPrincipal user, Guid assessmentId, LateInput input, CancellationToken cancellationToken)
    {
        var (assessment, episode) = await AssessmentAsync(user, assessmentId, cancellationToken);
        EditConflictException.Check(db, assessment, input.Version, assessment.Version);
        var manager = await MeAsync(user, cancellationToken);
        var (now, today) = Now();
        assessment.Authorise(manager, today, AssessmentDueOn(assessment), input.LateReason);
        episode.AssessmentAuthorised(assessment);
        // Authorising agrees the SHOULD rules the assessment did not follow, each with the reason the lead practitioner gave (GEN-02).
        if (assessment.LateReason is not null || assessment.SeenAlone == false)
        {
            var lead = await db.Practitioners.SingleAsync(p => p.Id == assessment.LeadPractitionerId, cancellationToken);
            if (assessment.LateReason is not null)
            {
                Departures.DepartureSteps.Note(db, episode.AreaId, episode.ChildId, episode.Id, StatutoryRules.Assessment.Id, nameof(Assessment), assessment.Id,
                    $"Concluded after the 45 working days: {assessment.LateReason}", lead, manager, today, now);
            }

            if (assessment.SeenAlone == false && assessment.WhyNotSeenAlone is not null)
            {
                Departures.DepartureSteps.Note(db, episode.AreaId, episode.ChildId, episode.Id, "ASM-04", nameof(Assessment), assessment.Id,
                    $"The child was not seen alone: {assessment.WhyNotSeenAlone}", lead, manager, today, now);
            }
        }

        db.Note(episode.AreaId, episode.ChildId, episode.Id, today, now, ChronologyKind.Assessment,
            $"Assessment authorised by {manager.FullName}: {Describe(assessment.Conclusion!.Value)}. {assessment.ConclusionReasons}", nameof(Assessment),
            assessment.Id);
        await db.SaveChangesAsync(cancellationToken);
        return assessment;
    }

    public async Task<Assessment> ReturnAssessmentAsync(ClaimsPrincipal user, Guid assessmentId, ReturnInput input, CancellationToken cancellationToken)
    {
        var (assessment, _) = await AssessmentAsync(user, assessmentId, cancellationToken);
        EditConflictException.Check(db, assessment, input.Version, assessment.Version);
        assessment.Return(await MeAsync(user, cancellationToken), input.WhatToChange ?? string.Empty);
        await db.SaveChangesAsync(cancellationToken);
        return assessment;
    }

    public async Task<Visit> RecordVisitAsync(ClaimsPrincipal user, Guid episodeId, VisitInput input, CancellationToken cancellationToken)
    {
        var episode = await EpisodeAsync(user, episodeId, cancellationToken);
        Requirement.Require(input.VisitedOn is not null, "SG-VIS-01", "Enter the date of the visit.", "VisitedOn");
        Requirement.Require(input.ChildSeen is not null, "ASM-04", "Say whether the child was seen.", "ChildSeen");
        var (now, today) = Now();
        var visit = Visit.Record(Guid.CreateVersion7(now), episode, user.PractitionerId()!.Value, input.VisitedOn!.Value, input.ChildSeen!.Value,
            input.SeenAlone ?? false, input.WhyNot, input.Observations ?? string.Empty, input.ChildsWords, today, now);
        db.Visits.Add(visit);
        var me = await MeAsync(user, cancellationToken);
        db.Note(episode.AreaId, episode.ChildId, episode.Id, visit.VisitedOn, now, ChronologyKind.Visit,
            (visit.ChildSeen ? visit.SeenAlone ? "Child seen alone" : "Child seen, not alone" : "Child not seen") + $" by {me.FullName}. {visit.Observations}",
            nameof(Visit), visit.Id);
        await db.SaveChangesAsync(cancellationToken);
        return visit;
    }

    public async Task<FamilyHelpPlan> MakePlanAsync(ClaimsPrincipal user, Guid episodeId, PlanInput input, CancellationToken cancellationToken)
    {
        var episode = await EpisodeAsync(user, episodeId, cancellationToken);
        Requirement.Require(input.Kind is not null, "CIN-01", "Select the kind of plan.", "Kind");
        Requirement.Require(input.NextReviewOn is not null, "CIN-02", "Set the date of the first review.", "NextReviewOn");
        Requirement.Require(input.VisitEveryDays is not null, "ASM-05", "Say how often the child is to be seen.", "VisitEveryDays");
        var outcomes = (input.Outcomes ?? []).Where(o => !IsBlank(o)).ToList();
        for (var i = 0; i < outcomes.Count; i++)
        {
            Requirement.Require(outcomes[i].ByWhen is not null, "CIN-01", $"Outcome {i + 1}: enter the date it is to be achieved by.", $"Outcomes[{i}].ByWhen");
        }

        var (now, today) = Now();
        var hasOpenPlan = await db.Plans.AnyAsync(p => p.ChildId == episode.ChildId && p.EndedOn == null, cancellationToken);
        var plan = FamilyHelpPlan.Make(Guid.CreateVersion7(now), episode, input.Kind!.Value, user.PractitionerId()!.Value,
            [.. outcomes.Select(o => new PlanOutcome(0, o.Outcome ?? string.Empty, o.Measure ?? string.Empty, o.ByWhen!.Value, o.ProvidedBy ?? string.Empty,
                o.Service ?? string.Empty))],
            input.ExpectationsOfParents ?? string.Empty, input.VisitEveryDays!.Value, input.NextReviewOn!.Value, today, hasOpenPlan);
        db.Plans.Add(plan);
        db.Note(episode.AreaId, episode.ChildId, episode.Id, today, now, ChronologyKind.Plan,
            $"{(plan.Kind == PlanKind.ChildInNeed ? "Child in need" : "Family Help")} plan made with {plan.Outcomes.Count} outcome(s); first review {plan.NextReviewOn:d MMMM yyyy}.",
            "Plan", plan.Id);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<FamilyHelpPlan> ApprovePlanAsync(ClaimsPrincipal user, Guid planId, Guid? version, CancellationToken cancellationToken)
    {
        var (plan, episode) = await PlanAsync(user, planId, cancellationToken);
        EditConflictException.Check(db, plan, version, plan.Version);
        var manager = await MeAsync(user, cancellationToken);
        var (now, today) = Now();
        plan.Approve(manager, today);
        db.Note(episode.AreaId, episode.ChildId, episode.Id, today, now, ChronologyKind.Plan, $"Plan approved by {manager.FullName}.", "Plan", plan.Id);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<FamilyHelpPlan> ReviewPlanAsync(ClaimsPrincipal user, Guid planId, ReviewInput input, CancellationToken cancellationToken)
    {
        var (plan, episode) = await PlanAsync(user, planId, cancellationToken);
        EditConflictException.Check(db, plan, input.Version, plan.Version);
        Requirement.Require(input.HeldOn is not null, "SG-PLAN-05", "Enter the date of the review.", "HeldOn");
        var progress = input.Progress ?? [];
        for (var i = 0; i < progress.Count; i++)
        {
            Requirement.Require(progress[i].Progress is not null, "CIN-02", $"Outcome {progress[i].OutcomeNumber}: select the progress made.", $"Progress[{i}].Progress");
        }

        var (now, today) = Now();
        plan.Review(user.PractitionerId()!.Value, input.HeldOn!.Value,
            [.. progress.Select(p => new OutcomeProgress(p.OutcomeNumber, p.Progress!.Value, p.Evidence ?? string.Empty))], input.Decisions ?? string.Empty,
            input.NextReviewOn, today);
        db.Note(episode.AreaId, episode.ChildId, episode.Id, input.HeldOn.Value, now, ChronologyKind.PlanReview,
            $"Plan reviewed: {plan.Reviews[^1].Decisions} Next review {plan.NextReviewOn:d MMMM yyyy}.", "Plan", plan.Id);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<FamilyHelpPlan> EndPlanAsync(ClaimsPrincipal user, Guid planId, EndPlanInput input, CancellationToken cancellationToken)
    {
        var (plan, episode) = await PlanAsync(user, planId, cancellationToken);
        EditConflictException.Check(db, plan, input.Version, plan.Version);
        var (now, today) = Now();
        var on = input.On ?? today;
        Requirement.Require(on <= today, "SG-PLAN-07", "The plan cannot end in the future.", "On");
        plan.End(user.PractitionerId()!.Value, on, input.Reason ?? string.Empty);
        db.Note(episode.AreaId, episode.ChildId, episode.Id, on, now, ChronologyKind.Plan, $"Plan ended: {plan.EndReason}", "Plan", plan.Id);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<Episode> RecordSpecificNeedsAsync(ClaimsPrincipal user, Guid episodeId, NeedsInput input, CancellationToken cancellationToken)
    {
        var episode = await EpisodeAsync(user, episodeId, cancellationToken);
        EditConflictException.Check(db, episode, input.Version, episode.Version);
        var needs = (input.Needs ?? []).Aggregate(SpecificNeed.None, (all, one) => all | one);
        var (now, today) = Now();
        var added = needs & ~episode.SpecificNeeds;
        episode.RecordSpecificNeeds(user.PractitionerId()!.Value, needs, input.ExtraFamilialRisk);
        if (added != SpecificNeed.None)
        {
            db.Note(episode.AreaId, episode.ChildId, episode.Id, today, now, ChronologyKind.Needs,
                "Specific needs recorded: " + string.Join("; ", SpecificNeeds.Prompts.Where(p => added.HasFlag(p.Need)).Select(p => p.Name))
                + (episode.ExtraFamilialRisk is { } risk && added.HasFlag(SpecificNeed.HarmOutsideTheHome) ? $". Risk outside the home: {risk}" : "."),
                "Episode", episode.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return episode;
    }

    public async Task<Episode> RecordMilestoneAsync(ClaimsPrincipal user, Guid episodeId, MilestoneInput input, CancellationToken cancellationToken)
    {
        var episode = await EpisodeAsync(user, episodeId, cancellationToken);
        EditConflictException.Check(db, episode, input.Version, episode.Version);
        Requirement.Require(input.Kind is not null, "SG-EP-18", "Select what happened.", "Kind");
        var (now, today) = Now();
        var on = input.On ?? today;
        episode.RecordMilestone(user.PractitionerId()!.Value, input.Kind!.Value, on, input.Note ?? string.Empty, input.Reference, today);
        var m = episode.Milestones[^1];
        db.Note(episode.AreaId, episode.ChildId, episode.Id, on, now, ChronologyKind.Milestone,
            $"{Milestone.Describe(m.Kind)}{(m.Reference is null ? "" : $" ({m.Reference})")}: {m.Note}", "Episode", episode.Id);
        if (m.Kind == MilestoneKind.InformationSharedWithReceivingArea)
        {
            // The transfer package leaves the area: recorded as information shared in the same save (CIN-04, chapter 1).
            var me = await MeAsync(user, cancellationToken);
            var mine = await db.Agencies.SingleAsync(a => a.Id == me.AgencyId, cancellationToken);
            db.RecordSharing(InformationSharingRecord.Record(Guid.CreateVersion7(now), episode.AreaId, episode.ChildId, on, today, now, me.Id,
                "Transfer package: the child's record, the latest assessment, the plan and the chronology." + (m.Note.Length == 0 ? string.Empty : $" {m.Note}"),
                mine.Name, mine.Id, string.IsNullOrWhiteSpace(input.SharedWith) ? "The receiving local authority" : input.SharedWith.Trim(), null,
                LawfulBasis.PublicTask, consentSought: false, consentGiven: null, whyNoConsent: TransferWithoutConsent, "Episode", episode.Id),
                episode.Id, noteOnChronology: false);
        }

        await db.SaveChangesAsync(cancellationToken);
        return episode;
    }

    public async Task<Episode> CloseAsync(ClaimsPrincipal user, Guid episodeId, CloseInput input, CancellationToken cancellationToken)
    {
        var episode = await EpisodeAsync(user, episodeId, cancellationToken);
        EditConflictException.Check(db, episode, input.Version, episode.Version);
        var me = await MeAsync(user, cancellationToken);
        var (now, today) = Now();
        var on = input.On ?? today;
        Requirement.Require(on <= today, "SG-EP-12", "The episode cannot close in the future.", "On");
        var authorised = await db.Assessments.AnyAsync(a => a.EpisodeId == episodeId && a.Status == AssessmentStatus.Authorised, cancellationToken);
        var unfinished = await db.Assessments.AnyAsync(a => a.EpisodeId == episodeId && a.Status != AssessmentStatus.Authorised, cancellationToken);
        Requirement.Require(!unfinished, "SG-EP-14", "Finish or authorise the assessment in progress before closing the episode (census 8867).", "ReasonCode");
        Requirement.Require(!await db.LookedAfterPeriods.AnyAsync(p => p.EpisodeId == episodeId && p.EndedOn == null, cancellationToken), "SG-LAC-28",
            "The child is still looked after: record the end of looking after them before closing the episode.", "ReasonCode");
        Requirement.Require(!await db.PreProceedings.AnyAsync(p => p.EpisodeId == episodeId && p.Started && p.EndedOn == null, cancellationToken), "SG-PRE-12",
            "Pre-proceedings are under way: record how they ended before closing the episode.", "ReasonCode");
        episode.Close(me, input.ReasonCode ?? string.Empty, input.Summary ?? string.Empty, on, authorised, await StillOpenAsync(db, episodeId, cancellationToken));
        db.Note(episode.AreaId, episode.ChildId, episode.Id, on, now, ChronologyKind.EpisodeClosed,
            $"Episode closed ({episode.ClosureReasonCode}, {Episode.ClosureReasons[episode.ClosureReasonCode!]}): {episode.ClosureSummary}", "Episode", episode.Id);
        await db.SaveChangesAsync(cancellationToken);
        return episode;
    }

    /// <summary>
    /// What in the episode is still open and keeps it from closing (SG-EP-10): a child protection plan, a section 47 enquiry
    /// with no outcome, a strategy discussion whose section 47 decision waits for a manager's confirmation, a child in need
    /// or Family Help plan — each named so the page and the API can link to it.
    /// </summary>
    public static async Task<IReadOnlyList<RelatedRecord>> StillOpenAsync(SafeguardDbContext db, Guid episodeId, CancellationToken cancellationToken)
    {
        var open = new List<RelatedRecord>();
        foreach (var p in await db.ChildProtectionPlans.AsNoTracking().Where(p => p.EpisodeId == episodeId && p.EndedOn == null)
                     .Select(p => new { p.Id, p.LatestCategory, p.StartedOn }).ToListAsync(cancellationToken))
        {
            var category = Domain.ChildProtection.ChildProtectionConference.Categories.GetValueOrDefault(p.LatestCategory, p.LatestCategory).ToLowerInvariant();
            open.Add(new RelatedRecord("ChildProtectionPlan", p.Id, $"the child protection plan ({category}) since {p.StartedOn:d MMMM yyyy}"));
        }

        foreach (var q in await db.Section47Enquiries.AsNoTracking().Where(q => q.EpisodeId == episodeId && q.Outcome == null)
                     .Select(q => new { q.Id, q.StartedOn }).ToListAsync(cancellationToken))
        {
            open.Add(new RelatedRecord("Section47Enquiry", q.Id, $"the section 47 enquiry started on {q.StartedOn:d MMMM yyyy}, which has no outcome"));
        }

        foreach (var d in (await db.StrategyDiscussions.AsNoTracking().Where(d => d.EpisodeId == episodeId && d.Section47 && d.ConfirmedBy == null)
                     .ToListAsync(cancellationToken)).Where(d => !d.AttendanceMet))
        {
            open.Add(new RelatedRecord("StrategyDiscussion", d.Id,
                $"the strategy discussion of {d.HeldOn:d MMMM yyyy}, whose decision on section 47 enquiries waits for a manager's confirmation"));
        }

        foreach (var p in await db.Plans.AsNoTracking().Where(p => p.EpisodeId == episodeId && p.EndedOn == null)
                     .Select(p => new { p.Id, p.Kind, p.StartedOn }).ToListAsync(cancellationToken))
        {
            open.Add(new RelatedRecord("Plan", p.Id,
                $"the {(p.Kind == PlanKind.ChildInNeed ? "child in need" : "Family Help")} plan since {p.StartedOn:d MMMM yyyy}"));
        }

        return open;
    }

    public const string TransferWithoutConsent =
        "The receiving local authority needs the record to carry on supporting the child after a permanent move (CIN-04); consent is not the basis for this sharing.";

    public static string Describe(AssessmentConclusion conclusion) => conclusion switch
    {
        AssessmentConclusion.ChildInNeed => "child in need (section 17)",
        AssessmentConclusion.FamilyHelp => "Family Help",
        AssessmentConclusion.StepDownToUniversalHelp => "step down to universal help",
        AssessmentConclusion.StrategyDiscussion => "strategy discussion",
        _ => "no further action",
    };

    private static AssessmentContent Content(AssessmentInput input) => new(input.DevelopmentalNeeds, input.ParentingCapacity, input.FamilyAndEnvironment,
        input.ChildsWishesAndFeelings, input.WhyViewsNotObtained, input.ChildSeenOn, input.SeenAlone, input.WhyNotSeenAlone, input.FamilyViews,
        input.Factors ?? [], input.Conclusion, input.ConclusionReasons, string.IsNullOrWhiteSpace(input.PrimaryNeedCode) ? null : input.PrimaryNeedCode);

    private static bool IsBlank(OutcomeInput o) => string.IsNullOrWhiteSpace(o.Outcome) && string.IsNullOrWhiteSpace(o.Measure) && o.ByWhen is null
        && string.IsNullOrWhiteSpace(o.ProvidedBy) && string.IsNullOrWhiteSpace(o.Service);

    private (DateTimeOffset Now, DateOnly Today) Now()
    {
        var now = time.GetUtcNow();
        return (now, EnglandClock.ToEnglandDate(now));
    }

    private async Task<Practitioner> MeAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);

    private async Task<Episode> EpisodeAsync(ClaimsPrincipal user, Guid episodeId, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken) ?? throw new RecordNotFoundException();
        await access.RequireWriteAsync(user, episode, cancellationToken);
        return episode;
    }

    private async Task<(Assessment, Episode)> AssessmentAsync(ClaimsPrincipal user, Guid assessmentId, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken) ?? throw new RecordNotFoundException();
        return (assessment, await EpisodeAsync(user, assessment.EpisodeId, cancellationToken));
    }

    private async Task<(FamilyHelpPlan, Episode)> PlanAsync(ClaimsPrincipal user, Guid planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) ?? throw new RecordNotFoundException();
        return (plan, await EpisodeAsync(user, plan.EpisodeId, cancellationToken));
    }
}

/// <summary>No such record in the user's area: 404, whether it never existed or belongs to another area.</summary>
public sealed class RecordNotFoundException() : Exception("The record was not found.");

/// <summary>The user has no relationship with the record that lets them take this step: 403.</summary>
public sealed class AccessRefusedException() : Exception("You do not have access to this record.");
