using System.Net;
using System.Text.RegularExpressions;

namespace Safeguard.Web.Tests.Support;

public static partial class HttpSignIn
{
    /// <summary>Reads the anti-forgery token from a page's form.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No anti-forgery token on {path}");
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password, bool withToken = true)
    {
        var fields = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password };
        if (withToken)
        {
            fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, "/account/sign-in");
        }

        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), form);
    }

    public static async Task SignInAsync(HttpClient client, string email, string password = SafeguardFactory.TestPassword)
    {
        using var response = await PostSignInAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
