using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Access;

// Who may see a child's records because of a relationship with them: the one place the relationship rules live.

/// <summary>
/// Who may work on an episode: children's social care of the area holding it, and the lead practitioner allocated to
/// it, who may be from a partner agency for Family Help (RC-02), for as long as they are allocated.
/// </summary>
public sealed class EpisodeAccess(IAuthorizationService authorization)
{
    public const string LeadPractitionerBasis = "The child's allocated lead practitioner";

    /// <summary>The basis on which the user may see and work on the episode, or null if they may not.</summary>
    public async Task<string?> BasisAsync(ClaimsPrincipal user, Episode episode)
    {
        if (episode.LeadPractitionerId is { } lead && lead == user.PractitionerId())
        {
            return LeadPractitionerBasis;
        }

        return (await authorization.AuthorizeAsync(user, Policies.ChildrenSocialCare)).Succeeded ? Policies.ChildrenSocialCareBasis : null;
    }
}

/// <summary>
/// Who may see a child's record, summary and chronology: children's social care of the area, the lead practitioner of
/// one of the child's open episodes, and — for a few hours, with their reason on every look — a practitioner who broke
/// the glass.
/// </summary>
public sealed class ChildAccess(SafeguardDbContext db, IAuthorizationService authorization, TimeProvider time)
{
    public const string BreakGlassBasisPrefix = "Break-glass: ";

    public async Task<string?> BasisAsync(ClaimsPrincipal user, Guid childId, CancellationToken cancellationToken)
    {
        if ((await authorization.AuthorizeAsync(user, Policies.ChildrenSocialCare)).Succeeded)
        {
            return Policies.ChildrenSocialCareBasis;
        }

        var me = user.PractitionerId();
        if (me is null)
        {
            return null;
        }

        if (await db.Episodes.AnyAsync(e => e.ChildId == childId && e.ClosedOn == null && e.LeadPractitionerId == me, cancellationToken))
        {
            return EpisodeAccess.LeadPractitionerBasis;
        }

        var now = time.GetUtcNow();
        if (await AccessRequestSteps.GrantedBasisAsync(db, me.Value, childId, now, cancellationToken) is { } granted)
        {
            return granted;
        }

        var glass = await db.BreakGlass.Where(b => b.ChildId == childId && b.PractitionerId == me).OrderByDescending(b => b.At)
            .Select(b => new { b.Reason, b.Until }).FirstOrDefaultAsync(cancellationToken);
        return glass is not null && now < glass.Until ? BreakGlassBasisPrefix + glass.Reason : null;
    }
}
