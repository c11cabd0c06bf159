using Safeguard.Domain.Clocks;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.FamilyHelp;

/// <summary>What the local authority is providing on an open episode, once the front door or an assessment has decided.</summary>
public enum SupportKind
{
    /// <summary>Decided at the front door but not yet concluded by an assessment.</summary>
    Assessment,

    /// <summary>Targeted Family Help: voluntary, with the family's agreement (FH-01).</summary>
    FamilyHelp,

    /// <summary>A child in need under section 17, with a child in need plan (CIN-01).</summary>
    ChildInNeed,
}

/// <summary>A lead practitioner allocated to the episode (ASM-01): who, by whom, from when, and with their agreement (RC-02).</summary>
public sealed record Allocation(Guid PractitionerId, Guid AllocatedBy, DateOnly From, DateOnly? Until, string? Reason);

/// <summary>
/// A co-worker allocated to the episode alongside the lead practitioner: who, by which manager, from when until when. A
/// co-worker works on the case as the lead practitioner does; each step keeps its own rule about who takes it.
/// </summary>
public sealed record CoWorkerAllocation(Guid PractitionerId, Guid AllocatedBy, DateOnly From, DateOnly? Until);

/// <summary>The family's answer to Family Help, which is voluntary (FH-01, FH-04).</summary>
public sealed record FamilyAgreement(bool Agreed, string WhoAgreed, DateOnly On, string? Notes);

/// <summary>
/// A child's involvement with children's social care — the DfE's "CIN episode". It opens with a referral and closes
/// with a DfE reason (RC1–RC9). A referral about a child whose episode is open joins it instead of opening another
/// (the CIN census allows one open episode per child, 8815). Inside it: the lead practitioner's allocations,
/// assessments, plans and visits, each its own record pointing here.
/// </summary>
public sealed class Episode
{
    public const int MaxTextLength = Referral.MaxTextLength;

    /// <summary>
    /// The rule that an episode does not close while the child is on a child protection plan, in a section 47 enquiry with
    /// no outcome, waiting for a manager to confirm a strategy discussion's section 47 decision, or on a child in need or
    /// Family Help plan (the CIN census's 8565, 8868 and 2990 say the same for the return).
    /// </summary>
    public const string NothingClosesBehindTheChildsBack = "SG-EP-10";

    /// <summary>DfE reasons for closure (N00103).</summary>
    public static readonly IReadOnlyDictionary<string, string> ClosureReasons = new Dictionary<string, string>
    {
        ["RC1"] = "Adopted",
        ["RC2"] = "Died",
        ["RC3"] = "Child arrangements order",
        ["RC4"] = "Special guardianship order",
        ["RC5"] = "Transferred to another local authority",
        ["RC6"] = "Transferred to adult social care",
        ["RC7"] = "Services ceased for any other reason, including child no longer in need",
        ["RC8"] = "Case closed after assessment, no further action",
        ["RC9"] = "Case closed after assessment, referred to early help",
    };

    private readonly List<Allocation> _allocations = [];
    private readonly List<Milestone> _milestones = [];
    private readonly List<CoWorkerAllocation> _coWorkers = [];

