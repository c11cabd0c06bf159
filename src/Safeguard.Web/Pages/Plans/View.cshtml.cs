using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Forms;
using Safeguard.Web.Pages.Episodes;

namespace Safeguard.Web.Pages.Plans;

public sealed class ProgressForm
{
    public Progress? Progress { get; set; }

    public string? Evidence { get; set; }
}

/// <summary>
/// The plan: its outcomes and reviews. A manager approves a child in need plan; the lead practitioner (or a manager)
/// records each review with progress against every outcome; the plan ends with a reason.
/// </summary>
public sealed class ViewModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, FamilyHelpSteps steps, AuditLog audit,
    TimeProvider time) : EpisodePage(db, access, authorization, time)
{
    public FamilyHelpPlan Plan { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, string> People { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty]
    public DateField HeldOn { get; set; } = new();

    [BindProperty]
    public List<ProgressForm> Progress { get; set; } = [];

    [BindProperty]
    public string? Decisions { get; set; }

    [BindProperty]
    public DateField NextReviewOn { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    public bool CanReview => Plan.IsOpen && Episode.IsOpen && (IsLeadPractitioner || IsManager);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadPlanAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            await audit.ReadAsync("Plan", id, Plan.ChildId, Basis,
                cancellationToken);
            HeldOn = DateField.Of(Today);
        }

        return loaded;
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadPlanAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (!IsManager)
        {
            return Forbid();
        }

        await steps.ApprovePlanAsync(User, id, Version, cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadPlanAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (!CanReview)
        {
            return Forbid();
        }

        ModelState.Remove(nameof(Reason));
        var held = HeldOn.Read(ModelState, nameof(HeldOn), "The date of the review");
        var next = NextReviewOn.Read(ModelState, nameof(NextReviewOn), "The date of the next review");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var progress = Plan.Outcomes.Select((o, i) => new ProgressInput(o.Number, Progress.ElementAtOrDefault(i)?.Progress, Progress.ElementAtOrDefault(i)?.Evidence))
            .ToList();
        await steps.ReviewPlanAsync(User, id, new ReviewInput(held, progress, Decisions, next, Version), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadPlanAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (!CanReview)
        {
            return Forbid();
        }

        await steps.EndPlanAsync(User, id, new EndPlanInput(null, Reason, Version), cancellationToken);
        return RedirectToPage(new { id });
    }

    public override string FormKeyFor(string domainField) => domainField switch
    {
        "Progress" => "Progress",
        "On" => nameof(Reason),
        _ => domainField,
    };

    private async Task<IActionResult> LoadPlanAsync(Guid id, CancellationToken cancellationToken)
    {
        var plan = await Db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        var loaded = await LoadEpisodeAsync(plan.EpisodeId, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        Plan = plan;
        Version ??= plan.Version;
        while (Progress.Count < plan.Outcomes.Count)
        {
            Progress.Add(new ProgressForm());
        }

        var people = await EpisodeQueries.PeopleAsync(Db, plan.Reviews.Select(r => r.RecordedBy).Append(plan.CreatedBy), cancellationToken);
        People = people.ToDictionary(p => p.Key, p => p.Value.Name);
        return loaded;
    }

    public static string Describe(Progress progress) => progress switch
    {
        Domain.FamilyHelp.Progress.Achieved => "Achieved",
        Domain.FamilyHelp.Progress.OnTrack => "On track",
        Domain.FamilyHelp.Progress.SomeProgress => "Some progress",
        Domain.FamilyHelp.Progress.NoProgress => "No progress",
        _ => "Worse",
    };
}
