using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Data;
using Safeguard.Data.Records;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Participation;
using Safeguard.Web.Records;
using Safeguard.Web.Tests.FamilyHelp;
using Safeguard.Web.Tests.Support;
using Who = Safeguard.Web.Tests.Access.ChildJourney.Who;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// The authorisation matrix: one child's real journey (<see cref="ChildJourney"/>), then every GET route that shows a child's
/// data, requested by every kind of user with every kind of relationship with the child (including none and ended ones),
/// against <see cref="Expected"/> — the policy written as a table. A route that shows a child's data and has no row in the
/// table fails <see cref="EveryRouteShowingAChild_HasARowInTheMatrix"/>.
/// </summary>
public abstract class AccessMatrixTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SafeguardFactory
{
    /// <summary>Who asks, and their relationship with the journey's child (Robin; "Kit" for Operation Encompass).</summary>
    private enum Persona
    {
        /// <summary>The school's designated safeguarding lead who referred Robin (and is waiting for an answer to a request for access).</summary>
        Ref,

        /// <summary>Another school's designated safeguarding lead: no relationship.</summary>
        Dsl2,

        /// <summary>A teacher at the referring school: no relationship.</summary>
        Tch,

        /// <summary>A police officer: no relationship.</summary>
        Pol,

        /// <summary>The police officer who broke the glass (and sent Kit's Operation Encompass notification).</summary>
        Bg,

        /// <summary>The same officer after the break-glass access ended.</summary>
        BgEnded,

        /// <summary>A health visitor granted access by the case's manager after asking for it.</summary>
        Hv,

        /// <summary>The same health visitor after the granted access ended.</summary>
        HvEnded,

        /// <summary>A social worker of the area with no part in Robin's case (not allocated, not in its team): reads it, changes nothing.</summary>
        Sw,

        /// <summary>Robin's allocated lead practitioner.</summary>
        Lead,

        /// <summary>The social work qualified manager who decided the referral and allocated the case.</summary>
        Mgr,

        /// <summary>The chair of Robin's child protection conference.</summary>
        Chr,

        /// <summary>An administrator of the area's accounts, signed in with the second factor.</summary>
        Adm,

        /// <summary>The data protection officer.</summary>
        Dpo,

        /// <summary>A performance analyst.</summary>
        Ana,

        /// <summary>A police officer named with their account in the core group of Robin's child protection plan, which is open.</summary>
        Cg,

        /// <summary>
        /// A Family Help practitioner of children's social care (not a social worker) with no part in Robin's case: reads what children's
        /// social care reads, so walked only by the write half (<see cref="NoWriting"/>), not the read table.
        /// </summary>
        Fh,
    }

    /// <summary>The personas of the read table, one letter each in <see cref="Expected"/>.</summary>
    private static readonly Persona[] ReadPersonas = [.. Enum.GetValues<Persona>().Where(p => p != Persona.Fh)];

