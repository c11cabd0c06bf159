using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Data.Idempotency;
using Safeguard.Domain.OperationEncompass;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Security;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Senders;

/// <summary>
/// What a partner sends stays theirs: an Idempotency-Key belongs to its caller, a match to a child already held is never
/// told to the sender, and a referral is from the account that sent it.
/// </summary>
public abstract class SendersTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private const string HeldNhsNumber = "9434765919";

    private const string SchoolsWords = "Ellie said her mum's boyfriend Darren Fatherly grabbed her by the arm.";

    private static Dictionary<string, object?> SchoolReferral(string? nhsNumber = null) => new()
    {
        ["child"] = new Dictionary<string, object?>
        {
            ["givenName"] = "Ellie", ["familyName"] = "Keyholder", ["dateOfBirth"] = "2017-09-14", ["sex"] = "F", ["ethnicityCode"] = "MWBC",
            ["nhsNumber"] = nhsNumber,
        },
        ["concerns"] = SchoolsWords,
        ["harmTypes"] = new[] { "PhysicalAbuse" },
        ["childsViews"] = "Ellie said she is scared of Darren Fatherly.",
        ["familyKnows"] = false,
        ["whyFamilyNotToldOrAgreed"] = "Telling the family could put Ellie at greater risk tonight.",
        ["urgency"] = "Urgent",
    };

    private static Dictionary<string, object?> Notification(Guid settingId, string givenName = "Kai", string? nhsNumber = null) => new()
    {
        ["child"] = new Dictionary<string, object?>
        {
            ["givenName"] = givenName, ["familyName"] = "Asdescribed", ["dateOfBirth"] = "2018-06-01", ["sex"] = "U", ["ethnicityCode"] = "NOBT",
            ["nhsNumber"] = nhsNumber,
        },
        ["settingAgencyId"] = settingId,
        ["incidentAt"] = "2026-11-20T21:30:00+00:00",
        ["childPresent"] = true,
        ["summary"] = "Police attended a domestic incident at home last night; the child was present and upset.",
    };

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(IdempotencyFilter.Header, key);
        return client.SendAsync(request);
    }

    private async Task<HttpClient> SignedInAsync(Agency agency, params PractitionerRole[] roles)
    {
        var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(agency, roles));
        return client;
    }

    private async Task<T> InAreaAsync<T>(Guid areaId, Func<SafeguardDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(areaId);
        return await query(db);
    }

    /// <summary>A child children's social care already holds, with a verified NHS number.</summary>
    private static async Task<Guid> HeldChildAsync(HttpClient socialCare)
    {
        using var made = await socialCare.PostAsJsonAsync("/api/v1/children", new
        {
            givenName = "Heldname", familyName = "Realrecord", dateOfBirth = "2016-02-03", sex = "F", ethnicityCode = "WBRI", nhsNumber = HeldNhsNumber,
        });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        return (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task PoliceReusingASchoolsIdempotencyKey_GetTheirOwnAnswer_NeverTheSchoolsReferral()
    {
        var area = await factory.NewAreaAsync();
        using var dsl = await SignedInAsync(area.School, PractitionerRole.DesignatedSafeguardingLead);
        using var police = await SignedInAsync(area.Police);
        var key = Guid.NewGuid().ToString();
        using var schools = await PostWithKeyAsync(dsl, "/api/v1/referrals", SchoolReferral(), key);
        Assert.Equal(HttpStatusCode.Created, schools.StatusCode);

        using var anotherOfficer = await SignedInAsync(area.Police);

        // The same key, for a referral with the same body and for a notification: each is that officer's own new request.
        using var sameBody = await PostWithKeyAsync(police, "/api/v1/referrals", SchoolReferral(), key);
        using var notification = await PostWithKeyAsync(anotherOfficer, "/api/v1/encompass", Notification(area.School.Id), key);

        Assert.Equal(HttpStatusCode.Created, sameBody.StatusCode);
        Assert.False(sameBody.Headers.Contains(IdempotencyFilter.ReplayedHeader));
        Assert.NotEqual(schools.Headers.Location, sameBody.Headers.Location);
        var officersReferral = await sameBody.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual((await schools.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), officersReferral.GetProperty("id").GetGuid());
        Assert.Equal("6", officersReferral.GetProperty("sourceCode").GetString());
        Assert.Equal(HttpStatusCode.Created, notification.StatusCode);
        var text = await notification.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Ellie", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Darren", text, StringComparison.Ordinal);
        Assert.Equal(2, await InAreaAsync(area.Area.Id, db => db.Referrals.CountAsync()));
        Assert.Equal(1, await InAreaAsync(area.Area.Id, db => db.EncompassNotifications.CountAsync()));
    }

    [Fact]
    public async Task TheSameKeyWithADifferentBody_IsA422_AndSavesNothing()
    {
        var area = await factory.NewAreaAsync();
        using var dsl = await SignedInAsync(area.School, PractitionerRole.DesignatedSafeguardingLead);
        var key = Guid.NewGuid().ToString();
        using var first = await PostWithKeyAsync(dsl, "/api/v1/referrals", SchoolReferral(), key);
        var changed = SchoolReferral();
        changed["urgency"] = "ImmediateRisk";

        using var second = await PostWithKeyAsync(dsl, "/api/v1/referrals", changed, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(IdempotencyFilter.ReusedKeyRule, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ruleId").GetString());
        Assert.Equal(1, await InAreaAsync(area.Area.Id, db => db.Referrals.CountAsync()));
    }

    [Fact]
    public async Task TheSameRequestWhileTheFirstIsStillBeingHandled_IsA409()
    {
        var area = await factory.NewAreaAsync();
        var email = await factory.NewAccountAsync(area.Police);
        using var officer = factory.NewClient();
        await HttpSignIn.SignInAsync(officer, email);
        var me = await InAreaAsync(area.Area.Id, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var body = JsonSerializer.SerializeToUtf8Bytes(Notification(area.School.Id));
        var key = Guid.NewGuid().ToString();
        await InAreaAsync(area.Area.Id, async db =>
        {
            db.IdempotentRequests.Add(new IdempotentRequest(Guid.NewGuid(), area.Area.Id, $"account:{me}", key,
                IdempotencyFilter.Hash("POST", "/api/v1/encompass", body), new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero)));
            return await db.SaveChangesAsync();
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/encompass")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.Add(IdempotencyFilter.Header, key);

        using var response = await officer.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(IdempotencyFilter.InFlightRule, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ruleId").GetString());
        Assert.Equal(0, await InAreaAsync(area.Area.Id, db => db.EncompassNotifications.CountAsync()));
    }

    [Fact]
    public async Task AnEncompassNotificationSentTwiceWithOneKey_IsOneNotificationAboutOneChild_AndTheReplayIsAudited()
    {
        var area = await factory.NewAreaAsync();
        using var officer = await SignedInAsync(area.Police);
        var key = Guid.NewGuid().ToString();

        using var first = await PostWithKeyAsync(officer, "/api/v1/encompass", Notification(area.School.Id), key);
        using var second = await PostWithKeyAsync(officer, "/api/v1/encompass", Notification(area.School.Id), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues(IdempotencyFilter.ReplayedHeader).Single());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(1, await InAreaAsync(area.Area.Id, db => db.EncompassNotifications.CountAsync()));
        Assert.Equal(1, await InAreaAsync(area.Area.Id, db => db.Children.CountAsync()));
        var notificationId = await InAreaAsync(area.Area.Id, db => db.EncompassNotifications.Select(n => n.Id).SingleAsync());
        Assert.Equal(1, await InAreaAsync(area.Area.Id, db => db.AuditEntries.CountAsync(a =>
            a.Basis == IdempotencyFilter.ReplayBasis && a.RecordId == notificationId && a.ChildId != null)));
    }

    [Fact]
    public async Task AnEncompassNotificationWithAHeldChildsNhsNumber_AnswersOnlyWhatThePoliceSent_AndWaitsForTheFrontDoor()
    {
        var area = await factory.NewAreaAsync();
        using var socialCare = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker);
        var held = await HeldChildAsync(socialCare);
        using var officer = await SignedInAsync(area.Police);

        using var sent = await officer.PostAsJsonAsync("/api/v1/encompass", Notification(area.School.Id, nhsNumber: HeldNhsNumber));

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var text = await sent.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Heldname", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Realrecord", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2016-02-03", text, StringComparison.Ordinal);
        Assert.DoesNotContain(held.ToString(), text, StringComparison.Ordinal);
        var view = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Kai Asdescribed", view.GetProperty("childName").GetString());
        Assert.Equal("2018-06-01", view.GetProperty("dateOfBirth").GetString());
        var notification = await InAreaAsync(area.Area.Id, db => db.EncompassNotifications.SingleAsync());
        Assert.NotEqual(held, notification.ChildId);
        Assert.Equal(held, notification.PossiblyHeldChildId);
        // The held child's record did not gain the notification: nothing about it reached the police's answer or the setting.
        Assert.Equal(0, await InAreaAsync(area.Area.Id, db => db.Chronology.CountAsync(c => c.ChildId == held)));
    }

    [Fact]
    public async Task TheFrontDoorConfirmsAHeldChild_AndThePoliceStillSeeOnlyWhatTheySent()
    {
        var area = await factory.NewAreaAsync();
        using var manager = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var held = await HeldChildAsync(manager);
        using var officer = await SignedInAsync(area.Police);
        using var sent = await officer.PostAsJsonAsync("/api/v1/encompass", Notification(area.School.Id, nhsNumber: HeldNhsNumber));
        var notificationId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var frontDoor = await manager.GetStringAsync(new Uri("/front-door", UriKind.Relative));
        Assert.Contains("is this a child already known?", frontDoor, StringComparison.Ordinal);
        Assert.Contains("Kai Asdescribed", frontDoor, StringComparison.Ordinal);
        Assert.Contains("Heldname Realrecord", frontDoor, StringComparison.Ordinal);
        using var confirmed = await HttpSignIn.PostFormAsync(manager, "/front-door",
            new Dictionary<string, string> { ["notificationId"] = notificationId.ToString() }, handler: "SameChild");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var notification = await InAreaAsync(area.Area.Id, db => db.EncompassNotifications.SingleAsync());
        Assert.Equal(held, notification.ChildId);
        Assert.Null(notification.PossiblyHeldChildId);
        var officersPage = await officer.GetStringAsync(new Uri("/encompass", UriKind.Relative));
        Assert.Contains("Kai Asdescribed", officersPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Heldname", officersPage, StringComparison.Ordinal);
        Assert.DoesNotContain("is this a child already known?", await manager.GetStringAsync(new Uri("/front-door", UriKind.Relative)),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASchoolsReferralWithAHeldChildsNhsNumber_AnswersOnlyWhatTheSchoolSent_AndIsOfferedToTheFrontDoor()
    {
        var area = await factory.NewAreaAsync();
        using var socialCare = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker);
        var held = await HeldChildAsync(socialCare);
        using var dsl = await SignedInAsync(area.School, PractitionerRole.DesignatedSafeguardingLead);

        using var sent = await dsl.PostAsJsonAsync("/api/v1/referrals", SchoolReferral(HeldNhsNumber));

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var referral = await sent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Ellie Keyholder", referral.GetProperty("childName").GetString());
        Assert.NotEqual(held, referral.GetProperty("childId").GetGuid());
        Assert.DoesNotContain("Heldname", referral.GetRawText(), StringComparison.Ordinal);
        var id = referral.GetProperty("id").GetGuid();
        var mine = await dsl.GetStringAsync(new Uri("/api/v1/referrals/mine", UriKind.Relative));
        Assert.DoesNotContain("Heldname", mine, StringComparison.Ordinal);

        // The front door is offered the held record, and says it is the same child; the school still sees what it sent.
        var page = await socialCare.GetStringAsync(new Uri($"/referrals/{id}", UriKind.Relative));
        Assert.Contains("Is this child already known?", page, StringComparison.Ordinal);
        using var same = await HttpSignIn.PostFormAsync(socialCare, $"/referrals/{id}",
            new Dictionary<string, string> { ["existingChildId"] = held.ToString() }, handler: "SameChild");
        Assert.Equal(HttpStatusCode.Redirect, same.StatusCode);
        var after = await dsl.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{id}");
        Assert.Equal(held, after.GetProperty("childId").GetGuid());
        Assert.Equal("Ellie Keyholder", after.GetProperty("childName").GetString());
        Assert.DoesNotContain("Heldname", await dsl.GetStringAsync(new Uri($"/referrals/{id}", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("onBehalfOf", "SG-REF-23", "OnBehalfOf")]
    [InlineData("sourceCode", "SG-REF-24", "SourceCode")]
    public async Task ASchoolSayingItIsSomeoneElse_OrChoosingTheSourceCode_IsRefusedNamingTheField(string field, string rule, string named)
    {
        var area = await factory.NewAreaAsync();
        using var dsl = await SignedInAsync(area.School, PractitionerRole.DesignatedSafeguardingLead);
        var body = SchoolReferral();
        body[field] = field == "sourceCode" ? "1A" : new { name = "Detective Inspector Madeup", role = "police officer", phone = "01632 960 999" };

        using var response = await dsl.PostAsJsonAsync("/api/v1/referrals", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(rule, problem.GetProperty("ruleId").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(named, out _));
        Assert.Equal(0, await InAreaAsync(area.Area.Id, db => db.Referrals.CountAsync()));
        Assert.Equal(0, await InAreaAsync(area.Area.Id, db => db.Children.CountAsync()));
    }

    [Fact]
    public async Task ASchoolsReferral_ShowsTheAccountThatSentIt_CodedFromItsAgency()
    {
        var area = await factory.NewAreaAsync();
        using var dsl = await SignedInAsync(area.School, PractitionerRole.DesignatedSafeguardingLead);

        using var response = await dsl.PostAsJsonAsync("/api/v1/referrals", SchoolReferral());

        var referral = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2A", referral.GetProperty("sourceCode").GetString());
        var saved = await InAreaAsync(area.Area.Id, db => db.Referrals.SingleAsync());
        Assert.NotNull(saved.Referrer.PractitionerId);
        Assert.Equal(saved.Referrer.PractitionerId, saved.RecordedBy);
        Assert.Equal(area.School.Id, saved.Referrer.AgencyId);
    }

    [Fact]
    public async Task TheFrontDoor_RecordsAPhoneCallForWhoCalled_WithTheSourceItChooses()
    {
        var area = await factory.NewAreaAsync();
        using var socialWorker = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker);
        var body = SchoolReferral();
        body["onBehalfOf"] = new { name = "Pat Neighbour", role = "neighbour", phone = "01632 960 123" };
        body["sourceCode"] = "1B";

        using var response = await socialWorker.PostAsJsonAsync("/api/v1/referrals", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var referral = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Pat Neighbour", referral.GetProperty("referrerName").GetString());
        Assert.Equal("1B", referral.GetProperty("sourceCode").GetString());
        var saved = await InAreaAsync(area.Area.Id, db => db.Referrals.SingleAsync());
        Assert.Null(saved.Referrer.PractitionerId);
        Assert.NotNull(saved.RecordedBy);
    }

    private async Task<(TestArea Area, HttpClient Manager, HttpClient Officer, Guid Held, Guid NotificationId)> PossibleMatchAsync()
    {
        var area = await factory.NewAreaAsync();
        var manager = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var held = await HeldChildAsync(manager);
        var officer = await SignedInAsync(area.Police);
        using var sent = await officer.PostAsJsonAsync("/api/v1/encompass", Notification(area.School.Id, nhsNumber: HeldNhsNumber));
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        return (area, manager, officer, held, (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task TheFrontDoorApi_ListsAPossibleMatch_AuditedAsReadsOfBothChildren_AndConfirmsIt()
    {
        var (area, manager, officer, held, notificationId) = await PossibleMatchAsync();
        using var _ = officer;
        var sentChild = await InAreaAsync(area.Area.Id, db => db.EncompassNotifications.Select(n => n.ChildId).SingleAsync());
        Task<int> ReadsOf(Guid child) => InAreaAsync(area.Area.Id, db => db.AuditEntries.CountAsync(a => a.ChildId == child));
        var (heldBefore, sentBefore) = (await ReadsOf(held), await ReadsOf(sentChild));

        var waiting = await manager.GetFromJsonAsync<JsonElement>("/api/v1/encompass/possible-matches");

        var match = Assert.Single(waiting.EnumerateArray());
        Assert.Equal(notificationId, match.GetProperty("notificationId").GetGuid());
        Assert.Equal("Kai Asdescribed", match.GetProperty("sentName").GetString());
        Assert.Equal("Heldname Realrecord", match.GetProperty("heldName").GetString());
        Assert.Equal(held, match.GetProperty("heldChildId").GetGuid());
        Assert.Equal(heldBefore + 1, await ReadsOf(held));
        Assert.Equal(sentBefore + 1, await ReadsOf(sentChild));

        using var confirmed = await manager.PostAsJsonAsync($"/api/v1/encompass/{notificationId}/match", new { sameChild = true });

        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        var notification = await InAreaAsync(area.Area.Id, db => db.EncompassNotifications.SingleAsync());
        Assert.Equal(held, notification.ChildId);
        Assert.Null(notification.PossiblyHeldChildId);
        Assert.Empty((await manager.GetFromJsonAsync<JsonElement>("/api/v1/encompass/possible-matches")).EnumerateArray());
        var officersPage = await officer.GetStringAsync(new Uri("/encompass", UriKind.Relative));
        Assert.Contains("Kai Asdescribed", officersPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Heldname", officersPage, StringComparison.Ordinal);

        using var again = await manager.PostAsJsonAsync($"/api/v1/encompass/{notificationId}/match", new { sameChild = false });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal(EncompassNotification.NoPendingMatchRule, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ruleId").GetString());
        Assert.Equal(held, (await InAreaAsync(area.Area.Id, db => db.EncompassNotifications.SingleAsync())).ChildId);
    }

    [Fact]
    public async Task TheFrontDoorApi_SayingItIsNotTheSameChild_SettlesTheSuggestion_AndTheRecordsStayApart()
    {
        var (area, manager, officer, held, notificationId) = await PossibleMatchAsync();
        using var _ = officer;
        var sentChild = await InAreaAsync(area.Area.Id, db => db.EncompassNotifications.Select(n => n.ChildId).SingleAsync());

        using var missing = await manager.PostAsJsonAsync($"/api/v1/encompass/{notificationId}/match", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(held, (await InAreaAsync(area.Area.Id, db => db.EncompassNotifications.SingleAsync())).PossiblyHeldChildId);

        using var rejected = await manager.PostAsJsonAsync($"/api/v1/encompass/{notificationId}/match", new { sameChild = false });

        Assert.Equal(HttpStatusCode.NoContent, rejected.StatusCode);
        var notification = await InAreaAsync(area.Area.Id, db => db.EncompassNotifications.SingleAsync());
        Assert.Equal(sentChild, notification.ChildId);
        Assert.Null(notification.PossiblyHeldChildId);
        Assert.Equal(2, await InAreaAsync(area.Area.Id, db => db.Children.CountAsync(c => c.Id == held || c.Id == sentChild)));
        Assert.Empty((await manager.GetFromJsonAsync<JsonElement>("/api/v1/encompass/possible-matches")).EnumerateArray());

        using var unknown = await manager.PostAsJsonAsync($"/api/v1/encompass/{Guid.NewGuid()}/match", new { sameChild = true });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task TheFrontDoorPage_AnsweringAMatchSettledAlready_ShowsWhyInTheErrorSummary_AndChangesNothing()
    {
        var (area, manager, officer, _, notificationId) = await PossibleMatchAsync();
        using var __ = officer;
        var sentChild = await InAreaAsync(area.Area.Id, db => db.EncompassNotifications.Select(n => n.ChildId).SingleAsync());
        using var rejected = await HttpSignIn.PostFormAsync(manager, "/front-door",
            new Dictionary<string, string> { ["notificationId"] = notificationId.ToString() }, handler: "NotSameChild");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);

        using var again = await HttpSignIn.PostFormAsync(manager, "/front-door",
            new Dictionary<string, string> { ["notificationId"] = notificationId.ToString() }, handler: "SameChild");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = await again.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", page, StringComparison.Ordinal);
        Assert.Contains("There is no possible match waiting for this notification", page, StringComparison.Ordinal);
        Assert.Equal(sentChild, (await InAreaAsync(area.Area.Id, db => db.EncompassNotifications.SingleAsync())).ChildId);
    }

    [Fact]
    public async Task ThePoliceAndSchools_AreRefusedThePossibleMatches_AndCannotDecideOne()
    {
        var (area, manager, officer, held, notificationId) = await PossibleMatchAsync();
        using var __ = manager;
        using var dsl = await SignedInAsync(area.School, PractitionerRole.DesignatedSafeguardingLead);

        foreach (var outsider in new[] { officer, dsl })
        {
            using var list = await outsider.GetAsync(new Uri("/api/v1/encompass/possible-matches", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            Assert.DoesNotContain("Heldname", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var decided = await outsider.PostAsJsonAsync($"/api/v1/encompass/{notificationId}/match", new { sameChild = true });
            Assert.Equal(HttpStatusCode.Forbidden, decided.StatusCode);
        }

        officer.Dispose();
        var notification = await InAreaAsync(area.Area.Id, db => db.EncompassNotifications.SingleAsync());
        Assert.NotEqual(held, notification.ChildId);
        Assert.Equal(held, notification.PossiblyHeldChildId);
    }
}

public sealed class SqliteSendersTests(SqliteFactory factory) : SendersTests<SqliteFactory>(factory);

public sealed class PostgreSqlSendersTests(PostgreSqlFactory factory) : SendersTests<PostgreSqlFactory>(factory);
