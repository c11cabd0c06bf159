using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.FamilyHelp;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.DataProtection;

/// <summary>
/// The data protection officer's requests through the API, on each database: a subject access export with third parties
/// redacted, erasure refused with reasons while the record must be kept, rectification not made with the person's
/// statement added to the record, due dates one month after receipt, and the overdue flagged. Today is 24 November 2026.
/// </summary>
public abstract class DataProtectionApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private const string Requests = "/api/v1/data-protection/requests";
    private static readonly string[] HarmTypes = ["EmotionalAbuse"];
    private static readonly string[] HarmContexts = ["InsideTheHome"];
    private static readonly string[] Neglect = ["Neglect"];

    private sealed record Setup(TestArea Area, HttpClient Officer, HttpClient Manager, Guid ChildId);

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A neighbour's concern about Ellie, naming her mother and her brother, phoned in to the front door.</summary>
    private async Task<Setup> SetupAsync()
    {
        var area = await factory.NewAreaAsync();
        var manager = factory.NewClient();
        await HttpSignIn.SignInAsync(manager, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor));
        var officer = factory.NewClient();
        await HttpSignIn.SignInAsync(officer, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.DataProtectionOfficer));
        var referral = await Json(await manager.PostAsJsonAsync("/api/v1/referrals", new Dictionary<string, object?>
        {
            ["child"] = new { givenName = "Ellie", familyName = "Testcase", dateOfBirth = "2017-09-14", sex = "F", ethnicityCode = "MWBC" },
            ["concerns"] = "Priya Referrerson heard Jo Testcase shouting at Ellie and Tommy Brotherton late at night; call Priya on 07700 900123.",
            ["harmTypes"] = HarmTypes,
            ["harmContexts"] = HarmContexts,
            ["familyKnows"] = false,
            ["whyFamilyNotToldOrAgreed"] = "The neighbour fears retaliation.",
            ["urgency"] = "Standard",
            ["onBehalfOf"] = new { name = "Priya Referrerson", role = "next-door neighbour", phone = "07700 900123" },
            ["adults"] = new[] { new { name = "Jo Testcase", relationship = "Mother", livesWithChild = true, parentalResponsibility = true } },
            ["otherChildren"] = new[] { new { name = "Tommy Brotherton", dateOfBirth = "2019-01-02" } },
        }), HttpStatusCode.Created);
        return new Setup(area, officer, manager, referral.GetProperty("childId").GetGuid());
    }

    private static async Task<JsonElement> RecordAsync(Setup setup, string kind, string receivedOn, string requester = "Jo Testcase", string? details = null) =>
        await Json(await setup.Officer.PostAsJsonAsync(Requests, new
        {
            childId = setup.ChildId, kind, requesterName = requester, relationship = "Parent", receivedOn, details,
        }), HttpStatusCode.Created);

    /// <summary>The officer records how the requester's identity was checked, which a subject access export needs first.</summary>
    private static async Task IdentityCheckedAsync(HttpClient officer, Guid id) =>
        await Json(await officer.PostAsJsonAsync($"{Requests}/{id}/identity-check", new { how = "Passport and a council tax bill seen at the front desk." }));

    [Fact]
    public async Task ASubjectAccessExport_IsRefused_UntilTheRequestersIdentityCheckIsRecorded_OnTheApiAndThePage()
    {
        var setup = await SetupAsync();
        var id = (await RecordAsync(setup, "SubjectAccess", "2026-11-20")).GetProperty("id").GetGuid();

        var refused = await Json(await setup.Officer.GetAsync(new Uri($"{Requests}/{id}/export", UriKind.Relative)), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("SG-DPR-20", refused.GetProperty("ruleId").GetString());
        var page = await setup.Officer.GetStringAsync(new Uri($"/data-protection/requests/{id}/export", UriKind.Relative));
        Assert.Contains("govuk-error-summary", page, StringComparison.Ordinal);
        Assert.Contains("identity was checked before producing the export", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ellie Testcase", page, StringComparison.Ordinal);
        var blank = await Json(await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/identity-check", new { how = " " }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("SG-DPR-20", blank.GetProperty("ruleId").GetString());

        // On the request's page: how, and when; the officer recording it is who checked.
        using (var recorded = await HttpSignIn.PostFormAsync(setup.Officer, $"/data-protection/requests/{id}", [
            new("IdentityCheck", "Passport and a utility bill seen in person at the civic centre."), new("IdentityCheckedOn.Day", "21"),
            new("IdentityCheckedOn.Month", "11"), new("IdentityCheckedOn.Year", "2026")], handler: "IdentityCheck"))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        var request = await Json(await setup.Officer.GetAsync(new Uri($"{Requests}/{id}", UriKind.Relative)));
        Assert.Equal("Passport and a utility bill seen in person at the civic centre.", request.GetProperty("identityCheck").GetString());
        Assert.Equal("2026-11-21", request.GetProperty("identityCheckedOn").GetString());
        Assert.NotEqual(JsonValueKind.Null, request.GetProperty("identityCheckedBy").ValueKind);
        Assert.Contains("Ellie Testcase", await setup.Officer.GetStringAsync(new Uri($"/data-protection/requests/{id}/export", UriKind.Relative)),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubjectAccessExport_RedactsTheReferrerAndOtherChildren_ShowsTheChild_AndIsAudited()
    {
        var setup = await SetupAsync();
        var request = await RecordAsync(setup, "SubjectAccess", "2026-11-20");
        var id = request.GetProperty("id").GetGuid();
        Assert.Equal("2026-12-20", request.GetProperty("dueOn").GetString());
        Assert.False(request.GetProperty("isOverdue").GetBoolean());
        await IdentityCheckedAsync(setup.Officer, id);

        var export = await Json(await setup.Officer.GetAsync(new Uri($"{Requests}/{id}/export", UriKind.Relative)));
        var json = export.GetRawText();
        foreach (var withheld in new[] { "Priya", "Referrerson", "07700 900123", "next-door neighbour", "Tommy", "Brotherton" })
        {
            Assert.DoesNotContain(withheld, json, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal("Ellie Testcase", export.GetProperty("child").GetProperty("name").GetString());
        Assert.Equal("2017-09-14", export.GetProperty("child").GetProperty("dateOfBirth").GetString());
        Assert.Equal("[Referrer]", export.GetProperty("referrals")[0].GetProperty("referrer").GetString());
        // The mother asked: her own name is hers to see.
        Assert.Contains("Jo Testcase", export.GetProperty("referrals")[0].GetProperty("concerns").GetString(), StringComparison.Ordinal);
        Assert.Contains("[Another child]", json, StringComparison.Ordinal);

        var page = await setup.Officer.GetStringAsync(new Uri($"/data-protection/requests/{id}/export", UriKind.Relative));
        Assert.Contains("Ellie Testcase", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Referrerson", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Tommy Brotherton", page, StringComparison.Ordinal);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(setup.Area.Area.Id);
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.RecordType == "SubjectAccessExport" && a.RecordId == id && a.ChildId == setup.ChildId));
        }

        using (var early = await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/decision", new { outcome = "Released" }))
        {
            var problem = await Json(early, HttpStatusCode.UnprocessableEntity);
            Assert.Equal("SG-DPR-10", problem.GetProperty("ruleId").GetString());
        }

        var extended = await Json(await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/extension", new { reason = "Four years of records to review." }));
        Assert.Equal("2027-02-20", extended.GetProperty("dueOn").GetString());
        await Json(await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/review", new { reviewedOn = "2026-11-24" }));
        var released = await Json(await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/decision", new { outcome = "Released", releasedOn = "2026-11-24" }));
        Assert.Equal("Released", released.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task AnErasureRequest_WhileTheRecordMustBeKept_IsRefusedWithReasons_AndAnOldOneIsOverdue()
    {
        var setup = await SetupAsync();
        var request = await RecordAsync(setup, "Erasure", "2026-10-01", details: "Delete the referral: it was malicious.");
        var id = request.GetProperty("id").GetGuid();
        Assert.Equal("2026-11-01", request.GetProperty("dueOn").GetString());

        var list = await Json(await setup.Officer.GetAsync(new Uri($"{Requests}?open=true", UriKind.Relative)));
        Assert.True(Assert.Single(list.EnumerateArray()).GetProperty("isOverdue").GetBoolean());
        Assert.Contains("Overdue", await setup.Officer.GetStringAsync(new Uri("/data-protection", UriKind.Relative)), StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // The list names the child, so it is in the child's audit trail, as is opening the request.
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(setup.Area.Area.Id);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.ChildId == setup.ChildId && a.Detail == "Listed data protection requests"));
            await setup.Officer.GetStringAsync(new Uri($"/data-protection/requests/{id}", UriKind.Relative));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.ChildId == setup.ChildId && a.RecordType == "DataProtectionRequest" && a.RecordId == id
                && a.Action == Safeguard.Data.Audit.AuditAction.Read));
        }


        using (var late = await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/extension", new { reason = "Complex." }))
        {
            Assert.Equal("SG-DPR-05", (await Json(late, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        using (var erased = await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/decision", new { outcome = "Erased", reasons = "Asked to." }))
        {
            Assert.Equal("application/problem+json", erased.Content.Headers.ContentType?.MediaType);
            Assert.Equal("SG-DPR-13", (await Json(erased, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        }

        const string reasons = "The record is kept under the local authority's legal obligations to children in need until Ellie is 25.";
        var refused = await Json(await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/decision", new { outcome = "RefusedLegalObligation", reasons }));
        Assert.Equal("RefusedLegalObligation", refused.GetProperty("outcome").GetString());
        Assert.Equal(reasons, refused.GetProperty("decisionReasons").GetString());
        Assert.False(refused.GetProperty("isOverdue").GetBoolean());
    }

    [Fact]
    public async Task ARectificationNotMade_AddsThePersonsStatementToTheChronology()
    {
        var setup = await SetupAsync();
        var id = (await RecordAsync(setup, "Rectification", "2026-11-23", details: "I was not shouting; the TV was on.")).GetProperty("id").GetGuid();

        await Json(await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/decision", new
        {
            outcome = "NotCorrected",
            reasons = "The referral records what the referrer said, accurately.",
            personsStatement = "I was not shouting; the TV was on loud.",
        }));

        var chronology = (await Json(await setup.Manager.GetAsync(new Uri($"/api/v1/children/{setup.ChildId}/chronology", UriKind.Relative)))).GetRawText();
        Assert.Contains("I was not shouting; the TV was on loud.", chronology, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APractitionerWhoReferred_IsTheReferrerEverywhereInTheExport_NotTheirJob()
    {
        var area = await factory.NewAreaAsync();
        using var dsl = factory.NewClient();
        var dslEmail = await factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead);
        await HttpSignIn.SignInAsync(dsl, dslEmail);
        using var officer = factory.NewClient();
        await HttpSignIn.SignInAsync(officer, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.DataProtectionOfficer));
        var referral = await Json(await dsl.PostAsJsonAsync("/api/v1/referrals", new Dictionary<string, object?>
        {
            ["child"] = new { givenName = "Ellie", familyName = "Testcase", dateOfBirth = "2017-09-14", sex = "F", ethnicityCode = "MWBC" },
            ["concerns"] = "Ellie arrives hungry.",
            ["harmTypes"] = Neglect,
            ["harmContexts"] = HarmContexts,
            ["familyKnows"] = true,
            ["familyAgrees"] = true,
            ["urgency"] = "Standard",
        }), HttpStatusCode.Created);
        var setup = new Setup(area, officer, dsl, referral.GetProperty("childId").GetGuid());
        var id = (await RecordAsync(setup, "SubjectAccess", "2026-11-24", requester: "Ellie Testcase")).GetProperty("id").GetGuid();
        await IdentityCheckedAsync(officer, id);

        var export = await Json(await officer.GetAsync(new Uri($"{Requests}/{id}/export", UriKind.Relative)));

        var entry = Assert.Single(export.GetProperty("chronology").EnumerateArray());
        Assert.Equal("[Referrer]", entry.GetProperty("recordedBy").GetString());
        Assert.DoesNotContain("Tester", export.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(dslEmail, export.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RecordingARequestWithNothingFilledIn_ShowsTheErrorSummary()
    {
        var setup = await SetupAsync();
        var path = $"/data-protection/requests/new?childId={setup.ChildId}";

        using var response = await HttpSignIn.PostFormAsync(setup.Officer, path, [new("ChildId", setup.ChildId.ToString())]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Kind\">Choose what kind of request it is.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#RequesterName\">Enter the name of the person who made the request.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#ReceivedOn\">Enter the date the request was received.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheDataProtectionOfficer_SeesTheRequests()
    {
        var setup = await SetupAsync();
        await RecordAsync(setup, "SubjectAccess", "2026-11-20");
        using var school = factory.NewClient();
        await HttpSignIn.SignInAsync(school, await factory.NewAccountAsync(setup.Area.School, PractitionerRole.DesignatedSafeguardingLead));

        foreach (var client in new[] { setup.Manager, school })
        {
            using var list = await client.GetAsync(new Uri(Requests, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            using var create = await client.PostAsJsonAsync(Requests, new { childId = setup.ChildId, kind = "Erasure" });
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        }

        using var noChild = await setup.Officer.PostAsJsonAsync(Requests, new { kind = "SubjectAccess", requesterName = "Jo", relationship = "Parent",
            receivedOn = "2026-11-20" });
        Assert.Equal("SG-DPR-17", (await Json(noChild, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
    }
}

public sealed class SqliteDataProtectionApiTests(FamilyHelpSqliteFactory factory) : DataProtectionApiTests<FamilyHelpSqliteFactory>(factory);

public sealed class PostgreSqlDataProtectionApiTests(FamilyHelpPostgreSqlFactory factory) : DataProtectionApiTests<FamilyHelpPostgreSqlFactory>(factory);
