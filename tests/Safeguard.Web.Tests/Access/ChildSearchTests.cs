using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// Searching is not a way to find children: looking for a record is throttled per account, every search is in the audit
/// trail with what was searched for, repeated misses alert the data protection officer, and the officer's own pickers
/// need the exact name and date of birth, with % and _ read as letters.
/// </summary>
public abstract class ChildSearchTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<HttpClient> SignedInAsync(Agency agency, params PractitionerRole[] roles)
    {
        var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(agency, roles));
        return client;
    }

    private static Uri Find(string given, string family, string born) =>
        new($"/api/v1/children/find?givenName={Uri.EscapeDataString(given)}&familyName={Uri.EscapeDataString(family)}&dateOfBirth={born}", UriKind.Relative);

    private static Uri FindPage(string given, string family, int day, int month, int year) =>
        new($"/children/find?GivenName={Uri.EscapeDataString(given)}&FamilyName={Uri.EscapeDataString(family)}&DateOfBirth.Day={day}&DateOfBirth.Month={month}&DateOfBirth.Year={year}",
            UriKind.Relative);

    private static async Task<Guid> ChildAsync(HttpClient socialCare, string given, string family, string born) =>
        (await Json(await socialCare.PostAsJsonAsync("/api/v1/children", new { givenName = given, familyName = family, dateOfBirth = born, sex = "F", ethnicityCode = "WBRI" }),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();

    [Fact]
    public async Task LookingForRecords_IsThrottledPerAccount_OnTheApiAndThePageTogether()
    {
        var area = await factory.NewAreaAsync();
        using var officer = await SignedInAsync(area.Police);
        using var colleague = await SignedInAsync(area.Police);

        for (var i = 1; i <= 6; i++)
        {
            using var search = await officer.GetAsync(Find("Guess", "Testcase", $"2016-01-0{i}"));
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        }

        for (var i = 1; i <= 4; i++)
        {
            using var search = await officer.GetAsync(FindPage("Guess", "Testcase", i, 2, 2016));
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        }

        using (var eleventh = await officer.GetAsync(Find("Guess", "Testcase", "2016-03-01")))
        {
            Assert.Equal((HttpStatusCode)429, eleventh.StatusCode);
            Assert.True(eleventh.Headers.RetryAfter is not null || eleventh.Headers.Contains("Retry-After"));
        }

        using (var onThePage = await officer.GetAsync(FindPage("Guess", "Testcase", 2, 3, 2016)))
        {
            Assert.Equal((HttpStatusCode)429, onThePage.StatusCode);
        }

        // The blank form is not a search; another account has its own allowance.
        using (var blank = await officer.GetAsync(new Uri("/children/find", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        }

        using var theirs = await colleague.GetAsync(Find("Guess", "Testcase", "2016-03-01"));
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
    }

    [Fact]
    public async Task EverySearch_IsAuditedWithWhatWasSearchedFor_FoundOrNot()
    {
        var area = await factory.NewAreaAsync();
        using var socialCare = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using var officer = await SignedInAsync(area.Police);
        var childId = await ChildAsync(socialCare, "Searchy", "Testcase", "2015-06-07");

        Assert.Single((await Json(await officer.GetAsync(Find("Searchy", "Testcase", "2015-06-07")))).EnumerateArray());
        Assert.Empty((await Json(await officer.GetAsync(Find("Searchy", "Testcase", "2015-06-08")))).EnumerateArray());
        Assert.Contains("Is there a record", await officer.GetStringAsync(FindPage("Missy", "Pagecase", 9, 10, 2014)), StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        var stored = await db.AuditEntries.Where(a => a.Basis == "Finding whether a record exists").OrderBy(a => a.Id)
            .Select(a => new { a.ChildId, a.Detail }).ToListAsync();
        // What was searched for is sealed with the key of the child the search showed; a search that showed no one is as typed.
        var keys = await Safeguard.Data.Audit.AuditSeal.KeysAsync(db, [.. stored.Where(r => r.ChildId != null).Select(r => r.ChildId!.Value)], false,
            CancellationToken.None);
        Assert.All(stored.Where(r => r.ChildId != null), r => Assert.StartsWith(Safeguard.Data.Audit.AuditSeal.Prefix, r.Detail, StringComparison.Ordinal));
        var rows = stored.Select(r => new { r.ChildId, Detail = Safeguard.Data.Audit.AuditSeal.Open(r.Detail, r.ChildId is { } c ? keys.GetValueOrDefault(c) : null) })
            .ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(childId, rows[0].ChildId);
        Assert.Contains("\"Searchy\"", rows[0].Detail, StringComparison.Ordinal);
        Assert.Contains("2015-06-07", rows[0].Detail, StringComparison.Ordinal);
        Assert.Null(rows[1].ChildId);
        Assert.Contains("2015-06-08", rows[1].Detail, StringComparison.Ordinal);
        Assert.Contains("\"Missy\"", rows[2].Detail, StringComparison.Ordinal);
        Assert.Contains("\"Pagecase\"", rows[2].Detail, StringComparison.Ordinal);
        Assert.Contains("2014-10-09", rows[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedMisses_AlertTheDataProtectionOfficer_WhoSeesTheSearches_AndRecordsWhatTheyConcluded()
    {
        var area = await factory.NewAreaAsync();
        using var officer = await SignedInAsync(area.Police);
        using var dpo = await SignedInAsync(area.SocialCare, PractitionerRole.DataProtectionOfficer);

        for (var i = 1; i <= 4; i++)
        {
            Assert.Empty((await Json(await officer.GetAsync(Find("Hunted", "Testcase", $"2016-04-0{i}")))).EnumerateArray());
        }

        Assert.Empty((await Json(await dpo.GetAsync(new Uri("/api/v1/data-protection/search-alerts", UriKind.Relative)))).EnumerateArray());
        Assert.DoesNotContain("Repeated searches to look at", await dpo.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        Assert.Empty((await Json(await officer.GetAsync(Find("Hunted", "Testcase", "2016-04-05")))).EnumerateArray());
        // A sixth miss in the same hour raises no second alert.
        Assert.Empty((await Json(await officer.GetAsync(Find("Hunted", "Testcase", "2016-04-06")))).EnumerateArray());

        var alert = Assert.Single((await Json(await dpo.GetAsync(new Uri("/api/v1/data-protection/search-alerts", UriKind.Relative)))).EnumerateArray());
        Assert.Equal(5, alert.GetProperty("misses").GetInt32());
        var searches = alert.GetProperty("searches").EnumerateArray().ToList();
        Assert.Equal(5, searches.Count);
        Assert.All(searches, s => Assert.False(s.GetProperty("found").GetBoolean()));
        Assert.Contains("2016-04-05", searches[^1].GetProperty("terms").GetString(), StringComparison.Ordinal);
        var id = alert.GetProperty("id").GetGuid();
        var home = await dpo.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("Repeated searches to look at", home, StringComparison.Ordinal);
        Assert.Contains($"/data-protection/search-alerts/{id}", home, StringComparison.Ordinal);
        Assert.Contains("2016-04-03", await dpo.GetStringAsync(new Uri($"/data-protection/search-alerts/{id}", UriKind.Relative)), StringComparison.Ordinal);

        // Only the data protection officer sees and answers them.
        using (var notTheirs = await officer.GetAsync(new Uri("/api/v1/data-protection/search-alerts", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        }

        var blank = await Json(await dpo.PostAsJsonAsync($"/api/v1/data-protection/search-alerts/{id}/review", new { note = "" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("SG-BG-08", blank.GetProperty("ruleId").GetString());
        using (var reviewed = await HttpSignIn.PostFormAsync(dpo, $"/data-protection/search-alerts/{id}",
                   [new("ReviewNote", "Spoke to the officer's inspector: a baby not yet registered, searched under several dates.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        }

        Assert.Empty((await Json(await dpo.GetAsync(new Uri("/api/v1/data-protection/search-alerts", UriKind.Relative)))).EnumerateArray());
        Assert.Contains("a baby not yet registered", await dpo.GetStringAsync(new Uri($"/data-protection/search-alerts/{id}", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOfficersPickers_NeedTheExactNameAndDateOfBirth_AndReadWildcardsAsLetters()
    {
        var area = await factory.NewAreaAsync();
        using var socialCare = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker);
        using var dpo = await SignedInAsync(area.SocialCare, PractitionerRole.DataProtectionOfficer);
        var childId = await ChildAsync(socialCare, "Wilda", "Cardcase", "2013-02-03");

        foreach (var picker in new[] { "/data-protection/requests/new", "/audit" })
        {
            var exact = await dpo.GetStringAsync(new Uri($"{picker}?GivenName=wilda&FamilyName=CARDCASE&DateOfBirth.Day=3&DateOfBirth.Month=2&DateOfBirth.Year=2013", UriKind.Relative));
            Assert.Contains(childId.ToString(), exact, StringComparison.Ordinal);
            foreach (var (given, family) in new[] { ("%", "%"), ("_____", "________"), ("Wil", "Card"), ("%", "Cardcase") })
            {
                var guessed = await dpo.GetStringAsync(new Uri(
                    $"{picker}?GivenName={Uri.EscapeDataString(given)}&FamilyName={Uri.EscapeDataString(family)}&DateOfBirth.Day=3&DateOfBirth.Month=2&DateOfBirth.Year=2013", UriKind.Relative));
                Assert.DoesNotContain(childId.ToString(), guessed, StringComparison.Ordinal);
            }

            var noDate = await dpo.GetStringAsync(new Uri($"{picker}?GivenName=Wilda&FamilyName=Cardcase", UriKind.Relative));
            Assert.DoesNotContain(childId.ToString(), noDate, StringComparison.Ordinal);
            Assert.Contains("Enter the child&#x27;s date of birth", noDate, StringComparison.Ordinal);
            // The old picker's one box, given a wildcard, finds nothing either.
            Assert.DoesNotContain(childId.ToString(), await dpo.GetStringAsync(new Uri($"{picker}?q=%25", UriKind.Relative)), StringComparison.Ordinal);
        }

        // Children's social care search the area by part of a name, but % and _ are letters there too.
        foreach (var wildcard in new[] { "%", "_", "W%", "_ilda" })
        {
            Assert.DoesNotContain(childId.ToString(), await socialCare.GetStringAsync(new Uri($"/children?q={Uri.EscapeDataString(wildcard)}", UriKind.Relative)),
                StringComparison.Ordinal);
        }

        Assert.Contains(childId.ToString(), await socialCare.GetStringAsync(new Uri("/children?q=ilda", UriKind.Relative)), StringComparison.Ordinal);
    }
}

public sealed class SqliteChildSearchTests(SqliteFactory factory) : ChildSearchTests<SqliteFactory>(factory);

public sealed class PostgreSqlChildSearchTests(PostgreSqlFactory factory) : ChildSearchTests<PostgreSqlFactory>(factory);
