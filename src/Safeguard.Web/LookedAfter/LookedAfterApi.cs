using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.LookedAfter;
using Safeguard.Web.Access;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.LookedAfter;

/// <summary>/api/v1 for looked after children: each step children's social care takes, and the period as a whole for anyone working with the child.</summary>
public static class LookedAfterApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        const string tags = "Looked after children";

        api.MapPost("/episodes/{id:guid}/looked-after", async (Guid id, StartLookedAfterInput input, ClaimsPrincipal user, LookedAfterSteps steps,
            CancellationToken ct) =>
        {
            var period = await steps.StartAsync(user, id, input, ct);
            return TypedResults.Created($"/api/v1/looked-after/{period.Id}", await steps.ViewAsync(period, ct));
        }).RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("StartLookedAfter")
            .WithDescription("The child becomes looked after: the date, the legal basis, why, and the first placement (an out-of-area one names the receiving authority).");

        api.MapGet("/looked-after/{id:guid}", (Guid id, ClaimsPrincipal user, SafeguardDbContext db, RecordReads reads, LookedAfterSteps steps,
            CancellationToken ct) =>
            reads.ReadInEpisodeAsync(user, nameof(LookedAfterPeriod), id, db.LookedAfterPeriods.Where(p => p.Id == id), p => p.EpisodeId, p => p.ChildId,
                p => steps.ViewAsync(p, ct), ct))
            .RequireAuthorization().WithTags(tags).WithName("GetLookedAfter")
            .WithDescription("A period of care, with what it still waits for: the care plan, notifications to send, section 47 enquiries without a care plan review.");

        Step("/legal-status", "ChangeLegalStatus", "A new legal basis from a date.",
            (LookedAfterSteps s, ClaimsPrincipal u, Guid id, LegalStatusInput i, CancellationToken ct) => s.ChangeLegalStatusAsync(u, id, i, ct));
        Step("/care-plan", "AgreeCarePlan", "Agrees the care plan, or a new version of it (LAC-01).",
            (LookedAfterSteps s, ClaimsPrincipal u, Guid id, CarePlanInput i, CancellationToken ct) => s.AgreeCarePlanAsync(u, id, i, ct));
        Step("/care-plan-reviews", "ReviewCarePlan", "Reviews the care plan; alongside a section 47 enquiry, links to it (LAC-03).",
            (LookedAfterSteps s, ClaimsPrincipal u, Guid id, CarePlanReviewInput i, CancellationToken ct) => s.ReviewCarePlanAsync(u, id, i, ct));
        Step("/placements", "MovePlacement", "The child moves placement; out of area, the receiving authority is named (LAC-02).",
            (LookedAfterSteps s, ClaimsPrincipal u, Guid id, PlacementInput i, CancellationToken ct) => s.MovePlacementAsync(u, id, i, ct));
        Step("/notifications", "RecordPlacementNotification",
            "A notification sent to the receiving authority, the child's GP or the integrated care board (LAC-02), recorded as information shared.",
            (LookedAfterSteps s, ClaimsPrincipal u, Guid id, NotificationInput i, CancellationToken ct) => s.RecordNotificationAsync(u, id, i, ct));
        Step("/return-home/assessment", "AssessReturnHome", "The assessment of a planned return home; its outcome goes into the care plan (LAC-04).",
            (LookedAfterSteps s, ClaimsPrincipal u, Guid id, ReturnHomeAssessmentInput i, CancellationToken ct) => s.AssessReturnHomeAsync(u, id, i, ct));
        Step("/return-home/approval", "ApproveReturnHome", "A social work qualified manager approves ceasing to look after the child (LAC-04).",
            (LookedAfterSteps s, ClaimsPrincipal u, Guid id, ReturnHomeApprovalInput i, CancellationToken ct) => s.ApproveReturnHomeAsync(u, id, i, ct));
        Step("/return-home", "ReturnHomeAsPlanned", "The child returns home as planned and approved (LAC-04).",
            (LookedAfterSteps s, ClaimsPrincipal u, Guid id, ReturnHomeInput i, CancellationToken ct) => s.ReturnHomeAsPlannedAsync(u, id, i, ct));
        Step("/unplanned-return", "ReturnHomeUnplanned", "A child accommodated under section 20 returns home outside the plan, with the safety check (LAC-05).",
            (LookedAfterSteps s, ClaimsPrincipal u, Guid id, UnplannedReturnInput i, CancellationToken ct) => s.ReturnHomeUnplannedAsync(u, id, i, ct));
        Step("/end", "CeaseLookingAfter", "The child stops being looked after for another reason, recorded by a social work qualified manager.",
            (LookedAfterSteps s, ClaimsPrincipal u, Guid id, CeaseInput i, CancellationToken ct) => s.CeaseAsync(u, id, i, ct));
        Step("/reunification-plan", "PlanReunification", "The plan after the child returns home: services, support and timeline (LAC-06).",
            (LookedAfterSteps s, ClaimsPrincipal u, Guid id, ReunificationPlanInput i, CancellationToken ct) => s.PlanReunificationAsync(u, id, i, ct));
        Step("/reunification-reviews", "ReviewReunification", "A review after reunification: the child seen alone where possible, their wishes, the impact (LAC-06).",
            (LookedAfterSteps s, ClaimsPrincipal u, Guid id, ReunificationReviewInput i, CancellationToken ct) => s.ReviewReunificationAsync(u, id, i, ct));

        void Step<TInput>(string path, string name, string description,
            Func<LookedAfterSteps, ClaimsPrincipal, Guid, TInput, CancellationToken, Task<LookedAfterPeriod>> take) =>
            api.MapPost("/looked-after/{id:guid}" + path, async (Guid id, TInput input, ClaimsPrincipal user, LookedAfterSteps steps, CancellationToken ct) =>
                    TypedResults.Ok(await steps.ViewAsync(await take(steps, user, id, input, ct), ct)))
                .RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName(name).WithDescription(description);
    }
}
