using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Data.Identity;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Account;

public abstract class AccountAdministrationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private static Uri Path(string path) => new(path, UriKind.Relative);

    private async Task<Guid> AccountIdAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<SafeguardUser>>().FindByEmailAsync(email))!.Id;
    }

    private async Task<List<AuditEntry>> AuditRowsAsync(Guid areaId, Guid recordId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(areaId);
        return await db.AuditEntries.Where(a => a.RecordId == recordId).OrderBy(a => a.Id).ToListAsync();
    }

    private static Dictionary<string, string> NewAccountForm(TestArea area, string email) => new()
    {
        ["Input.GivenName"] = "Nia",
        ["Input.FamilyName"] = "Bright",
        ["Input.Email"] = email,
        ["Input.JobTitle"] = "Early help worker",
        ["Input.AgencyId"] = area.SocialCare.Id.ToString(),
        // An administrator no longer chooses the password: a field sent anyway is not read.
        ["Input.Password"] = "Strong-initial-2026",
    };

    [Fact]
    public async Task Accounts_ListsTheAdministratorsAreaOnly_WithRolesLockAndTwoFactor()
    {
        var area = await factory.NewAreaAsync();
        var other = await factory.NewAreaAsync();
        var mine = await factory.NewAccountAsync(area.Police);
        var theirs = await factory.NewAccountAsync(other.SocialCare);
        using var client = await factory.AdministratorClientAsync(area);

        var html = await client.GetStringAsync(Path("/admin/users"));
        var api = await client.GetFromJsonAsync<JsonElement>("/api/v1/admin/users");

        Assert.Contains(mine, html, StringComparison.Ordinal);
        Assert.Contains(area.Police.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, html, StringComparison.Ordinal);
        var row = Assert.Single(api.EnumerateArray(), a => a.GetProperty("email").GetString() == mine);
        Assert.False(row.GetProperty("lockedOut").GetBoolean());
        Assert.False(row.GetProperty("twoFactorEnabled").GetBoolean());
        Assert.Equal(["Practitioner"], row.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain(api.EnumerateArray(), a => a.GetProperty("email").GetString() == theirs);
        Assert.Contains(api.EnumerateArray(), a => a.GetProperty("twoFactorEnabled").GetBoolean());
    }

    [Fact]
    public async Task AddAccount_OnThePage_CreatesAnAccountWaitingForApproval_ThatCannotSignIn_AndAuditsWhoAddedIt()
    {
        var area = await factory.NewAreaAsync();
        using var admin = await factory.AdministratorClientAsync(area);
        var email = $"nia{Guid.NewGuid():N}@test.example";
        var form = NewAccountForm(area, email).ToList();
        form.Add(new("Input.Roles", "Lado"));

        using var response = await HttpSignIn.PostFormAsync(admin, "/admin/users/new", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await AccountIdAsync(email);
        Assert.Equal($"/admin/users/{id}", response.Headers.Location?.OriginalString);
        var page = await admin.GetStringAsync(Path($"/admin/users/{id}"));
        Assert.Contains("Nia Bright", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Lado\" checked", page, StringComparison.Ordinal);
        Assert.Contains("Waiting for approval", page, StringComparison.Ordinal);
        Assert.Contains("Local authority designated officer (LADO)", page, StringComparison.Ordinal);
        using var newcomer = factory.NewClient();
        using var refused = await HttpSignIn.PostSignInAsync(newcomer, email, "Strong-initial-2026");
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        var audit = Assert.Single(await AuditRowsAsync(area.Area.Id, id));
        Assert.Equal(AuditAction.Created, audit.Action);
        Assert.Equal(AuditInterceptor.AccountRecordType, audit.RecordType);
        Assert.NotNull(audit.UserId);
        Assert.NotEqual(id, audit.UserId);
        Assert.DoesNotContain("Strong-initial", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAccount_WithMissingAnswers_ShowsTheErrorSummary_AndAsksForNoPassword()
    {
        var area = await factory.NewAreaAsync();
        using var admin = await factory.AdministratorClientAsync(area);

        using var empty = await HttpSignIn.PostFormAsync(admin, "/admin/users/new", NewAccountForm(area, "").ToDictionary(f => f.Key, _ => ""));
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        var form = await admin.GetStringAsync(Path("/admin/users/new"));

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("govuk-error-summary", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_GivenName\"", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("Select the agency they work for", emptyHtml, StringComparison.Ordinal);
        Assert.True(emptyHtml.IndexOf("Enter their first name", StringComparison.Ordinal) < emptyHtml.IndexOf("Select the agency they work for", StringComparison.Ordinal),
            "errors are listed in the order of the questions");
        Assert.DoesNotContain("type=\"password\"", form, StringComparison.Ordinal);
        Assert.Contains("cannot sign in until a second person approves it", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiAddAccount_ValidatesAsProblemDetails_AndCreatesItWaitingForApproval()
    {
        var area = await factory.NewAreaAsync();
        using var admin = await factory.AdministratorClientAsync(area);
        object Account(params string[] roles) => new
        {
            givenName = "Api", familyName = "Made", email = $"api{Guid.NewGuid():N}@test.example", jobTitle = "Social worker",
            agencyId = area.SocialCare.Id, roles,
        };

        using var missing = await admin.PostAsJsonAsync("/api/v1/admin/users", new { givenName = "Only" });
        using var unregistered = await admin.PostAsJsonAsync("/api/v1/admin/users", Account("SocialWorker"));
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/users", Account("Analyst"));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Email", out _) || errors.TryGetProperty("email", out _), errors.ToString());
        Assert.Equal((HttpStatusCode)422, unregistered.StatusCode);
        Assert.Equal("RC-01", (await unregistered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ruleId").GetString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/v1/admin/users/{body.GetProperty("id").GetGuid()}", created.Headers.Location?.OriginalString);
        Assert.Equal(["Practitioner"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["Practitioner", "Analyst"], body.GetProperty("rolesWaitingForApproval").EnumerateArray().Select(r => r.GetString()));
        Assert.True(body.GetProperty("awaitingApproval").GetBoolean());
    }

    [Fact]
    public async Task ChangeRoles_ThatReachNoCaseRecords_ApplyAndAreAudited_AndTheDomainsRulesStillHold()
    {
        var area = await factory.NewAreaAsync();
        var email = await factory.NewAccountAsync(area.SocialCare);
        var id = await AccountIdAsync(email);
        using var admin = await factory.AdministratorClientAsync(area);

        using var refused = await HttpSignIn.PostFormAsync(admin, $"/admin/users/{id}", [new("Roles", "PracticeSupervisor")], "Roles");
        using var changed = await HttpSignIn.PostFormAsync(admin, $"/admin/users/{id}", [new("Roles", "Analyst"), new("Registration", "SW123456")], "Roles");

        Assert.Contains("must be social work qualified", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var api = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{id}");
        Assert.Equal(["Analyst", "Practitioner"], api.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Contains("Roles changed", await admin.GetStringAsync(Path($"/admin/users/{id}")), StringComparison.Ordinal);
        var practitionerId = api.GetProperty("practitionerId").GetGuid();
        var audit = Assert.Single(await AuditRowsAsync(area.Area.Id, practitionerId), a => a.Action == AuditAction.Changed);
        Assert.Contains("Roles: Practitioner, Analyst", audit.Detail, StringComparison.Ordinal);
        Assert.Contains("Registration: SW123456", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lock_StopsSignIn_UnlockRestoresIt_BothAudited()
    {
        var area = await factory.NewAreaAsync();
        var email = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker);
        var id = await AccountIdAsync(email);
        using var admin = await factory.AdministratorClientAsync(area);

        using var locked = await HttpSignIn.PostFormAsync(admin, $"/admin/users/{id}", [], "Lock");
        using var person = factory.NewClient();
        using var refused = await HttpSignIn.PostSignInAsync(person, email, SafeguardFactory.TestPassword);
        var status = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{id}")).GetProperty("lockedOut").GetBoolean();
        using var unlocked = await HttpSignIn.PostFormAsync(admin, $"/admin/users/{id}", [], "Unlock");

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Contains("Your account is locked", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(status);
        await HttpSignIn.SignInAsync(person, email);
        var audit = await AuditRowsAsync(area.Area.Id, id);
        Assert.Contains(audit, a => a.Action == AuditAction.Changed && a.Detail!.Contains("LockoutEnd: 9999-12-31", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == AuditAction.Changed && a.Detail!.Contains("LockoutEnd: none", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lock_OwnAccount_IsRefusedWithTheErrorSummary()
    {
        var area = await factory.NewAreaAsync();
        var (email, key, _) = await factory.NewAccountWithTwoFactorAsync(area.SocialCare, PractitionerRole.Administrator);
        using var admin = factory.NewClient();
        await HttpSignIn.SignInWithCodeAsync(admin, email, key);
        var id = await AccountIdAsync(email);

        using var self = await HttpSignIn.PostFormAsync(admin, $"/admin/users/{id}", [], "Lock");
        using var demote = await HttpSignIn.PostFormAsync(admin, $"/admin/users/{id}", [new("Roles", "Analyst")], "Roles");

        Assert.Contains("You cannot lock your own account", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("You cannot remove your own administrator role", await demote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{id}")).GetProperty("lockedOut").GetBoolean());
    }

    [Fact]
    public async Task ResetTwoFactor_TurnsItOffSoThePersonSignsInWithAPasswordAndSetsItUpAgain()
    {
        var area = await factory.NewAreaAsync();
        var (email, _, _) = await factory.NewAccountWithTwoFactorAsync(area.SocialCare, PractitionerRole.SocialWorker);
        var id = await AccountIdAsync(email);
        using var admin = await factory.AdministratorClientAsync(area);

        using var reset = await HttpSignIn.PostFormAsync(admin, $"/admin/users/{id}", [], "ResetTwoFactor");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.False((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{id}")).GetProperty("twoFactorEnabled").GetBoolean());
        using var person = factory.NewClient();
        await HttpSignIn.SignInAsync(person, email);
        var audit = await AuditRowsAsync(area.Area.Id, id);
        Assert.Contains(audit, a => a.Action == AuditAction.Changed && a.Detail == "SecurityStamp; TwoFactorEnabled: False");
    }

    [Fact]
    public async Task AccountOfAnotherArea_IsNotFound()
    {
        var area = await factory.NewAreaAsync();
        var other = await factory.NewAreaAsync();
        var id = await AccountIdAsync(await factory.NewAccountAsync(other.SocialCare));
        using var admin = await factory.AdministratorClientAsync(area);

        using var page = await admin.GetAsync(Path($"/admin/users/{id}"));
        using var api = await admin.GetAsync(Path($"/api/v1/admin/users/{id}"));
        using var locking = await HttpSignIn.PostFormAsync(admin, $"/admin/users/{id}", [], "Lock", tokenFrom: "/admin/users/new");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, locking.StatusCode);
    }

    [Fact]
    public async Task Administrator_WithoutTwoFactor_IsSentToSetItUp_ThenReachesAccounts()
    {
        var area = await factory.NewAreaAsync();
        var email = await factory.NewAccountAsync(area.SocialCare, PractitionerRole.Administrator);
        using var admin = factory.NewClient();
        await HttpSignIn.SignInAsync(admin, email);

        using var home = await admin.GetAsync(Path("/"));
        using var api = await admin.GetAsync(Path("/api/v1/admin/users"));
        var setUp = await admin.GetStringAsync(Path("/account/security"));
        var key = System.Text.RegularExpressions.Regex.Match(setUp, "id=\"shared-key\">([A-Z2-7 ]+)<").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        using var enable = await HttpSignIn.PostCodeAsync(admin, "/account/security", Totp.Now(key), "Enable");
        using var after = await admin.GetAsync(Path("/admin/users"));

        Assert.Equal("/account/security", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("two-factor authentication", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(),
            StringComparison.Ordinal);
        Assert.Contains("must use two-factor authentication", setUp, StringComparison.Ordinal);
        Assert.DoesNotContain(">My work<", setUp, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}

public sealed class SqliteAccountAdministrationTests(SqliteFactory factory) : AccountAdministrationTests<SqliteFactory>(factory);

public sealed class PostgreSqlAccountAdministrationTests(PostgreSqlFactory factory) : AccountAdministrationTests<PostgreSqlFactory>(factory);
