using System.Security.Claims;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Data;
using Safeguard.Data.Identity;

namespace Safeguard.Web.Account;

/// <summary>
/// Sessions kept in the database (<see cref="SignInSession"/>). Signing in starts one and puts its id in the cookie;
/// every request with the cookie is answered only while the session is live, the account is not locked and its security
/// stamp is the one the session started with, so signing out, a changed password, reset two-factor authentication or a
/// lock end the session at once, on every node of the service.
/// </summary>
public static class Sessions
{
    /// <summary>The claim carrying the session's id in the sign-in cookie.</summary>
    public const string Claim = "safeguard:session";

    public static Guid? SessionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Claim), out var id) ? id : null;

    /// <summary>Starts a session for the account in the database; the caller puts its id in the cookie.</summary>
    public static Guid Start(SafeguardDbContext db, SafeguardUser user, DateTimeOffset now)
    {
        db.WorkInArea(user.AreaId);
        var id = Guid.CreateVersion7(now);
        db.SignInSessions.Add(new SignInSession { Id = id, AreaId = user.AreaId, UserId = user.Id, StartedAt = now });
        return id;
    }

    /// <summary>Ends the session a principal carries, if it has one, in the account's own area.</summary>
    public static async Task EndAsync(SafeguardDbContext db, ClaimsPrincipal user, DateTimeOffset now, string because)
    {
        if (user.SessionId() is not { } id || user.HomeAreaId() is not { } area)
        {
            return;
        }

        db.WorkInArea(area);
        var session = await db.SignInSessions.FirstOrDefaultAsync(s => s.Id == id);
        session?.End(now, because);
    }

    /// <summary>
    /// Runs before Identity's own re-check of the account: a cookie whose session has ended, whose account is locked or
    /// whose security stamp has changed is refused, and the cookie is cleared.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> next)
    {
        if (context.Principal is not { } principal || !await IsLiveAsync(context.HttpContext.RequestServices, principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await next(context);
    }

    private static async Task<bool> IsLiveAsync(IServiceProvider services, ClaimsPrincipal principal)
    {
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (principal.SessionId() is not { } sessionId || principal.AreaId() is not { } area
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }

        var stamp = principal.FindFirstValue(stampType);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        // A context of its own: the request's context must not take the area of a cookie that may yet be refused.
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area);
        return await (from s in db.SignInSessions.AsNoTracking()
                      where s.Id == sessionId && s.UserId == userId && s.EndedAt == null
                      join u in db.Users on s.UserId equals u.Id
                      where u.SecurityStamp == stamp && (u.LockoutEnd == null || u.LockoutEnd <= now)
                      select s.Id).AnyAsync();
    }

    /// <summary>Identity re-reads the account every minute and builds new claims: the session's id and the chosen area are carried over.</summary>
    public static void KeepSession(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal?.FindFirst(Claim) is { } session
            && !identity.HasClaim(c => c.Type == Claim))
        {
            identity.AddClaim(new Claim(Claim, session.Value));
        }

        // So is the area it chose to work in; whether it is still a member there is checked on every request (WorkingArea).
        if (context.NewPrincipal?.Identity is ClaimsIdentity refreshed && context.CurrentPrincipal?.FindFirst(WorkingArea.Claim) is { } chosen
            && !refreshed.HasClaim(c => c.Type == WorkingArea.Claim))
        {
            refreshed.AddClaim(new Claim(WorkingArea.Claim, chosen.Value));
        }
    }
}

/// <summary>
/// Keeps the data protection key ring (which protects the sign-in cookie, forms and Identity's short-lived cookies) in the
/// database, so every node of the service can read what another wrote, and a restart signs no one out.
/// </summary>
public sealed class DatabaseKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(x => XElement.Parse(x))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
