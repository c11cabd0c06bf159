using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Data.Records;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Records;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// One child's real journey through the service, from the school's referral to a child protection plan, and every GET route
/// that shows a child's data with the address that shows this child. <see cref="AuditCompletenessTests{TFactory}"/> proves each
/// of those routes audits its reads; <see cref="AccessMatrixTests{TFactory}"/> proves who each of them answers. A new route is
/// listed here (or in <see cref="NotAboutAChild"/>) once, and both tests walk it.
/// </summary>
internal static class ChildJourney
{
    internal enum Who
    {
        Manager,
        LeadPractitioner,
        Referrer,
        Police,
        DataProtectionOfficer,
        Chair,

        /// <summary>A police officer named, with their account, in the core group of Robin's child protection plan.</summary>
        CoreGroup,
    }

    /// <summary>GET routes that show no child's personal data: sign-in, health, accounts, empty forms, reference data.</summary>
    internal static readonly HashSet<string> NotAboutAChild =
    [
        "/health/live", "/health/ready", "GET /openapi/{documentName}.json", "/account/sign-in", "/Account/SignIn", "/Account/External", "/Error",
        "/status/{code:int}", "/account/sign-in/code", "/account/sign-in/recovery-code", "/account/security", "/account/sign-out", "/Account/SignOut",
        "/account/access-denied", "/Account/AccessDenied", "GET /api/v1/me",
        // A blank referral form and a blank notification form (which lists the area's schools).
        "/referrals/new", "/encompass/new", "GET /api/v1/encompass/settings",
        // Accounts, never case records.
        "/admin/users", "/admin/users/new", "/admin/users/{id:guid}", "GET /api/v1/admin/users/", "GET /api/v1/admin/users/{id:guid}",
        // Approving roles for accounts, setting a new account's password, and the officer's list of who was given access: accounts only.
        "/approvals", "/approvals/{id:guid}", "GET /api/v1/approvals/", "/account/set-password", "/data-protection/access-changes",
        "GET /api/v1/data-protection/access-changes",
        // The blank break-glass form: it shows nothing about the child until the glass is broken.
        "/children/{id:guid}/break-glass",
        // The blank request-for-access form, likewise.
        "/children/{id:guid}/access-request",
        // The blank forms for a child's death, leaving the UK and what happens next at 18: they show nothing of the record.
        "/children/{id:guid}/ending",
        // The blank data protection request form (it lists no child until one is chosen).
        "/data-protection/requests/new",
        // A practitioner's own searches for records that do not exist, for the data protection officer: what was typed, not a record.
        "/data-protection/search-alerts/{id:guid}", "GET /api/v1/data-protection/search-alerts/",
        // The area's local protocol, and how many departures from each rule it recorded in a year: settings and figures.
        "/area/local-protocol", "/area/strategy-discussion-target", "GET /api/v1/area/local-protocol/", "GET /api/v1/area/strategy-discussion-target", "GET /api/v1/departures/counts",
        // The partnership's own records (its published arrangements) and the areas an account works in: never a child's record.
        "/partnership", "GET /api/v1/partnership/", "GET /api/v1/partnership/arrangements/{id:guid}", "/account/area", "GET /api/v1/me/areas",
    ];

