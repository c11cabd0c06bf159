using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Forms;

namespace Safeguard.Web.Pages.Episodes;

public sealed class OutcomeForm
{
    public string? Outcome { get; set; }

    public string? Measure { get; set; }

    public DateField ByWhen { get; set; } = new();

    public string? ProvidedBy { get; set; }

    public string? Service { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Outcome) && string.IsNullOrWhiteSpace(Measure) && ByWhen.IsEmpty
        && string.IsNullOrWhiteSpace(ProvidedBy) && string.IsNullOrWhiteSpace(Service);
}

/// <summary>
/// The lead practitioner makes the Family Help or child in need plan with the family: outcomes that can be measured,
/// by when, who provides what, what is expected of the parents, how often the child is seen, and the first review.
/// </summary>
public sealed class NewPlanModel(SafeguardDbContext db, AuditLog audit, EpisodeAccess access, IAuthorizationService authorization, FamilyHelpSteps steps, TimeProvider time)
    : EpisodePage(db, access, authorization, time)
{
    [BindProperty]
    public PlanKind? Kind { get; set; }

    [BindProperty]
    public List<OutcomeForm> Outcomes { get; set; } = [];

    [BindProperty]
    public string? ExpectationsOfParents { get; set; }

    [BindProperty]
    public string? VisitEveryDays { get; set; }

    [BindProperty]
    public DateField NextReviewOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadEpisodeAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            Kind = Episode.Support == SupportKind.FamilyHelp ? PlanKind.FamilyHelp : PlanKind.ChildInNeed;
            Outcomes = [new(), new(), new()];
            await audit.ReadAsync(nameof(Domain.FamilyHelp.Episode), id, Episode.ChildId, Basis, cancellationToken);
        }

        return loaded;
    }

    /// <summary>Adds a blank outcome to fill in, keeping everything typed so far (works without JavaScript).</summary>
    public async Task<IActionResult> OnPostAddOutcomeAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadEpisodeAsync(id, cancellationToken);
        ModelState.Clear();
        Outcomes.Add(new OutcomeForm());
        return loaded;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadEpisodeAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var outcomes = new List<OutcomeInput>();
        foreach (var o in Outcomes.Where(o => !o.IsBlank))
        {
            var key = $"Outcomes[{outcomes.Count}].ByWhen";
            var byWhen = o.ByWhen.Read(ModelState, key, $"Outcome {outcomes.Count + 1}: the date");
            outcomes.Add(new OutcomeInput(o.Outcome, o.Measure, byWhen, o.ProvidedBy, o.Service));
        }

        // Blank rows are dropped: renumber what is left so errors point at the right boxes.
        Outcomes = [.. Outcomes.Where(o => !o.IsBlank)];
        if (Outcomes.Count == 0)
        {
            Outcomes.Add(new OutcomeForm());
        }

        var nextReview = NextReviewOn.Read(ModelState, nameof(NextReviewOn), "The date of the first review");
        int? every = null;
        if (!string.IsNullOrWhiteSpace(VisitEveryDays))
        {
            if (int.TryParse(VisitEveryDays, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days))
            {
                every = days;
            }
            else
            {
                ModelState.AddModelError(nameof(VisitEveryDays), "Enter how often the child is to be seen as a number of days, like 10");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var plan = await steps.MakePlanAsync(User, id, new PlanInput(Kind, outcomes, ExpectationsOfParents, every, nextReview), cancellationToken);
        return RedirectToPage("/Plans/View", new { id = plan.Id });
    }
}
