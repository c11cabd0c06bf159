using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Safeguard.Web.Security;

/// <summary>
/// The API accepts the browser's sign-in cookie, so a page on another site could make the browser send a request
/// that changes a record with the user's cookie. A request with a JSON body cannot be sent that way without the
/// browser asking first (and being refused), but one with no body can. So every request that changes something
/// (anything but GET, HEAD, OPTIONS and TRACE) and is signed in by the cookie must show it comes from this service's
/// own pages: an <c>Origin</c> header equal to this service's origin (browsers send one with every such request),
/// or, when there is no <c>Origin</c>, <c>Sec-Fetch-Site: same-origin</c> or an <c>X-Requested-With</c> header, which
/// another site's page cannot add without the browser asking first. Otherwise the answer is 403 and nothing changes.
/// Requests signed in some other way than the cookie are not affected.
/// </summary>
public sealed class SameOriginApiFilter(ILogger<SameOriginApiFilter> logger) : IEndpointFilter
{
    public const string Title = "This request did not come from this service's own pages.";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (ChangesNothing(http.Request.Method) || !(await http.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Succeeded)
        {
            return await next(context);
        }

        var refusal = Refusal(http.Request);
        if (refusal is null)
        {
            return await next(context);
        }

        logger.LogWarning("Refused a cookie-authenticated {Method} {Path}: {Reason}", http.Request.Method, http.Request.Path, refusal);
        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: Title, detail: refusal + " Nothing was saved.");
    }

    private static bool ChangesNothing(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    /// <summary>Why the request is refused, or null when it shows it comes from this service's own pages.</summary>
    public static string? Refusal(HttpRequest request)
    {
        var own = $"{request.Scheme}://{request.Host.Value}";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return SameOrigin(origin, own)
                ? null
                : $"The request came from a page at {Shown(origin)}, not from {own}. Requests that change records and are signed in with the " +
                  "browser's cookie must come from this service's own pages.";
        }

        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return string.Equals(fetchSite, "same-origin", StringComparison.OrdinalIgnoreCase)
                ? null
                : $"The browser says the request came from another site (Sec-Fetch-Site: {Shown(fetchSite)}). Requests that change records and " +
                  "are signed in with the browser's cookie must come from this service's own pages.";
        }

        return request.Headers.ContainsKey("X-Requested-With")
            ? null
            : "The request has no Origin header, no Sec-Fetch-Site header and no X-Requested-With header, so it cannot be told apart from one " +
              $"another site's page sent with the browser's cookie. Send Origin: {own} (browsers do this themselves) or X-Requested-With.";
    }

    private static bool SameOrigin(string origin, string own) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var theirs)
        && Uri.TryCreate(own, UriKind.Absolute, out var ours)
        && theirs.PathAndQuery == "/" && theirs.UserInfo.Length == 0 && theirs.Fragment.Length == 0
        && !origin.EndsWith('/')
        && string.Equals(theirs.Scheme, ours.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(theirs.IdnHost, ours.IdnHost, StringComparison.OrdinalIgnoreCase)
        && theirs.Port == ours.Port;

    // The header is the caller's text: shown cut short, so a long one does not fill the answer or the log.
    private static string Shown(string value) => value.Length <= 100 ? value : value[..100] + "…";
}
