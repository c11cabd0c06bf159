using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Referrals;
using Safeguard.Domain.Rules;

namespace Safeguard.Web.FamilyHelp;

public sealed record PersonView(Guid Id, string Name, string JobTitle, string Agency);

public sealed record AllocationView(PersonView LeadPractitioner, DateOnly From, DateOnly? Until, string? Reason);

public sealed record EpisodeReferralView(Guid Id, string Reference, DateOnly ReceivedOn, ReferralOutcome? Outcome, string ReferrerName);

public sealed record AssessmentSummary(Guid Id, AssessmentStatus Status, DateOnly StartedOn, DateOnly? DueOn, DateOnly? AuthorisedOn,
    AssessmentConclusion? Conclusion, bool? SeenAlone);

public sealed record PlanSummary(Guid Id, PlanKind Kind, DateOnly StartedOn, DateOnly? EndedOn, DateOnly NextReviewOn, DateOnly? ApprovedOn,
    int Reviews, int VisitEveryDays);

public sealed record VisitView(Guid Id, DateOnly VisitedOn, string VisitedBy, bool ChildSeen, bool SeenAlone, string? WhyNot, string Observations,
    string? ChildsWords);

/// <summary>An episode as its pages and the API show it: the child, the lead practitioner, and everything done in it.</summary>
public sealed record EpisodeView(
    Guid Id,
    Guid ChildId,
    string ChildName,
    DateOnly? DateOfBirth,
    DateOnly OpenedOn,
    SupportKind? Support,
    string? PrimaryNeedCode,
    bool IsOpen,
    DateOnly? ClosedOn,
    string? ClosureReasonCode,
    string? ClosureSummary,
    bool IsReferralNoFurtherAction,
    PersonView? LeadPractitioner,
    IReadOnlyList<AllocationView> Allocations,
    FamilyAgreement? FamilyAgreement,
    IReadOnlyList<EpisodeReferralView> Referrals,
    IReadOnlyList<AssessmentSummary> Assessments,
    IReadOnlyList<PlanSummary> Plans,
    IReadOnlyList<VisitView> Visits,
    DateOnly? LastSeenOn,
    bool SeenLessOftenThanPlanned,
    SpecificNeed SpecificNeeds,
    SpecificNeed InferredNeeds,
    string? ExtraFamilialRisk,
    IReadOnlyList<Milestone> Milestones,
    int? Age,
    Guid Version,
    IReadOnlyList<AllocationView>? CoWorkers = null);

