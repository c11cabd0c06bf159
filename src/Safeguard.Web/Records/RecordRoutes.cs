using Safeguard.Data.Records;

namespace Safeguard.Web.Records;

/// <summary>
/// Where a record of a kind is shown and addressed: its page (what a link to one opens) and its API address (under which it is
/// read or changed). Templates name <c>{id}</c>, the child's <c>{childId}</c> and the episode's <c>{episodeId}</c>; a page
/// may be a place on a page (<c>#visit-{id}</c>). A kind with no page or no API address says why.
/// </summary>
/// <param name="Page">The page that shows one record, or null (then <paramref name="NoPageBecause"/>).</param>
/// <param name="Api">The API address of one record, or null (then <paramref name="NoApiBecause"/>).</param>
public sealed record RecordRoute(string? Page, string? Api, string? NoPageBecause = null, string? NoApiBecause = null);

/// <summary>The page and API address of every kind in <see cref="RecordKinds"/>, keyed by the kind's name.</summary>
public static class RecordRoutes
{
    public static readonly IReadOnlyDictionary<string, RecordRoute> ByKind = new Dictionary<string, RecordRoute>(StringComparer.Ordinal)
    {
        [RecordKinds.Child.Name] = new("/children/{id}", "/api/v1/children/{id}"),
        [RecordKinds.FamilyMember.Name] = new(null, null,
            NoPageBecause: "An adult in the family network is shown on the page of each child they are related to (their relationship's page).",
            NoApiBecause: "Recorded and read with the child's record."),
        [RecordKinds.Relationship.Name] = new("/children/{childId}", "/api/v1/children/{childId}"),
        [RecordKinds.Referral.Name] = new("/referrals/{id}", "/api/v1/referrals/{id}"),
        [RecordKinds.EncompassNotification.Name] = new("/encompass", "/api/v1/encompass/{id}"),
        [RecordKinds.Episode.Name] = new("/episodes/{id}", "/api/v1/episodes/{id}"),
        [RecordKinds.Assessment.Name] = new("/assessments/{id}", "/api/v1/assessments/{id}"),
        [RecordKinds.Plan.Name] = new("/plans/{id}", "/api/v1/plans/{id}"),
        [RecordKinds.Visit.Name] = new("/episodes/{episodeId}#visit-{id}", null,
            NoApiBecause: "Recorded on the episode (POST /api/v1/episodes/{id}/visits); a visit is never changed afterwards."),
        [RecordKinds.StrategyDiscussion.Name] = new("/strategy-discussions/{id}", "/api/v1/strategy-discussions/{id}"),
        [RecordKinds.Section47Enquiry.Name] = new("/section-47/{id}", "/api/v1/section-47/{id}"),
        [RecordKinds.Conference.Name] = new("/conferences/{id}", null,
            NoApiBecause: "Recorded through its enquiry or episode; what it decided is read through its plan (GET /api/v1/child-protection-plans/{id})."),
        [RecordKinds.ConferenceMeeting.Name] = new("/conference-meetings/{id}", "/api/v1/conference-meetings/{id}"),
        [RecordKinds.ChildProtectionPlan.Name] = new("/child-protection-plans/{id}", "/api/v1/child-protection-plans/{id}"),
        [RecordKinds.EmergencyAction.Name] = new("/episodes/{episodeId}/emergency-action#action-{id}", "/api/v1/emergency-actions/{id}"),
        [RecordKinds.LookedAfterPeriod.Name] = new("/looked-after/{id}", "/api/v1/looked-after/{id}"),
        [RecordKinds.PreProceedings.Name] = new("/pre-proceedings/{id}", "/api/v1/pre-proceedings/{id}"),
        [RecordKinds.ChronologyEntry.Name] = new("/children/{childId}/chronology#entry-{id}", "/api/v1/chronology/{id}"),
        [RecordKinds.InformationSharing.Name] = new("/children/{childId}#information-shared", "/api/v1/children/{childId}/information-sharing"),
        [RecordKinds.Telling.Name] = new(null, null,
            NoPageBecause: "Shown under \"Who was told\" on the page of the record it belongs to (the section 47 enquiry, the assessment, the child protection plan).",
            NoApiBecause: "Recorded through the record it belongs to (POST /api/v1/section-47/{id}/told, /assessments/{id}/told, /child-protection-plans/{id}/told), which answers with everyone told."),
        [RecordKinds.Departure.Name] = new("/departures/{id}", "/api/v1/departures/{id}"),
        [RecordKinds.CarersAndDisabilityAssessment.Name] = new("/episodes/{episodeId}/carers-assessments#carers-assessment-{id}", "/api/v1/carers-assessments/{id}"),
        [RecordKinds.AccessRequest.Name] = new("/access-requests/{id}", "/api/v1/access-requests/{id}"),
        [RecordKinds.BreakGlass.Name] = new("/break-glass/{id}", "/api/v1/break-glass/{id}"),
        [RecordKinds.DataProtectionRequest.Name] = new("/data-protection/requests/{id}", "/api/v1/data-protection/requests/{id}"),
        [RecordKinds.Practitioner.Name] = new(null, null,
            NoPageBecause: "A practitioner's roles are administered through their sign-in account's page.",
            NoApiBecause: "Administered through their sign-in account (/api/v1/admin/users/{id})."),
        [RecordKinds.Account.Name] = new("/admin/users/{id}", "/api/v1/admin/users/{id}"),
        // Decided by its approver (POST /api/v1/approvals/{id}/decision); listed for the data protection officer at /data-protection/access-changes.
        [RecordKinds.RoleGrant.Name] = new("/approvals/{id}", "/api/v1/approvals/{id}"),
        [RecordKinds.AreaMembership.Name] = new(null, null,
            NoPageBecause: "The account chooses among its areas at /account/area; memberships are made when an agency serving several areas is set up.",
            NoApiBecause: "Read as the areas an account may work in (GET /api/v1/me/areas)."),
        [RecordKinds.PartnershipArrangements.Name] = new("/partnership#arrangements-{id}", "/api/v1/partnership/arrangements/{id}"),
        [RecordKinds.AreaExchange.Name] = new("/exchanges/{id}", "/api/v1/exchanges/{id}"),
    };

    /// <summary>The page of one record of the named kind; null when the kind has no page, is not registered, or the page needs an episode it lacks.</summary>
    public static string? PageFor(string kind, Guid id, Guid? childId, Guid? episodeId) =>
        ByKind.TryGetValue(kind, out var route) && route.Page is { } page ? Fill(page, id, childId, episodeId) : null;

    /// <summary>The API address of one record of the named kind; null as for <see cref="PageFor"/>.</summary>
    public static string? ApiFor(string kind, Guid id, Guid? childId, Guid? episodeId) =>
        ByKind.TryGetValue(kind, out var route) && route.Api is { } api ? Fill(api, id, childId, episodeId) : null;

    private static string? Fill(string template, Guid id, Guid? childId, Guid? episodeId)
    {
        if ((template.Contains("{childId}", StringComparison.Ordinal) && childId is null)
            || (template.Contains("{episodeId}", StringComparison.Ordinal) && episodeId is null))
        {
            return null;
        }

        return template.Replace("{id}", id.ToString(), StringComparison.Ordinal)
            .Replace("{childId}", childId?.ToString(), StringComparison.Ordinal)
            .Replace("{episodeId}", episodeId?.ToString(), StringComparison.Ordinal);
    }
}
