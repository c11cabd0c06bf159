using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Data.Identity;
using Safeguard.Web.Account;

namespace Safeguard.Web.Pages.Account;

/// <summary>
/// Account security: turn two-factor authentication on (scan or type the key, then prove it with a code), see the
/// recovery codes once, get new ones, or turn it off with a current code. Administrators must keep it on.
/// </summary>
[EnableRateLimiting(SafeguardApp.SignInLimit)]
public sealed class SecurityModel(UserManager<SafeguardUser> users, SignInManager<SafeguardUser> signIn, ILogger<SecurityModel> logger) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public string? Code { get; set; }

    public bool TwoFactorEnabled { get; private set; }

    public bool MustSetUp { get; private set; }

    public AuthenticatorSetUp? SetUp { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Shown once, on the page that creates them; never stored in a form we can read back.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(await CurrentUserAsync()) ? Page() : Challenge();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (!await users.GetTwoFactorEnabledAsync(user) && await CheckCodeAsync(user, countFailure: false))
        {
            Succeeded(await users.SetTwoFactorEnabledAsync(user, true));
            NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
            // The code just given is the second factor for this session too, so an administrator can carry on.
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(TwoFactor.MethodClaim, TwoFactor.Passed)]);
            logger.LogInformation("Two-factor authentication turned on: {User}", user.Id);
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (await users.GetTwoFactorEnabledAsync(user) && await CheckCodeAsync(user, countFailure: true))
        {
            NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        }

        return await users.IsLockedOutAsync(user) ? await SignOutLockedAsync() : await LoadAsync(user) ? Page() : Challenge();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (await users.GetTwoFactorEnabledAsync(user) && await CheckCodeAsync(user, countFailure: true))
        {
            Succeeded(await users.SetTwoFactorEnabledAsync(user, false));
            // A new key, so the app set up before no longer gives codes that work; no recovery codes either.
            Succeeded(await users.ResetAuthenticatorKeyAsync(user));
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(TwoFactor.MethodClaim, TwoFactor.PasswordOnly)]);
            logger.LogInformation("Two-factor authentication turned off: {User}", user.Id);
            return RedirectToPage();
        }

        return await users.IsLockedOutAsync(user) ? await SignOutLockedAsync() : await LoadAsync(user) ? Page() : Challenge();
    }

    private Task<SafeguardUser?> CurrentUserAsync() => users.GetUserAsync(User);

    /// <summary>
    /// Checks the code from the app. Wrong codes given to change settings count towards the account's lockout as
    /// wrong sign-in codes do, so a session left open cannot be used to guess them.
    /// </summary>
    private async Task<bool> CheckCodeAsync(SafeguardUser user, bool countFailure)
    {
        var code = TwoFactor.NormaliseCode(Code);
        if (code is null)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
            return false;
        }

        if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return true;
        }

        if (countFailure)
        {
            await users.AccessFailedAsync(user);
        }

        ModelState.AddModelError(nameof(Code), "The code is not correct. Enter the code your authenticator app shows now");
        return false;
    }

    private async Task<IActionResult> SignOutLockedAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/account/sign-in");
    }

    private async Task<bool> LoadAsync(SafeguardUser? user)
    {
        if (user is null)
        {
            return false;
        }

        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
        MustSetUp = User.MustSetUpSecondFactor() && !TwoFactorEnabled;
        if (TwoFactorEnabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return true;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key changes the security stamp; this session is renewed so that it is not ended for it.
            Succeeded(await users.ResetAuthenticatorKeyAsync(user));
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        SetUp = AuthenticatorSetUp.For(await users.GetEmailAsync(user) ?? string.Empty, key!);
        return true;
    }

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