public static class EpisodeQueries
{
    public static async Task<EpisodeView> ViewAsync(SafeguardDbContext db, Episode episode, WorkingDayCalendar calendar, DateOnly today,
        CancellationToken cancellationToken)
    {
        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == episode.ChildId, cancellationToken);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.EpisodeId == episode.Id).OrderBy(r => r.ReceivedAt)
            .Select(r => new EpisodeReferralView(r.Id, r.Reference, r.ReceivedOn, r.Outcome, r.Referrer.Name)).ToListAsync(cancellationToken);
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.EpisodeId == episode.Id).OrderBy(a => a.StartedOn).ToListAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking().Where(p => p.EpisodeId == episode.Id).OrderBy(p => p.StartedOn).ToListAsync(cancellationToken);
        var visits = await db.Visits.AsNoTracking().Where(v => v.EpisodeId == episode.Id).OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.RecordedAt)
            .Take(200).ToListAsync(cancellationToken);
        var people = await PeopleAsync(db, episode.Allocations.Select(a => a.PractitionerId).Concat(visits.Select(v => v.VisitedBy))
            .Concat(episode.CoWorkers.Select(c => c.PractitionerId)), cancellationToken);
        var lastSeen = await LastSeenAsync(db, episode.ChildId, cancellationToken);
        var openPlan = plans.LastOrDefault(p => p.IsOpen);
        return new EpisodeView(
            episode.Id, child.Id, child.FullName, child.DateOfBirth, episode.OpenedOn, episode.Support, episode.PrimaryNeedCode, episode.IsOpen,
            episode.ClosedOn, episode.ClosureReasonCode, episode.ClosureSummary, episode.IsReferralNoFurtherAction,
            episode.LeadPractitionerId is { } lead ? people[lead] : null,
            [.. episode.Allocations.Select(a => new AllocationView(people[a.PractitionerId], a.From, a.Until, a.Reason))],
            episode.FamilyAgreement,
            referrals,
            [.. assessments.Select(a => new AssessmentSummary(a.Id, a.Status, a.StartedOn, a.DueOn(calendar),
                a.AuthorisedOn, a.Conclusion, a.SeenAlone))],
            [.. plans.Select(p => new PlanSummary(p.Id, p.Kind, p.StartedOn, p.EndedOn, p.NextReviewOn, p.ApprovedOn, p.Reviews.Count, p.VisitEveryDays))],
            [.. visits.Select(v => new VisitView(v.Id, v.VisitedOn, people[v.VisitedBy].Name, v.ChildSeen, v.SeenAlone, v.WhyNot, v.Observations, v.ChildsWords))],
            lastSeen,
            episode.IsOpen && openPlan is not null && Visit.SeenLessOftenThanPlanned(lastSeen, openPlan.StartedOn, openPlan.VisitEveryDays, today),
            episode.SpecificNeeds, SpecificNeeds.Inferred(child, today), episode.ExtraFamilialRisk, episode.Milestones, child.AgeOn(today),
            episode.Version, [.. episode.CoWorkers.Select(c => new AllocationView(people[c.PractitionerId], c.From, c.Until, null))]);
    }

    /// <summary>When the child was last seen, on a visit of any episode.</summary>
    public static Task<DateOnly?> LastSeenAsync(SafeguardDbContext db, Guid childId, CancellationToken cancellationToken) =>
        db.Visits.Where(v => v.ChildId == childId && v.ChildSeen).MaxAsync(v => (DateOnly?)v.VisitedOn, cancellationToken);

    public static async Task<Dictionary<Guid, PersonView>> PeopleAsync(SafeguardDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await (from p in db.Practitioners
                      join a in db.Agencies on p.AgencyId equals a.Id
                      where wanted.Contains(p.Id)
                      select new PersonView(p.Id, p.GivenName + " " + p.FamilyName, p.JobTitle, a.Name)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    /// <summary>Who can be allocated as lead practitioner: the area's practitioners who can lead work, with their caseload (open episodes they lead).</summary>
    /// <remarks>
    /// Asked of the database: only those who may lead (<paramref name="socialWorkersOnly"/>: registered social workers), at most
    /// <see cref="PractitionerPicker.MaxShown"/> by name, and the caseload counted for them alone.
    /// </remarks>
    public static async Task<List<(PersonView Person, bool SocialWorker, int Caseload)>> CandidatesAsync(SafeguardDbContext db, CancellationToken cancellationToken,
        bool socialWorkersOnly = false)
    {
        var practitioners = await (from p in db.Practitioners.AsNoTracking()
                                   where !p.Roles.Contains(Domain.Organisation.PractitionerRole.Administrator)
                                       && !p.Roles.Contains(Domain.Organisation.PractitionerRole.Analyst)
                                       && !p.Roles.Contains(Domain.Organisation.PractitionerRole.DataProtectionOfficer)
                                       && (!socialWorkersOnly || (p.Roles.Contains(Domain.Organisation.PractitionerRole.SocialWorker) && p.Registration != null))
                                   join a in db.Agencies on p.AgencyId equals a.Id
                                   orderby p.FamilyName, p.GivenName
                                   select new
                                   {
                                       p.Id,
                                       Name = p.GivenName + " " + p.FamilyName,
                                       p.JobTitle,
                                       Agency = a.Name,
                                       SocialWorker = p.Roles.Contains(Domain.Organisation.PractitionerRole.SocialWorker) && p.Registration != null,
                                   }).Take(PractitionerPicker.MaxShown).ToListAsync(cancellationToken);
        var ids = practitioners.Select(p => p.Id).ToList();
        var caseload = await db.Episodes.Where(e => e.ClosedOn == null && e.LeadPractitionerId != null && ids.Contains(e.LeadPractitionerId.Value))
            .GroupBy(e => e.LeadPractitionerId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. practitioners.Select(x => (new PersonView(x.Id, x.Name, x.JobTitle, x.Agency), x.SocialWorker, caseload.GetValueOrDefault(x.Id)))];
    }

    /// <summary>A child whose open episode the practitioner leads, with when they were last seen and the plan's next review.</summary>
    public sealed record LedEpisode(Guid EpisodeId, Guid ChildId, string ChildName, SupportKind? Support, DateOnly? LastSeenOn, DateOnly? NextReviewOn,
        bool SeenLessOftenThanPlanned);

    /// <summary>The children the practitioner leads work for, longest unseen first: their caseload as they see it on "My work".</summary>
    public static async Task<List<LedEpisode>> LedByAsync(SafeguardDbContext db, Guid practitionerId, DateOnly today, CancellationToken cancellationToken)
    {
        // The practitioner's current lead practitioner rows (an episode's row ends when it closes), joined to the episodes.
        var rows = await (from p in db.Participants
                          where p.PractitionerId == practitionerId && p.Role == Domain.Participation.ParticipantRole.LeadPractitioner && p.Until == null
                                && p.RecordKind == Domain.Participation.Participations.Episode
                          join e in db.Episodes on p.RecordId equals e.Id
                          where e.ClosedOn == null
                          join c in db.Children on e.ChildId equals c.Id
                          select new
                          {
                              e.Id,
                              e.ChildId,
                              Name = c.GivenName + " " + c.FamilyName,
                              e.Support,
                              LastSeen = db.Visits.Where(v => v.ChildId == e.ChildId && v.ChildSeen).Max(v => (DateOnly?)v.VisitedOn),
                              Plan = db.Plans.Where(p => p.EpisodeId == e.Id && p.EndedOn == null)
                                  .Select(p => new { p.StartedOn, p.NextReviewOn, p.VisitEveryDays }).FirstOrDefault(),
                          }).Take(500).ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new LedEpisode(r.Id, r.ChildId, r.Name, r.Support, r.LastSeen, r.Plan?.NextReviewOn,
                r.Plan is { } plan && Visit.SeenLessOftenThanPlanned(r.LastSeen, plan.StartedOn, plan.VisitEveryDays, today)))
            .OrderByDescending(r => r.SeenLessOftenThanPlanned).ThenBy(r => r.LastSeenOn ?? DateOnly.MinValue)];
    }

    /// <summary>The child's episodes, newest first, for the child's record.</summary>
    public static Task<List<Episode>> ForChildAsync(SafeguardDbContext db, Guid childId, CancellationToken cancellationToken) =>
        db.Episodes.AsNoTracking().Where(e => e.ChildId == childId).OrderByDescending(e => e.OpenedOn).ToListAsync(cancellationToken);
}
