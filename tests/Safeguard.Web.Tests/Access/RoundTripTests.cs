using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;
using Xunit.Abstractions;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// A page's database round trips do not grow with the data. Two areas alike but for their size — 5 children on child
/// protection plans, then 50 — each with one lead social worker who leads every child's episode, one police officer in
/// every plan's core group and invited to every review conference, and a school nurse invited to every review
/// conference only. Each reads the child's page, "My work", the conference's page and the plan's page in both areas, and
/// the number of database commands each sends — reads, saves, and on PostgreSQL the batched writes — must be the same
/// in both (give or take <see cref="Slack"/>). Code that asks the database once per child, plan or meeting fails here
/// by 45 commands or more.
/// </summary>
public abstract class RoundTripTests<TFactory>(TFactory factory, ITestOutputHelper output) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory, ICountingFactory
{
    private const int Small = 5;
    private const int Large = 50;

    /// <summary>What may differ between the areas without growing with them (a cache filled on one side only).</summary>
    private const int Slack = 2;

    private enum Who
    {
        Manager,
        Lead,
        Chair,
        Referrer,
        Officer,
        SchoolNurse,
    }

    private sealed record Area(Dictionary<Who, HttpClient> Clients, List<(Guid Child, Guid Plan, Guid Meeting)> Children);

