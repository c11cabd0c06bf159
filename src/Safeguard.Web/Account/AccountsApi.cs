using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain.Access;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Account;

/// <summary>
/// A sign-in account as its area's administrators see it: who, where, which roles, whether it can sign in, and whether it (or a change
/// to its roles) waits for approval.
/// </summary>
public sealed record AccountView(Guid Id, Guid PractitionerId, string Name, string Email, string JobTitle, Guid AgencyId, string Agency,
    IReadOnlyList<PractitionerRole> Roles, string? Registration, bool LockedOut, bool TwoFactorEnabled, bool AwaitingApproval,
    IReadOnlyList<PractitionerRole>? RolesWaitingForApproval);

/// <summary>
/// A new account: the practitioner it speaks for and the roles asked for it. There is no password: the holder sets their own through
/// the one-time link shown to whoever approves the account.
/// </summary>
public sealed class NewAccountInput
{
    [Required(ErrorMessage = "Enter their first name")]
    [MaxLength(100, ErrorMessage = "First name must be 100 characters or fewer")]
    public string? GivenName { get; set; }

    [Required(ErrorMessage = "Enter their last name")]
    [MaxLength(100, ErrorMessage = "Last name must be 100 characters or fewer")]
    public string? FamilyName { get; set; }

    [Required(ErrorMessage = "Enter their email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
    [MaxLength(254, ErrorMessage = "Email address must be 254 characters or fewer")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter their job title")]
    [MaxLength(200, ErrorMessage = "Job title must be 200 characters or fewer")]
    public string? JobTitle { get; set; }

    [Required(ErrorMessage = "Select the agency they work for")]
    public Guid? AgencyId { get; set; }

    public List<PractitionerRole> Roles { get; set; } = [];

    [MaxLength(12, ErrorMessage = "A Social Work England registration number is SW followed by digits, like SW104281")]
    public string? Registration { get; set; }
}

public static class AccountQueries
{
    /// <summary>The accounts of one area, by family name. Accounts are not area-filtered by EF (sign-in reads them first), so the area is named here.</summary>
    public static async Task<IReadOnlyList<AccountView>> InAreaAsync(SafeguardDbContext db, Guid areaId, TimeProvider time, Guid? accountId,
        CancellationToken cancellationToken)
    {
        var rows = await (
            from u in db.Users
            where u.AreaId == areaId && (accountId == null || u.Id == accountId)
            join p in db.Practitioners on u.PractitionerId equals p.Id
            join a in db.Agencies on p.AgencyId equals a.Id
            orderby p.FamilyName, p.GivenName
            select new
            {
                u.Id, PractitionerId = p.Id, p.GivenName, p.FamilyName, p.Email, p.JobTitle, AgencyId = a.Id, Agency = a.Name, p.Roles,
                p.Registration, u.LockoutEnd, u.TwoFactorEnabled, u.AwaitingApproval,
            }).AsNoTracking().ToListAsync(cancellationToken);
        var practitioners = rows.Select(r => r.PractitionerId).ToList();
        var waiting = (await db.RoleGrants.Where(g => g.Status == RoleGrantStatus.Waiting && practitioners.Contains(g.PractitionerId)).AsNoTracking()
            .ToListAsync(cancellationToken)).ToDictionary(g => g.PractitionerId, g => g.Roles);
        var now = time.GetUtcNow();
        return [.. rows.Select(r => new AccountView(r.Id, r.PractitionerId, $"{r.GivenName} {r.FamilyName}", r.Email, r.JobTitle, r.AgencyId, r.Agency,
            r.Roles, r.Registration, r.LockoutEnd > now, r.TwoFactorEnabled, r.AwaitingApproval, waiting.GetValueOrDefault(r.PractitionerId)))];
    }

    public static async Task<AccountView?> FindAsync(SafeguardDbContext db, Guid areaId, Guid accountId, TimeProvider time,
        CancellationToken cancellationToken) =>
        (await InAreaAsync(db, areaId, time, accountId, cancellationToken)).SingleOrDefault();
}

/// <summary>/api/v1/admin/users: an area's administrators list and add accounts. Administrators do not see case records.</summary>
public static class AccountsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var accounts = api.MapGroup("/admin/users").WithTags("Accounts").RequireAuthorization(Policies.Administrator);

        accounts.MapGet("/", async (ClaimsPrincipal user, SafeguardDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
            TypedResults.Ok(await AccountQueries.InAreaAsync(db, user.AreaId()!.Value, time, null, cancellationToken)))
            .WithName("GetAccounts");

        accounts.MapGet("/{id:guid}", async Task<Results<Ok<AccountView>, NotFound>> (Guid id, ClaimsPrincipal user, SafeguardDbContext db,
            TimeProvider time, CancellationToken cancellationToken) =>
            await AccountQueries.FindAsync(db, user.AreaId()!.Value, id, time, cancellationToken) is { } account
                ? TypedResults.Ok(account)
                : TypedResults.NotFound())
            .WithName("GetAccount");

        accounts.MapPost("/", async Task<Created<AccountView>> (NewAccountInput input, ClaimsPrincipal user, AddAccount add,
            CancellationToken cancellationToken) =>
        {
            var account = await add.HandleAsync(user.AreaId()!.Value, user.PractitionerId(), input, cancellationToken);
            return TypedResults.Created($"/api/v1/admin/users/{account.Id}", account);
        }).WithName("AddAccount").WithDescription(
            "Add a practitioner and their sign-in account, with the roles asked for. The account cannot sign in until a second person approves it " +
            "(a social work qualified manager of children's social care, or the partner agency's named safeguarding lead), who is shown the one-time " +
            "link with which its holder sets their own password. An account that reaches case records must set up two-factor authentication at first sign-in.");
    }
}
