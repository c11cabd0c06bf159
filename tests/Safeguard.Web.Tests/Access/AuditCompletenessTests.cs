using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// Every read of a child's personal data leaves an audit row, proved route by route: each GET route the service answers is
/// either listed in <see cref="ChildJourney"/> as showing a child (with who may request it and how to build its address from a
/// real journey) or listed as showing no child's data. A new route fails <see cref="EveryGetRoute_IsListedAsShowingAChildOrNot"/> until it is
/// listed; a listed route that does not audit fails <see cref="EveryRouteShowingAChild_WritesAnAuditRowForThatChild"/>.
/// </summary>
public abstract class AuditCompletenessTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    [Fact]
    public void EveryGetRoute_IsListedAsShowingAChildOrNot()
    {
        var listed = ChildJourney.Requests(ChildJourney.NoJourney).Select(r => r.Route).ToHashSet();
        var getRoutes = EndpointClassificationTests.Endpoints(factory.Services).Where(e => e.Method == "GET").Select(e => e.Key).Distinct();

        var unlisted = getRoutes.Where(k => !listed.Contains(k) && !ChildJourney.NotAboutAChild.Contains(k)).ToList();
        var both = listed.Intersect(ChildJourney.NotAboutAChild).ToList();

        Assert.True(unlisted.Count == 0, "Say whether these routes show a child's data (and walk them in AuditCompletenessTests): " + string.Join(", ", unlisted));
        Assert.Empty(both);
    }

    [Fact]
    public async Task EveryRouteShowingAChild_WritesAnAuditRowForThatChild()
    {
        var area = await factory.NewAreaAsync();
        var clients = await ChildJourney.SignInAsync(factory, area);
        try
        {
            var journey = await ChildJourney.WalkAsync(area, clients);
            var failures = new List<string>();
            foreach (var (route, who, path, child) in ChildJourney.Requests(journey))
            {
                var (client, practitionerId, _) = clients[who];
                var before = await LastAuditIdAsync(area.Area.Id);
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{route} as {who} answered {(int)response.StatusCode} {response.Headers.Location}");
                    continue;
                }

                var rows = await AuditRowsSinceAsync(area.Area.Id, before, child);
                if (!rows.Any(r => r.PractitionerId == practitionerId && r.AgencyId is not null && !string.IsNullOrWhiteSpace(r.Basis)
                        && r.Action is AuditAction.Read or AuditAction.Searched))
                {
                    failures.Add($"{route} as {who} wrote no audit row for the child it showed");
                }
            }

            Assert.True(failures.Count == 0, "Reads of a child's data without an audit row: " + string.Join("; ", failures));
        }
        finally
        {
            foreach (var (client, _, _) in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    private async Task<long> LastAuditIdAsync(Guid areaId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(areaId);
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    private async Task<List<AuditEntry>> AuditRowsSinceAsync(Guid areaId, long after, Guid childId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(areaId);
        return await db.AuditEntries.Where(a => a.Id > after && a.ChildId == childId).ToListAsync();
    }
}

public sealed class SqliteAuditCompletenessTests(SqliteFactory factory) : AuditCompletenessTests<SqliteFactory>(factory);

public sealed class PostgreSqlAuditCompletenessTests(PostgreSqlFactory factory) : AuditCompletenessTests<PostgreSqlFactory>(factory);
