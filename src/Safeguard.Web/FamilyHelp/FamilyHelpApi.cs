using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.FamilyHelp;

public sealed record AssessmentView(Guid Id, Guid EpisodeId, Guid ChildId, Guid ReferralId, DateOnly StartedOn, DateOnly? DueOn, AssessmentStatus Status,
    string? DevelopmentalNeeds, string? ParentingCapacity, string? FamilyAndEnvironment, string? ChildsWishesAndFeelings, string? WhyViewsNotObtained,
    DateOnly? ChildSeenOn, bool? SeenAlone, string? WhyNotSeenAlone, string? FamilyViews, IReadOnlyList<string> Factors, AssessmentConclusion? Conclusion,
    string? ConclusionReasons, string? PrimaryNeedCode, DateOnly? SubmittedOn, string? LateReason, DateOnly? AuthorisedOn, string? ReturnedWith, Guid Version)
{
    public static AssessmentView Of(Assessment a, DateOnly? dueOn) => new(a.Id, a.EpisodeId, a.ChildId, a.ReferralId, a.StartedOn, dueOn, a.Status,
        a.DevelopmentalNeeds, a.ParentingCapacity, a.FamilyAndEnvironment, a.ChildsWishesAndFeelings, a.WhyViewsNotObtained, a.ChildSeenOn, a.SeenAlone,
        a.WhyNotSeenAlone, a.FamilyViews, a.Factors, a.Conclusion, a.ConclusionReasons, a.PrimaryNeedCode, a.SubmittedOn, a.LateReason, a.AuthorisedOn,
        a.ReturnedWith, a.Version);
}

public sealed record PlanView(Guid Id, Guid EpisodeId, Guid ChildId, PlanKind Kind, DateOnly StartedOn, DateOnly? EndedOn, string? EndReason,
    IReadOnlyList<PlanOutcome> Outcomes, string ExpectationsOfParents, int VisitEveryDays, DateOnly NextReviewOn, IReadOnlyList<PlanReview> Reviews,
    DateOnly? ApprovedOn, Guid Version, IReadOnlyList<Domain.Plans.PlanChange>? Changes = null)
{
    public static PlanView Of(FamilyHelpPlan p) => new(p.Id, p.EpisodeId, p.ChildId, p.Kind, p.StartedOn, p.EndedOn, p.EndReason, p.Outcomes,
        p.ExpectationsOfParents, p.VisitEveryDays, p.NextReviewOn, p.Reviews, p.ApprovedOn, p.Version, p.Changes);
}

