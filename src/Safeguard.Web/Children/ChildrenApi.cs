using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Calendar;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Children;

/// <summary>/api/v1/children: make and read a child's record.</summary>
public static class ChildrenApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var children = api.MapGroup("/children").WithTags("Children").RequireAuthorization(Policies.ChildrenSocialCare);

        children.MapPost("/", async Task<Results<Created<ChildView>, ProblemHttpResult>> (ChildInput input, ClaimsPrincipal user,
            RegisterChild register, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var child = await register.HandleAsync(user.AreaId()!.Value, input, cancellationToken);
            return TypedResults.Created($"/api/v1/children/{child.Id}", ChildView.Of(child, EnglandClock.Today(time)));
        }).WithName("RegisterChild");

        children.MapGet("/{id:guid}", (Guid id, SafeguardDbContext db, RecordReads reads, TimeProvider time, CancellationToken cancellationToken) =>
            reads.ReadFoundAsync(nameof(Domain.Children.Child), id,
                async () => await db.Children.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is { } child
                    ? (ChildView.Of(child, EnglandClock.Today(time)), child.Id, Policies.ChildrenSocialCareBasis)
                    : ((ChildView, Guid, string)?)null, cancellationToken))
            .WithName("GetChild");

        children.MapPost("/{id:guid}/address/safe", async Task<Results<NoContent, NotFound>> (Guid id, SafeAddressInput input, ClaimsPrincipal user,
            SafeguardDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        {
            await MarkAddressAsync(db, user, id, input.Safe, time, cancellationToken);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.FrontDoorDecision).WithName("MarkSafeAddress")
            .WithDescription("A social work qualified manager marks the child's current address as a safe address (a refuge), or clears the mark.");
    }

    /// <summary>Marks (or clears) the child's current address as a safe address, noted on the chronology without the address itself.</summary>
    public static async Task MarkAddressAsync(SafeguardDbContext db, ClaimsPrincipal user, Guid childId, bool safe, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var child = await db.Children.FirstOrDefaultAsync(c => c.Id == childId, cancellationToken) ?? throw new FamilyHelp.RecordNotFoundException();
        var manager = await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        child.MarkCurrentAddress(manager, safe);
        var now = time.GetUtcNow();
        db.Note(child.AreaId, child.Id, null, EnglandClock.ToEnglandDate(now), now, Domain.Chronology.ChronologyKind.Needs,
            safe ? $"{manager.FullName} marked the child's current address as a safe address: only social care managers may read it."
                : $"{manager.FullName} cleared the safe address mark on the child's current address.", nameof(Domain.Children.Child), child.Id,
            manager.AgencyId, manager.Id);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Whether the child's current address is a safe address (a refuge).</summary>
public sealed record SafeAddressInput(bool Safe);
