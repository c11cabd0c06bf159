using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Participation;
using Safeguard.Web.Access;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.ChildProtection;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.Plans;

public sealed record PlanActionChangeInput(string? What, string? HowMuch, string? Who, DateOnly? ByWhen, string? Reason, Guid? Version);

public sealed record ActionDoneInput(DateOnly? DoneOn, string? Note, Guid? Version);

public sealed record CoreGroupJoinInput(string? Name, string? Agency, Guid? PractitionerId, string? Reason, Guid? Version);

public sealed record CoreGroupLeaveInput(string? Reason, Guid? Version);

public sealed record LeadChangeInput(Guid? LeadSocialWorkerId, string? Reason, Guid? Version);

public sealed record OutcomeChangeInput(string? Outcome, string? Measure, DateOnly? ByWhen, string? ProvidedBy, string? Service, string? Reason, Guid? Version);

public sealed record OutcomeAchievedInput(DateOnly? AchievedOn, string? Evidence, Guid? Version);

/// <summary>
/// The plan as a living document. A child protection plan develops from the conference's outline: its core group adds,
/// changes and completes actions and changes its membership, and a manager changes the lead social worker (CG-02, CPP-01,
/// RC-04). A Family Help or child in need plan's outcomes are added, changed and achieved as the work goes on (FH-03,
/// CIN-01). Each change keeps what it was before, who changed it and when, on the plan's history and the child's chronology.
/// Who may change a child protection plan: whoever may change the case (<see cref="EpisodeAccess.WriteBasisAsync"/>) and
/// the plan's current core group members with an account; the lead social worker is changed by a manager who may change
/// the case. A Family Help or child in need plan is changed by whoever may change the case.
/// </summary>
public sealed class PlanChangeSteps(SafeguardDbContext db, EpisodeAccess access, TimeProvider time)
{
    public async Task<ChildProtectionPlan> AddActionAsync(ClaimsPrincipal user, Guid planId, PlanActionChangeInput input, CancellationToken cancellationToken)
    {
        var plan = await ChangeablePlanAsync(user, planId, input.Version, cancellationToken);
        Requirement.Require(input.ByWhen is not null, "CG-02", "Enter the date it is to be done by.", "ByWhen");
        var (now, today) = Now();
        var action = plan.AddAction(Guid.CreateVersion7(now), user.PractitionerId()!.Value, input.What ?? string.Empty, input.HowMuch, input.Who ?? string.Empty,
            input.ByWhen!.Value, now, today);
        Note(plan, today, now, $"Child protection plan action added: {action}.");
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<ChildProtectionPlan> ChangeActionAsync(ClaimsPrincipal user, Guid planId, Guid actionId, PlanActionChangeInput input,
        CancellationToken cancellationToken)
    {
        var plan = await ChangeablePlanAsync(user, planId, input.Version, cancellationToken);
        Requirement.Require(plan.Actions.Any(a => a.Id == actionId), "SG-CP-04", "Choose an action from the plan.", "ActionId");
        Requirement.Require(input.ByWhen is not null, "CG-02", "Enter the date it is to be done by.", "ByWhen");
        var (now, today) = Now();
        var before = plan.Actions.Single(a => a.Id == actionId);
        var after = plan.ChangeAction(actionId, user.PractitionerId()!.Value, input.What ?? string.Empty, input.HowMuch, input.Who ?? string.Empty,
            input.ByWhen!.Value, input.Reason, now, today);
        Note(plan, today, now, $"Child protection plan action changed from \"{before}\" to \"{after}\"" + Because(plan.Changes[^1].Reason));
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<ChildProtectionPlan> CompleteActionAsync(ClaimsPrincipal user, Guid planId, Guid actionId, ActionDoneInput input,
        CancellationToken cancellationToken)
    {
        var plan = await ChangeablePlanAsync(user, planId, input.Version, cancellationToken);
        var (now, today) = Now();
        var action = plan.CompleteAction(actionId, user.PractitionerId()!.Value, input.DoneOn ?? today, input.Note, now, today);
        Note(plan, action.DoneOn!.Value, now, $"Child protection plan action done: {action.What}" + Because(plan.Changes[^1].Reason, "Note"));
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<ChildProtectionPlan> AddMemberAsync(ClaimsPrincipal user, Guid planId, CoreGroupJoinInput input, CancellationToken cancellationToken)
    {
        var plan = await ChangeablePlanAsync(user, planId, input.Version, cancellationToken);
        var name = input.Name;
        var agency = input.Agency;
        if (input.PractitionerId is { } practitionerId)
        {
            // A member with an account: a practitioner of this area, named and placed as their account says unless the form says otherwise.
            var person = await db.Practitioners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == practitionerId, cancellationToken);
            Requirement.Require(person is not null && person.AreaId == plan.AreaId, "ICPC-05", "Choose a practitioner of this area.", "PractitionerId");
            name = string.IsNullOrWhiteSpace(name) ? person!.FullName : name;
            agency = string.IsNullOrWhiteSpace(agency)
                ? await db.Agencies.Where(a => a.Id == person!.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken)
                : agency;
        }

        var (now, today) = Now();
        var member = plan.AddMember(Guid.CreateVersion7(now), user.PractitionerId()!.Value, name ?? string.Empty, agency ?? string.Empty, input.PractitionerId,
            input.Reason, now, today);
        Note(plan, today, now, $"{member} joined the core group" + Because(plan.Changes[^1].Reason));
        await SyncParticipantsAsync(plan, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<ChildProtectionPlan> EndMembershipAsync(ClaimsPrincipal user, Guid planId, Guid memberId, CoreGroupLeaveInput input,
        CancellationToken cancellationToken)
    {
        var plan = await ChangeablePlanAsync(user, planId, input.Version, cancellationToken);
        var (now, today) = Now();
        var member = plan.EndMembership(memberId, user.PractitionerId()!.Value, input.Reason ?? string.Empty, now, today);
        Note(plan, today, now, $"{member} left the core group" + Because(plan.Changes[^1].Reason));
        await SyncParticipantsAsync(plan, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    /// <summary>A manager who may change the case changes the plan's lead social worker, with the reason (CPP-01, RC-04).</summary>
    public async Task<ChildProtectionPlan> ChangeLeadAsync(ClaimsPrincipal user, Guid planId, LeadChangeInput input, CancellationToken cancellationToken)
    {
        var plan = await db.ChildProtectionPlans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) ?? throw new RecordNotFoundException();
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == plan.EpisodeId, cancellationToken);
        await access.RequireWriteAsync(user, episode, cancellationToken);
        EditConflictException.Check(db, plan, input.Version, plan.Version);
        var manager = await db.Practitioners.AsNoTracking().SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        Requirement.Require(input.LeadSocialWorkerId is not null, "RC-04", "Choose the new lead social worker.", "LeadSocialWorkerId");
        var newLead = await db.Practitioners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.LeadSocialWorkerId, cancellationToken);
        var former = await db.Practitioners.AsNoTracking().Where(p => p.Id == plan.LeadSocialWorkerId).Select(p => p.GivenName + " " + p.FamilyName)
            .SingleAsync(cancellationToken);
        var (now, today) = Now();
        plan.ChangeLead(manager, newLead!, input.Reason ?? string.Empty, now, today, former);
        Note(plan, today, now, $"Lead social worker for the child protection plan changed from {former} to {newLead!.FullName} by {manager.FullName}"
            + Because(plan.Changes[^1].Reason));
        await SyncParticipantsAsync(plan, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<FamilyHelpPlan> AddOutcomeAsync(ClaimsPrincipal user, Guid planId, OutcomeChangeInput input, CancellationToken cancellationToken)
    {
        var (plan, episode) = await FamilyPlanAsync(user, planId, input.Version, cancellationToken);
        Requirement.Require(input.ByWhen is not null, "CIN-01", "Enter the date it is to be achieved by.", "ByWhen");
        var (now, today) = Now();
        var outcome = plan.AddOutcome(user.PractitionerId()!.Value, OutcomeOf(input), input.Reason, now, today);
        db.Note(episode.AreaId, episode.ChildId, episode.Id, today, now, ChronologyKind.Plan, $"Plan outcome {outcome.Number} added: {outcome}."
            + Because(plan.Changes[^1].Reason), "Plan", plan.Id);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<FamilyHelpPlan> ChangeOutcomeAsync(ClaimsPrincipal user, Guid planId, int number, OutcomeChangeInput input, CancellationToken cancellationToken)
    {
        var (plan, episode) = await FamilyPlanAsync(user, planId, input.Version, cancellationToken);
        Requirement.Require(plan.Outcomes.Any(o => o.Number == number), "SG-PLAN-09", "Choose an outcome from the plan.", "Number");
        Requirement.Require(input.ByWhen is not null, "CIN-01", "Enter the date it is to be achieved by.", "ByWhen");
        var (now, today) = Now();
        var before = plan.Outcomes.Single(o => o.Number == number);
        var after = plan.ChangeOutcome(user.PractitionerId()!.Value, number, OutcomeOf(input), input.Reason, now, today);
        db.Note(episode.AreaId, episode.ChildId, episode.Id, today, now, ChronologyKind.Plan, $"Plan outcome {number} changed from \"{before}\" to \"{after}\""
            + Because(plan.Changes[^1].Reason), "Plan", plan.Id);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<FamilyHelpPlan> AchieveOutcomeAsync(ClaimsPrincipal user, Guid planId, int number, OutcomeAchievedInput input, CancellationToken cancellationToken)
    {
        var (plan, episode) = await FamilyPlanAsync(user, planId, input.Version, cancellationToken);
        var (now, today) = Now();
        var outcome = plan.AchieveOutcome(user.PractitionerId()!.Value, number, input.AchievedOn ?? today, input.Evidence ?? string.Empty, now, today);
        db.Note(episode.AreaId, episode.ChildId, episode.Id, outcome.AchievedOn!.Value, now, ChronologyKind.Plan,
            $"Plan outcome {number} achieved: {outcome.Outcome}. Evidence: {plan.Changes[^1].Reason}", "Plan", plan.Id);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    /// <summary>Whether the user may change the plan's actions and core group: whoever may change the case, or a current core group member.</summary>
    public async Task<bool> MayChangeAsync(ClaimsPrincipal user, ChildProtectionPlan plan, Episode episode, CancellationToken cancellationToken) =>
        plan.IsOpen && (await access.WriteBasisAsync(user, episode, cancellationToken) is not null || await InCoreGroupAsync(user, plan.Id, cancellationToken));

    /// <summary>Whether the user may change the case, as a manager changing the lead must (the manager's role is the domain's rule, CPP-01).</summary>
    public async Task<bool> MayChangeLeadAsync(ClaimsPrincipal user, ChildProtectionPlan plan, Episode episode, CancellationToken cancellationToken) =>
        plan.IsOpen && await access.WriteBasisAsync(user, episode, cancellationToken) is not null;

    /// <summary>Whether the user may add, change and achieve the outcomes of a Family Help or child in need plan: whoever may change the case, while the plan is open.</summary>
    public async Task<bool> MayChangeOutcomesAsync(ClaimsPrincipal user, FamilyHelpPlan plan, Episode episode, CancellationToken cancellationToken) =>
        plan.IsOpen && await access.WriteBasisAsync(user, episode, cancellationToken) is not null;

    private async Task<bool> InCoreGroupAsync(ClaimsPrincipal user, Guid planId, CancellationToken cancellationToken) =>
        user.PractitionerId() is { } me && await db.Participants.AnyAsync(p => p.RecordKind == Participations.ChildProtectionPlan && p.RecordId == planId
            && p.Role == ParticipantRole.CoreGroupMember && p.PractitionerId == me && p.Until == null, cancellationToken);

    private async Task<ChildProtectionPlan> ChangeablePlanAsync(ClaimsPrincipal user, Guid planId, Guid? version, CancellationToken cancellationToken)
    {
        var plan = await db.ChildProtectionPlans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) ?? throw new RecordNotFoundException();
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == plan.EpisodeId, cancellationToken);
        if (await access.WriteBasisAsync(user, episode, cancellationToken) is null && !await InCoreGroupAsync(user, plan.Id, cancellationToken))
        {
            throw new AccessRefusedException();
        }

        EditConflictException.Check(db, plan, version, plan.Version);
        return plan;
    }

    private async Task<(FamilyHelpPlan Plan, Episode Episode)> FamilyPlanAsync(ClaimsPrincipal user, Guid planId, Guid? version, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) ?? throw new RecordNotFoundException();
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == plan.EpisodeId, cancellationToken);
        await access.RequireWriteAsync(user, episode, cancellationToken);
        EditConflictException.Check(db, plan, version, plan.Version);
        return (plan, episode);
    }

    /// <summary>Brings the plan's participant rows in step with its lead and core group in the same save: who sees the record changes with them.</summary>
    private async Task SyncParticipantsAsync(ChildProtectionPlan plan, CancellationToken cancellationToken)
    {
        var existing = await db.Participants.Where(p => p.RecordKind == Participations.ChildProtectionPlan && p.RecordId == plan.Id).ToListAsync(cancellationToken);
        var wanted = Participations.Of(plan);
        var ids = wanted.Where(w => w.PractitionerId is not null).Select(w => w.PractitionerId!.Value).Distinct().ToList();
        var people = await (from p in db.Practitioners.AsNoTracking()
                            where ids.Contains(p.Id)
                            join a in db.Agencies.AsNoTracking() on p.AgencyId equals a.Id
                            select new { p.Id, Name = p.GivenName + " " + p.FamilyName, AgencyId = (Guid?)a.Id, AgencyName = a.Name }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var (added, removed) = Participations.Reconcile(existing, wanted, plan.AreaId, Participations.ChildProtectionPlan, plan.Id, plan.ChildId, part =>
        {
            var person = people.Find(p => p.Id == part.PractitionerId);
            return (person?.Name ?? string.Empty, person?.AgencyId, person?.AgencyName ?? string.Empty);
        }, () => Guid.CreateVersion7(now));
        db.Participants.AddRange(added);
        db.Participants.RemoveRange(removed);
    }

    private void Note(ChildProtectionPlan plan, DateOnly on, DateTimeOffset now, string summary) =>
        db.Note(plan.AreaId, plan.ChildId, plan.EpisodeId, on, now, ChronologyKind.CoreGroup, summary, "ChildProtectionPlan", plan.Id);

    private static string Because(string? reason, string label = "Reason") => reason is null ? "." : $". {label}: {reason}";

    private static PlanOutcome OutcomeOf(OutcomeChangeInput input) => new(0, input.Outcome ?? string.Empty, input.Measure ?? string.Empty, input.ByWhen!.Value,
        input.ProvidedBy ?? string.Empty, input.Service ?? string.Empty);

    private (DateTimeOffset Now, DateOnly Today) Now()
    {
        var now = time.GetUtcNow();
        return (now, EnglandClock.ToEnglandDate(now));
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        const string cp = "Child protection";
        var plans = api.MapGroup("/child-protection-plans/{id:guid}").WithTags(cp).RequireAuthorization();
        plans.MapPost("/actions", async (Guid id, PlanActionChangeInput input, ClaimsPrincipal user, PlanChangeSteps steps, WorkingDayCalendar calendar,
            CancellationToken ct) => TypedResults.Created($"/api/v1/child-protection-plans/{id}", CpPlanView.Of(await steps.AddActionAsync(user, id, input, ct), calendar)))
            .WithName("AddPlanAction");
        plans.MapPut("/actions/{actionId:guid}", async (Guid id, Guid actionId, PlanActionChangeInput input, ClaimsPrincipal user, PlanChangeSteps steps,
            WorkingDayCalendar calendar, CancellationToken ct) => TypedResults.Ok(CpPlanView.Of(await steps.ChangeActionAsync(user, id, actionId, input, ct), calendar)))
            .WithName("ChangePlanAction");
        plans.MapPost("/actions/{actionId:guid}/done", async (Guid id, Guid actionId, ActionDoneInput input, ClaimsPrincipal user, PlanChangeSteps steps,
            WorkingDayCalendar calendar, CancellationToken ct) => TypedResults.Ok(CpPlanView.Of(await steps.CompleteActionAsync(user, id, actionId, input, ct), calendar)))
            .WithName("CompletePlanAction");
        plans.MapPost("/core-group", async (Guid id, CoreGroupJoinInput input, ClaimsPrincipal user, PlanChangeSteps steps, WorkingDayCalendar calendar,
            CancellationToken ct) => TypedResults.Ok(CpPlanView.Of(await steps.AddMemberAsync(user, id, input, ct), calendar)))
            .WithName("AddCoreGroupMember");
        plans.MapPost("/core-group/{memberId:guid}/leaving", async (Guid id, Guid memberId, CoreGroupLeaveInput input, ClaimsPrincipal user, PlanChangeSteps steps,
            WorkingDayCalendar calendar, CancellationToken ct) => TypedResults.Ok(CpPlanView.Of(await steps.EndMembershipAsync(user, id, memberId, input, ct), calendar)))
            .WithName("EndCoreGroupMembership");
        plans.MapPost("/lead", async (Guid id, LeadChangeInput input, ClaimsPrincipal user, PlanChangeSteps steps, WorkingDayCalendar calendar,
            CancellationToken ct) => TypedResults.Ok(CpPlanView.Of(await steps.ChangeLeadAsync(user, id, input, ct), calendar)))
            .RequireAuthorization(Policies.FrontDoorDecision).WithName("ChangePlanLead");

        var family = api.MapGroup("/plans/{id:guid}/outcomes").WithTags("Family Help and children in need").RequireAuthorization();
        family.MapPost("", async (Guid id, OutcomeChangeInput input, ClaimsPrincipal user, PlanChangeSteps steps, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/plans/{id}", PlanView.Of(await steps.AddOutcomeAsync(user, id, input, ct)))).WithName("AddPlanOutcome");
        family.MapPut("/{number:int}", async (Guid id, int number, OutcomeChangeInput input, ClaimsPrincipal user, PlanChangeSteps steps, CancellationToken ct) =>
            TypedResults.Ok(PlanView.Of(await steps.ChangeOutcomeAsync(user, id, number, input, ct)))).WithName("ChangePlanOutcome");
        family.MapPost("/{number:int}/achieved", async (Guid id, int number, OutcomeAchievedInput input, ClaimsPrincipal user, PlanChangeSteps steps,
            CancellationToken ct) => TypedResults.Ok(PlanView.Of(await steps.AchieveOutcomeAsync(user, id, number, input, ct)))).WithName("AchievePlanOutcome");
    }
}
