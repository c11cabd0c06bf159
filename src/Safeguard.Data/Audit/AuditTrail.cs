using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Safeguard.Data.Identity;
using Safeguard.Domain.Children;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.InformationSharing;
using Safeguard.Domain.OperationEncompass;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;

namespace Safeguard.Data.Audit;

/// <summary>
/// Writes of personal data are audited here, in the same SaveChanges (and so the same transaction) as the
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
                Domain.ChildProtection.StrategyDiscussion d => (Type: nameof(Domain.ChildProtection.StrategyDiscussion), d.Id, ChildId: d.ChildId, d.AreaId),
                Domain.ChildProtection.Section47Enquiry q => (Type: "Section47Enquiry", q.Id, ChildId: q.ChildId, q.AreaId),
                Domain.ChildProtection.ChildProtectionConference c => (Type: "ChildProtectionConference", c.Id, ChildId: c.ChildId, c.AreaId),
                Domain.ChildProtection.ChildProtectionPlan p => (Type: "ChildProtectionPlan", p.Id, ChildId: p.ChildId, p.AreaId),
                Domain.ChildProtection.ConferenceMeeting m => (Type: "ConferenceMeeting", m.Id, ChildId: m.ChildId, m.AreaId),
                Domain.ChildProtection.EmergencyAction e => (Type: "EmergencyAction", e.Id, ChildId: e.ChildId, e.AreaId),
                Domain.ChildProtection.PreProceedings p => (Type: "PreProceedings", p.Id, ChildId: p.ChildId, p.AreaId),
                Domain.LookedAfter.LookedAfterPeriod l => (Type: "LookedAfterPeriod", l.Id, ChildId: l.ChildId, l.AreaId),
                Domain.Access.BreakGlassAccess b => (Type: "BreakGlass", b.Id, ChildId: b.ChildId, b.AreaId),
                Domain.Access.AccessRequest r => (Type: "AccessRequest", r.Id, ChildId: r.ChildId, r.AreaId),
                InformationSharingRecord s => (Type: InformationSharingRecordType, s.Id, ChildId: s.ChildId, s.AreaId),
                Domain.DataProtection.DataProtectionRequest d => (Type: "DataProtectionRequest", d.Id, ChildId: d.ChildId, d.AreaId),
                Practitioner p => (Type: nameof(Practitioner), p.Id, ChildId: null, p.AreaId),
                SafeguardUser u => (Type: AccountRecordType, u.Id, ChildId: null, u.AreaId),
                _ => default,
            };
            if (subject.Type is null)
            {
                continue;
            }

            string? detail = null;
            if (entry.Entity is Practitioner or SafeguardUser)
            {
                detail = Describe(entry);
                // An account changed before anyone is known to be acting in its area (a wrong password at sign-in,
                // which may lock it) is sign-in's business, recorded in the log; the audit row needs the area.
                if (detail is null || db.CurrentAreaId != subject.AreaId)
                {
                    continue;
                }
            }

            rows.Add(AuditLog.Entry(db.Actor, subject.AreaId, now, action.Value, subject.Type, subject.Id, subject.ChildId, basis: null, detail));
        }

        db.AuditEntries.AddRange(rows);
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

    /// <summary>
    /// A list that shows children's names (a work list, a queue, the referrer's own referrals): recorded like a search, one
    /// row per child shown. An empty list shows no one, so nothing is written.
    /// </summary>
    public Task ListedAsync(string what, IEnumerable<Guid> childrenShown, string basis, CancellationToken cancellationToken)
    {
        var shown = childrenShown.Distinct().ToList();
        return shown.Count == 0 ? Task.CompletedTask : SearchedAsync(what, shown, basis, cancellationToken);
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
            // A break-glass reason can be longer than the column: the full reason is on the break-glass record itself.
            Basis = basis is { Length: > MaxBasisLength } ? string.Concat(basis.AsSpan(0, MaxBasisLength - 1), "…") : basis,
            Origin = actor.Origin,
            Detail = detail,
        };
}
