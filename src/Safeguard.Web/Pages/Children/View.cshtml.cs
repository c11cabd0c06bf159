using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Web.Account;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Children;
using Safeguard.Web.Authorization;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.InformationSharing;

namespace Safeguard.Web.Pages.Children;

/// <summary>
/// The child's record: children's social care, the child's lead practitioner, or a practitioner who broke the glass
/// (their reason goes with every look).
/// </summary>
[Authorize]
public sealed class ViewModel(SafeguardDbContext db, AuditLog audit, ChildAccess access, Web.Clocks.MyClocks clocks, Domain.Calendar.WorkingDayCalendar calendar,
    IAuthorizationService authorization, TimeProvider time) : PageModel
{
    public Child Child { get; private set; } = null!;

    public int? Age { get; private set; }

    public IReadOnlyList<FamilyRow> Family { get; private set; } = [];

    /// <summary>The child's episodes, newest first, each with its lead practitioner.</summary>
    public IReadOnlyList<(Domain.FamilyHelp.Episode Episode, string? Lead)> Episodes { get; private set; } = [];

    public DateOnly? LastSeenOn { get; private set; }

    /// <summary>The user sees this record through break-glass access: the page says so.</summary>
    public bool BrokeGlass { get; private set; }

    /// <summary>The basis when the user sees this record through a granted request for access ("Access granted by ... until ...: ...").</summary>
    public string? GrantedAccess { get; private set; }

    /// <summary>Seen without a working relationship (break-glass or granted access): the record, not the case work pages.</summary>
    public bool WithoutRelationship => BrokeGlass || GrantedAccess is not null;

    /// <summary>Whether the user may open the child's episodes and case work: not through break-glass, granted access or the core group alone.</summary>
    public bool SeesCaseWork => !WithoutRelationship && !CoreGroupOnly;

    /// <summary>A core group member sees the record and the plan while it lasts, not the episode's case work.</summary>
    public bool CoreGroupOnly { get; private set; }

    /// <summary>Children's social care record what they share (the form refuses everyone else, so only they are offered it).</summary>
    public bool MayRecordSharing { get; private set; }

    /// <summary>The child's current child protection plan, if any: start and category.</summary>
    public (DateOnly StartedOn, string Category)? ProtectionPlan { get; private set; }

    public Guid? ProtectionPlanId { get; private set; }

    /// <summary>The core group of the open child protection plan.</summary>
    public IReadOnlyList<Domain.ChildProtection.CoreGroupMember> CoreGroup { get; private set; } = [];

    /// <summary>The next conference: one arranged, or the review the plan is due to have.</summary>
    public (string What, DateOnly On, Guid? MeetingId, bool Arranged)? NextMeeting { get; private set; }

    /// <summary>The child's running statutory clocks, soonest due first.</summary>
    public IReadOnlyList<Web.Clocks.WorkItem> Clocks { get; private set; } = [];

    /// <summary>What was shared about the child, with whom and why, newest first.</summary>
    public IReadOnlyList<InformationSharingView> Shared { get; private set; } = [];

    /// <summary>Whether the reader may read a safe address (a refuge): social care managers only, as for any entry so marked.</summary>
    public bool MaySeeSafeAddress { get; private set; }

    /// <summary>A social work qualified manager of children's social care, who marks a safe address.</summary>
    public bool MayMarkAddress { get; private set; }

    /// <summary>A social work qualified manager marks the child's current address as a safe address, or clears the mark.</summary>
    public async Task<IActionResult> OnPostSafeAddressAsync(Guid id, bool safe, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.FrontDoorDecision)).Succeeded)
        {
            return Forbid();
        }

        await Web.Children.ChildrenApi.MarkAddressAsync(db, User, id, safe, time, cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        // The child and when they were last seen on a visit of any episode, in one round trip.
        var read = await db.Children.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { Child = c, LastSeenOn = db.Visits.Where(v => v.ChildId == id && v.ChildSeen).Max(v => (DateOnly?)v.VisitedOn) })
            .SingleOrDefaultAsync(cancellationToken);
        if (read is null)
        {
            return NotFound();
        }

        var child = read.Child;

        if (await access.BasisAsync(User, id, cancellationToken) is not { } basis)
        {
            return Forbid();
        }

        BrokeGlass = basis.StartsWith(ChildAccess.BreakGlassBasisPrefix, StringComparison.Ordinal);
        CoreGroupOnly = basis == EpisodeAccess.CoreGroupBasis;
        GrantedAccess = basis.StartsWith(AccessRequestSteps.GrantedBasisPrefix, StringComparison.Ordinal) ? basis : null;
        MayRecordSharing = basis == Policies.ChildrenSocialCareBasis;
        MaySeeSafeAddress = Domain.Chronology.Sensitivities.MaySee(Domain.Chronology.Sensitivity.SafeAddress, User.AgencyKindOf(), [.. User.PractitionerRoles()]);
        MayMarkAddress = MayRecordSharing && (await authorization.AuthorizeAsync(User, Policies.FrontDoorDecision)).Succeeded;
        await audit.ReadAsync(nameof(Domain.Children.Child), child.Id, child.Id, basis, cancellationToken);
        if (child.MergedIntoId is { } survivor)
        {
            // A duplicate record: the child's record is the one it was merged into.
            return RedirectToPage(new { id = survivor });
        }

        Child = child;
        Age = child.AgeOn(EnglandClock.Today(time));
        Family = await (from r in db.Relationships
                        join f in db.FamilyMembers on r.FamilyMemberId equals f.Id
                        where r.ChildId == id
                        select new FamilyRow(f.GivenName + " " + f.FamilyName, r.Kind, r.HasParentalResponsibility, r.LivesWithChild))
            .ToListAsync(cancellationToken);
        // Each episode with its lead practitioner's name, in one round trip however many episodes the child has had.
        var episodes = await (from e in db.Episodes.AsNoTracking()
                              where e.ChildId == id
                              orderby e.OpenedOn descending
                              select new
                              {
                                  Episode = e,
                                  Lead = db.Practitioners.Where(p => p.Id == e.LeadPractitionerId).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefault(),
                              }).ToListAsync(cancellationToken);
        Episodes = [.. episodes.Select(e => (e.Episode, e.Episode.LeadPractitionerId is null ? null : e.Lead))];
        LastSeenOn = read.LastSeenOn;
        var plan = await db.ChildProtectionPlans.AsNoTracking().Where(p => p.ChildId == id && p.EndedOn == null).FirstOrDefaultAsync(cancellationToken);
        ProtectionPlan = plan is null ? null : (plan.StartedOn, plan.LatestCategory);
        ProtectionPlanId = plan?.Id;
        CoreGroup = plan?.CoreGroup ?? [];
        if (!WithoutRelationship)
        {
            var today = EnglandClock.Today(time);
            var arranged = await db.ConferenceMeetings.AsNoTracking().Where(m => m.ChildId == id && m.HeldOn == null && m.ScheduledFor >= today)
                .OrderBy(m => m.ScheduledFor).FirstOrDefaultAsync(cancellationToken);
            if (arranged is not null)
            {
                NextMeeting = (Web.ChildProtection.ConferenceMeetings.TitleOf(arranged.Kind, arranged.PreBirth), arranged.ScheduledFor, arranged.Id, true);
            }
            else if (plan is not null)
            {
                var view = Web.ChildProtection.CpPlanView.Of(plan, calendar);
                NextMeeting = (plan.Reviews.Count == 0 ? "First review conference due" : "Review conference due", view.NextReviewBy, null, false);
            }

            Clocks = await clocks.ForChildAsync(id, cancellationToken);
        }

        Shared = await InformationSharingView.ForChildAsync(db, id, cancellationToken);
        return Page();
    }

    public sealed record FamilyRow(string Name, RelationshipKind Kind, bool ParentalResponsibility, bool LivesWithChild);
}
