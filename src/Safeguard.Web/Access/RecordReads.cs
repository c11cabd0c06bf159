using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.FamilyHelp;

namespace Safeguard.Web.Access;

/// <summary>A record of a case read together with the episode it belongs to, whose access rules decide who reads it.</summary>
public sealed record InEpisode<TRecord>(TRecord Record, Episode Episode);

/// <summary>
/// The one shape of an API read of a record: load it (404 when there is none), find the reader's basis for seeing it
/// (403 when they have none), write the read to the audit trail with that basis, and answer with the record's view.
/// Every read endpoint comes here, so none can forget the audit or answer before the relationship is checked.
/// </summary>
public sealed class RecordReads(SafeguardDbContext db, EpisodeAccess episodes, AuditLog audit)
{
    /// <summary>
    /// A read decided by the reader's relationship with the record: <paramref name="basisOf"/> gives the basis of access,
    /// or null to refuse (403).
    /// </summary>
    public async Task<Results<Ok<TView>, NotFound, ForbidHttpResult>> ReadAsync<TRecord, TView>(string recordType, Guid id, Func<Task<TRecord?>> load,
        Func<TRecord, Task<string?>> basisOf, Func<TRecord, Guid> childOf, Func<TRecord, Task<TView>> view, CancellationToken cancellationToken)
        where TRecord : class
    {
        if (await load() is not { } record)
        {
            return TypedResults.NotFound();
        }

        if (await basisOf(record) is not { } basis)
        {
            return TypedResults.Forbid();
        }

        await audit.ReadAsync(recordType, id, childOf(record), basis, cancellationToken);
        return TypedResults.Ok(await view(record));
    }

    /// <summary>
    /// A read of a record of an episode (<paramref name="record"/> is the query for it): whoever may see the episode reads
    /// it (<see cref="EpisodeAccess.BasisAsync"/>), and with <paramref name="coreGroupReads"/> the core group of an open
    /// child protection plan too (<see cref="EpisodeAccess.ReadBasisAsync"/>).
    /// </summary>
    public Task<Results<Ok<TView>, NotFound, ForbidHttpResult>> ReadInEpisodeAsync<TRecord, TView>(ClaimsPrincipal user, string recordType, Guid id,
        IQueryable<TRecord> record, Func<TRecord, Guid> episodeOf, Func<TRecord, Guid> childOf, Func<TRecord, Task<TView>> view,
        CancellationToken cancellationToken, bool coreGroupReads = false)
        where TRecord : class =>
        ReadAsync(recordType, id,
            async () =>
            {
                if (await record.AsNoTracking().FirstOrDefaultAsync(cancellationToken) is not { } found)
                {
                    return null;
                }

                var episodeId = episodeOf(found);
                return new InEpisode<TRecord>(found, await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == episodeId, cancellationToken));
            },
            found => coreGroupReads ? episodes.ReadBasisAsync(user, found.Episode) : episodes.BasisAsync(user, found.Episode),
            found => childOf(found.Record), found => view(found.Record), cancellationToken);

    /// <summary>
    /// A read whose lookup already decided who may see the record — it finds nothing for anyone else, or the endpoint's
    /// policy admits only one basis — and gives the view, its child and the basis to audit.
    /// </summary>
    public async Task<Results<Ok<TView>, NotFound>> ReadFoundAsync<TView>(string recordType, Guid id,
        Func<Task<(TView View, Guid ChildId, string Basis)?>> find, CancellationToken cancellationToken)
    {
        if (await find() is not { } found)
        {
            return TypedResults.NotFound();
        }

        await audit.ReadAsync(recordType, id, found.ChildId, found.Basis, cancellationToken);
        return TypedResults.Ok(found.View);
    }
}
