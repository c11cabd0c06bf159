using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Data.Identity;
using Safeguard.Web.Account;

namespace Safeguard.Web.Pages.Account;

/// <summary>Starts sign-in with the organisation's identity provider and finishes it on return.</summary>
public sealed class ExternalModel(SafeguardSignInManager signIn, UserManager<SafeguardUser> users) : PageModel
{
    public IActionResult OnPost(string? returnUrl)
    {
        var redirect = Url.Page("/Account/External", "Callback", new { returnUrl });
        var properties = signIn.ConfigureExternalAuthenticationProperties(ExternalSignIn.Scheme, redirect);
        return Challenge(properties, ExternalSignIn.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        var email = info?.Principal.FindFirstValue(ClaimTypes.Email) ?? info?.Principal.FindFirstValue("email");
        var user = email is null ? null : await users.FindByEmailAsync(email);
        if (info is null || user is null)
        {
            ModelState.AddModelError(string.Empty,
                "Your organisation signed you in, but there is no Safeguard account for that email address. Ask your administrator.");
            return Page();
        }

        if (await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError(string.Empty, "Your account is locked. Try again in 15 minutes, or ask your administrator.");
            return Page();
        }

        var result = await signIn.ExternalSignInAsync(user);
        return result.RequiresTwoFactor
            ? RedirectToPage("/Account/SignInCode", new { returnUrl })
            : LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