    internal sealed record Journey(Guid ChildId, Guid ReferralId, Guid EpisodeId, Guid AssessmentId, Guid PlanId, Guid EncompassChildId,
        Guid DiscussionId = default, Guid EnquiryId = default, Guid ProtectionPlanId = default, Guid BreakGlassId = default, Guid RequestId = default, Guid AccessRequestId = default,
        Guid MeetingId = default, Guid LookedAfterId = default, Guid PreProceedingsId = default, Guid ConferenceId = default, Guid DepartureId = default,
        Guid CarersAssessmentId = default, Guid ExchangeId = default)
    {
        /// <summary>The journey's record of each kind it makes, by the kind's name in <see cref="RecordKinds"/>.</summary>
        internal IReadOnlyDictionary<string, Guid> Ids => new Dictionary<string, Guid>
        {
            [RecordKinds.Child.Name] = ChildId, [RecordKinds.Referral.Name] = ReferralId, [RecordKinds.Episode.Name] = EpisodeId,
            [RecordKinds.Assessment.Name] = AssessmentId, [RecordKinds.Plan.Name] = PlanId, [RecordKinds.StrategyDiscussion.Name] = DiscussionId,
            [RecordKinds.Section47Enquiry.Name] = EnquiryId, [RecordKinds.Conference.Name] = ConferenceId, [RecordKinds.ConferenceMeeting.Name] = MeetingId,
            [RecordKinds.ChildProtectionPlan.Name] = ProtectionPlanId, [RecordKinds.LookedAfterPeriod.Name] = LookedAfterId,
            [RecordKinds.PreProceedings.Name] = PreProceedingsId, [RecordKinds.AccessRequest.Name] = AccessRequestId, [RecordKinds.BreakGlass.Name] = BreakGlassId,
            [RecordKinds.DataProtectionRequest.Name] = RequestId, [RecordKinds.Departure.Name] = DepartureId,
            [RecordKinds.CarersAndDisabilityAssessment.Name] = CarersAssessmentId, [RecordKinds.AreaExchange.Name] = ExchangeId,
        };
    }

    /// <summary>Who in the journey may see a record guarded by the access rule (null: no one in it, e.g. accounts).</summary>
    internal static Who? WhoFor(AccessRule rule) => rule switch
    {
        // Children's social care read every referral; the referrer only their own (walked below).
        AccessRule.Child or AccessRule.ChildrensSocialCare or AccessRule.CaseManager or AccessRule.Referral => Who.Manager,
        AccessRule.Episode => Who.LeadPractitioner,
        AccessRule.EpisodeAndCoreGroup => Who.CoreGroup,
        AccessRule.Meeting => Who.Police,
        AccessRule.Encompass => Who.Referrer,
        AccessRule.DataProtection => Who.DataProtectionOfficer,
        _ => null,
    };

    /// <summary>
    /// The page of one record of each registered kind that has one (<see cref="RecordRoutes"/>), asked for by someone its access rule
    /// lets see it: a kind registered with a page is walked by both tests without being listed here.
    /// </summary>
    internal static IEnumerable<(string Route, Who Who, string Path, Guid Child)> RecordPages(Journey j) =>
        from kind in RecordKinds.All
        let page = RecordRoutes.ByKind.GetValueOrDefault(kind.Name)?.Page
        where page is not null && page.EndsWith("/{id}", StringComparison.Ordinal) && page.IndexOf('{', StringComparison.Ordinal) == page.Length - 4
        let who = WhoFor(kind.Access)
        where who is not null
        select (page.Replace("{id}", "{id:guid}", StringComparison.Ordinal), who.Value, page.Replace("{id}", j.Ids.GetValueOrDefault(kind.Name).ToString(), StringComparison.Ordinal),
            j.ChildId);

