using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Plans;
using Safeguard.Web.Access;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Forms;
using Safeguard.Web.Pages.Episodes;
using Safeguard.Web.Plans;

namespace Safeguard.Web.Pages.Plans;

/// <summary>
/// Changing a Family Help or child in need plan as the work goes on: outcomes are added, changed and achieved (FH-03,
/// CIN-01, CIN-02). Every change is listed with who made it, when, what it was before and why. Whoever may change the
/// case makes these changes, through the same steps as the API.
/// </summary>
public sealed class ChangesModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, PlanChangeSteps steps, AuditLog audit,
    TimeProvider time) : EpisodePage(db, access, authorization, time)
{
    public FamilyHelpPlan Plan { get; private set; } = null!;

    public bool CanChange { get; private set; }

    public IReadOnlyDictionary<Guid, PersonView> People { get; private set; } = new Dictionary<Guid, PersonView>();

    [BindProperty] public Guid? Version { get; set; }

    [BindProperty] public string? Outcome { get; set; }

    [BindProperty] public string? Measure { get; set; }

    [BindProperty] public DateField ByWhen { get; set; } = new();

    [BindProperty] public string? ProvidedBy { get; set; }

    [BindProperty] public string? Service { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public int? ChangeNumber { get; set; }

    [BindProperty] public string? ChangeOutcome { get; set; }

    [BindProperty] public string? ChangeMeasure { get; set; }

    [BindProperty] public DateField ChangeByWhen { get; set; } = new();

    [BindProperty] public string? ChangeProvidedBy { get; set; }

    [BindProperty] public string? ChangeService { get; set; }

    [BindProperty] public string? ChangeReason { get; set; }

    [BindProperty] public int? AchievedNumber { get; set; }

    [BindProperty] public DateField AchievedOn { get; set; } = new();

    [BindProperty] public string? Evidence { get; set; }

    public string Title => Plan.Kind == PlanKind.ChildInNeed ? "child in need plan" : "Family Help plan";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            AchievedOn = DateField.Of(Today);
            await audit.ReadAsync("Plan", id, Plan.ChildId, Basis, cancellationToken);
        }

        return loaded;
    }

    public Task<IActionResult> OnPostAddOutcomeAsync(Guid id, CancellationToken cancellationToken) => StepAsync(id, async () =>
    {
        var byWhen = ByWhen.Read(ModelState, nameof(ByWhen), "The date it is to be achieved by");
        return !ModelState.IsValid ? null
            : await steps.AddOutcomeAsync(User, id, new OutcomeChangeInput(Outcome, Measure, byWhen, ProvidedBy, Service, Reason, Version), cancellationToken);
    }, cancellationToken);

    public Task<IActionResult> OnPostChangeOutcomeAsync(Guid id, CancellationToken cancellationToken) => StepAsync(id, async () =>
    {
        if (ChangeNumber is null)
        {
            ModelState.AddModelError(nameof(ChangeNumber), "Choose the outcome to change");
        }

        var byWhen = ChangeByWhen.Read(ModelState, nameof(ChangeByWhen), "The date it is to be achieved by");
        return !ModelState.IsValid ? null
            : await steps.ChangeOutcomeAsync(User, id, ChangeNumber!.Value,
                new OutcomeChangeInput(ChangeOutcome, ChangeMeasure, byWhen, ChangeProvidedBy, ChangeService, ChangeReason, Version), cancellationToken);
    }, cancellationToken);

    public Task<IActionResult> OnPostAchieveOutcomeAsync(Guid id, CancellationToken cancellationToken) => StepAsync(id, async () =>
    {
        if (AchievedNumber is null)
        {
            ModelState.AddModelError(nameof(AchievedNumber), "Choose the outcome that has been achieved");
        }

        var achievedOn = AchievedOn.Read(ModelState, nameof(AchievedOn), "The day it was achieved");
        return !ModelState.IsValid ? null
            : await steps.AchieveOutcomeAsync(User, id, AchievedNumber!.Value, new OutcomeAchievedInput(achievedOn, Evidence, Version), cancellationToken);
    }, cancellationToken);

    /// <summary>The same domain field is asked for by more than one form: the form the user sent gets the error.</summary>
    public override string FormKeyFor(string domainField) => (Request.Query["handler"].ToString(), domainField) switch
    {
        ("ChangeOutcome", "Number") => nameof(ChangeNumber),
        ("ChangeOutcome", _) => "Change" + domainField,
        ("AchieveOutcome", "Number") => nameof(AchievedNumber),
        _ => domainField,
    };

    public string NameOf(Guid id) => People.TryGetValue(id, out var p) ? p.Name : "Someone";

    public static string Describe(PlanChangeKind kind) => kind switch
    {
        PlanChangeKind.OutcomeAdded => "Outcome added",
        PlanChangeKind.OutcomeChanged => "Outcome changed",
        PlanChangeKind.OutcomeAchieved => "Outcome achieved",
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
        CanChange = await steps.MayChangeOutcomesAsync(User, plan, Episode, cancellationToken);
        People = await EpisodeQueries.PeopleAsync(Db, plan.Changes.Select(c => c.By), cancellationToken);
        return loaded;
    }
}
