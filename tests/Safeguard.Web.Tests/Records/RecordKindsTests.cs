using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Data.Records;
using Safeguard.Domain.Rules;
using Safeguard.Web.Records;
using Safeguard.Web.Tests.Access;
using Safeguard.Web.Tests.Support;
using Who = Safeguard.Web.Tests.Access.ChildJourney.Who;

namespace Safeguard.Web.Tests.Records;

/// <summary>
/// The registry of record kinds is complete and every kind in it is whole: each entity type the database holds is a registered kind
/// (audited on every write) or declared not personal data with a reason; each kind has its page and API address (or says why not), its
/// access rule and its clocks from the catalogue; changing a chronology entry is audited; and every entry on a child's chronology links
/// to its source's page, which opens for whoever the kind's access rule lets see it.
/// </summary>
public abstract class RecordKindsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    [Fact]
    public void EveryEntityTypeInTheDatabase_IsARegisteredKindOrDeclaredNotAudited()
    {
        using var scope = factory.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Model;
        var types = model.GetEntityTypes().ToList();

        var unregistered = types.Where(t => !t.IsOwned())
            .Where(t => RecordKinds.For(t.ClrType) is null && !RecordKinds.NotAudited.ContainsKey(t.ClrType)).Select(t => t.ClrType.Name).ToList();
        // A part of a record (an allocation, a placement) is audited as a change to the record it belongs to.
        var partsOfUnregistered = types.Where(t => t.IsOwned()).Where(t => RecordKinds.For(RootOf(t).ClrType) is null).Select(t => t.ClrType.Name).ToList();
        var stale = RecordKinds.All.Select(k => k.EntityType).Concat(RecordKinds.NotAudited.Keys)
            .Where(t => types.TrueForAll(e => e.ClrType != t)).Select(t => t.Name).ToList();

        Assert.True(unregistered.Count == 0, "Register these kinds of record in RecordKinds (or declare them in RecordKinds.NotAudited with the reason): "
            + string.Join(", ", unregistered));
        Assert.True(partsOfUnregistered.Count == 0, "Parts of records that are not a registered kind: " + string.Join(", ", partsOfUnregistered));
        Assert.True(stale.Count == 0, "No longer in the database: " + string.Join(", ", stale));
        Assert.Empty(RecordKinds.All.Select(k => k.EntityType).Intersect(RecordKinds.NotAudited.Keys));
        Assert.All(RecordKinds.NotAudited, t => Assert.False(string.IsNullOrWhiteSpace(t.Value)));
    }

    [Fact]
    public void EveryKind_CanBeMarkedSensitive_OrSaysWhyNot_AndAMarkableKindWithholdsItsWords()
    {
        using var scope = factory.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Model;
        var undecided = RecordKinds.All.Where(k => SensitiveContent.Markable.Contains(k) == SensitiveContent.NotMarkable.ContainsKey(k.Name))
            .Select(k => k.Name).ToList();
        Assert.True(undecided.Count == 0, "Say whether these kinds' words can be marked sensitive (SensitiveContent.Markable) or why not "
            + "(SensitiveContent.NotMarkable), and not both: " + string.Join(", ", undecided));
        Assert.All(SensitiveContent.Markable, k =>
        {
            var (mark, words) = SensitiveContent.ShapeOf(model.FindEntityType(k.EntityType)!);
            Assert.True(mark is not null, $"{k.Name} has no {SensitiveContent.Mark} column.");
            Assert.True(words.Length > 0, $"{k.Name} holds no words to withhold: it need not be markable.");
        });
        // The text columns shown even on a marked record are named one by one, and every one of them is a column of a markable kind.
        var columns = SensitiveContent.Markable.SelectMany(k => model.FindEntityType(k.EntityType)!.GetProperties()).Select(p => p.Name).ToHashSet();
        Assert.All(SensitiveContent.NotWords, name => Assert.Contains(name, columns));
    }

    [Fact]
    public void EveryKind_HasItsPageAndApiAddress_ItsAccessRule_AndItsClocksFromTheCatalogue()
    {
        var endpoints = EndpointClassificationTests.Endpoints(factory.Services);
        var pages = endpoints.Where(e => e.Method == "GET" && !e.Key.StartsWith("GET ", StringComparison.Ordinal)).Select(e => e.Path).ToHashSet();
        var failures = new List<string>();
        foreach (var kind in RecordKinds.All)
        {
            if (!RecordRoutes.ByKind.TryGetValue(kind.Name, out var route))
            {
                failures.Add($"{kind}: no page or API address in RecordRoutes");
                continue;
            }

            if (route.Page is null == string.IsNullOrWhiteSpace(route.NoPageBecause))
            {
                failures.Add($"{kind}: a page, or why it has none (and not both)");
            }

            if (route.Api is null == string.IsNullOrWhiteSpace(route.NoApiBecause))
            {
                failures.Add($"{kind}: an API address, or why it has none (and not both)");
            }

            if (route.Page is { } page && !pages.Contains(Template(page)))
            {
                failures.Add($"{kind}: its page {page} is not a page the service has");
            }

            if (route.Api is { } api && !endpoints.Exists(e => (e.Path + "/").StartsWith(Template(api) + "/", StringComparison.Ordinal)))
            {
                failures.Add($"{kind}: its API address {api} is not an address the service answers");
            }

            if (kind.Access == AccessRule.Unset)
            {
                failures.Add($"{kind}: say which access rule guards it");
            }

            failures.AddRange(kind.Clocks.Where(c => StatutoryRules.Find(c.Rule.Id) != c.Rule).Select(c => $"{kind}: {c.Rule.Id} is not in the rules catalogue"));
        }

        failures.AddRange(RecordRoutes.ByKind.Keys.Where(name => RecordKinds.Named(name) is null).Select(name => $"{name}: routes for a kind that is not registered"));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(RecordKinds.All.Count, RecordKinds.All.Select(k => k.Name).Distinct().Count());
    }

    [Fact]
    public async Task MarkingAChronologyEntrySensitive_OnTheApiOrThePage_WritesAnAuditRowSayingWhatChanged()
    {
        var area = await factory.NewAreaAsync();
        using var manager = factory.NewClient();
        await HttpSignIn.SignInAsync(manager, await factory.NewAccountAsync(area.SocialCare, Domain.Organisation.PractitionerRole.SocialWorker,
            Domain.Organisation.PractitionerRole.PracticeSupervisor));
        var me = await ChildJourney.Json(await manager.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));
        var referral = await ChildJourney.Json(await manager.PostAsJsonAsync("/api/v1/referrals", new
        {
            child = new { givenName = "Sky", familyName = "Sensitivewalk", dateOfBirth = "2015-06-01", sex = "F", ethnicityCode = "WBRI" },
            concerns = "Sky's uncle is known to the police for supplying drugs.", harmTypes = new List<string> { "Neglect" },
            harmContexts = new List<string> { "InsideTheHome" }, familyKnows = true, familyAgrees = true, urgency = "Standard",
        }), HttpStatusCode.Created);
        var childId = referral.GetProperty("childId").GetGuid();
        var entryId = (await ChildJourney.Json(await manager.GetAsync(new Uri($"/api/v1/children/{childId}/chronology", UriKind.Relative))))[0]
            .GetProperty("id").GetGuid();

        await ChildJourney.Json(await manager.PostAsJsonAsync($"/api/v1/chronology/{entryId}/sensitivity", new { sensitivity = "PoliceIntelligence" }));
        var afterApi = await ChangesAsync(area.Area.Id, entryId);
        using (var page = await HttpSignIn.PostFormAsync(manager, $"/children/{childId}/chronology",
                   [new("Sensitivity", "None")], $"Mark&entryId={entryId}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        }

        var afterPage = await ChangesAsync(area.Area.Id, entryId);

        var marked = Assert.Single(afterApi);
        Assert.Equal(childId, marked.ChildId);
        Assert.Equal(me.GetProperty("practitionerId").GetGuid(), marked.PractitionerId);
        Assert.Contains("Sensitivity: PoliceIntelligence", marked.Detail, StringComparison.Ordinal);
        Assert.Equal(2, afterPage.Count);
        Assert.Contains("Sensitivity: None", afterPage[^1].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("drugs", afterPage[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryEntryOnAChildsChronology_LinksToItsSourcesPage_IncludingImmediateProtectionAndConferences()
    {
        var area = await factory.NewAreaAsync();
        var clients = await ChildJourney.SignInAsync(factory, area);
        try
        {
            var journey = await ChildJourney.WalkAsync(area, clients);
            var manager = clients[Who.Manager].Client;
            await ChildJourney.Json(await manager.PostAsJsonAsync($"/api/v1/episodes/{journey.EpisodeId}/emergency-actions", new
            {
                power = "PolicePowersOfProtection", actingAgency = "Police", action = "Robin was taken to his grandmother's under police protection.",
                childSeenBy = "PC Walk", otherChildrenConsidered = "No other children live there.", legalAdviceTaken = true,
            }), HttpStatusCode.Created);
            var lines = (await ChildJourney.Json(await manager.GetAsync(new Uri($"/api/v1/children/{journey.ChildId}/chronology", UriKind.Relative))))
                .EnumerateArray().ToList();

            var sources = lines.Select(l => l.GetProperty("sourceType").GetString()!).ToHashSet();
            var expected = new[] { RecordKinds.EmergencyAction, RecordKinds.Conference, RecordKinds.ConferenceMeeting,
                RecordKinds.Section47Enquiry, RecordKinds.Visit };
            Assert.True(expected.All(k => sources.Contains(k.Name)), "The chronology comes from " + string.Join(", ", sources));
            var failures = new List<string>();
            foreach (var line in lines.DistinctBy(l => l.GetProperty("link").ToString()))
            {
                var source = line.GetProperty("sourceType").GetString()!;
                var kind = RecordKinds.Named(source);
                if (kind is null || line.GetProperty("link").ValueKind != JsonValueKind.String)
                {
                    failures.Add($"{source} ({line.GetProperty("summary")}): no link");
                    continue;
                }

                var link = line.GetProperty("link").GetString()!;
                var who = ChildJourney.WhoFor(kind.Access)!.Value;
                using var response = await clients[who].Client.GetAsync(new Uri(link.Split('#')[0], UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{source}: {link} answered {(int)response.StatusCode} to {who}");
                }
                else if (link.Split('#') is [_, var anchor] && !body.Contains($"id=\"{anchor}\"", StringComparison.Ordinal))
                {
                    failures.Add($"{source}: {link} has no place #{anchor}");
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            foreach (var (client, _, _) in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    private static Microsoft.EntityFrameworkCore.Metadata.IEntityType RootOf(Microsoft.EntityFrameworkCore.Metadata.IEntityType type) =>
        type.IsOwned() ? RootOf(type.FindOwnership()!.PrincipalEntityType) : type;

    /// <summary>A route's address as the service's endpoints name it: the path without its place on the page, every id a guid.</summary>
    private static string Template(string route) => route.Split('#')[0].Replace("{id}", "{id:guid}", StringComparison.Ordinal)
        .Replace("{childId}", "{id:guid}", StringComparison.Ordinal).Replace("{episodeId}", "{id:guid}", StringComparison.Ordinal);

    private async Task<List<AuditEntry>> ChangesAsync(Guid areaId, Guid entryId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(areaId);
        return await db.AuditEntries.Where(a => a.RecordType == RecordKinds.ChronologyEntry.Name && a.RecordId == entryId && a.Action == AuditAction.Changed)
            .OrderBy(a => a.Id).ToListAsync();
    }
}

public sealed class SqliteRecordKindsTests(SqliteFactory factory) : RecordKindsTests<SqliteFactory>(factory);

public sealed class PostgreSqlRecordKindsTests(PostgreSqlFactory factory) : RecordKindsTests<PostgreSqlFactory>(factory);

/// <summary>"My work" links each deadline to where its work is done, read from the kind of record that runs the clock.</summary>
public sealed class ClockLinkTests
{
    private static readonly Guid Subject = Guid.Parse("0195f0a0-0000-7000-8000-000000000001");
    private static readonly Guid Episode = Guid.Parse("0195f0a0-0000-7000-8000-000000000002");

    [Theory]
    [InlineData("REF-04", false, "/referrals/{s}")]
    [InlineData("ASM-03", false, "/episodes/{e}")]
    [InlineData("REF-05", false, "/episodes/{e}")]
    [InlineData("IP-05", false, "/episodes/{e}")]
    [InlineData("ICPC-01", false, "/strategy-discussions/{s}")]
    [InlineData("RC-05", false, "/strategy-discussions/{s}")]
    [InlineData("S47-01", false, "/strategy-discussions/{s}")]
    [InlineData("IP-01", false, "/episodes/{e}")]
    [InlineData("SD-01", false, "/episodes/{e}")]
    [InlineData("CG-01", false, "/child-protection-plans/{s}")]
    [InlineData("RCPC-01", false, "/child-protection-plans/{s}")]
    [InlineData("RCPC-02", false, "/child-protection-plans/{s}")]
    [InlineData("DISC-03", false, "/child-protection-plans/{s}")]
    [InlineData("DISC-02", false, "/child-protection-plans/{s}")]
    [InlineData("DISC-02", true, "/episodes/{e}")]
    [InlineData("NRM-01", true, "/episodes/{e}")]
    [InlineData("PROB-01", true, "/episodes/{e}")]
    [InlineData("CIN-04", true, "/episodes/{e}")]
    public void ADeadline_LinksToWhereItsWorkIsDone(string ruleId, bool subjectIsTheEpisode, string expected)
    {
        var subject = subjectIsTheEpisode ? Episode : Subject;

        var link = Safeguard.Web.Clocks.MyClocks.LinkFor(ruleId, subject, Episode);

        Assert.Equal(expected.Replace("{s}", subject.ToString(), StringComparison.Ordinal).Replace("{e}", Episode.ToString(), StringComparison.Ordinal), link);
    }
}

/// <summary>A change to a kind of record the registry does not know is refused, not saved without its audit row.</summary>
public sealed class UnregisteredKindTests
{
    [Fact]
    public void SavingARecordOfAnUnregisteredKind_IsRefused()
    {
        var options = new DbContextOptionsBuilder<UnregisteredKindContext>().UseSqlite("Data Source=:memory:")
            .AddInterceptors(new AuditInterceptor(TimeProvider.System)).Options;
        using var db = new UnregisteredKindContext(options);
        db.Set<Scribble>().Add(new Scribble { Id = Guid.NewGuid(), Text = "A note about a child kept nowhere else." });

        var refused = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());

        Assert.Contains("Scribble is not a registered kind of record", refused.Message, StringComparison.Ordinal);
    }

    public sealed class Scribble
    {
        public Guid Id { get; set; }

        public string Text { get; set; } = string.Empty;
    }

    private sealed class UnregisteredKindContext(DbContextOptions<UnregisteredKindContext> options)
        : SafeguardDbContext(options, new OperatorActor("test"))
    {
        protected override void OnModelCreating(ModelBuilder builder)
        {
            base.OnModelCreating(builder);
            builder.Entity<Scribble>();
        }
    }
}
