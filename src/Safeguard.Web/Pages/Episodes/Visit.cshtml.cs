using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Forms;

namespace Safeguard.Web.Pages.Episodes;

/// <summary>Records a visit or direct work with the child: the child seen, seen alone or why not, observations, the child's words.</summary>
public sealed class VisitModel(SafeguardDbContext db, AuditLog audit, EpisodeAccess access, IAuthorizationService authorization, FamilyHelpSteps steps, TimeProvider time)
    : EpisodePage(db, access, authorization, time)
{
    [BindProperty]
    public DateField VisitedOn { get; set; } = new();

    [BindProperty]
    public bool? ChildSeen { get; set; }

    [BindProperty]
    public bool? SeenAlone { get; set; }

    [BindProperty]
    public string? WhyNot { get; set; }

    [BindProperty]
    public string? Observations { get; set; }

    [BindProperty]
    public string? ChildsWords { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadEpisodeAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            VisitedOn = DateField.Of(Today);
            await audit.ReadAsync(nameof(Domain.FamilyHelp.Episode), id, Episode.ChildId, Basis, cancellationToken);
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

        var on = VisitedOn.Read(ModelState, nameof(VisitedOn), "The date of the visit");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var visit = await steps.RecordVisitAsync(User, id, new VisitInput(on, ChildSeen, ChildSeen == true ? SeenAlone : false, WhyNot, Observations, ChildsWords),
            cancellationToken);
        return Redirect($"/episodes/{id}#visit-{visit.Id}");
    }
}
