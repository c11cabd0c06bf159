using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain.Children;
using Safeguard.Domain.DataProtection;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Referrals;

namespace Safeguard.Web.DataProtection;

public sealed record ExportChild(string Name, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, string Sex, string? Gender, string Ethnicity,
    IReadOnlyList<string> Disabilities, string? FirstLanguage, string? NhsNumber, string? UniquePupilNumber, IReadOnlyList<Address> Addresses);

public sealed record ExportFamilyMember(string Name, string Relationship, bool ParentalResponsibility, bool LivesWithChild);

public sealed record ExportReferral(DateOnly ReceivedOn, string Referrer, string Concerns, IReadOnlyList<string> HarmTypes, string? ChildsViews,
    IReadOnlyList<string> AdultsNamed, int OtherChildrenInHousehold, string? Outcome, string? DecisionReasons, DateOnly? DecidedOn);

public sealed record ExportEpisode(DateOnly OpenedOn, DateOnly? ClosedOn, string? Support, IReadOnlyList<string> LeadPractitioners, string? FamilyAgreement,
    string? ClosureReason, string? ClosureSummary);

public sealed record ExportAssessment(DateOnly StartedOn, string Status, string LeadPractitioner, string? DevelopmentalNeeds, string? ParentingCapacity,
    string? FamilyAndEnvironment, string? ChildsWishesAndFeelings, string? FamilyViews, string? Conclusion, string? ConclusionReasons);

public sealed record ExportPlan(string Kind, DateOnly StartedOn, DateOnly? EndedOn, IReadOnlyList<string> Outcomes, string ExpectationsOfParents,
    IReadOnlyList<string> Reviews);

public sealed record ExportVisit(DateOnly VisitedOn, string VisitedBy, bool ChildSeen, bool SeenAlone, string? WhyNot, string Observations,
    string? ChildsWords);

public sealed record ExportChronologyEntry(DateOnly OccurredOn, string Kind, string Summary, string RecordedBy);

/// <summary>A child protection or care record — a strategy discussion, enquiry, conference, plan, looked after period or pre-proceedings — in words.</summary>
public sealed record ExportCaseRecord(DateOnly On, string What, string Text);

