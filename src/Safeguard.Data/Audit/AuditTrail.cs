using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Safeguard.Data.Identity;
using Safeguard.Data.Records;
using Safeguard.Domain.Children;

namespace Safeguard.Data.Audit;

/// <summary>
/// Writes of personal data are audited here, for every kind of record in <see cref="RecordKinds"/>, in the same SaveChanges (and so the same transaction) as the
/// write itself: no write without its audit row, no audit row for a write that failed. Changes to who may do
/// what (a practitioner's roles, an account's lockout and two-factor authentication) are audited here too,
/// with what changed in <see cref="AuditEntry.Detail"/> (never a secret's value).
/// </summary>
public sealed class AuditInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    /// <summary>Sign-in bookkeeping: counting wrong passwords and re-stamping a row is not a change anyone made.</summary>
    private static readonly HashSet<string> Bookkeeping =
        [nameof(SafeguardUser.AccessFailedCount), nameof(SafeguardUser.ConcurrencyStamp), nameof(SafeguardUser.NormalizedEmail), nameof(SafeguardUser.NormalizedUserName)];

    /// <summary>Secrets are named in the detail when they change, never shown.</summary>
    private static readonly HashSet<string> Secrets = [nameof(SafeguardUser.PasswordHash), nameof(SafeguardUser.SecurityStamp)];

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
        var entries = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        // A change to a part of a record (an allocation, a milestone, a placement) is a change to the record it belongs to: one row for the record.
        var written = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var entry in entries.Where(e => !e.Metadata.IsOwned()))
        {
            written.Add(entry.Entity);
            if (Audit(db, entry.Entity, entry.State, entry, now) is { } row)
            {
                rows.Add(row);
            }
        }

        var parts = entries.Where(e => e.Metadata.IsOwned()).ToList();
        if (parts.Count > 0)
        {
            var owners = Owners(db);
            foreach (var part in parts)
            {
                if (RecordOf(owners, part.Entity) is { } owner && written.Add(owner.Entity)
                    && Audit(db, owner.Entity, EntityState.Modified, null, now) is { } row)
                {
                    rows.Add(row);
                }
            }
        }

        db.AuditEntries.AddRange(rows);
    }

    /// <summary>
    /// The audit row for a change to a record of a registered kind; none for a type declared not audited. A type that is
    /// neither cannot be saved: a change that cannot be audited is refused rather than written without its row.
    /// </summary>
    private static AuditEntry? Audit(SafeguardDbContext db, object entity, EntityState state, EntityEntry? entry, DateTimeOffset now)
    {
        var type = entity.GetType();
        var kind = RecordKinds.For(type);
        if (kind is null)
        {
            return RecordKinds.NotAudited.ContainsKey(type) ? null
                : throw new InvalidOperationException($"{type.Name} is not a registered kind of record (Safeguard.Data.Records.RecordKinds), so a change to it "
                    + "cannot be audited: register it, or declare it in RecordKinds.NotAudited with the reason it holds no personal data.");
        }

        var action = state switch
        {
            EntityState.Added => AuditAction.Created,
            EntityState.Deleted => AuditAction.Removed,
            _ => AuditAction.Changed,
        };
        var subject = kind.SubjectOf(entity);
        string? detail = null;
        if (kind.Audit == AuditDetail.WhatChanged)
        {
            detail = entry is null ? null : Describe(entry);
            // An account changed before anyone is known to be acting in its area (a wrong password at sign-in,
            // which may lock it) is sign-in's business, recorded in the log; the audit row needs the area.
            if (detail is null || db.CurrentAreaId != subject.AreaId)
            {
                return null;
            }
        }
        else if (kind.Audit == AuditDetail.ChangedFields && entry is { State: EntityState.Modified })
        {
            detail = Describe(entry);
        }

        return AuditLog.Entry(db.Actor, subject.AreaId, now, action, kind.Name, subject.Id, subject.ChildId, basis: null, detail);
    }

    /// <summary>The record (not itself a part) that an owned part belongs to, through parts of parts; null when it is not tracked.</summary>
    private static EntityEntry? RecordOf(Dictionary<object, EntityEntry> owners, object part)
    {
        while (owners.TryGetValue(part, out var parent))
        {
            if (!parent.Metadata.IsOwned())
            {
                return parent;
            }

            part = parent.Entity;
        }

        return null;
    }

    /// <summary>Each tracked owned part (an allocation, a milestone, a placement), and the tracked entry it belongs to.</summary>
    private static Dictionary<object, EntityEntry> Owners(SafeguardDbContext db)
    {
        var owners = new Dictionary<object, EntityEntry>(ReferenceEqualityComparer.Instance);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            foreach (var navigation in entry.Metadata.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent))
            {
                switch (entry.Navigation(navigation.Name).CurrentValue)
                {
                    case null:
                        break;
                    case System.Collections.IEnumerable items:
                        foreach (var item in items)
                        {
                            owners[item] = entry;
                        }

                        break;
                    case var one:
                        owners[one] = entry;
                        break;
                }
            }
        }

        return owners;
    }

    /// <summary>The record type of a record of information shared, in the audit trail.</summary>
    public const string InformationSharingRecordType = "InformationSharing";

    /// <summary>The record type of a sign-in account in the audit trail.</summary>
    public const string AccountRecordType = "Account";

    /// <summary>What changed, e.g. "Roles: Practitioner, Administrator; LockoutEnd"; null when only bookkeeping changed.</summary>
    private static string? Describe(EntityEntry entry)
    {
        var changed = entry.Properties
            // Identity's store marks every column modified on each update, so a change is a value that differs from the one read.
            .Where(p => entry.State == EntityState.Added ? p.CurrentValue is not null
                : p.IsModified && !p.Metadata.GetValueComparer().Equals(p.OriginalValue, p.CurrentValue))
            .Where(p => !Bookkeeping.Contains(p.Metadata.Name) && !p.Metadata.IsPrimaryKey())
            .Select(p => Secrets.Contains(p.Metadata.Name) ? p.Metadata.Name : $"{p.Metadata.Name}: {Show(p.CurrentValue)}")
            .ToList();
        return changed.Count == 0 ? null : string.Join("; ", changed);
    }

    private static string Show(object? value) => value switch
    {
        null => "none",
        DateTimeOffset moment => moment.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items and not string => string.Join(", ", items.Cast<object>()),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>Records reads of personal data: called by every page and endpoint that shows a child's record.</summary>
public sealed class AuditLog(SafeguardDbContext db, TimeProvider time)
{
    public const int MaxBasisLength = 1000;

    /// <summary>How a basis of break-glass access starts; what follows is the practitioner's reason, sealed with the child's key.</summary>
    public const string BreakGlassBasisPrefix = "Break-glass: ";

    /// <summary>A break-glass reason is cut to this before it is sealed, so that the sealed text fits the column.</summary>
    private const int MaxSealedBasisLength = 600;

    public async Task ReadAsync(string recordType, Guid recordId, Guid? childId, string basis, CancellationToken cancellationToken)
    {
        var stored = basis;
        if (childId is { } child && basis.StartsWith(BreakGlassBasisPrefix, StringComparison.Ordinal))
        {
            // A reason is the practitioner's words about the child: sealed with the child's key, so erasing the child leaves it unreadable.
            var keys = await AuditSeal.KeysAsync(db, [child], create: true, cancellationToken);
            if (keys.TryGetValue(child, out var key))
            {
                stored = AuditSeal.Seal(basis.Length > MaxSealedBasisLength ? string.Concat(basis.AsSpan(0, MaxSealedBasisLength - 1), "…") : basis, key);
            }
        }

        db.AuditEntries.Add(Entry(db.Actor, db.CurrentAreaId, time.GetUtcNow(), AuditAction.Read, recordType, recordId, childId, stored));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A search shows names and dates of birth: it is recorded with what was searched for and which children it showed.
    /// When <paramref name="termsNamePeople"/> (the words typed: a name, a date of birth), each row that shows a child holds
    /// them sealed with that child's key (<see cref="AuditSeal"/>); a search that showed no one holds them as typed.
    /// </summary>
    public async Task SearchedAsync(string what, IReadOnlyCollection<Guid> childrenShown, string basis, CancellationToken cancellationToken,
        bool termsNamePeople = false)
    {
        var now = time.GetUtcNow();
        var keys = termsNamePeople ? await AuditSeal.KeysAsync(db, childrenShown, create: true, cancellationToken) : [];
        db.AuditEntries.AddRange(childrenShown.Select(id =>
            Entry(db.Actor, db.CurrentAreaId, now, AuditAction.Searched, nameof(Child), id, id, basis,
                keys.TryGetValue(id, out var key) ? AuditSeal.Seal(what, key) : what)));
        if (childrenShown.Count == 0)
        {
            db.AuditEntries.Add(Entry(db.Actor, db.CurrentAreaId, now, AuditAction.Searched, nameof(Child), null, null, basis, what));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A list that shows children's names (a work list, a queue, the referrer's own referrals): recorded like a search, one
    /// row per child shown. An empty list shows no one, so nothing is written.
    /// </summary>
    public Task ListedAsync(string what, IEnumerable<Guid> childrenShown, string basis, CancellationToken cancellationToken)
    {
        var shown = childrenShown.Distinct().ToList();
        return shown.Count == 0 ? Task.CompletedTask : SearchedAsync(what, shown, basis, cancellationToken);
    }

    /// <summary>
    /// A change to the area's own settings (reference data the interceptor does not audit), added to the same save as the
    /// change, saying what it was and what it became.
    /// </summary>
    public void Changed(string recordType, Guid recordId, string basis, string whatChanged) =>
        db.AuditEntries.Add(Entry(db.Actor, db.CurrentAreaId, time.GetUtcNow(), AuditAction.Changed, recordType, recordId, null, basis, whatChanged));

    /// <summary>A row naming a data protection decision that changed or erased a record: the decision, never the data.</summary>
    public void Decided(string recordType, Guid recordId, Guid? childId, string basis, string whatWasDone) =>
        db.AuditEntries.Add(Entry(db.Actor, db.CurrentAreaId, time.GetUtcNow(), AuditAction.Changed, recordType, recordId, childId, basis, whatWasDone));

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
            // A break-glass reason can be longer than the column: the full reason is on the break-glass record itself.
            Basis = basis is { Length: > MaxBasisLength } ? string.Concat(basis.AsSpan(0, MaxBasisLength - 1), "…") : basis,
            Origin = actor.Origin,
            Detail = detail,
        };
}