/// <summary>
/// /api/v1/episodes, /api/v1/assessments, /api/v1/plans and the child's chronology: Family Help and child in need work
/// for agencies' own systems, the same steps and rules as the pages. Reads are audited with the basis of access.
/// </summary>
public static class FamilyHelpApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var episodes = api.MapGroup("/episodes").WithTags("Family Help and children in need").RequireAuthorization();
        episodes.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user, SafeguardDbContext db, EpisodeAccess access, RecordReads reads,
            WorkingDayCalendar calendar, TimeProvider time, CancellationToken cancellationToken) =>
            reads.ReadAsync(nameof(Episode), id, () => db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken),
                episode => access.BasisAsync(user, episode), episode => episode.ChildId,
                episode => EpisodeQueries.ViewAsync(db, episode, calendar, EnglandClock.Today(time), cancellationToken), cancellationToken))
            .WithName("GetEpisode");

        episodes.MapPost("/{id:guid}/allocation", async (Guid id, AllocationInput input, ClaimsPrincipal user, FamilyHelpSteps steps, CancellationToken ct) =>
            Ok(await steps.AllocateAsync(user, id, input, ct))).RequireAuthorization(Policies.FrontDoorDecision).WithName("AllocateLeadPractitioner");
        episodes.MapPost("/{id:guid}/co-workers", async (Guid id, CoWorkerInput input, ClaimsPrincipal user, FamilyHelpSteps steps, CancellationToken ct) =>
            Ok(await steps.AllocateCoWorkerAsync(user, id, input, ct))).RequireAuthorization(Policies.FrontDoorDecision).WithName("AllocateCoWorker")
            .WithDescription("Gives a practitioner of children's social care a part in the case alongside the lead practitioner (or, with end, ends it).");
        episodes.MapPost("/{id:guid}/family-agreement", async (Guid id, FamilyAgreementInput input, ClaimsPrincipal user, FamilyHelpSteps steps,
            CancellationToken ct) => Ok(await steps.RecordFamilyAgreementAsync(user, id, input, ct))).WithName("RecordFamilyAgreement");
        episodes.MapPost("/{id:guid}/assessments", async (Guid id, ClaimsPrincipal user, FamilyHelpSteps steps, CancellationToken ct) =>
        {
            var assessment = await steps.StartAssessmentAsync(user, id, ct);
            return TypedResults.Created($"/api/v1/assessments/{assessment.Id}", AssessmentView.Of(assessment, steps.AssessmentDueOn(assessment)));
        }).WithName("StartAssessment");
        episodes.MapPost("/{id:guid}/visits", async (Guid id, VisitInput input, ClaimsPrincipal user, FamilyHelpSteps steps, CancellationToken ct) =>
        {
            var visit = await steps.RecordVisitAsync(user, id, input, ct);
            return TypedResults.Created($"/api/v1/episodes/{id}", new { visit.Id, visit.VisitedOn, visit.ChildSeen, visit.SeenAlone });
        }).WithName("RecordVisit");
        episodes.MapPost("/{id:guid}/plans", async (Guid id, PlanInput input, ClaimsPrincipal user, FamilyHelpSteps steps, CancellationToken ct) =>
        {
            var plan = await steps.MakePlanAsync(user, id, input, ct);
            return TypedResults.Created($"/api/v1/plans/{plan.Id}", PlanView.Of(plan));
        }).WithName("MakePlan");
        episodes.MapPost("/{id:guid}/specific-needs", async (Guid id, NeedsInput input, ClaimsPrincipal user, FamilyHelpSteps steps, CancellationToken ct) =>
            Ok(await steps.RecordSpecificNeedsAsync(user, id, input, ct))).WithName("RecordSpecificNeeds");
        episodes.MapPost("/{id:guid}/milestones", async (Guid id, MilestoneInput input, ClaimsPrincipal user, FamilyHelpSteps steps, CancellationToken ct) =>
            Ok(await steps.RecordMilestoneAsync(user, id, input, ct))).WithName("RecordMilestone")
            .WithDescription("NRM referrals, prison and probation enquiries and answers, a permanent move and sharing with the receiving authority, transition planning.");
        episodes.MapPost("/{id:guid}/closure", async (Guid id, CloseInput input, ClaimsPrincipal user, FamilyHelpSteps steps, CancellationToken ct) =>
            Ok(await steps.CloseAsync(user, id, input, ct))).WithName("CloseEpisode");

        var assessments = api.MapGroup("/assessments").WithTags("Family Help and children in need").RequireAuthorization();
        assessments.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user, SafeguardDbContext db, RecordReads reads, FamilyHelpSteps steps,
            CancellationToken cancellationToken) =>
            reads.ReadInEpisodeAsync(user, nameof(Assessment), id, db.Assessments.Where(a => a.Id == id), a => a.EpisodeId, a => a.ChildId,
                a => Task.FromResult(AssessmentView.Of(a, steps.AssessmentDueOn(a))), cancellationToken))
            .WithName("GetAssessment");
        assessments.MapPut("/{id:guid}", async (Guid id, AssessmentInput input, ClaimsPrincipal user, FamilyHelpSteps steps, CancellationToken ct) =>
        {
            var assessment = await steps.SaveAssessmentAsync(user, id, input, ct);
            return TypedResults.Ok(AssessmentView.Of(assessment, steps.AssessmentDueOn(assessment)));
        }).WithName("SaveAssessment");
        assessments.MapPost("/{id:guid}/submission", async (Guid id, SubmissionInput input, ClaimsPrincipal user, FamilyHelpSteps steps, CancellationToken ct) =>
        {
            var assessment = await steps.SubmitAssessmentAsync(user, id, input.Assessment, input.LateReason, input.Version, ct);
            return TypedResults.Ok(AssessmentView.Of(assessment, steps.AssessmentDueOn(assessment)));
        }).WithName("SubmitAssessment");
        assessments.MapPost("/{id:guid}/authorisation", async (Guid id, LateInput input, ClaimsPrincipal user, FamilyHelpSteps steps, CancellationToken ct) =>
        {
            var assessment = await steps.AuthoriseAssessmentAsync(user, id, input, ct);
            return TypedResults.Ok(AssessmentView.Of(assessment, steps.AssessmentDueOn(assessment)));
        }).RequireAuthorization(Policies.FrontDoorDecision).WithName("AuthoriseAssessment");
        assessments.MapPost("/{id:guid}/return", async (Guid id, ReturnInput input, ClaimsPrincipal user, FamilyHelpSteps steps, CancellationToken ct) =>
        {
            var assessment = await steps.ReturnAssessmentAsync(user, id, input, ct);
            return TypedResults.Ok(AssessmentView.Of(assessment, steps.AssessmentDueOn(assessment)));
        }).RequireAuthorization(Policies.FrontDoorDecision).WithName("ReturnAssessment");

        var plans = api.MapGroup("/plans").WithTags("Family Help and children in need").RequireAuthorization();
        plans.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user, SafeguardDbContext db, RecordReads reads, CancellationToken cancellationToken) =>
            reads.ReadInEpisodeAsync(user, "Plan", id, db.Plans.Where(p => p.Id == id), p => p.EpisodeId, p => p.ChildId,
                p => Task.FromResult(PlanView.Of(p)), cancellationToken))
            .WithName("GetPlan");
        plans.MapPost("/{id:guid}/approval", async (Guid id, VersionInput input, ClaimsPrincipal user, FamilyHelpSteps steps, CancellationToken ct) =>
            TypedResults.Ok(PlanView.Of(await steps.ApprovePlanAsync(user, id, input.Version, ct))))
            .RequireAuthorization(Policies.FrontDoorDecision).WithName("ApprovePlan");
        plans.MapPost("/{id:guid}/reviews", async (Guid id, ReviewInput input, ClaimsPrincipal user, FamilyHelpSteps steps, CancellationToken ct) =>
            TypedResults.Ok(PlanView.Of(await steps.ReviewPlanAsync(user, id, input, ct)))).WithName("ReviewPlan");
        plans.MapPost("/{id:guid}/end", async (Guid id, EndPlanInput input, ClaimsPrincipal user, FamilyHelpSteps steps, CancellationToken ct) =>
            TypedResults.Ok(PlanView.Of(await steps.EndPlanAsync(user, id, input, ct)))).WithName("EndPlan");

        api.MapGet("/children/{id:guid}/chronology", (Guid id, Guid? agency, ChronologyKind? kind, ClaimsPrincipal user, SafeguardDbContext db,
            ChildAccess childAccess, RecordReads reads, CancellationToken cancellationToken) =>
            reads.ReadAsync("Chronology", id, async () => await db.Children.AnyAsync(c => c.Id == id, cancellationToken) ? new { Id = id } : null,
                _ => childAccess.BasisAsync(user, id, cancellationToken), _ => id,
                _ => ChronologyQueries.ForChildAsync(db, id, agency, kind, user, cancellationToken), cancellationToken))
            .WithTags("Family Help and children in need").RequireAuthorization().WithName("GetChronology");

        api.MapPost("/chronology/{id:guid}/sensitivity", async Task<Results<Ok<ChronologyLine>, NotFound>> (Guid id, SensitivityInput input, ClaimsPrincipal user,
            SafeguardDbContext db, CancellationToken cancellationToken) =>
        {
            var entry = await db.Chronology.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (entry is null)
            {
                return TypedResults.NotFound();
            }

            Domain.Requirement.Require(input.Sensitivity is not null, "SG-CHR-02", "Select how sensitive the entry is.", "Sensitivity");
            var manager = await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
            await db.MarkAsync(entry, manager, input.Sensitivity!.Value, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok((await ChronologyQueries.ForChildAsync(db, entry.ChildId, null, null, user, cancellationToken)).Single(l => l.Id == id));
        }).WithTags("Family Help and children in need").RequireAuthorization(Policies.FrontDoorDecision).WithName("MarkChronologyEntry")
            .WithDescription("Marks an entry as police intelligence, sexual health, a safe address or adoption: others see only that it exists.");
    }

    private static Ok<EpisodeSummary> Ok(Episode e) => TypedResults.Ok(new EpisodeSummary(e.Id, e.ChildId, e.IsOpen, e.Support, e.LeadPractitionerId,
        e.FamilyAgreement, e.ClosedOn, e.ClosureReasonCode, e.SpecificNeeds, e.ExtraFamilialRisk, e.Milestones, e.Version, e.CoWorkers));
}

public sealed record EpisodeSummary(Guid Id, Guid ChildId, bool IsOpen, SupportKind? Support, Guid? LeadPractitionerId, FamilyAgreement? FamilyAgreement,
    DateOnly? ClosedOn, string? ClosureReasonCode, SpecificNeed SpecificNeeds, string? ExtraFamilialRisk, IReadOnlyList<Milestone> Milestones, Guid Version,
    IReadOnlyList<CoWorkerAllocation>? CoWorkers = null);

public sealed record VersionInput(Guid? Version);

public sealed record SensitivityInput(Sensitivity? Sensitivity);

/// <summary>Submitting an assessment: its final content (or none, to submit what was saved), and the reason if it is late.</summary>
public sealed record SubmissionInput(AssessmentInput? Assessment, string? LateReason, Guid? Version);