    /// <summary>Each route that shows a child: who asks, the address, and the child the audit row must name.</summary>
    internal static IEnumerable<(string Route, Who Who, string Path, Guid Child)> Requests(Journey j) =>
    [
        .. RecordPages(j),
        ("", Who.LeadPractitioner, "/", j.ChildId),
        ("/Index", Who.LeadPractitioner, "/Index", j.ChildId),
        ("GET /api/v1/me/clocks", Who.LeadPractitioner, "/api/v1/me/clocks", j.ChildId),
        ("/referrals", Who.Referrer, "/referrals", j.ChildId),
        ("GET /api/v1/referrals/mine", Who.Referrer, "/api/v1/referrals/mine", j.ChildId),
        ("/children", Who.Manager, "/children?q=auditwalk", j.ChildId),
        ("/Children/Index", Who.Manager, "/Children/Index?q=auditwalk", j.ChildId),
        ("/Children", Who.Manager, "/Children?q=auditwalk", j.ChildId),
        ("/front-door", Who.Manager, "/front-door", j.ChildId),
        ("GET /api/v1/children/{id:guid}", Who.Manager, $"/api/v1/children/{j.ChildId}", j.ChildId),
        ("GET /api/v1/referrals/queue", Who.Manager, "/api/v1/referrals/queue", j.ChildId),
        ("/referrals/{id:guid}", Who.Referrer, $"/referrals/{j.ReferralId}", j.ChildId),
        ("GET /api/v1/referrals/{id:guid}", Who.Manager, $"/api/v1/referrals/{j.ReferralId}", j.ChildId),
        ("GET /api/v1/referrals/{id:guid}", Who.Referrer, $"/api/v1/referrals/{j.ReferralId}", j.ChildId),
        ("/team", Who.Manager, "/team", j.ChildId),
        ("GET /api/v1/team/clocks", Who.Manager, "/api/v1/team/clocks", j.ChildId),
        ("/audit", Who.DataProtectionOfficer, "/audit?GivenName=Robin&FamilyName=Auditwalk&DateOfBirth.Day=9&DateOfBirth.Month=3&DateOfBirth.Year=2016", j.ChildId),
        ("/audit/children/{id:guid}", Who.DataProtectionOfficer, $"/audit/children/{j.ChildId}", j.ChildId),
        ("/encompass", Who.Referrer, "/encompass", j.EncompassChildId),
        ("/encompass", Who.Police, "/encompass", j.EncompassChildId),
        ("GET /api/v1/encompass/", Who.Referrer, "/api/v1/encompass", j.EncompassChildId),
        ("GET /api/v1/encompass/possible-matches", Who.Manager, "/api/v1/encompass/possible-matches", j.EncompassChildId),
        ("/episodes/{id:guid}/visits/new", Who.LeadPractitioner, $"/episodes/{j.EpisodeId}/visits/new", j.ChildId),
        ("/episodes/{id:guid}/plans/new", Who.LeadPractitioner, $"/episodes/{j.EpisodeId}/plans/new", j.ChildId),
        ("/episodes/{id:guid}/close", Who.Manager, $"/episodes/{j.EpisodeId}/close", j.ChildId),
        ("/episodes/{id:guid}/transfer", Who.LeadPractitioner, $"/episodes/{j.EpisodeId}/transfer", j.ChildId),
        ("/plans/{id:guid}", Who.Manager, $"/plans/{j.PlanId}", j.ChildId),
        ("/plans/{id:guid}/changes", Who.LeadPractitioner, $"/plans/{j.PlanId}/changes", j.ChildId),
        ("/children/{id:guid}/chronology", Who.LeadPractitioner, $"/children/{j.ChildId}/chronology", j.ChildId),
        ("GET /api/v1/episodes/{id:guid}", Who.Manager, $"/api/v1/episodes/{j.EpisodeId}", j.ChildId),
        ("GET /api/v1/assessments/{id:guid}", Who.LeadPractitioner, $"/api/v1/assessments/{j.AssessmentId}", j.ChildId),
        ("GET /api/v1/plans/{id:guid}", Who.LeadPractitioner, $"/api/v1/plans/{j.PlanId}", j.ChildId),
        ("GET /api/v1/children/{id:guid}/chronology", Who.Manager, $"/api/v1/children/{j.ChildId}/chronology", j.ChildId),
        ("/children/{id:guid}/information-sharing/new", Who.Manager, $"/children/{j.ChildId}/information-sharing/new", j.ChildId),
        ("GET /api/v1/children/{id:guid}/information-sharing/", Who.Manager, $"/api/v1/children/{j.ChildId}/information-sharing", j.ChildId),
        ("/children/find", Who.Police, "/children/find?GivenName=Robin&FamilyName=Auditwalk&DateOfBirth.Day=9&DateOfBirth.Month=3&DateOfBirth.Year=2016", j.ChildId),
        ("GET /api/v1/children/find", Who.Police, "/api/v1/children/find?givenName=Robin&familyName=Auditwalk&dateOfBirth=2016-03-09", j.ChildId),
        ("GET /api/v1/access-requests", Who.Manager, "/api/v1/access-requests", j.ChildId),
        ("/data-protection", Who.DataProtectionOfficer, "/data-protection", j.ChildId),
        ("/data-protection/retention", Who.DataProtectionOfficer, "/data-protection/retention", j.ChildId),
        ("/data-protection/requests/{id:guid}/export", Who.DataProtectionOfficer, $"/data-protection/requests/{j.RequestId}/export", j.ChildId),
        ("GET /api/v1/data-protection/requests/", Who.DataProtectionOfficer, "/api/v1/data-protection/requests", j.ChildId),
        ("GET /api/v1/data-protection/requests/{id:guid}", Who.DataProtectionOfficer, $"/api/v1/data-protection/requests/{j.RequestId}", j.ChildId),
        ("GET /api/v1/data-protection/requests/{id:guid}/export", Who.DataProtectionOfficer, $"/api/v1/data-protection/requests/{j.RequestId}/export", j.ChildId),
        ("/episodes/{id:guid}/emergency-action", Who.Manager, $"/episodes/{j.EpisodeId}/emergency-action", j.ChildId),
        ("/episodes/{id:guid}/strategy-discussions/new", Who.LeadPractitioner, $"/episodes/{j.EpisodeId}/strategy-discussions/new", j.ChildId),
        ("GET /api/v1/strategy-discussions/{id:guid}", Who.Manager, $"/api/v1/strategy-discussions/{j.DiscussionId}", j.ChildId),
        ("GET /api/v1/section-47/{id:guid}", Who.Manager, $"/api/v1/section-47/{j.EnquiryId}", j.ChildId),
        ("/section-47/{id:guid}/conference", Who.LeadPractitioner, $"/section-47/{j.EnquiryId}/conference", j.ChildId),
        ("/child-protection-plans/{id:guid}", Who.LeadPractitioner, $"/child-protection-plans/{j.ProtectionPlanId}", j.ChildId),
        ("GET /api/v1/child-protection-plans/{id:guid}", Who.Manager, $"/api/v1/child-protection-plans/{j.ProtectionPlanId}", j.ChildId),
        ("/child-protection-plans/{id:guid}/changes", Who.LeadPractitioner, $"/child-protection-plans/{j.ProtectionPlanId}/changes", j.ChildId),
        ("/episodes/{id:guid}/conferences/new", Who.LeadPractitioner, $"/episodes/{j.EpisodeId}/conferences/new?kind=Review&plan={j.ProtectionPlanId}", j.ChildId),
        ("/episodes/{id:guid}/transfer-in-conference", Who.LeadPractitioner, $"/episodes/{j.EpisodeId}/transfer-in-conference", j.ChildId),
        ("/conference-meetings/{id:guid}", Who.LeadPractitioner, $"/conference-meetings/{j.MeetingId}", j.ChildId),
        ("GET /api/v1/conference-meetings/{id:guid}", Who.Police, $"/api/v1/conference-meetings/{j.MeetingId}", j.ChildId),
        ("GET /api/v1/me/conference-invitations", Who.Police, "/api/v1/me/conference-invitations", j.ChildId),
        ("/episodes/{id:guid}/looked-after/new", Who.Manager, $"/episodes/{j.EpisodeId}/looked-after/new", j.ChildId),
        ("/looked-after/{id:guid}/care-plan", Who.LeadPractitioner, $"/looked-after/{j.LookedAfterId}/care-plan", j.ChildId),
        ("/looked-after/{id:guid}/return-home", Who.LeadPractitioner, $"/looked-after/{j.LookedAfterId}/return-home", j.ChildId),
        ("GET /api/v1/looked-after/{id:guid}", Who.Manager, $"/api/v1/looked-after/{j.LookedAfterId}", j.ChildId),
        ("/episodes/{id:guid}/pre-proceedings/new", Who.Manager, $"/episodes/{j.EpisodeId}/pre-proceedings/new", j.ChildId),
        ("GET /api/v1/pre-proceedings/{id:guid}", Who.Manager, $"/api/v1/pre-proceedings/{j.PreProceedingsId}", j.ChildId),
        ("/departures", Who.Manager, "/departures", j.ChildId),
        ("/children/{id:guid}/communication-needs", Who.Manager, $"/children/{j.ChildId}/communication-needs", j.ChildId),
        ("GET /api/v1/children/{id:guid}/communication-needs/", Who.Manager, $"/api/v1/children/{j.ChildId}/communication-needs", j.ChildId),
        ("GET /api/v1/departures/", Who.Manager, "/api/v1/departures", j.ChildId),
        ("GET /api/v1/departures/{id:guid}", Who.LeadPractitioner, $"/api/v1/departures/{j.DepartureId}", j.ChildId),
        ("/episodes/{id:guid}/departures/new", Who.LeadPractitioner, $"/episodes/{j.EpisodeId}/departures/new", j.ChildId),
        ("/episodes/{id:guid}/carers-assessments", Who.LeadPractitioner, $"/episodes/{j.EpisodeId}/carers-assessments", j.ChildId),
        ("GET /api/v1/carers-assessments/{id:guid}", Who.LeadPractitioner, $"/api/v1/carers-assessments/{j.CarersAssessmentId}", j.ChildId),
        // Robin's family is moving to another area in Safeguard: his transfer package went there as an exchange, listed and read by the sender.
        ("/exchanges", Who.Manager, "/exchanges", j.ChildId),
        ("GET /api/v1/exchanges/", Who.Manager, "/api/v1/exchanges", j.ChildId),
        ("/exchanges/{id:guid}", Who.LeadPractitioner, $"/exchanges/{j.ExchangeId}", j.ChildId),
        ("GET /api/v1/exchanges/{id:guid}", Who.LeadPractitioner, $"/api/v1/exchanges/{j.ExchangeId}", j.ChildId),
    ];