    /// <summary>
    /// The policy. One row per route, one letter per <see cref="Persona"/>, in the order of the header:
    /// S = answered and shows the child; - = answered but does not show the child (a list of one's own work);
    /// D = denied (403, 404 or the access-denied page); R = sent elsewhere (children's social care go to their full search).
    /// </summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        //                                                                   Ref Dsl2 Tch Pol Bg BgEnded Hv HvEnded Sw Lead Mgr Chr Adm Dpo Ana Cg
        // My work: each sees their own children, deadlines, conference invitations and requests for access (the health visitor's stays listed, as ended).
        [""] =                                                              "S  -  -  -  S  S  S  S  -  S  S  -  -  -  -  -",
        ["/Index"] =                                                        "S  -  -  -  S  S  S  S  -  S  S  -  -  -  -  -",
        ["GET /api/v1/me/clocks"] =                                         "-  -  -  -  -  -  -  -  -  S  S  -  -  -  -  -",
        // The referrer follows their own referral (the manager made the journey's second referral, so follows it too).
        ["/referrals"] =                                                    "S  -  -  -  -  -  -  -  -  -  S  -  -  -  -  -",
        ["GET /api/v1/referrals/mine"] =                                    "S  -  -  -  -  -  -  -  -  -  S  -  -  -  -  -",
        ["/referrals/{id:guid}"] =                                          "S  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["GET /api/v1/referrals/{id:guid}"] =                               "S  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        // Children's social care search and hold the area's records.
        ["/children"] =                                                     "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/Children/Index"] =                                               "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/Children"] =                                                     "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/front-door"] =                                                   "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["GET /api/v1/referrals/queue"] =                                   "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["GET /api/v1/children/{id:guid}"] =                                "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        // The child's record and chronology: children's social care, the lead practitioner, break-glass and granted access while they last,
        // and a core group member while the plan lasts.
        ["/children/{id:guid}"] =                                           "D  D  D  D  S  D  S  D  S  S  S  S  D  D  D  S",
        ["/children/{id:guid}/chronology"] =                                "D  D  D  D  S  D  S  D  S  S  S  S  D  D  D  S",
        ["GET /api/v1/children/{id:guid}/chronology"] =                     "D  D  D  D  S  D  S  D  S  S  S  S  D  D  D  S",
        // Whether a record exists (exact name and date of birth): anyone who works with children; not accounts, figures or data protection roles.
        ["/children/find"] =                                                "S  S  S  S  S  S  S  S  R  R  R  R  D  D  D  S",
        ["GET /api/v1/children/find"] =                                     "S  S  S  S  S  S  S  S  S  S  S  S  D  D  D  S",
        // Information shared: children's social care.
        ["/children/{id:guid}/information-sharing/new"] =                   "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/children/{id:guid}/communication-needs"] =                       "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["GET /api/v1/children/{id:guid}/communication-needs/"] =           "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["GET /api/v1/children/{id:guid}/information-sharing/"] =           "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        // Managers: the team's deadlines, break-glass to review, requests for access to decide.
        ["/team"] =                                                         "D  D  D  D  D  D  D  D  D  D  S  D  D  D  D  D",
        ["GET /api/v1/team/clocks"] =                                       "D  D  D  D  D  D  D  D  D  D  S  D  D  D  D  D",
        ["/break-glass/{id:guid}"] =                                        "D  D  D  D  D  D  D  D  D  D  S  D  D  D  D  D",
        ["/access-requests/{id:guid}"] =                                    "D  D  D  D  D  D  D  D  D  D  S  D  D  D  D  D",
        ["GET /api/v1/access-requests"] =                                   "D  D  D  D  D  D  D  D  D  D  S  D  D  D  D  D",
        // The data protection officer: who has looked, subject access requests, retention.
        ["/audit"] =                                                        "D  D  D  D  D  D  D  D  D  D  D  D  D  S  D  D",
        ["/audit/children/{id:guid}"] =                                     "D  D  D  D  D  D  D  D  D  D  D  D  D  S  D  D",
        ["/data-protection"] =                                              "D  D  D  D  D  D  D  D  D  D  D  D  D  S  D  D",
        ["/data-protection/retention"] =                                    "D  D  D  D  D  D  D  D  D  D  D  D  D  S  D  D",
        ["/data-protection/requests/{id:guid}"] =                           "D  D  D  D  D  D  D  D  D  D  D  D  D  S  D  D",
        ["/data-protection/requests/{id:guid}/export"] =                    "D  D  D  D  D  D  D  D  D  D  D  D  D  S  D  D",
        ["GET /api/v1/data-protection/requests/"] =                         "D  D  D  D  D  D  D  D  D  D  D  D  D  S  D  D",
        ["GET /api/v1/data-protection/requests/{id:guid}"] =                "D  D  D  D  D  D  D  D  D  D  D  D  D  S  D  D",
        ["GET /api/v1/data-protection/requests/{id:guid}/export"] =         "D  D  D  D  D  D  D  D  D  D  D  D  D  S  D  D",
        // Operation Encompass (Kit): the school told and the officer who sent it; any DSL or officer has the page, listing only their own;
        // the API is for settings.
        ["/encompass"] =                                                    "S  -  D  -  S  S  D  D  D  D  D  D  D  D  D  -",
        ["GET /api/v1/encompass/"] =                                        "S  -  D  D  D  D  D  D  D  D  D  D  D  D  D  D",
        // The front door: notifications whose child may be one already held (Kit), never the police or the school.
        ["GET /api/v1/encompass/possible-matches"] =                        "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        // Case work on the episode: children's social care and the lead practitioner; not break-glass, granted access or the core group.
        // The child protection plan itself is read by its core group too.
        ["/episodes/{id:guid}"] =                                           "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/episodes/{id:guid}/visits/new"] =                                "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/episodes/{id:guid}/plans/new"] =                                 "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/episodes/{id:guid}/close"] =                                     "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/episodes/{id:guid}/transfer"] =                                  "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/episodes/{id:guid}/emergency-action"] =                          "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/episodes/{id:guid}/strategy-discussions/new"] =                  "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/assessments/{id:guid}"] =                                        "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/plans/{id:guid}"] =                                              "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/plans/{id:guid}/changes"] =                                      "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["GET /api/v1/episodes/{id:guid}"] =                                "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["GET /api/v1/assessments/{id:guid}"] =                             "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["GET /api/v1/plans/{id:guid}"] =                                   "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/strategy-discussions/{id:guid}"] =                               "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["GET /api/v1/strategy-discussions/{id:guid}"] =                    "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/section-47/{id:guid}"] =                                         "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["GET /api/v1/section-47/{id:guid}"] =                              "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/section-47/{id:guid}/conference"] =                              "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/conferences/{id:guid}"] =                                        "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/child-protection-plans/{id:guid}"] =                             "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  S",
        ["GET /api/v1/child-protection-plans/{id:guid}"] =                  "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  S",
        ["/child-protection-plans/{id:guid}/changes"] =                     "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  S",
        ["/episodes/{id:guid}/conferences/new"] =                           "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/episodes/{id:guid}/transfer-in-conference"] =                    "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        // A conference's papers: children's social care, the officer invited to it by their account (for as long as the meeting's papers are
        // theirs), and the plan's core group.
        ["/conference-meetings/{id:guid}"] =                                "D  D  D  D  S  S  D  D  S  S  S  S  D  D  D  S",
        ["GET /api/v1/conference-meetings/{id:guid}"] =                     "D  D  D  D  S  S  D  D  S  S  S  S  D  D  D  S",
        ["GET /api/v1/me/conference-invitations"] =                         "-  -  -  -  S  S  -  -  -  -  -  -  -  -  -  -",
        // Looked after children and pre-proceedings: case work on the episode (deciding on pre-proceedings is a social work qualified manager's).
        ["/episodes/{id:guid}/looked-after/new"] =                          "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/looked-after/{id:guid}"] =                                       "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/looked-after/{id:guid}/care-plan"] =                             "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/looked-after/{id:guid}/return-home"] =                           "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["GET /api/v1/looked-after/{id:guid}"] =                            "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/episodes/{id:guid}/pre-proceedings/new"] =                       "D  D  D  D  D  D  D  D  D  D  S  D  D  D  D  D",
        ["/pre-proceedings/{id:guid}"] =                                    "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["GET /api/v1/pre-proceedings/{id:guid}"] =                         "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        // Recorded departures from the guidance: each one with its episode; the area's list for managers only.
        ["/departures/{id:guid}"] =                                         "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["GET /api/v1/departures/{id:guid}"] =                              "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/episodes/{id:guid}/departures/new"] =                            "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        // Disabled children's and carers' assessments: with their episode.
        ["/episodes/{id:guid}/carers-assessments"] =                        "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["GET /api/v1/carers-assessments/{id:guid}"] =                      "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/departures"] =                                                   "D  D  D  D  D  D  D  D  D  D  S  D  D  D  D  D",
        ["GET /api/v1/departures/"] =                                       "D  D  D  D  D  D  D  D  D  D  S  D  D  D  D  D",
        // Exchanges with other areas (Robin's transfer package, sent): children's social care of the two areas it is between.
        ["/exchanges"] =                                                    "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["GET /api/v1/exchanges/"] =                                        "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["/exchanges/{id:guid}"] =                                          "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
        ["GET /api/v1/exchanges/{id:guid}"] =                               "D  D  D  D  D  D  D  D  S  S  S  S  D  D  D  D",
    };

    private static readonly string[] SocialWorkerRole = ["SocialWorker"];

    private const string HealthVisitorReason = "Robin's new health visitor: I need his plan before my first home visit next week.";

    /// <summary>
    /// Those who may not change Robin's record, though some may read it (the referrer their referral, break-glass and granted
    /// access the record, the core group the plan, children's social care without a part in his case — a social worker of
    /// another team and a Family Help practitioner — all of it): every state-changing API route refuses them (403 or 404) —
    /// except the routes in <see cref="OpenByDesign"/>, which answer them (usually 400 or 422 for the little the walk sends).
    /// </summary>
    private static readonly Persona[] NoWriting =
        [Persona.Ref, Persona.Dsl2, Persona.Tch, Persona.Pol, Persona.Bg, Persona.Hv, Persona.Cg, Persona.Adm, Persona.Dpo, Persona.Ana, Persona.Sw, Persona.Fh];

    private static readonly Persona[] WorksWithChildren =
        [Persona.Ref, Persona.Dsl2, Persona.Tch, Persona.Pol, Persona.Bg, Persona.Hv, Persona.Cg, Persona.Sw, Persona.Fh];

    /// <summary>State-changing routes open by design to some of <see cref="NoWriting"/>.</summary>
    private static readonly Dictionary<string, Persona[]> OpenByDesign = new()
    {
        // Anyone who works with children refers a child, breaks the glass or asks for access (not administrators, analysts or the DPO).
        ["POST /api/v1/referrals/"] = WorksWithChildren,
        ["POST /api/v1/children/{id:guid}/break-glass"] = WorksWithChildren,
        ["POST /api/v1/children/{id:guid}/access-requests"] = WorksWithChildren,
        // Children's social care's front door registers a child before any case has a lead practitioner (a social worker or a
        // Family Help practitioner without a part in Robin's case included).
        ["POST /api/v1/children/"] = [Persona.Sw, Persona.Fh],
        // Likewise, the front door says whether a child the police described is one already held, as on the front-door page.
        ["POST /api/v1/encompass/{id:guid}/match"] = [Persona.Sw, Persona.Fh],
        // And it records the acknowledgement it sent to someone who phoned or emailed a concern in, before any case has a lead.
        ["POST /api/v1/referrals/{id:guid}/acknowledgement"] = [Persona.Sw, Persona.Fh],
        // The referrer escalates their own referral; the school's DSL marks the notification to their school seen.
        ["POST /api/v1/referrals/{id:guid}/escalations"] = [Persona.Ref],
        ["POST /api/v1/encompass/{id:guid}/seen"] = [Persona.Ref],
        // The core group changes the plan's actions and members with the case's workers (the walk's body is refused with the rule, 422).
        ["POST /api/v1/child-protection-plans/{id:guid}/actions"] = [Persona.Cg],
        ["POST /api/v1/child-protection-plans/{id:guid}/core-group"] = [Persona.Cg],
        // The police send Operation Encompass notifications.
        ["POST /api/v1/encompass/"] = [Persona.Pol, Persona.Bg, Persona.Cg],
        // The officer invited to the review conference sends their report.
        ["POST /api/v1/conference-meetings/{id:guid}/reports"] = [Persona.Bg],
        // The data protection officer's requests; the administrator's accounts.
        ["POST /api/v1/data-protection/requests/"] = [Persona.Dpo],
        ["POST /api/v1/data-protection/requests/{id:guid}/extension"] = [Persona.Dpo],
        ["POST /api/v1/data-protection/requests/{id:guid}/review"] = [Persona.Dpo],
        ["POST /api/v1/data-protection/requests/{id:guid}/decision"] = [Persona.Dpo],
        ["POST /api/v1/data-protection/requests/{id:guid}/identity-check"] = [Persona.Dpo],
        ["POST /api/v1/data-protection/search-alerts/{id:guid}/review"] = [Persona.Dpo],
        ["POST /api/v1/admin/users/"] = [Persona.Adm],
        // The area's administrators write down the local protocol, as its managers do.
        ["PUT /api/v1/area/local-protocol/"] = [Persona.Adm],
        // An exchange received is acted on by the receiving area's front door, before any case there has a lead: children's social care
        // of the area answer it (here, as the sending area, with the rule that only the receiver acts on it, 422).
        ["POST /api/v1/exchanges/{id:guid}/acknowledgement"] = [Persona.Sw, Persona.Fh],
        ["POST /api/v1/exchanges/{id:guid}/child"] = [Persona.Sw, Persona.Fh],
        ["POST /api/v1/exchanges/{id:guid}/moved-in"] = [Persona.Sw, Persona.Fh],
    };

    [Fact]
    public void EveryRouteShowingAChild_HasARowInTheMatrix()
    {
        var routes = ChildJourney.Requests(ChildJourney.NoJourney).Select(r => r.Route).ToHashSet();

        Assert.True(routes.SetEquals(Expected.Keys), "Say who may see each route in AccessMatrixTests.Expected. Missing: "
            + string.Join(", ", routes.Except(Expected.Keys)) + "; no longer a route: " + string.Join(", ", Expected.Keys.Except(routes)));
        Assert.All(Expected, row => Assert.Equal(ReadPersonas.Length, Letters(row.Value).Length));
    }

    [Fact]
    public async Task EveryRouteShowingAChild_AnswersEachPersonaAsThePolicySays()
    {
        var area = await factory.NewAreaAsync();
        var journeyClients = await ChildJourney.SignInAsync(factory, area);
        // The referrer, the manager and the data protection officer are who they are by their agency and roles; the lead
        // practitioner, the core group member, the chair and the invited officer by what the journey makes them — read from
        // its participant rows once it is walked.
        var clients = new Dictionary<Persona, HttpClient>
        {
            [Persona.Ref] = journeyClients[Who.Referrer].Client,
            [Persona.Mgr] = journeyClients[Who.Manager].Client,
            [Persona.Dpo] = journeyClients[Who.DataProtectionOfficer].Client,
            [Persona.Adm] = await factory.AdministratorClientAsync(area),
        };
        var otherSchool = await NewAgencyAsync(area, "another primary school", AgencyKind.School);
        var health = await NewAgencyAsync(area, "health visiting", AgencyKind.HealthProvider);
        var emails = new Dictionary<Persona, string>();
        foreach (var (persona, agency, roles) in new[]
                 {
                     (Persona.Dsl2, otherSchool, new[] { PractitionerRole.DesignatedSafeguardingLead }),
                     (Persona.Tch, area.School, new[] { PractitionerRole.Practitioner }),
                     (Persona.Pol, area.Police, new[] { PractitionerRole.Practitioner }),
                     (Persona.Hv, health, new[] { PractitionerRole.Practitioner }),
                     (Persona.Sw, area.SocialCare, new[] { PractitionerRole.SocialWorker }),
                     (Persona.Fh, area.SocialCare, new[] { PractitionerRole.Practitioner }),
                     (Persona.Ana, area.SocialCare, new[] { PractitionerRole.Analyst }),
                 })
        {
            emails[persona] = await factory.NewAccountAsync(agency, roles);
            clients[persona] = factory.NewClient();
            await HttpSignIn.SignInAsync(clients[persona], emails[persona]);
        }

        try
        {
            var journey = await ChildJourney.WalkAsync(area, journeyClients);
            foreach (var (persona, practitionerId) in await RelationshipsAsync(area, journey))
            {
                var (client, _, email) = journeyClients.Values.Single(c => c.PractitionerId == practitionerId);
                clients[persona] = client;
                emails[persona] = email;
            }

            var asked = await ChildJourney.Json(await clients[Persona.Hv].PostAsJsonAsync($"/api/v1/children/{journey.ChildId}/access-requests",
                new { reason = HealthVisitorReason, days = 7 }), HttpStatusCode.Created);
            await ChildJourney.Json(await clients[Persona.Mgr].PostAsJsonAsync($"/api/v1/access-requests/{asked.GetProperty("id").GetGuid()}/decision",
                new { grant = true, days = 7, reasons = "Needed for the health visitor's first visit." }));
            var routes = ChildJourney.Requests(journey).DistinctBy(r => r.Route).ToList();
            var actual = new Dictionary<(string Route, Persona Persona), char>();
            foreach (var persona in ReadPersonas.Where(p => p is not (Persona.BgEnded or Persona.HvEnded)))
            {
                foreach (var (route, _, path, child) in routes)
                {
                    actual[(route, persona)] = await OutcomeAsync(clients[persona], path, child, journey);
                }
            }

            var writes = await WriteOutcomesAsync(area, clients, journey);

            // A week and a day later: the break-glass access (hours) and the granted access (7 days) have ended.
            ((FakeTimeProvider)factory.Time!).Advance(TimeSpan.FromDays(8));
            foreach (var (persona, ended) in new[] { (Persona.Bg, Persona.BgEnded), (Persona.Hv, Persona.HvEnded) })
            {
                await HttpSignIn.SignInAsync(clients[persona], emails[persona]);
                foreach (var (route, _, path, child) in routes)
                {
                    actual[(route, ended)] = await OutcomeAsync(clients[persona], path, child, journey);
                }
            }

            var wrong = routes.Select(r => r.Route)
                .SelectMany(route => ReadPersonas.Where(p => Letters(Expected[route])[(int)p] != actual[(route, p)])
                    .Select(p => $"{route} as {p}: expected {Letters(Expected[route])[(int)p]}, got {actual[(route, p)]}"))
                .ToList();
            Assert.True(wrong.Count == 0, string.Join("\n", wrong) + "\n\nWhat the service answers today:\n" + Table(routes.Select(r => r.Route), actual));
            var wrongWrites = writes.Where(w => w.Denied == (OpenByDesign.TryGetValue(w.Route, out var open) && open.Contains(w.Persona)))
                .Select(w => $"{w.Route} as {w.Persona}: {(w.Denied ? "refused, but it is open to them by design" : $"answered {w.Status}, but they may not change the record")}")
                .ToList();
            Assert.True(wrongWrites.Count == 0, string.Join("\n", wrongWrites));
        }
        finally
        {
            foreach (var client in clients.Values.Concat(journeyClients.Values.Select(c => c.Client)).Distinct())
            {
                client.Dispose();
            }
        }
    }

    /// <summary>
    /// Every state-changing API route, sent a request of little more than a line of text by each persona in <see cref="NoWriting"/>, at the address of
    /// Robin's own records (an emergency action, a chronology entry and the Encompass notification are fetched first). A
    /// new route whose address cannot be built fails here until it is added to <see cref="IdFor"/>.
    /// </summary>
    private async Task<List<(string Route, Persona Persona, bool Denied, int Status)>> WriteOutcomesAsync(TestArea area, Dictionary<Persona, HttpClient> clients,
        ChildJourney.Journey journey)
    {
        var action = await ChildJourney.Json(await clients[Persona.Mgr].PostAsJsonAsync($"/api/v1/episodes/{journey.EpisodeId}/emergency-actions", new
        {
            power = "PolicePowersOfProtection", actingAgency = "Police", action = "Robin was taken to his grandmother's under police protection.",
            childSeenBy = "PC Walk", otherChildrenConsidered = "No other children live there.", legalAdviceTaken = true,
        }), HttpStatusCode.Created);
        var entry = (await ChildJourney.Json(await clients[Persona.Mgr].GetAsync(new Uri($"/api/v1/children/{journey.ChildId}/chronology", UriKind.Relative))))[0];
        var notification = (await ChildJourney.Json(await clients[Persona.Ref].GetAsync(new Uri("/api/v1/encompass", UriKind.Relative))))[0];
        // An account the administrator makes in children's social care: its roles wait for a manager's approval, which no one else gives.
        var made = await ChildJourney.Json(await clients[Persona.Adm].PostAsJsonAsync("/api/v1/admin/users", new
        {
            givenName = "Walk", familyName = "Approval", email = $"walk{Guid.NewGuid():N}@test.example", jobTitle = "Social worker",
            agencyId = area.SocialCare.Id, roles = SocialWorkerRole, registration = "SW" + Random.Shared.Next(100_000, 999_999),
        }), HttpStatusCode.Created);
        Guid grantId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var practitionerId = made.GetProperty("practitionerId").GetGuid();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.WorkInArea(area.Area.Id);
            grantId = (await db.RoleGrants.SingleAsync(g => g.PractitionerId == practitionerId)).Id;
        }

        // Five searches that find nothing alert the data protection officer, who records what they concluded.
        for (var i = 1; i <= 5; i++)
        {
            using var miss = await clients[Persona.Pol].GetAsync(new Uri($"/api/v1/children/find?givenName=Nobody&familyName=Walk{i}&dateOfBirth=2016-03-0{i}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, miss.StatusCode);
        }

        var alert = (await ChildJourney.Json(await clients[Persona.Dpo].GetAsync(new Uri("/api/v1/data-protection/search-alerts", UriKind.Relative))))[0];
        var journeyIds = new Dictionary<string, Guid>(journey.Ids)
        {
            [RecordKinds.RoleGrant.Name] = grantId,
            [RecordKinds.EmergencyAction.Name] = action.GetProperty("id").GetGuid(),
            [RecordKinds.ChronologyEntry.Name] = entry.GetProperty("id").GetGuid(),
            [RecordKinds.EncompassNotification.Name] = notification.GetProperty("id").GetGuid(),
        };
        // The segment before an id names the kind of record (its page or API address in RecordRoutes), and so the journey's record of that kind.
        var ids = new Dictionary<string, Guid>();
        foreach (var kind in RecordKinds.All)
        {
            foreach (var template in new[] { RecordRoutes.ByKind[kind.Name].Page, RecordRoutes.ByKind[kind.Name].Api })
            {
                if (template is not null && template.Split('#')[0].Split('/') is var parts && parts[^1] == "{id}" && journeyIds.TryGetValue(kind.Name, out var id))
                {
                    ids[parts[^2]] = id;
                }
            }
        }

        // A child's own routes (its information shared, its address) name it by the child's id.
        ids["children"] = journey.ChildId;
        ids["search-alerts"] = alert.GetProperty("id").GetGuid();
        // A missing id would answer 404 and pass for a refusal: every address names a record the journey made.
        Assert.DoesNotContain(ids, id => id.Value == Guid.Empty);
        var routes = EndpointClassificationTests.Endpoints(factory.Services)
            .Where(e => e.Method is "POST" or "PUT" or "PATCH" or "DELETE" && e.Path.StartsWith("/api/v1/", StringComparison.Ordinal))
            .DistinctBy(e => e.Key).ToList();
        var outcomes = new List<(string, Persona, bool, int)>();
        foreach (var (key, method, template) in routes)
        {
            var path = IdFor(template, ids);
            foreach (var persona in NoWriting)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(new { text = "The access walk: may I change this record?" }) };
                using var response = await clients[persona].SendAsync(request);
                outcomes.Add((key, persona, response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, (int)response.StatusCode));
            }
        }

        Assert.True(outcomes.Count >= 70 * NoWriting.Length, $"Only {outcomes.Count} requests: the walk lost its routes.");
        return outcomes;
    }

    /// <summary>The route's address with the id of the journey's record its path names (the segment before the id).</summary>
    private static string IdFor(string template, Dictionary<string, Guid> ids)
    {
        var segments = template.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i] == "{id:guid}")
            {
                Assert.True(ids.TryGetValue(segments[i - 1], out var id),
                    $"{template}: register the kind of record it changes with its address (RecordRoutes), and have the journey make one (ChildJourney.Journey.Ids)");
                segments[i] = id.ToString();
            }
        }

        return string.Join('/', segments);
    }

    private static char[] Letters(string row) => [.. row.Where(c => !char.IsWhiteSpace(c))];

    /// <summary>S, -, D or R for one request (see <see cref="Expected"/>).</summary>
    private static async Task<char> OutcomeAsync(HttpClient client, string path, Guid child, ChildJourney.Journey journey)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } to
                && (to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString.Split('?')[0]) == "/account/access-denied"))
        {
            return 'D';
        }

        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return 'R';
        }

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        var name = child == journey.EncompassChildId ? "Encompasswalk" : "Auditwalk";
        // Answered at the child's own address (the chronology), or naming the child: it shows the child.
        return path.Contains(child.ToString(), StringComparison.Ordinal) || body.Contains(child.ToString(), StringComparison.OrdinalIgnoreCase)
            || body.Contains(name, StringComparison.OrdinalIgnoreCase) ? 'S' : '-';
    }

    private static string Table(IEnumerable<string> routes, Dictionary<(string Route, Persona Persona), char> actual)
    {
        var text = new StringBuilder();
        foreach (var route in routes)
        {
            text.Append(CultureInfo.InvariantCulture, $"[\"{route}\"] = \"{string.Join("  ", ReadPersonas.Select(p => actual[(route, p)]))}\",\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// Who has which relationship with Robin, as the service records it: the current lead practitioner of his episode, the
    /// core group member with an account in his open plan, the chair of his initial conference, and the officer invited by
    /// their account to his review conference. Each must be exactly one practitioner.
    /// </summary>
    private async Task<Dictionary<Persona, Guid>> RelationshipsAsync(TestArea area, ChildJourney.Journey journey)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        var rows = await db.Participants.AsNoTracking().Where(p => p.ChildId == journey.ChildId && p.PractitionerId != null).ToListAsync();
        Guid Only(string kind, Guid? recordId, ParticipantRole role, bool current) => Assert.Single(rows,
            p => p.RecordKind == kind && (recordId is null || p.RecordId == recordId) && p.Role == role && (!current || p.IsCurrent)).PractitionerId!.Value;
        return new Dictionary<Persona, Guid>
        {
            [Persona.Lead] = Only(Participations.Episode, journey.EpisodeId, ParticipantRole.LeadPractitioner, current: true),
            [Persona.Cg] = Only(Participations.ChildProtectionPlan, journey.ProtectionPlanId, ParticipantRole.CoreGroupMember, current: true),
            [Persona.Chr] = Only(Participations.ChildProtectionConference, null, ParticipantRole.Chair, current: false),
            [Persona.Bg] = Only(Participations.ConferenceMeeting, journey.MeetingId, ParticipantRole.Invitee, current: true),
        };
    }

    private async Task<Agency> NewAgencyAsync(TestArea area, string name, AgencyKind kind)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.WorkInArea(area.Area.Id);
        var agency = new Agency(Guid.NewGuid(), area.Area.Id, $"{area.Area.Name} {name}", kind);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return agency;
    }
}

public sealed class SqliteAccessMatrixTests(FamilyHelpSqliteFactory factory) : AccessMatrixTests<FamilyHelpSqliteFactory>(factory);

public sealed class PostgreSqlAccessMatrixTests(FamilyHelpPostgreSqlFactory factory) : AccessMatrixTests<FamilyHelpPostgreSqlFactory>(factory);
