using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Domain.Organisation;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Invariants;

/// <summary>
/// The practitioner pickers ask the database for what the page needs — the role, or what the user typed — bounded,
/// and keep the people already chosen; they never list administrators, analysts or the data protection officer.
/// </summary>
public abstract class PractitionerPickerTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    [Fact]
    public async Task ByRole_BySearch_Bounded_AndTheChosenKept()
    {
        var area = await factory.NewAreaAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        Practitioner Add(Agency agency, string given, string family, string job, params PractitionerRole[] roles)
        {
            var registered = roles.Any(r => r is PractitionerRole.SocialWorker or PractitionerRole.PracticeSupervisor);
            var p = new Practitioner(Guid.NewGuid(), agency, null, given, family, $"p{Guid.NewGuid():N}@test.example", job,
                registered ? SocialWorkRegistration.Parse("SW" + Random.Shared.Next(1, 9_999_999)) : null);
            foreach (var role in roles)
            {
                p.Grant(role, agency);
            }

            db.Practitioners.Add(p);
            return p;
        }

        var chair = Add(area.SocialCare, "Cora", "Chairwoman", "Independent reviewing officer", PractitionerRole.SocialWorker, PractitionerRole.ConferenceChair);
        var worker = Add(area.SocialCare, "Sam", "Worker", "Social worker", PractitionerRole.SocialWorker);
        var nurse = Add(area.School, "Nia", "Nurse", "School nurse");
        var admin = Add(area.SocialCare, "Ada", "Admin", "System administrator", PractitionerRole.Administrator);
        for (var i = 0; i < PractitionerPicker.MaxShown + 5; i++)
        {
            Add(area.Police, $"Officer{i:D3}", "Constable", "Police constable");
        }

        await db.SaveChangesAsync();

        var chairs = await PractitionerPicker.WithRoleAsync(db, PractitionerRole.ConferenceChair, registered: false, CancellationToken.None);
        Assert.Equal([chair.Id], chairs.Select(p => p.Id));
        var socialWorkers = await PractitionerPicker.WithRoleAsync(db, PractitionerRole.SocialWorker, registered: true, CancellationToken.None);
        Assert.Equal(new[] { chair.Id, worker.Id }.Order(), socialWorkers.Select(p => p.Id).Order());

        var everyone = await PractitionerPicker.FindAsync(db, null, [nurse.Id], CancellationToken.None);
        Assert.True(everyone.Count <= PractitionerPicker.MaxShown + 1);
        Assert.Contains(everyone, p => p.Id == nurse.Id);
        Assert.DoesNotContain(everyone, p => p.Id == admin.Id);

        var nurses = await PractitionerPicker.FindAsync(db, "nURSE", [], CancellationToken.None);
        Assert.Equal([nurse.Id], nurses.Select(p => p.Id));
        var bySchool = await PractitionerPicker.FindAsync(db, "primary school", [], CancellationToken.None);
        Assert.Equal([nurse.Id], bySchool.Select(p => p.Id));
        var kept = await PractitionerPicker.FindAsync(db, "nurse", [worker.Id], CancellationToken.None);
        Assert.Equal(new[] { nurse.Id, worker.Id }.Order(), kept.Select(p => p.Id).Order());

        var candidates = await EpisodeQueries.CandidatesAsync(db, CancellationToken.None);
        Assert.Equal(PractitionerPicker.MaxShown, candidates.Count);
        Assert.DoesNotContain(candidates, c => c.Person.Id == admin.Id);
    }
}

public sealed class SqlitePractitionerPickerTests(RaceSqliteFactory factory) : PractitionerPickerTests<RaceSqliteFactory>(factory);

public sealed class PostgreSqlPractitionerPickerTests(RacePostgreSqlFactory factory) : PractitionerPickerTests<RacePostgreSqlFactory>(factory);
