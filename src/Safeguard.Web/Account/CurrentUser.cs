using System.Security.Claims;
using Safeguard.Data;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.Organisation;

namespace Safeguard.Web.Account;

/// <summary>The claims a signed-in user carries, written at sign-in by <see cref="SafeguardClaimsFactory"/>.</summary>
public static class SafeguardClaims
{
    public const string Area = "safeguard:area";
    public const string Practitioner = "safeguard:practitioner";
    public const string Agency = "safeguard:agency";
    public const string AgencyName = "safeguard:agency_name";
    public const string AgencyKind = "safeguard:agency_kind";
    public const string FullName = "safeguard:name";

    /// <summary>The safeguarding partnership of the area the user works in, if the area is in one.</summary>
    public const string Partnership = "safeguard:partnership";

    /// <summary>The account's own area, present when it works in another area through a membership (<see cref="WorkingArea"/>).</summary>
    public const string HomeArea = "safeguard:home_area";

    /// <summary>Set only on the seeder's demo and test accounts: two-factor authentication is not required of them.</summary>
    public const string TwoFactorOptional = "safeguard:two_factor_optional";

    public static Guid? AreaId(this ClaimsPrincipal user) => GuidClaim(user, Area);

    public static Guid? PractitionerId(this ClaimsPrincipal user) => GuidClaim(user, Practitioner);

    public static Guid? PartnershipId(this ClaimsPrincipal user) => GuidClaim(user, Partnership);

    /// <summary>The account's own area — where the account, its sessions and its security are kept — whichever area it works in.</summary>
    public static Guid? HomeAreaId(this ClaimsPrincipal user) => GuidClaim(user, HomeArea) ?? user.AreaId();

    public static Guid? AgencyId(this ClaimsPrincipal user) => GuidClaim(user, Agency);

    public static AgencyKind? AgencyKindOf(this ClaimsPrincipal user) =>
        Enum.TryParse<AgencyKind>(user.FindFirstValue(AgencyKind), out var kind) ? kind : null;

    public static bool Has(this ClaimsPrincipal user, PractitionerRole role) => user.IsInRole(role.ToString());

    public static IEnumerable<PractitionerRole> PractitionerRoles(this ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => Enum.TryParse<PractitionerRole>(c.Value, out var r) ? r : (PractitionerRole?)null)
            .OfType<PractitionerRole>();

    private static Guid? GuidClaim(ClaimsPrincipal user, string type) =>
        Guid.TryParse(user.FindFirstValue(type), out var id) ? id : null;
}

/// <summary>The signed-in user as the actor of this request; their area is the tenant every query is kept inside.</summary>
public sealed class HttpActor(IHttpContextAccessor http) : IActor
{
    public Guid? AreaId => User?.AreaId();

    public Guid? PartnershipId => User?.PartnershipId();

    public Guid? UserId => Guid.TryParse(User?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public Guid? PractitionerId => User?.PractitionerId();

    public Guid? AgencyId => User?.AgencyId();

    public string? Origin => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public bool MaySee(Domain.Chronology.Sensitivity sensitivity) =>
        User is { } user ? sensitivity.MaySee(user.AgencyKindOf(), [.. user.PractitionerRoles()]) : sensitivity == Domain.Chronology.Sensitivity.None;

    private ClaimsPrincipal? User => http.HttpContext?.User;
}
