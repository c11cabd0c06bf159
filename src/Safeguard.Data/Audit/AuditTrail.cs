using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Safeguard.Domain.Children;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.OperationEncompass;
using Safeguard.Domain.Referrals;

namespace Safeguard.Data.Audit;

/// <summary>
/// Writes of personal data are audited here, in the same SaveChanges (and so the same transaction) as the
/// write itself: no write without its audit row, no audit row for a write that failed.
/// </summary>
public sealed class AuditInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SafeguardDbContext db)
        {
            AddAuditRows(db);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is SafeguardDbContext db)
        {
            AddAuditRows(db);
        }

        return base.SavingChanges(eventData, result);
    }

    private void AddAuditRows(SafeguardDbContext db)
    {
        var now = time.GetUtcNow();
        var rows = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Modified => AuditAction.Changed,
                EntityState.Deleted => AuditAction.Removed,
                _ => (AuditAction?)null,
            };
            if (action is null)
            {
                continue;
            }

            var subject = entry.Entity switch
            {
                Child c => (Type: nameof(Child), c.Id, ChildId: (Guid?)c.Id, c.AreaId),
                FamilyMember f => (Type: nameof(FamilyMember), f.Id, ChildId: null, f.AreaId),
                Relationship r => (Type: nameof(Relationship), r.Id, ChildId: r.ChildId, r.AreaId),
                Referral r => (Type: nameof(Referral), r.Id, ChildId: r.ChildId, r.AreaId),
                EncompassNotification n => (Type: nameof(EncompassNotification), n.Id, ChildId: n.ChildId, n.AreaId),
                Episode e => (Type: nameof(Episode), e.Id, ChildId: e.ChildId, e.AreaId),
                Assessment a => (Type: nameof(Assessment), a.Id, ChildId: a.ChildId, a.AreaId),
                FamilyHelpPlan p => (Type: "Plan", p.Id, ChildId: p.ChildId, p.AreaId),
                Visit v => (Type: nameof(Visit), v.Id, ChildId: v.ChildId, v.AreaId),
                _ => default,
            };
            if (subject.Type is null)
            {
                continue;
            }

            rows.Add(AuditLog.Entry(db.Actor, subject.AreaId, now, action.Value, subject.Type, subject.Id, subject.ChildId, basis: null));
        }

        db.AuditEntries.AddRange(rows);
    }
}

/// <summary>Records reads of personal data: called by every page and endpoint that shows a child's record.</summary>
public sealed class AuditLog(SafeguardDbContext db, TimeProvider time)
{
    public async Task ReadAsync(string recordType, Guid recordId, Guid? childId, string basis, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(Entry(db.Actor, db.CurrentAreaId, time.GetUtcNow(), AuditAction.Read, recordType, recordId, childId, basis));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A search shows names and dates of birth: it is recorded with what was searched for and which children it showed.</summary>
    public async Task SearchedAsync(string what, IReadOnlyCollection<Guid> childrenShown, string basis, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        db.AuditEntries.AddRange(childrenShown.Select(id =>
            Entry(db.Actor, db.CurrentAreaId, now, AuditAction.Searched, nameof(Child), id, id, basis, what)));
        if (childrenShown.Count == 0)
        {
            db.AuditEntries.Add(Entry(db.Actor, db.CurrentAreaId, now, AuditAction.Searched, nameof(Child), null, null, basis, what));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    internal static AuditEntry Entry(IActor actor, Guid? areaId, DateTimeOffset at, AuditAction action, string recordType, Guid? recordId,
        Guid? childId, string? basis, string? detail = null) => new()
        {
            AreaId = areaId,
            At = at,
            UserId = actor.UserId,
            PractitionerId = actor.PractitionerId,
            AgencyId = actor.AgencyId,
            Action = action,
            RecordType = recordType,
            RecordId = recordId,
            ChildId = childId,
            Basis = basis,
            Origin = actor.Origin,
            Detail = detail,
        };
}
