using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Data;
using Safeguard.Data.Identity;

namespace Safeguard.Web.Account;

/// <summary>
/// At sign-in, copies who the account speaks for into its claims: the area, the practitioner, their agency and
/// their roles. Roles come from the practitioner record, so the rules and the sign-in never disagree.
/// </summary>
public sealed class SafeguardClaimsFactory(
    UserManager<SafeguardUser> users,
    IOptions<IdentityOptions> options,
    SafeguardDbContext db)
    : UserClaimsPrincipalFactory<SafeguardUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SafeguardUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // Signing in: the request has no area yet; the account's own area is the one to read.
        db.WorkInArea(user.AreaId);
        var practitioner = await db.Practitioners
            .Where(p => p.Id == user.PractitionerId)
            .Select(p => new { p.GivenName, p.FamilyName, p.Roles, p.AgencyId })
            .SingleOrDefaultAsync()
            ?? throw new InvalidOperationException($"Account {user.Id} speaks for no practitioner in its area.");
        var agency = await db.Agencies.Where(a => a.Id == practitioner.AgencyId)
            .Select(a => new { a.Name, a.Kind }).SingleAsync();

        identity.AddClaim(new Claim(SafeguardClaims.Area, user.AreaId.ToString()));
        if (await db.PartnershipOfAsync(user.AreaId) is { } partnership)
        {
            identity.AddClaim(new Claim(SafeguardClaims.Partnership, partnership.ToString()));
        }
        identity.AddClaim(new Claim(SafeguardClaims.Practitioner, user.PractitionerId.ToString()));
        identity.AddClaim(new Claim(SafeguardClaims.Agency, practitioner.AgencyId.ToString()));
        identity.AddClaim(new Claim(SafeguardClaims.AgencyName, agency.Name));
        identity.AddClaim(new Claim(SafeguardClaims.AgencyKind, agency.Kind.ToString()));
        identity.AddClaim(new Claim(SafeguardClaims.FullName, $"{practitioner.GivenName} {practitioner.FamilyName}"));
        if (user.TwoFactorOptional)
        {
            identity.AddClaim(new Claim(SafeguardClaims.TwoFactorOptional, "true"));
        }

        foreach (var role in practitioner.Roles)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role.ToString()));
        }

        return identity;
    }
}
