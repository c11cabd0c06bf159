using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.Pages.Episodes;

/// <summary>Closes the episode with the DfE reason for closure and a summary the family and practitioners are given.</summary>
public sealed class CloseModel(SafeguardDbContext db, AuditLog audit, EpisodeAccess access, IAuthorizationService authorization, FamilyHelpSteps steps, TimeProvider time)
    : EpisodePage(db, access, authorization, time)
{
    [BindProperty]
    public string? ReasonCode { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    /// <summary>What in the episode is still open, each with its page: the episode cannot close until each is ended or concluded (SG-EP-10).</summary>
    public IReadOnlyList<(string Description, string Href)> StillOpen { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadEpisodeAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            Version = Episode.Version;
            await LoadStillOpenAsync(id, cancellationToken);
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

        await LoadStillOpenAsync(id, cancellationToken);
        await steps.CloseAsync(User, id, new CloseInput(ReasonCode, Summary, null, Version), cancellationToken);
        return RedirectToPage("/Episodes/View", new { id });
    }

    private async Task LoadStillOpenAsync(Guid id, CancellationToken cancellationToken) =>
        StillOpen = [.. (await FamilyHelpSteps.StillOpenAsync(Db, id, cancellationToken))
            .Select(r => (r.Description, Records.RecordRoutes.PageFor(r.Kind, r.Id, null, null) ?? "#main-content"))];
}
