using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Plans;
using Safeguard.Web.Access;
using Safeguard.Web.ChildProtection;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Forms;
using Safeguard.Web.Pages.Episodes;
using Safeguard.Web.Plans;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>
/// Changing the child protection plan: the core group adds, changes and completes actions and changes its members; a
/// manager changes the lead social worker. Every change is listed with who made it, when, what it was before and why.
/// Core group members read this page and make these changes; so does whoever may change the case.
/// </summary>
public sealed class PlanChangesModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, PlanChangeSteps steps, AuditLog audit,
    WorkingDayCalendar calendar, TimeProvider time) : EpisodePage(db, access, authorization, time)
{
    public CpPlanView Plan { get; private set; } = null!;

    public bool CanChange { get; private set; }

    public bool CanChangeLead { get; private set; }

    public IReadOnlyDictionary<Guid, PersonView> People { get; private set; } = new Dictionary<Guid, PersonView>();

    public IReadOnlyList<PersonView> SocialWorkers { get; private set; } = [];

    public IReadOnlyList<PersonView> Everyone { get; private set; } = [];

    [BindProperty] public Guid? Version { get; set; }

    [BindProperty] public string? What { get; set; }

    [BindProperty] public string? HowMuch { get; set; }

    [BindProperty] public string? Who { get; set; }

    [BindProperty] public DateField ByWhen { get; set; } = new();

    [BindProperty] public Guid? ChangeActionId { get; set; }

    [BindProperty] public string? ChangeWhat { get; set; }

    [BindProperty] public string? ChangeHowMuch { get; set; }

    [BindProperty] public string? ChangeWho { get; set; }

    [BindProperty] public DateField ChangeByWhen { get; set; } = new();

    [BindProperty] public string? ChangeReason { get; set; }

    [BindProperty] public Guid? DoneActionId { get; set; }

    [BindProperty] public DateField DoneOn { get; set; } = new();

    [BindProperty] public string? DoneNote { get; set; }

    [BindProperty] public Guid? MemberPractitionerId { get; set; }

    [BindProperty] public string? MemberName { get; set; }

    [BindProperty] public string? MemberAgency { get; set; }

    [BindProperty] public string? MemberReason { get; set; }

    [BindProperty] public Guid? LeavingMemberId { get; set; }

    [BindProperty] public string? LeavingReason { get; set; }

    [BindProperty] public Guid? NewLeadId { get; set; }

    [BindProperty] public string? LeadReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            DoneOn = DateField.Of(Today);
            await audit.ReadAsync("ChildProtectionPlan", id, Plan.ChildId, Basis, cancellationToken);
        }

        return loaded;
    }

    public Task<IActionResult> OnPostAddActionAsync(Guid id, CancellationToken cancellationToken) => StepAsync(id, async () =>
    {
        var byWhen = ByWhen.Read(ModelState, nameof(ByWhen), "The date it is to be done by");
        return !ModelState.IsValid ? null
            : await steps.AddActionAsync(User, id, new PlanActionChangeInput(What, HowMuch, Who, byWhen, null, Version), cancellationToken);
    }, cancellationToken);

    public Task<IActionResult> OnPostChangeActionAsync(Guid id, CancellationToken cancellationToken) => StepAsync(id, async () =>
    {
        if (ChangeActionId is null)
        {
            ModelState.AddModelError(nameof(ChangeActionId), "Choose the action to change");
        }

        var byWhen = ChangeByWhen.Read(ModelState, nameof(ChangeByWhen), "The date it is to be done by");
        return !ModelState.IsValid ? null
            : await steps.ChangeActionAsync(User, id, ChangeActionId!.Value, new PlanActionChangeInput(ChangeWhat, ChangeHowMuch, ChangeWho, byWhen, ChangeReason, Version),
                cancellationToken);
    }, cancellationToken);

    public Task<IActionResult> OnPostCompleteActionAsync(Guid id, CancellationToken cancellationToken) => StepAsync(id, async () =>
    {
        if (DoneActionId is null)
        {
            ModelState.AddModelError(nameof(DoneActionId), "Choose the action that is done");
        }

        var doneOn = DoneOn.Read(ModelState, nameof(DoneOn), "The day it was done");
        return !ModelState.IsValid ? null
            : await steps.CompleteActionAsync(User, id, DoneActionId!.Value, new ActionDoneInput(doneOn, DoneNote, Version), cancellationToken);
    }, cancellationToken);

    public Task<IActionResult> OnPostAddMemberAsync(Guid id, CancellationToken cancellationToken) => StepAsync(id, async () =>
        await steps.AddMemberAsync(User, id, new CoreGroupJoinInput(MemberName, MemberAgency, MemberPractitionerId, MemberReason, Version), cancellationToken),
        cancellationToken);

    public Task<IActionResult> OnPostMemberLeavesAsync(Guid id, CancellationToken cancellationToken) => StepAsync(id, async () =>
    {
        if (LeavingMemberId is null)
        {
            ModelState.AddModelError(nameof(LeavingMemberId), "Choose the member who is leaving");
            return null;
        }

        return await steps.EndMembershipAsync(User, id, LeavingMemberId.Value, new CoreGroupLeaveInput(LeavingReason, Version), cancellationToken);
    }, cancellationToken);

    public Task<IActionResult> OnPostChangeLeadAsync(Guid id, CancellationToken cancellationToken) => StepAsync(id, async () =>
    {
        if (!CanChangeLead)
        {
            throw new AccessRefusedException();
        }

        return await steps.ChangeLeadAsync(User, id, new LeadChangeInput(NewLeadId, LeadReason, Version), cancellationToken);
    }, cancellationToken);

    /// <summary>The same domain field is asked for by more than one form: the form the user sent gets the error.</summary>
    public override string FormKeyFor(string domainField) => (Request.Query["handler"].ToString(), domainField) switch
    {
        ("ChangeAction", "ActionId") => nameof(ChangeActionId),
        ("ChangeAction", "Reason") => nameof(ChangeReason),
        ("ChangeAction", _) => "Change" + domainField,
        ("CompleteAction", "ActionId") => nameof(DoneActionId),
        ("CompleteAction", "Note") => nameof(DoneNote),
        ("AddMember", "PractitionerId") => nameof(MemberPractitionerId),
        ("AddMember", _) => "Member" + domainField,
        ("MemberLeaves", "MemberId") => nameof(LeavingMemberId),
        ("MemberLeaves", _) => nameof(LeavingReason),
        ("ChangeLead", "LeadSocialWorkerId") => nameof(NewLeadId),
        ("ChangeLead", _) => nameof(LeadReason),
        _ => domainField,
    };

    public string NameOf(Guid id) => People.TryGetValue(id, out var p) ? p.Name : "Someone";

    public static string Describe(PlanChangeKind kind) => kind switch
    {
        PlanChangeKind.ActionAdded => "Action added",
        PlanChangeKind.ActionChanged => "Action changed",
        PlanChangeKind.ActionCompleted => "Action done",
        PlanChangeKind.MemberAdded => "Joined the core group",
        PlanChangeKind.MemberLeft => "Left the core group",
        PlanChangeKind.LeadChanged => "Lead social worker changed",
        _ => kind.ToString(),
    };

    private async Task<IActionResult> StepAsync(Guid id, Func<Task<object?>> step, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (!CanChange)
        {
            return Forbid();
        }

        return await step() is null ? Page() : RedirectToPage(new { id });
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var plan = await Db.ChildProtectionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        var loaded = await LoadEpisodeAsync(plan.EpisodeId, cancellationToken, readers: true);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        Plan = CpPlanView.Of(plan, calendar);
        Version ??= plan.Version;
        CanChange = await steps.MayChangeAsync(User, plan, Episode, cancellationToken);
        CanChangeLead = CanChange && IsManager && await steps.MayChangeLeadAsync(User, plan, Episode, cancellationToken);
        People = await EpisodeQueries.PeopleAsync(Db, plan.Changes.Select(c => c.By).Append(plan.LeadSocialWorkerId), cancellationToken);
        if (CanChange)
        {
            Everyone = await PractitionerPicker.FindAsync(Db, null, MemberPractitionerId is { } chosen ? [chosen] : null, cancellationToken);
        }

        if (CanChangeLead)
        {
            SocialWorkers = await PractitionerPicker.WithRoleAsync(Db, Domain.Organisation.PractitionerRole.SocialWorker, registered: true, cancellationToken);
        }

        return loaded;
    }
}
