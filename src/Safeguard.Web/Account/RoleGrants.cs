using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Identity;
using Safeguard.Domain.Access;
using Safeguard.Domain.Organisation;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Web.Account;

/// <summary>How long the one-time link to set a new account's password works (<c>Accounts:SetPasswordLinkHours</c>, 72 unless set).</summary>
public sealed class AccountLinkOptions
{
    public double SetPasswordLinkHours { get; set; } = 72;

    public TimeSpan Lifetime => TimeSpan.FromHours(SetPasswordLinkHours);
}

/// <summary>
/// The one-time link with which a new account's holder sets their own password. Only a hash of its secret is kept (in the account's
/// tokens), with when it stops working; using it once removes it. It is shown to the approver, once, when they approve the account.
/// </summary>
public sealed class SetPasswordLinks(UserManager<SafeguardUser> users, TimeProvider time, Microsoft.Extensions.Options.IOptions<AccountLinkOptions> options)
{
    public const string Path = "/account/set-password";
    private const string Provider = "Safeguard";
    private const string Name = "SetPasswordLink";

    public async Task<(string Link, DateTimeOffset ExpiresAt)> IssueAsync(SafeguardUser user)
    {
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var expires = time.GetUtcNow() + options.Value.Lifetime;
        Succeeded(await users.SetAuthenticationTokenAsync(user, Provider, Name,
            $"{Hash(secret)}|{expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        return ($"{Path}?account={user.Id}&code={secret}", expires);
    }

    /// <summary>The account the link is for, when it is one that works: issued, not used, not expired, and the account approved.</summary>
    public async Task<SafeguardUser?> FindAsync(Guid accountId, string? code)
    {
        if (string.IsNullOrEmpty(code) || await users.FindByIdAsync(accountId.ToString()) is not { AwaitingApproval: false } user)
        {
            return null;
        }

        var stored = await users.GetAuthenticationTokenAsync(user, Provider, Name);
        if (stored?.Split('|') is not [var hash, var seconds] || !long.TryParse(seconds, System.Globalization.CultureInfo.InvariantCulture, out var unix))
        {
            return null;
        }

        var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(Hash(code)));
        return matches && time.GetUtcNow() < DateTimeOffset.FromUnixTimeSeconds(unix) ? user : null;
    }

    /// <summary>Sets the password with the link and removes the link, so it works once. Null when the link does not work.</summary>
    public async Task<IdentityResult?> UseAsync(Guid accountId, string? code, string password)
    {
        if (await FindAsync(accountId, code) is not { } user)
        {
            return null;
        }

        if (await users.HasPasswordAsync(user))
        {
            Succeeded(await users.RemovePasswordAsync(user));
        }

        var result = await users.AddPasswordAsync(user, password);
        if (result.Succeeded)
        {
            Succeeded(await users.RemoveAuthenticationTokenAsync(user, Provider, Name));
        }

        return result;
    }

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The account could not be changed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>A grant waiting for its approver, or decided: whose account, which roles, who asked, who decided.</summary>
public sealed record RoleGrantView(Guid Id, Guid AccountId, string Name, string Email, string JobTitle, string Agency, IReadOnlyList<PractitionerRole> CurrentRoles,
    IReadOnlyList<PractitionerRole> Roles, bool NewAccount, string RequestedBy, DateTimeOffset RequestedAt, RoleGrantStatus Status, string? DecidedBy,
    DateTimeOffset? DecidedAt, string? Reason, DateTimeOffset? LinkExpiresAt);

public enum RoleGrantDecision
{
    Approve,
    Reject,
}

/// <summary>An approver's decision on a grant: approve, or reject with the reason.</summary>
public sealed class RoleGrantDecisionInput
{
    public RoleGrantDecision? Decision { get; set; }

    public string? Reason { get; set; }
}

/// <summary>What the approver is told: the decision and, for a new account, the one-time link to give its holder (shown only now).</summary>
public sealed record RoleGrantDecided(Guid Id, RoleGrantStatus Status, string? SetPasswordLink, DateTimeOffset? LinkExpiresAt);

/// <summary>
/// Asking for, listing and deciding grants of roles that reach case records (<see cref="RoleGrant"/>). Every step is written in one
/// save with its audit rows (the audit interceptor), so the data protection officer sees each one.
/// </summary>
public sealed class RoleGrants(SafeguardDbContext db, UserManager<SafeguardUser> users, SetPasswordLinks links, TimeProvider time)
{
    /// <summary>Asks for the roles; refused while another grant for the same account is waiting (SG-GRANT-06).</summary>
    public async Task<RoleGrant> AskAsync(Practitioner subject, Agency agency, IEnumerable<PractitionerRole> roles, bool newAccount, Guid? requestedBy,
        CancellationToken cancellationToken)
    {
        Require(!await db.RoleGrants.AnyAsync(g => g.PractitionerId == subject.Id && g.Status == RoleGrantStatus.Waiting, cancellationToken), "SG-GRANT-06",
            "A change to this account's roles is already waiting for approval", "Roles");
        var grant = RoleGrant.Ask(Guid.CreateVersion7(), subject, agency, roles, newAccount, requestedBy, time.GetUtcNow());
        db.RoleGrants.Add(grant);
        return grant;
    }

    /// <summary>Grants waiting for <paramref name="approverId"/>: those of their agency, when they are its approver; none otherwise.</summary>
    public async Task<IReadOnlyList<RoleGrantView>> WaitingForAsync(Guid approverId, CancellationToken cancellationToken)
    {
        var approver = await db.Practitioners.SingleOrDefaultAsync(p => p.Id == approverId, cancellationToken);
        var agency = approver is null ? null : await db.Agencies.SingleAsync(a => a.Id == approver.AgencyId, cancellationToken);
        if (approver is null || !RoleGrant.IsApproverFor(approver, agency!))
        {
            return [];
        }

        return await ViewsAsync(g => g.AgencyId == agency!.Id && g.Status == RoleGrantStatus.Waiting, cancellationToken);
    }

    /// <summary>Every grant of the area, newest first (the data protection officer's list), or one account's.</summary>
    public Task<IReadOnlyList<RoleGrantView>> AllAsync(Guid? practitionerId, CancellationToken cancellationToken) =>
        ViewsAsync(g => practitionerId == null || g.PractitionerId == practitionerId, cancellationToken);

    public async Task<RoleGrantDecided?> DecideAsync(Guid grantId, Guid approverId, RoleGrantDecisionInput input, CancellationToken cancellationToken)
    {
        var grant = await db.RoleGrants.SingleOrDefaultAsync(g => g.Id == grantId, cancellationToken);
        var approver = await db.Practitioners.SingleOrDefaultAsync(p => p.Id == approverId, cancellationToken);
        if (grant is null || approver is null)
        {
            return null;
        }

        var subject = await db.Practitioners.SingleAsync(p => p.Id == grant.PractitionerId, cancellationToken);
        var agency = await db.Agencies.SingleAsync(a => a.Id == grant.AgencyId, cancellationToken);
        var user = await users.Users.SingleAsync(u => u.PractitionerId == subject.Id && u.AreaId == subject.AreaId, cancellationToken);
        Require(input.Decision is not null, "SG-GRANT-05", "Select whether you approve or reject it", nameof(input.Decision));
        if (input.Decision == RoleGrantDecision.Reject)
        {
            grant.Reject(approver, subject, agency, input.Reason, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return new RoleGrantDecided(grant.Id, grant.Status, null, null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        grant.Approve(approver, subject, agency, time.GetUtcNow());
        string? link = null;
        if (grant.NewAccount)
        {
            user.AwaitingApproval = false;
            (link, var expires) = await links.IssueAsync(user);
            grant.LinkIssued(expires);
        }

        await db.SaveChangesAsync(cancellationToken);
        // The account's sessions pick up the new roles at their next check.
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return new RoleGrantDecided(grant.Id, grant.Status, link, grant.LinkExpiresAt);
    }

    private async Task<IReadOnlyList<RoleGrantView>> ViewsAsync(System.Linq.Expressions.Expression<Func<RoleGrant, bool>> which, CancellationToken cancellationToken)
    {
        var rows = await (
            from g in db.RoleGrants.Where(which)
            join p in db.Practitioners on g.PractitionerId equals p.Id
            join a in db.Agencies on g.AgencyId equals a.Id
            join u in db.Users on p.Id equals u.PractitionerId
            orderby g.RequestedAt descending
            select new { Grant = g, u.Id, p.GivenName, p.FamilyName, p.Email, p.JobTitle, Agency = a.Name, p.Roles })
            .AsNoTracking().ToListAsync(cancellationToken);
        var people = rows.SelectMany(r => new[] { r.Grant.RequestedBy, r.Grant.DecidedBy }).OfType<Guid>().Distinct().ToList();
        var names = await db.Practitioners.Where(p => people.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.JobTitle }).ToDictionaryAsync(p => p.Id, p => $"{p.GivenName} {p.FamilyName} ({p.JobTitle})",
                cancellationToken);
        string Named(Guid? id, string otherwise) => id is { } known ? names.GetValueOrDefault(known, "Someone no longer recorded") : otherwise;
        return [.. rows.Select(r => new RoleGrantView(r.Grant.Id, r.Id, $"{r.GivenName} {r.FamilyName}", r.Email, r.JobTitle, r.Agency, r.Roles, r.Grant.Roles,
            r.Grant.NewAccount, Named(r.Grant.RequestedBy, "The operator, on the server"), r.Grant.RequestedAt, r.Grant.Status,
            r.Grant.DecidedAt is null ? null : Named(r.Grant.DecidedBy, "The operator, on the server"), r.Grant.DecidedAt, r.Grant.Reason, r.Grant.LinkExpiresAt))];
    }
}
