using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Data;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.FamilyHelp;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// A practitioner with no relationship with a child learns only that a record exists, and opens it with a reason: the
/// reason is recorded with every look, the case's manager is alerted and reviews it, and the access ends after hours.
/// </summary>
public abstract class BreakGlassTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    [Fact]
    public async Task AnOfficerBreaksTheGlass_IsAuditedWithTheReason_TheManagerReviews_AndTheAccessEnds()
    {
        var area = await factory.NewAreaAsync();
        using var manager = factory.NewClient();
        await HttpSignIn.SignInAsync(manager, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor));
        var officerEmail = await factory.NewAccountAsync(area.Police);
        using var officer = factory.NewClient();
        await HttpSignIn.SignInAsync(officer, officerEmail);
        var child = await (await manager.PostAsJsonAsync("/api/v1/children", new
        {
            givenName = "Glassy", familyName = "Testcase", dateOfBirth = "2016-05-04", sex = "F", ethnicityCode = "WBRI",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var childId = child.GetProperty("id").GetGuid();
        var record = new Uri($"/children/{childId}", UriKind.Relative);

        using (var before = await officer.GetAsync(record))
        {
            Assert.Equal("/account/access-denied", before.Headers.Location?.AbsolutePath);
        }

        var found = await officer.GetFromJsonAsync<JsonElement>("/api/v1/children/find?givenName=testcase&familyName=GLASSY&dateOfBirth=2016-05-04");
        Assert.Equal(childId, Assert.Single(found.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(2, Assert.Single(found.EnumerateArray()).EnumerateObject().Count());
        var wrongDate = await officer.GetFromJsonAsync<JsonElement>("/api/v1/children/find?givenName=Glassy&familyName=Testcase&dateOfBirth=2016-05-05");
        Assert.Empty(wrongDate.EnumerateArray());

        using (var noReason = await officer.PostAsJsonAsync($"/api/v1/children/{childId}/break-glass", new { reason = "need it" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        }

        const string reason = "Attending the home at 2am; Glassy is alone and we need to know who can care for her.";
        using (var opened = await officer.PostAsJsonAsync($"/api/v1/children/{childId}/break-glass", new { reason }))
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        }

        var page = await officer.GetStringAsync(record);
        Assert.Contains("break-glass access", page, StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(area.Area.Id);
            // The reason is sealed with the child's key in the audit trail (it is the practitioner's words about the child).
            var keys = await Safeguard.Data.Audit.AuditSeal.KeysAsync(db, [childId], create: false, CancellationToken.None);
            var bases = await db.AuditEntries.Where(a => a.ChildId == childId && a.Basis != null).Select(a => a.Basis).ToListAsync();
            Assert.DoesNotContain("Break-glass: " + reason, bases);
            Assert.Contains("Break-glass: " + reason, bases.Select(b => Safeguard.Data.Audit.AuditSeal.Open(b, keys[childId])));
        }

        var home = await manager.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("Break-glass access to review", home, StringComparison.Ordinal);
        var accessId = await IdOfAccessAsync(area, childId);
        using (var byOfficer = await officer.PostAsJsonAsync($"/api/v1/break-glass/{accessId}/review", new { note = "Fine." }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        }

        using (var reviewed = await manager.PostAsJsonAsync($"/api/v1/break-glass/{accessId}/review", new { note = "Justified: out-of-hours emergency." }))
        {
            Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        }

        Assert.DoesNotContain("Break-glass access to review", await manager.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        ((FakeTimeProvider)factory.Time!).Advance(TimeSpan.FromHours(8));
        await HttpSignIn.SignInAsync(officer, officerEmail);
        using var after = await officer.GetAsync(record);
        Assert.Equal("/account/access-denied", after.Headers.Location?.AbsolutePath);
    }

    private async Task<Guid> IdOfAccessAsync(TestArea area, Guid childId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        return await db.BreakGlass.Where(b => b.ChildId == childId).Select(b => b.Id).SingleAsync();
    }
}

public sealed class SqliteBreakGlassTests(FamilyHelpSqliteFactory factory) : BreakGlassTests<FamilyHelpSqliteFactory>(factory);

public sealed class PostgreSqlBreakGlassTests(FamilyHelpPostgreSqlFactory factory) : BreakGlassTests<FamilyHelpPostgreSqlFactory>(factory);
