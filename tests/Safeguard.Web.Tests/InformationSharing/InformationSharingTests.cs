using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.InformationSharing;

/// <summary>
/// Information shared about a child is on the record: automatically with a referral, an Operation Encompass notification and
/// the transfer package, and by hand from the child's record (page and API), each with what, with whom, when, the lawful
/// basis and consent or why not.
/// </summary>
public abstract class InformationSharingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    private static object AReferral(string givenName, bool familyKnows, string? why) => new
    {
        child = new { givenName, familyName = "Sharecase", dateOfBirth = "2015-05-05", sex = "F", ethnicityCode = "WBRI" },
        concerns = "She says there is no food at home.",
        harmTypes = new List<string> { "Neglect" },
        harmContexts = new List<string> { "InsideTheHome" },
        familyKnows,
        familyAgrees = familyKnows ? true : (bool?)null,
        whyFamilyNotToldOrAgreed = why,
        urgency = "Standard",
    };

    private async Task<(TestArea Area, HttpClient Dsl, HttpClient Worker)> TeamAsync()
    {
        var area = await factory.NewAreaAsync();
        var dsl = factory.NewClient();
        await HttpSignIn.SignInAsync(dsl, await factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead));
        var worker = factory.NewClient();
        await HttpSignIn.SignInAsync(worker, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor));
        return (area, dsl, worker);
    }

    [Fact]
    public async Task AReferral_RecordsTheSchoolSharingWithTheLocalAuthority_WithTheFamilysConsentOrWhyNot()
    {
        var (area, dsl, worker) = await TeamAsync();
        var told = await Json(await dsl.PostAsJsonAsync("/api/v1/referrals", AReferral("Told", true, null)), HttpStatusCode.Created);
        var notTold = await Json(await dsl.PostAsJsonAsync("/api/v1/referrals", AReferral("Untold", false, "Mother would stop her coming to school.")),
            HttpStatusCode.Created);

        var first = Assert.Single((await Json(await worker.GetAsync(new Uri($"/api/v1/children/{told.GetProperty("childId").GetGuid()}/information-sharing",
            UriKind.Relative)))).EnumerateArray());
        var second = Assert.Single((await Json(await worker.GetAsync(new Uri($"/api/v1/children/{notTold.GetProperty("childId").GetGuid()}/information-sharing",
            UriKind.Relative)))).EnumerateArray());

        Assert.Equal(area.School.Name, first.GetProperty("sharedBy").GetString());
        Assert.Equal(area.SocialCare.Name, first.GetProperty("sharedWith").GetString());
        Assert.Equal("SafeguardingChildAtRisk", first.GetProperty("basis").GetString());
        Assert.True(first.GetProperty("consentSought").GetBoolean());
        Assert.True(first.GetProperty("consentGiven").GetBoolean());
        Assert.Equal("Referral", first.GetProperty("sourceType").GetString());
        Assert.Contains(told.GetProperty("reference").GetString()!, first.GetProperty("whatWasShared").GetString(), StringComparison.Ordinal);
        Assert.False(second.GetProperty("consentSought").GetBoolean());
        Assert.Equal("Mother would stop her coming to school.", second.GetProperty("whyNoConsent").GetString());
    }

    [Fact]
    public async Task AnEncompassNotification_RecordsThePoliceSharingWithTheSchool()
    {
        var (area, _, worker) = await TeamAsync();
        using var police = factory.NewClient();
        await HttpSignIn.SignInAsync(police, await factory.NewAccountAsync(area.Police));
        var sent = await Json(await police.PostAsJsonAsync("/api/v1/encompass", new
        {
            child = new { givenName = "Noor", familyName = "Sharecase", dateOfBirth = "2018-06-01", sex = "F", ethnicityCode = "WBRI" },
            settingAgencyId = area.School.Id,
            incidentAt = "2026-11-20T21:30:00+00:00",
            childPresent = true,
            summary = "Police attended a domestic incident; Noor was present.",
        }), HttpStatusCode.Created);

        var shared = Assert.Single((await Json(await worker.GetAsync(new Uri($"/api/v1/children/{sent.GetProperty("childId").GetGuid()}/information-sharing",
            UriKind.Relative)))).EnumerateArray());

        Assert.Equal(area.Police.Name, shared.GetProperty("sharedBy").GetString());
        Assert.Equal(area.School.Name, shared.GetProperty("sharedWith").GetString());
        Assert.False(shared.GetProperty("consentSought").GetBoolean());
        Assert.Contains("Operation Encompass", shared.GetProperty("whyNoConsent").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTransferPackageSharedWithTheReceivingAuthority_IsRecorded()
    {
        var (_, dsl, worker) = await TeamAsync();
        var referral = await Json(await dsl.PostAsJsonAsync("/api/v1/referrals", AReferral("Mover", true, null)), HttpStatusCode.Created);
        var episodeId = (await Json(await worker.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/decision",
            new { outcome = "Section17Assessment", reasons = "Assess.", primaryNeedCode = "N1" }))).GetProperty("episodeId").GetGuid();
        await Json(await worker.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/milestones", new { kind = "MovedToAnotherArea", note = "Moved to Southvale." }));

        await Json(await worker.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/milestones",
            new { kind = "InformationSharedWithReceivingArea", note = "Sent by secure email.", sharedWith = "Southvale Council children's services" }));

        var shared = (await Json(await worker.GetAsync(new Uri($"/api/v1/children/{referral.GetProperty("childId").GetGuid()}/information-sharing",
            UriKind.Relative)))).EnumerateArray().ToList();
        var package = Assert.Single(shared, s => s.GetProperty("sourceType").GetString() == "Episode");
        Assert.Equal("Southvale Council children's services", package.GetProperty("sharedWith").GetString());
        Assert.Equal("PublicTask", package.GetProperty("basis").GetString());
        Assert.Contains("Transfer package", package.GetProperty("whatWasShared").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordedByHandThroughTheApi_IsOnTheRecordTheChronologyAndTheAuditTrail()
    {
        var (area, dsl, worker) = await TeamAsync();
        var referral = await Json(await dsl.PostAsJsonAsync("/api/v1/referrals", AReferral("Handmade", true, null)), HttpStatusCode.Created);
        var childId = referral.GetProperty("childId").GetGuid();

        var saved = await Json(await worker.PostAsJsonAsync($"/api/v1/children/{childId}/information-sharing", new
        {
            whatWasShared = "The outcome of the referral.",
            sharedWithAgencyId = area.School.Id,
            sharedWithPerson = "Ms J Khan, designated safeguarding lead",
            basis = "PublicTask",
            consentSought = false,
            whyNoConsent = "The school needs it to support her today; the family are being told.",
        }), HttpStatusCode.Created);

        Assert.Equal($"Ms J Khan, designated safeguarding lead ({area.School.Name})", saved.GetProperty("sharedWith").GetString());
        var chronology = await Json(await worker.GetAsync(new Uri($"/api/v1/children/{childId}/chronology", UriKind.Relative)));
        Assert.Contains(chronology.EnumerateArray(), e => e.GetProperty("kind").GetString() == "InformationShared");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.ChildId == childId && a.Action == AuditAction.Created && a.RecordType == "InformationSharing"
            && a.RecordId == saved.GetProperty("id").GetGuid()));
        var page = await worker.GetStringAsync(new Uri($"/children/{childId}", UriKind.Relative));
        Assert.Contains("Ms J Khan, designated safeguarding lead", page, StringComparison.Ordinal);
        Assert.Contains("Not sought: The school needs it", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordedByHandWithoutTheReasonForNoConsent_IsRefusedWithTheRule_OnTheApiAndThePage()
    {
        var (_, dsl, worker) = await TeamAsync();
        var referral = await Json(await dsl.PostAsJsonAsync("/api/v1/referrals", AReferral("Refused", true, null)), HttpStatusCode.Created);
        var childId = referral.GetProperty("childId").GetGuid();

        var problem = await Json(await worker.PostAsJsonAsync($"/api/v1/children/{childId}/information-sharing", new
        {
            whatWasShared = "The plan.", sharedWithPerson = "Dr A Patel, GP", basis = "SafeguardingChildAtRisk", consentSought = false,
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("SG-INF-07", problem.GetProperty("ruleId").GetString());

        var path = $"/children/{childId}/information-sharing/new";
        using var noBasis = await HttpSignIn.PostFormAsync(worker, path, new Dictionary<string, string>
        {
            ["WhatWasShared"] = "The plan.", ["SharedWithPerson"] = "Dr A Patel, GP", ["SharedOn.Day"] = "1", ["SharedOn.Month"] = "11",
            ["SharedOn.Year"] = "2025", ["ConsentSought"] = "true", ["ConsentGiven"] = "true",
        });
        var html = await noBasis.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, noBasis.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Select the lawful basis for sharing.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Basis\"", html, StringComparison.Ordinal);

        using var done = await HttpSignIn.PostFormAsync(worker, path, new Dictionary<string, string>
        {
            ["WhatWasShared"] = "The plan.", ["SharedWithPerson"] = "Dr A Patel, GP", ["SharedOn.Day"] = "1", ["SharedOn.Month"] = "11",
            ["SharedOn.Year"] = "2025", ["Basis"] = "SafeguardingChildAtRisk", ["ConsentSought"] = "true", ["ConsentGiven"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"/children/{childId}#information-shared", done.Headers.Location?.OriginalString);
    }
}

public sealed class SqliteInformationSharingTests(SqliteFactory factory) : InformationSharingTests<SqliteFactory>(factory);

public sealed class PostgreSqlInformationSharingTests(PostgreSqlFactory factory) : InformationSharingTests<PostgreSqlFactory>(factory);
