// The raw scan names tables and columns read from the database's own catalogue.
#pragma warning disable CA2100
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SqliteConnection = Microsoft.Data.Sqlite.SqliteConnection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Safeguard.Data;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.DataProtection;

/// <summary>
/// An erasure decision erases (docs/decisions/0010): a child with a family, a referral naming them, chronology entries
/// and audited reads and searches is erased, and then their names, date of birth and address are nowhere readable — in any
/// text column of any table read raw (as the database's owner on PostgreSQL), in the subject access export, or through
/// the API — while the decision, who made it and when survive. A rectification corrects the name everywhere it is
/// written, and leaves a trace of which fields changed without the wrong value. Today is 24 November 2026; the area keeps
/// case records one year from birth, so a full erasure is not refused under the retention schedule (SG-DPR-13).
/// </summary>
public abstract class ErasureTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private const string Requests = "/api/v1/data-protection/requests";
    private static readonly string[] HarmTypes = ["EmotionalAbuse"];
    private static readonly string[] HarmContexts = ["InsideTheHome"];

    /// <summary>What identifies Zephyrine Quillfeather, each as it could be written.</summary>
    private static readonly string[] Identifying =
        ["Zephyrine", "Quillfeather", "2016-03-27", "27 March 2016", "27/03/2016"];

    /// <summary>Tables the scan must find, so that a renamed or new store cannot drop out of it unnoticed.</summary>
    private static readonly string[] Scanned =
        ["AuditEntries", "Children", "Referrals", "Chronology", "RecordEvents", "InformationSharing", "Partnerships", "PartnershipAreas", "PartnershipArrangements", "AreaMemberships", "CrossAreaAgencies"];

    private sealed record Setup(TestArea Area, HttpClient Officer, HttpClient Worker, Guid ChildId, Guid ReferralId);

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>
    /// A neighbour's referral about Zephyrine, naming her and her mother (who has another family name), her address and
    /// date of birth in the concerns; a worker reads her record, searches for her by name and her chronology is written.
    /// </summary>
    private async Task<Setup> SetupAsync()
    {
        var area = await factory.NewAreaAsync();
        var worker = factory.NewClient();
        await HttpSignIn.SignInAsync(worker, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor));
        var officer = factory.NewClient();
        await HttpSignIn.SignInAsync(officer, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.DataProtectionOfficer));
        var referral = await Json(await worker.PostAsJsonAsync("/api/v1/referrals", new Dictionary<string, object?>
        {
            ["child"] = new
            {
                givenName = "Zephyrine", familyName = "Quillfeather", dateOfBirth = "2016-03-27", sex = "F", ethnicityCode = "WBRI",
            },
            ["concerns"] = "Zephyrine Quillfeather (born 27 March 2016) was heard crying; Dana Mossgrove shouted at Zephyrine.",
            ["harmTypes"] = HarmTypes,
            ["harmContexts"] = HarmContexts,
            ["familyKnows"] = false,
            ["whyFamilyNotToldOrAgreed"] = "The neighbour fears Quillfeather family retaliation.",
            ["urgency"] = "Standard",
            ["onBehalfOf"] = new { name = "Priya Referrerson", role = "next-door neighbour", phone = "07700 900123" },
            ["adults"] = new[] { new { name = "Dana Mossgrove", relationship = "Mother", livesWithChild = true, parentalResponsibility = true } },
        }), HttpStatusCode.Created);
        var childId = referral.GetProperty("childId").GetGuid();
        // Reads and a search by name: in the audit trail, with what was searched for.
        await Json(await worker.GetAsync(new Uri($"/api/v1/children/{childId}", UriKind.Relative)));
        await Json(await worker.GetAsync(new Uri($"/api/v1/children/{childId}/chronology", UriKind.Relative)));
        Assert.Contains($"/children/{childId}", await worker.GetStringAsync(new Uri("/children?q=Zephyrine+Quillfeather", UriKind.Relative)), StringComparison.Ordinal);
        return new Setup(area, officer, worker, childId, referral.GetProperty("id").GetGuid());
    }

    private static async Task<Guid> RequestAsync(Setup setup, string kind, string details) =>
        (await Json(await setup.Officer.PostAsJsonAsync(Requests, new
        {
            childId = setup.ChildId, kind, requesterName = "Dana Mossgrove", relationship = "Parent", receivedOn = "2026-11-20", details,
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>
    /// Every value of every column of every table, read raw, that contains any of the words: the area's own rows of a table
    /// with an area (other tests' areas in the same database hold their own children of the same name), every row of a
    /// table without one (the partnership's, the accounts', the migrations'). The record event store is scanned like any
    /// other table; it is never rewritten, so nothing personal may be found there at any time.
    /// </summary>
    private async Task<List<string>> FindRawAsync(TestArea area, params string[] words)
    {
        var found = new List<string>();
        await using DbConnection connection = factory is PostgreSqlFactory postgres
            ? new NpgsqlConnection(postgres.OwnerConnectionString)
            : new SqliteConnection(factory.Connection!);
        await connection.OpenAsync();
        if (connection is NpgsqlConnection)
        {
            // Row-level security applies to the owner too: the connection works in the test's area and its partnership, as the service's would.
            Guid? partnership;
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
                partnership = await db.PartnershipOfAsync(area.Area.Id);
            }

            await using var set = connection.CreateCommand();
            set.CommandText = "SELECT set_config('safeguard.area', @area, false), set_config('safeguard.partnership', @partnership, false)";
            ((NpgsqlCommand)set).Parameters.AddWithValue("area", area.Area.Id.ToString());
            ((NpgsqlCommand)set).Parameters.AddWithValue("partnership", partnership?.ToString() ?? string.Empty);
            await set.ExecuteScalarAsync();
        }

        var tables = new List<(string Table, string Column)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = connection is NpgsqlConnection
                ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name IN "
                    + "(SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')"
                : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var table in Scanned)
        {
            Assert.Contains(tables, t => t.Table == table);
        }

        var withArea = tables.Where(t => t.Column == "AreaId").Select(t => t.Table).ToHashSet();
        foreach (var (table, column) in tables)
        {
            await using var read = connection.CreateCommand();
            read.CommandText = $"SELECT CAST(\"{column}\" AS TEXT) FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
            if (withArea.Contains(table))
            {
                read.CommandText += " AND lower(CAST(\"AreaId\" AS TEXT)) = @area";
                var p = read.CreateParameter();
                p.ParameterName = "@area";
                p.Value = area.Area.Id.ToString();
                read.Parameters.Add(p);
            }

            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var value = reader.GetString(0);
                found.AddRange(words.Where(w => value.Contains(w, StringComparison.OrdinalIgnoreCase)).Select(w => $"{table}.{column}: {value}"));
            }
        }

        return found;
    }

    [Fact]
    public async Task AnErasedChild_IsNowhereReadable_InAnyTableRaw_TheExport_OrTheApi_AndTheDecisionSurvives()
    {
        var setup = await SetupAsync();
        var before = await FindRawAsync(setup.Area, Identifying);
        Assert.NotEmpty(before);
        // The record event store holds the child's history, and no word identifying them: it needs no rewrite (docs/decisions/0009).
        await using (var scope0 = factory.Services.CreateAsyncScope())
        {
            var db0 = scope0.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db0.WorkInArea(setup.Area.Area.Id);
            Assert.True(await db0.RecordEvents.AnyAsync(e => e.ChildId == setup.ChildId));
        }

        Assert.DoesNotContain(before, f => f.StartsWith("RecordEvents.", StringComparison.Ordinal));
        var id = await RequestAsync(setup, "Erasure", "Zephyrine Quillfeather's mother asks for all of Zephyrine's record to be erased.");

        var decided = await Json(await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/decision",
            new { outcome = "Erased", reasons = "The referral led to nothing and there is no reason to keep it." }));

        Assert.Equal("Erased", decided.GetProperty("outcome").GetString());
        var left = await FindRawAsync(setup.Area, Identifying);
        Assert.True(left.Count == 0, "Still readable:\n" + string.Join('\n', left));
        // The mother is not erased: her name stays where it was written.
        Assert.NotEmpty(await FindRawAsync(setup.Area, "Dana Mossgrove"));
        // The child's record and chronology as the worker reads them; the audit trail of the child as the officer reads it.
        var api = (await Json(await setup.Worker.GetAsync(new Uri($"/api/v1/children/{setup.ChildId}", UriKind.Relative)))).GetRawText()
            + (await Json(await setup.Worker.GetAsync(new Uri($"/api/v1/children/{setup.ChildId}/chronology", UriKind.Relative)))).GetRawText()
            + (await Json(await setup.Worker.GetAsync(new Uri($"/api/v1/referrals/{setup.ReferralId}", UriKind.Relative)))).GetRawText()
            + await setup.Officer.GetStringAsync(new Uri($"/audit/children/{setup.ChildId}", UriKind.Relative));
        Assert.DoesNotContain(Identifying, w => api.Contains(w, StringComparison.OrdinalIgnoreCase));
        var access = await RequestAsync(setup, "SubjectAccess", "A copy of what is held.");
        await Json(await setup.Officer.PostAsJsonAsync($"{Requests}/{access}/identity-check", new { how = "Passport seen." }));
        var export = (await Json(await setup.Officer.GetAsync(new Uri($"{Requests}/{access}/export", UriKind.Relative)))).GetRawText();
        Assert.DoesNotContain(Identifying, w => export.Contains(w, StringComparison.OrdinalIgnoreCase));

        // The decision, who made it and when survive; the audit row names the decision, not the data.
        var request = await Json(await setup.Officer.GetAsync(new Uri($"{Requests}/{id}", UriKind.Relative)));
        Assert.Equal("2026-11-24", request.GetProperty("decidedOn").GetString());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(setup.Area.Area.Id);
        var row = await db.AuditEntries.SingleAsync(a => a.RecordId == id && a.Detail != null && a.Detail.StartsWith("Erasure of the child"));
        Assert.Equal(setup.ChildId, row.ChildId);
        Assert.NotNull(await db.DataProtectionRequests.Where(r => r.Id == id).Select(r => r.DecidedBy).SingleAsync());
        Assert.All(await db.Chronology.Where(c => c.ChildId == setup.ChildId && c.SourceType != "DataProtectionRequest").Select(c => c.Summary)
            .ToListAsync(), s => Assert.StartsWith("Erased under a data protection decision", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ErasingTheReferrer_RemovesTheirNameAndPhoneEverywhere_AndKeepsTheChild()
    {
        var setup = await SetupAsync();
        var id = await RequestAsync(setup, "Erasure", "The neighbour who referred asks for their details to be erased.");

        await Json(await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/decision", new
        {
            outcome = "PartlyErased", reasons = "The referrer's details are not needed.", whatChanged = "The referrer's name and phone number.",
            referrerOfReferralId = setup.ReferralId,
        }));

        Assert.Empty(await FindRawAsync(setup.Area, "Referrerson", "07700 900123"));
        Assert.NotEmpty(await FindRawAsync(setup.Area, "Zephyrine"));
    }

    [Fact]
    public async Task ARectification_CorrectsTheNameEverywhere_AndTheTraceSaysWhichFieldsNotTheWrongValue()
    {
        var setup = await SetupAsync();
        var id = await RequestAsync(setup, "Rectification", "Her given name is spelt Zefirine.");

        var decided = await Json(await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/decision", new
        {
            outcome = "Corrected", reasons = "The birth certificate was seen.", whatChanged = "The spelling of her given name.",
            correctedGivenName = "Zefirine",
        }));

        Assert.Equal("Corrected", decided.GetProperty("outcome").GetString());
        var left = await FindRawAsync(setup.Area, "Zephyrine");
        Assert.True(left.Count == 0, "Wrong name still readable:\n" + string.Join('\n', left));
        var child = await Json(await setup.Worker.GetAsync(new Uri($"/api/v1/children/{setup.ChildId}", UriKind.Relative)));
        Assert.Contains("Zefirine", child.GetRawText(), StringComparison.Ordinal);
        var chronology = (await Json(await setup.Worker.GetAsync(new Uri($"/api/v1/children/{setup.ChildId}/chronology", UriKind.Relative)))).GetRawText();
        Assert.Contains("given name corrected", chronology, StringComparison.Ordinal);
        Assert.Contains("Zefirine Quillfeather", chronology, StringComparison.Ordinal);
    }

    private async Task<Guid> FamilyMemberIdAsync(Setup setup, string givenName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(setup.Area.Area.Id);
        return await db.Relationships.Where(r => r.ChildId == setup.ChildId)
            .Join(db.FamilyMembers, r => r.FamilyMemberId, m => m.Id, (r, m) => m).Where(m => m.GivenName == givenName).Select(m => m.Id).SingleAsync();
    }

    private static async Task<string?> OutcomeAsync(Setup setup, Guid id)
    {
        var request = await Json(await setup.Officer.GetAsync(new Uri($"{Requests}/{id}", UriKind.Relative)));
        return request.TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.String ? outcome.GetString() : null;
    }

    [Fact]
    public async Task OnThePage_AnErasureIsShownForConfirmation_ChangesNothingUntilConfirmed_ThenErasesAndIsAudited()
    {
        var setup = await SetupAsync();
        var id = await RequestAsync(setup, "Erasure", "Dana Mossgrove asks for her own details to be erased from her daughter's record.");
        var page = $"/data-protection/requests/{id}";
        var mother = await FamilyMemberIdAsync(setup, "Dana");
        var form = new Dictionary<string, string>
        {
            ["Outcome"] = "PartlyErased", ["DecisionReasons"] = "Her details are not needed to keep the child safe.",
            ["WhatChanged"] = "The mother's name and phone number.", ["FamilyMemberId"] = mother.ToString(),
        };
        var shown = await setup.Officer.GetStringAsync(new Uri(page, UriKind.Relative));
        Assert.Contains("Dana Mossgrove", shown, StringComparison.Ordinal);
        Assert.Contains("Priya Referrerson", shown, StringComparison.Ordinal);

        using var check = await HttpSignIn.PostFormAsync(setup.Officer, page, form, "Decide");
        var confirm = await check.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("Check before you record the decision", confirm, StringComparison.Ordinal);
        Assert.Contains("Dana Mossgrove&#x27;s personal data", confirm, StringComparison.Ordinal);
        Assert.Null(await OutcomeAsync(setup, id));
        Assert.NotEmpty(await FindRawAsync(setup.Area, "Mossgrove"));

        form["Confirmed"] = "true";
        using var confirmed = await HttpSignIn.PostFormAsync(setup.Officer, page, form, "Decide");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(page, confirmed.Headers.Location?.OriginalString);
        Assert.Equal("PartlyErased", await OutcomeAsync(setup, id));
        var left = await FindRawAsync(setup.Area, "Mossgrove");
        Assert.True(left.Count == 0, "Still readable:\n" + string.Join('\n', left));
        Assert.NotEmpty(await FindRawAsync(setup.Area, "Zephyrine"));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(setup.Area.Area.Id);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.RecordId == id && a.Detail != null && a.Detail.StartsWith("Erasure of a person in the child's family")));
    }

    [Fact]
    public async Task BadInput_OnThePageAndThroughTheApi_IsAnsweredWithTheRule_AndChangesNothing()
    {
        var setup = await SetupAsync();
        var id = await RequestAsync(setup, "Erasure", "Erase some of it.");
        var page = $"/data-protection/requests/{id}";

        // No one chosen for a partial erasure: the error summary, before and at the confirmation alike.
        foreach (var confirmed in new[] { "false", "true" })
        {
            using var response = await HttpSignIn.PostFormAsync(setup.Officer, page, new Dictionary<string, string>
            {
                ["Outcome"] = "PartlyErased", ["DecisionReasons"] = "Some.", ["WhatChanged"] = "Some.", ["Confirmed"] = confirmed,
            }, "Decide");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
            Assert.Contains("Choose whose personal data is erased", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Check before you record the decision", html, StringComparison.Ordinal);
        }

        // Someone who is not in the child's family, and a correction with an erasure: the problem with its rule id.
        using var stranger = await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/decision", new
        {
            outcome = "PartlyErased", reasons = "Some.", whatChanged = "Some.", familyMemberId = Guid.NewGuid(),
        });
        var problem = await Json(stranger, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("SG-DPR-21", problem.GetProperty("ruleId").GetString());
        Assert.Equal("application/problem+json", stranger.Content.Headers.ContentType?.MediaType);
        using var mixed = await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/decision", new
        {
            outcome = "Erased", reasons = "All of it.", correctedGivenName = "Zefirine",
        });
        Assert.Equal("SG-DPR-21", (await Json(mixed, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());

        Assert.Null(await OutcomeAsync(setup, id));
        Assert.NotEmpty(await FindRawAsync(setup.Area, "Zephyrine"));
        Assert.NotEmpty(await FindRawAsync(setup.Area, "Mossgrove"));
    }

    [Fact]
    public async Task EveryoneButTheDataProtectionOfficer_IsRefused_OnThePageAndThroughTheApi_AndNothingChanges()
    {
        var setup = await SetupAsync();
        var id = await RequestAsync(setup, "Erasure", "Erase it all.");
        var page = $"/data-protection/requests/{id}";
        (Agency Agency, PractitionerRole[] Roles)[] others =
        [
            (setup.Area.SocialCare, [PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor]), (setup.Area.SocialCare, [PractitionerRole.Administrator]),
            (setup.Area.SocialCare, [PractitionerRole.Analyst]), (setup.Area.SocialCare, [PractitionerRole.Lado]),
            (setup.Area.SocialCare, [PractitionerRole.ConferenceChair]), (setup.Area.School, [PractitionerRole.DesignatedSafeguardingLead]),
            (setup.Area.Police, [PractitionerRole.Practitioner]),
        ];
        foreach (var (agency, roles) in others)
        {
            HttpClient client;
            if (roles is [PractitionerRole.Administrator])
            {
                client = await factory.AdministratorClientAsync(setup.Area);
            }
            else
            {
                client = factory.NewClient();
                await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(agency, roles));
            }

            using var onPage = await HttpSignIn.PostFormAsync(client, page, new Dictionary<string, string>
            {
                ["Outcome"] = "Erased", ["DecisionReasons"] = "Asked to.", ["Confirmed"] = "true",
            }, "Decide", tokenFrom: "/account/security");
            Assert.True(onPage.StatusCode == HttpStatusCode.Forbidden
                || (onPage.StatusCode == HttpStatusCode.Redirect && onPage.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true),
                $"{string.Join('+', roles)} on the page: {(int)onPage.StatusCode} {onPage.Headers.Location}");
            using var api = await client.PostAsJsonAsync($"{Requests}/{id}/decision", new { outcome = "Erased", reasons = "Asked to." });
            Assert.True(api.StatusCode == HttpStatusCode.Forbidden, $"{string.Join('+', roles)} through the API: {(int)api.StatusCode}");
        }

        Assert.Null(await OutcomeAsync(setup, id));
        Assert.NotEmpty(await FindRawAsync(setup.Area, "Zephyrine"));
    }

    [Fact]
    public async Task APractitionerWhoSharesTheErasedChildsName_KeepsTheirOwnNameAndEmail()
    {
        var setup = await SetupAsync();
        var email = await factory.NewAccountAsync(setup.Area.SocialCare, PractitionerRole.SocialWorker);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(setup.Area.Area.Id);
            await db.Practitioners.Where(p => p.Email == email).ExecuteUpdateAsync(s => s.SetProperty(p => p.GivenName, "Zephyrine"));
        }

        var id = await RequestAsync(setup, "Erasure", "Erase all of Zephyrine's record.");
        await Json(await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/decision", new { outcome = "Erased", reasons = "Nothing came of the referral." }));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(setup.Area.Area.Id);
            Assert.Equal("Zephyrine", await db.Practitioners.Where(p => p.Email == email).Select(p => p.GivenName).SingleAsync());
        }

        var colleague = factory.NewClient();
        await HttpSignIn.SignInAsync(colleague, email);
        Assert.DoesNotContain("Zephyrine", await setup.Worker.GetStringAsync(new Uri($"/api/v1/children/{setup.ChildId}", UriKind.Relative)),
            StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OnlyTheDataProtectionOfficer_Erases_AndTheRetentionScheduleStillRefusesAFullErasureTooEarly()
    {
        var setup = await SetupAsync();
        var id = await RequestAsync(setup, "Erasure", "Erase it all.");

        using var worker = await setup.Worker.PostAsJsonAsync($"{Requests}/{id}/decision", new { outcome = "Erased", reasons = "Asked to." });
        Assert.Equal(HttpStatusCode.Forbidden, worker.StatusCode);
        Assert.NotEmpty(await FindRawAsync(setup.Area, "Zephyrine"));
        using var noOne = await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/decision", new { outcome = "PartlyErased", reasons = "Some.", whatChanged = "Some." });
        Assert.Equal("SG-DPR-21", (await Json(noOne, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        Assert.NotEmpty(await FindRawAsync(setup.Area, "Zephyrine"));
    }
}

/// <summary>An area whose retention schedule keeps case records one year from birth, so a child of ten may be erased in full.</summary>
public sealed class ErasureSqliteFactory : SqliteFactory
{
    public ErasureSqliteFactory()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        Settings = new Dictionary<string, string> { ["Retention:ChildrensSocialCareCase"] = "1", ["Retention:ReferralNoFurtherAction"] = "1" };
    }
}

public sealed class ErasurePostgreSqlFactory : PostgreSqlFactory
{
    public ErasurePostgreSqlFactory()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        Settings = new Dictionary<string, string> { ["Retention:ChildrensSocialCareCase"] = "1", ["Retention:ReferralNoFurtherAction"] = "1" };
    }
}

public sealed class SqliteErasureTests(ErasureSqliteFactory factory) : ErasureTests<ErasureSqliteFactory>(factory);

public sealed class PostgreSqlErasureTests(ErasurePostgreSqlFactory factory) : ErasureTests<ErasurePostgreSqlFactory>(factory);
