using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.Web.Tests.Referrals;

/// <summary>
/// A referral is validated once, whoever sends it: the same wrong answer gets the same words on the "Make a referral" pages
/// and from the API, and nothing is sent either way.
/// </summary>
public abstract partial class ReferralPagesTests<TFactory>
{
    /// <summary>The referral <see cref="Answers"/> gives, as the API takes it.</summary>
    private static Dictionary<string, object?> TheSameReferralAsSent() => new()
    {
        ["child"] = new Dictionary<string, object?>
        {
            ["givenName"] = "Ellie", ["familyName"] = "Pagetest", ["dateOfBirth"] = "2017-09-14", ["sex"] = "F", ["ethnicityCode"] = "WBRI",
        },
        ["otherChildren"] = new List<Dictionary<string, object?>> { new() { ["name"] = "Ruby Pagetest" } },
        ["adults"] = new List<Dictionary<string, object?>>
        {
            new() { ["name"] = "Dawn Pagetest", ["relationship"] = "Mother", ["livesWithChild"] = true, ["parentalResponsibility"] = true },
            new() { ["name"] = "Lee Boyfriend", ["relationship"] = "PartnerOfParent" },
        },
        ["concerns"] = Concerns,
        ["harmTypes"] = new[] { "PhysicalAbuse", "DomesticAbuse" },
        ["harmContexts"] = new[] { "InsideTheHome" },
        ["childsViews"] = "She wants to stay with her nan tonight.",
        ["familyKnows"] = false,
        ["whyFamilyNotToldOrAgreed"] = "Telling the boyfriend could increase the risk to Ellie.",
        ["urgency"] = "Urgent",
        ["contactPhone"] = "01632 960 001",
    };

    [Theory]
    [InlineData("last name missing", 0, "Input.FamilyName", "", "#Input_FamilyName", "Enter the child's last name")]
    [InlineData("born in the future", 0, "Input.DobYear", "2099", "#Input_DobDay", "The date of birth must be today or in the past.")]
    [InlineData("other child's name too long", 1, "Input.OtherChildren[1].Name", "LONG", "#Input_OtherChildren_1__Name", "Name must be 200 characters or fewer")]
    [InlineData("adult with no relationship", 2, "Input.Adults[0].Relationship", "", "#Input_Adults_0__Relationship", "Select who Dawn Pagetest is to the child")]
    [InlineData("adult's name too long", 2, "Input.Adults[1].Name", "LONG", "#Input_Adults_1__Name", "Name must be 200 characters or fewer")]
    [InlineData("no concerns", 3, "Input.Concerns", "", "#Input_Concerns", "Describe your concerns about the child")]
    [InlineData("no kinds of harm", 3, "Input.HarmTypes", "", "#Input_HarmTypes", "Select the kinds of harm you are worried about.")]
    [InlineData("child's views too long", 4, "Input.ChildsViews", "VERY LONG", "#Input_ChildsViews", "The child's views must be 10,000 characters or fewer")]
    [InlineData("family not asked", 5, "Input.Family", "", "#Input_Family", "Select whether the family knows about this referral")]
    [InlineData("no urgency", 6, "Input.Urgency", "", "#Input_Urgency", "Select how urgent this is")]
    [InlineData("phone too long", 7, "Input.ContactPhone", "LONG", "#Input_ContactPhone", "Your phone number must be 40 characters or fewer")]
    public async Task TheSameWrongAnswer_GetsTheSameWords_OnThePagesAndFromTheApi_AndNothingIsSent(string wrong, int page, string key, string value,
        string href, string message)
    {
        var (dsl, _) = await PeopleAsync();
        var text = value switch { "LONG" => new string('x', 201), "VERY LONG" => new string('x', 10_001), _ => value };

        // On the pages: the page with the wrong answer stays, with the message by the answer.
        var walk = new ReferralFormWalk(dsl);
        await walk.StartAsync();
        var answers = Answers();
        await walk.AnswerAllAsync(answers.Take(page));
        using var onThePage = await walk.ContinueAsync(
            [.. answers[page].Where(f => f.Key != key).Append((key, text)).Where(f => f.Item2.Length > 0)]);
        Assert.Equal(Headings[page], walk.Heading);
        Assert.Contains((href, message), walk.Errors);

        // From the API: the same referral with the same wrong answer is a problem carrying the same words.
        var body = TheSameReferralAsSent();
        var child = (Dictionary<string, object?>)body["child"]!;
        var adults = (List<Dictionary<string, object?>>)body["adults"]!;
        switch (wrong)
        {
            case "last name missing": child["familyName"] = text; break;
            case "born in the future": child["dateOfBirth"] = "2099-09-14"; break;
            case "other child's name too long": ((List<Dictionary<string, object?>>)body["otherChildren"]!).Add(new() { ["name"] = text }); break;
            case "adult with no relationship": adults[0].Remove("relationship"); break;
            case "adult's name too long": adults[1]["name"] = text; break;
            case "no concerns": body["concerns"] = text; break;
            case "no kinds of harm": body["harmTypes"] = Array.Empty<string>(); break;
            case "child's views too long": body["childsViews"] = text; break;
            case "family not asked": body["familyKnows"] = null; break;
            case "no urgency": body["urgency"] = null; break;
            case "phone too long": body["contactPhone"] = text; break;
            default: throw new ArgumentOutOfRangeException(nameof(wrong), wrong, "No such wrong answer.");
        }

        using var fromTheApi = await dsl.PostAsJsonAsync("/api/v1/referrals", body);
        Assert.Contains(fromTheApi.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity });
        var problem = await fromTheApi.Content.ReadFromJsonAsync<JsonElement>();
        var said = problem.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())).ToList();
        Assert.Contains(message, said);

        Assert.DoesNotContain("R-20", await dsl.GetStringAsync(new Uri("/referrals", UriKind.Relative)), StringComparison.Ordinal);
    }
}
