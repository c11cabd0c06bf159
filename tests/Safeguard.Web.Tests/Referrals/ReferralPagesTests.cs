using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Referrals;

public abstract partial class ReferralPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    private const string Concerns = "Ellie said her mum's boyfriend grabbed her arm hard.";

    private static readonly string[] Headings =
    [
        "About the child", "Other children in the household", "Parents, carers and other adults", "Your concerns about the child",
        "What has the child said, and what do they want?", "Does the family know about this referral?", "How urgent is this?",
        "Your contact details",
    ];

    private static readonly string[] PageNames = ["child", "household", "adults", "concerns", "views", "family", "urgency", "contact"];

    /// <summary>Good answers for each page in order, with a page's answers replaced where a test says.</summary>
    private static List<(string Key, string Value)[]> Answers(string concerns = Concerns, int? page = null, params (string Key, string Value)[] replace)
    {
        List<(string Key, string Value)[]> pages =
        [
            [
                ("Input.GivenName", "Ellie"), ("Input.FamilyName", "Pagetest"), ("Input.Born", "yes"), ("Input.DobDay", "14"), ("Input.DobMonth", "9"),
                ("Input.DobYear", "2017"), ("Input.Sex", "F"), ("Input.EthnicityCode", "WBRI"),
            ],
            [("Input.OtherChildren[0].Name", "Ruby Pagetest")],
            [
                ("Input.Adults[0].Name", "Dawn Pagetest"), ("Input.Adults[0].Relationship", "Mother"), ("Input.Adults[0].LivesWithChild", "true"),
                ("Input.Adults[0].ParentalResponsibility", "true"), ("Input.Adults[1].Name", "Lee Boyfriend"), ("Input.Adults[1].Relationship", "PartnerOfParent"),
            ],
            [("Input.Concerns", concerns), ("Input.HarmTypes", "PhysicalAbuse"), ("Input.HarmTypes", "DomesticAbuse"), ("Input.HarmContexts", "InsideTheHome")],
            [("Input.ChildsViews", "She wants to stay with her nan tonight.")],
            [("Input.Family", "DoesNotKnow"), ("Input.WhyFamilyNotToldOrAgreed", "Telling the boyfriend could increase the risk to Ellie.")],
            [("Input.Urgency", "Urgent")],
            [("Input.ContactPhone", "01632 960 001")],
        ];
        if (page is { } replaced)
        {
            pages[replaced] = replace;
        }

        return pages;
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

    private static async Task<ReferralFormWalk> AtCheckYourAnswersAsync(HttpClient client, List<(string Key, string Value)[]>? answers = null)
    {
        var walk = new ReferralFormWalk(client);
        await walk.StartAsync();
        await walk.AnswerAllAsync(answers ?? Answers());
        Assert.Equal("Check your answers before sending your referral", walk.Heading);
        return walk;
    }

    private static async Task<string> SendAsync(ReferralFormWalk walk)
    {
        using var sent = await walk.SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return sent.Headers.Location!.OriginalString;
    }

    private static async Task<System.Text.Json.JsonElement> ReferralAsync(HttpClient client, string location) =>
        await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/referrals/{location.Split('?')[0].Split('/')[^1]}");

    [Fact]
    public async Task MakeReferral_PageByPage_ThroughCheckYourAnswers_ShowsReferenceAndReachesTheFrontDoor()
    {
        var (dsl, manager) = await PeopleAsync();
        var walk = new ReferralFormWalk(dsl);
        await walk.StartAsync();

        var answers = Answers();
        for (var n = 0; n < answers.Count; n++)
        {
            Assert.Equal(Headings[n], walk.Heading);
            Assert.StartsWith(Headings[n] + " – Make a referral", walk.Title, StringComparison.Ordinal);
            Assert.Contains("govuk-back-link", walk.Html, StringComparison.Ordinal);
            Assert.Contains(">Continue</button>", walk.Html, StringComparison.Ordinal);
            using var response = await walk.ContinueAsync(answers[n]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(walk.HasErrors, string.Join("; ", walk.Errors));
        }

        Assert.Equal("Check your answers before sending your referral", walk.Heading);
        Assert.Contains("14 September 2017", walk.Text, StringComparison.Ordinal);
        Assert.Contains("Dawn Pagetest, mother, lives with the child, has parental responsibility", walk.Text, StringComparison.Ordinal);
        Assert.Contains("Ruby Pagetest", walk.Text, StringComparison.Ordinal);
        Assert.Contains("No, they do not know", walk.Text, StringComparison.Ordinal);
        Assert.Equal(PageNames.Length, Regex.Matches(walk.Html, "name=\"page\" value=\"(" + string.Join('|', PageNames) + ")\"").Select(m => m.Groups[1].Value).Distinct().Count());

        var location = await SendAsync(walk);
        var confirmation = await dsl.GetStringAsync(new Uri(location, UriKind.Relative));
        Assert.Contains("Referral sent", confirmation, StringComparison.Ordinal);
        Assert.Matches("R-20[0-9]{2}-[A-Z2-9]{6}", confirmation);
        Assert.Contains("01632 960 001", confirmation, StringComparison.Ordinal);

        var queue = await manager.GetStringAsync(new Uri("/front-door", UriKind.Relative));
        Assert.Contains("Ellie Pagetest", queue, StringComparison.Ordinal);
        var referral = await ReferralAsync(manager, location);
        Assert.Equal("2A", referral.GetProperty("sourceCode").GetString());
        Assert.False(referral.GetProperty("familyKnows").GetBoolean());
    }

    [Theory]
    [InlineData(0, "Input.FamilyName", "", "Enter the child's last name", "#Input_FamilyName")]
    [InlineData(0, "Input.DobDay", "31", "Date of birth must be a real date, like 27 3 2019", "#Input_DobDay")]
    [InlineData(0, "Input.DobYear", "2099", "The date of birth must be today or in the past.", "#Input_DobDay")]
    [InlineData(0, "Input.NhsNumber", "123 456 7890", "Enter a valid NHS number: 10 digits, like 485 777 3456. Check it against the NHS record.", "#Input_NhsNumber")]
    [InlineData(0, "Input.Born", "no", "Enter the expected date of birth", "#Input_EddDay")]
    [InlineData(1, "Input.OtherChildren[1].Name", "LONG", "Name must be 200 characters or fewer", "#Input_OtherChildren_1__Name")]
    [InlineData(2, "Input.Adults[0].Relationship", "", "Select who Dawn Pagetest is to the child", "#Input_Adults_0__Relationship")]
    [InlineData(3, "Input.Concerns", "", "Describe your concerns about the child", "#Input_Concerns")]
    [InlineData(3, "Input.HarmTypes", "", "Select the kinds of harm you are worried about.", "#Input_HarmTypes")]
    [InlineData(4, "Input.ChildsViews", "VERY LONG", "The child's views must be 10,000 characters or fewer", "#Input_ChildsViews")]
    [InlineData(5, "Input.Family", "", "Select whether the family knows about this referral", "#Input_Family")]
    [InlineData(5, "Input.WhyFamilyNotToldOrAgreed", "",
        "Say why the family does not know about the referral, or why it is going ahead without their agreement.", "#Input_WhyFamilyNotToldOrAgreed")]
    [InlineData(6, "Input.Urgency", "", "Select how urgent this is", "#Input_Urgency")]
    [InlineData(7, "Input.ContactPhone", "LONG", "Your phone number must be 40 characters or fewer", "#Input_ContactPhone")]
    public async Task EachPage_WithAMissingOrWrongAnswer_ShowsTheErrorSummaryLinkedToTheFieldAndStays(int page, string key, string value, string message,
        string href)
    {
        var (dsl, _) = await PeopleAsync();
        var walk = new ReferralFormWalk(dsl);
        await walk.StartAsync();
        var answers = Answers();
        await walk.AnswerAllAsync(answers.Take(page));
        var text = value switch { "LONG" => new string('x', 201), "VERY LONG" => new string('x', 10_001), _ => value };
        var given = answers[page].Where(f => f.Key != key).Append((key, text)).Where(f => f.Item2.Length > 0).ToArray();

        using var response = await walk.ContinueAsync(given);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Headings[page], walk.Heading);
        Assert.StartsWith("Error: ", walk.Title, StringComparison.Ordinal);
        Assert.Contains((href, message), walk.Errors);
        Assert.Contains($"id=\"{href[1..]}", walk.Html, StringComparison.Ordinal);
        Assert.Contains("govuk-error-message", walk.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("R-20", await dsl.GetStringAsync(new Uri("/referrals", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_ShowsThePreviousPageWithItsAnswers()
    {
        var (dsl, _) = await PeopleAsync();
        var walk = new ReferralFormWalk(dsl);
        await walk.StartAsync();
        await walk.AnswerAllAsync(Answers().Take(3));
        Assert.Equal("Your concerns about the child", walk.Heading);

        using var back = await walk.BackAsync();
        Assert.Equal("Parents, carers and other adults", walk.Heading);
        Assert.Contains("value=\"Lee Boyfriend\"", walk.Html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"PartnerOfParent\" selected=\"selected\"", walk.Html);
        using var backAgain = await walk.BackAsync();
        using var toTheStart = await walk.BackAsync();

        Assert.Equal("About the child", walk.Heading);
        Assert.Contains("value=\"Ellie\"", walk.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_DobYear\" name=\"Input.DobYear\" type=\"text\" inputmode=\"numeric\" value=\"2017\"", walk.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/referrals\" class=\"govuk-back-link\">Back</a>", walk.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_FromCheckYourAnswers_ShowsThatPageThenReturnsToCheckYourAnswers()
    {
        var (dsl, _) = await PeopleAsync();
        var walk = await AtCheckYourAnswersAsync(dsl);

        using var change = await walk.ChangeAsync("urgency");
        Assert.Equal("How urgent is this?", walk.Heading);
        Assert.Contains("value=\"Urgent\" checked", walk.Html, StringComparison.Ordinal);
        using var changed = await walk.ContinueAsync(("Input.Urgency", "ImmediateRisk"));
        Assert.Equal("Check your answers before sending your referral", walk.Heading);
        Assert.Contains("The child is at immediate risk of significant harm", walk.Text, StringComparison.Ordinal);

        using var changeChild = await walk.ChangeAsync("child");
        Assert.Equal("About the child", walk.Heading);
        using var back = await walk.BackAsync();
        Assert.Equal("Check your answers before sending your referral", walk.Heading);

        using var changeFamily = await walk.ChangeAsync("family");
        using var refused = await walk.ContinueAsync(("Input.Family", "KnowsButDoesNotAgree"));
        Assert.Equal("Does the family know about this referral?", walk.Heading);
        Assert.True(walk.HasErrors);
        using var agreed = await walk.ContinueAsync(("Input.Family", "KnowsAndAgrees"));
        Assert.Equal("Check your answers before sending your referral", walk.Heading);
        Assert.Contains("Yes, and they agree to it", walk.Text, StringComparison.Ordinal);

        var referral = await ReferralAsync(dsl, await SendAsync(walk));
        Assert.Equal("ImmediateRisk", referral.GetProperty("urgency").GetString());
        Assert.True(referral.GetProperty("familyAgrees").GetBoolean());
    }

    [Fact]
    public async Task MakeReferral_SubmittedTwice_MakesOneReferral()
    {
        var (dsl, _) = await PeopleAsync();
        var walk = await AtCheckYourAnswersAsync(dsl);
        var state = walk.State;

        using var first = await walk.PostWithStateAsync("Submit", state);
        using var second = await walk.PostWithStateAsync("Submit", state);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var mine = await dsl.GetStringAsync(new Uri("/referrals", UriKind.Relative));
        Assert.Single(ReferenceLink().Matches(mine));
    }

    [Fact]
    public async Task NothingIsStored_UntilTheReferralIsSent()
    {
        var (dsl, manager) = await PeopleAsync();
        var walk = await AtCheckYourAnswersAsync(dsl);

        Assert.DoesNotContain("Ellie Pagetest", await manager.GetStringAsync(new Uri("/front-door", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain("R-20", await dsl.GetStringAsync(new Uri("/referrals", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain("Ellie", walk.State, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlteredAnswers_OrAnotherAccountsAnswers_AreRefusedAndNothingIsSent()
    {
        var (dsl, manager) = await PeopleAsync();
        var walk = await AtCheckYourAnswersAsync(dsl);
        var state = walk.State;
        var altered = state[..^4] + (state[^4] == 'A' ? 'B' : 'A') + state[^3..];

        using var tampered = await walk.PostWithStateAsync("Submit", altered);
        Assert.Equal(HttpStatusCode.OK, tampered.StatusCode);
        Assert.Contains("Your answers could not be read", walk.Text, StringComparison.Ordinal);
        Assert.StartsWith("Error: ", walk.Title, StringComparison.Ordinal);

        var other = new ReferralFormWalk(manager);
        await other.StartAsync();
        using var borrowed = await other.PostWithStateAsync("Submit", state);
        Assert.Equal(HttpStatusCode.OK, borrowed.StatusCode);
        Assert.Contains("Your answers could not be read", other.Text, StringComparison.Ordinal);

        Assert.DoesNotContain("Ellie Pagetest", await manager.GetStringAsync(new Uri("/front-door", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptInTheAnswers_IsShownAsTextNeverRun()
    {
        var (dsl, manager) = await PeopleAsync();
        const string script = "<script>alert('x')</script> and <img src=x onerror=alert(1)>";
        var walk = await AtCheckYourAnswersAsync(dsl, Answers(concerns: script));
        Assert.DoesNotContain("<script>alert", walk.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", walk.Html, StringComparison.Ordinal);
        using var change = await walk.ChangeAsync("concerns");
        Assert.DoesNotContain("<script>alert", walk.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", walk.Html, StringComparison.Ordinal);
        using var again = await walk.ContinueAsync(Answers(concerns: script)[3]);

        var page = await manager.GetStringAsync(new Uri(await SendAsync(walk), UriKind.Relative));

        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", page, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "REF-06")]
    public async Task ManagerDecides_OnThePage_AndTheReferrerSeesTheReasons()
    {
        var (dsl, manager) = await PeopleAsync();
        var referralPath = (await SendAsync(await AtCheckYourAnswersAsync(dsl))).Split('?')[0];

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

    [Theory]
    [InlineData("42")]
    [InlineData("-1")]
    [InlineData("CloseTheCase")]
    public async Task ManagerDecides_WithAnOutcomeThatIsNotAChoice_SeesTheErrorSummaryAndNothingIsSaved(string outcome)
    {
        var (dsl, manager) = await PeopleAsync();
        var location = await SendAsync(await AtCheckYourAnswersAsync(dsl));
        var referralPath = location.Split('?')[0];

        using var refused = await PostFormAsync(manager, referralPath + "?handler=Decide", referralPath, new()
        {
            ["Decision.Outcome"] = outcome,
            ["Decision.Reasons"] = "No evidence of harm at this time.",
            ["Decision.PrimaryNeedCode"] = "N1",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Decision_Outcome\"", html, StringComparison.Ordinal);
        var referral = await ReferralAsync(manager, location);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, referral.GetProperty("outcome").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, referral.GetProperty("decidedAt").ValueKind);
    }

    [Fact]
    public async Task SecondReferral_ForAKnownChildWithoutNhsNumber_IsOfferedTheExistingRecordAndMerged()
    {
        var (dsl, manager) = await PeopleAsync();
        var first = await SendAsync(await AtCheckYourAnswersAsync(dsl));
        var misspelt = Answers();
        misspelt[0] = [.. misspelt[0].Select(f => f.Key == "Input.FamilyName" ? (f.Key, "Pagetset") : f)];
        var secondPath = (await SendAsync(await AtCheckYourAnswersAsync(dsl, misspelt))).Split('?')[0];
        var firstChild = (await ReferralAsync(manager, first)).GetProperty("childId").GetString()!;

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

        var location = await SendAsync(await AtCheckYourAnswersAsync(dsl));

        var referral = await ReferralAsync(manager, location);
        var record = await manager.GetStringAsync(new Uri($"/children/{referral.GetProperty("childId").GetString()}", UriKind.Relative));
        Assert.Contains("Dawn Pagetest", record, StringComparison.Ordinal);
        Assert.Contains("PartnerOfParent", record, StringComparison.Ordinal);
        Assert.Contains("Ruby Pagetest", await manager.GetStringAsync(new Uri(location.Split('?')[0], UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "SG-REF-21")]
    public async Task PreBirthReferral_NamesThePregnantPerson_WhoJoinsTheFamilyNetwork()
    {
        var (dsl, manager) = await PeopleAsync();
        var due = Domain.Calendar.EnglandClock.Today(TimeProvider.System).AddMonths(4);
        var unborn = Answers(page: 0, replace:
        [
            ("Input.FamilyName", "Prebirth"), ("Input.Born", "no"), ("Input.EddDay", due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.EddMonth", due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.EddYear", due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.EthnicityCode", "WBRI"),
        ]);
        var walk = new ReferralFormWalk(dsl);
        await walk.StartAsync();
        using var withoutParent = await walk.ContinueAsync(unborn[0]);
        Assert.Contains(("#Input_PregnantPersonName", "Enter the pregnant person's full name"), walk.Errors);
        unborn[0] = [.. unborn[0], ("Input.PregnantPersonName", "Kayla Prebirth")];
        await walk.AnswerAllAsync(unborn);
        Assert.Contains("Kayla Prebirth", walk.Text, StringComparison.Ordinal);
        Assert.Contains("Not known (unborn)", walk.Text, StringComparison.Ordinal);

        var referral = await ReferralAsync(manager, await SendAsync(walk));

        var record = await manager.GetStringAsync(new Uri($"/children/{referral.GetProperty("childId").GetString()}", UriKind.Relative));
        Assert.Contains("Kayla Prebirth", record, StringComparison.Ordinal);
        Assert.Contains("ExpectantParent", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrontDoorStaff_RecordAConcernPhonedInByAGrandmother()
    {
        var (_, manager) = await PeopleAsync();
        var answers = Answers(page: 7, replace: [("Input.RaisedByOther", "true"), ("Input.RaiserPhone", "01632 960 002")]);
        var walk = new ReferralFormWalk(manager);
        await walk.StartAsync();
        await walk.AnswerAllAsync(answers.Take(7));
        Assert.Equal("Who raised the concern?", walk.Heading);
        using var missing = await walk.ContinueAsync(answers[7]);
        Assert.Contains(("#Input_RaiserName", "Enter the name of the person who raised the concern"), walk.Errors);
        Assert.Contains(("#Input_RaiserRole", "Enter who they are to the child, like grandmother or neighbour"), walk.Errors);
        Assert.Contains("value=\"01632 960 002\"", walk.Html, StringComparison.Ordinal);

        using var given = await walk.ContinueAsync([.. answers[7], ("Input.RaiserName", "Maureen Caller"), ("Input.RaiserRole", "Grandmother")]);
        Assert.Contains("Maureen Caller, Grandmother, 01632 960 002", walk.Text, StringComparison.Ordinal);

        var referral = await ReferralAsync(manager, await SendAsync(walk));
        Assert.Equal("Maureen Caller", referral.GetProperty("referrerName").GetString());
        Assert.Equal("1A", referral.GetProperty("sourceCode").GetString());
    }

    [Fact]
    public async Task SchoolStaff_CannotRecordAConcernAsSomeoneElse()
    {
        var (dsl, manager) = await PeopleAsync();
        var answers = Answers(page: 7, replace: [("Input.RaisedByOther", "true"), ("Input.RaiserName", "Not Me"), ("Input.RaiserRole", "Neighbour")]);
        var walk = new ReferralFormWalk(dsl);
        await walk.StartAsync();
        await walk.AnswerAllAsync(answers.Take(7));
        Assert.DoesNotContain("Input.RaisedByOther", walk.Html, StringComparison.Ordinal);
        await walk.AnswerAllAsync(answers.Skip(7));

        var referral = await ReferralAsync(manager, await SendAsync(walk));

        Assert.NotEqual("Not Me", referral.GetProperty("referrerName").GetString());
        Assert.Equal("2A", referral.GetProperty("sourceCode").GetString());
    }

    [Fact]
    public async Task FrontDoorStaff_RecordingForACaller_ChooseTheReferralSource_FromTheCensusList()
    {
        var (_, manager) = await PeopleAsync();
        var caller = new[] { ("Input.RaisedByOther", "true"), ("Input.RaiserName", "Nadia Nextdoor"), ("Input.RaiserRole", "Neighbour") };
        var walk = new ReferralFormWalk(manager);
        await walk.StartAsync();
        await walk.AnswerAllAsync(Answers().Take(7));
        Assert.Contains("1B – Individual: acquaintance (including neighbours and childminders)", walk.Text, StringComparison.Ordinal);
        Assert.Contains("<option value=\"1A\" selected=\"selected\">", walk.Html, StringComparison.Ordinal);

        using var unknown = await walk.ContinueAsync([.. caller, ("Input.SourceCode", "ZZ")]);
        Assert.Equal("Who raised the concern?", walk.Heading);
        Assert.Contains(("#Input_SourceCode", "Select who the referral comes from."), walk.Errors);

        using var chosen = await walk.ContinueAsync([.. caller, ("Input.SourceCode", "1B")]);
        Assert.Equal("Check your answers before sending your referral", walk.Heading);
        Assert.Contains("1B – Individual: acquaintance (including neighbours and childminders)", walk.Text, StringComparison.Ordinal);

        var referral = await ReferralAsync(manager, await SendAsync(walk));
        Assert.Equal("Nadia Nextdoor", referral.GetProperty("referrerName").GetString());
        Assert.Equal("1B", referral.GetProperty("sourceCode").GetString());
    }

    [Fact]
    [Trait("Rule", "REF-04")]
    public async Task FrontDoorStaff_RecordingAPhonedConcern_GiveTheTimeItCameIn_AndRecordTheAcknowledgementWhenSent()
    {
        var (_, manager) = await PeopleAsync();
        var caller = new[] { ("Input.RaisedByOther", "true"), ("Input.RaiserName", "Nadia Nextdoor"), ("Input.RaiserRole", "Neighbour") };
        var walk = new ReferralFormWalk(manager);
        await walk.StartAsync();
        await walk.AnswerAllAsync(Answers().Take(7));
        var tomorrow = TimeProvider.System.GetUtcNow().AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = TimeProvider.System.GetUtcNow().AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using (var future = await walk.ContinueAsync([.. caller, ("Input.ReceivedDate", tomorrow), ("Input.ReceivedTime", "09:00")]))
        {
            Assert.Contains(("#Input_ReceivedDate", "The time the concern was received cannot be in the future."), walk.Errors);
        }

        using (var past = await walk.ContinueAsync([.. caller, ("Input.ReceivedDate", yesterday), ("Input.ReceivedTime", "16:40")]))
        {
            Assert.Equal("Check your answers before sending your referral", walk.Heading);
        }

        var location = await SendAsync(walk);
        var referral = await ReferralAsync(manager, location);
        Assert.Equal(yesterday, referral.GetProperty("receivedOn").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, referral.GetProperty("acknowledgedAt").ValueKind);

        var referralPath = location.Split('?')[0];
        Assert.Contains("Acknowledge receipt to the referrer", await manager.GetStringAsync(new Uri(referralPath, UriKind.Relative)), StringComparison.Ordinal);
        using (var notYet = await PostFormAsync(manager, referralPath + "?handler=Acknowledge", referralPath,
            new() { ["AckDate"] = tomorrow, ["AckTime"] = "09:00", ["AckHow"] = "Phone" }))
        {
            var html = await notYet.Content.ReadAsStringAsync();
            Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
            Assert.Contains("The acknowledgement cannot be dated in the future.", html, StringComparison.Ordinal);
        }

        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await ReferralAsync(manager, location)).GetProperty("acknowledgedAt").ValueKind);
        using (var sent = await PostFormAsync(manager, referralPath + "?handler=Acknowledge", referralPath,
            new() { ["AckDate"] = yesterday, ["AckTime"] = "17:05", ["AckHow"] = "Phone" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        Assert.Equal("Phone", (await ReferralAsync(manager, location)).GetProperty("acknowledgedHow").GetString());
    }

    [Fact]
    public async Task FrontDoorStaff_RecordingAsThemselves_KeepTheirOwnSource_WhateverTheHiddenListSays()
    {
        var (_, manager) = await PeopleAsync();
        var walk = await AtCheckYourAnswersAsync(manager,
            Answers(page: 7, replace: [("Input.RaisedByOther", "false"), ("Input.SourceCode", "1C")]));

        var referral = await ReferralAsync(manager, await SendAsync(walk));

        Assert.Equal("5A", referral.GetProperty("sourceCode").GetString());
    }

    [Fact]
    public async Task SchoolStaff_AreNotOfferedTheReferralSource_AndSendingOneIsRefusedWithNothingSent()
    {
        var (dsl, manager) = await PeopleAsync();
        var walk = new ReferralFormWalk(dsl);
        await walk.StartAsync();
        await walk.AnswerAllAsync(Answers().Take(7));
        Assert.DoesNotContain("Input.SourceCode", walk.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Where the concern came from", walk.Html, StringComparison.Ordinal);

        using var refused = await walk.ContinueAsync(("Input.ContactPhone", "01632 960 001"), ("Input.SourceCode", "1C"));
        Assert.Equal("Your contact details", walk.Heading);
        Assert.Contains(("#main-content",
            "The referral source is worked out from your agency; only children's social care choose it. Nothing was sent."), walk.Errors);
        using var notAtCheck = await walk.SubmitAsync();
        Assert.NotEqual(HttpStatusCode.Redirect, notAtCheck.StatusCode);
        Assert.DoesNotContain("Ellie Pagetest", await manager.GetStringAsync(new Uri("/front-door", UriKind.Relative)), StringComparison.Ordinal);

        using var asThemselves = await walk.ContinueAsync(("Input.ContactPhone", "01632 960 001"));
        var referral = await ReferralAsync(manager, await SendAsync(walk));
        Assert.Equal("2A", referral.GetProperty("sourceCode").GetString());
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string tokenPage, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await HttpSignIn.AntiforgeryTokenAsync(client, tokenPage);
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    [GeneratedRegex("href=\"/referrals/[0-9a-f-]{36}\"")]
    private static partial Regex ReferenceLink();
}

public sealed class SqliteReferralPagesTests(SqliteFactory factory) : ReferralPagesTests<SqliteFactory>(factory);

public sealed class PostgreSqlReferralPagesTests(PostgreSqlFactory factory) : ReferralPagesTests<PostgreSqlFactory>(factory);
