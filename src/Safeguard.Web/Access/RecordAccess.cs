using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Participation;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Access;

// Who may see a child's records because of a relationship with them: the one place the relationship rules live.

/// <summary>
/// Who may work on an episode: children's social care of the area holding it, and the lead practitioner allocated to
/// it, who may be from a partner agency for Family Help (RC-02), for as long as they are allocated. A core group member
/// with an account reads the child protection plan (and its conferences) while the plan lasts, but works on nothing.
/// </summary>
public sealed class EpisodeAccess(SafeguardDbContext db, IAuthorizationService authorization)
{
    public const string LeadPractitionerBasis = "The child's allocated lead practitioner";

    public const string CoreGroupBasis = "A core group member of the child's child protection plan";

    /// <summary>The basis on which the user may see and work on the episode, or null if they may not.</summary>
    public async Task<string?> BasisAsync(ClaimsPrincipal user, Episode episode)
    {
        if (user.PractitionerId() is { } me && await LeadsAsync(db, me, episode))
        {
            return LeadPractitionerBasis;
        }

        return (await authorization.AuthorizeAsync(user, Policies.ChildrenSocialCare)).Succeeded ? Policies.ChildrenSocialCareBasis : null;
    }

    /// <summary>
    /// The basis on which the user may read the episode's child protection plan and conferences: whoever may work on the
    /// episode, and the core group members of an open plan, who read but do not record.
    /// </summary>
    public async Task<string?> ReadBasisAsync(ClaimsPrincipal user, Episode episode) =>
        await BasisAsync(user, episode) ?? (await CoreGroupMemberAsync(db, user, episode.Id, default) ? CoreGroupBasis : null);

    public const string CoWorkerBasis = "A co-worker on the child's case";

    public const string CaseLeadBasis = "The social worker leading the child's section 47 enquiry or child protection plan";

    public const string CaseManagerBasis = "The manager of the child's case";

    public const string CaseTeamBasis = "A member of the team holding the child's case";

    public const string FrontDoorBasis = "Children's social care's front door, before the case has a lead practitioner";

    /// <summary>
    /// The basis on which the user may change the case — record anything on the episode or the records in it — or null.
    /// Reading is wider (all of children's social care read the area's cases); working on one needs a part in it: the
    /// lead practitioner; a co-worker allocated to it; the social worker leading its section 47 enquiry or child protection
    /// plan; the manager who allocated it; the team holding it (the lead practitioner's and that manager's team) and its
    /// managers. Before a lead practitioner is allocated the case is the front door's: children's social care's social
    /// workers and social work qualified managers. Each step then keeps its own rule about who takes it.
    /// </summary>
    public async Task<string?> WriteBasisAsync(ClaimsPrincipal user, Episode episode, CancellationToken cancellationToken = default)
    {
        if (user.PractitionerId() is not { } me)
        {
            return null;
        }

        if (await LeadsAsync(db, me, episode))
        {
            return LeadPractitionerBasis;
        }

        if (!(await authorization.AuthorizeAsync(user, Policies.ChildrenSocialCare)).Succeeded)
        {
            return null;
        }

        // Their current part in the case: a co-worker on the episode, or the lead of its enquiry or plan (one indexed query).
        var parts = await db.Participants
            .Where(p => p.ChildId == episode.ChildId && p.PractitionerId == me && p.Until == null
                && ((p.RecordKind == Participations.Episode && p.RecordId == episode.Id && p.Role == ParticipantRole.CoWorker)
                    || ((p.RecordKind == Participations.Section47Enquiry || p.RecordKind == Participations.ChildProtectionPlan)
                        && p.Role == ParticipantRole.LeadPractitioner)))
            .Select(p => p.Role).Distinct().ToListAsync(cancellationToken);
        if (parts.Contains(ParticipantRole.CoWorker))
        {
            return CoWorkerBasis;
        }

        if (parts.Contains(ParticipantRole.LeadPractitioner))
        {
            return CaseLeadBasis;
        }

        if (episode.CaseManagerId == me)
        {
            return CaseManagerBasis;
        }

        if (episode.LeadPractitionerId is null)
        {
            // Not yet allocated: the front door's, as a referral is.
            return episode.IsOpen && (user.Has(PractitionerRole.SocialWorker) || user.Has(PractitionerRole.PracticeSupervisor)) ? FrontDoorBasis : null;
        }

        return await InCaseTeamAsync(db, me, episode, cancellationToken) ? CaseTeamBasis : null;
    }

