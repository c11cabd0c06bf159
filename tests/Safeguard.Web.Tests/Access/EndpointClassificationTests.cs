using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Data.Records;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Records;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// Every route the service answers is classified here: who may reach it. A new page or endpoint fails the first test
/// until someone decides its class, and every class is then checked against a signed-out caller and, for
/// case records, against a signed-in practitioner outside children's social care.
/// </summary>
public sealed class EndpointClassificationTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private enum Access
    {
        /// <summary>Open to everyone (sign-in, health, errors, the API description).</summary>
        Anonymous,

        /// <summary>Any signed-in practitioner, for their own work (their referrals, their deadlines).</summary>
        SignedIn,

        /// <summary>Children's social care of the area: case records.</summary>
        ChildrenSocialCare,

        /// <summary>A narrower group checked by its own policy or by the record (manager, police, DSL, DPO, referrer).</summary>
        Restricted,

        /// <summary>The area's administrators, signed in with their second factor: accounts, never case records.</summary>
        Administrators,

        /// <summary>The data protection officer: UK GDPR requests and the retention report, never case work.</summary>
        DataProtectionOfficer,

        /// <summary>Who approves roles that reach case records: social work qualified managers, partner agencies' named safeguarding leads.</summary>
        Approvers,
    }

    /// <summary>What an administrator who has not set up two-factor authentication may still reach (besides the anonymous routes).</summary>
    private static readonly HashSet<string> OpenBeforeSecondFactor = ["/account/security", "/account/sign-out", "/Account/SignOut"];

    private static readonly Dictionary<string, Access> Classified = new()
    {
        ["/health/live"] = Access.Anonymous,
        ["/health/ready"] = Access.Anonymous,
        ["GET /openapi/{documentName}.json"] = Access.Anonymous,
        ["/account/sign-in"] = Access.Anonymous,
        ["/Account/SignIn"] = Access.Anonymous,
        ["/Account/External"] = Access.Anonymous,
        ["/Error"] = Access.Anonymous,
        ["/status/{code:int}"] = Access.Anonymous,
        ["/account/sign-in/code"] = Access.Anonymous,
        ["/account/sign-in/recovery-code"] = Access.Anonymous,
        // A new account's holder sets their own password with the one-time link their approver gave them.
        ["/account/set-password"] = Access.Anonymous,
        ["/account/security"] = Access.SignedIn,
        ["/account/sign-out"] = Access.SignedIn,
        ["/Account/SignOut"] = Access.SignedIn,
        ["/account/access-denied"] = Access.SignedIn,
        ["/Account/AccessDenied"] = Access.SignedIn,
        [""] = Access.SignedIn,
        ["/Index"] = Access.SignedIn,
        ["GET /api/v1/me"] = Access.SignedIn,
        ["GET /api/v1/me/clocks"] = Access.SignedIn,
        // The area's own target for holding a strategy discussion: children's social care read it, a social work qualified manager sets it.
        ["GET /api/v1/area/strategy-discussion-target"] = Access.ChildrenSocialCare,
        ["PUT /api/v1/area/strategy-discussion-target"] = Access.Restricted,
        ["/referrals"] = Access.SignedIn,
        ["/referrals/new"] = Access.Restricted,
        ["POST /api/v1/referrals/"] = Access.Restricted,
        ["GET /api/v1/referrals/mine"] = Access.SignedIn,
        ["/children"] = Access.ChildrenSocialCare,
        ["/Children/Index"] = Access.ChildrenSocialCare,
        ["/Children"] = Access.ChildrenSocialCare,
        // Finding a record, asking for access, breaking the glass: practitioners who work with children (Policies.WorksWithChildren).
        ["/children/find"] = Access.Restricted,
        ["GET /api/v1/children/find"] = Access.Restricted,
        ["/children/{id:guid}/break-glass"] = Access.Restricted,
        ["POST /api/v1/children/{id:guid}/break-glass"] = Access.Restricted,
        ["/children/{id:guid}/access-request"] = Access.Restricted,
        ["POST /api/v1/children/{id:guid}/access-requests"] = Access.Restricted,
        // Deciding requests for access: social work qualified managers of the area (RC-01).
        ["GET /api/v1/access-requests"] = Access.Restricted,
        ["POST /api/v1/access-requests/{id:guid}/decision"] = Access.Restricted,
        ["POST /api/v1/break-glass/{id:guid}/review"] = Access.Restricted,
        ["/front-door"] = Access.ChildrenSocialCare,
        ["GET /api/v1/encompass/possible-matches"] = Access.ChildrenSocialCare,
        ["POST /api/v1/encompass/{id:guid}/match"] = Access.ChildrenSocialCare,
        ["POST /api/v1/children/"] = Access.ChildrenSocialCare,
        ["GET /api/v1/children/{id:guid}"] = Access.ChildrenSocialCare,
        ["GET /api/v1/referrals/queue"] = Access.ChildrenSocialCare,
        ["/children/{id:guid}/information-sharing/new"] = Access.ChildrenSocialCare,
        ["/children/{id:guid}/communication-needs"] = Access.ChildrenSocialCare,
        ["GET /api/v1/children/{id:guid}/communication-needs/"] = Access.ChildrenSocialCare,
        ["PUT /api/v1/children/{id:guid}/communication-needs/"] = Access.ChildrenSocialCare,
        ["PUT /api/v1/children/{id:guid}/communication-needs/adults/{memberId:guid}"] = Access.ChildrenSocialCare,
        ["GET /api/v1/children/{id:guid}/information-sharing/"] = Access.ChildrenSocialCare,
        ["POST /api/v1/children/{id:guid}/information-sharing/"] = Access.ChildrenSocialCare,
        ["POST /api/v1/children/{id:guid}/address/safe"] = Access.Restricted,
        // A social work qualified manager with a part in the child's case records a death or leaving the UK; a practitioner of the case what happens at 18.
        ["/children/{id:guid}/ending"] = Access.Restricted,
        ["POST /api/v1/children/{id:guid}/death"] = Access.Restricted,
        ["POST /api/v1/children/{id:guid}/left-uk"] = Access.Restricted,
        ["POST /api/v1/children/{id:guid}/next-step-at-18"] = Access.ChildrenSocialCare,
        ["GET /api/v1/referrals/{id:guid}"] = Access.Restricted,
        ["POST /api/v1/referrals/{id:guid}/decision"] = Access.Restricted,
        ["POST /api/v1/referrals/{id:guid}/acknowledgement"] = Access.ChildrenSocialCare,
        ["POST /api/v1/referrals/{id:guid}/escalations"] = Access.Restricted,
        ["POST /api/v1/referrals/{id:guid}/escalations/response"] = Access.Restricted,
        ["/team"] = Access.Restricted,
        // The area's local protocol: its managers of children's social care and its administrators (Policies.LocalProtocol).
        ["/area/local-protocol"] = Access.Restricted,
        // The area's target for holding a strategy discussion: its social work qualified managers change it on the page.
        ["/area/strategy-discussion-target"] = Access.Restricted,
        // The safeguarding partnership's own records: its members from any of its areas (Policies.PartnershipMember); never a case record.
        ["/partnership"] = Access.Restricted,
        // Exchanges between areas: children's social care of the area that sent or received one.
        ["/exchanges"] = Access.ChildrenSocialCare,
        ["/exchanges/{id:guid}"] = Access.ChildrenSocialCare,
        ["GET /api/v1/exchanges/"] = Access.ChildrenSocialCare,
        ["GET /api/v1/exchanges/{id:guid}"] = Access.ChildrenSocialCare,
        ["POST /api/v1/exchanges/{id:guid}/acknowledgement"] = Access.ChildrenSocialCare,
        ["POST /api/v1/exchanges/{id:guid}/child"] = Access.ChildrenSocialCare,
        ["POST /api/v1/exchanges/{id:guid}/moved-in"] = Access.ChildrenSocialCare,
        ["GET /api/v1/partnership/"] = Access.Restricted,
        ["POST /api/v1/partnership/arrangements"] = Access.Restricted,
        ["GET /api/v1/partnership/arrangements/{id:guid}"] = Access.Restricted,
        // The areas an account works in: its own and those it is a member of, chosen for the session here.
        ["/account/area"] = Access.SignedIn,
        ["GET /api/v1/me/areas"] = Access.SignedIn,
        ["GET /api/v1/area/local-protocol/"] = Access.Restricted,
        ["PUT /api/v1/area/local-protocol/"] = Access.Restricted,
        // Recorded departures from the guidance: listed and counted for managers; each one for whoever works on its episode.
        ["/departures"] = Access.Restricted,
        ["GET /api/v1/departures/"] = Access.Restricted,
        ["GET /api/v1/departures/counts"] = Access.Restricted,
        ["/departures/{id:guid}"] = Access.Restricted,
        ["GET /api/v1/departures/{id:guid}"] = Access.Restricted,
        ["/episodes/{id:guid}/departures/new"] = Access.Restricted,
        ["POST /api/v1/episodes/{id:guid}/departures"] = Access.Restricted,
        // Disabled children's and carers' assessments: whoever works on the episode.
        ["/episodes/{id:guid}/carers-assessments"] = Access.Restricted,
        ["POST /api/v1/episodes/{id:guid}/carers-assessments"] = Access.Restricted,
        ["POST /api/v1/carers-assessments/{id:guid}/completion"] = Access.Restricted,
        ["GET /api/v1/carers-assessments/{id:guid}"] = Access.Restricted,
        ["GET /api/v1/team/clocks"] = Access.Restricted,
        ["/audit"] = Access.Restricted,
        ["/audit/children/{id:guid}"] = Access.Restricted,
        ["/encompass"] = Access.Restricted,
        ["/encompass/new"] = Access.Restricted,
        ["POST /api/v1/encompass/"] = Access.Restricted,
        ["GET /api/v1/encompass/"] = Access.Restricted,
        ["GET /api/v1/encompass/settings"] = Access.Restricted,
        ["POST /api/v1/encompass/{id:guid}/seen"] = Access.Restricted,

        // Family Help and children in need: children's social care, or the episode's allocated lead practitioner (checked on the record).
        ["/episodes/{id:guid}/visits/new"] = Access.Restricted,
        ["/episodes/{id:guid}/plans/new"] = Access.Restricted,
        // A plan's outcomes are added, changed and achieved by whoever may change the case (as through the API).
        ["/plans/{id:guid}/changes"] = Access.Restricted,
        ["/episodes/{id:guid}/close"] = Access.Restricted,
        ["/episodes/{id:guid}/transfer"] = Access.Restricted,

        // Child protection: children's social care takes the steps; the child's lead practitioner can read them.
        ["/episodes/{id:guid}/strategy-discussions/new"] = Access.ChildrenSocialCare,
        ["POST /api/v1/episodes/{id:guid}/strategy-discussions"] = Access.ChildrenSocialCare,
        ["GET /api/v1/strategy-discussions/{id:guid}"] = Access.Restricted,
        ["POST /api/v1/strategy-discussions/{id:guid}/confirmation"] = Access.Restricted,
        ["POST /api/v1/strategy-discussions/{id:guid}/section-47"] = Access.ChildrenSocialCare,
        ["GET /api/v1/section-47/{id:guid}"] = Access.Restricted,
        ["PUT /api/v1/section-47/{id:guid}"] = Access.Restricted,
        ["POST /api/v1/section-47/{id:guid}/outcome"] = Access.Restricted,
        ["POST /api/v1/section-47/{id:guid}/initial-conference"] = Access.ChildrenSocialCare,
        ["GET /api/v1/child-protection-plans/{id:guid}"] = Access.Restricted,
        ["POST /api/v1/child-protection-plans/{id:guid}/core-groups"] = Access.ChildrenSocialCare,
        ["POST /api/v1/child-protection-plans/{id:guid}/end"] = Access.ChildrenSocialCare,
        ["POST /api/v1/child-protection-plans/{id:guid}/reviews"] = Access.ChildrenSocialCare,
        // The plan as a living document: its core group (partner agencies included) and whoever may change the case change
        // its actions and members; a manager who may change the case changes its lead.
        ["/child-protection-plans/{id:guid}/changes"] = Access.Restricted,
        ["POST /api/v1/child-protection-plans/{id:guid}/actions"] = Access.Restricted,
        ["PUT /api/v1/child-protection-plans/{id:guid}/actions/{actionId:guid}"] = Access.Restricted,
        ["POST /api/v1/child-protection-plans/{id:guid}/actions/{actionId:guid}/done"] = Access.Restricted,
        ["POST /api/v1/child-protection-plans/{id:guid}/core-group"] = Access.Restricted,
        ["POST /api/v1/child-protection-plans/{id:guid}/core-group/{memberId:guid}/leaving"] = Access.Restricted,
        ["POST /api/v1/child-protection-plans/{id:guid}/lead"] = Access.Restricted,
        ["POST /api/v1/episodes/{id:guid}/emergency-actions"] = Access.ChildrenSocialCare,
        ["POST /api/v1/section-47/{id:guid}/conference-requests"] = Access.ChildrenSocialCare,
        ["POST /api/v1/section-47/{id:guid}/conference-requests/answer"] = Access.Restricted,
        ["POST /api/v1/section-47/{id:guid}/conference-requests/escalation"] = Access.ChildrenSocialCare,
        ["POST /api/v1/emergency-actions/{id:guid}/acceptance"] = Access.ChildrenSocialCare,
        ["/episodes/{id:guid}/emergency-action"] = Access.ChildrenSocialCare,
        ["/section-47/{id:guid}/conference"] = Access.ChildrenSocialCare,
        ["POST /api/v1/episodes/{id:guid}/transfer-in-conference"] = Access.ChildrenSocialCare,
        ["/episodes/{id:guid}/transfer-in-conference"] = Access.ChildrenSocialCare,
        ["POST /api/v1/child-protection-plans/{id:guid}/move"] = Access.ChildrenSocialCare,
        ["POST /api/v1/child-protection-plans/{id:guid}/move/transfer-in-conference"] = Access.ChildrenSocialCare,
        ["POST /api/v1/child-protection-plans/{id:guid}/move/abandoned"] = Access.ChildrenSocialCare,
        // Records of telling: who was told what about an enquiry, an assessment or a plan, when and how (S47-09, S47-10, ASM-06, ASM-07, DISC-04).
        ["POST /api/v1/section-47/{id:guid}/told"] = Access.ChildrenSocialCare,
        ["POST /api/v1/assessments/{id:guid}/told"] = Access.Restricted,
        ["POST /api/v1/child-protection-plans/{id:guid}/told"] = Access.ChildrenSocialCare,

        // Conferences: children's social care arranges them; each invitee with an account sees that conference's papers and sends a report.
        ["/episodes/{id:guid}/conferences/new"] = Access.ChildrenSocialCare,
        ["POST /api/v1/episodes/{id:guid}/conference-meetings"] = Access.ChildrenSocialCare,
        ["GET /api/v1/conference-meetings/{id:guid}"] = Access.Restricted,
        ["POST /api/v1/conference-meetings/{id:guid}/invitations"] = Access.ChildrenSocialCare,
        ["POST /api/v1/conference-meetings/{id:guid}/reports"] = Access.Restricted,
        ["PUT /api/v1/conference-meetings/{id:guid}/preparation"] = Access.ChildrenSocialCare,
        ["GET /api/v1/me/conference-invitations"] = Access.SignedIn,
        // Looked after children and pre-proceedings: children's social care takes the steps (the decisions on pre-proceedings and on
        // ceasing to look after a child are a social work qualified manager's); the child's lead practitioner can read them.
        ["/episodes/{id:guid}/looked-after/new"] = Access.ChildrenSocialCare,
        ["/looked-after/{id:guid}/care-plan"] = Access.Restricted,
        ["/looked-after/{id:guid}/return-home"] = Access.Restricted,
        ["POST /api/v1/episodes/{id:guid}/looked-after"] = Access.ChildrenSocialCare,
        ["GET /api/v1/looked-after/{id:guid}"] = Access.Restricted,
        ["POST /api/v1/looked-after/{id:guid}/legal-status"] = Access.ChildrenSocialCare,
        ["POST /api/v1/looked-after/{id:guid}/care-plan"] = Access.ChildrenSocialCare,
        ["POST /api/v1/looked-after/{id:guid}/care-plan-reviews"] = Access.ChildrenSocialCare,
        ["POST /api/v1/looked-after/{id:guid}/placements"] = Access.ChildrenSocialCare,
        ["POST /api/v1/looked-after/{id:guid}/notifications"] = Access.ChildrenSocialCare,
        ["POST /api/v1/looked-after/{id:guid}/return-home/assessment"] = Access.ChildrenSocialCare,
        ["POST /api/v1/looked-after/{id:guid}/return-home/approval"] = Access.ChildrenSocialCare,
        ["POST /api/v1/looked-after/{id:guid}/return-home"] = Access.ChildrenSocialCare,
        ["POST /api/v1/looked-after/{id:guid}/unplanned-return"] = Access.ChildrenSocialCare,
        ["POST /api/v1/looked-after/{id:guid}/end"] = Access.ChildrenSocialCare,
        ["POST /api/v1/looked-after/{id:guid}/reunification-plan"] = Access.ChildrenSocialCare,
        ["POST /api/v1/looked-after/{id:guid}/reunification-reviews"] = Access.ChildrenSocialCare,
        ["/episodes/{id:guid}/pre-proceedings/new"] = Access.Restricted,
        ["POST /api/v1/episodes/{id:guid}/pre-proceedings"] = Access.ChildrenSocialCare,
        ["GET /api/v1/pre-proceedings/{id:guid}"] = Access.Restricted,
        ["POST /api/v1/pre-proceedings/{id:guid}/letter"] = Access.ChildrenSocialCare,
        ["POST /api/v1/pre-proceedings/{id:guid}/family-group-decision-making"] = Access.ChildrenSocialCare,
        ["POST /api/v1/pre-proceedings/{id:guid}/key-discussions"] = Access.ChildrenSocialCare,
        ["POST /api/v1/pre-proceedings/{id:guid}/conclusion"] = Access.ChildrenSocialCare,
        ["POST /api/v1/episodes/{id:guid}/specific-needs"] = Access.Restricted,
        ["POST /api/v1/episodes/{id:guid}/milestones"] = Access.Restricted,
        ["/children/{id:guid}/chronology"] = Access.Restricted,
        ["GET /api/v1/episodes/{id:guid}"] = Access.Restricted,
        ["POST /api/v1/episodes/{id:guid}/allocation"] = Access.Restricted,
        ["POST /api/v1/episodes/{id:guid}/co-workers"] = Access.Restricted,
        ["POST /api/v1/episodes/{id:guid}/family-agreement"] = Access.Restricted,
        ["POST /api/v1/episodes/{id:guid}/assessments"] = Access.Restricted,
        ["POST /api/v1/episodes/{id:guid}/visits"] = Access.Restricted,
        ["POST /api/v1/episodes/{id:guid}/plans"] = Access.Restricted,
        ["POST /api/v1/episodes/{id:guid}/closure"] = Access.Restricted,
        ["GET /api/v1/assessments/{id:guid}"] = Access.Restricted,
        ["PUT /api/v1/assessments/{id:guid}"] = Access.Restricted,
        ["POST /api/v1/assessments/{id:guid}/submission"] = Access.Restricted,
        ["POST /api/v1/assessments/{id:guid}/authorisation"] = Access.Restricted,
        ["POST /api/v1/assessments/{id:guid}/return"] = Access.Restricted,
        ["GET /api/v1/plans/{id:guid}"] = Access.Restricted,
        ["POST /api/v1/plans/{id:guid}/approval"] = Access.Restricted,
        ["POST /api/v1/plans/{id:guid}/reviews"] = Access.Restricted,
        ["POST /api/v1/plans/{id:guid}/end"] = Access.Restricted,
        ["POST /api/v1/plans/{id:guid}/outcomes/"] = Access.Restricted,
        ["PUT /api/v1/plans/{id:guid}/outcomes/{number:int}"] = Access.Restricted,
        ["POST /api/v1/plans/{id:guid}/outcomes/{number:int}/achieved"] = Access.Restricted,
        ["GET /api/v1/children/{id:guid}/chronology"] = Access.Restricted,
        ["POST /api/v1/chronology/{id:guid}/sensitivity"] = Access.Restricted,
        ["/data-protection"] = Access.DataProtectionOfficer,
        ["/data-protection/requests/new"] = Access.DataProtectionOfficer,
        ["/data-protection/requests/{id:guid}/export"] = Access.DataProtectionOfficer,
        ["/data-protection/retention"] = Access.DataProtectionOfficer,
        ["GET /api/v1/data-protection/requests/"] = Access.DataProtectionOfficer,
        ["POST /api/v1/data-protection/requests/"] = Access.DataProtectionOfficer,
        ["GET /api/v1/data-protection/requests/{id:guid}"] = Access.DataProtectionOfficer,
        ["GET /api/v1/data-protection/requests/{id:guid}/export"] = Access.DataProtectionOfficer,
        ["POST /api/v1/data-protection/requests/{id:guid}/extension"] = Access.DataProtectionOfficer,
        ["POST /api/v1/data-protection/requests/{id:guid}/review"] = Access.DataProtectionOfficer,
        ["POST /api/v1/data-protection/requests/{id:guid}/decision"] = Access.DataProtectionOfficer,
        ["/data-protection/access-changes"] = Access.DataProtectionOfficer,
        ["GET /api/v1/data-protection/access-changes"] = Access.DataProtectionOfficer,
        // Approving roles that reach case records: a social work qualified manager of children's social care, a partner agency's named
        // safeguarding lead (Policies.AccessApprover); which grants each decides is checked on the grant. Never an administrator.
        ["/approvals"] = Access.Approvers,
        ["/approvals/{id:guid}"] = Access.Approvers,
        ["GET /api/v1/approvals/"] = Access.Approvers,
        ["POST /api/v1/approvals/{id:guid}/decision"] = Access.Approvers,
        ["POST /api/v1/data-protection/requests/{id:guid}/identity-check"] = Access.DataProtectionOfficer,
        ["/data-protection/search-alerts/{id:guid}"] = Access.DataProtectionOfficer,
        ["GET /api/v1/data-protection/search-alerts/"] = Access.DataProtectionOfficer,
        ["POST /api/v1/data-protection/search-alerts/{id:guid}/review"] = Access.DataProtectionOfficer,
        ["/admin/users"] = Access.Administrators,
        ["/admin/users/new"] = Access.Administrators,
        ["GET /api/v1/admin/users/"] = Access.Administrators,
        ["GET /api/v1/admin/users/{id:guid}"] = Access.Administrators,
        ["POST /api/v1/admin/users/"] = Access.Administrators,
    };

    /// <summary>
    /// The page of each registered kind of record is classified by the kind's access rule (<see cref="RecordKinds"/>), unless listed above;
    /// a kind's page is then checked like every other route without being listed.
    /// </summary>
    static EndpointClassificationTests()
    {
        foreach (var kind in RecordKinds.All)
        {
            if (RecordRoutes.ByKind[kind.Name].Page is { } page)
            {
                Classified.TryAdd(page.Split('#')[0].Replace("{id}", "{id:guid}", StringComparison.Ordinal)
                    .Replace("{childId}", "{id:guid}", StringComparison.Ordinal).Replace("{episodeId}", "{id:guid}", StringComparison.Ordinal), kind.Access switch
                {
                    AccessRule.Administrator => Access.Administrators,
                    AccessRule.DataProtection => Access.DataProtectionOfficer,
                    AccessRule.ChildrensSocialCare => Access.ChildrenSocialCare,
                    _ => Access.Restricted,
                });
            }
        }
    }

    private List<(string Key, string Method, string Path)> Endpoints() => Endpoints(factory.Services);

    /// <summary>Every route the service answers: its key ("GET /api/..." for the API, the template for pages), method and template.</summary>
    internal static List<(string Key, string Method, string Path)> Endpoints(IServiceProvider services)
    {
        var sources = services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var found = new List<(string, string, string)>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var template = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is { Count: > 0 })
            {
                found.AddRange(methods.Select(m => ($"{m} {template}", m, template)));
            }
            else
            {
                var key = template == "/" ? "" : template;
                found.Add((key, "GET", template));
            }
        }

        return found;
    }

    [Fact]
    public void EveryRoute_IsClassified()
    {
        var unclassified = Endpoints().Select(e => e.Key).Distinct().Where(k => !Classified.ContainsKey(k)).ToList();

        Assert.True(unclassified.Count == 0, "Classify who may reach these routes in EndpointClassificationTests: " + string.Join(", ", unclassified));
    }

    [Fact]
    public async Task EveryRouteButTheAnonymousOnes_RefusesASignedOutCaller()
    {
        using var client = factory.NewClient();
        var failures = new List<string>();
        foreach (var (key, method, template) in Endpoints().Where(e => Classified.GetValueOrDefault(e.Key) != Access.Anonymous).DistinctBy(e => e.Key))
        {
            var path = template.Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == "/account/sign-in");
            if (!refused)
            {
                failures.Add($"{key} answered {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, "Reachable without signing in: " + string.Join("; ", failures));
    }

    [Fact]
    public async Task CaseRecordRoutes_RefuseAPractitionerOutsideChildrensSocialCare()
    {
        var area = await factory.NewAreaAsync();
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(area.School));
        var failures = new List<string>();
        foreach (var (key, method, template) in Endpoints().Where(e => Classified.GetValueOrDefault(e.Key) == Access.ChildrenSocialCare && e.Method == "GET")
            .DistinctBy(e => e.Key))
        {
            using var response = await client.GetAsync(new Uri(template.Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal),
                UriKind.Relative));
            var refused = response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == "/account/access-denied");
            if (!refused)
            {
                failures.Add($"{key} answered {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, "Case records reachable by a school practitioner: " + string.Join("; ", failures));
    }

    [Fact]
    public async Task AdministratorRoutes_RefuseAPractitionerWhoIsNotAnAdministrator()
    {
        var area = await factory.NewAreaAsync();
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(area.SocialCare, Domain.Organisation.PractitionerRole.PracticeSupervisor));
        var failures = new List<string>();
        foreach (var (key, method, template) in Endpoints().Where(e => Classified.GetValueOrDefault(e.Key) == Access.Administrators).DistinctBy(e => e.Key))
        {
            using var response = await SendAsync(client, method, template);
            if (!IsForbidden(response))
            {
                failures.Add($"{key} answered {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, "Account administration reachable by a manager who is not an administrator: " + string.Join("; ", failures));
    }

    [Fact]
    public async Task DataProtectionRoutes_RefuseEveryoneButTheDataProtectionOfficer()
    {
        var area = await factory.NewAreaAsync();
        var failures = new List<string>();
        foreach (var (agency, roles) in new[]
        {
            (area.SocialCare, new[] { PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor }),
            (area.School, new[] { PractitionerRole.DesignatedSafeguardingLead }),
            (area.SocialCare, new[] { PractitionerRole.Analyst }),
        })
        {
            using var client = factory.NewClient();
            await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(agency, roles));
            foreach (var (key, method, template) in Endpoints().Where(e => Classified.GetValueOrDefault(e.Key) == Access.DataProtectionOfficer).DistinctBy(e => e.Key))
            {
                using var response = await SendAsync(client, method, template);
                if (!IsForbidden(response))
                {
                    failures.Add($"{key} answered {(int)response.StatusCode} to {string.Join('+', roles)}");
                }
            }
        }

        using var administrator = await factory.AdministratorClientAsync(area);
        foreach (var (key, method, template) in Endpoints().Where(e => Classified.GetValueOrDefault(e.Key) == Access.DataProtectionOfficer).DistinctBy(e => e.Key))
        {
            using var response = await SendAsync(administrator, method, template);
            if (!IsForbidden(response))
            {
                failures.Add($"{key} answered {(int)response.StatusCode} to an administrator");
            }
        }

        Assert.True(failures.Count == 0, "Data protection requests reachable by someone other than the data protection officer: " + string.Join("; ", failures));
    }

    [Fact]
    public async Task EveryRouteButSettingUp_RefusesAnAdministratorWithoutTheSecondFactor()
    {
        var area = await factory.NewAreaAsync();
        using var client = factory.NewClient();
        await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(area.SocialCare, Domain.Organisation.PractitionerRole.Administrator));
        var failures = new List<string>();
        foreach (var (key, method, template) in Endpoints()
            .Where(e => Classified.GetValueOrDefault(e.Key) != Access.Anonymous && !OpenBeforeSecondFactor.Contains(e.Key)).DistinctBy(e => e.Key))
        {
            using var response = await SendAsync(client, method, template);
            var refused = template.StartsWith("/api/", StringComparison.Ordinal)
                ? response.StatusCode == HttpStatusCode.Forbidden && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/account/security";
            if (!refused)
            {
                failures.Add($"{key} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, "Reachable by an administrator without two-factor authentication: " + string.Join("; ", failures));
    }

    [Fact]
    public async Task CaseRecordRoutes_RefuseAnAdministratorWithTheSecondFactor()
    {
        var area = await factory.NewAreaAsync();
        using var client = await factory.AdministratorClientAsync(area);
        var failures = new List<string>();
        foreach (var (key, method, template) in Endpoints().Where(e => Classified.GetValueOrDefault(e.Key) == Access.ChildrenSocialCare).DistinctBy(e => e.Key))
        {
            using var response = await SendAsync(client, method, template);
            if (!IsForbidden(response))
            {
                failures.Add($"{key} answered {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, "Case records reachable by an administrator: " + string.Join("; ", failures));
    }

    [Fact]
    public async Task ApprovalRoutes_RefuseAdministratorsAndEveryoneWhoIsNotAnApprover()
    {
        var area = await factory.NewAreaAsync();
        var failures = new List<string>();
        var approvalRoutes = Endpoints().Where(e => Classified.GetValueOrDefault(e.Key) == Access.Approvers).DistinctBy(e => e.Key).ToList();
        Assert.NotEmpty(approvalRoutes);
        foreach (var (agency, roles) in new[]
        {
            (area.SocialCare, new[] { PractitionerRole.SocialWorker }),
            (area.SocialCare, new[] { PractitionerRole.DataProtectionOfficer }),
            (area.SocialCare, new[] { PractitionerRole.Analyst }),
            (area.School, new[] { PractitionerRole.DesignatedSafeguardingLead }),
            (area.Police, new[] { PractitionerRole.DelegatedSafeguardingPartner }),
        })
        {
            using var client = factory.NewClient();
            await HttpSignIn.SignInAsync(client, await factory.NewAccountAsync(agency, roles));
            foreach (var (key, method, template) in approvalRoutes)
            {
                using var response = await SendAsync(client, method, template);
                if (!IsForbidden(response))
                {
                    failures.Add($"{key} answered {(int)response.StatusCode} to {string.Join('+', roles)}");
                }
            }
        }

        using var administrator = await factory.AdministratorClientAsync(area);
        foreach (var (key, method, template) in approvalRoutes)
        {
            using var response = await SendAsync(administrator, method, template);
            if (!IsForbidden(response))
            {
                failures.Add($"{key} answered {(int)response.StatusCode} to an administrator");
            }
        }

        // An administrator who is also a social work qualified manager is still an administrator: they approve nothing.
        var (email, key2, _) = await factory.NewAccountWithTwoFactorAsync(area.SocialCare, PractitionerRole.Administrator, PractitionerRole.SocialWorker,
            PractitionerRole.PracticeSupervisor);
        using var both = factory.NewClient();
        await HttpSignIn.SignInWithCodeAsync(both, email, key2);
        foreach (var (key, method, template) in approvalRoutes)
        {
            using var response = await SendAsync(both, method, template);
            if (!IsForbidden(response))
            {
                failures.Add($"{key} answered {(int)response.StatusCode} to an administrator who is also a manager");
            }
        }

        Assert.True(failures.Count == 0, "Approvals reachable by someone who does not approve: " + string.Join("; ", failures));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string template)
    {
        // Every id in the route ({id:guid}, {memberId:guid}, …) is one that exists nowhere: the refusal must come before any lookup.
        var path = System.Text.RegularExpressions.Regex.Replace(template, @"\{[A-Za-z]+:guid\}", _ => Guid.NewGuid().ToString());
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    private static bool IsForbidden(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == "/account/access-denied");
}
