using System.Net;
using System.Net.Http.Json;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.FamilyHelp;
using Safeguard.Web.Tests.Support;
using Who = Safeguard.Web.Tests.Access.ChildJourney.Who;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// A step is one step whether it is taken on its page or through the API: after one child's journey
/// (<see cref="ChildJourney"/>), each step of the referral, Family Help, child protection and looked after journeys is
/// taken on its page and through its API route by people who may not change the child's record, and both must answer
/// the same — refused on both (403, 404 or the access-denied page), or answered on both. <see cref="Steps"/> pairs each
/// page form with its API route.
/// </summary>
public sealed class PageApiAgreementTests(FamilyHelpSqliteFactory factory) : IClassFixture<FamilyHelpSqliteFactory>
{
    /// <summary>Each step: its page, the page's handler ("" for the page's own form), and its API route.</summary>
    private static readonly (string Page, string Handler, string Api)[] Steps =
    [
        // The referral.
        ("/referrals/{id}", "Escalate", "POST /api/v1/referrals/{id:guid}/escalations"),
        ("/referrals/{id}", "Respond", "POST /api/v1/referrals/{id:guid}/escalations/response"),
        ("/referrals/{id}", "Decide", "POST /api/v1/referrals/{id:guid}/decision"),
        ("/referrals/{id}", "Acknowledge", "POST /api/v1/referrals/{id:guid}/acknowledgement"),
        // Family Help and children in need.
        ("/episodes/{id}", "Allocate", "POST /api/v1/episodes/{id:guid}/allocation"),
        ("/episodes/{id}", "CoWorker", "POST /api/v1/episodes/{id:guid}/co-workers"),
        ("/episodes/{id}", "Agreement", "POST /api/v1/episodes/{id:guid}/family-agreement"),
        ("/episodes/{id}", "StartAssessment", "POST /api/v1/episodes/{id:guid}/assessments"),
        ("/episodes/{id}", "Needs", "POST /api/v1/episodes/{id:guid}/specific-needs"),
        ("/episodes/{id}", "Milestone", "POST /api/v1/episodes/{id:guid}/milestones"),
        ("/episodes/{id}/visits/new", "", "POST /api/v1/episodes/{id:guid}/visits"),
        ("/episodes/{id}/plans/new", "", "POST /api/v1/episodes/{id:guid}/plans"),
        ("/episodes/{id}/close", "", "POST /api/v1/episodes/{id:guid}/closure"),
        ("/assessments/{id}", "Save", "PUT /api/v1/assessments/{id:guid}"),
        ("/assessments/{id}", "Submit", "POST /api/v1/assessments/{id:guid}/submission"),
        ("/assessments/{id}", "Authorise", "POST /api/v1/assessments/{id:guid}/authorisation"),
        ("/assessments/{id}", "Return", "POST /api/v1/assessments/{id:guid}/return"),
        ("/plans/{id}", "Approve", "POST /api/v1/plans/{id:guid}/approval"),
        ("/plans/{id}", "Review", "POST /api/v1/plans/{id:guid}/reviews"),
        ("/plans/{id}", "End", "POST /api/v1/plans/{id:guid}/end"),
        // Child protection.
        ("/episodes/{id}/strategy-discussions/new", "", "POST /api/v1/episodes/{id:guid}/strategy-discussions"),
        ("/strategy-discussions/{id}", "Confirm", "POST /api/v1/strategy-discussions/{id:guid}/confirmation"),
        ("/strategy-discussions/{id}", "Start", "POST /api/v1/strategy-discussions/{id:guid}/section-47"),
        ("/section-47/{id}", "Record", "PUT /api/v1/section-47/{id:guid}"),
        ("/section-47/{id}", "Request", "POST /api/v1/section-47/{id:guid}/conference-requests"),
        ("/section-47/{id}", "Answer", "POST /api/v1/section-47/{id:guid}/conference-requests/answer"),
        ("/section-47/{id}", "Escalate", "POST /api/v1/section-47/{id:guid}/conference-requests/escalation"),
        ("/section-47/{id}/conference", "", "POST /api/v1/section-47/{id:guid}/initial-conference"),
        ("/child-protection-plans/{id}", "CoreGroup", "POST /api/v1/child-protection-plans/{id:guid}/core-groups"),
        ("/child-protection-plans/{id}", "Review", "POST /api/v1/child-protection-plans/{id:guid}/reviews"),
        ("/child-protection-plans/{id}", "End", "POST /api/v1/child-protection-plans/{id:guid}/end"),
        ("/child-protection-plans/{id}", "Move", "POST /api/v1/child-protection-plans/{id:guid}/move"),
        ("/child-protection-plans/{id}", "TransferIn", "POST /api/v1/child-protection-plans/{id:guid}/move/transfer-in-conference"),
        ("/child-protection-plans/{id}", "MoveAbandoned", "POST /api/v1/child-protection-plans/{id:guid}/move/abandoned"),
        ("/episodes/{id}/emergency-action", "", "POST /api/v1/episodes/{id:guid}/emergency-actions"),
        ("/episodes/{id}/pre-proceedings/new", "", "POST /api/v1/episodes/{id:guid}/pre-proceedings"),
        ("/pre-proceedings/{id}", "Letter", "POST /api/v1/pre-proceedings/{id:guid}/letter"),
        ("/pre-proceedings/{id}", "FamilyGroup", "POST /api/v1/pre-proceedings/{id:guid}/family-group-decision-making"),
        ("/pre-proceedings/{id}", "Discussion", "POST /api/v1/pre-proceedings/{id:guid}/key-discussions"),
        ("/pre-proceedings/{id}", "Conclude", "POST /api/v1/pre-proceedings/{id:guid}/conclusion"),
        // Looked after children.
        ("/episodes/{id}/looked-after/new", "", "POST /api/v1/episodes/{id:guid}/looked-after"),
        ("/looked-after/{id}", "LegalStatus", "POST /api/v1/looked-after/{id:guid}/legal-status"),
        ("/looked-after/{id}", "Placement", "POST /api/v1/looked-after/{id:guid}/placements"),
        ("/looked-after/{id}", "Notification", "POST /api/v1/looked-after/{id:guid}/notifications"),
        ("/looked-after/{id}/care-plan", "Plan", "POST /api/v1/looked-after/{id:guid}/care-plan"),
        ("/looked-after/{id}/care-plan", "Review", "POST /api/v1/looked-after/{id:guid}/care-plan-reviews"),
        ("/looked-after/{id}/return-home", "Assessment", "POST /api/v1/looked-after/{id:guid}/return-home/assessment"),
        ("/looked-after/{id}/return-home", "Approval", "POST /api/v1/looked-after/{id:guid}/return-home/approval"),
        ("/looked-after/{id}/return-home", "Return", "POST /api/v1/looked-after/{id:guid}/return-home"),
        ("/looked-after/{id}/return-home", "Unplanned", "POST /api/v1/looked-after/{id:guid}/unplanned-return"),
        ("/looked-after/{id}/return-home", "End", "POST /api/v1/looked-after/{id:guid}/end"),
        ("/looked-after/{id}/return-home", "Reunification", "POST /api/v1/looked-after/{id:guid}/reunification-plan"),
        ("/looked-after/{id}/return-home", "Review", "POST /api/v1/looked-after/{id:guid}/reunification-reviews"),
    ];

