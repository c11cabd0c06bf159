using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Safeguard.Domain.Participation;

namespace Safeguard.Data.Participation;

/// <summary>
/// Gives records saved before participants were rows their participant rows: lead practitioners' allocations, section 47
/// leads, conference chairs, core groups and invitations, read from the records themselves. Runs at start after the
/// migrations, area by area (row-level security allows no other way), in batches; a record that already has its rows
/// is not read again, so once done it costs one indexed query per kind and area.
/// </summary>
public static class ParticipantBackfill
{
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(SafeguardDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var areaId in await db.Areas.Select(a => a.Id).ToListAsync(cancellationToken))
        {
            db.WorkInArea(areaId);
            written += await FillAsync(db, db.Episodes.Where(e => e.LeadPractitionerId != null
                && !db.Participants.Any(p => p.RecordKind == Participations.Episode && p.RecordId == e.Id)), cancellationToken);
            written += await FillAsync(db, db.Section47Enquiries.Where(e =>
                !db.Participants.Any(p => p.RecordKind == Participations.Section47Enquiry && p.RecordId == e.Id)), cancellationToken);
            written += await FillAsync(db, db.Conferences.Where(e =>
                !db.Participants.Any(p => p.RecordKind == Participations.ChildProtectionConference && p.RecordId == e.Id)), cancellationToken);
            written += await FillAsync(db, db.ChildProtectionPlans.Where(e =>
                !db.Participants.Any(p => p.RecordKind == Participations.ChildProtectionPlan && p.RecordId == e.Id)), cancellationToken);
            written += await FillAsync(db, db.ConferenceMeetings.Where(e =>
                !db.Participants.Any(p => p.RecordKind == Participations.ConferenceMeeting && p.RecordId == e.Id)), cancellationToken);
        }

        if (written > 0)
        {
            logger.LogInformation("Wrote {Count} records' participants as rows", written);
        }

        return written;
    }

    private static async Task<int> FillAsync<T>(SafeguardDbContext db, IQueryable<T> unrecorded, CancellationToken cancellationToken) where T : class
    {
        var count = 0;
        while (true)
        {
            var batch = await unrecorded.AsNoTracking().Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return count;
            }

            await ParticipationInterceptor.WriteForUnrecordedAsync(db, batch, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            count += batch.Count;
        }
    }
}
