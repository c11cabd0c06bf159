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

    /// <summary>Signs in with the password, then with the authenticator code computed from the account's key.</summary>
    public static async Task SignInWithCodeAsync(HttpClient client, string email, string key, string password = SafeguardFactory.TestPassword)
    {
        using (var response = await PostSignInAsync(client, email, password))
        {
            if (response.Headers.Location?.OriginalString.StartsWith("/account/sign-in/code", StringComparison.Ordinal) != true)
            {
                throw new InvalidOperationException($"Sign-in as {email} did not ask for a code: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        using var code = await PostCodeAsync(client, "/account/sign-in/code", Totp.Now(key));
        if (code.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The code for {email} was refused: {(int)code.StatusCode}");
        }
    }

    /// <summary>Posts a form with one field, Code, to a page, with that page's anti-forgery token.</summary>
    public static Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string path, string code, string handler = "") =>
        PostFormAsync(client, path, new Dictionary<string, string> { ["Code"] = code }, handler);

    /// <summary>Posts a form to a page (optionally to one of its handlers) with the token from the page's own form.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields,
        string handler = "", string? tokenFrom = null)
    {
        var all = fields.ToList();
        all.Add(new("__RequestVerificationToken", await AntiforgeryTokenAsync(client, tokenFrom ?? path)));
        using var form = new FormUrlEncodedContent(all);
        var target = handler.Length == 0 ? path : $"{path}?handler={handler}";
        return await client.PostAsync(new Uri(target, UriKind.Relative), form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
