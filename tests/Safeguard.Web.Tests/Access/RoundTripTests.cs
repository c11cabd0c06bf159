using System.Net;
using Safeguard.Web.Tests.Support;
using Xunit.Abstractions;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// A page's database round trips do not grow with the data. Two areas alike but for their size — 5 children on child
/// protection plans, then 50 — each with one lead social worker who leads every child's episode, one police officer in
/// every plan's core group and invited to every review conference, and a school nurse invited to every review
/// conference only. Each reads the child's page, "My work", the conference's page and the plan's page in both areas, and
/// the number of database commands each sends — reads, saves, and on PostgreSQL the batched writes — must be the same
/// in both (give or take <see cref="Slack"/>), and none may make more than <see cref="Budget"/> round trips. Code that asks the database once per child, plan or meeting fails here
/// by 45 commands or more.
/// </summary>
public abstract class RoundTripTests<TFactory>(TFactory factory, ITestOutputHelper output) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory, ICountingFactory
{
    private const int Small = 5;
    private const int Large = 50;

    /// <summary>What may differ between the areas without growing with them (a cache filled on one side only).</summary>
    private const int Slack = 2;

    /// <summary>
    /// The most round trips a page may make, whatever the data: its reads, and its writes as a server database receives them
    /// — one batch per save (SQLite, inside the process, sends each row of a save as a command of its own, so its saves count).
    /// </summary>
    public const int Budget = 10;

    [Fact]
    public async Task ThePagesOfAChildsCase_AskTheDatabaseAsOftenForFiftyChildrenAsForFive()
    {
        var small = await CaseArea.MakeAsync(factory, Small);
        var large = await CaseArea.MakeAsync(factory, Large);
        try
        {
            var wrong = new List<string>();
            foreach (var (page, who, path) in Pages())
            {
                var few = await CountAsync(small.Clients[who], path(small.Children[0]));
                var many = await CountAsync(large.Clients[who], path(large.Children[0]));
                var said = $"{page} as {who}: {RoundTrips(few)} round trips, {few.Reads} reads, {few.Saves} saves ({few.Writes} writes) with {Small} children; "
                    + $"{RoundTrips(many)} round trips, {many.Reads} reads, {many.Saves} saves ({many.Writes} writes) with {Large}";
                output.WriteLine(said);
                if (many.Reads > few.Reads + Slack || many.Saves > few.Saves + Slack || (factory.BatchesWrites && many.Writes > few.Writes + Slack))
                {
                    wrong.Add(said);
                }

                foreach (var (count, size) in new[] { (few, Small), (many, Large) })
                {
                    var trips = RoundTrips(count);
                    if (trips > Budget)
                    {
                        wrong.Add($"{page} as {who} with {size} children: {trips} round trips, more than {Budget}");
                    }
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

    [Fact]
    public async Task ThePagesOfAChildsCase_AskTheDatabaseAsOftenWhenTheChildsOwnRecordGrows()
    {
        var area = await CaseArea.MakeAsync(factory, 2);
        try
        {
            var before = new List<(int Reads, int Writes, int Saves)>();
            foreach (var (_, who, path) in Pages())
            {
                before.Add(await CountAsync(area.Clients[who], path(area.Children[0])));
            }

            await area.GrowAsync(0, Grown);

            var wrong = new List<string>();
            foreach (var ((page, who, path), few) in Pages().Zip(before))
            {
                var many = await CountAsync(area.Clients[who], path(area.Children[0]));
                var said = $"{page} as {who}: {RoundTrips(few)} round trips ({few.Reads} reads, {few.Saves} saves) before the child's record grew; "
                    + $"{RoundTrips(many)} ({many.Reads} reads, {many.Saves} saves) after {Grown} more visits and records of information shared";
                output.WriteLine(said);
                if (many.Reads > few.Reads + Slack || many.Saves > few.Saves + Slack || RoundTrips(many) > Budget)
                {
                    wrong.Add(said);
                }
            }

            Assert.True(wrong.Count == 0, "Round trips grow with the child's own record:\n" + string.Join("\n", wrong));
        }
        finally
        {
            foreach (var client in area.Clients.Values)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>How many more visits and records of information shared the grown child has.</summary>
    private const int Grown = 20;

    /// <summary>Round trips to a server database: every read, and every write batch (one per save where rows are not batched).</summary>
    private int RoundTrips((int Reads, int Writes, int Saves) count) => count.Reads + (factory.BatchesWrites ? count.Writes : count.Saves);

    /// <summary>Each page, who reads it, and its address for one child of the area.</summary>
    internal static IEnumerable<(string Page, Who Who, Func<(Guid Child, Guid Plan, Guid Meeting), string> Path)> Pages() =>
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
}

public sealed class SqliteRoundTripTests(CountingSqliteFactory factory, ITestOutputHelper output) : RoundTripTests<CountingSqliteFactory>(factory, output);

public sealed class PostgreSqlRoundTripTests(CountingPostgreSqlFactory factory, ITestOutputHelper output) : RoundTripTests<CountingPostgreSqlFactory>(factory, output);
