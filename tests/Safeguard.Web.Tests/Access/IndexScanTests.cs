using System.Data.Common;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Safeguard.Data;
using Safeguard.Web.Tests.Support;
using Xunit.Abstractions;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// The pages of a child's case read through indexes, so they stay fast in an area of a million children. Each query the
/// child's page, "My work", the conference's page and the plan's page send is explained by PostgreSQL, on the service's own
/// connection (row-level security included), with its parameters, as the planner would run it were the tables large:
/// sequential scans, hash joins and merge joins switched off, so that every table is reached by a nested loop over an
/// index — or by the sequential scan the planner falls back on when no index serves. A large table must be reached
/// only through an index scan with a condition on the index; a small reference table may be read whole.
/// </summary>
public sealed class IndexScanTests(ExplainingPostgreSqlFactory factory, ITestOutputHelper output) : IClassFixture<ExplainingPostgreSqlFactory>
{
    /// <summary>Tables that stay small in any area, read whole without harm: areas, their agencies and teams.</summary>
    private static readonly HashSet<string> SmallTables = ["Areas", "Agencies", "Teams"];

    /// <summary>
    /// Reads this test has found that do not yet go through an index, each with what it needs. Each
    /// is named by its table and a fragment of its SQL, so that any other read found is a failure, and so is one of these
    /// once it is put right (take it off the list then).
    /// </summary>
    private static readonly (string Table, string Fragment, string Needs)[] Pending =
    [
        // "My work": the episodes the practitioner leads, each with its open plan. The plan is picked by a window over
        // every open plan of the area (EF's FirstOrDefault in a projection), so both are read whole: it needs the open plan
        // read by the led episodes' ids.
        ("Episodes", "ROW_NUMBER() OVER(PARTITION BY p0.\"EpisodeId\"", "the open plan read by episode id"),
        ("Plans", "ROW_NUMBER() OVER(PARTITION BY p0.\"EpisodeId\"", "the open plan read by episode id"),

        // "My work": looked after children with no care plan, filtered on the episode's lead after reading every open
        // period: it needs to start from the practitioner's participant rows.
        ("LookedAfterPeriods", "FROM \"LookedAfterPeriods\" AS l", "to start from the lead's participant rows"),

        // Whether the reader is in the core group of the episode's open plan: the plans are found by episode, which no
        // index of ChildProtectionPlans leads with.
        ("ChildProtectionPlans", "p.\"Role\" = 'CoreGroupMember'", "an index on ChildProtectionPlans (EpisodeId)"),
    ];

    [Fact]
    public async Task ThePagesOfAChildsCase_ReadEveryLargeTableThroughAnIndex()
    {
        var area = await CaseArea.MakeAsync(factory, 2);
        try
        {
            var wrong = new List<string>();
            var found = new HashSet<int>();
            foreach (var (page, who, path) in RoundTripTests<CountingPostgreSqlFactory>.Pages())
            {
                var address = path(area.Children[0]);
                using (var warm = await area.Clients[who].GetAsync(new Uri(address, UriKind.Relative)))
                {
                    Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
                }

                factory.Plans.Start();
                using (var response = await area.Clients[who].GetAsync(new Uri(address, UriKind.Relative)))
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }

                var plans = factory.Plans.Stop();
                Assert.NotEmpty(plans);
                foreach (var (sql, plan) in plans)
                {
                    foreach (var scan in Scans(plan).Where(s => !SmallTables.Contains(s.Table) && !s.ThroughIndex))
                    {
                        if (Array.FindIndex(Pending, k => k.Table == scan.Table && sql.Contains(k.Fragment, StringComparison.Ordinal)) is var known and >= 0)
                        {
                            found.Add(known);
                            continue;
                        }

                        wrong.Add($"{page} as {who}: {scan.Node} on {scan.Table}\n    {sql.ReplaceLineEndings(" ")}");
                    }
                }

                output.WriteLine($"{page} as {who}: {plans.Count} queries explained");
            }

            wrong.AddRange(Pending.Where((_, i) => !found.Contains(i)).Select(k => $"Now read through an index (take it off the pending list): {k.Table}, {k.Fragment}"));
            Assert.True(wrong.Count == 0, "Not read through an index:\n" + string.Join("\n", wrong.Distinct()));
        }
        finally
        {
            foreach (var client in area.Clients.Values)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Every node of the plan that reads a table: the table, the kind of node, and whether an index condition narrows it.</summary>
    private static IEnumerable<(string Table, string Node, bool ThroughIndex)> Scans(JsonElement node)
    {
        if (node.TryGetProperty("Relation Name", out var relation))
        {
            var kind = node.GetProperty("Node Type").GetString()!;
            var indexed = kind is "Index Scan" or "Index Only Scan" or "Bitmap Heap Scan" && (node.TryGetProperty("Index Cond", out _) || kind == "Bitmap Heap Scan");
            yield return (relation.GetString()!, kind, indexed);
        }

        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                foreach (var scan in Scans(child))
                {
                    yield return scan;
                }
            }
        }
    }
}

/// <summary>
/// While started, explains every query the service sends — on the same connection, just before it runs, with its
/// parameters — as PostgreSQL would plan it over large tables (no sequential scans, hash or merge joins unless nothing
/// else can answer).
/// </summary>
public sealed class QueryPlans : DbCommandInterceptor
{
    private readonly object _gate = new();
    private List<(string Sql, JsonElement Plan)>? _plans;

    public void Start()
    {
        lock (_gate)
        {
            _plans = [];
        }
    }

    public List<(string Sql, JsonElement Plan)> Stop()
    {
        lock (_gate)
        {
            var plans = _plans ?? [];
            _plans = null;
            return plans;
        }
    }

    private void Explain(DbCommand command)
    {
        lock (_gate)
        {
            if (_plans is null)
            {
                return;
            }
        }

        var text = command.CommandText.TrimStart();
        if (!text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("WITH", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var connection = (NpgsqlConnection)command.Connection!;
        Run(connection, command, "SET enable_seqscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off");
        try
        {
            using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + command.CommandText, connection, (NpgsqlTransaction?)command.Transaction);
            foreach (NpgsqlParameter parameter in command.Parameters)
            {
                explain.Parameters.Add(parameter.Clone());
            }

            var json = (string)explain.ExecuteScalar()!;
            using var document = JsonDocument.Parse(json);
            var plan = document.RootElement[0].GetProperty("Plan").Clone();
            lock (_gate)
            {
                _plans?.Add((command.CommandText, plan));
            }
        }
        finally
        {
            Run(connection, command, "RESET enable_seqscan; RESET enable_hashjoin; RESET enable_mergejoin");
        }
    }

    private static void Run(NpgsqlConnection connection, DbCommand command, string sql)
    {
        using var set = new NpgsqlCommand(sql, connection, (NpgsqlTransaction?)command.Transaction);
        set.ExecuteNonQuery();
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Explain(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Explain(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Explain(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        Explain(command);
        return ValueTask.FromResult(result);
    }
}

/// <summary>The service on PostgreSQL, at a fixed "now", with the plan of every query it sends taken while asked.</summary>
public sealed class ExplainingPostgreSqlFactory : PostgreSqlFactory
{
    public ExplainingPostgreSqlFactory() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    public QueryPlans Plans { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<PostgreSqlSafeguardDbContext>((_, o) => o.AddInterceptors(Plans)));
    }
}
