using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Tests.Access;

namespace Safeguard.Web.Tests.Support;

/// <summary>Who takes part in the children's cases of a <see cref="CaseArea"/>.</summary>
public enum Who
{
    Manager,
    Lead,
    Chair,
    Referrer,
    Officer,
    SchoolNurse,
}

/// <summary>
/// An area of the test's own whose lead social worker leads every child's episode, with a police officer in every plan's
/// core group and invited to every review conference, and a school nurse invited to every review conference only.
/// </summary>
public sealed record CaseArea(Dictionary<Who, HttpClient> Clients, List<(Guid Child, Guid Plan, Guid Meeting)> Children, List<Guid> Episodes, string Today)
{
    /// <summary>An area whose lead social worker, officer and school nurse take part in <paramref name="children"/> children's plans and conferences.</summary>
    public static async Task<CaseArea> MakeAsync(SafeguardFactory factory, int children)
    {
        var area = await factory.NewAreaAsync();
        var clients = new Dictionary<Who, HttpClient>();
        var ids = new Dictionary<Who, Guid>();
        foreach (var (who, agency, roles) in new[]
                 {
                     (Who.Manager, area.SocialCare, new[] { PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor }),
                     (Who.Lead, area.SocialCare, new[] { PractitionerRole.SocialWorker }),
                     (Who.Chair, area.SocialCare, new[] { PractitionerRole.SocialWorker, PractitionerRole.ConferenceChair }),
                     (Who.Referrer, area.School, new[] { PractitionerRole.DesignatedSafeguardingLead }),
                     (Who.Officer, area.Police, new[] { PractitionerRole.Practitioner }),
                     (Who.SchoolNurse, area.School, new[] { PractitionerRole.Practitioner }),
                 })
        {
            clients[who] = factory.NewClient();
            await HttpSignIn.SignInAsync(clients[who], await factory.NewAccountAsync(agency, roles));
            ids[who] = (await ChildJourney.Json(await clients[who].GetAsync(new Uri("/api/v1/me", UriKind.Relative)))).GetProperty("practitionerId").GetGuid();
        }

        var made = new List<(Guid, Guid, Guid)>();
        var episodes = new List<Guid>();
        var today = string.Empty;
        for (var i = 0; i < children; i++)
        {
            var (child, plan, meeting, episode, day) = await ChildOnAPlanAsync(clients, ids, i);
            today = day;
            made.Add((child, plan, meeting));
            episodes.Add(episode);
        }

        return new CaseArea(clients, made, episodes, today);
    }

    /// <summary>
    /// One child's own record grows: <paramref name="times"/> more visits by the lead social worker, and as many records of
    /// information shared about the child.
    /// </summary>
    public async Task GrowAsync(int child, int times)
    {
        var (childId, _, _) = Children[child];
        for (var n = 0; n < times; n++)
        {
            await ChildJourney.Json(await Clients[Who.Lead].PostAsJsonAsync($"/api/v1/episodes/{Episodes[child]}/visits", new
            {
                visitedOn = Today, childSeen = true, seenAlone = true, observations = $"Visit {n}: Robin was playing in his room.",
                childsWords = "I am alright.",
            }), HttpStatusCode.Created);
            await ChildJourney.Json(await Clients[Who.Lead].PostAsJsonAsync($"/api/v1/children/{childId}/information-sharing", new
            {
                whatWasShared = $"Update {n} on the plan's progress.", sharedWithPerson = "The school's designated safeguarding lead",
                basis = "SafeguardingChildAtRisk", sharedOn = Today, consentSought = true, consentGiven = true,
            }), HttpStatusCode.Created);
        }
    }