/// <summary>
/// What is held about a child, for a subject access request, with third parties redacted for the data protection
/// officer's review: the referrer's identity always, practitioners by their job, family members by their relationship
/// (except the person who asked), other children as "Another child". The child's own details are shown in full.
/// </summary>
public sealed record SubjectAccessExport(Guid RequestId, string Requester, string Relationship, DateOnly ReceivedOn, DateTimeOffset ProducedAt,
    DateOnly? ReviewedOn, ExportChild Child, IReadOnlyList<ExportFamilyMember> FamilyNetwork, IReadOnlyList<ExportReferral> Referrals,
    IReadOnlyList<ExportEpisode> Episodes, IReadOnlyList<ExportAssessment> Assessments, IReadOnlyList<ExportPlan> Plans, IReadOnlyList<ExportVisit> Visits,
    IReadOnlyList<ExportCaseRecord> CaseRecords, IReadOnlyList<ExportChronologyEntry> Chronology, IReadOnlyDictionary<string, int> Redactions)
{
    public const string ReferrerLabel = "Referrer";
    public const string OtherChildLabel = "Another child";

    public const string SafeAddressLabel = "Withheld: a safe address";

    public static async Task<SubjectAccessExport> BuildAsync(SafeguardDbContext db, DataProtectionRequest request, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var childId = request.ChildId;
        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == childId, cancellationToken);
        var family = await (from r in db.Relationships.AsNoTracking()
                            where r.ChildId == childId
                            join f in db.FamilyMembers on r.FamilyMemberId equals f.Id
                            select new { f.GivenName, f.FamilyName, f.Phone, r.Kind, r.HasParentalResponsibility, r.LivesWithChild })
            .ToListAsync(cancellationToken);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.ChildId == childId).OrderBy(r => r.ReceivedAt).ToListAsync(cancellationToken);
        var episodes = await db.Episodes.AsNoTracking().Where(e => e.ChildId == childId).OrderBy(e => e.OpenedOn).ToListAsync(cancellationToken);
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.ChildId == childId).OrderBy(a => a.StartedOn).ToListAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking().Where(p => p.ChildId == childId).OrderBy(p => p.StartedOn).ToListAsync(cancellationToken);
        var visits = await db.Visits.AsNoTracking().Where(v => v.ChildId == childId).OrderBy(v => v.VisitedOn).ToListAsync(cancellationToken);
        var discussions = await db.StrategyDiscussions.AsNoTracking().Where(d => d.ChildId == childId).ToListAsync(cancellationToken);
        var enquiries = await db.Section47Enquiries.AsNoTracking().Where(q => q.ChildId == childId).ToListAsync(cancellationToken);
        var conferences = await db.Conferences.AsNoTracking().Where(c => c.ChildId == childId).ToListAsync(cancellationToken);
        var protectionPlans = await db.ChildProtectionPlans.AsNoTracking().Where(p => p.ChildId == childId).ToListAsync(cancellationToken);
        var meetings = await db.ConferenceMeetings.AsNoTracking().Where(m => m.ChildId == childId).ToListAsync(cancellationToken);
        var lookedAfter = await db.LookedAfterPeriods.AsNoTracking().Where(l => l.ChildId == childId).ToListAsync(cancellationToken);
        var preProceedings = await db.PreProceedings.AsNoTracking().Where(p => p.ChildId == childId).ToListAsync(cancellationToken);
        var chronology = await db.Chronology.AsNoTracking().Where(c => c.ChildId == childId).OrderBy(c => c.OccurredOn).ThenBy(c => c.RecordedAt)
            .ToListAsync(cancellationToken);

        var practitionerIds = new HashSet<Guid>();
        practitionerIds.UnionWith(referrals.SelectMany(r => new[] { r.Referrer.PractitionerId, r.DecidedBy }).OfType<Guid>());
        practitionerIds.UnionWith(episodes.SelectMany(e => e.Allocations.SelectMany(a => new[] { a.PractitionerId, a.AllocatedBy })));
        practitionerIds.UnionWith(episodes.Select(e => e.ClosedBy).OfType<Guid>());
        practitionerIds.UnionWith(assessments.SelectMany(a => new[] { (Guid?)a.LeadPractitionerId, a.AuthorisedBy }).OfType<Guid>());
        practitionerIds.UnionWith(plans.SelectMany(p => new[] { (Guid?)p.CreatedBy, p.ApprovedBy }).OfType<Guid>());
        practitionerIds.UnionWith(visits.Select(v => v.VisitedBy));
        practitionerIds.UnionWith(chronology.Select(c => c.RecordedBy).OfType<Guid>());
        var practitioners = await db.Practitioners.AsNoTracking().Where(p => practitionerIds.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Email, p.JobTitle }).ToDictionaryAsync(p => p.Id, cancellationToken);

        var redaction = new Redaction();
        redaction.Keep(child.GivenName);
        redaction.Keep(child.FamilyName);
        redaction.Keep(request.RequesterName);
        bool IsRequester(string name) => string.Equals(name.Trim(), request.RequesterName, StringComparison.OrdinalIgnoreCase)
            || (request.Relationship == RequesterRelationship.TheChild && string.Equals(name.Trim(), child.FullName, StringComparison.OrdinalIgnoreCase));

        // The referrer first, so that a referrer who is also a practitioner or a relative is still only "the referrer".
        foreach (var r in referrals)
        {
            redaction.Redact(r.Referrer.Name, ReferrerLabel);
            redaction.Redact(r.Referrer.Phone, ReferrerLabel);
            redaction.Redact(r.Referrer.Email, ReferrerLabel);
            // The chronology names the referrer with their role, "Name (Role)": the role goes with the name.
            redaction.Redact($"{r.Referrer.Name} ({r.Referrer.Role})", ReferrerLabel, withParts: false);
            if (r.Referrer.PractitionerId is null)
            {
                // A member of the public's role ("neighbour", "aunt") identifies them anywhere; a practitioner's job title
                // alone is left, or every mention of "social worker" would read as the referrer.
                redaction.Redact(r.Referrer.Role, ReferrerLabel, withParts: false);
            }
        }

        foreach (var p in practitioners.Values.Where(p => !referrals.Any(r => r.Referrer.PractitionerId == p.Id)))
        {
            var label = string.IsNullOrWhiteSpace(p.JobTitle) ? "Practitioner" : p.JobTitle;
            redaction.Redact($"{p.GivenName} {p.FamilyName}", label);
            redaction.Redact(p.Email, label);
        }

        foreach (var f in family.Where(f => !IsRequester($"{f.GivenName} {f.FamilyName}")))
        {
            redaction.Redact($"{f.GivenName} {f.FamilyName}", f.Kind.Describe());
            redaction.Redact(f.Phone, f.Kind.Describe());
        }

        foreach (var adult in referrals.SelectMany(r => r.Adults).Where(a => !IsRequester(a.Name)))
        {
            redaction.Redact(adult.Name, adult.Relationship.Describe());
            redaction.Redact(adult.Phone, adult.Relationship.Describe());
        }

        foreach (var other in referrals.SelectMany(r => r.HouseholdChildren).Where(c => !IsRequester(c.Name)))
        {
            redaction.Redact(other.Name, OtherChildLabel);
        }

        // A safe address (a refuge) never goes to the requester, in the address list or anywhere it was written down.
        foreach (var safe in child.Addresses.Where(a => a.Safe))
        {
            redaction.Redact(safe.Line1, SafeAddressLabel, withParts: false);
            redaction.Redact(safe.Postcode, SafeAddressLabel, withParts: false);
        }

        string R(string? text) => redaction.Apply(text) ?? string.Empty;
        string? N(string? text) => redaction.Apply(text);
        // A practitioner who referred is "the referrer" wherever they appear, or their job would tell who referred.
        var referrerIds = referrals.Select(r => r.Referrer.PractitionerId).OfType<Guid>().ToHashSet();
        string Who(Guid? id) => id is { } r && referrerIds.Contains(r) ? $"[{ReferrerLabel}]"
            : id is { } p && practitioners.TryGetValue(p, out var found)
            ? "[" + (string.IsNullOrWhiteSpace(found.JobTitle) ? "Practitioner" : found.JobTitle) + "]"
            : "[Practitioner]";

        var exported = new SubjectAccessExport(
            request.Id, request.RequesterName, request.Relationship.Describe(), request.ReceivedOn, now, request.ReviewedOn,
            new ExportChild(child.FullName, child.DateOfBirth, child.ExpectedDateOfBirth, child.Sex.ToString(), child.Gender,
                DfeCodes.Ethnicity.GetValueOrDefault(child.EthnicityCode, child.EthnicityCode),
                [.. child.DisabilityCodes.Select(d => DfeCodes.Disability.GetValueOrDefault(d, d))], child.FirstLanguage, child.NhsNumber, child.Upn,
                [.. child.Addresses.Select(a => a.Safe ? a with { Line1 = $"[{SafeAddressLabel}]", Line2 = null, Town = string.Empty, Postcode = string.Empty } : a)]),
            [.. family.Select(f => new ExportFamilyMember(
                IsRequester($"{f.GivenName} {f.FamilyName}") ? $"{f.GivenName} {f.FamilyName}" : $"[{f.Kind.Describe()}]",
                f.Kind.Describe(), f.HasParentalResponsibility, f.LivesWithChild))],
            [.. referrals.Select(r => new ExportReferral(r.ReceivedOn, $"[{ReferrerLabel}]", R(r.Concerns), [.. r.HarmTypes.Select(h => h.ToString())],
                N(r.ChildsViews), [.. r.Adults.Select(a => IsRequester(a.Name) ? a.Name : $"[{a.Relationship.Describe()}]")], r.HouseholdChildren.Count,
                r.Outcome?.Describe(), N(r.DecisionReasons), r.DecidedOn))],
            [.. episodes.Select(e => new ExportEpisode(e.OpenedOn, e.ClosedOn, e.Support?.ToString(),
                [.. e.Allocations.Select(a => $"{Who(a.PractitionerId)} from {a.From:d MMMM yyyy}")],
                e.FamilyAgreement is { } agreement ? $"{(agreement.Agreed ? "Agreed" : "Did not agree")} on {agreement.On:d MMMM yyyy}" : null,
                e.ClosureReasonCode is { } code ? Episode.ClosureReasons.GetValueOrDefault(code, code) : null, N(e.ClosureSummary)))],
            [.. assessments.Select(a => new ExportAssessment(a.StartedOn, a.Status.ToString(), Who(a.LeadPractitionerId), N(a.DevelopmentalNeeds),
                N(a.ParentingCapacity), N(a.FamilyAndEnvironment), N(a.ChildsWishesAndFeelings), N(a.FamilyViews), a.Conclusion?.ToString(),
                N(a.ConclusionReasons)))],
            [.. plans.Select(p => new ExportPlan(p.Kind.ToString(), p.StartedOn, p.EndedOn,
                [.. p.Outcomes.Select(o => R($"{o.Number}. {o.Outcome} Measure: {o.Measure} By {o.ByWhen:d MMMM yyyy}. {o.Service} ({o.ProvidedBy})"))],
                R(p.ExpectationsOfParents), [.. p.Reviews.Select(v => R($"{v.HeldOn:d MMMM yyyy}: {v.Decisions}"))]))],
            [.. visits.Select(v => new ExportVisit(v.VisitedOn, Who(v.VisitedBy), v.ChildSeen, v.SeenAlone, N(v.WhyNot), R(v.Observations), N(v.ChildsWords)))],
            CaseRecordsOf(discussions, enquiries, conferences, protectionPlans, meetings, lookedAfter, preProceedings, R),
            // An entry marked sensitive (police intelligence, a safe address...) never goes to the requester: the export says one is withheld.
            [.. chronology.Select(c => new ExportChronologyEntry(c.OccurredOn, c.Kind.ToString(),
                c.Sensitivity == Domain.Chronology.Sensitivity.None ? R(c.Summary) : $"[Withheld: an entry marked as {Domain.Chronology.Sensitivities.Describe(c.Sensitivity)}]",
                c.RecordedBy is null ? string.Empty : Who(c.RecordedBy)))],
            redaction.Labels);
        return exported;
    }

    /// <summary>
    /// Child protection and care records in words, free text redacted like the rest. Who took part is given by agency or
    /// part, not name; an agency's report the author asked not to go to the parents, and where a looked after child was
    /// placed (a carer's home), are withheld.
    /// </summary>
    private static List<ExportCaseRecord> CaseRecordsOf(List<Domain.ChildProtection.StrategyDiscussion> discussions,
        List<Domain.ChildProtection.Section47Enquiry> enquiries, List<Domain.ChildProtection.ChildProtectionConference> conferences,
        List<Domain.ChildProtection.ChildProtectionPlan> plans, List<Domain.ChildProtection.ConferenceMeeting> meetings,
        List<Domain.LookedAfter.LookedAfterPeriod> lookedAfter, List<Domain.ChildProtection.PreProceedings> preProceedings, Func<string?, string> r)
    {
        var records = new List<ExportCaseRecord>();
        foreach (var d in discussions)
        {
            records.Add(new ExportCaseRecord(d.HeldOn, "Strategy discussion",
                $"Agencies taking part: {string.Join(", ", d.Attendees.Select(a => a.Agency).Distinct())}. Information shared: {r(d.InformationShared)} "
                + $"Section 47 enquiries: {(d.Section47 ? "yes" : "no")}. {r(d.Section47Reasons)}"));
        }

        foreach (var q in enquiries)
        {
            records.Add(new ExportCaseRecord(q.StartedOn, "Section 47 enquiry",
                $"The child's wishes and feelings: {r(q.ChildsWishesAndFeelings)} Outcome: {q.Outcome?.ToString() ?? "not yet concluded"}. {r(q.OutcomeReasons)}"));
        }

        foreach (var m in meetings)
        {
            var title = ChildProtection.ConferenceMeetings.TitleOf(m.Kind, m.PreBirth);
            records.Add(new ExportCaseRecord(m.ScheduledFor, $"{title}: papers",
                string.Join(" ", m.Invitations.Where(i => i.ReportReceived).Select(i => i.ShareWithFamily == true
                    ? $"Report from {i.Agency}: {r(i.Report)}" : $"[Withheld: {i.Agency}'s report, which its author asked not be shared with the parents]"))
                + (m.LeadReport is null ? string.Empty : $" Lead practitioner's report: {r(m.LeadReport)}")));
        }

        foreach (var c in conferences)
        {
            records.Add(new ExportCaseRecord(c.HeldOn, ChildProtection.ConferenceMeetings.TitleOf(c.Kind, c.PreBirth),
                $"The child's views: {r(c.ChildsViews)} The family's part: {r(c.FamilyParticipation)} Decision: "
                + $"{(c.PlanNeeded ? "a child protection plan" : "no child protection plan")}. {r(c.Reasons)}"));
        }

        foreach (var p in plans)
        {
            records.Add(new ExportCaseRecord(p.StartedOn, "Child protection plan",
                $"Category: {Domain.ChildProtection.ChildProtectionConference.Categories.GetValueOrDefault(p.LatestCategory, p.LatestCategory)}. "
                + $"Core group: {string.Join(", ", p.CoreGroup.Select(g => g.Agency).Distinct())}. Actions: {string.Join("; ", p.Actions.Select(a => r(a.What)))}. "
                + string.Join(" ", p.CoreGroupMeetings.Select(g => $"Core group {g.HeldOn:d MMMM yyyy}: {r(g.Decisions)}"))
                + string.Join(" ", p.Reviews.Select(v => $" Review {v.HeldOn:d MMMM yyyy}: {r(v.Reasons)}"))
                + (p.EndedOn is { } ended ? $" Ended {ended:d MMMM yyyy}: {r(p.EndNotes)}" : string.Empty)));
        }

        foreach (var l in lookedAfter)
        {
            records.Add(new ExportCaseRecord(l.StartedOn, "Looked after",
                $"Legal status: {string.Join(", then ", l.LegalStatuses.Select(s => s.Status))}. {r(l.Reasons)} "
                + $"Placements: {string.Join("; ", l.Placements.Select(pl => $"{pl.Type} from {pl.StartedOn:d MMMM yyyy}{(pl.OutOfArea ? ", outside the area" : string.Empty)}"))} "
                + "(where the child lived is withheld: it is a carer's home). "
                + string.Join(" ", l.CarePlans.Select(cp => $"Care plan {cp.Number} ({cp.AgreedOn:d MMMM yyyy}): {r(cp.Care)} {r(cp.Safeguarding)}"))
                + (l.EndedOn is { } ended ? $" Ended {ended:d MMMM yyyy}: {r(l.EndNotes)}" : string.Empty)));
        }

        foreach (var pp in preProceedings)
        {
            records.Add(new ExportCaseRecord(pp.DecidedOn, "Pre-proceedings",
                $"{(pp.Started ? "Pre-proceedings started" : "Pre-proceedings not started")}: {r(pp.Reasons)}"
                + (pp.Letter is { } letter ? $" Letter before proceedings sent {letter.SentOn:d MMMM yyyy}: {r(letter.ExpectationsOfParents)}" : string.Empty)
                + string.Join(" ", pp.KeyDiscussions.Select(k => $" Key discussion {k.HeldOn:d MMMM yyyy}: {r(k.WhatWasAgreed)}"))));
        }

        return [.. records.OrderBy(x => x.On)];
    }
}
