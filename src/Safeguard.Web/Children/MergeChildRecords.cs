using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain;

namespace Safeguard.Web.Children;

/// <summary>
/// Two records turned out to be one child: the duplicate is marked as merged into the record that carries on, and
/// its referrals and family relationships move across, in one transaction. Each change is in the audit trail.
/// </summary>
public sealed class MergeChildRecords(SafeguardDbContext db)
{
    public async Task HandleAsync(Guid duplicateId, Guid survivorId, CancellationToken cancellationToken)
    {
        var records = await db.Children.Where(c => c.Id == duplicateId || c.Id == survivorId).ToListAsync(cancellationToken);
        var duplicate = records.SingleOrDefault(c => c.Id == duplicateId);
        var survivor = records.SingleOrDefault(c => c.Id == survivorId);
        Requirement.Require(duplicate is not null && survivor is not null, "SG-CHILD-11", "Both records must exist in your area.");

        duplicate!.MergeInto(survivor!);
        // One child, one open episode: an episode the duplicate opened with nothing in it yet but its referral folds into
        // the survivor's open episode; anything else moves across whole.
        var survivorsOpen = await db.Episodes.FirstOrDefaultAsync(e => e.ChildId == survivorId && e.ClosedOn == null, cancellationToken);
        var folded = new HashSet<Guid>();
        foreach (var episode in await db.Episodes.Where(e => e.ChildId == duplicateId).ToListAsync(cancellationToken))
        {
            Requirement.Require(survivorsOpen is null || !episode.IsOpen || episode.IsEmpty, OnePerParent.OneOpenEpisodePerChild.RuleId,
                "Both records have an open episode with work in it: a child has one open episode, so close one of them before merging the records.");
            if (survivorsOpen is not null && episode.IsOpen && episode.IsEmpty)
            {
                folded.Add(episode.Id);
                db.Episodes.Remove(episode);
            }
            else
            {
                episode.MoveToChild(survivor!);
            }
        }

        var survivorsReferrals = await db.Referrals.Where(r => r.ChildId == survivorId).Select(r => r.ReceivedOn).ToListAsync(cancellationToken);
        foreach (var referral in await db.Referrals.Where(r => r.ChildId == duplicateId).ToListAsync(cancellationToken))
        {
            // A referral about a child already referred in the 12 months before is a re-referral, whichever record it first came to.
            var previous = survivorsReferrals.Where(on => on <= referral.ReceivedOn).Select(on => (DateOnly?)on).Max();
            referral.MoveToChild(survivor!, referral.EpisodeId is { } e && folded.Contains(e) ? survivorsOpen!.Id : null, previous);
        }

        foreach (var visit in await db.Visits.Where(v => v.ChildId == duplicateId).ToListAsync(cancellationToken))
        {
            visit.MoveToChild(survivorId, folded.Contains(visit.EpisodeId) ? survivorsOpen!.Id : visit.EpisodeId);
        }

        foreach (var assessment in await db.Assessments.Where(a => a.ChildId == duplicateId).ToListAsync(cancellationToken))
        {
            assessment.MoveToChild(survivorId);
        }

        foreach (var plan in await db.Plans.Where(p => p.ChildId == duplicateId).ToListAsync(cancellationToken))
        {
            plan.MoveToChild(survivorId);
        }

        foreach (var period in await db.LookedAfterPeriods.Where(p => p.ChildId == duplicateId).ToListAsync(cancellationToken))
        {
            period.MoveToChild(survivorId);
        }

        foreach (var preProceedings in await db.PreProceedings.Where(p => p.ChildId == duplicateId).ToListAsync(cancellationToken))
        {
            preProceedings.MoveToChild(survivorId);
        }

        foreach (var entry in await db.Chronology.Where(c => c.ChildId == duplicateId).ToListAsync(cancellationToken))
        {
            entry.MoveToChild(survivorId, entry.EpisodeId is { } e && folded.Contains(e) ? survivorsOpen!.Id : entry.EpisodeId);
        }

        foreach (var shared in await db.InformationSharing.Where(s => s.ChildId == duplicateId).ToListAsync(cancellationToken))
        {
            shared.MoveToChild(survivorId);
        }

        foreach (var departure in await db.Departures.Where(d => d.ChildId == duplicateId).ToListAsync(cancellationToken))
        {
            departure.MoveToChild(survivorId);
        }

        foreach (var carers in await db.CarersAndDisabilityAssessments.Where(a => a.ChildId == duplicateId).ToListAsync(cancellationToken))
        {
            carers.MoveToChild(survivorId);
        }

        foreach (var notification in await db.EncompassNotifications.Where(n => n.ChildId == duplicateId).ToListAsync(cancellationToken))
        {
            notification.MoveToChild(survivor!);
        }

        foreach (var relationship in await db.Relationships.Where(r => r.ChildId == duplicateId).ToListAsync(cancellationToken))
        {
            relationship.MoveToChild(survivor!);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
