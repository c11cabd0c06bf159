using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Data;
using Safeguard.Web.Account;

namespace Safeguard.Web.Pages.Account;

/// <summary>
/// A new account's holder sets their own password with the one-time link their approver gave them. The link works once and expires;
/// a link that does not work says so and changes nothing. Setting the password is audited with the account.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SafeguardApp.SignInLimit)]
public sealed class SetPasswordModel(SetPasswordLinks links, SafeguardDbContext db, ILogger<SetPasswordModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Account { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool LinkWorks { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        LinkWorks = await links.FindAsync(Account, Code) is not null;
        Response.StatusCode = LinkWorks ? StatusCodes.Status200OK : StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await links.FindAsync(Account, Code);
        LinkWorks = user is not null;
        if (user is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter a password");
            return Page();
        }

        if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "Enter the same password twice");
            return Page();
        }

        // Nobody is signed in: the change is made, and audited, in the account's own area.
        db.WorkInArea(user.AreaId);
        var result = await links.UseAsync(Account, Code, Password);
        if (result is null)
        {
            LinkWorks = false;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Password), AddAccount.PasswordRule);
            return Page();
        }

        logger.LogInformation("Password set with a one-time link: {User}", user.Id);
        Done = true;
        return Page();
    }
}
