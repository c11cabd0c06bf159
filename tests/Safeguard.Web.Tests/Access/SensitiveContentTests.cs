using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.FamilyHelp;
using Safeguard.Web.Tests.Support;
using Who = Safeguard.Web.Tests.Access.ChildJourney.Who;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// Sensitive means the content. A manager marks three entries of Robin's chronology: the school's referral as police
/// intelligence, the lead's visit as sexual health, the assessment as a safe address. Then every route that shows a child is
/// walked by a persona for each mark — the lead social worker (no mark allows them), the officer who broke the glass (police
/// intelligence), a health visitor granted access (sexual health), the referrer, the data protection officer producing a
/// subject access export — and the marked words must appear nowhere a persona's marks do not allow, in any page, API
/// response or export. The manager, whom every mark allows, still reads them.
/// </summary>
public abstract class SensitiveContentTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    /// <summary>Words from the referral's concerns, the visit's observations and the assessment's parenting capacity.</summary>
    private static readonly Dictionary<Sensitivity, string> Words = new()
    {
        [Sensitivity.PoliceIntelligence] = "bruises on his arms",
        [Sensitivity.SexualHealth] = "showed me his room",
        [Sensitivity.SafeAddress] = "temper is a worry",
    };

    [Fact]
    public async Task MarkedWords_AppearNowhereAReaderTheMarkDoesNotAllowCanLook()
    {
        var area = await factory.NewAreaAsync();
        var clients = await ChildJourney.SignInAsync(factory, area);
        var journey = await ChildJourney.WalkAsync(area, clients);
        var manager = clients[Who.Manager].Client;
        var health = await HealthVisitorWithAccessAsync(area, journey, manager);

        // Before marking, the lead reads all three (so a walk that finds nothing below is not a walk that cannot see).
        var lead = clients[Who.LeadPractitioner].Client;
        Assert.Contains(Words[Sensitivity.PoliceIntelligence], await BodyAsync(lead, $"/api/v1/referrals/{journey.ReferralId}"), StringComparison.Ordinal);
        Assert.Contains(Words[Sensitivity.SexualHealth], await BodyAsync(lead, $"/episodes/{journey.EpisodeId}"), StringComparison.Ordinal);
        Assert.Contains(Words[Sensitivity.SafeAddress], await BodyAsync(lead, $"/api/v1/assessments/{journey.AssessmentId}"), StringComparison.Ordinal);

        await MarkAsync(manager, journey, "Referral", journey.ReferralId, Sensitivity.PoliceIntelligence);
        await MarkAsync(manager, journey, "Visit", null, Sensitivity.SexualHealth);
        await MarkAsync(manager, journey, "Assessment", journey.AssessmentId, Sensitivity.SafeAddress);

        var personas = new (string Name, HttpClient Client, Sensitivity[] Allowed)[]
        {
            ("the lead social worker", lead, []),
            ("the referring school", clients[Who.Referrer].Client, []),
            ("the officer who broke the glass", clients[Who.Police].Client, [Sensitivity.PoliceIntelligence]),
            ("the health visitor granted access", health, [Sensitivity.SexualHealth]),
            ("the data protection officer", clients[Who.DataProtectionOfficer].Client, []),
            ("the chair", clients[Who.Chair].Client, []),
        };
        var paths = ChildJourney.Requests(journey).Select(r => r.Path).Distinct().ToList();
        var leaks = new List<string>();
        var answered = 0;
        foreach (var (name, client, allowed) in personas)
        {
            foreach (var path in paths)
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }

                answered++;
                var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                leaks.AddRange(Words.Where(w => !allowed.Contains(w.Key) && body.Contains(w.Value, StringComparison.OrdinalIgnoreCase))
                    .Select(w => $"{name} read \"{w.Value}\" ({w.Key}) at {path}"));
            }
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        Assert.True(answered > 60, $"Only {answered} answers: the walk lost its routes.");

        // The lead reads that the referral's words are withheld, and why; the manager reads them all.
        Assert.Contains("Withheld: marked as police intelligence", await BodyAsync(lead, $"/api/v1/referrals/{journey.ReferralId}"), StringComparison.Ordinal);
        Assert.Contains(Words[Sensitivity.PoliceIntelligence], await BodyAsync(manager, $"/api/v1/referrals/{journey.ReferralId}"), StringComparison.Ordinal);
        Assert.Contains(Words[Sensitivity.SexualHealth], WebUtility.HtmlDecode(await BodyAsync(manager, $"/episodes/{journey.EpisodeId}")), StringComparison.Ordinal);
        Assert.Contains(Words[Sensitivity.SafeAddress], await BodyAsync(manager, $"/api/v1/assessments/{journey.AssessmentId}"), StringComparison.Ordinal);
        // The police officer whom the mark allows reads the words on the child's chronology.
        Assert.Contains(Words[Sensitivity.PoliceIntelligence], await BodyAsync(clients[Who.Police].Client, $"/api/v1/children/{journey.ChildId}/chronology"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReaderWhoseWordsWereWithheld_SavingAChangeToTheRecord_NeverWritesTheNoticeOverTheWords()
    {
        var area = await factory.NewAreaAsync();
        var clients = await ChildJourney.SignInAsync(factory, area);
        var journey = await ChildJourney.WalkAsync(area, clients);
        await MarkAsync(clients[Who.Manager].Client, journey, "Referral", journey.ReferralId, Sensitivity.PoliceIntelligence);

        // The school reads its referral withheld, then escalates the decision: the referral is read, changed and saved.
        var escalated = await ChildJourney.Json(await clients[Who.Referrer].Client.PostAsJsonAsync($"/api/v1/referrals/{journey.ReferralId}/escalations",
            new { text = "We still think Robin needs a social worker." }));
        Assert.DoesNotContain(Words[Sensitivity.PoliceIntelligence], escalated.ToString(), StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        // Read as the service outside a request: no reader, so the words are withheld here too; the column itself keeps them.
        var referral = await db.Referrals.SingleAsync(r => r.Id == journey.ReferralId);
        Assert.StartsWith("[Withheld", referral.Concerns, StringComparison.Ordinal);
        Assert.Single(referral.Escalations);
        Assert.Equal(Sensitivity.PoliceIntelligence, db.MarkOf(referral));
        var stored = await db.Database.SqlQueryRaw<string>("SELECT \"Concerns\" AS \"Value\" FROM \"Referrals\" WHERE \"Reference\" = {0}", referral.Reference)
            .SingleAsync();
        Assert.Contains(Words[Sensitivity.PoliceIntelligence], stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEntryWrittenLaterFromAMarkedRecord_CarriesTheMark()
    {
        var area = await factory.NewAreaAsync();
        var clients = await ChildJourney.SignInAsync(factory, area);
        var journey = await ChildJourney.WalkAsync(area, clients);
        var manager = clients[Who.Manager].Client;
        await MarkAsync(manager, journey, "Referral", journey.ReferralId, Sensitivity.PoliceIntelligence);
        await ChildJourney.Json(await clients[Who.Referrer].Client.PostAsJsonAsync($"/api/v1/referrals/{journey.ReferralId}/escalations",
            new { text = "We still think Robin needs a social worker." }));

        var lines = await ChildJourney.Json(await manager.GetAsync(new Uri($"/api/v1/children/{journey.ChildId}/chronology", UriKind.Relative)));
        var fromReferral = lines.EnumerateArray().Where(l => l.GetProperty("sourceId").GetGuid() == journey.ReferralId).ToList();
        Assert.True(fromReferral.Count >= 2, "The referral and its escalation are on the chronology.");
        Assert.All(fromReferral, l => Assert.Equal("PoliceIntelligence", l.GetProperty("sensitivity").GetString()));
    }

    private static async Task MarkAsync(HttpClient manager, ChildJourney.Journey journey, string sourceType, Guid? sourceId, Sensitivity sensitivity)
    {
        var lines = await ChildJourney.Json(await manager.GetAsync(new Uri($"/api/v1/children/{journey.ChildId}/chronology", UriKind.Relative)));
        var line = lines.EnumerateArray().First(l => l.GetProperty("sourceType").GetString() == sourceType
            && (sourceId is null || l.GetProperty("sourceId").GetGuid() == sourceId));
        await ChildJourney.Json(await manager.PostAsJsonAsync($"/api/v1/chronology/{line.GetProperty("id").GetGuid()}/sensitivity",
            new { sensitivity = sensitivity.ToString() }));
    }

    private static async Task<string> BodyAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A health visitor who asked for access to Robin's record and was granted it by the manager.</summary>
    private async Task<HttpClient> HealthVisitorWithAccessAsync(TestArea area, ChildJourney.Journey journey, HttpClient manager)
    {
        Agency health;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(area.Area.Id);
            health = new Agency(Guid.NewGuid(), area.Area.Id, $"{area.Area.Name} health visiting", AgencyKind.HealthProvider);
            db.Agencies.Add(health);
            await db.SaveChangesAsync();
        }

        var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(health, [PractitionerRole.Practitioner]));
        var asked = await ChildJourney.Json(await client.PostAsJsonAsync($"/api/v1/children/{journey.ChildId}/access-requests",
            new { reason = "Robin's new health visitor: I need his record before my first visit.", days = 7 }), HttpStatusCode.Created);
        await ChildJourney.Json(await manager.PostAsJsonAsync($"/api/v1/access-requests/{asked.GetProperty("id").GetGuid()}/decision",
            new { grant = true, days = 7, reasons = "Needed for the first visit." }));
        return client;
    }
}

public sealed class SqliteSensitiveContentTests(FamilyHelpSqliteFactory factory) : SensitiveContentTests<FamilyHelpSqliteFactory>(factory);

public sealed class PostgreSqlSensitiveContentTests(FamilyHelpPostgreSqlFactory factory) : SensitiveContentTests<FamilyHelpPostgreSqlFactory>(factory);
