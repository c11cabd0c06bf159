using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Safeguard.Data.Identity;

namespace Safeguard.Web.Account;

/// <summary>
/// Identity's sign-in, with one addition: signing in through the organisation's identity provider still asks for
/// the authenticator code when the account has two-factor authentication on. The provider vouches for the email
/// address, not for a second factor.
/// </summary>
public sealed class SafeguardSignInManager(
    UserManager<SafeguardUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<SafeguardUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<SafeguardUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<SafeguardUser> confirmation)
    : SignInManager<SafeguardUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public Task<SignInResult> ExternalSignInAsync(SafeguardUser user) =>
        SignInOrTwoFactorAsync(user, isPersistent: false, loginProvider: ExternalSignIn.Scheme, bypassTwoFactor: false);
}
