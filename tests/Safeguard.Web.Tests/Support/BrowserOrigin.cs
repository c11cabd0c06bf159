namespace Safeguard.Web.Tests.Support;

/// <summary>
/// Adds what a browser adds to every request that is not a GET or HEAD: an <c>Origin</c> header naming the origin
/// of the page that sent it, here the service's own. A request that already names an origin keeps it.
/// </summary>
public sealed class BrowserOrigin : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && !request.Headers.Contains("Origin")
            && request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            request.Headers.Add("Origin", uri.GetLeftPart(UriPartial.Authority));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
