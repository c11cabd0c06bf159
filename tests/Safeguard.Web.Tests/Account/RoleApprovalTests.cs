using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Data.Identity;
using Safeguard.Domain.Access;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Account;

/// <summary>
/// No administrator reaches case records through an account they make: roles that reach them take effect only when a second person
/// approves (a social work qualified manager of children's social care, a partner agency's named safeguarding lead), the administrator
/// never chooses or sees the password, and the account must use two-factor authentication.
/// </summary>
public abstract partial class RoleApprovalTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private const string ChosenByAdministrator = "Chosen-by-admin-2026";
    private const string OwnPassword = "Own-new-password-2026";

    private static Uri Path(string path) => new(path, UriKind.Relative);

    private static object SocialWorkerManager(TestArea area, string email) => new
    {
        givenName = "Rowan", familyName = "Made", email, jobTitle = "Team manager", agencyId = area.SocialCare.Id,
        roles = new[] { "SocialWorker", "PracticeSupervisor" }, registration = "SW" + Random.Shared.Next(100_000, 999_999),
        // Not part of the request any more: an administrator cannot choose the password.
        password = ChosenByAdministrator,
    };

    private async Task<(HttpClient Client, string Email)> SignedInAsync(Agency agency, params PractitionerRole[] roles)
    {
        var email = await factory.NewAccountAsync(agency, roles);
        var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, email);
        return (client, email);
    }

    private async Task<(Guid AccountId, Guid GrantId)> AddedAsync(HttpClient admin, TestArea area, object account)
    {
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/users", account);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        // On PostgreSQL row-level security keeps grants inside their area, whatever the query says.
        db.WorkInArea(area.Area.Id);
        var practitionerId = body.GetProperty("practitionerId").GetGuid();
        var grant = await db.RoleGrants.IgnoreQueryFilters().SingleAsync(g => g.PractitionerId == practitionerId);
        return (body.GetProperty("id").GetGuid(), grant.Id);
    }

    private static async Task<JsonElement> DecideAsync(HttpClient approver, Guid grantId, object decision, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await approver.PostAsJsonAsync($"/api/v1/approvals/{grantId}/decision", decision);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }

    private async Task<SafeguardUser> UserAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<SafeguardUser>>().FindByIdAsync(id.ToString()))!;
    }

    private async Task<bool> HasPasswordAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SafeguardUser>>();
        return await users.HasPasswordAsync((await users.FindByIdAsync(id.ToString()))!);
    }

    [Fact]
    public async Task AccountMadeByAnAdministrator_WithCaseRoles_CannotSignInOrReadACase_UntilApproved_ThenSetsItsOwnPasswordAndTwoFactor()
    {
        var area = await factory.NewAreaAsync();
        using var admin = await factory.AdministratorClientAsync(area);
        var (manager, _) = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var email = $"rowan{Guid.NewGuid():N}@test.example";

        using var created = await admin.PostAsJsonAsync("/api/v1/admin/users", SocialWorkerManager(area, email));
        var createdText = await created.Content.ReadAsStringAsync();
        var (accountId, grantId) = await AddedAsync(admin, area, SocialWorkerManager(area, $"second{Guid.NewGuid():N}@test.example"));
        var body = JsonSerializer.Deserialize<JsonElement>(createdText);
        var id = body.GetProperty("id").GetGuid();
        var grant = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/approvals")).EnumerateArray()
            .Single(g => g.GetProperty("accountId").GetGuid() == id);

        // Made, but nothing given: no roles beyond the practitioner's, no password, no sign-in.
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["Practitioner"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(body.GetProperty("awaitingApproval").GetBoolean());
        Assert.Equal(["Practitioner", "SocialWorker", "PracticeSupervisor"], body.GetProperty("rolesWaitingForApproval").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain("set-password", createdText, StringComparison.OrdinalIgnoreCase);
        Assert.False(await HasPasswordAsync(id));
        using (var person = factory.NewClient())
        {
            using var refused = await HttpSignIn.PostSignInAsync(person, email, ChosenByAdministrator);
            Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
            using var home = await person.GetAsync(Path("/children"));
            Assert.Equal("/account/sign-in", home.Headers.Location?.AbsolutePath);
        }

        // The approver sees who asked and what for.
        Assert.Equal(["Practitioner", "SocialWorker", "PracticeSupervisor"], grant.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("Test Practitioner", grant.GetProperty("requestedBy").GetString(), StringComparison.Ordinal);
        var page = await manager.GetStringAsync(Path($"/approvals/{grant.GetProperty("id").GetGuid()}"));
        Assert.Contains(email, page, StringComparison.Ordinal);
        Assert.Contains("id=\"asked-by\"", page, StringComparison.Ordinal);

        var approved = await DecideAsync(manager, grant.GetProperty("id").GetGuid(), new { decision = "Approve" });
        var link = approved.GetProperty("setPasswordLink").GetString()!;
        var adminView = await admin.GetStringAsync(Path($"/admin/users/{id}"));
        var adminApi = await admin.GetStringAsync(Path($"/api/v1/admin/users/{id}"));

        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.StartsWith("/account/set-password?", link, StringComparison.Ordinal);
        var code = CodePattern().Match(link).Groups[1].Value;
        Assert.DoesNotContain(code, adminView, StringComparison.Ordinal);
        Assert.DoesNotContain(code, adminApi, StringComparison.Ordinal);
        Assert.Equal(["PracticeSupervisor", "Practitioner", "SocialWorker"],
            JsonSerializer.Deserialize<JsonElement>(adminApi).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());

        // The person sets their own password with the link, once.
        using var holder = factory.NewClient();
        using (var form = await holder.GetAsync(Path(link)))
        {
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        }

        using var set = await HttpSignIn.PostFormAsync(holder, link, [new("Password", OwnPassword), new("ConfirmPassword", OwnPassword)]);
        Assert.Contains("Your password is set", await set.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var again = await HttpSignIn.PostFormAsync(holder, "/account/set-password?account=" + id + "&code=" + code,
            [new("Password", "Another-password-2026"), new("ConfirmPassword", "Another-password-2026")], tokenFrom: "/account/sign-in");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("This link does not work", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Signed in with it, the account is sent to set up two-factor authentication before any case page.
        await HttpSignIn.SignInAsync(holder, email, OwnPassword);
        using var children = await holder.GetAsync(Path("/children"));
        using var api = await holder.GetAsync(Path("/api/v1/referrals/queue"));
        using var approvals = await holder.GetAsync(Path("/approvals"));
        Assert.Equal("/account/security", children.Headers.Location?.OriginalString);
        Assert.Equal("/account/security", approvals.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        var setUp = await holder.GetStringAsync(Path("/account/security"));
        var key = Regex.Match(setUp, "id=\"shared-key\">([A-Z2-7 ]+)<").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        using var enable = await HttpSignIn.PostCodeAsync(holder, "/account/security", Totp.Now(key), "Enable");
        using var after = await holder.GetAsync(Path("/children"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);

        // The other account made alongside is still waiting: it has no password and cannot sign in.
        Assert.True((await UserAsync(accountId)).AwaitingApproval);
        Assert.NotEqual(Guid.Empty, grantId);
    }

    [Fact]
    public async Task AnAdministrator_CannotApprove_NorAnApproverOfAnotherAgencyOrArea_NorTheOneWhoAsked()
    {
        var area = await factory.NewAreaAsync();
        var other = await factory.NewAreaAsync();
        using var admin = await factory.AdministratorClientAsync(area);
        var (_, grantId) = await AddedAsync(admin, area, SocialWorkerManager(area, $"r{Guid.NewGuid():N}@test.example"));
        var (policeLead, _) = await SignedInAsync(area.Police, PractitionerRole.NamedSafeguardingLead);
        var (otherManager, _) = await SignedInAsync(other.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var (socialWorker, _) = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker);

        using var adminPage = await admin.GetAsync(Path("/approvals"));
        using var adminApi = await admin.PostAsJsonAsync($"/api/v1/approvals/{grantId}/decision", new { decision = "Approve" });
        var police = await DecideAsync(policeLead, grantId, new { decision = "Approve" }, (HttpStatusCode)422);
        await DecideAsync(otherManager, grantId, new { decision = "Approve" }, HttpStatusCode.NotFound);
        using var worker = await socialWorker.PostAsJsonAsync($"/api/v1/approvals/{grantId}/decision", new { decision = "Approve" });
        var policeList = await policeLead.GetFromJsonAsync<JsonElement>("/api/v1/approvals");

        Assert.Equal("/account/access-denied", adminPage.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, adminApi.StatusCode);
        Assert.Equal("SG-GRANT-03", police.GetProperty("ruleId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, worker.StatusCode);
        Assert.Empty(policeList.EnumerateArray());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        Assert.Equal(RoleGrantStatus.Waiting, (await db.RoleGrants.IgnoreQueryFilters().SingleAsync(g => g.Id == grantId)).Status);
    }

    [Fact]
    public async Task ARoleChange_ReachingCaseRecords_Waits_ThePartnersNamedLeadApprovesIt_AndARejectionIsKept()
    {
        var area = await factory.NewAreaAsync();
        using var admin = await factory.AdministratorClientAsync(area);
        var (policeLead, _) = await SignedInAsync(area.Police, PractitionerRole.NamedSafeguardingLead);
        var officer = await factory.NewAccountAsync(area.Police);
        var analyst = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.Analyst);
        var officerId = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users")).EnumerateArray()
            .Single(a => a.GetProperty("email").GetString() == officer).GetProperty("id").GetGuid();
        var analystId = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users")).EnumerateArray()
            .Single(a => a.GetProperty("email").GetString() == analyst).GetProperty("id").GetGuid();

        using var asked = await HttpSignIn.PostFormAsync(admin, $"/admin/users/{officerId}", [new("Roles", "DelegatedSafeguardingPartner")], "Roles");
        // Taking away the analyst role would open every case in children's social care: that waits too.
        using var unAnalyst = await HttpSignIn.PostFormAsync(admin, $"/admin/users/{analystId}", [], "Roles");
        var waiting = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{officerId}");
        var analystNow = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{analystId}");
        var grant = (await policeLead.GetFromJsonAsync<JsonElement>("/api/v1/approvals")).EnumerateArray().Single();
        var approved = await DecideAsync(policeLead, grant.GetProperty("id").GetGuid(), new { decision = "Approve" });
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{officerId}");

        Assert.Contains("waits for approval", await admin.GetStringAsync(Path($"/admin/users/{officerId}")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unAnalyst.StatusCode);
        Assert.Equal(["Practitioner"], waiting.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("Analyst", analystNow.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Null, approved.GetProperty("setPasswordLink").ValueKind);
        Assert.Contains("DelegatedSafeguardingPartner", after.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // A social work qualified manager rejects the analyst's change, with the reason, which is kept.
        var (manager, _) = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var analystGrant = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/approvals")).EnumerateArray().Single();
        var noReason = await DecideAsync(manager, analystGrant.GetProperty("id").GetGuid(), new { decision = "Reject" }, (HttpStatusCode)422);
        var rejected = await DecideAsync(manager, analystGrant.GetProperty("id").GetGuid(),
            new { decision = "Reject", reason = "Analysts do not read case records." });
        Assert.Equal("SG-GRANT-05", noReason.GetProperty("ruleId").GetString());
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.Contains("Analyst", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{analystId}")).GetProperty("roles").EnumerateArray()
            .Select(r => r.GetString()));
    }

    [Fact]
    public async Task TheDataProtectionOfficer_SeesEveryStep_AccountMadeGrantAskedApprovedRejectedLinkIssued()
    {
        var area = await factory.NewAreaAsync();
        using var admin = await factory.AdministratorClientAsync(area);
        var (manager, _) = await SignedInAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var (officer, _) = await SignedInAsync(area.SocialCare, PractitionerRole.DataProtectionOfficer);
        var approvedEmail = $"approved{Guid.NewGuid():N}@test.example";
        var rejectedEmail = $"rejected{Guid.NewGuid():N}@test.example";
        var (approvedAccount, approvedGrant) = await AddedAsync(admin, area, SocialWorkerManager(area, approvedEmail));
        var (_, rejectedGrant) = await AddedAsync(admin, area, SocialWorkerManager(area, rejectedEmail));
        await DecideAsync(manager, approvedGrant, new { decision = "Approve" });
        await DecideAsync(manager, rejectedGrant, new { decision = "Reject", reason = "Not known to the service." });

        var page = await officer.GetStringAsync(Path("/data-protection/access-changes"));
        var api = await officer.GetFromJsonAsync<JsonElement>("/api/v1/data-protection/access-changes");

        Assert.Contains(approvedEmail, page, StringComparison.Ordinal);
        Assert.Contains(rejectedEmail, page, StringComparison.Ordinal);
        Assert.Contains("Not known to the service.", page, StringComparison.Ordinal);
        Assert.Contains("Link to set the password issued", page, StringComparison.Ordinal);
        var grants = api.GetProperty("grants").EnumerateArray().ToList();
        Assert.Contains(grants, g => g.GetProperty("id").GetGuid() == approvedGrant && g.GetProperty("status").GetString() == "Approved"
            && g.GetProperty("linkExpiresAt").ValueKind == JsonValueKind.String);
        Assert.Contains(grants, g => g.GetProperty("id").GetGuid() == rejectedGrant && g.GetProperty("status").GetString() == "Rejected");
        var changes = api.GetProperty("changes").EnumerateArray().ToList();
        bool Has(Guid record, string action, string detail) => changes.Any(c => c.GetProperty("recordId").GetGuid() == record
            && c.GetProperty("action").GetString() == action && (c.GetProperty("detail").GetString() ?? "").Contains(detail, StringComparison.Ordinal));
        Assert.True(Has(approvedAccount, "Created", "AwaitingApproval: True"), "the account made");
        Assert.True(Has(approvedGrant, "Created", "Status: Waiting"), "the grant asked for");
        Assert.True(Has(approvedGrant, "Changed", "Status: Approved"), "the grant approved");
        Assert.True(Has(approvedGrant, "Changed", "LinkExpiresAt"), "the link issued");
        Assert.True(Has(rejectedGrant, "Changed", "Status: Rejected"), "the grant rejected");
        Assert.DoesNotContain("code=", page, StringComparison.Ordinal);
        using var forManager = await manager.GetAsync(Path("/data-protection/access-changes"));
        Assert.Equal("/account/access-denied", forManager.Headers.Location?.AbsolutePath);
    }

    [GeneratedRegex("code=([A-Za-z0-9_-]+)")]
    private static partial Regex CodePattern();
}

public sealed class SqliteRoleApprovalTests(SqliteFactory factory) : RoleApprovalTests<SqliteFactory>(factory);

public sealed class PostgreSqlRoleApprovalTests(PostgreSqlFactory factory) : RoleApprovalTests<PostgreSqlFactory>(factory);

/// <summary>The one-time link stops working when its time is up (<c>Accounts:SetPasswordLinkHours</c>, 72 hours unless set).</summary>
public sealed class SetPasswordLinkExpiryTests(SetPasswordLinkExpiryTests.TimedFactory factory) : IClassFixture<SetPasswordLinkExpiryTests.TimedFactory>
{
    public sealed class TimedFactory : SqliteFactory
    {
        public TimedFactory() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task TheLink_WorksUntil72HoursAfterApproval_AndNotAfter()
    {
        var area = await factory.NewAreaAsync();
        var managerEmail = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        using var manager = factory.NewClient();
        await HttpSignIn.SignInAsync(manager, managerEmail);
        // Made as the administrator's page makes it (the administrator's own sign-in is walked by the tests above).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().WorkInArea(area.Area.Id);
            await scope.ServiceProvider.GetRequiredService<Web.Account.AddAccount>().HandleAsync(area.Area.Id, null, new Web.Account.NewAccountInput
            {
                GivenName = "Late", FamilyName = "Comer", Email = $"late{Guid.NewGuid():N}@test.example", JobTitle = "Family support worker",
                AgencyId = area.SocialCare.Id,
            }, CancellationToken.None);
        }

        var grant = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/approvals")).EnumerateArray().Single();
        using var decided = await manager.PostAsJsonAsync($"/api/v1/approvals/{grant.GetProperty("id").GetGuid()}/decision", new { decision = "Approve" });
        var body = await decided.Content.ReadFromJsonAsync<JsonElement>();
        var link = body.GetProperty("setPasswordLink").GetString()!;
        Assert.Equal(factory.Time!.GetUtcNow().AddHours(72), body.GetProperty("linkExpiresAt").GetDateTimeOffset());

        using var person = factory.NewClient();
        factory.Time.Advance(TimeSpan.FromHours(71));
        using var stillWorks = await person.GetAsync(new Uri(link, UriKind.Relative));
        factory.Time.Advance(TimeSpan.FromHours(1));
        using var expired = await person.GetAsync(new Uri(link, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Contains("This link does not work", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