    [Fact]
    public void EveryPairedRoute_IsAStateChangingRouteOfTheService()
    {
        var routes = EndpointClassificationTests.Endpoints(factory.Services).Select(e => e.Key).ToHashSet();

        Assert.All(Steps, step => Assert.True(routes.Contains(step.Api), $"{step.Api} is not a route (paired with {step.Page} {step.Handler})"));
        // Every state-changing route of the four journeys has its page here.
        var journeys = new[] { "/api/v1/referrals/{id", "/api/v1/episodes/", "/api/v1/assessments/", "/api/v1/plans/", "/api/v1/strategy-discussions/",
            "/api/v1/section-47/", "/api/v1/child-protection-plans/{id:guid}/", "/api/v1/pre-proceedings/", "/api/v1/looked-after/" };
        var paired = Steps.Select(s => s.Api).ToHashSet();
        var unpaired = EndpointClassificationTests.Endpoints(factory.Services)
            .Where(e => e.Method is "POST" or "PUT" && journeys.Any(j => e.Path.StartsWith(j, StringComparison.Ordinal)) && !paired.Contains(e.Key)
                && !NoPage.Contains(e.Key))
            .Select(e => e.Key).Distinct().ToList();
        Assert.True(unpaired.Count == 0, "Pair each step's page with its API route in Steps: " + string.Join(", ", unpaired));
    }

    /// <summary>Steps of the four journeys taken elsewhere than on a page of the step's own: with the reason.</summary>
    private static readonly HashSet<string> NoPage =
    [
        // Conferences arranged and transferred in, the plan's changes and the conference meeting are walked by their own pages' tests.
        "POST /api/v1/episodes/{id:guid}/conference-meetings", "POST /api/v1/episodes/{id:guid}/transfer-in-conference",
        "POST /api/v1/episodes/{id:guid}/transfer", "POST /api/v1/episodes/{id:guid}/departures", "POST /api/v1/episodes/{id:guid}/carers-assessments",
        "POST /api/v1/child-protection-plans/{id:guid}/actions", "POST /api/v1/child-protection-plans/{id:guid}/core-group",
        // Not yet walked here: the plan changes name a second record (an action, a member, an outcome), and the "told" and
        // enquiry outcome steps are still to be paired with their pages' handlers.
        "POST /api/v1/section-47/{id:guid}/outcome", "POST /api/v1/section-47/{id:guid}/told", "POST /api/v1/assessments/{id:guid}/told",
        "POST /api/v1/child-protection-plans/{id:guid}/told", "PUT /api/v1/child-protection-plans/{id:guid}/actions/{actionId:guid}",
        "POST /api/v1/child-protection-plans/{id:guid}/actions/{actionId:guid}/done",
        "POST /api/v1/child-protection-plans/{id:guid}/core-group/{memberId:guid}/leaving", "POST /api/v1/child-protection-plans/{id:guid}/lead",
        "POST /api/v1/plans/{id:guid}/outcomes/", "PUT /api/v1/plans/{id:guid}/outcomes/{number:int}",
        "POST /api/v1/plans/{id:guid}/outcomes/{number:int}/achieved",
    ];

