using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Web.Account;
using Safeguard.Data.Identity;

namespace Safeguard.Web.Pages.Account;

[EnableRateLimiting(SafeguardApp.SignInLimit)]
public sealed class SignInModel(SignInManager<SafeguardUser> signIn, IAuthenticationSchemeProvider schemes, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool ExternalSignInAvailable { get; private set; }

    public async Task OnGetAsync() => ExternalSignInAvailable = await schemes.GetSchemeAsync(ExternalSignIn.Scheme) is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        ExternalSignInAvailable = await schemes.GetSchemeAsync(ExternalSignIn.Scheme) is not null;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Signing in issues a new cookie; any cookie presented before is not reused (no session fixation).
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Signed in: {User}", Input.Email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            // The password was right; Identity holds who is signing in (a short-lived cookie) until the code is given.
            return RedirectToPage("/Account/SignInCode", new { ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused, account locked: {User}", Input.Email);
            ModelState.AddModelError(string.Empty,
                "Your account is locked because of too many wrong passwords. Try again in 15 minutes, or ask your administrator.");
            return Page();
        }

        logger.LogInformation("Sign-in failed: {User}", Input.Email);
        ModelState.AddModelError("Input.Email", "Enter a correct email address and password");
        return Page();
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        [MaxLength(254, ErrorMessage = "Email address must be 254 characters or fewer")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        [MaxLength(200, ErrorMessage = "Password must be 200 characters or fewer")]
        public string? Password { get; set; }
    }
}
