using System.Net;
using System.Text.RegularExpressions;

namespace Safeguard.Web.Tests.Referrals;

/// <summary>
/// "Make a referral" over HTTP as a browser walks it: every post carries the page's protected answers and anti-forgery
/// token, read from the page before, with the fields of the page shown.
/// </summary>
public sealed partial class ReferralFormWalk(HttpClient client)
{
    public const string Path = "/referrals/new";

    /// <summary>The page the form is on: the last page answered with 200.</summary>
    public string Html { get; private set; } = string.Empty;

    /// <summary>The page's text with tags removed and entities decoded, for assertions about what a person reads.</summary>
    public string Text => WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(Html, " "), " "));

    public string Heading => Heading1().Match(Html) is { Success: true } h1
        ? WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(h1.Value, " "), " ")).Trim()
        : string.Empty;

    public string Title => WebUtility.HtmlDecode(TitleTag().Match(Html).Groups[1].Value);

    public string State => StateField().Match(Html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("No protected answers on the page:\n" + Text);

    public bool HasErrors => Html.Contains("govuk-error-summary", StringComparison.Ordinal);

    /// <summary>The messages in the error summary, each with the field it links to.</summary>
    public IReadOnlyList<(string Href, string Message)> Errors =>
        [.. SummaryLink().Matches(Html).Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)))];

    public async Task StartAsync() => Html = await client.GetStringAsync(new Uri(Path, UriKind.Relative));

    public Task<HttpResponseMessage> ContinueAsync(params (string Key, string Value)[] fields) => PostAsync("Continue", fields);

    public Task<HttpResponseMessage> BackAsync() => PostAsync("Back");

    public Task<HttpResponseMessage> ChangeAsync(string page) => PostAsync("Change", ("page", page));

    public Task<HttpResponseMessage> SubmitAsync() => PostAsync("Submit");

    /// <summary>Answers every page in turn, failing with the page's errors if one refuses its answers.</summary>
    public async Task AnswerAllAsync(IEnumerable<(string Key, string Value)[]> pages)
    {
        foreach (var page in pages)
        {
            using var response = await ContinueAsync(page);
            if (response.StatusCode != HttpStatusCode.OK || HasErrors)
            {
                throw new InvalidOperationException($"'{Heading}' refused its answers ({(int)response.StatusCode}): "
                    + string.Join("; ", Errors.Select(e => e.Message)));
            }
        }
    }

    /// <summary>Posts to a handler with the given state (by default the page's own); a 200 answer becomes the page.</summary>
    public async Task<HttpResponseMessage> PostAsync(string handler, params (string Key, string Value)[] fields) =>
        await PostWithStateAsync(handler, State, fields);

    public async Task<HttpResponseMessage> PostWithStateAsync(string handler, string state, params (string Key, string Value)[] fields)
    {
        var token = TokenField().Match(Html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("No anti-forgery token on the page");
        var body = new List<KeyValuePair<string, string>>(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)))
        {
            new("state", state),
            new("__RequestVerificationToken", token),
        };
        using var form = new FormUrlEncodedContent(body);
        var response = await client.PostAsync(new Uri($"{Path}?handler={handler}", UriKind.Relative), form);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Html = await response.Content.ReadAsStringAsync();
        }

        return response;
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<h1[\s\S]*?</h1>")]
    private static partial Regex Heading1();

    [GeneratedRegex(@"<title>([\s\S]*?)</title>")]
    private static partial Regex TitleTag();

    [GeneratedRegex("name=\"state\" value=\"([^\"]+)\"")]
    private static partial Regex StateField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<li><a href=\"([^\"]*)\">([^<]*)</a></li>")]
    private static partial Regex SummaryLink();
}
