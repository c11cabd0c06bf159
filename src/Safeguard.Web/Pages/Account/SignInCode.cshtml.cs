using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Data.Identity;
using Safeguard.Web.Account;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Safeguard.Web.Pages.Account;

/// <summary>
/// The second step of signing in, for accounts with two-factor authentication: the code from the authenticator app
/// (<c>/account/sign-in/code</c>) or one of the recovery codes (<c>/account/sign-in/recovery-code</c>). Wrong codes of
/// either kind count towards the account's lockout, as wrong passwords do.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SafeguardApp.SignInLimit)]
public abstract class SecondStepModel(SignInManager<SafeguardUser> signIn, ILogger logger) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    protected SignInManager<SafeguardUser> SignInManager => signIn;

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? StartAgain() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return StartAgain();
        }

        var code = Normalise(Code);
        if (code is null)
        {
            ModelState.AddModelError(nameof(Code), MissingMessage);
            return Page();
        }

        var result = await SignInWithAsync(user, code);
        if (result.Succeeded)
        {
            logger.LogInformation("Signed in with a second factor: {User}", user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Second factor refused, account locked: {User}", user.Id);
            ModelState.AddModelError(string.Empty,
                "Your account is locked because of too many wrong codes or passwords. Try again in 15 minutes, or ask your administrator.");
            return Page();
        }

        logger.LogInformation("Wrong second factor: {User}", user.Id);
        ModelState.AddModelError(nameof(Code), WrongMessage);
        return Page();
    }

    protected abstract string MissingMessage { get; }

    protected abstract string WrongMessage { get; }

    protected abstract string? Normalise(string? code);

    protected abstract Task<SignInResult> SignInWithAsync(SafeguardUser user, string code);

    /// <summary>No password step in progress (or it expired after 5 minutes): sign in from the start.</summary>
    private RedirectToPageResult StartAgain() => RedirectToPage("/Account/SignIn", new { ReturnUrl });
}

public sealed class SignInCodeModel(SignInManager<SafeguardUser> signIn, ILogger<SignInCodeModel> logger) : SecondStepModel(signIn, logger)
{
    protected override string MissingMessage => "Enter the 6-digit code from your authenticator app";

    protected override string WrongMessage => "The code is not correct. Enter the code your authenticator app shows now";

    protected override string? Normalise(string? code) => TwoFactor.NormaliseCode(code);

    protected override Task<SignInResult> SignInWithAsync(SafeguardUser user, string code) =>
        SignInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
}

public sealed class SignInRecoveryCodeModel(SignInManager<SafeguardUser> signIn, UserManager<SafeguardUser> users, ILogger<SignInRecoveryCodeModel> logger)
    : SecondStepModel(signIn, logger)
{
    protected override string MissingMessage => "Enter one of your recovery codes";

    protected override string WrongMessage => "The recovery code is not correct, or it has been used. Check it and try again";

    protected override string? Normalise(string? code) =>
        string.IsNullOrWhiteSpace(code) || code.Length > 50 ? null : code.Replace(" ", "", StringComparison.Ordinal).Trim();

    /// <summary>Identity does not count wrong recovery codes towards lockout; we do, and refuse a locked account first.</summary>
    protected override async Task<SignInResult> SignInWithAsync(SafeguardUser user, string code)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return SignInResult.LockedOut;
        }

        var result = await SignInManager.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            return result;
        }

        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : result;
    }
}
