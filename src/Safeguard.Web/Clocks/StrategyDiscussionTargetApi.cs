using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Clocks;

/// <summary>The area's own target for holding a strategy discussion the front door decided, in working days (0: the same day).</summary>
public sealed record StrategyDiscussionTarget(int WorkingDays, int DefaultWorkingDays, int MaxWorkingDays, string Note);

public sealed record StrategyDiscussionTargetInput(int? WorkingDays);

/// <summary>
/// The guidance sets no timescale for holding a strategy discussion, so each area sets its own: children's social care read it,
/// and a social work qualified manager changes it. Discussions still waiting are then due by the new target; it stays a local target,
/// never reported as a statutory breach.
/// </summary>
public static class StrategyDiscussionTargetApi
{
    private const string Note = "A local target set by the area: the guidance sets no national timescale for holding a strategy discussion.";

    public static StrategyDiscussionTarget Of(LocalAuthorityArea area) => new(area.StrategyDiscussionTargetWorkingDays,
        LocalAuthorityArea.DefaultStrategyDiscussionTargetWorkingDays, LocalAuthorityArea.MaxStrategyDiscussionTargetWorkingDays, Note);

    /// <summary>
    /// A social work qualified manager changes the target (SG-AREA-10: a whole number from 0 to 10): the change is written to the audit
    /// trail with what it was and what it became, in the same save. The page and the API both call this.
    /// </summary>
    public static async Task<StrategyDiscussionTarget> ChangeAsync(ClaimsPrincipal user, StrategyDiscussionTargetInput input, SafeguardDbContext db,
        AuditLog audit, CancellationToken cancellationToken)
    {
        var area = await db.Areas.SingleAsync(a => a.Id == user.AreaId(), cancellationToken);
        Requirement.Require(input.WorkingDays is not null, "SG-AREA-10", "Enter the target in working days.", "WorkingDays");
        var before = area.StrategyDiscussionTargetWorkingDays;
        area.SetStrategyDiscussionTarget(input.WorkingDays!.Value);
        audit.Changed(nameof(LocalAuthorityArea), area.Id, "The area's target for holding a strategy discussion",
            $"Target for holding a strategy discussion changed from {before} to {area.StrategyDiscussionTargetWorkingDays} working days");
        await db.SaveChangesAsync(cancellationToken);
        return Of(area);
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/area/strategy-discussion-target", async (ClaimsPrincipal user, SafeguardDbContext db, CancellationToken cancellationToken) =>
                TypedResults.Ok(Of(await db.Areas.AsNoTracking().SingleAsync(a => a.Id == user.AreaId(), cancellationToken))))
            .RequireAuthorization(Policies.ChildrenSocialCare).WithTags("Area").WithName("GetStrategyDiscussionTarget")
            .WithDescription("The area's own target for holding a strategy discussion the front door decided, in working days (a local target, A-26).");

        api.MapPut("/area/strategy-discussion-target", async (StrategyDiscussionTargetInput input, ClaimsPrincipal user, SafeguardDbContext db,
                AuditLog audit, CancellationToken cancellationToken) => TypedResults.Ok(await ChangeAsync(user, input, db, audit, cancellationToken)))
            .RequireAuthorization(Policies.FrontDoorDecision).WithTags("Area").WithName("SetStrategyDiscussionTarget")
            .WithDescription("A social work qualified manager sets the area's target for holding a strategy discussion: 0 (the same day) to 10 working days.");
    }
}
