using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Children;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.LookedAfter;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Invariants;

/// <summary>
/// "My work" lists the looked after children without a care plan (LAC-01) however many children are looked after: the
/// database picks them, rather than the page taking the first 200 looked after children and filtering those.
/// </summary>
public abstract class WithoutCarePlanListTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    [Fact]
    [Trait("Rule", "LAC-01")]
    public async Task MoreThan200LookedAfterChildren_TheNewestWithoutACarePlanAreListed()
    {
        var area = await factory.NewAreaAsync();
        var managerEmail = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var today = EnglandClock.Today(factory.Time ?? TimeProvider.System);
        const int withPlan = 210;
        var waiting = new List<Guid>();
        var planned = new List<Guid>();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(area.Area.Id);
            var manager = await db.Practitioners.SingleAsync(p => p.Email == managerEmail);
            // The children with a care plan became looked after first, so the oldest 200 periods all have one.
            for (var i = 0; i < withPlan + 3; i++)
            {
                var hasPlan = i < withPlan;
                var on = today.AddDays(-(withPlan + 10) + i);
                var child = new Child(Guid.NewGuid(), area.Area.Id, new ChildDetails(hasPlan ? $"Planned{i}" : $"Waiting{i}", "Lactest", today.AddYears(-8), null,
                    Sex.Female, null, "WBRI", [], "English", null, null), today);
                db.Children.Add(child);
                var receivedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
                var referral = Referral.Receive(Guid.NewGuid(), area.Area.Id, $"L{Guid.NewGuid():N}"[..14], child,
                    new Referrer(manager.Id, manager.AgencyId, manager.FullName, manager.JobTitle, null, manager.Email),
                    new ReferralDetails("No one is able to care for the child.", [HarmType.Neglect], HarmContext.InsideTheHome, null, true, true, null,
                        Urgency.Standard, "5A"), receivedAt, on, null);
                var episode = Episode.Open(Guid.NewGuid(), referral);
                referral.BelongTo(episode.Id);
                var period = LookedAfterPeriod.Start(Guid.NewGuid(), Guid.NewGuid(), episode, manager, on, LegalStatus.Section20, "No one is able to care for the child.",
                    new PlacementDetails(on, PlacementType.FosterCare, "Foster carers, Eastbridge", false, null), today);
                if (hasPlan)
                {
                    period.AgreeCarePlan(manager.Id, on, "Foster care; stays at her school.", "Carers know who must not have contact.", today);
                    planned.Add(period.Id);
                }
                else
                {
                    waiting.Add(period.Id);
                }

                db.AddRange(referral, episode, period);
            }

            await db.SaveChangesAsync();
        }

        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, managerEmail);
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.All(waiting, id => Assert.Contains($"/looked-after/{id}/care-plan", html, StringComparison.Ordinal));
        Assert.All(planned, id => Assert.DoesNotContain($"/looked-after/{id}/care-plan", html, StringComparison.Ordinal));
    }
}

public sealed class SqliteWithoutCarePlanListTests(RaceSqliteFactory factory) : WithoutCarePlanListTests<RaceSqliteFactory>(factory);

public sealed class PostgreSqlWithoutCarePlanListTests(RacePostgreSqlFactory factory) : WithoutCarePlanListTests<RacePostgreSqlFactory>(factory);
