using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Web.Authorization;
using Safeguard.Web.Children;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.OperationEncompass;

/// <summary>
/// An Operation Encompass notification whose child, as the police described them, has the NHS number of a record children's
/// social care holds: the front door says whether it is the same child.
/// </summary>
public sealed record PossibleMatch(Guid NotificationId, Guid SentChildId, string SentName, DateOnly? SentDateOfBirth, DateOnly IncidentOn,
    Guid HeldChildId, string HeldName, DateOnly? HeldDateOfBirth);

/// <summary>
/// The front door's steps on a notification's possible match to a held child, one code path for the front-door page and the API:
/// the matches waiting (read of both children, audited), and the answer — the same child joins the records and the
/// notification moves with the child; not the same child settles the suggestion and the records stay apart.
/// </summary>
public sealed class EncompassMatches(SafeguardDbContext db, AuditLog audit, MergeChildRecords merge)
{
    public async Task<IReadOnlyList<PossibleMatch>> WaitingAsync(CancellationToken cancellationToken)
    {
        var matches = await QueryAsync(cancellationToken);
        if (matches.Count > 0)
        {
            await audit.SearchedAsync("Operation Encompass possible matches", [.. ChildrenOf(matches)], Policies.ChildrenSocialCareBasis, cancellationToken);
        }

        return matches;
    }

    /// <summary>The matches waiting, unaudited: for a page that audits them with the rest of what it shows.</summary>
    public Task<List<PossibleMatch>> QueryAsync(CancellationToken cancellationToken) =>
        (from n in db.EncompassNotifications
         where n.PossiblyHeldChildId != null
         join sent in db.Children on n.ChildId equals sent.Id
         join held in db.Children on n.PossiblyHeldChildId equals held.Id
         orderby n.IncidentAt
         select new PossibleMatch(n.Id, sent.Id, sent.GivenName + " " + sent.FamilyName, sent.DateOfBirth, n.IncidentOn,
             held.Id, held.GivenName + " " + held.FamilyName, held.DateOfBirth)).Take(100).ToListAsync(cancellationToken);

    public static IEnumerable<Guid> ChildrenOf(IEnumerable<PossibleMatch> matches) =>
        matches.SelectMany(m => new[] { m.SentChildId, m.HeldChildId }).Distinct();

    /// <summary>The front door's answer: whether the child the police described is the held child.</summary>
    public async Task DecideAsync(Guid notificationId, bool sameChild, CancellationToken cancellationToken)
    {
        var notification = await db.EncompassNotifications.SingleOrDefaultAsync(n => n.Id == notificationId, cancellationToken)
            ?? throw new RecordNotFoundException();
        var held = notification.PendingMatch();
        if (sameChild)
        {
            await merge.HandleAsync(notification.ChildId, held, cancellationToken);
            return;
        }

        notification.SettleSuggestedMatch();
        await db.SaveChangesAsync(cancellationToken);
    }
}
