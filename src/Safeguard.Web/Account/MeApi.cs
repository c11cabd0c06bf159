using System.Security.Claims;

namespace Safeguard.Web.Account;

/// <summary>GET /api/v1/me: who the caller is, in which area and agency, with which roles.</summary>
public static class MeApi
{
    public sealed record Caller(Guid PractitionerId, string Name, string Email, Guid AreaId, Guid AgencyId, string Agency,
        string AgencyKind, IReadOnlyList<string> Roles);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new Caller(
                user.PractitionerId() ?? Guid.Empty,
                user.FindFirstValue(SafeguardClaims.FullName) ?? string.Empty,
                user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? string.Empty,
                user.AreaId() ?? Guid.Empty,
                user.AgencyId() ?? Guid.Empty,
                user.FindFirstValue(SafeguardClaims.AgencyName) ?? string.Empty,
                user.FindFirstValue(SafeguardClaims.AgencyKind) ?? string.Empty,
                [.. user.PractitionerRoles().Select(r => r.ToString())])))
            .WithName("GetMe")
            .WithTags("Account");
}