    /// <summary>A referral, a strategy discussion, a substantiated enquiry, an initial conference making a plan, and its review conference arranged.</summary>
    private static async Task<(Guid Child, Guid Plan, Guid Meeting, Guid Episode, string Day)> ChildOnAPlanAsync(Dictionary<Who, HttpClient> c, Dictionary<Who, Guid> ids, int i)
    {
        var referral = await ChildJourney.Json(await c[Who.Referrer].PostAsJsonAsync("/api/v1/referrals", new
        {
            child = new { givenName = "Robin", familyName = $"Roundtrip{(char)('a' + (i % 26))}{i}", dateOfBirth = "2016-03-09", sex = "M", ethnicityCode = "WBRI" },
            concerns = "Bruises on his arms he will not explain.",
            harmTypes = new List<string> { "PhysicalAbuse" },
            harmContexts = new List<string> { "InsideTheHome" },
            familyKnows = true,
            familyAgrees = true,
            urgency = "Standard",
        }), HttpStatusCode.Created);
        var childId = referral.GetProperty("childId").GetGuid();
        var episodeId = (await ChildJourney.Json(await c[Who.Manager].PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/decision", new
        {
            outcome = "Section17Assessment", reasons = "Unexplained injuries: assess.", primaryNeedCode = "N1",
        }))).GetProperty("episodeId").GetGuid();
        await ChildJourney.Json(await c[Who.Manager].PostAsJsonAsync($"/api/v1/episodes/{episodeId}/allocation", new { leadPractitionerId = ids[Who.Lead], agreed = true }));
        var lead = c[Who.Lead];
        var today = referral.GetProperty("receivedOn").GetString()!;
        var day = DateOnly.Parse(today, CultureInfo.InvariantCulture);
        var discussionId = (await ChildJourney.Json(await lead.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/strategy-discussions", new
        {
            heldOn = today,
            attendees = new[]
            {
                new { name = "Lead Worker", agency = "Children's social care", role = "LocalAuthoritySocialWorker" },
                new { name = "Nurse Trip", agency = "Health", role = "Health" },
                new { name = "DC Trip", agency = "Police", role = "Police" },
            },
            informationShared = "Bruising reported by the school.", policeDecision = "Started", section47 = true,
            section47Reasons = "Reasonable cause to suspect physical abuse.",
            actions = new[] { new { what = "Child protection medical", who = "Paediatrician", byWhen = today } },
            legalActionNeeded = false,
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var enquiryId = (await ChildJourney.Json(await lead.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussionId}/section-47", new { leadId = ids[Who.Lead] }),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ChildJourney.Json(await lead.PutAsJsonAsync($"/api/v1/section-47/{enquiryId}", new
        {
            childSeenOn = today, seenAlone = true, childsWishesAndFeelings = "Dad hurts me.", parentsInterviewed = true, jointWithPolice = true, suspectedSexualAbuse = false,
        }));
        await ChildJourney.Json(await lead.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/outcome", new { outcome = "Substantiated", reasons = "Injuries consistent with his account." }));
        var held = await ChildJourney.Json(await lead.PostAsJsonAsync($"/api/v1/section-47/{enquiryId}/initial-conference", new
        {
            heldOn = today, chairId = ids[Who.Chair],
            attendees = new[] { new { name = "Chair Trip", agency = "Children's social care", role = "LocalAuthoritySocialWorker" } },
            childsViews = "Robin wants to be safe.", familyParticipation = "Mother attended.", planNeeded = true,
            reasons = "Likely to suffer significant harm.", category = "PHY", leadSocialWorkerId = ids[Who.Lead],
            coreGroup = new object[] { new { name = "Teacher Trip", agency = "School" }, new { practitionerId = ids[Who.Officer] } },
            outlinePlan = new[] { new { what = "Safety plan", who = "Lead social worker", byWhen = $"{day.AddDays(14):yyyy-MM-dd}" } },
        }), HttpStatusCode.Created);
        var planId = held.GetProperty("plan").GetProperty("id").GetGuid();
        var meeting = await ChildJourney.Json(await lead.PostAsJsonAsync($"/api/v1/episodes/{episodeId}/conference-meetings", new
        {
            kind = "Review", planId, scheduledFor = $"{day.AddDays(60):yyyy-MM-dd}",
            invitations = new object[] { new { practitionerId = ids[Who.Officer] }, new { practitionerId = ids[Who.SchoolNurse] }, new { name = "Ash Advocate", agency = "The family's advocate" } },
        }), HttpStatusCode.Created);
        return (childId, planId, meeting.GetProperty("id").GetGuid(), episodeId, today);
    }
}
