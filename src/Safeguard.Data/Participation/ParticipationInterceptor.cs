using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Participation;

namespace Safeguard.Data.Participation;

/// <summary>
/// Writes who takes part in a record as participant rows in the same SaveChanges as the change that started or ended
/// their part: whenever an episode, a section 47 enquiry, a conference, a child protection plan or an arranged
/// conference is saved, its rows are brought in step with it (<see cref="Participations.Reconcile"/>). Access checks and
/// "My work" read the rows, never the records' own lists. One query for the rows of the records changed (none for new
/// ones) and one for the details of practitioners newly taking part.
/// </summary>
public sealed class ParticipationInterceptor : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SafeguardDbContext db)
        {
            await WriteAsync(db, cancellationToken);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is SafeguardDbContext db)
        {
            WriteAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return base.SavingChanges(eventData, result);
    }

    /// <summary>The participation each changed record declares: its kind, id, area, child and who takes part.</summary>
    private sealed record Declared(string Kind, Guid Id, Guid AreaId, Guid? ChildId, IReadOnlyList<Domain.Participation.Participation> Parts, bool IsNew);

    private static Task WriteAsync(SafeguardDbContext db, CancellationToken cancellationToken) =>
        WriteAsync(db, [.. db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList()
            .Select(e => Declare(e.Entity, e.State == EntityState.Added)).OfType<Declared>()], cancellationToken);

    /// <summary>
    /// Writes the participant rows of records saved before participants were rows (none of theirs is stored yet), for
    /// <see cref="ParticipantBackfill"/>.
    /// </summary>
    internal static Task WriteForUnrecordedAsync(SafeguardDbContext db, IEnumerable<object> records, CancellationToken cancellationToken) =>
        WriteAsync(db, [.. records.Select(r => Declare(r, isNew: true)).OfType<Declared>()], cancellationToken);

    private static Declared? Declare(object entity, bool isNew) => entity switch
    {
        Episode e => new(Participations.Episode, e.Id, e.AreaId, e.ChildId, Participations.Of(e), isNew),
        Section47Enquiry q => new(Participations.Section47Enquiry, q.Id, q.AreaId, q.ChildId, Participations.Of(q), isNew),
        ChildProtectionConference c => new(Participations.ChildProtectionConference, c.Id, c.AreaId, c.ChildId, Participations.Of(c), isNew),
        ChildProtectionPlan p => new(Participations.ChildProtectionPlan, p.Id, p.AreaId, p.ChildId, Participations.Of(p), isNew),
        ConferenceMeeting m => new(Participations.ConferenceMeeting, m.Id, m.AreaId, m.ChildId, Participations.Of(m), isNew),
        _ => null,
    };

    private static async Task WriteAsync(SafeguardDbContext db, List<Declared> declared, CancellationToken cancellationToken)
    {
        if (declared.Count == 0)
        {
            return;
        }

        var ids = declared.Select(d => d.Id).ToHashSet();
        var existing = db.Participants.Local.Where(p => ids.Contains(p.RecordId)).ToList();
        var stored = declared.Where(d => !d.IsNew).Select(d => d.Id).ToList();
        if (stored.Count > 0)
        {
            existing.AddRange((await db.Participants.Where(p => stored.Contains(p.RecordId)).ToListAsync(cancellationToken)).Where(p => !existing.Contains(p)));
        }

        var people = await PeopleAsync(db, declared.SelectMany(d => d.Parts.Where(p => p.PractitionerId is not null
                && !existing.Exists(x => x.RecordId == d.Id && x.Role == p.Role && x.PractitionerId == p.PractitionerId && x.From == p.From))
            .Select(p => p.PractitionerId!.Value)).ToHashSet(), cancellationToken);
        foreach (var record in declared)
        {
            var (added, removed) = Participations.Reconcile(existing.Where(p => p.RecordId == record.Id).ToList(), record.Parts, record.AreaId, record.Kind, record.Id,
                record.ChildId, part =>
                {
                    var person = people.TryGetValue(part.PractitionerId!.Value, out var found) ? found : default;
                    return (person.Name ?? string.Empty, person.AgencyId, person.Agency ?? string.Empty);
                }, Guid.CreateVersion7);
            db.Participants.AddRange(added);
            db.Participants.RemoveRange(removed);
        }
    }

    /// <summary>The practitioners' names and agencies: those being saved with the record, then the stored ones in one query.</summary>
    private static async Task<Dictionary<Guid, (string? Name, Guid? AgencyId, string? Agency)>> PeopleAsync(SafeguardDbContext db, HashSet<Guid> ids,
        CancellationToken cancellationToken)
    {
        var people = new Dictionary<Guid, (string? Name, Guid? AgencyId, string? Agency)>();
        if (ids.Count == 0)
        {
            return people;
        }

        foreach (var practitioner in db.Practitioners.Local.Where(p => ids.Contains(p.Id)))
        {
            people[practitioner.Id] = (practitioner.FullName, practitioner.AgencyId, db.Agencies.Local.FirstOrDefault(a => a.Id == practitioner.AgencyId)?.Name);
        }

        var wanted = ids.Where(id => !people.TryGetValue(id, out var known) || known.Agency is null).ToList();
        if (wanted.Count > 0)
        {
            var rows = await (from p in db.Practitioners
                              where wanted.Contains(p.Id)
                              join a in db.Agencies on p.AgencyId equals a.Id
                              select new { p.Id, p.GivenName, p.FamilyName, p.AgencyId, Agency = a.Name }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                people[row.Id] = (row.GivenName + " " + row.FamilyName, row.AgencyId, row.Agency);
            }
        }

        return people;
    }
}
