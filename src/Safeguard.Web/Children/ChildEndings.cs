using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Children;
using Safeguard.Domain.Chronology;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.Children;

/// <summary>The child's date of death, recorded once by a manager.</summary>
public sealed record DeathInput(DateOnly? DiedOn);

/// <summary>The day the child left the UK permanently, and what shows it.</summary>
public sealed record LeftUkInput(DateOnly? LeftOn, string? Evidence);

/// <summary>What happens next at 18 (GEN-01), with the details.</summary>
public sealed record NextStepInput(NextStepAtEighteen? NextStep, string? Notes);

/// <summary>
/// When a child's childhood work ends other than by a plan's own decision: the child died (date of death, recorded once),
/// left the UK (with its evidence), or turns 18 (what happens next). A death or leaving the UK ends every open plan of
/// the child with that reason, in the same save, and the clock interceptor's general stop stops every running clock.
/// Each step needs a part in the child's case (the open episode, or the latest), as any step on the case does.
/// </summary>
public sealed class ChildEndings(SafeguardDbContext db, Access.EpisodeAccess access, TimeProvider time)
{
    public async Task<Child> RecordDeathAsync(ClaimsPrincipal user, Guid childId, DeathInput input, CancellationToken cancellationToken)
    {
        var (child, me, now, today) = await LoadAsync(user, childId, cancellationToken);
        Requirement.Require(input.DiedOn is not null, "SG-CHILD-15", "Enter the date of death.", nameof(Child.DateOfDeath));
        child.RecordDeath(me, input.DiedOn!.Value, today);
        db.Note(child.AreaId, child.Id, null, input.DiedOn.Value, now, ChronologyKind.Milestone,
            $"{me.FullName} recorded that the child died on {input.DiedOn.Value:d MMMM yyyy}.", nameof(Child), child.Id, me.AgencyId, me.Id);
        await EndPlansAsync(child, PlanEndReason.Died, input.DiedOn.Value, $"The child died on {input.DiedOn.Value:d MMMM yyyy}.", now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return child;
    }

    public async Task<Child> RecordLeftUkAsync(ClaimsPrincipal user, Guid childId, LeftUkInput input, CancellationToken cancellationToken)
    {
        var (child, me, now, today) = await LoadAsync(user, childId, cancellationToken);
        Requirement.Require(input.LeftOn is not null, "SG-CHILD-16", "Enter the date the child left the UK.", nameof(Child.LeftUkOn));
        child.RecordLeftUk(me, input.LeftOn!.Value, input.Evidence ?? string.Empty, today);
        db.Note(child.AreaId, child.Id, null, input.LeftOn.Value, now, ChronologyKind.Milestone,
            $"{me.FullName} recorded that the child left the UK permanently on {input.LeftOn.Value:d MMMM yyyy}: {child.LeftUkEvidence}", nameof(Child), child.Id,
            me.AgencyId, me.Id);
        await EndPlansAsync(child, PlanEndReason.LeftTheUk, input.LeftOn.Value,
            $"The child left the UK permanently on {input.LeftOn.Value:d MMMM yyyy}: {child.LeftUkEvidence}", now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return child;
    }

    public async Task<Child> RecordNextStepAsync(ClaimsPrincipal user, Guid childId, NextStepInput input, CancellationToken cancellationToken)
    {
        var (child, me, now, today) = await LoadAsync(user, childId, cancellationToken);
        Requirement.Require(input.NextStep is not null, "GEN-01", "Select what happens next.", nameof(Child.NextStepAtEighteen));
        child.RecordNextStepAtEighteen(me.Id, input.NextStep!.Value, input.Notes ?? string.Empty, today);
        db.Note(child.AreaId, child.Id, null, today, now, ChronologyKind.Milestone,
            $"What happens next at 18: {Child.Describe(input.NextStep.Value)}. {child.NextStepNotes}", nameof(Child), child.Id, me.AgencyId, me.Id);
        await db.SaveChangesAsync(cancellationToken);
        return child;
    }

    /// <summary>Every open plan of the child ends with the reason; each end is on the chronology.</summary>
    private async Task EndPlansAsync(Child child, PlanEndReason reason, DateOnly on, string why, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var plan in await db.ChildProtectionPlans.Where(p => p.ChildId == child.Id && p.EndedOn == null).ToListAsync(cancellationToken))
        {
            plan.EndBecauseTheChildHasGone(reason, on, why);
            db.NoteEvent(plan, ChronologyKind.Conference, new Safeguard.Data.Events.EventNames(null), now);
        }

        foreach (var plan in await db.Plans.Where(p => p.ChildId == child.Id && p.EndedOn == null).ToListAsync(cancellationToken))
        {
            plan.EndBecauseTheChildHasGone(on, why);
            db.Note(plan.AreaId, plan.ChildId, plan.EpisodeId, plan.EndedOn!.Value, now, ChronologyKind.Plan, $"Plan ended: {why}", "Plan", plan.Id);
        }
    }

    private async Task<(Child Child, Domain.Organisation.Practitioner Me, DateTimeOffset Now, DateOnly Today)> LoadAsync(ClaimsPrincipal user, Guid childId,
        CancellationToken cancellationToken)
    {
        var child = await db.Children.FirstOrDefaultAsync(c => c.Id == childId, cancellationToken) ?? throw new RecordNotFoundException();
        // Working on the child's record needs a part in their case: the open episode, or the latest one.
        var episode = await db.Episodes.AsNoTracking().Where(e => e.ChildId == childId).OrderBy(e => e.ClosedOn == null ? 0 : 1)
            .ThenByDescending(e => e.OpenedOn).FirstOrDefaultAsync(cancellationToken) ?? throw new AccessRefusedException();
        await access.RequireWriteAsync(user, episode, cancellationToken);
        var me = await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        var now = time.GetUtcNow();
        return (child, me, now, EnglandClock.ToEnglandDate(now));
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        var children = api.MapGroup("/children").WithTags("Children");
        children.MapPost("/{id:guid}/death", async Task<Ok<ChildView>> (Guid id, DeathInput input, ClaimsPrincipal user, ChildEndings steps, TimeProvider time,
                CancellationToken cancellationToken) => TypedResults.Ok(ChildView.Of(await steps.RecordDeathAsync(user, id, input, cancellationToken), EnglandClock.Today(time))))
            .RequireAuthorization(Policies.FrontDoorDecision).WithName("RecordChildsDeath")
            .WithDescription("A social work qualified manager records the child's date of death, once: every open plan ends (died) and every running clock stops.");
        children.MapPost("/{id:guid}/left-uk", async Task<Ok<ChildView>> (Guid id, LeftUkInput input, ClaimsPrincipal user, ChildEndings steps, TimeProvider time,
                CancellationToken cancellationToken) => TypedResults.Ok(ChildView.Of(await steps.RecordLeftUkAsync(user, id, input, cancellationToken), EnglandClock.Today(time))))
            .RequireAuthorization(Policies.FrontDoorDecision).WithName("RecordChildLeftUk")
            .WithDescription("A social work qualified manager records that the child left the UK permanently, with the evidence: every open plan ends and every running clock stops.");
        children.MapPost("/{id:guid}/next-step-at-18", async Task<Ok<ChildView>> (Guid id, NextStepInput input, ClaimsPrincipal user, ChildEndings steps,
                TimeProvider time, CancellationToken cancellationToken) =>
                TypedResults.Ok(ChildView.Of(await steps.RecordNextStepAsync(user, id, input, cancellationToken), EnglandClock.Today(time))))
            .RequireAuthorization(Policies.ChildrenSocialCare).WithName("RecordNextStepAtEighteen")
            .WithDescription("Records what happens next at 18 (GEN-01): care leaver, adult social care, other adult services or no further services, with the details.");
    }
}