    /// <summary>Refuses (403) anyone who may not change the case (<see cref="WriteBasisAsync"/>).</summary>
    public async Task RequireWriteAsync(ClaimsPrincipal user, Episode episode, CancellationToken cancellationToken = default)
    {
        _ = await WriteBasisAsync(user, episode, cancellationToken) ?? throw new FamilyHelp.AccessRefusedException();
    }

    /// <summary>
    /// Case steps (child protection, looked after children, pre-proceedings, arranging conferences) are children's social
    /// care's, taken by those with a part in the case (<see cref="WriteBasisAsync"/>): a lead practitioner from a partner
    /// agency, or a core group member, takes part but does not record them.
    /// </summary>
    public async Task RequireChildrensSocialCareAsync(ClaimsPrincipal user, Episode episode, CancellationToken cancellationToken = default)
    {
        if (user.AgencyKindOf() != Domain.Organisation.AgencyKind.LocalAuthorityChildrensSocialCare || await WriteBasisAsync(user, episode, cancellationToken) is null)
        {
            throw new FamilyHelp.AccessRefusedException();
        }
    }

    /// <summary>
    /// Whether the practitioner belongs to the team holding the case: the team of its lead practitioner or of the manager
    /// who allocated it. One query for the three practitioners' teams.
    /// </summary>
    internal static async Task<bool> InCaseTeamAsync(SafeguardDbContext db, Guid practitionerId, Episode episode, CancellationToken cancellationToken)
    {
        var ids = new[] { practitionerId, episode.LeadPractitionerId ?? practitionerId, episode.CaseManagerId ?? practitionerId };
        var teams = await db.Practitioners.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.TeamId }).ToListAsync(cancellationToken);
        var mine = teams.Find(t => t.Id == practitionerId)?.TeamId;
        return mine is not null && teams.Exists(t => t.Id != practitionerId && t.TeamId == mine);
    }

    /// <summary>
    /// Whether the practitioner is the episode's lead practitioner: allocated now, or — for a closed episode — when it
    /// closed. One indexed look at the episode's participant rows.
    /// </summary>
    internal static Task<bool> LeadsAsync(SafeguardDbContext db, Guid practitionerId, Episode episode) =>
        db.Participants.AnyAsync(p => p.RecordKind == Participations.Episode && p.RecordId == episode.Id && p.Role == ParticipantRole.LeadPractitioner
            && p.PractitionerId == practitionerId && (p.Until == null || p.Until == episode.ClosedOn));

    /// <summary>
    /// Whether the user is named, with their account, in the core group of an open child protection plan of the episode
    /// (ICPC-05): their current core group rows, joined to the episode's plans.
    /// </summary>
    internal static async Task<bool> CoreGroupMemberAsync(SafeguardDbContext db, ClaimsPrincipal user, Guid episodeId, CancellationToken cancellationToken)
    {
        if (user.PractitionerId() is not { } me)
        {
            return false;
        }

        return await (from p in db.Participants
                      where p.PractitionerId == me && p.Role == ParticipantRole.CoreGroupMember && p.Until == null
                            && p.RecordKind == Participations.ChildProtectionPlan
                      join plan in db.ChildProtectionPlans on p.RecordId equals plan.Id
                      where plan.EpisodeId == episodeId && plan.EndedOn == null
                      select p.Id).AnyAsync(cancellationToken);
    }
}

/// <summary>
/// Who may see a conference's material — its invitations, the agencies' reports, the preparation and, once held, its
/// decision: whoever may see the episode, and each practitioner invited with their account, who sees this meeting
/// and nothing else of the child's record.
/// </summary>
public sealed class MeetingAccess(SafeguardDbContext db, EpisodeAccess episodes)
{
    public const string InvitedBasisPrefix = "Invited to the child protection conference on ";

    public async Task<string?> BasisAsync(ClaimsPrincipal user, Domain.ChildProtection.ConferenceMeeting meeting, Episode episode)
    {
        if (await episodes.ReadBasisAsync(user, episode) is { } basis)
        {
            return basis;
        }

        var me = user.PractitionerId();
        return me is not null && await db.Participants.AnyAsync(p => p.RecordKind == Participations.ConferenceMeeting && p.RecordId == meeting.Id
                && p.Role == ParticipantRole.Invitee && p.PractitionerId == me && p.Until == null)
            ? InvitedBasisPrefix + meeting.ScheduledFor.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }
}