    internal static readonly Journey NoJourney = new(Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty);

    /// <summary>
    /// A referral from the school, decided; the episode allocated; an assessment authorised; a plan; a visit; a potential
    /// victim of modern slavery (an urgent clock) and a move; a second referral waiting at the front door; and a police
    /// notification to the school.
    /// </summary>
    private static async Task<Journey> JourneyAsync(TestArea area, Dictionary<Who, HttpClient> c, Guid leadId)
    {
        var referral = await Json(await c[Who.Referrer].PostAsJsonAsync("/api/v1/referrals", new
        {
            child = new { givenName = "Robin", familyName = "Auditwalk", dateOfBirth = "2016-03-09", sex = "M", ethnicityCode = "WBRI" },
            concerns = "Robin has bruises on his arms he will not explain.",
            harmTypes = new List<string> { "PhysicalAbuse" },
            harmContexts = new List<string> { "InsideTheHome" },
            familyKnows = false,
            whyFamilyNotToldOrAgreed = "Telling his father could put Robin at greater risk.",
            urgency = "Standard",
        }), HttpStatusCode.Created);
        var referralId = referral.GetProperty("id").GetGuid();
        var childId = referral.GetProperty("childId").GetGuid();
        var episodeId = (await Json(await c[Who.Manager].PostAsJsonAsync($"/api/v1/referrals/{referralId}/decision", new
        {
            outcome = "Section17Assessment", reasons = "Unexplained injuries: assess.", primaryNeedCode = "N1",
        }))).GetProperty("episodeId").GetGuid();
        await Json(await c[Who.Manager].PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = leadId, agreed = true }));

        var worker = c[Who.LeadPractitioner];
        var assessmentId = (await Json(await worker.PostAsync(new Uri($"/api/v1/episodes/{episodeId}/assessments", UriKind.Relative), null),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // The service's today in England: the day the assessment started.
        var today = (await Json(await worker.GetAsync(new Uri($"/api/v1/assessments/{assessmentId}", UriKind.Relative)))).GetProperty("startedOn").GetString()!;
        await Json(await worker.PostAsJsonAsync($"/api/v1/assessments/{assessmentId}/submission", new
        {
            assessment = new
            {
                developmentalNeeds = "Meeting milestones.", parentingCapacity = "Father's temper is a worry.", familyAndEnvironment = "Stable housing.",
                childsWishesAndFeelings = "I want to stay at home.", childSeenOn = today, seenAlone = true, familyViews = "Mother wants help.",
                factors = new List<string> { "3A" }, conclusion = "ChildInNeed", conclusionReasons = "Needs services to be safe and well.", primaryNeedCode = "N1",
            },
        }));
        await Json(await c[Who.Manager].PostAsJsonAsync($"/api/v1/assessments/{assessmentId}/authorisation", new { }));
        var later = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var planId = (await Json(await worker.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/plans", new
        {
            kind = "ChildInNeed",
            outcomes = new[] { new { outcome = "Robin is safe at home", measure = "No new injuries", byWhen = $"{later.AddDays(60):yyyy-MM-dd}", providedBy = "Social worker", service = "Parenting support" } },
            expectationsOfParents = "Father attends the anger management course.",
            visitEveryDays = 10,
            nextReviewOn = $"{later.AddDays(28):yyyy-MM-dd}",
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await worker.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/visits", new
        {
            visitedOn = today, childSeen = true, seenAlone = true, observations = "Robin was relaxed and showed me his room.",
        }), HttpStatusCode.Created);
        await Json(await worker.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/milestones", new { kind = "PotentialVictimIdentified", note = "Seen selling at the station." }));
        await Json(await worker.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/milestones", new { kind = "MovedToAnotherArea", note = "Moving to Southvale." }));
        await Json(await c[Who.Manager].PostAsJsonAsync("/api/v1/referrals", new
        {
            childId,
            concerns = "A neighbour reports shouting every night.",
            harmTypes = new List<string> { "EmotionalAbuse" },
            harmContexts = new List<string> { "InsideTheHome" },
            familyKnows = true,
            familyAgrees = true,
            urgency = "Standard",
        }), HttpStatusCode.Created);

        // Children's social care already hold a record with the NHS number the police give for Kit: a possible match for the front door.
        await Json(await c[Who.Manager].PostAsJsonAsync("/api/v1/children", new
        {
            givenName = "Kitheld", familyName = "Encompasswalk", dateOfBirth = "2019-01-05", sex = "F", ethnicityCode = "WBRI", nhsNumber = "9434765919",
        }), HttpStatusCode.Created);
        var notification = await Json(await c[Who.Police].PostAsJsonAsync("/api/v1/encompass", new
        {
            child = new { givenName = "Kit", familyName = "Encompasswalk", dateOfBirth = "2019-01-05", sex = "F", ethnicityCode = "WBRI", nhsNumber = "9434765919" },
            settingAgencyId = area.School.Id,
            incidentAt = $"{later.AddDays(-1):yyyy-MM-dd}T21:30:00+00:00",
            childPresent = true,
            summary = "Police attended a domestic incident at home; Kit was present.",
        }), HttpStatusCode.Created);
        return new Journey(childId, referralId, episodeId, assessmentId, planId, notification.GetProperty("childId").GetGuid());
    }

    /// <summary>
    /// A strategy discussion, a substantiated section 47 enquiry, an initial conference with a plan, a police officer breaking the glass, and
    /// the referring school asking for access to the record.
    /// </summary>
    private static async Task<Journey> ChildProtectionAsync(Journey j, Dictionary<Who, HttpClient> c, Guid leadId, Guid chairId, Guid coreGroupId)
    {
        var worker = c[Who.LeadPractitioner];
        var today = (await Json(await worker.GetAsync(new Uri($"/api/v1/assessments/{j.AssessmentId}", UriKind.Relative)))).GetProperty("startedOn").GetString()!;
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var discussionId = (await Json(await worker.PostAsJsonAsync($"/api/v1/episodes/{j.EpisodeId}/strategy-discussions", new
        {
            heldOn = today,
            attendees = new[]
            {
                new { name = "Lead Worker", agency = "Children's social care", role = "LocalAuthoritySocialWorker" },
                new { name = "Nurse Walk", agency = "Health", role = "Health" },
                new { name = "DC Walk", agency = "Police", role = "Police" },
            },
            informationShared = "New bruising reported by the school.", policeDecision = "Started", section47 = true,
            section47Reasons = "Reasonable cause to suspect physical abuse.",
            actions = new[] { new { what = "Child protection medical", who = "Paediatrician", byWhen = today } },
            legalActionNeeded = false,
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var enquiryId = (await Json(await worker.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussionId}/section-47", new { leadId }), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await Json(await worker.PutAsJsonAsync($"/api/v1/section-47/{enquiryId}", new
        {
            childSeenOn = today, seenAlone = true, childsWishesAndFeelings = "Dad hurts me.", parentsInterviewed = true, jointWithPolice = true, suspectedSexualAbuse = false,
        }));
        await Json(await worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/outcome", new { outcome = "Substantiated", reasons = "Injuries consistent with his account." }));
        var held = await Json(await worker.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/initial-conference", new
        {
            heldOn = today, chairId,
            attendees = new[] { new { name = "Chair Walk", agency = "Children's social care", role = "LocalAuthoritySocialWorker" } },
            childsViews = "Robin told his advocate he wants to be safe.", familyParticipation = "Mother attended.", planNeeded = true,
            reasons = "Likely to suffer significant harm.", category = "PHY", leadSocialWorkerId = leadId,
            coreGroup = new object[] { new { name = "Teacher Walk", agency = "School" }, new { practitionerId = coreGroupId } },
            outlinePlan = new[] { new { what = "Safety plan", who = "Lead social worker", byWhen = $"{day.AddDays(14):yyyy-MM-dd}" } },
        }), HttpStatusCode.Created);
        // A review conference with the police officer invited by their account; and a notice that Robin came here on another area's plan.
        var police = (await Json(await c[Who.Police].GetAsync(new Uri("/api/v1/me", UriKind.Relative)))).GetProperty("practitionerId").GetGuid();
        var meeting = await Json(await worker.PostAsJsonAsync($"/api/v1/episodes/{j.EpisodeId}/conference-meetings", new
        {
            kind = "Review", planId = held.GetProperty("plan").GetProperty("id").GetGuid(), scheduledFor = $"{day.AddDays(60):yyyy-MM-dd}",
            invitations = new[] { new { practitionerId = police } },
        }), HttpStatusCode.Created);
        await Json(await worker.PostAsJsonAsync($"/api/v1/episodes/{j.EpisodeId}/milestones", new
        {
            kind = "MovedInOnPlan", note = "Robin's family came from Eastbrook, where he is on a plan.", reference = "Eastbrook Council",
        }));
        var lookedAfter = await Json(await worker.PostAsJsonAsync($"/api/v1/episodes/{j.EpisodeId}/looked-after", new
        {
            startedOn = today, legalStatus = "Section20", reasons = "Robin's mother asked for him to be accommodated while she is in hospital.",
            placement = new { type = "FosterCare", where = "Foster carers, Southvale", outOfArea = true, receivingAuthority = "Southvale Council" },
        }), HttpStatusCode.Created);
        var preProceedings = await Json(await c[Who.Manager].PostAsJsonAsync($"/api/v1/episodes/{j.EpisodeId}/pre-proceedings", new
        {
            decidedOn = today, start = true, reasons = "Robin is still not protected enough; threshold met in principle.", agencyViews = "School and health agree.",
        }), HttpStatusCode.Created);
        var breakGlass = await Json(await c[Who.Police].PostAsJsonAsync($"/api/v1/children/{j.ChildId}/break-glass",
            new { reason = "Attending the home at night; Robin is alone and we need to know who can care for him." }), HttpStatusCode.Created);
        var accessRequest = await Json(await c[Who.Referrer].PostAsJsonAsync($"/api/v1/children/{j.ChildId}/access-requests",
            new { reason = "Robin's designated safeguarding lead: I need his plan to support him in school.", days = 14 }), HttpStatusCode.Created);
        var request = await Json(await c[Who.DataProtectionOfficer].PostAsJsonAsync("/api/v1/data-protection/requests", new
        {
            childId = j.ChildId, kind = "SubjectAccess", requesterName = "Mother Auditwalk", relationship = "Parent", receivedOn = today,
            details = "A copy of everything held about Robin.",
        }), HttpStatusCode.Created);
        // Robin's mother showed her passport and Robin's birth certificate: the export can be produced.
        await Json(await c[Who.DataProtectionOfficer].PostAsJsonAsync($"/api/v1/data-protection/requests/{request.GetProperty("id").GetGuid()}/identity-check",
            new { how = "Passport and Robin's birth certificate seen at the council's front desk.", checkedOn = today }));
        // The conference was called at short notice: the lead practitioner records the departure from GEN-05, agreed by the manager.
        var manager = (await Json(await c[Who.Manager].GetAsync(new Uri("/api/v1/me", UriKind.Relative)))).GetProperty("practitionerId").GetGuid();
        var departure = await Json(await worker.PostAsJsonAsync($"/api/v1/episodes/{j.EpisodeId}/departures", new
        {
            ruleId = "GEN-05", reason = "The conference was called at a day's notice; Robin's mother was told by telephone who would attend.", agreedById = manager,
        }), HttpStatusCode.Created);
        // Robin helps look after his younger brother: the lead practitioner records that a young carer's assessment is needed.
        var carers = await Json(await worker.PostAsJsonAsync($"/api/v1/episodes/{j.EpisodeId}/carers-assessments", new
        {
            kind = "YoungCarer", forWhom = "Robin Auditwalk", trigger = "AppearsToNeedSupport", requestedOn = today,
        }), HttpStatusCode.Created);
        return j with
        {
            DepartureId = departure.GetProperty("id").GetGuid(), CarersAssessmentId = carers.GetProperty("id").GetGuid(),
            RequestId = request.GetProperty("id").GetGuid(),
            DiscussionId = discussionId, EnquiryId = enquiryId, ProtectionPlanId = held.GetProperty("plan").GetProperty("id").GetGuid(),
            BreakGlassId = breakGlass.GetProperty("id").GetGuid(), AccessRequestId = accessRequest.GetProperty("id").GetGuid(),
            MeetingId = meeting.GetProperty("id").GetGuid(), LookedAfterId = lookedAfter.GetProperty("id").GetGuid(),
            PreProceedingsId = preProceedings.GetProperty("id").GetGuid(), ConferenceId = held.GetProperty("id").GetGuid(),
        };
    }

    internal static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: expected {expected}, got {(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    /// <summary>The journey's practitioners, each signed in: the client, their practitioner id and email (to sign in again after time passes).</summary>
    internal static async Task<Dictionary<Who, (HttpClient Client, Guid PractitionerId, string Email)>> SignInAsync(SafeguardFactory factory, TestArea area)
    {
        var clients = new Dictionary<Who, (HttpClient Client, Guid PractitionerId, string Email)>();
        foreach (var (who, agency, roles) in new[]
                 {
                     (Who.Manager, area.SocialCare, new[] { PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor }),
                     (Who.LeadPractitioner, area.SocialCare, new[] { PractitionerRole.SocialWorker }),
                     (Who.Referrer, area.School, new[] { PractitionerRole.DesignatedSafeguardingLead }),
                     (Who.Police, area.Police, new[] { PractitionerRole.Practitioner }),
                     (Who.DataProtectionOfficer, area.SocialCare, new[] { PractitionerRole.DataProtectionOfficer }),
                     (Who.Chair, area.SocialCare, new[] { PractitionerRole.SocialWorker, PractitionerRole.ConferenceChair }),
                     (Who.CoreGroup, area.Police, new[] { PractitionerRole.Practitioner }),
                 })
        {
            var client = factory.NewClient();
            var email = await factory.NewAccountAsync(agency, roles);
            await HttpSignIn.SignInAsync(client, email);
            var me = await Json(await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));
            clients[who] = (client, me.GetProperty("practitionerId").GetGuid(), email);
        }

        return clients;
    }

    /// <summary>The whole journey: <see cref="JourneyAsync"/> then <see cref="ChildProtectionAsync"/>.</summary>
    internal static async Task<Journey> WalkAsync(TestArea area, Dictionary<Who, (HttpClient Client, Guid PractitionerId, string Email)> clients)
    {
        var c = clients.ToDictionary(x => x.Key, x => x.Value.Client);
        var journey = await JourneyAsync(area, c, clients[Who.LeadPractitioner].PractitionerId);
        journey = await ChildProtectionAsync(journey, c, clients[Who.LeadPractitioner].PractitionerId, clients[Who.Chair].PractitionerId,
            clients[Who.CoreGroup].PractitionerId);
        // Robin's family is moving to another area in Safeguard: the lead practitioner records the move, which sends the transfer package there.
        var receiving = await area.Factory.NewAreaAsync();
        await Json(await c[Who.LeadPractitioner].PostAsJsonAsync($"/api/v1/child-protection-plans/{journey.ProtectionPlanId}/move",
            new { receivingAreaId = receiving.Area.Id, notifiedOn = (await Json(await c[Who.LeadPractitioner].GetAsync(
                new Uri($"/api/v1/child-protection-plans/{journey.ProtectionPlanId}", UriKind.Relative)))).GetProperty("startedOn").GetString() }));
        var exchanges = await Json(await c[Who.LeadPractitioner].GetAsync(new Uri("/api/v1/exchanges", UriKind.Relative)));
        return journey with { ExchangeId = exchanges.GetProperty("sent")[0].GetProperty("id").GetGuid() };
    }
}
