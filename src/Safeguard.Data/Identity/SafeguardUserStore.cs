using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Safeguard.Data.Identity;

/// <summary>
/// Identity's store for accounts, for a database that keeps accounts inside their area. Signing in finds an account by
/// its email (or, at the second step and at each re-check of a session, by its id) before the request knows an area.
/// On PostgreSQL the accounts tables are under row-level security, so the store first asks the database which area the
/// account belongs to — through two narrow functions that return that area and nothing else — and then works in that
/// area, reading the account under the same policies as every other row. When the context already works in an area
/// (a signed-in request, an operator command for one area), nothing is asked: an account elsewhere is not found.
/// </summary>
public sealed class SafeguardUserStore(SafeguardDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<SafeguardUser, IdentityRole<Guid>, SafeguardDbContext, Guid>(context, describer)
{
    public override async Task<SafeguardUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (Guid.TryParse(userId, out var id))
        {
            await EnterAreaAsync(() => AccountAreas.OfAccountAsync(Context, id, cancellationToken));
        }

        return await base.FindByIdAsync(userId, cancellationToken);
    }

    public override async Task<SafeguardUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default)
    {
        await EnterAreaAsync(() => AccountAreas.OfAccountNamedAsync(Context, normalizedUserName, cancellationToken));
        return await base.FindByNameAsync(normalizedUserName, cancellationToken);
    }

    public override async Task<SafeguardUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default)
    {
        await EnterAreaAsync(() => AccountAreas.OfAccountNamedAsync(Context, normalizedEmail, cancellationToken));
        return await base.FindByEmailAsync(normalizedEmail, cancellationToken);
    }

    private async Task EnterAreaAsync(Func<Task<Guid?>> areaOfAccount)
    {
        if (Context.CurrentAreaId is null && Context.Database.IsNpgsql() && await areaOfAccount() is { } area)
        {
            Context.WorkInArea(area);
        }
    }
}

/// <summary>
/// Which area an account belongs to, whatever area the context works in: what sign-in needs before it knows the area,
/// and what keeps an email address to one account across all areas. On PostgreSQL this is all the service can learn of
/// an account outside its area (<c>safeguard_area_of_account_named</c>, <c>safeguard_area_of_account</c>, owned by the
/// tables' owner); on SQLite, a database of one area, it is a plain query.
/// </summary>
public static class AccountAreas
{
    /// <summary>The area of the account whose normalised user name or email is <paramref name="normalizedName"/>, if any.</summary>
    public static Task<Guid?> OfAccountNamedAsync(SafeguardDbContext db, string normalizedName, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql()
            ? db.Database.SqlQuery<Guid?>($"SELECT safeguard_area_of_account_named({normalizedName}) AS \"Value\"").SingleAsync(cancellationToken)
            : db.Users.Where(u => u.NormalizedUserName == normalizedName || u.NormalizedEmail == normalizedName)
                .Select(u => (Guid?)u.AreaId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The area of the account with this id, if there is one.</summary>
    public static Task<Guid?> OfAccountAsync(SafeguardDbContext db, Guid accountId, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql()
            ? db.Database.SqlQuery<Guid?>($"SELECT safeguard_area_of_account({accountId}) AS \"Value\"").SingleAsync(cancellationToken)
            : db.Users.Where(u => u.Id == accountId).Select(u => (Guid?)u.AreaId).FirstOrDefaultAsync(cancellationToken);
}
