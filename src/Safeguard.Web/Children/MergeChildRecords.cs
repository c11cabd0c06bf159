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
        foreach (var referral in await db.Referrals.Where(r => r.ChildId == duplicateId).ToListAsync(cancellationToken))
        {
            referral.MoveToChild(survivor!);
        }

        foreach (var relationship in await db.Relationships.Where(r => r.ChildId == duplicateId).ToListAsync(cancellationToken))
        {
            relationship.MoveToChild(survivor!);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