    private Episode()
    {
        SourceCode = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid ChildId { get; private set; }

    /// <summary>The referral that opened the episode; its date is the census CINreferralDate.</summary>
    public Guid OpeningReferralId { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    /// <summary>The DfE referral source (N00152) of the opening referral.</summary>
    public string SourceCode { get; private set; }

    /// <summary>The DfE primary need (N00101), from the front door's decision or the assessment's conclusion.</summary>
    public string? PrimaryNeedCode { get; private set; }

    public SupportKind? Support { get; private set; }

    /// <summary>The census ReferralNFA flag: the opening referral led to no further action, and the episode closed with it.</summary>
    public bool IsReferralNoFurtherAction { get; private set; }

    public FamilyAgreement? FamilyAgreement { get; private set; }

    public IReadOnlyList<Allocation> Allocations => _allocations;

    /// <summary>Co-workers allocated alongside the lead practitioner, current and past.</summary>
    public IReadOnlyList<CoWorkerAllocation> CoWorkers => _coWorkers;

    /// <summary>The social work qualified manager who allocated the current lead practitioner: the manager of the case.</summary>
    public Guid? CaseManagerId => _allocations.Count > 0 && _allocations[^1].Until is null ? _allocations[^1].AllocatedBy : null;

    /// <summary>The current lead practitioner, kept beside the allocations so caseloads and "my children" are one indexed query.</summary>
    public Guid? LeadPractitionerId { get; private set; }

    /// <summary>Groups with specific needs the child belongs to, recorded because they change the work (chapter 3).</summary>
    public SpecificNeed SpecificNeeds { get; private set; }

    /// <summary>For harm outside the home: where the risk is located — places, peers, online — and its level in each context (ASM-09).</summary>
    public string? ExtraFamilialRisk { get; private set; }

    public IReadOnlyList<Milestone> Milestones => _milestones;

    /// <summary>The notice from another area that the child, on its child protection plan, moved here permanently (DISC-02).</summary>
    public Milestone? MovedInOnPlan => _milestones.LastOrDefault(m => m.Kind == MilestoneKind.MovedInOnPlan);

    public DateOnly? ClosedOn { get; private set; }

    public string? ClosureReasonCode { get; private set; }

    public string? ClosureSummary { get; private set; }

    public Guid? ClosedBy { get; private set; }

    public bool IsOpen => ClosedOn is null;

    /// <summary>Changes on every save, so two people editing at once cannot overwrite each other silently.</summary>
    public Guid Version { get; private set; }

    /// <summary>Opens the episode with the child's referral (the child has no open episode).</summary>
    public static Episode Open(Guid id, Referral referral) => new()
    {
        Id = id,
        AreaId = referral.AreaId,
        ChildId = referral.ChildId,
        OpeningReferralId = referral.Id,
        OpenedOn = referral.ReceivedOn,
        SourceCode = referral.SourceCode,
        Version = Guid.NewGuid(),
    };

    /// <summary>
    /// The front door's decision on a referral in this episode. No further action on the referral that opened the
    /// episode closes it the same day (the census's ReferralNFA); a referral joining an open episode leaves it open.
    /// </summary>
    public void ReferralDecided(Referral referral)
    {
        Require(referral.EpisodeId == Id && referral.Outcome is not null, "SG-EP-01", "The referral does not belong to this episode.");
        Touch();
        if (referral.IsNoFurtherAction)
        {
            if (referral.Id == OpeningReferralId && Support is null && IsOpen)
            {
                IsReferralNoFurtherAction = true;
                ClosedOn = referral.DecidedOn;
                ClosureReasonCode = "RC7";
                ClosureSummary = referral.Outcome == ReferralOutcome.UniversalHelp
                    ? "No further action by children's social care: universal or community help suggested."
                    : "No further action on the referral.";
                ClosedBy = referral.DecidedBy;
            }

            return;
        }

        PrimaryNeedCode = referral.PrimaryNeedCode ?? PrimaryNeedCode;
        Support ??= referral.Outcome == ReferralOutcome.FamilyHelp ? SupportKind.FamilyHelp : SupportKind.Assessment;
    }

    /// <summary>
    /// Allocates the lead practitioner (ASM-01, RC-01, RC-02): only a social work qualified practice supervisor or
    /// manager allocates, and only with the practitioner's agreement. A Family Help lead practitioner can come from a
    /// partner agency; an assessment under section 17 is led by whoever the area's local protocol allows (a social worker
    /// unless it says more, RC-02). Re-allocating ends the previous one.
    /// </summary>
    public void Allocate(Practitioner manager, Practitioner leadPractitioner, bool agreed, DateOnly on, string? reason,
        Section17Leads protocol = Section17Leads.SocialWorkers, AgencyKind leadsAgency = AgencyKind.LocalAuthorityChildrensSocialCare)
    {
        RequireOpen();
        Require(manager.AreaId == AreaId && manager.Has(PractitionerRole.PracticeSupervisor) && manager.IsSocialWorkQualified, "RC-01",
            "Only a social work qualified practice supervisor or manager can allocate a lead practitioner.");
        Require(leadPractitioner.AreaId == AreaId, "SG-EP-02", "The lead practitioner must work in this area.", "LeadPractitionerId");
        Require(agreed, "RC-02", "Confirm the practitioner has agreed to be the lead practitioner.", "Agreed");
        if (Support != SupportKind.FamilyHelp)
        {
            LocalAuthorityArea.RequireMayLeadSection17(protocol, leadPractitioner, leadsAgency);
        }

        Require(LeadPractitionerId != leadPractitioner.Id, "SG-EP-03", "This practitioner is already the lead practitioner.", "LeadPractitionerId");
        Require(on >= OpenedOn, "SG-EP-04", "The allocation cannot be dated before the episode opened.", "On");
        Require((reason?.Length ?? 0) <= 2_000, "SG-EP-05", "The reason must be 2,000 characters or fewer.", "Reason");
        if (_allocations.Count > 0 && _allocations[^1].Until is null)
        {
            Require(!string.IsNullOrWhiteSpace(reason), "SG-EP-05", "Say why the lead practitioner is changing: the family is told.", "Reason");
            _allocations[^1] = _allocations[^1] with { Until = on };
        }

        _allocations.Add(new Allocation(leadPractitioner.Id, manager.Id, on, null, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
        LeadPractitionerId = leadPractitioner.Id;
        Touch();
    }

    /// <summary>
    /// Gives a practitioner of children's social care a part in the case alongside the lead practitioner (SG-EP-19 to
    /// SG-EP-21): only a social work qualified practice supervisor or manager allocates (RC-01), the co-worker works in the
    /// local authority's children's social care and is not an administrator, analyst or data protection officer, and is
    /// neither the lead practitioner nor already a co-worker.
    /// </summary>
    public void AllocateCoWorker(Practitioner manager, Practitioner coWorker, Agency coWorkersAgency, DateOnly on)
    {
        RequireOpen();
        Require(manager.AreaId == AreaId && manager.Has(PractitionerRole.PracticeSupervisor) && manager.IsSocialWorkQualified, "RC-01",
            "Only a social work qualified practice supervisor or manager can allocate a co-worker.");
        Require(coWorker.AreaId == AreaId && coWorkersAgency.Id == coWorker.AgencyId, "SG-EP-19", "The co-worker must work in this area.", "PractitionerId");
        Require(coWorkersAgency.Kind == AgencyKind.LocalAuthorityChildrensSocialCare && !coWorker.Has(PractitionerRole.Administrator)
            && !coWorker.Has(PractitionerRole.Analyst) && !coWorker.Has(PractitionerRole.DataProtectionOfficer), "SG-EP-19",
            "A co-worker is a practitioner of the local authority's children's social care; a partner agency's practitioner can lead Family Help instead.",
            "PractitionerId");
        Require(coWorker.Id != LeadPractitionerId, "SG-EP-20", "This practitioner is the lead practitioner.", "PractitionerId");
        Require(!_coWorkers.Exists(c => c.PractitionerId == coWorker.Id && c.Until is null), "SG-EP-20", "This practitioner is already a co-worker.",
            "PractitionerId");
        Require(on >= OpenedOn, "SG-EP-04", "The allocation cannot be dated before the episode opened.", "On");
        _coWorkers.Add(new CoWorkerAllocation(coWorker.Id, manager.Id, on, null));
        Touch();
    }

    /// <summary>A co-worker's part in the case ends (SG-EP-21): a social work qualified manager ends it (RC-01).</summary>
    public void EndCoWorker(Practitioner manager, Guid practitionerId, DateOnly on)
    {
        RequireOpen();
        Require(manager.AreaId == AreaId && manager.Has(PractitionerRole.PracticeSupervisor) && manager.IsSocialWorkQualified, "RC-01",
            "Only a social work qualified practice supervisor or manager can end a co-worker's part.");
        var index = _coWorkers.FindLastIndex(c => c.PractitionerId == practitionerId && c.Until is null);
        Require(index >= 0, "SG-EP-21", "This practitioner is not a co-worker on the case.", "PractitionerId");
        Require(on >= _coWorkers[index].From, "SG-EP-21", "A co-worker's part cannot end before it started.", "On");
        _coWorkers[index] = _coWorkers[index] with { Until = on };
        Touch();
    }

    /// <summary>Family Help is voluntary: the family's agreement, or their refusal and why, is recorded (FH-01, FH-04).</summary>
    public void RecordFamilyAgreement(Guid practitionerId, bool agreed, string whoAgreed, DateOnly on, string? notes)
    {
        RequireOpen();
        Require(IsLeadPractitionerOrAllocator(practitionerId), "SG-EP-06", "Only the lead practitioner records the family's agreement.");
        Require(!string.IsNullOrWhiteSpace(whoAgreed) && whoAgreed.Length <= 200, "FH-01", "Say who in the family gave their answer.", "WhoAgreed");
        Require(agreed || !string.IsNullOrWhiteSpace(notes), "FH-04",
            "Record why the family declined and what they were told about other help and how their information is shared.", "Notes");
        Require((notes?.Length ?? 0) <= MaxTextLength, "FH-04", "Notes must be 10,000 characters or fewer.", "Notes");
        FamilyAgreement = new FamilyAgreement(agreed, whoAgreed.Trim(), on, string.IsNullOrWhiteSpace(notes) ? null : notes.Trim());
        Touch();
    }

    /// <summary>Records the groups with specific needs the child belongs to; harm outside the home needs where the risk is located (ASM-09).</summary>
    public void RecordSpecificNeeds(Guid practitionerId, SpecificNeed needs, string? extraFamilialRisk)
    {
        _ = practitionerId;
        RequireOpen();
        Require(!needs.HasFlag(SpecificNeed.HarmOutsideTheHome) || !string.IsNullOrWhiteSpace(extraFamilialRisk), "ASM-09",
            "Describe where the risk outside the home is located — places, peers, online — and its level in each context.", nameof(ExtraFamilialRisk));
        Require((extraFamilialRisk?.Length ?? 0) <= MaxTextLength, "ASM-09", "This must be 10,000 characters or fewer.", nameof(ExtraFamilialRisk));
        SpecificNeeds = needs;
        ExtraFamilialRisk = needs.HasFlag(SpecificNeed.HarmOutsideTheHome) ? extraFamilialRisk!.Trim() : null;
        Touch();
    }

    /// <summary>
    /// Records a milestone other agencies or the clocks depend on: an NRM referral (with its reference), a prison or probation
    /// enquiry and its answer, a permanent move and the sharing of the record with the receiving authority, transition planning.
    /// </summary>
    public void RecordMilestone(Guid practitionerId, MilestoneKind kind, DateOnly on, string note, string? reference, DateOnly today)
    {
        RequireOpen();
        Require(on <= today && on >= OpenedOn, "SG-EP-15", "The date must be between the episode's opening and today.", "On");
        Require(!string.IsNullOrWhiteSpace(note) && note.Length <= 2_000, "SG-EP-16", "Say what happened (2,000 characters or fewer).", "Note");
        Require((reference?.Length ?? 0) <= 100, "SG-EP-17", "The reference must be 100 characters or fewer.", "Reference");
        var enquiries = _milestones.Where(m => m.Kind is MilestoneKind.PrisonEnquiryReceived or MilestoneKind.ProbationEnquiryReceived).ToList();
        var answered = _milestones.Where(m => m.Kind == MilestoneKind.EnquiryAnswered).Select(m => m.Reference).ToHashSet(StringComparer.Ordinal);
        switch (kind)
        {
            case MilestoneKind.NrmReferralMade:
                Require(!string.IsNullOrWhiteSpace(reference), "NRM-01", "Give the NRM referral's reference so it can be tracked.", "Reference");
                break;
            case MilestoneKind.PrisonEnquiryReceived or MilestoneKind.ProbationEnquiryReceived:
                Require(!string.IsNullOrWhiteSpace(reference) && enquiries.TrueForAll(e => e.Reference != reference.Trim()), "PRIS-02",
                    "Give the enquiry's own reference (each enquiry has a different one), so its answer can be matched to it.", "Reference");
                break;
            case MilestoneKind.EnquiryAnswered:
                Require(enquiries.Exists(e => e.Reference == reference?.Trim() && !answered.Contains(e.Reference)), "PROB-01",
                    "Give the reference of an enquiry that is waiting for its answer.", "Reference");
                break;
            case MilestoneKind.InformationSharedWithReceivingArea:
                Require(_milestones.Exists(m => m.Kind == MilestoneKind.MovedToAnotherArea), "CIN-04",
                    "Record the child's move to another local authority first.", "Kind");
                break;
            case MilestoneKind.MovedInOnPlan:
                Require(!string.IsNullOrWhiteSpace(reference), "DISC-02", "Name the local authority whose child protection plan the child is on.", "Reference");
                Require(MovedInOnPlan is null, "DISC-02", "The move here on another area's plan is already recorded.", "Kind");
                break;
        }

        _milestones.Add(new Milestone(kind, on, practitionerId, note.Trim(), string.IsNullOrWhiteSpace(reference) ? null : reference.Trim()));
        SpecificNeeds |= kind switch
        {
            MilestoneKind.PotentialVictimIdentified or MilestoneKind.NrmReferralMade => SpecificNeed.ModernSlavery,
            MilestoneKind.PrisonEnquiryReceived or MilestoneKind.ProbationEnquiryReceived => SpecificNeed.ParentInPrison,
            _ => SpecificNeed.None,
        };
        Touch();
    }

    /// <summary>The episode's own events for its clocks (NRM-01, PROB-01, CIN-04), in the order they were recorded.</summary>
    public IReadOnlyList<ClockEvent> History() => [.. _milestones.Select(m => m.ToClockEvent()).OfType<ClockEvent>()];

    /// <summary>The assessment concluded and was authorised: the episode goes on as Family Help or child in need support, or closes.</summary>
    public void AssessmentAuthorised(Assessment assessment)
    {
        Require(assessment.EpisodeId == Id && assessment.IsAuthorised, "SG-EP-01", "The assessment does not belong to this episode.");
        Touch();
        PrimaryNeedCode = assessment.PrimaryNeedCode ?? PrimaryNeedCode;
        switch (assessment.Conclusion)
        {
            case AssessmentConclusion.ChildInNeed:
                Support = SupportKind.ChildInNeed;
                break;
            case AssessmentConclusion.FamilyHelp:
                Support = SupportKind.FamilyHelp;
                break;
        }
    }

    /// <summary>
    /// Closes the episode with the DfE reason (N00103). RC8 and RC9 close a case after assessment, so need one; RC2
    /// is for a child who died. Nothing closes behind the child's back (SG-EP-10; census 8565, 8868, 2990): the episode
    /// cannot close while anything in <paramref name="stillOpen"/> is — a child protection plan, a section 47 enquiry with
    /// no outcome, a strategy discussion whose section 47 decision waits for a manager's confirmation, a child in need or
    /// Family Help plan. The refusal names each, so the practitioner can go to it.
    /// </summary>
    public void Close(Practitioner by, string reasonCode, string summary, DateOnly on, bool hasAuthorisedAssessment, IReadOnlyList<RelatedRecord> stillOpen)
    {
        ArgumentNullException.ThrowIfNull(stillOpen);
        RequireOpen();
        Require(by.AreaId == AreaId && (by.Has(PractitionerRole.PracticeSupervisor) || by.Id == LeadPractitionerId), "SG-EP-07",
            "Only the lead practitioner or a manager can close the episode.");
        Require(ClosureReasons.ContainsKey(reasonCode), "SG-EP-08", "Select the reason for closure.", "ReasonCode");
        Require(reasonCode is not ("RC8" or "RC9") || hasAuthorisedAssessment, "SG-EP-09",
            "RC8 and RC9 close a case after an assessment: authorise the assessment first, or choose another reason.", "ReasonCode");
        if (stillOpen.Count > 0)
        {
            throw new RuleViolationException(NothingClosesBehindTheChildsBack,
                "The episode cannot close while the child's protection or help is still open: "
                + string.Join("; ", stillOpen.Select(r => r.Description)) + ". End or conclude each first (census 8565, 8868).", "ReasonCode", stillOpen);
        }

        Require(!string.IsNullOrWhiteSpace(summary) && summary.Length <= MaxTextLength, "SG-EP-11",
            "Summarise why the episode is closing and what happens next: the family and practitioners are told.", "Summary");
        Require(on >= OpenedOn, "SG-EP-12", "The episode cannot close before it opened.", "On");
        if (_allocations.Count > 0 && _allocations[^1].Until is null)
        {
            _allocations[^1] = _allocations[^1] with { Until = on };
        }

        for (var i = 0; i < _coWorkers.Count; i++)
        {
            if (_coWorkers[i].Until is null)
            {
                _coWorkers[i] = _coWorkers[i] with { Until = on < _coWorkers[i].From ? _coWorkers[i].From : on };
            }
        }

        LeadPractitionerId = null;
        ClosedOn = on;
        ClosureReasonCode = reasonCode;
        ClosureSummary = summary.Trim();
        ClosedBy = by.Id;
        Touch();
    }

    /// <summary>The child turned out to have another record: the episode moves to the surviving record (after <see cref="Children.Child.MergeInto"/>).</summary>
    public void MoveToChild(Children.Child survivor)
    {
        Require(survivor.AreaId == AreaId, "SG-REF-01", "The child's record is in another area.");
        ChildId = survivor.Id;
        Touch();
    }

    /// <summary>An episode with nothing in it but its referrals (nobody allocated yet) can be folded into the child's other open episode.</summary>
    public bool IsEmpty => _allocations.Count == 0 && Support is null;

    /// <summary>The lead practitioner, or anyone who has been (for their own records), or the manager who allocated.</summary>
    public bool IsLeadPractitionerOrAllocator(Guid practitionerId) =>
        LeadPractitionerId == practitionerId || _allocations.Count > 0 && _allocations[^1].Until is null && _allocations[^1].AllocatedBy == practitionerId;

    private void RequireOpen() => Require(IsOpen, "SG-EP-13", "The episode is closed.");

    private void Touch() => Version = Guid.NewGuid();
}
