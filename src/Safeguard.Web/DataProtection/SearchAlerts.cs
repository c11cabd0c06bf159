using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Web.FamilyHelp;
using Safeguard.Domain.Access;
using Safeguard.Web.Access;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.DataProtection;

/// <summary>One search for a record, as the audit trail holds it: when, what was searched for, and whether a record was found.</summary>
public sealed record SearchMade(DateTimeOffset At, string? Terms, bool Found);

public sealed record SearchAlertView(Guid Id, Guid PractitionerId, string Practitioner, string Agency, int Misses, DateTimeOffset RaisedAt,
    DateTimeOffset? ReviewedAt, string? ReviewNote, IReadOnlyList<SearchMade> Searches);

public sealed record SearchAlertReviewInput(string? Note);

/// <summary>
/// The data protection officer's alerts about repeated searches for records that do not exist (<see cref="SearchAlert"/>):
/// listed on "My work" until looked at, each with the searches of the hour before it, what was searched for and whether
/// anything was found, and what the officer concluded.
/// </summary>
public sealed class SearchAlerts(SafeguardDbContext db, TimeProvider time)
{
    public async Task<List<SearchAlertView>> WaitingAsync(CancellationToken cancellationToken)
    {
        var ids = await db.SearchAlerts.AsNoTracking().Where(a => a.ReviewedAt == null).OrderBy(a => a.RaisedAt).Select(a => a.Id).Take(100)
            .ToListAsync(cancellationToken);
        List<SearchAlertView> views = [];
        foreach (var id in ids)
        {
            views.Add(await GetAsync(id, cancellationToken));
        }

        return views;
    }

    public async Task<SearchAlertView> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var alert = await db.SearchAlerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new RecordNotFoundException();
        var who = await (from p in db.Practitioners.AsNoTracking()
                         where p.Id == alert.PractitionerId
                         join a in db.Agencies on p.AgencyId equals a.Id
                         select new { Name = p.GivenName + " " + p.FamilyName, Agency = a.Name }).SingleOrDefaultAsync(cancellationToken);
        var from = alert.RaisedAt - SearchAlert.Window;
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.PractitionerId == alert.PractitionerId && e.At >= from && e.At <= alert.RaisedAt && e.Action == AuditAction.Searched
                && e.Basis == BreakGlassSteps.FindBasis)
            .OrderBy(e => e.Id).Select(e => new { e.At, e.Detail, e.ChildId, Found = e.RecordId != null }).ToListAsync(cancellationToken);
        // What a search that showed a child was for is sealed with the child's key (AuditSeal).
        var keys = await AuditSeal.KeysAsync(db, [.. rows.Where(r => AuditSeal.IsSealed(r.Detail)).Select(r => r.ChildId!.Value).Distinct()], create: false,
            cancellationToken);
        List<SearchMade> searches = [.. rows.Select(r => new SearchMade(r.At, AuditSeal.Open(r.Detail, r.ChildId is { } c ? keys.GetValueOrDefault(c) : null), r.Found))];
        return new SearchAlertView(alert.Id, alert.PractitionerId, who?.Name ?? "Unknown", who?.Agency ?? string.Empty, alert.Misses, alert.RaisedAt,
            alert.ReviewedAt, alert.ReviewNote, searches);
    }

    public async Task<SearchAlertView> ReviewAsync(ClaimsPrincipal user, Guid id, string? note, CancellationToken cancellationToken)
    {
        var alert = await db.SearchAlerts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new RecordNotFoundException();
        alert.Review(user.PractitionerId()!.Value, note, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/data-protection/search-alerts").RequireAuthorization(Policies.DataProtection).WithTags("Data protection");
        group.MapGet("/", async Task<Ok<List<SearchAlertView>>> (SearchAlerts alerts, CancellationToken cancellationToken) =>
            TypedResults.Ok(await alerts.WaitingAsync(cancellationToken)))
            .WithName("ListSearchAlerts")
            .WithDescription("Repeated searches for records that do not exist, not yet looked at: who searched, and each search with what was searched for.");
        group.MapPost("/{id:guid}/review", async Task<Ok<SearchAlertView>> (Guid id, SearchAlertReviewInput input, ClaimsPrincipal user, SearchAlerts alerts,
            CancellationToken cancellationToken) => TypedResults.Ok(await alerts.ReviewAsync(user, id, input.Note, cancellationToken)))
            .WithName("ReviewSearchAlert").WithDescription("Records what the data protection officer concluded about an alert (SG-BG-08).");
    }
}
