using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Data.Clocks;
using Safeguard.Domain.Clocks;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Clocks;

/// <summary>
/// "My work" lists the clocks of records about no one child (an allegation, a serious incident, the partnership's records), named by
/// their kind, as well as children's.
/// </summary>
public abstract class MyWorkWithoutAChildTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    [Fact]
    [Trait("Rule", "REF-04")]
    public async Task AClockOnARecordWithNoChild_IsOnTheManagersListOfDeadlines_NamedByItsKind()
    {
        var area = await factory.NewAreaAsync();
        var email = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        var subjectId = Guid.NewGuid();
        Guid clockId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(area.Area.Id);
            var me = await db.Practitioners.SingleAsync(p => p.Email == email);
            var today = Domain.Calendar.EnglandClock.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
            var clock = new ClockRecord
            {
                Id = Guid.NewGuid(), AreaId = area.Area.Id, RuleId = "REF-04", SubjectId = subjectId, ChildId = null, StartedOn = today.AddDays(-3),
                DueOn = today.AddDays(-1), IsOpen = true, Status = ClockStatus.Running, ResponsibleRole = nameof(PractitionerRole.PracticeSupervisor),
                ResponsiblePractitionerId = me.Id,
            };
            db.ClockRecords.Add(clock);
            await db.SaveChangesAsync();
            clockId = clock.Id;
        }

        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, email);
        using var manager = factory.NewClient();
        await HttpSignIn.SignInAsync(manager, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor));
        var team = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/clocks")).EnumerateArray().ToList();

        var item = Assert.Single(team, w => w.GetProperty("clockId").GetGuid() == clockId);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("childId").ValueKind);
        Assert.Equal("Referral", item.GetProperty("childName").GetString());
        Assert.True(item.GetProperty("overdue").GetBoolean());
        Assert.Equal($"/referrals/{subjectId}", item.GetProperty("link").GetString());
    }
}

public sealed class SqliteMyWorkWithoutAChildTests(SqliteFactory factory) : MyWorkWithoutAChildTests<SqliteFactory>(factory);

public sealed class PostgreSqlMyWorkWithoutAChildTests(PostgreSqlFactory factory) : MyWorkWithoutAChildTests<PostgreSqlFactory>(factory);
