using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Identity;
using Safeguard.Domain.Organisation;

namespace Safeguard.Web.Account;

/// <summary>
/// The area an account works in. An account belongs to one area (its own); an account of an agency serving several areas may also
/// be a member of other areas (<see cref="AreaMembership"/>), acting there as that area's practitioner with that practitioner's roles.
/// It works in one area at a time: its own, unless it chose another at <c>/account/area</c> (kept in the sign-in cookie as
/// <see cref="Claim"/>), or a request to the API names one in the <see cref="Header"/> header, for that request alone. On every such
/// request the membership is read afresh in the chosen area, and the request's user becomes the member there: its area, practitioner,
/// agency, roles and partnership. Everything it reads or changes is then kept to that area (query filters and row-level security) and
/// audited there. Nothing of one area is seen from another.
/// </summary>
public static class WorkingArea
{
    /// <summary>The request header naming the area (its id) an API request works in; the account must be a member there.</summary>
    public const string Header = "Safeguard-Area";

    /// <summary>The claim in the sign-in cookie carrying the area chosen at <c>/account/area</c>.</summary>
    public const string Claim = "safeguard:working_area";

    private static readonly HashSet<string> OfTheArea =
    [
        SafeguardClaims.Area, SafeguardClaims.Practitioner, SafeguardClaims.Agency, SafeguardClaims.AgencyName, SafeguardClaims.AgencyKind,
        SafeguardClaims.FullName, SafeguardClaims.Partnership, SafeguardClaims.HomeArea, ClaimTypes.Role,
    ];

    /// <summary>After authentication: the request's user becomes the member of the area chosen, or is refused when it is not one.</summary>
    public static IApplicationBuilder UseWorkingArea(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated != true || context.User.AreaId() is not { } home)
        {
            await next(context);
            return;
        }

        var named = context.Request.Headers[Header].ToString();
        Guid? chosen = null;
        if (named.Length > 0)
        {
            if (!Guid.TryParse(named, out var id))
            {
                await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The area named is not an area's id.",
                    detail: $"Send the {Header} header with the id of an area you are a member of, or leave it out to work in your own.").ExecuteAsync(context);
                return;
            }

            chosen = id;
        }
        else if (Guid.TryParse(context.User.FindFirstValue(Claim), out var inCookie))
        {
            chosen = inCookie;
        }

        if (chosen is { } area && area != home)
        {
            if (await MemberAsync(context.RequestServices, context.User, area) is not { } member)
            {
                if (named.Length > 0 || context.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You are not a member of that area.",
                        detail: "Work in your own area, or in an area whose membership you hold (/account/area).").ExecuteAsync(context);
                    return;
                }

                // A page: the membership has ended since the area was chosen; the account works in its own area again.
                context.User = WithoutChoice(context.User);
            }
            else
            {
                context.User = member;
            }
        }

        await next(context);
    });

    /// <summary>The areas the account may work in: its own first, then those it is a current member of (each read in its own area).</summary>
    public static async Task<IReadOnlyList<(Guid AreaId, string Name, bool Own)>> AreasOfAsync(IServiceProvider services, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var home = user.HomeAreaId();
        var accountId = AccountId(user);
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        var result = new List<(Guid, string, bool)>();
        foreach (var area in areas)
        {
            if (area.Id == home)
            {
                result.Insert(0, (area.Id, area.Name, true));
                continue;
            }

            // Memberships are kept in their area: each is read with that area set, under its policy, never across areas.
            db.WorkInArea(area.Id);
            if (await db.AreaMemberships.AsNoTracking().AnyAsync(m => m.AccountId == accountId && m.EndedAt == null, cancellationToken))
            {
                result.Add((area.Id, area.Name, false));
            }
        }

        return result;
    }

    /// <summary>The principal the sign-in cookie should carry once the account works in <paramref name="area"/> (its own: no choice).</summary>
    public static ClaimsPrincipal Choosing(ClaimsPrincipal cookie, Guid area)
    {
        var chosen = WithoutChoice(cookie);
        if (area != cookie.AreaId())
        {
            ((ClaimsIdentity)chosen.Identity!).AddClaim(new Claim(Claim, area.ToString()));
        }

        return chosen;
    }

    private static ClaimsPrincipal WithoutChoice(ClaimsPrincipal user)
    {
        var identity = (ClaimsIdentity)user.Identity!;
        return new ClaimsPrincipal(new ClaimsIdentity(identity.Claims.Where(c => c.Type != Claim).Select(c => c.Clone()),
            identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType));
    }

    private static Guid AccountId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    /// <summary>The request's user as the member of <paramref name="area"/>, or null when the account holds no current membership there.</summary>
    private static async Task<ClaimsPrincipal?> MemberAsync(IServiceProvider services, ClaimsPrincipal user, Guid area)
    {
        var accountId = AccountId(user);
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var partnership = await db.PartnershipOfAsync(area);
        db.WorkInArea(area, partnership);
        var member = await (from m in db.AreaMemberships.AsNoTracking()
                            where m.AccountId == accountId && m.EndedAt == null
                            join p in db.Practitioners on m.PractitionerId equals p.Id
                            join a in db.Agencies on p.AgencyId equals a.Id
                            select new { p.Id, p.GivenName, p.FamilyName, p.Roles, AgencyId = a.Id, AgencyName = a.Name, a.Kind })
            .FirstOrDefaultAsync();
        if (member is null)
        {
            return null;
        }

        var identity = (ClaimsIdentity)user.Identity!;
        var claims = identity.Claims.Where(c => !OfTheArea.Contains(c.Type)).Select(c => c.Clone()).ToList();
        claims.Add(new Claim(SafeguardClaims.HomeArea, user.HomeAreaId()!.Value.ToString()));
        claims.Add(new Claim(SafeguardClaims.Area, area.ToString()));
        claims.Add(new Claim(SafeguardClaims.Practitioner, member.Id.ToString()));
        claims.Add(new Claim(SafeguardClaims.Agency, member.AgencyId.ToString()));
        claims.Add(new Claim(SafeguardClaims.AgencyName, member.AgencyName));
        claims.Add(new Claim(SafeguardClaims.AgencyKind, member.Kind.ToString()));
        claims.Add(new Claim(SafeguardClaims.FullName, $"{member.GivenName} {member.FamilyName}"));
        if (partnership is { } p2)
        {
            claims.Add(new Claim(SafeguardClaims.Partnership, p2.ToString()));
        }

        claims.AddRange(member.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType));
    }
}

/// <summary>GET /api/v1/me/areas: the areas the caller may work in (its own first), and the one this request works in.</summary>
public static class WorkingAreaApi
{
    public sealed record AreaChoice(Guid AreaId, string Name, bool Own, bool Current);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/me/areas", async (HttpContext context, CancellationToken cancellationToken) =>
            {
                var areas = await WorkingArea.AreasOfAsync(context.RequestServices, context.User, cancellationToken);
                return TypedResults.Ok(areas.Select(a => new AreaChoice(a.AreaId, a.Name, a.Own, a.AreaId == context.User.AreaId())).ToList());
            })
            .WithName("GetMyAreas")
            .WithTags("Account");
}
