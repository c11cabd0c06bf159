using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Data.Records;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Account;

/// <summary>One change to who may do what — an account made, roles asked for, approved or rejected, a link issued — as the data protection officer sees it.</summary>
public sealed record AccessChangeView(DateTimeOffset At, AuditAction Action, string Record, Guid? RecordId, string Account, string By, string? Origin, string? Detail);

/// <summary>Every change to accounts, practitioners' roles and grants of roles, from the audit trail, newest first.</summary>
public static class AccessChanges
{
    public const int Shown = 500;

    private static readonly string[] Kinds = [RecordKinds.Account.Name, RecordKinds.Practitioner.Name, RecordKinds.RoleGrant.Name];

    public static async Task<IReadOnlyList<AccessChangeView>> ListAsync(SafeguardDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.AuditEntries.Where(e => Kinds.Contains(e.RecordType)).OrderByDescending(e => e.Id).Take(Shown).AsNoTracking()
            .ToListAsync(cancellationToken);
        var recordIds = rows.Select(r => r.RecordId).OfType<Guid>().Distinct().ToList();
        var grants = await db.RoleGrants.Where(g => recordIds.Contains(g.Id)).Select(g => new { g.Id, g.PractitionerId }).ToDictionaryAsync(g => g.Id, g => g.PractitionerId,
            cancellationToken);
        var accounts = await db.Users.Where(u => recordIds.Contains(u.Id)).Select(u => new { u.Id, u.PractitionerId }).ToDictionaryAsync(u => u.Id, u => u.PractitionerId,
            cancellationToken);
        var people = rows.Select(r => r.PractitionerId).OfType<Guid>().Concat(recordIds).Concat(grants.Values).Concat(accounts.Values).Distinct().ToList();
        var names = await db.Practitioners.Where(p => people.Contains(p.Id)).Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Email })
            .ToDictionaryAsync(p => p.Id, p => $"{p.GivenName} {p.FamilyName} ({p.Email})", cancellationToken);
        string Subject(AuditEntry e)
        {
            Guid? practitioner = e.RecordId is not { } id ? null
                : e.RecordType == RecordKinds.RoleGrant.Name ? (grants.TryGetValue(id, out var g) ? g : null)
                : e.RecordType == RecordKinds.Account.Name ? (accounts.TryGetValue(id, out var a) ? a : null)
                : id;
            return practitioner is { } p && names.TryGetValue(p, out var name) ? name : "Unknown";
        }

        return [.. rows.Select(e => new AccessChangeView(e.At, e.Action, RecordKinds.Named(e.RecordType)?.Describe ?? e.RecordType, e.RecordId, Subject(e),
            e.PractitionerId is { } by ? names.GetValueOrDefault(by, "Unknown") : "The operator, on the server", e.Origin, e.Detail))];
    }
}

/// <summary>
/// /api/v1/approvals: grants of roles that reach case records waiting for the signed-in approver, and their decision; and
/// /api/v1/data-protection/access-changes: every such change, for the data protection officer.
/// </summary>
public static class ApprovalsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var approvals = api.MapGroup("/approvals").WithTags("Approvals").RequireAuthorization(Policies.AccessApprover);

        approvals.MapGet("/", async (ClaimsPrincipal user, RoleGrants grants, CancellationToken cancellationToken) =>
            TypedResults.Ok(await grants.WaitingForAsync(user.PractitionerId()!.Value, cancellationToken)))
            .WithName("GetApprovals")
            .WithDescription("Grants of roles that reach case records waiting for you: whose account, which roles, who asked and when.");

        approvals.MapPost("/{id:guid}/decision", async Task<Results<Ok<RoleGrantDecided>, NotFound>> (Guid id, RoleGrantDecisionInput input, ClaimsPrincipal user,
            RoleGrants grants, CancellationToken cancellationToken) =>
            await grants.DecideAsync(id, user.PractitionerId()!.Value, input, cancellationToken) is { } decided ? TypedResults.Ok(decided) : TypedResults.NotFound())
            .WithName("DecideApproval")
            .WithDescription("Approve or reject (with the reason) roles asked for an account. Approving a new account answers the one-time link with which its " +
                "holder sets their own password: give it to them yourself; it is shown only now and expires. The person who asked, the account's holder and " +
                "administrators cannot approve.");

        api.MapGet("/data-protection/access-changes", async (SafeguardDbContext db, RoleGrants grants, CancellationToken cancellationToken) =>
            TypedResults.Ok(new { Grants = await grants.AllAsync(null, cancellationToken), Changes = await AccessChanges.ListAsync(db, cancellationToken) }))
            .RequireAuthorization(Policies.DataProtection).WithTags("Data protection").WithName("GetAccessChanges")
            .WithDescription("Every grant of roles that reach case records, and every change to accounts and roles from the audit trail, newest first.");
    }
}
