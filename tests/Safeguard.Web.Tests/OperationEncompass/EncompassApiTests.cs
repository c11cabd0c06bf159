using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.OperationEncompass;

public abstract class EncompassApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private static object Notification(Guid settingId, string? summary = "Police attended a domestic incident at home last night; Kai was present and upset.") => new
    {
        child = new { givenName = "Kai", familyName = "Encompass", dateOfBirth = "2018-06-01", sex = "U", ethnicityCode = "NOBT" },
        settingAgencyId = settingId,
        incidentAt = "2026-11-20T21:30:00+00:00",
        childPresent = true,
        summary,
    };

    [Fact]
    [Trait("Rule", "POL-01")]
    public async Task PoliceNotification_ReachesOnlyTheChildsSchoolDsl_DueBeforeTheNextSchoolDay()
    {
        var area = await factory.NewAreaAsync();
        using var officer = factory.NewClient();
        await HttpSignIn.SignInAsync(officer, await factory.NewAccountAsync(area.Police));
        using var dsl = factory.NewClient();
        await HttpSignIn.SignInAsync(dsl, await factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead));
        var other = await factory.NewAreaAsync();
        using var otherDsl = factory.NewClient();
        await HttpSignIn.SignInAsync(otherDsl, await factory.NewAccountAsync(other.School, PractitionerRole.DesignatedSafeguardingLead));

        using var sent = await officer.PostAsJsonAsync("/api/v1/encompass", Notification(area.School.Id));

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var list = (await dsl.GetFromJsonAsync<JsonElement>("/api/v1/encompass")).EnumerateArray().ToList();
        var item = Assert.Single(list);
        Assert.Equal("2026-11-23", item.GetProperty("dueBy").GetString()); // Friday night: before school on Monday
        Assert.Empty((await otherDsl.GetFromJsonAsync<JsonElement>("/api/v1/encompass")).EnumerateArray());

        using var seen = await dsl.PostAsync(new Uri($"/api/v1/encompass/{item.GetProperty("id").GetString()}/seen", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, seen.StatusCode);
        var after = Assert.Single((await dsl.GetFromJsonAsync<JsonElement>("/api/v1/encompass")).EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("seenAt").ValueKind);
    }

    [Fact]
    public async Task Notification_FromSomeoneWhoIsNotPolice_IsForbidden()
    {
        var area = await factory.NewAreaAsync();
        using var teacher = factory.NewClient();
        await HttpSignIn.SignInAsync(teacher, await factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead));

        using var response = await teacher.PostAsJsonAsync("/api/v1/encompass", Notification(area.School.Id));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Notification_ToSomewhereThatIsNotASchool_OrWithoutSummary_IsRefused()
    {
        var area = await factory.NewAreaAsync();
        using var officer = factory.NewClient();
        await HttpSignIn.SignInAsync(officer, await factory.NewAccountAsync(area.Police));

        using var notSchool = await officer.PostAsJsonAsync("/api/v1/encompass", Notification(area.SocialCare.Id));
        using var noSummary = await officer.PostAsJsonAsync("/api/v1/encompass", Notification(area.School.Id, summary: null));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notSchool.StatusCode);
        Assert.Equal("SG-ENC-01", (await notSchool.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ruleId").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noSummary.StatusCode);
    }
}

public sealed class SqliteEncompassApiTests(SqliteFactory factory) : EncompassApiTests<SqliteFactory>(factory);

public sealed class PostgreSqlEncompassApiTests(PostgreSqlFactory factory) : EncompassApiTests<PostgreSqlFactory>(factory);
