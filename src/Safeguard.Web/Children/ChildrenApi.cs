using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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

        children.MapGet("/{id:guid}", async Task<Results<Ok<ChildView>, NotFound>> (Guid id, SafeguardDbContext db, AuditLog audit,
            TimeProvider time, CancellationToken cancellationToken) =>
        {
            var child = await db.Children.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (child is null)
            {
                return TypedResults.NotFound();
            }

            await audit.ReadAsync(nameof(Domain.Children.Child), child.Id, child.Id, Policies.ChildrenSocialCareBasis, cancellationToken);
            return TypedResults.Ok(ChildView.Of(child, EnglandClock.Today(time)));
        }).WithName("GetChild");
    }
}
