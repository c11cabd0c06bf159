using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Web.Access;
using Safeguard.Web.Authorization;
using Safeguard.Web.ChildProtection;
using Safeguard.Web.Forms;
using Safeguard.Web.Pages.Episodes;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>A social work qualified manager records the local authority's decision whether to start pre-proceedings (PRE-01).</summary>
[Authorize(Policy = Policies.FrontDoorDecision)]
public sealed class NewPreProceedingsModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, PreProceedingsSteps steps,
    AuditLog audit, TimeProvider time) : EpisodePage(db, access, authorization, time)
{
    [BindProperty]
    public DateField DecidedOn { get; set; } = new();

    [BindProperty]
    public bool? Start { get; set; }

    [BindProperty]
    public string? Reasons { get; set; }

    [BindProperty]
    public string? AgencyViews { get; set; }

    /// <summary>The child protection plans on the episode: pre-proceedings usually follow the child protection process.</summary>
    public IReadOnlyList<(Guid Id, DateOnly StartedOn, DateOnly? EndedOn)> ProtectionPlans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            await audit.ReadAsync(nameof(Domain.FamilyHelp.Episode), id, Episode.ChildId, Basis, cancellationToken);
            DecidedOn = DateField.Of(Today);
        }

        return loaded;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var on = DecidedOn.Read(ModelState, nameof(DecidedOn), "The date of the decision");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var decision = await steps.DecideAsync(User, id, new PreProceedingsDecisionInput(on, Start, Reasons, AgencyViews), cancellationToken);
        return RedirectToPage("/ChildProtection/PreProceedings", new { id = decision.Id });
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadEpisodeAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            ProtectionPlans = [.. (await Db.ChildProtectionPlans.AsNoTracking().Where(p => p.EpisodeId == id).OrderBy(p => p.StartedOn)
                .Select(p => new { p.Id, p.StartedOn, p.EndedOn }).ToListAsync(cancellationToken)).Select(p => (p.Id, p.StartedOn, p.EndedOn))];
        }

        return loaded;
    }
}
