using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Referrals;

public abstract partial class ReferralPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private static Dictionary<string, string> Answers(string concerns = "Ellie said her mum's boyfriend grabbed her arm hard.") => new()
    {
        ["Input.GivenName"] = "Ellie",
        ["Input.FamilyName"] = "Pagetest",
        ["Input.Born"] = "yes",
        ["Input.DobDay"] = "14",
        ["Input.DobMonth"] = "9",
        ["Input.DobYear"] = "2017",
        ["Input.Sex"] = "F",
        ["Input.EthnicityCode"] = "WBRI",
        ["Input.Concerns"] = concerns,
        ["Input.HarmTypes"] = "PhysicalAbuse",
        ["Input.ChildsViews"] = "She wants to stay with her nan tonight.",
        ["Input.FamilyKnows"] = "false",
        ["Input.WhyFamilyNotToldOrAgreed"] = "Telling the boyfriend could increase the risk to Ellie.",
        ["Input.Urgency"] = "Urgent",
    };

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string tokenPage, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await HttpSignIn.AntiforgeryTokenAsync(client, tokenPage);
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    private async Task<(HttpClient Dsl, HttpClient Manager)> PeopleAsync()
    {
        var area = await factory.NewAreaAsync();
        var dsl = factory.NewClient();
        await HttpSignIn.SignInAsync(dsl, await factory.NewAccountAsync(area.School, PractitionerRole.DesignatedSafeguardingLead));
        var manager = factory.NewClient();
        await HttpSignIn.SignInAsync(manager, await factory.NewAccountAsync(area.SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor));
        return (dsl, manager);
    }

    [Fact]
    public async Task MakeReferral_ThroughCheckYourAnswers_ShowsReferenceAndReachesTheFrontDoor()
    {
        var (dsl, manager) = await PeopleAsync();

        using var check = await PostFormAsync(dsl, "/referrals/new?handler=Check", "/referrals/new", Answers());
        var checkHtml = await check.Content.ReadAsStringAsync();
        Assert.Contains("Check your answers before sending your referral", checkHtml, StringComparison.Ordinal);
        Assert.Contains("14 September 2017", checkHtml, StringComparison.Ordinal);

        using var sent = await PostFormAsync(dsl, "/referrals/new?handler=Submit", "/referrals/new", Answers());
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var confirmation = await dsl.GetStringAsync(sent.Headers.Location);
        Assert.Contains("Referral sent", confirmation, StringComparison.Ordinal);
        Assert.Matches("R-20[0-9]{2}-[A-Z2-9]{6}", confirmation);

        var queue = await manager.GetStringAsync(new Uri("/front-door", UriKind.Relative));
        Assert.Contains("Ellie Pagetest", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MakeReferral_SubmittedTwice_MakesOneReferral()
    {
        var (dsl, _) = await PeopleAsync();
        var answers = Answers();
        answers["Input.FormId"] = Guid.NewGuid().ToString();

        using var first = await PostFormAsync(dsl, "/referrals/new?handler=Submit", "/referrals/new", new(answers));
        using var second = await PostFormAsync(dsl, "/referrals/new?handler=Submit", "/referrals/new", new(answers));

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var mine = await dsl.GetStringAsync(new Uri("/referrals", UriKind.Relative));
        Assert.Single(ReferenceLink().Matches(mine));
    }

    [Fact]
    public async Task MakeReferral_WithMissingAndImpossibleAnswers_ShowsErrorSummaryAndSavesNothing()
    {
        var (dsl, _) = await PeopleAsync();
        var answers = Answers();
        answers.Remove("Input.Concerns");
        answers["Input.DobDay"] = "31";
        answers["Input.DobMonth"] = "2";

        using var response = await PostFormAsync(dsl, "/referrals/new?handler=Check", "/referrals/new", answers);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("Describe your concerns about the child", html, StringComparison.Ordinal);
        Assert.Contains("Date of birth must be a real date", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_DobDay\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("R-20", await dsl.GetStringAsync(new Uri("/referrals", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MakeReferral_BornInTheFuture_IsRefusedByTheChildRule()
    {
        var (dsl, _) = await PeopleAsync();
        var answers = Answers();
        answers["Input.DobYear"] = "2099";

        using var response = await PostFormAsync(dsl, "/referrals/new?handler=Check", "/referrals/new", answers);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The date of birth must be today or in the past.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_DobDay\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptInConcerns_IsShownAsTextNeverRun()
    {
        var (dsl, manager) = await PeopleAsync();
        using var sent = await PostFormAsync(dsl, "/referrals/new?handler=Submit", "/referrals/new",
            Answers("<script>alert('x')</script> and <img src=x onerror=alert(1)>"));

        var page = await manager.GetStringAsync(sent.Headers.Location);

        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", page, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "REF-06")]
    public async Task ManagerDecides_OnThePage_AndTheReferrerSeesTheReasons()
    {
        var (dsl, manager) = await PeopleAsync();
        using var sent = await PostFormAsync(dsl, "/referrals/new?handler=Submit", "/referrals/new", Answers());
        var referralPath = sent.Headers.Location!.OriginalString.Split('?')[0];

        using var missing = await PostFormAsync(manager, referralPath + "?handler=Decide", referralPath,
            new() { ["Decision.Outcome"] = "Section17Assessment", ["Decision.Reasons"] = "Assess Ellie's safety." });
        Assert.Contains("Select the child&#x27;s primary need.", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var decided = await PostFormAsync(manager, referralPath + "?handler=Decide", referralPath, new()
        {
            ["Decision.Outcome"] = "Section17Assessment",
            ["Decision.Reasons"] = "Ellie's account needs an assessment of her safety at home; a social worker will see her today.",
            ["Decision.PrimaryNeedCode"] = "N1",
        });
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var feedback = await dsl.GetStringAsync(new Uri(referralPath, UriKind.Relative));
        Assert.Contains("Assessment of the child&#x27;s needs (section 17)", feedback, StringComparison.Ordinal);
        Assert.Contains("a social worker will see her today", feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondReferral_ForAKnownChildWithoutNhsNumber_IsOfferedTheExistingRecordAndMerged()
    {
        var (dsl, manager) = await PeopleAsync();
        using var first = await PostFormAsync(dsl, "/referrals/new?handler=Submit", "/referrals/new", Answers());
        var secondAnswers = Answers();
        secondAnswers["Input.FamilyName"] = "Pagetset";
        secondAnswers["Input.FormId"] = Guid.NewGuid().ToString();
        using var second = await PostFormAsync(dsl, "/referrals/new?handler=Submit", "/referrals/new", secondAnswers);
        var firstId = first.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1];
        var firstChild = (await manager.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/referrals/{firstId}")).GetProperty("childId").GetString()!;
        var secondPath = second.Headers.Location!.OriginalString.Split('?')[0];

        var offered = await manager.GetStringAsync(new Uri(secondPath, UriKind.Relative));
        Assert.Contains("Is this child already known?", offered, StringComparison.Ordinal);
        Assert.Contains("Similar name", offered, StringComparison.Ordinal);
        using var merged = await PostFormAsync(manager, secondPath + "?handler=SameChild", secondPath, new() { ["existingChildId"] = firstChild });

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var after = await manager.GetStringAsync(new Uri(secondPath, UriKind.Relative));
        Assert.DoesNotContain("Is this child already known?", after, StringComparison.Ordinal);
        Assert.Contains("Ellie Pagetest", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MakeReferral_NamingAdultsAndOtherChildren_AddsTheAdultsToTheChildsFamilyNetwork()
    {
        var (dsl, manager) = await PeopleAsync();
        var answers = Answers();
        answers["Input.Adults[0].Name"] = "Dawn Pagetest";
        answers["Input.Adults[0].Relationship"] = "Mother";
        answers["Input.Adults[0].LivesWithChild"] = "true";
        answers["Input.Adults[0].ParentalResponsibility"] = "true";
        answers["Input.Adults[1].Name"] = "Lee Boyfriend";
        answers["Input.Adults[1].Relationship"] = "PartnerOfParent";
        answers["Input.OtherChildren[0]"] = "Ruby Pagetest";

        using var check = await PostFormAsync(dsl, "/referrals/new?handler=Check", "/referrals/new", new(answers));
        var checkHtml = await check.Content.ReadAsStringAsync();
        Assert.Contains("Lee Boyfriend", checkHtml, StringComparison.Ordinal);
        Assert.Contains("Ruby Pagetest", checkHtml, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Adults[1].Name\" value=\"Lee Boyfriend\"", checkHtml, StringComparison.Ordinal);
        using var sent = await PostFormAsync(dsl, "/referrals/new?handler=Submit", "/referrals/new", new(answers));

        var id = sent.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1];
        var childId = (await manager.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/referrals/{id}")).GetProperty("childId").GetString();
        var record = await manager.GetStringAsync(new Uri($"/children/{childId}", UriKind.Relative));
        Assert.Contains("Dawn Pagetest", record, StringComparison.Ordinal);
        Assert.Contains("PartnerOfParent", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrontDoorStaff_RecordAConcernPhonedInByAGrandmother()
    {
        var (_, manager) = await PeopleAsync();
        var answers = Answers();
        answers["Input.RaisedByOther"] = "true";
        answers["Input.RaiserName"] = "Maureen Caller";
        answers["Input.RaiserRole"] = "Grandmother";

        using var sent = await PostFormAsync(manager, "/referrals/new?handler=Submit", "/referrals/new", answers);

        var id = sent.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1];
        var referral = await manager.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/referrals/{id}");
        Assert.Equal("Maureen Caller", referral.GetProperty("referrerName").GetString());
        Assert.Equal("1A", referral.GetProperty("sourceCode").GetString());
    }

    [Fact]
    public async Task SchoolStaff_CannotRecordAConcernAsSomeoneElse()
    {
        var (dsl, manager) = await PeopleAsync();
        var answers = Answers();
        answers["Input.RaisedByOther"] = "true";
        answers["Input.RaiserName"] = "Not Me";
        answers["Input.RaiserRole"] = "Neighbour";

        using var sent = await PostFormAsync(dsl, "/referrals/new?handler=Submit", "/referrals/new", answers);

        var id = sent.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1];
        var referral = await manager.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/referrals/{id}");
        Assert.NotEqual("Not Me", referral.GetProperty("referrerName").GetString());
        Assert.Equal("2A", referral.GetProperty("sourceCode").GetString());
    }

    [GeneratedRegex("href=\"/referrals/[0-9a-f-]{36}\"")]
    private static partial Regex ReferenceLink();
}

public sealed class SqliteReferralPagesTests(SqliteFactory factory) : ReferralPagesTests<SqliteFactory>(factory);

public sealed class PostgreSqlReferralPagesTests(PostgreSqlFactory factory) : ReferralPagesTests<PostgreSqlFactory>(factory);
