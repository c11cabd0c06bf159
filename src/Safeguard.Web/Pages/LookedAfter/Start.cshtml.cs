using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.LookedAfter;
using Safeguard.Web.Access;
using Safeguard.Web.Authorization;
using Safeguard.Web.Forms;
using Safeguard.Web.LookedAfter;
using Safeguard.Web.Pages.Episodes;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>The child becomes looked after: the date, the legal basis, why, and where they are placed.</summary>
[Authorize(Policy = Policies.ChildrenSocialCare)]
public sealed class StartModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, LookedAfterSteps steps, AuditLog audit,
    TimeProvider time) : EpisodePage(db, access, authorization, time)
{
    [BindProperty]
    public DateField StartedOn { get; set; } = new();

    [BindProperty]
    public LegalStatus? LegalStatus { get; set; }

    [BindProperty]
    public string? Reasons { get; set; }

    [BindProperty]
    public PlacementType? PlacementType { get; set; }

    [BindProperty]
    public string? PlacementWhere { get; set; }

    [BindProperty]
    public bool? OutOfArea { get; set; }

    [BindProperty]
    public string? ReceivingAuthority { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadEpisodeAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            await audit.ReadAsync(nameof(Domain.FamilyHelp.Episode), id, Episode.ChildId, Basis, cancellationToken);
            StartedOn = DateField.Of(Today);
        }

        return loaded;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadEpisodeAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var on = StartedOn.Read(ModelState, nameof(StartedOn), "The date the child became looked after");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var period = await steps.StartAsync(User, id, new StartLookedAfterInput(on, LegalStatus, Reasons,
            new PlacementInput(on, PlacementType, PlacementWhere, OutOfArea, ReceivingAuthority)), cancellationToken);
        return RedirectToPage("/LookedAfter/View", new { id = period.Id });
    }

    public override string FormKeyFor(string domainField) => domainField == "PlacementStartedOn" ? nameof(StartedOn) : domainField;
}
