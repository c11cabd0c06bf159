using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Queries;
using Safeguard.Domain;
using Safeguard.Domain.Access;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.Access;

public sealed record BreakGlassInput(string? Reason);

public sealed record BreakGlassReviewInput(string? Note);

public sealed record FoundChild(Guid Id, DateOnly? DateOfBirth);

public sealed record BreakGlassView(Guid Id, Guid ChildId, string Reason, DateTimeOffset At, DateTimeOffset Until, DateTimeOffset? ReviewedAt, string? ReviewNote);

/// <summary>
/// Finding a child's record without a relationship, and breaking the glass: the search says only that a record exists
/// (exact name and date of birth, so it cannot be used to browse), and opening it needs a reason, lasts
/// <see cref="BreakGlassAccess.Duration"/>, and alerts the manager of the child's case.
/// </summary>
public sealed class BreakGlassSteps(SafeguardDbContext db, CaseManagerAccess deciders, TimeProvider time, Data.Audit.AuditLog audit,
    IConfiguration configuration)
{
    public const int MaxResults = 5;

    /// <summary>The basis on the audit row of every look for a record, which the count of misses reads.</summary>
    public const string FindBasis = "Finding whether a record exists";

    /// <summary>The rate limiting policy on looking for a record: per account, <c>Search:PerMinute</c> a minute.</summary>
    public const string SearchLimit = "child-search";

    /// <summary>
    /// Looks for a record, records the search in the audit trail with what was searched for (found or not), and after
    /// <c>Search:MissesBeforeAlert</c> searches that found nothing within an hour alerts the data protection officer.
    /// </summary>
    public async Task<List<FoundChild>> FindAndRecordAsync(ClaimsPrincipal user, string? givenName, string? familyName, DateOnly? dateOfBirth,
        CancellationToken cancellationToken)
    {
        var found = await FindAsync(givenName, familyName, dateOfBirth, cancellationToken);
        await audit.SearchedAsync(Terms(givenName, familyName, dateOfBirth), [.. found.Select(f => f.Id)], FindBasis, cancellationToken, termsNamePeople: true);
        if (found.Count == 0)
        {
            await AlertOnRepeatedMissesAsync(user, cancellationToken);
        }

        return found;
    }

    /// <summary>What was searched for, as the audit row says it (each name cut to fit the row).</summary>
    public static string Terms(string? givenName, string? familyName, DateOnly? dateOfBirth)
    {
        static string Cut(string? text) => text?.Trim() is { Length: > 100 } longer ? longer[..100] + "…" : text?.Trim() ?? string.Empty;
        return $"Looked for a record by exact name and date of birth: first name \"{Cut(givenName)}\", last name \"{Cut(familyName)}\", born {dateOfBirth:yyyy-MM-dd}";
    }

    private async Task AlertOnRepeatedMissesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.PractitionerId() is not { } me || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var account)
            || db.CurrentAreaId is not { } area)
        {
            return;
        }

        var now = time.GetUtcNow();
        var since = now - SearchAlert.Window;
        var threshold = configuration.GetValue("Search:MissesBeforeAlert", SearchAlert.DefaultMissesBeforeAlert);
        var misses = await db.AuditEntries.CountAsync(a => a.PractitionerId == me && a.At > since && a.Action == Data.Audit.AuditAction.Searched
            && a.RecordType == nameof(Domain.Children.Child) && a.RecordId == null && a.Basis == FindBasis, cancellationToken);
        if (misses < threshold || await db.SearchAlerts.AnyAsync(a => a.UserId == account && a.RaisedAt > since, cancellationToken))
        {
            return;
        }

        db.SearchAlerts.Add(SearchAlert.Raise(Guid.CreateVersion7(now), area, account, me, user.AgencyId(), misses, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Children whose record exists with exactly this name (either order) and date of birth.</summary>
    public async Task<List<FoundChild>> FindAsync(string? givenName, string? familyName, DateOnly? dateOfBirth, CancellationToken cancellationToken)
    {
        Requirement.Require(!string.IsNullOrWhiteSpace(givenName) && !string.IsNullOrWhiteSpace(familyName) && dateOfBirth is not null, "SG-BG-06",
            "Enter the child's first name, last name and date of birth: all three are needed to find a record.", "GivenName");
        return await db.Children.AsNoTracking().ExactlyNamed(givenName!, familyName!, dateOfBirth!.Value)
            .Take(MaxResults).Select(c => new FoundChild(c.Id, c.DateOfBirth)).ToListAsync(cancellationToken);
    }

    public async Task<BreakGlassAccess> OpenAsync(ClaimsPrincipal user, Guid childId, string? reason, CancellationToken cancellationToken)
    {
        var child = await db.Children.FirstOrDefaultAsync(c => c.Id == childId, cancellationToken) ?? throw new RecordNotFoundException();
        var me = await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        Requirement.Require(!me.Has(Domain.Organisation.PractitionerRole.Administrator) && !me.Has(Domain.Organisation.PractitionerRole.Analyst)
            && !me.Has(Domain.Organisation.PractitionerRole.DataProtectionOfficer), "SG-BG-07",
            "Administrators, analysts and the data protection officer do not open case records.");
        var alertTo = await CaseManagerAsync(db, childId, cancellationToken);
        var access = BreakGlassAccess.Open(Guid.CreateVersion7(time.GetUtcNow()), child, me, reason ?? string.Empty, time.GetUtcNow(), alertTo);
        db.BreakGlass.Add(access);
        await db.SaveChangesAsync(cancellationToken);
        return access;
    }

    /// <summary>
    /// The manager of the child's case: the one who allocated the lead practitioner of its open episode; null when the
    /// child has no allocated case (then any social work qualified manager of the area answers).
    /// </summary>
    public static async Task<Guid?> CaseManagerAsync(SafeguardDbContext db, Guid childId, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.AsNoTracking().Where(e => e.ChildId == childId && e.ClosedOn == null).FirstOrDefaultAsync(cancellationToken);
        return episode?.Allocations.LastOrDefault(a => a.Until is null)?.AllocatedBy;
    }

    public async Task<BreakGlassAccess> ReviewAsync(ClaimsPrincipal user, Guid accessId, string? note, CancellationToken cancellationToken)
    {
        var access = await db.BreakGlass.FirstOrDefaultAsync(b => b.Id == accessId, cancellationToken) ?? throw new RecordNotFoundException();
        if (!await deciders.DecidesAsync(user, access.ChildId, access.AlertTo, cancellationToken))
        {
            throw new AccessRefusedException();
        }

        var manager = await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        access.Review(manager, note ?? string.Empty, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return access;
    }

    /// <summary>
    /// Break-glass accesses a manager has to review: those alerting them or a manager of their team, and those about children
    /// with no case manager.
    /// </summary>
    public async Task<List<(BreakGlassAccess Access, string ChildName, string Practitioner, string Agency)>> ToReviewAsync(Guid managerId,
        CancellationToken cancellationToken)
    {
        var team = await deciders.TeamManagersAsync(managerId, cancellationToken);
        var rows = await (from b in db.BreakGlass.AsNoTracking()
                          where b.ReviewedAt == null && (b.AlertTo == null || team.Contains(b.AlertTo.Value))
                          join c in db.Children on b.ChildId equals c.Id
                          join p in db.Practitioners on b.PractitionerId equals p.Id
                          join a in db.Agencies on b.AgencyId equals a.Id
                          orderby b.At
                          select new { b, Child = c.GivenName + " " + c.FamilyName, Who = p.GivenName + " " + p.FamilyName, Agency = a.Name })
            .Take(100).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.b, r.Child, r.Who, r.Agency))];
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/children/find", async Task<Ok<List<FoundChild>>> (string? givenName, string? familyName, DateOnly? dateOfBirth, BreakGlassSteps steps,
            ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            var found = await steps.FindAndRecordAsync(user, givenName, familyName, dateOfBirth, cancellationToken);
            return TypedResults.Ok(found);
        }).RequireAuthorization(Policies.WorksWithChildren).RequireRateLimiting(SearchLimit).WithTags("Access").WithName("FindChild")
            .WithDescription("Whether a record exists for a child with exactly this name and date of birth: ids only, no details. Throttled per account "
                + "(429 past Search:PerMinute a minute); every search is audited with what was searched for, and repeated misses alert the data protection officer.");

        api.MapPost("/children/{id:guid}/break-glass", async (Guid id, BreakGlassInput input, ClaimsPrincipal user, BreakGlassSteps steps,
            CancellationToken cancellationToken) =>
        {
            var access = await steps.OpenAsync(user, id, input.Reason, cancellationToken);
            return TypedResults.Created($"/api/v1/children/{id}", new BreakGlassView(access.Id, access.ChildId, access.Reason, access.At, access.Until, null, null));
        }).RequireAuthorization(Policies.WorksWithChildren).WithTags("Access").WithName("BreakGlass")
            .WithDescription("Opens a child's record without a relationship, for a few hours, with a reason recorded on every look; the case's manager is alerted.");

        api.MapPost("/break-glass/{id:guid}/review", async (Guid id, BreakGlassReviewInput input, ClaimsPrincipal user, BreakGlassSteps steps,
            CancellationToken cancellationToken) =>
        {
            var access = await steps.ReviewAsync(user, id, input.Note, cancellationToken);
            return TypedResults.Ok(new BreakGlassView(access.Id, access.ChildId, access.Reason, access.At, access.Until, access.ReviewedAt, access.ReviewNote));
        }).RequireAuthorization(Policies.FrontDoorDecision).WithTags("Access").WithName("ReviewBreakGlass");
    }
}
