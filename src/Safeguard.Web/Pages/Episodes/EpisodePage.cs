using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.Errors;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.Pages.Episodes;

/// <summary>
/// A page that takes one step on an episode: loads the episode, refuses anyone without a relationship with it, and
/// knows whether the user is its lead practitioner or a manager. The step itself is taken by <see cref="FamilyHelpSteps"/>.
/// </summary>
[Authorize]
public abstract class EpisodePage(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, TimeProvider time) : PageModel,
    IMapsRuleFields
{
    public Episode Episode { get; private set; } = null!;

    public string ChildName { get; private set; } = string.Empty;

    public bool IsLeadPractitioner { get; private set; }

    public bool IsManager { get; private set; }

    public bool IsChildrenSocialCare { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>Why the user may see the episode: the basis recorded in the audit trail when the page shows it.</summary>
    protected string Basis { get; private set; } = string.Empty;

    protected SafeguardDbContext Db => db;

    /// <summary>The page's fields are named as the domain names them.</summary>
    public virtual string FormKeyFor(string domainField) => domainField;

    /// <summary>Loads the episode for someone who may work on it, or — with <paramref name="readers"/> — also for a core group member, who reads only.</summary>
    protected async Task<IActionResult> LoadEpisodeAsync(Guid episodeId, CancellationToken cancellationToken, bool readers = false)
    {
        var episode = await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        if (episode is null)
        {
            return NotFound();
        }

        if (await (readers ? access.ReadBasisAsync(User, episode) : access.BasisAsync(User, episode)) is not { } basis)
        {
            return Forbid();
        }

        Basis = basis;

        Episode = episode;
        ChildName = await db.Children.Where(c => c.Id == episode.ChildId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        IsLeadPractitioner = episode.LeadPractitionerId == User.PractitionerId();
        IsManager = (await authorization.AuthorizeAsync(User, Policies.FrontDoorDecision)).Succeeded;
        IsChildrenSocialCare = (await authorization.AuthorizeAsync(User, Policies.ChildrenSocialCare)).Succeeded;
        Today = EnglandClock.Today(time);
        return Page();
    }
}
