using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Account;
using Safeguard.Web.Access;
using Safeguard.Web.Clocks;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Authorization;
using Safeguard.Domain.Calendar;
using Microsoft.AspNetCore.Authorization;

namespace Safeguard.Web.Pages;

public sealed class IndexModel(SafeguardDbContext db, MyClocks clocks, IAuthorizationService authorization, BreakGlassSteps breakGlass,
    Web.ChildProtection.ConferenceMeetings meetings, AuditLog audit, AccessRequestSteps accessRequests, Web.DataProtection.SearchAlerts searchAlerts,
    TimeProvider time) : PageModel
{
    /// <summary>For the data protection officer: repeated searches for records that do not exist, waiting to be looked at.</summary>
    public IReadOnlyList<Web.DataProtection.SearchAlertView> SearchAlerts { get; private set; } = [];

    /// <summary>For managers: break-glass accesses to children's records waiting for their review.</summary>
    public IReadOnlyList<(Domain.Access.BreakGlassAccess Access, string ChildName, string Practitioner, string Agency)> BreakGlass { get; private set; } = [];

    /// <summary>For managers: requests for access to children's records waiting for their decision.</summary>
    public IReadOnlyList<AccessRequestToDecide> AccessToDecide { get; private set; } = [];

    /// <summary>The practitioner's own requests for access to children's records, and the answers.</summary>
    public IReadOnlyList<(Domain.Access.AccessRequest Request, string ChildName)> MyAccessRequests { get; private set; } = [];

    public DateTimeOffset Now { get; } = time.GetUtcNow();

    public bool IsChildrenSocialCare { get; private set; }

    /// <summary>Practitioners outside children's social care who work with children may look for a record (and ask for access).</summary>
    /// <summary>Whether the user makes referrals: anyone who works with children, not the accounts, figures or data protection roles.</summary>
    public bool MayRefer { get; private set; }

    public bool MayLookForRecords { get; private set; }

    /// <summary>The children whose open episode this practitioner leads.</summary>
    public IReadOnlyList<EpisodeQueries.LedEpisode> Leading { get; private set; } = [];

    /// <summary>Looked after children with no care plan yet (LAC-01): those the user leads, or for a manager all of the area's.</summary>
    public IReadOnlyList<(Guid PeriodId, Guid ChildId, string ChildName, DateOnly Since)> WithoutCarePlan { get; private set; } = [];

    /// <summary>How many of them "My work" lists, longest waiting first.</summary>
    public const int WithoutCarePlanShown = 200;

    /// <summary>For managers: referrers' escalations still waiting for a response (REF-07).</summary>
    public IReadOnlyList<(Guid ReferralId, string Reference, string ChildName, DateTimeOffset RaisedAt)> Escalations { get; private set; } = [];

    public IReadOnlyList<WorkItem> Work { get; private set; } = [];

    /// <summary>Conferences the practitioner is invited to with their account, and whether their report has gone.</summary>
    public IReadOnlyList<Web.ChildProtection.MyInvitation> Invitations { get; private set; } = [];

    private IReadOnlyList<Guid> EscalationChildren { get; set; } = [];

    public string Name { get; private set; } = string.Empty;

    public string Agency { get; private set; } = string.Empty;

    public string Area { get; private set; } = string.Empty;

    public IReadOnlyList<PractitionerRole> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Name = User.FindFirstValue(SafeguardClaims.FullName) ?? string.Empty;
        Agency = User.FindFirstValue(SafeguardClaims.AgencyName) ?? string.Empty;
        Roles = [.. User.PractitionerRoles()];
        var areaId = User.AreaId();
        Work = await clocks.ForAsync(User, cancellationToken);
        if (User.PractitionerId() is { } me)
        {
            Leading = await EpisodeQueries.LedByAsync(db, me, EnglandClock.Today(time), cancellationToken);
            MyAccessRequests = await accessRequests.MineAsync(me, cancellationToken);
        }

        IsChildrenSocialCare = (await authorization.AuthorizeAsync(User, Policies.ChildrenSocialCare)).Succeeded;
        MayRefer = (await authorization.AuthorizeAsync(User, Policies.WorksWithChildren)).Succeeded;
        MayLookForRecords = !IsChildrenSocialCare && MayRefer;
        if ((await authorization.AuthorizeAsync(User, Policies.FrontDoorDecision)).Succeeded)
        {
            BreakGlass = await breakGlass.ToReviewAsync(User.PractitionerId()!.Value, cancellationToken);
            AccessToDecide = await accessRequests.ToDecideAsync(User.PractitionerId()!.Value, cancellationToken);
            var open = await (from r in db.Referrals.AsNoTracking()
                              where r.Escalations.Any(e => e.Response == null)
                              join c in db.Children on r.ChildId equals c.Id
                              select new { r.Id, r.Reference, r.ChildId, Name = c.GivenName + " " + c.FamilyName, r.Escalations }).Take(100).ToListAsync(cancellationToken);
            EscalationChildren = [.. open.Select(r => r.ChildId)];
            Escalations = [.. open.Select(r => (r.Id, r.Reference, r.Name, r.Escalations.First(e => e.Response == null).RaisedAt)).OrderBy(r => r.RaisedAt)];
        }

        if ((await authorization.AuthorizeAsync(User, Policies.DataProtection)).Succeeded)
        {
            SearchAlerts = await searchAlerts.WaitingAsync(cancellationToken);
        }

        Invitations = await meetings.MineAsync(User, cancellationToken);
        if (IsChildrenSocialCare)
        {
            var manager = (await authorization.AuthorizeAsync(User, Policies.FrontDoorDecision)).Succeeded;
            var practitioner = User.PractitionerId();
            // The database picks the periods without a care plan, so the list is right however many children are looked after.
            var waiting = await (from l in db.LookedAfterPeriods.AsNoTracking()
                                 where l.EndedOn == null && !l.CarePlans.Any()
                                 join e in db.Episodes on l.EpisodeId equals e.Id
                                 where manager || e.LeadPractitionerId == practitioner
                                 join c in db.Children on l.ChildId equals c.Id
                                 orderby l.StartedOn
                                 select new { l.Id, l.ChildId, l.StartedOn, Name = c.GivenName + " " + c.FamilyName })
                .Take(WithoutCarePlanShown).ToListAsync(cancellationToken);
            WithoutCarePlan = [.. waiting.Select(o => (o.Id, o.ChildId, o.Name, o.StartedOn))];
        }

        await audit.ListedAsync("My work", Work.Where(w => w.ChildId is not null).Select(w => w.ChildId!.Value)
            .Concat(Leading.Select(l => l.ChildId)).Concat(EscalationChildren).Concat(Invitations.Select(i => i.ChildId)).Concat(WithoutCarePlan.Select(w => w.ChildId))
            .Concat(MyAccessRequests.Select(r => r.Request.ChildId)), Policies.OwnWorkBasis, cancellationToken);
        await audit.ListedAsync("Requests for access to decide", AccessToDecide.Select(r => r.Request.ChildId), AccessRequestSteps.DeciderBasis, cancellationToken);
        Area = await db.Areas.Where(a => a.Id == areaId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
    }
}