    [Fact]
    public async Task ThePagesOfAChildsCase_AskTheDatabaseAsOftenForFiftyChildrenAsForFive()
    {
        var small = await AreaAsync(Small);
        var large = await AreaAsync(Large);
        try
        {
            var wrong = new List<string>();
            foreach (var (page, who, path) in Pages())
            {
                var few = await CountAsync(small.Clients[who], path(small.Children[0]));
                var many = await CountAsync(large.Clients[who], path(large.Children[0]));
                var said = $"{page} as {who}: {few.Reads} reads, {few.Saves} saves ({few.Writes} writes) with {Small} children; "
                    + $"{many.Reads} reads, {many.Saves} saves ({many.Writes} writes) with {Large}";
                output.WriteLine(said);
                if (many.Reads > few.Reads + Slack || many.Saves > few.Saves + Slack || (factory.BatchesWrites && many.Writes > few.Writes + Slack))
                {
                    wrong.Add(said);
                }
            }

            Assert.True(wrong.Count == 0, "Round trips grow with the data:\n" + string.Join("\n", wrong));
        }
        finally
        {
            foreach (var client in small.Clients.Values.Concat(large.Clients.Values))
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Each page, who reads it, and its address for one child of the area.</summary>
    private static IEnumerable<(string Page, Who Who, Func<(Guid Child, Guid Plan, Guid Meeting), string> Path)> Pages() =>
    [
        ("The child's page", Who.Officer, c => $"/children/{c.Child}"),
        ("The child's page", Who.Lead, c => $"/children/{c.Child}"),
        ("My work", Who.Officer, _ => "/"),
        ("My work", Who.SchoolNurse, _ => "/"),
        ("My work", Who.Lead, _ => "/"),
        ("My work's deadlines", Who.Lead, _ => "/api/v1/me/clocks"),
        ("Conference invitations", Who.SchoolNurse, _ => "/api/v1/me/conference-invitations"),
        ("The conference's page", Who.SchoolNurse, c => $"/conference-meetings/{c.Meeting}"),
        ("The conference's page", Who.Officer, c => $"/conference-meetings/{c.Meeting}"),
        ("The conference's page", Who.Lead, c => $"/conference-meetings/{c.Meeting}"),
        ("The plan's page", Who.Officer, c => $"/child-protection-plans/{c.Plan}"),
        ("The plan's page", Who.Lead, c => $"/child-protection-plans/{c.Plan}"),
    ];

    /// <summary>The commands one request sends, asked the second time (the first may fill a cache).</summary>
    private async Task<(int Reads, int Writes, int Saves)> CountAsync(HttpClient client, string path)
    {
        using (var warm = await client.GetAsync(new Uri(path, UriKind.Relative)))
        {
            Assert.True(warm.StatusCode == HttpStatusCode.OK, $"{path}: {(int)warm.StatusCode}");
        }

        factory.Commands.Reset();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return (factory.Commands.Reads, factory.Commands.Writes, factory.Commands.Saves);
    }

    /// <summary>An area whose lead social worker, officer and school nurse take part in <paramref name="children"/> children's plans and conferences.</summary>
    private async Task<Area> AreaAsync(int children)
    {
        var area = await factory.NewAreaAsync();
        var clients = new Dictionary<Who, HttpClient>();
        var ids = new Dictionary<Who, Guid>();
        foreach (var (who, agency, roles) in new[]
                 {
                     (Who.Manager, area.SocialCare, new[] { PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor }),
                     (Who.Lead, area.SocialCare, new[] { PractitionerRole.SocialWorker }),
                     (Who.Chair, area.SocialCare, new[] { PractitionerRole.SocialWorker, PractitionerRole.ConferenceChair }),
                     (Who.Referrer, area.School, new[] { PractitionerRole.DesignatedSafeguardingLead }),
                     (Who.Officer, area.Police, new[] { PractitionerRole.Practitioner }),
                     (Who.SchoolNurse, area.School, new[] { PractitionerRole.Practitioner }),
                 })
        {
            clients[who] = factory.NewClient();
            await HttpSignIn.SignInAsync(clients[who], await factory.NewAccountAsync(agency, roles));
            ids[who] = (await ChildJourney.Json(await clients[who].GetAsync(new Uri("/api/v1/me", UriKind.Relative)))).GetProperty("practitionerId").GetGuid();
        }

        var made = new List<(Guid, Guid, Guid)>();
        for (var i = 0; i < children; i++)
        {
            made.Add(await ChildOnAPlanAsync(clients, ids, i));
        }

        return new Area(clients, made);
    }

    /// <summary>A referral, a strategy discussion, a substantiated enquiry, an initial conference making a plan, and its review conference arranged.</summary>
    private static async Task<(Guid Child, Guid Plan, Guid Meeting)> ChildOnAPlanAsync(Dictionary<Who, HttpClient> c, Dictionary<Who, Guid> ids, int i)
    {
        var referral = await ChildJourney.Json(await c[Who.Referrer].PostAsJsonAsync("/api/v1/referrals", new
        {
            child = new { givenName = "Robin", familyName = $"Roundtrip{(char)('a' + (i % 26))}{i}", dateOfBirth = "2016-03-09", sex = "M", ethnicityCode = "WBRI" },
            concerns = "Bruises on his arms he will not explain.",
            harmTypes = new List<string> { "PhysicalAbuse" },
            harmContexts = new List<string> { "InsideTheHome" },
            familyKnows = true,
            familyAgrees = true,
            urgency = "Standard",
        }), HttpStatusCode.Created);
        var childId = referral.GetProperty("childId").GetGuid();
        var episodeId = (await ChildJourney.Json(await c[Who.Manager].PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/decision", new
        {
            outcome = "Section17Assessment", reasons = "Unexplained injuries: assess.", primaryNeedCode = "N1",
        }))).GetProperty("episodeId").GetGuid();
        await ChildJourney.Json(await c[Who.Manager].PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = ids[Who.Lead], agreed = true }));
        var lead = c[Who.Lead];
        var today = referral.GetProperty("receivedOn").GetString()!;
        var day = DateOnly.Parse(today, CultureInfo.InvariantCulture);
        var discussionId = (await ChildJourney.Json(await lead.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/strategy-discussions", new
        {
            heldOn = today,
            attendees = new[]
            {
                new { name = "Lead Worker", agency = "Children's social care", role = "LocalAuthoritySocialWorker" },
                new { name = "Nurse Trip", agency = "Health", role = "Health" },
                new { name = "DC Trip", agency = "Police", role = "Police" },
            },
            informationShared = "Bruising reported by the school.", policeDecision = "Started", section47 = true,
            section47Reasons = "Reasonable cause to suspect physical abuse.",
            actions = new[] { new { what = "Child protection medical", who = "Paediatrician", byWhen = today } },
            legalActionNeeded = false,
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var enquiryId = (await ChildJourney.Json(await lead.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussionId}/section-47", new { leadId = ids[Who.Lead] }),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ChildJourney.Json(await lead.PutAsJsonAsync($"/api/v1/section-47/{enquiryId}", new
        {
            childSeenOn = today, seenAlone = true, childsWishesAndFeelings = "Dad hurts me.", parentsInterviewed = true, jointWithPolice = true, suspectedSexualAbuse = false,
        }));
        await ChildJourney.Json(await lead.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/outcome", new { outcome = "Substantiated", reasons = "Injuries consistent with his account." }));
        var held = await ChildJourney.Json(await lead.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/initial-conference", new
        {
            heldOn = today, chairId = ids[Who.Chair],
            attendees = new[] { new { name = "Chair Trip", agency = "Children's social care", role = "LocalAuthoritySocialWorker" } },
            childsViews = "Robin wants to be safe.", familyParticipation = "Mother attended.", planNeeded = true,
            reasons = "Likely to suffer significant harm.", category = "PHY", leadSocialWorkerId = ids[Who.Lead],
            coreGroup = new object[] { new { name = "Teacher Trip", agency = "School" }, new { practitionerId = ids[Who.Officer] } },
            outlinePlan = new[] { new { what = "Safety plan", who = "Lead social worker", byWhen = $"{day.AddDays(14):yyyy-MM-dd}" } },
        }), HttpStatusCode.Created);
        var planId = held.GetProperty("plan").GetProperty("id").GetGuid();
        var meeting = await ChildJourney.Json(await lead.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/conference-meetings", new
        {
            kind = "Review", planId, scheduledFor = $"{day.AddDays(60):yyyy-MM-dd}",
            invitations = new object[] { new { practitionerId = ids[Who.Officer] }, new { practitionerId = ids[Who.SchoolNurse] }, new { name = "Ash Advocate", agency = "The family's advocate" } },
        }), HttpStatusCode.Created);
        return (childId, planId, meeting.GetProperty("id").GetGuid());
    }
}

public sealed class SqliteRoundTripTests(CountingSqliteFactory factory, ITestOutputHelper output) : RoundTripTests<CountingSqliteFactory>(factory, output);

public sealed class PostgreSqlRoundTripTests(CountingPostgreSqlFactory factory, ITestOutputHelper output) : RoundTripTests<CountingPostgreSqlFactory>(factory, output);
