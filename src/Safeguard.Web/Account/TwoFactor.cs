using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Html;
using QRCoder;
using Safeguard.Domain.Organisation;

namespace Safeguard.Web.Account;

/// <summary>
/// Two-factor authentication with an authenticator app (TOTP, RFC 6238), through ASP.NET Core Identity's own
/// authenticator token provider. Identity marks a session that passed the second factor with the claim
/// <c>amr</c> = <c>mfa</c> (RFC 8176), and one signed in with a password alone with <c>amr</c> = <c>pwd</c>.
/// </summary>
public static class TwoFactor
{
    public const string MethodClaim = "amr";
    public const string Passed = "mfa";
    public const string PasswordOnly = "pwd";
    public const string SetUpPath = "/account/security";

    public static bool PassedSecondFactor(this ClaimsPrincipal user) => user.HasClaim(MethodClaim, Passed);

    /// <summary>
    /// Administrators change who may see what, and accounts with roles that reach case records (<see cref="CaseRoles"/>) see children's
    /// records, so both must use a second factor: until this session has passed one, such an account may only set it up (or sign out).
    /// Only the seeder's synthetic demo and test accounts are let off for case roles (<see cref="SafeguardClaims.TwoFactorOptional"/>).
    /// </summary>
    public static bool MustSetUpSecondFactor(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && !user.PassedSecondFactor()
        && (user.Has(PractitionerRole.Administrator)
            || (CaseRoles.Reach(user.PractitionerRoles()) && !user.HasClaim(SafeguardClaims.TwoFactorOptional, "true")));

    /// <summary>What an administrator who must set up the second factor may still reach.</summary>
    private static readonly PathString[] OpenBeforeSetUp =
        [SetUpPath, "/account/sign-out", "/account/sign-in", "/status", "/error", "/health"];

    /// <summary>Enforces <see cref="MustSetUpSecondFactor"/> on every page and endpoint: pages go to set-up, the API answers 403.</summary>
    public static IApplicationBuilder UseTwoFactorForAdministrators(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.User.MustSetUpSecondFactor() || OpenBeforeSetUp.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Set up two-factor authentication first.",
                detail: $"Administrators and accounts that reach case records must use two-factor authentication. Set it up at {SetUpPath}, then sign in again with your code.")
                .ExecuteAsync(context);
            return;
        }

        context.Response.Redirect(SetUpPath);
    });

    /// <summary>Copies how the session signed in onto the principal Identity rebuilds when it re-checks the security stamp.</summary>
    public static Task KeepSignInMethod(Microsoft.AspNetCore.Identity.SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is not null)
        {
            foreach (var claim in context.CurrentPrincipal.FindAll(c => c.Type is MethodClaim or ClaimTypes.AuthenticationMethod))
            {
                if (!identity.HasClaim(claim.Type, claim.Value))
                {
                    identity.AddClaim(new Claim(claim.Type, claim.Value));
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Takes a code as people type it ("123 456", "123-456") and gives its digits, or null if it is not 6 digits.</summary>
    public static string? NormaliseCode(string? code)
    {
        var digits = new string((code ?? string.Empty).Where(c => c is not (' ' or '-')).ToArray());
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}

/// <summary>What someone needs to add Safeguard to their authenticator app: the shared key, the otpauth URI and its QR code.</summary>
public sealed record AuthenticatorSetUp(string FormattedKey, string Uri, IHtmlContent QrCode)
{
    public const string Issuer = "Safeguard";

    public static AuthenticatorSetUp For(string email, string key)
    {
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6");
        return new AuthenticatorSetUp(FormatKey(key), uri, QrSvg(uri));
    }

    /// <summary>The key in groups of four, as authenticator apps show it: "ABCD EFGH ...".</summary>
    public static string FormatKey(string key) =>
        string.Join(' ', key.Chunk(4).Select(group => new string(group)));

    /// <summary>
    /// The QR code as inline SVG: one path of dark modules, no script and no style attribute, so the page's
    /// Content-Security-Policy (scripts and styles from this origin or with the nonce only) is untouched.
    /// </summary>
    private static HtmlString QrSvg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        return new HtmlString(string.Create(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" class="app-qr-code" viewBox="0 0 {size} {size}" width="{size * 5}" height="{size * 5}" role="img" aria-label="QR code to scan with your authenticator app" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#ffffff"/><path fill="#0b0c0c" d="{path}"/></svg>"""));
    }
}