/// <summary>
/// Who may see a child's record, summary and chronology: children's social care of the area, the lead practitioner of
/// one of the child's open episodes, a core group member of an open child protection plan, and — for a few hours, with their reason on every look — a practitioner who broke
/// the glass.
/// </summary>
public sealed class ChildAccess(SafeguardDbContext db, IAuthorizationService authorization, TimeProvider time)
{
    public const string BreakGlassBasisPrefix = Safeguard.Data.Audit.AuditLog.BreakGlassBasisPrefix;

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

        // The lead practitioner of one of the child's open episodes, or a core group member of one of the child's open
        // plans: their current participant rows about the child, in one indexed query (the lead's basis first).
        var roles = await db.Participants
            .Where(p => p.ChildId == childId && p.PractitionerId == me && p.Until == null
                && ((p.RecordKind == Participations.Episode && p.Role == ParticipantRole.LeadPractitioner)
                    || (p.RecordKind == Participations.ChildProtectionPlan && p.Role == ParticipantRole.CoreGroupMember)))
            .Select(p => p.Role).Distinct().ToListAsync(cancellationToken);
        if (roles.Contains(ParticipantRole.LeadPractitioner))
        {
            return EpisodeAccess.LeadPractitionerBasis;
        }

        if (roles.Contains(ParticipantRole.CoreGroupMember))
        {
            return EpisodeAccess.CoreGroupBasis;
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

/// <summary>
/// Who decides a request for access to a child's record and reviews a break-glass look at it: the manager of the child's
/// case (who allocated its lead practitioner, or the one the request or alert was sent to), or another social work
/// qualified manager of the same team. When the child has no case manager, any social work qualified manager of the area
/// answers. Everyone else is refused (403).
/// </summary>
public sealed class CaseManagerAccess(SafeguardDbContext db)
{
    /// <summary>Whether the user decides for the child's case; <paramref name="sentTo"/> is the manager the request or alert was sent to.</summary>
    public async Task<bool> DecidesAsync(ClaimsPrincipal user, Guid childId, Guid? sentTo, CancellationToken cancellationToken)
    {
        if (user.PractitionerId() is not { } me || user.AgencyKindOf() != AgencyKind.LocalAuthorityChildrensSocialCare
            || !user.Has(PractitionerRole.PracticeSupervisor))
        {
            return false;
        }

        var managers = await ManagersAsync(childId, sentTo, cancellationToken);
        if (managers.Count == 0 || managers.Contains(me))
        {
            return true;
        }

        var ids = managers.Append(me).ToList();
        var teams = await db.Practitioners.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.TeamId, p.Registration }).ToListAsync(cancellationToken);
        var mine = teams.Find(t => t.Id == me);
        return mine is { TeamId: not null, Registration: not null } && teams.Exists(t => t.Id != me && t.TeamId == mine.TeamId);
    }

    /// <summary>Requests and alerts sent to any of these managers may be decided by the user: themselves and the managers of their team.</summary>
    public async Task<List<Guid>> TeamManagersAsync(Guid me, CancellationToken cancellationToken)
    {
        var team = await db.Practitioners.Where(p => p.Id == me).Select(p => p.TeamId).SingleOrDefaultAsync(cancellationToken);
        if (team is null)
        {
            return [me];
        }

        return await db.Practitioners.Where(p => p.TeamId == team && p.Roles.Contains(PractitionerRole.PracticeSupervisor)).Select(p => p.Id)
            .ToListAsync(cancellationToken);
    }

    private async Task<HashSet<Guid>> ManagersAsync(Guid childId, Guid? sentTo, CancellationToken cancellationToken)
    {
        var managers = new HashSet<Guid>();
        if (sentTo is { } named)
        {
            managers.Add(named);
        }

        var episode = await db.Episodes.AsNoTracking().Where(e => e.ChildId == childId && e.ClosedOn == null).FirstOrDefaultAsync(cancellationToken);
        if (episode?.CaseManagerId is { } current)
        {
            managers.Add(current);
        }

        return managers;
    }
}
