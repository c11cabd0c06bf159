using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Safeguard.Data;
using Safeguard.Data.Identity;

namespace Safeguard.Web.Account;

/// <summary>
/// Identity's sign-in, with two additions. Signing in through the organisation's identity provider still asks for
/// the authenticator code when the account has two-factor authentication on: the provider vouches for the email
/// address, not for a second factor. And signing in with a password takes as long for an email address that has no
/// account as for one that has: the password is checked against a stand-in hash, so the time taken does not tell
/// anyone which email addresses have accounts. Every sign-in starts a session in the database (ending the one the
/// browser had, if any) and signing out ends it, for every node of the service (<see cref="Sessions"/>).
/// </summary>
public sealed class SafeguardSignInManager(
    UserManager<SafeguardUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<SafeguardUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<SafeguardUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<SafeguardUser> confirmation,
    SafeguardDbContext db,
    TimeProvider time)
    : SignInManager<SafeguardUser>(users, http, claims, options, logger, schemes, confirmation)
{
    // Made once per process by the service's own password hasher, so checking against it costs what checking a real
    // account's password costs, whatever the hasher's settings.
    private static string? _standInHash;

    /// <summary>An account made by an administrator signs in no way at all (password or identity provider) until a second person approves it.</summary>
    public override async Task<bool> CanSignInAsync(SafeguardUser user) => !user.AwaitingApproval && await base.CanSignInAsync(user);

    public Task<SignInResult> ExternalSignInAsync(SafeguardUser user) =>
        SignInOrTwoFactorAsync(user, isPersistent: false, loginProvider: ExternalSignIn.Scheme, bypassTwoFactor: false);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            CheckAgainstStandIn(password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task SignInWithClaimsAsync(SafeguardUser user, AuthenticationProperties? authenticationProperties,
        IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow();
        await Sessions.EndAsync(db, Context.User, now, "Signed in again");
        var session = Sessions.Start(db, user, now);
        await db.SaveChangesAsync();
        await base.SignInWithClaimsAsync(user, authenticationProperties,
            [.. additionalClaims.Where(c => c.Type != Sessions.Claim), new Claim(Sessions.Claim, session.ToString())]);
    }

    /// <summary>Signs out and ends the session in the database, so the cookie is refused from now on wherever it is presented.</summary>
    public override async Task SignOutAsync()
    {
        await Sessions.EndAsync(db, Context.User, time.GetUtcNow(), "Signed out");
        await db.SaveChangesAsync();
        await base.SignOutAsync();
    }

    /// <summary>Runs the password hasher as a real check would, and throws the answer away.</summary>
    private void CheckAgainstStandIn(string password)
    {
        var nobody = new SafeguardUser();
        var hash = _standInHash ??= UserManager.PasswordHasher.HashPassword(nobody, Guid.NewGuid().ToString("N"));
        _ = UserManager.PasswordHasher.VerifyHashedPassword(nobody, hash, password);
    }
}