    [Fact]
    public async Task EveryStep_AnswersTheRefusedTheSameOnItsPageAndItsApi()
    {
        var area = await factory.NewAreaAsync();
        var journeyClients = await ChildJourney.SignInAsync(factory, area);
        var refused = new Dictionary<string, HttpClient>
        {
            ["the referrer"] = journeyClients[Who.Referrer].Client,
            ["a core group member"] = journeyClients[Who.CoreGroup].Client,
        };
        foreach (var (who, agency, roles) in new[]
                 {
                     ("a teacher", area.School, new[] { PractitionerRole.Practitioner }),
                     ("a police officer", area.Police, new[] { PractitionerRole.Practitioner }),
                     ("a social worker with no part in the case", area.SocialCare, new[] { PractitionerRole.SocialWorker }),
                     ("a Family Help practitioner with no part in the case", area.SocialCare, new[] { PractitionerRole.Practitioner }),
                 })
        {
            refused[who] = factory.NewClient();
            await HttpSignIn.SignInAsync(refused[who], await factory.NewAccountAsync(agency, roles));
        }

        try
        {
            var journey = await ChildJourney.WalkAsync(area, journeyClients);
            var ids = new Dictionary<string, Guid>
            {
                ["referrals"] = journey.ReferralId, ["episodes"] = journey.EpisodeId, ["assessments"] = journey.AssessmentId, ["plans"] = journey.PlanId,
                ["strategy-discussions"] = journey.DiscussionId, ["section-47"] = journey.EnquiryId, ["child-protection-plans"] = journey.ProtectionPlanId,
                ["looked-after"] = journey.LookedAfterId, ["pre-proceedings"] = journey.PreProceedingsId,
            };
            Assert.DoesNotContain(ids, id => id.Value == Guid.Empty);
            var disagreements = new List<string>();
            foreach (var (page, handler, api) in Steps)
            {
                var pagePath = WithId(page, ids);
                var (method, apiTemplate) = (api.Split(' ')[0], api.Split(' ')[1]);
                var apiPath = WithId(apiTemplate.Replace("{id:guid}", "{id}", StringComparison.Ordinal), ids);
                foreach (var (who, client) in refused)
                {
                    var pageRefused = await PageRefusedAsync(client, pagePath, handler);
                    var apiRefused = await ApiRefusedAsync(client, method, apiPath);
                    if (pageRefused.Refused != apiRefused.Refused)
                    {
                        disagreements.Add($"{page} ({handler}) and {api} as {who}: page {pageRefused.Answer}, API {apiRefused.Answer}");
                    }
                }
            }

            Assert.True(disagreements.Count == 0, "The page and the API answer differently:\n" + string.Join("\n", disagreements));
        }
        finally
        {
            foreach (var client in refused.Values.Concat(journeyClients.Values.Select(c => c.Client)).Distinct())
            {
                client.Dispose();
            }
        }
    }

    /// <summary>The address with the journey's record named by its first segment.</summary>
    private static string WithId(string template, Dictionary<string, Guid> ids)
    {
        var segments = template.Split('/');
        var kind = segments[1] == "api" ? segments[3] : segments[1];
        return template.Replace("{id}", ids[kind].ToString(), StringComparison.Ordinal);
    }

    private static async Task<(bool Refused, string Answer)> PageRefusedAsync(HttpClient client, string path, string handler)
    {
        // The anti-forgery token is the person's own, from a page every signed-in person has.
        using var response = await HttpSignIn.PostFormAsync(client, path, new Dictionary<string, string> { ["Text"] = "The agreement walk: may I take this step?" },
            handler, tokenFrom: "/account/security");
        var to = response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]) : null;
        var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.Redirect && to == "/account/access-denied");
        Assert.True(response.StatusCode != HttpStatusCode.BadRequest, $"{path} ({handler}): the form was not accepted (400)");
        return (refused, $"{(int)response.StatusCode}{(to is null ? string.Empty : " to " + to)}");
    }

    private static async Task<(bool Refused, string Answer)> ApiRefusedAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = JsonContent.Create(new { text = "The agreement walk: may I take this step?" }),
        };
        using var response = await client.SendAsync(request);
        return (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
