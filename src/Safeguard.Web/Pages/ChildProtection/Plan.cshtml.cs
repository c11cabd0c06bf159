using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Calendar;
using Safeguard.Web.ChildProtection;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Forms;
using Safeguard.Web.Pages.Episodes;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>The child protection plan: its lead social worker, core group and actions; core group meetings recorded; the plan ended with its reason.</summary>
public sealed class PlanModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, ChildProtectionSteps steps, AuditLog audit,
    WorkingDayCalendar calendar, TimeProvider time) : EpisodePage(db, access, authorization, time)
{
    public CpPlanView Plan { get; private set; } = null!;

    public string LeadName { get; private set; } = string.Empty;

    public bool CanWork { get; private set; }

    [BindProperty]
    public DateField HeldOn { get; set; } = new();

    [BindProperty]
    public string? Decisions { get; set; }

    [BindProperty]
    public string? AbsentViews { get; set; }

    [BindProperty]
    public List<int> ActionsDone { get; set; } = [];

    [BindProperty]
    public PlanEndReason? Reason { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    [BindProperty]
    public DateField ReviewHeldOn { get; set; } = new();

    [BindProperty]
    public Guid? ChairId { get; set; }

    [BindProperty]
    public bool? PlanContinues { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? Reasons { get; set; }

    [BindProperty]
    public string? ProceedingsDecision { get; set; }

    public IReadOnlyList<PersonView> Chairs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            HeldOn = DateField.Of(Today);
            ReviewHeldOn = DateField.Of(Today);
            await audit.ReadAsync("ChildProtectionPlan", id, Plan.ChildId,
                Basis, cancellationToken);
        }

        return loaded;
    }

    public async Task<IActionResult> OnPostCoreGroupAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var held = HeldOn.Read(ModelState, nameof(HeldOn), "The date of the meeting");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await steps.RecordCoreGroupAsync(User, id, new CoreGroupInput(held, Decisions, AbsentViews, ActionsDone, Version), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var held = ReviewHeldOn.Read(ModelState, nameof(ReviewHeldOn), "The date of the review conference");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await steps.RecordReviewAsync(User, id, new ReviewConferenceInput(held, ChairId, PlanContinues, Category, Reasons, ProceedingsDecision, Version), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        await steps.EndCpPlanAsync(User, id, new EndCpPlanInput(Reason, Notes, null, Version), cancellationToken);
        return RedirectToPage(new { id });
    }

    public override string FormKeyFor(string domainField) => domainField switch
    {
        "On" => nameof(Notes),
        "HeldOn" when PlanContinues is not null || ChairId is not null => nameof(ReviewHeldOn),
        _ => domainField,
    };

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var plan = await Db.ChildProtectionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        var loaded = await LoadEpisodeAsync(plan.EpisodeId, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        Plan = CpPlanView.Of(plan, calendar);
        Version ??= plan.Version;
        LeadName = (await EpisodeQueries.PeopleAsync(Db, [plan.LeadSocialWorkerId], cancellationToken))[plan.LeadSocialWorkerId].Name;
        CanWork = plan.IsOpen && IsChildrenSocialCare;
        if (CanWork)
        {
            Chairs = [.. (await (from p in Db.Practitioners.AsNoTracking()
                                 join a in Db.Agencies on p.AgencyId equals a.Id
                                 select new { p, Agency = a.Name }).ToListAsync(cancellationToken))
                .Where(x => x.p.Has(Domain.Organisation.PractitionerRole.ConferenceChair)).Select(x => new PersonView(x.p.Id, x.p.FullName, x.p.JobTitle, x.Agency))];
        }
        return loaded;
    }

    public static string Describe(PlanEndReason reason) => reason switch
    {
        PlanEndReason.NoLongerAtRiskOfSignificantHarm => "No longer likely to suffer significant harm",
        PlanEndReason.MovedPermanentlyToAnotherArea => "Moved permanently to another area (after the receiving authority's transfer-in conference)",
        PlanEndReason.ReachedEighteen => "Turned 18",
        PlanEndReason.Died => "Died",
        _ => "Left the UK",
    };
}
