using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain.Chronology;

namespace Safeguard.Web.FamilyHelp;

/// <summary>One line of the child's chronology as shown: what, when, from which agency, by whom, and a link to its source.</summary>
public sealed record ChronologyLine(Guid Id, DateOnly OccurredOn, DateTimeOffset RecordedAt, ChronologyKind Kind, string Summary, string? Agency,
    string? RecordedBy, string SourceType, Guid SourceId, string? Link, Sensitivity Sensitivity = Sensitivity.None, bool Redacted = false);

public static class ChronologyQueries
{
    public const int MaxLines = 2_000;

    /// <summary>
    /// The child's chronology, oldest first, optionally only one agency's entries or one kind. Entries marked sensitive are
    /// redacted for a reader who may not see them: the line says a sensitive entry exists and who may read it, nothing more.
    /// </summary>
    public static async Task<List<ChronologyLine>> ForChildAsync(SafeguardDbContext db, Guid childId, Guid? agencyId, ChronologyKind? kind,
        System.Security.Claims.ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var readerAgency = Account.SafeguardClaims.AgencyKindOf(reader);
        var readerRoles = Account.SafeguardClaims.PractitionerRoles(reader).ToList();
        var entries = db.Chronology.AsNoTracking().Where(c => c.ChildId == childId);
        if (agencyId is { } agency)
        {
            entries = entries.Where(c => c.AgencyId == agency);
        }

        if (kind is { } k)
        {
            entries = entries.Where(c => c.Kind == k);
        }

        var rows = await (from c in entries
                          join a in db.Agencies on c.AgencyId equals a.Id into agencies
                          from a in agencies.DefaultIfEmpty()
                          join p in db.Practitioners on c.RecordedBy equals p.Id into people
                          from p in people.DefaultIfEmpty()
                          orderby c.OccurredOn, c.RecordedAt
                          select new { c, Agency = a == null ? null : a.Name, By = p == null ? null : p.GivenName + " " + p.FamilyName })
            .Take(MaxLines).ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.c.Sensitivity.MaySee(readerAgency, readerRoles)
            ? new ChronologyLine(r.c.Id, r.c.OccurredOn, r.c.RecordedAt, r.c.Kind, r.c.Summary, r.Agency, r.By, r.c.SourceType, r.c.SourceId, LinkTo(r.c),
                r.c.Sensitivity)
            : new ChronologyLine(r.c.Id, r.c.OccurredOn, r.c.RecordedAt, r.c.Kind,
                $"A sensitive entry ({r.c.Sensitivity.Describe()}): only {r.c.Sensitivity.WhoMaySee()} may read it.", r.Agency, null, r.c.SourceType, r.c.SourceId,
                null, r.c.Sensitivity, Redacted: true))];
    }

    /// <summary>The agencies with entries on the child's chronology, for the filter.</summary>
    /// <remarks>Made into tuples after reading: PostgreSQL would send a tuple built in SQL as a record, which Npgsql does not read.</remarks>
    public static async Task<List<(Guid Id, string Name)>> AgenciesAsync(SafeguardDbContext db, Guid childId, CancellationToken cancellationToken) =>
        [.. (await (from c in db.Chronology
                    join a in db.Agencies on c.AgencyId equals a.Id
                    where c.ChildId == childId
                    select new { a.Id, a.Name }).Distinct().OrderBy(a => a.Name).ToListAsync(cancellationToken)).Select(a => (a.Id, a.Name))];

    /// <summary>The page of the record the entry came from, as its kind registers it (<see cref="Records.RecordRoutes"/>).</summary>
    private static string? LinkTo(ChronologyEntry entry) => Records.RecordRoutes.PageFor(entry.SourceType, entry.SourceId, entry.ChildId, entry.EpisodeId);
}
