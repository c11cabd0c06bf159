using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Safeguard.Data;
using Safeguard.Data.Participation;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Participation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// Allocations written through the service are participant rows, with their history; and records saved before participants
/// were rows get theirs from the backfill that runs at start — the same rows, written once.
/// </summary>
public abstract class ParticipantRowsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    [Fact]
    public async Task LeadPractitioners_AreParticipantRowsWithTheirHistory_AndTheBackfillWritesTheSameRowsOnce()
    {
        var area = await factory.NewAreaAsync();
        using var manager = factory.NewClient();
        using var referrer = factory.NewClient();
        await HttpSignIn.SignInAsync(manager, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor));
        await HttpSignIn.SignInAsync(referrer, await factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead));
        var first = await PractitionerIdAsync(await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));
        var second = await PractitionerIdAsync(await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker));
        var episodes = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var referral = await ChildJourney.Json(await referrer.PostAsJsonAsync("/api/v1/referrals", new
            {
                child = new { givenName = "Ash", familyName = $"Rowtest{(char)('a' + i)}", dateOfBirth = "2015-06-01", sex = "F", ethnicityCode = "WBRI" },
                concerns = "Ash says there is often no food at home.", harmTypes = new List<string> { "Neglect" }, harmContexts = new List<string> { "InsideTheHome" },
                familyKnows = true, familyAgrees = true, urgency = "Standard",
            }), HttpStatusCode.Created);
            var episodeId = (await ChildJourney.Json(await manager.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/decision", new
            {
                outcome = "Section17Assessment", reasons = "Assess the family's needs.", primaryNeedCode = "N1",
            }))).GetProperty("episodeId").GetGuid();
            await ChildJourney.Json(await manager.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = first, agreed = true }));
            episodes.Add(episodeId);
        }

        await ChildJourney.Json(await manager.PostAsJsonAsync($"/api/v1/episodes/{episodes[1]}/allocation",
            new { leadPractitionerId = second, agreed = true, reason = "The first social worker moves team." }));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        var rows = await db.Participants.AsNoTracking().OrderBy(p => p.RecordId).ThenBy(p => p.Id).ToListAsync();

        Assert.Equal(3, rows.Count);
        Assert.All(rows, p => Assert.Equal((Participations.Episode, ParticipantRole.LeadPractitioner), (p.RecordKind, p.Role)));
        Assert.All(rows, p => Assert.False(string.IsNullOrWhiteSpace(p.Name) || p.AgencyName != area.SocialCare.Name || p.AgencyId != area.SocialCare.Id));
        Assert.True(Assert.Single(rows, p => p.RecordId == episodes[0]).IsCurrent);
        var history = rows.Where(p => p.RecordId == episodes[1]).ToList();
        Assert.Equal([(first, false), (second, true)], history.Select(p => (p.PractitionerId!.Value, p.IsCurrent)));

        db.Participants.RemoveRange(await db.Participants.ToListAsync());
        await db.SaveChangesAsync();
        Assert.True(await ParticipantBackfill.RunAsync(db, NullLogger.Instance, default) >= 2);
        Assert.Equal(0, await ParticipantBackfill.RunAsync(db, NullLogger.Instance, default));
        db.WorkInArea(area.Area.Id);
        var again = await db.Participants.AsNoTracking().ToListAsync();

        static string Key(Participant p) => $"{p.RecordKind} {p.RecordId} {p.ChildId} {p.Role} {p.PractitionerId} {p.Name} {p.AgencyId} {p.AgencyName} {p.From} {p.Until}";
        Assert.Equal(rows.Select(Key).Order(), again.Select(Key).Order());
    }

    private async Task<Guid> PractitionerIdAsync(string email)
    {
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, email);
        return (await ChildJourney.Json(await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative)))).GetProperty("practitionerId").GetGuid();
    }
}

public sealed class SqliteParticipantRowsTests(SqliteFactory factory) : ParticipantRowsTests<SqliteFactory>(factory);

public sealed class PostgreSqlParticipantRowsTests(PostgreSqlFactory factory) : ParticipantRowsTests<PostgreSqlFactory>(factory);
