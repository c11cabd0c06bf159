using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Data.Records;
using Safeguard.Domain;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Organisation;

/// <summary>A partnership's published arrangements as read: where they are, and in which area and by whom they were recorded.</summary>
public sealed record PublishedArrangementsView(Guid Id, string Title, DateOnly PublishedOn, string Link, string RecordedInArea, DateTimeOffset RecordedAt);

/// <summary>The partnership the reader's area is in, with its areas and its published arrangements.</summary>
public sealed record PartnershipView(Guid Id, string Name, IReadOnlyList<string> Areas, string IntegratedCareBoard, string PoliceForce,
    IReadOnlyList<PublishedArrangementsView> Arrangements);

public sealed record PublishedArrangementsInput(string? Title, DateOnly? PublishedOn, string? Link);

/// <summary>
/// The partnership's own records, read by its members from any of its areas (MASA-02): today its published arrangements. The
/// records are kept to the partnership of the area the reader works in — by the query filter and, on PostgreSQL, by the partnership
/// policy — so a member reads them from either area and no one outside the partnership reads them at all. Each read and each
/// record added is audited in the area the member is working in.
/// </summary>
public sealed class PartnershipSteps(SafeguardDbContext db, AuditLog audit, TimeProvider time)
{
    public const string Basis = "A member of the safeguarding partnership reading its published arrangements";

    /// <summary>The reader's partnership, or null when their area is in none.</summary>
    public async Task<PartnershipView?> ReadAsync(CancellationToken cancellationToken)
    {
        if (db.CurrentPartnershipId is not { } id)
        {
            return null;
        }

        var partnership = await db.Partnerships.AsNoTracking().Include(p => p.Areas).SingleAsync(p => p.Id == id, cancellationToken);
        var areaIds = partnership.Areas.Select(a => a.AreaId).ToList();
        var areas = await db.Areas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var leads = await db.CrossAreaAgencies.AsNoTracking()
            .Where(a => a.Id == partnership.IntegratedCareBoardId || a.Id == partnership.PoliceForceId)
            .ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var rows = await db.PartnershipArrangements.AsNoTracking().OrderByDescending(a => a.PublishedOn).ThenByDescending(a => a.RecordedAt)
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            await audit.ReadAsync(RecordKinds.PartnershipArrangements.Name, row.Id, null, Basis, cancellationToken);
        }

        return new PartnershipView(partnership.Id, partnership.Name, [.. areas.Values.Order(StringComparer.Ordinal)],
            leads.GetValueOrDefault(partnership.IntegratedCareBoardId, string.Empty), leads.GetValueOrDefault(partnership.PoliceForceId, string.Empty),
            [.. rows.Select(r => new PublishedArrangementsView(r.Id, r.Title, r.PublishedOn, r.Link, areas.GetValueOrDefault(r.RecordedInAreaId, string.Empty), r.RecordedAt))]);
    }

    /// <summary>One of the partnership's published arrangements, or null when it is not the reader's partnership's.</summary>
    public async Task<PublishedArrangementsView?> ReadOneAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.PartnershipArrangements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } row)
        {
            return null;
        }

        await audit.ReadAsync(RecordKinds.PartnershipArrangements.Name, row.Id, null, Basis, cancellationToken);
        var area = await db.Areas.Where(a => a.Id == row.RecordedInAreaId).Select(a => a.Name).SingleAsync(cancellationToken);
        return new PublishedArrangementsView(row.Id, row.Title, row.PublishedOn, row.Link, area, row.RecordedAt);
    }

    /// <summary>A delegated safeguarding partner records where the partnership published its arrangements (MASA-02).</summary>
    public async Task<PublishedArrangementsView> AddAsync(ClaimsPrincipal user, PublishedArrangementsInput input, CancellationToken cancellationToken)
    {
        Requirement.Require(db.CurrentPartnershipId is not null, "MASA-02", "Your area is in no safeguarding partnership.");
        Requirement.Require(Partnership.MayRecord(user.PractitionerRoles()), "SG-PARTNERSHIP-04",
            "Only a delegated safeguarding partner records the partnership's published arrangements.");
        Requirement.Require(input.PublishedOn is not null, "MASA-02", "Enter the date the arrangements were published.", nameof(PublishedArrangements.PublishedOn));
        var now = time.GetUtcNow();
        var row = new PublishedArrangements(Guid.CreateVersion7(now), db.CurrentPartnershipId!.Value, input.Title ?? string.Empty, input.PublishedOn!.Value,
            input.Link ?? string.Empty, db.CurrentAreaId!.Value, user.PractitionerId()!.Value, now, EnglandClock.Today(time));
        db.PartnershipArrangements.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        var area = await db.Areas.Where(a => a.Id == row.RecordedInAreaId).Select(a => a.Name).SingleAsync(cancellationToken);
        return new PublishedArrangementsView(row.Id, row.Title, row.PublishedOn, row.Link, area, row.RecordedAt);
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/partnership").WithTags("Partnership").RequireAuthorization(Policies.PartnershipMember);
        group.MapGet("/", async Task<Results<Ok<PartnershipView>, ProblemHttpResult>> (PartnershipSteps steps, CancellationToken cancellationToken) =>
            await steps.ReadAsync(cancellationToken) is { } view
                ? TypedResults.Ok(view)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Your area is in no safeguarding partnership."));
        group.MapPost("/arrangements", async Task<Created<PublishedArrangementsView>> (PublishedArrangementsInput input, ClaimsPrincipal user,
            PartnershipSteps steps, CancellationToken cancellationToken) =>
        {
            var row = await steps.AddAsync(user, input, cancellationToken);
            return TypedResults.Created($"/api/v1/partnership/arrangements/{row.Id}", row);
        });
        group.MapGet("/arrangements/{id:guid}", async Task<Results<Ok<PublishedArrangementsView>, NotFound>> (Guid id, PartnershipSteps steps,
            CancellationToken cancellationToken) =>
            await steps.ReadOneAsync(id, cancellationToken) is { } row ? TypedResults.Ok(row) : TypedResults.NotFound());
    }
}
