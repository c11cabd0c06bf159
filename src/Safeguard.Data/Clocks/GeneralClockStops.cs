using Microsoft.EntityFrameworkCore;
using Safeguard.Domain.Children;
using Safeguard.Domain.Clocks;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Rules;

namespace Safeguard.Data.Clocks;

/// <summary>
/// The general stop, one step of its own in the clock interceptor: clocks stop when the child dies, leaves the UK or
/// turns 18 (GEN-01), and when the episode closes — every clock of the child or the episode, whatever its rule (T7). It
/// does two things: each clock computed in a save passes through <see cref="ApplyAsync"/> before it is stored, and when
/// a child's or an episode's ending is saved, <see cref="SweepAsync"/> stops every clock already stored for them, so
/// clocks no other record recomputes stop too. A stopped clock is neither met nor breached.
/// </summary>
internal static class GeneralClockStops
{
    /// <summary>The clock as it is to be stored: stopped when its child's or episode's work has ended by today.</summary>
    public static async Task<Clock> ApplyAsync(SafeguardDbContext db, Clock clock, Guid childId, Guid? episodeId, DateOnly today,
        CancellationToken cancellationToken)
    {
        if (clock.Status is not (ClockStatus.Running or ClockStatus.DueToday or ClockStatus.Overdue or ClockStatus.Urgent))
        {
            return clock;
        }

        var stops = await StopsAsync(db, clock.SubjectId, childId, episodeId, today, cancellationToken);
        return ClockEngine.StopWhenTheWorkHasEnded(clock, stops);
    }

    /// <summary>Stops every open stored clock of a child whose work ended, or of an episode that closed, in this save.</summary>
    public static async Task SweepAsync(SafeguardDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var children = Changed<Child>(db).Where(c => c.ChildsWorkEndedOn(today) is not null).Select(c => c.Id).ToHashSet();
        var closedEpisodes = Changed<Episode>(db).Where(e => !e.IsOpen).ToList();
        var episodes = closedEpisodes.Select(e => e.Id).ToHashSet();
        var keptOpen = closedEpisodes.Where(e => e.IsReferralNoFurtherAction).Select(e => e.OpeningReferralId).ToHashSet();
        if (children.Count == 0 && episodes.Count == 0)
        {
            return;
        }

        var stored = await db.ClockRecords.Where(c => c.IsOpen && ((c.ChildId != null && children.Contains(c.ChildId.Value))
            || (c.EpisodeId != null && episodes.Contains(c.EpisodeId.Value)))).ToListAsync(cancellationToken);
        var pending = db.ClockRecords.Local.Where(c => c.IsOpen && ((c.ChildId is { } child && children.Contains(child))
            || (c.EpisodeId is { } episode && episodes.Contains(episode))));
        foreach (var record in stored.Concat(pending).DistinctBy(c => c.Id).ToList())
        {
            if (keptOpen.Contains(record.SubjectId) && !(record.ChildId is { } child && children.Contains(child)))
            {
                continue;
            }

            record.IsOpen = false;
            record.Status = ClockStatus.Stopped;
            record.CompletedOn = null;
        }
    }

    /// <summary>The events that end the work: the child's death, leaving the UK, 18th birthday (once reached), the episode's closing.</summary>
    private static async Task<List<ClockEvent>> StopsAsync(SafeguardDbContext db, Guid subjectId, Guid childId, Guid? episodeId, DateOnly today,
        CancellationToken cancellationToken)
    {
        var stops = new List<ClockEvent>();
        var child = db.Children.Local.FirstOrDefault(c => c.Id == childId);
        var stored = child is not null ? null
            : await db.Children.Where(c => c.Id == childId).Select(c => new { c.DateOfDeath, c.LeftUkOn, c.DateOfBirth }).FirstOrDefaultAsync(cancellationToken);
        var (died, left, born) = child is not null ? (child.DateOfDeath, child.LeftUkOn, child.DateOfBirth)
            : (stored?.DateOfDeath, stored?.LeftUkOn, stored?.DateOfBirth);
        if (died is { } d && d <= today)
        {
            stops.Add(new ClockEvent(EventKind.ChildDied, d));
        }

        if (left is { } l && l <= today)
        {
            stops.Add(new ClockEvent(EventKind.LeftUk, l));
        }

        if (born?.AddYears(18) is { } eighteen && eighteen <= today)
        {
            stops.Add(new ClockEvent(EventKind.ReachedEighteen, eighteen));
        }

        if (episodeId is { } id)
        {
            // A referral that closed its own episode with no further action keeps its clocks: telling the referrer the outcome goes on.
            var episode = db.Episodes.Local.FirstOrDefault(e => e.Id == id);
            var saved = episode is not null ? null
                : await db.Episodes.Where(e => e.Id == id).Select(e => new { e.ClosedOn, e.IsReferralNoFurtherAction, e.OpeningReferralId })
                    .FirstOrDefaultAsync(cancellationToken);
            var closed = episode?.ClosedOn ?? saved?.ClosedOn;
            var closedByItsReferral = (episode?.IsReferralNoFurtherAction ?? saved?.IsReferralNoFurtherAction ?? false)
                && (episode?.OpeningReferralId ?? saved?.OpeningReferralId) == subjectId;
            if (closed is { } c && c <= today && !closedByItsReferral)
            {
                stops.Add(new ClockEvent(EventKind.EpisodeClosed, c));
            }
        }

        return stops;
    }

    private static IEnumerable<T> Changed<T>(SafeguardDbContext db) where T : class =>
        db.ChangeTracker.Entries<T>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity);
}
