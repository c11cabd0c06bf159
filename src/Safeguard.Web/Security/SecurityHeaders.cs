using System.Security.Cryptography;

namespace Safeguard.Web.Security;

/// <summary>
/// Security headers on every response. Scripts run only from this origin or with the per-request nonce (the
/// GOV.UK template's one inline line that marks JavaScript as available); nothing may frame the service.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "safeguard:csp-nonce";

    public static string CspNonce(this HttpContext context) =>
        context.Items[NonceKey] as string ?? string.Empty;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; " +
                "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!headers.ContainsKey("Cache-Control") && !context.Request.Path.StartsWithSegments("/assets")
                && !context.Request.Path.StartsWithSegments("/lib"))
            {
                // Pages hold personal data: never keep them in a shared or back-button cache.
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        await next(context);
    });
}
