using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.FamilyHelp;

/// <summary>What the assessment concluded (ASM-03, ASM-07): the decision on next steps.</summary>
public enum AssessmentConclusion
{
    /// <summary>A child in need under section 17: a child in need plan follows (CIN-01).</summary>
    ChildInNeed,

    /// <summary>Targeted Family Help with the family's agreement.</summary>
    FamilyHelp,

    /// <summary>Step down to universal or community help.</summary>
    StepDownToUniversalHelp,

    /// <summary>Reasonable cause to suspect significant harm: a strategy discussion (ASM-12).</summary>
    StrategyDiscussion,

    NoFurtherAction,
}

/// <summary>Where the assessment is: being written by the lead practitioner, waiting for a manager, or authorised.</summary>
public enum AssessmentStatus
{
    InProgress,
    Submitted,
    Authorised,
}

/// <summary>The assessment as the lead practitioner writes it, saved as often as they like before submitting.</summary>
public sealed record AssessmentContent(
    string? DevelopmentalNeeds,
    string? ParentingCapacity,
    string? FamilyAndEnvironment,
    string? ChildsWishesAndFeelings,
    string? WhyViewsNotObtained,
    DateOnly? ChildSeenOn,
    bool? SeenAlone,
    string? WhyNotSeenAlone,
    string? FamilyViews,
    IReadOnlyCollection<string> Factors,
    AssessmentConclusion? Conclusion,
    string? ConclusionReasons,
    string? PrimaryNeedCode);

/// <summary>
/// A multi-agency assessment under section 17 or for Family Help, in the assessment framework's three domains: the
/// child's developmental needs; parenting capacity; family network, community and environment. It is led by the lead
/// practitioner, informed by the child's wishes and feelings and the family's views (ASM-04), concluded with a decision
/// on next steps within 45 working days of the referral (ASM-03), and authorised by a social work qualified practice
/// supervisor or manager (ASM-02, RC-01).
/// </summary>
public sealed class Assessment
{
    public const int MaxTextLength = Referral.MaxTextLength;

    /// <summary>DfE factors identified at the end of assessment (N00181), as the CIN census accepts them.</summary>
    public static readonly IReadOnlyDictionary<string, string> FactorCodes = new Dictionary<string, string>
    {
        ["1A"] = "Alcohol misuse: the child", ["1B"] = "Alcohol misuse: a parent or carer", ["1C"] = "Alcohol misuse: another person in the household",
        ["2A"] = "Drug misuse: the child", ["2B"] = "Drug misuse: a parent or carer", ["2C"] = "Drug misuse: another person in the household",
        ["3A"] = "Domestic abuse: the child is the subject", ["3B"] = "Domestic abuse: a parent or carer is the subject",
        ["3C"] = "Domestic abuse: another household member is the subject",
        ["4A"] = "Mental health: the child", ["4B"] = "Mental health: a parent or carer", ["4C"] = "Mental health: another person in the household",
        ["5A"] = "Learning disability: the child", ["5B"] = "Learning disability: a parent or carer",
        ["5C"] = "Learning disability: another person in the household",
        ["6A"] = "Physical disability or illness: the child", ["6B"] = "Physical disability or illness: a parent or carer",
        ["6C"] = "Physical disability or illness: another person in the household",
        ["7A"] = "Young carer",
        ["8B"] = "Privately fostered: overseas child intending to return", ["8C"] = "Privately fostered: overseas child intending to stay",
        ["8D"] = "Privately fostered: UK child in an educational placement", ["8E"] = "Privately fostered: UK child in alternative family arrangements",
        ["8F"] = "Privately fostered: other",
        ["9A"] = "Unaccompanied asylum-seeking child",
        ["10A"] = "Going or being missing",
        ["11A"] = "Child sexual exploitation",
        ["12A"] = "Trafficking",
        ["13A"] = "Gangs",
        ["14A"] = "Socially unacceptable behaviour",
        ["15A"] = "Self-harm",
        ["16A"] = "Abuse or neglect: neglect",
        ["17A"] = "Abuse or neglect: emotional abuse",
        ["18B"] = "Abuse or neglect: physical abuse, child on child",
        ["18C"] = "Abuse or neglect: physical abuse, adult on child",
        ["19B"] = "Abuse or neglect: sexual abuse, child on child",
        ["19C"] = "Abuse or neglect: sexual abuse, adult on child",
        ["20"] = "Other",
        ["21"] = "No factors identified",
        ["22A"] = "Female genital mutilation",
        ["23A"] = "Abuse linked to faith or belief",
        ["24A"] = "Child criminal exploitation",
    };

    private readonly List<string> _factors = [];

    private Assessment()
    {
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid ChildId { get; private set; }

    /// <summary>The referral the assessment belongs to: day 0 of its 45 working days (ASM-03).</summary>
    public Guid ReferralId { get; private set; }

    public DateOnly ReferralReceivedOn { get; private set; }

    /// <summary>
    /// The referral it belongs to opened Family Help: a Family Help assessment, with no 45 working days (ASM-03 is the timescale
    /// of assessments under section 17 and 47), so no reason is asked when it takes longer.
    /// </summary>
    public bool IsFamilyHelp { get; private set; }

    /// <summary>The census AssessmentActualStartDate.</summary>
    public DateOnly StartedOn { get; private set; }

    public Guid LeadPractitionerId { get; private set; }

    public string? DevelopmentalNeeds { get; private set; }

    public string? ParentingCapacity { get; private set; }

    public string? FamilyAndEnvironment { get; private set; }

    /// <summary>The child's wishes and feelings, in their own words where possible (ASM-04, MUST).</summary>
    public string? ChildsWishesAndFeelings { get; private set; }

    /// <summary>Why the child's views could not be obtained (a baby observed, say): the only alternative to their views.</summary>
    public string? WhyViewsNotObtained { get; private set; }

    public DateOnly? ChildSeenOn { get; private set; }

    public bool? SeenAlone { get; private set; }

    /// <summary>Why the child was not seen alone (a baby; a disabled child with their communication support; the child asked for a trusted adult).</summary>
    public string? WhyNotSeenAlone { get; private set; }

    /// <summary>The views of each parent, carer and family member.</summary>
    public string? FamilyViews { get; private set; }

    public IReadOnlyList<string> Factors => _factors;

    public AssessmentConclusion? Conclusion { get; private set; }

    /// <summary>The reasons for the conclusion, shared with the family and practitioners (ASM-07).</summary>
    public string? ConclusionReasons { get; private set; }

    public string? PrimaryNeedCode { get; private set; }

    public AssessmentStatus Status { get; private set; }

    public DateOnly? SubmittedOn { get; private set; }

    /// <summary>Why the assessment concluded after its 45 working days (¶169), recorded by the lead practitioner.</summary>
    public string? LateReason { get; private set; }

    /// <summary>The census AssessmentAuthorisationDate: the conclusion and decision on next steps (ASM-03 met).</summary>
    public DateOnly? AuthorisedOn { get; private set; }

    public Guid? AuthorisedBy { get; private set; }

    /// <summary>A manager sent the assessment back with what to change.</summary>
    public string? ReturnedWith { get; private set; }

    public bool IsAuthorised => Status == AssessmentStatus.Authorised;

    public Guid Version { get; private set; }

    /// <summary>
    /// Starts an assessment on an open episode, led by its lead practitioner, belonging to the referral whose 45 working
    /// days it must meet. One unauthorised assessment per episode at a time (census 8896). An existing plan is the
    /// foundation for it (¶156): the caller carries the plan into the first draft. An assessment under section 17 (the
    /// episode's support is an assessment) is led by someone the area's local protocol allows (RC-02): given the lead and
    /// the protocol, it is checked again here, as the protocol may have changed since allocation.
    /// </summary>
    public static Assessment Start(Guid id, Episode episode, Referral referral, Guid startedBy, DateOnly on, bool episodeHasUnfinishedAssessment,
        Practitioner? lead = null, AgencyKind leadsAgency = AgencyKind.LocalAuthorityChildrensSocialCare, Section17Leads protocol = Section17Leads.SocialWorkers)
    {
        Require(episode.IsOpen, "SG-EP-13", "The episode is closed.");
        Require(referral.EpisodeId == episode.Id, "SG-EP-01", "The referral does not belong to this episode.");
        Require(episode.LeadPractitionerId is not null, "ASM-01", "Allocate a lead practitioner before starting the assessment.");
        Require(episode.LeadPractitionerId == startedBy, "ASM-02", "The assessment is started by the episode's lead practitioner.");
        if (lead is not null && episode.Support == SupportKind.Assessment)
        {
            Require(lead.Id == startedBy, "ASM-02", "The assessment is started by the episode's lead practitioner.");
            LocalAuthorityArea.RequireMayLeadSection17(protocol, lead, leadsAgency);
        }

        Require(!episodeHasUnfinishedAssessment, "SG-ASM-01", "This episode already has an assessment in progress.");
        Require(on >= referral.ReceivedOn, "SG-ASM-02", "The assessment cannot start before the referral was received.");
        Require(referral.AsksForAssessment || referral.OpensFamilyHelp, BelongsToReferralRule,
            "An assessment belongs to the referral that asked for one: this referral's decision was no further action by children's social care.");
        return new Assessment
        {
            IsFamilyHelp = referral.OpensFamilyHelp,
            Id = id,
            AreaId = episode.AreaId,
            EpisodeId = episode.Id,
            ChildId = episode.ChildId,
            ReferralId = referral.Id,
            ReferralReceivedOn = referral.ReceivedOn,
            StartedOn = on,
            LeadPractitionerId = startedBy,
            Status = AssessmentStatus.InProgress,
            Version = Guid.NewGuid(),
        };
    }

    /// <summary>An assessment attaches to the referral that asked for it, never to one with no further action.</summary>
    public const string BelongsToReferralRule = "SG-ASM-11";

    /// <summary>The last day of its 45 working days (ASM-03), or null for a Family Help assessment, which has none.</summary>
    public DateOnly? DueOn(Calendar.WorkingDayCalendar calendar) =>
        IsFamilyHelp ? null : Rules.StatutoryRules.Assessment.Due(ReferralReceivedOn, calendar);

    /// <summary>Saves the lead practitioner's work so far: only length and code lists are checked until it is submitted.</summary>
    public void Save(Guid practitionerId, AssessmentContent content)
    {
        Require(practitionerId == LeadPractitionerId, "ASM-02", "Only the lead practitioner writes the assessment.");
        Require(Status != AssessmentStatus.Authorised, "SG-ASM-03", "The assessment has been authorised and cannot be changed.");
        foreach (var (field, text) in new[]
                 {
                     (nameof(content.DevelopmentalNeeds), content.DevelopmentalNeeds), (nameof(content.ParentingCapacity), content.ParentingCapacity),
                     (nameof(content.FamilyAndEnvironment), content.FamilyAndEnvironment), (nameof(content.ChildsWishesAndFeelings), content.ChildsWishesAndFeelings),
                     (nameof(content.WhyViewsNotObtained), content.WhyViewsNotObtained), (nameof(content.WhyNotSeenAlone), content.WhyNotSeenAlone),
                     (nameof(content.FamilyViews), content.FamilyViews), (nameof(content.ConclusionReasons), content.ConclusionReasons),
                 })
        {
            Require((text?.Length ?? 0) <= MaxTextLength, "SG-ASM-04", $"This must be {MaxTextLength:N0} characters or fewer.", field);
        }

        Require(content.Factors.All(FactorCodes.ContainsKey), "SG-ASM-05", "Select factors from the DfE list.", nameof(content.Factors));
        Require(content.PrimaryNeedCode is null || ReferralCodes.PrimaryNeed.ContainsKey(content.PrimaryNeedCode), "SG-REF-11",
            "Select the child's primary need.", nameof(content.PrimaryNeedCode));
        Require(content.ChildSeenOn is null || content.ChildSeenOn >= ReferralReceivedOn, "SG-ASM-06",
            "The date the child was seen cannot be before the referral.", nameof(content.ChildSeenOn));

        DevelopmentalNeeds = Blank(content.DevelopmentalNeeds);
        ParentingCapacity = Blank(content.ParentingCapacity);
        FamilyAndEnvironment = Blank(content.FamilyAndEnvironment);
        ChildsWishesAndFeelings = Blank(content.ChildsWishesAndFeelings);
        WhyViewsNotObtained = Blank(content.WhyViewsNotObtained);
        ChildSeenOn = content.ChildSeenOn;
        SeenAlone = content.SeenAlone;
        WhyNotSeenAlone = content.SeenAlone == true ? null : Blank(content.WhyNotSeenAlone);
        FamilyViews = Blank(content.FamilyViews);
        _factors.Clear();
        _factors.AddRange(content.Factors.Distinct(StringComparer.Ordinal));
        Conclusion = content.Conclusion;
        ConclusionReasons = Blank(content.ConclusionReasons);
        PrimaryNeedCode = content.PrimaryNeedCode;
        if (Status == AssessmentStatus.Submitted)
        {
            // Changing a submitted assessment takes it back to the lead practitioner until it is submitted again.
            Status = AssessmentStatus.InProgress;
            SubmittedOn = null;
        }

        Version = Guid.NewGuid();
    }

    /// <summary>
    /// The lead practitioner submits the assessment to a manager. It must cover the three domains, the child's views or
    /// why they could not be obtained, whether the child was seen and seen alone or why not, the family's views, the DfE
    /// factors and a conclusion with reasons. After day 45 the reason for the delay is required (ASM-03, ¶169).
    /// </summary>
    /// <param name="dueOn">The last day of its 45 working days; null for a Family Help assessment, which asks no reason for taking longer.</param>
    public void Submit(Guid practitionerId, DateOnly on, DateOnly? dueOn, string? lateReason)
    {
        Require(practitionerId == LeadPractitionerId, "ASM-02", "Only the lead practitioner submits the assessment.");
        Require(Status == AssessmentStatus.InProgress, "SG-ASM-07", "The assessment has already been submitted.");
        Require(DevelopmentalNeeds is not null, "FH-02", "Describe the child's developmental needs.", nameof(DevelopmentalNeeds));
        Require(ParentingCapacity is not null, "FH-02", "Describe the parenting capacity of the parents, carers and other adults in the household.",
            nameof(ParentingCapacity));
        Require(FamilyAndEnvironment is not null, "FH-02", "Describe the family network, community and environment.", nameof(FamilyAndEnvironment));
        Require(ChildsWishesAndFeelings is not null || WhyViewsNotObtained is not null, "ASM-04",
            "Record the child's wishes and feelings, or why they could not be obtained.", nameof(ChildsWishesAndFeelings));
        Require(ChildSeenOn is not null, "ASM-04", "Record when the child was seen.", nameof(ChildSeenOn));
        Require(SeenAlone is not null, "ASM-04", "Say whether the child was seen alone.", nameof(SeenAlone));
        Require(SeenAlone == true || WhyNotSeenAlone is not null, "ASM-04", "Say why the child was not seen alone.", nameof(WhyNotSeenAlone));
        Require(FamilyViews is not null, "ASM-04", "Record the views of the parents, carers and family.", nameof(FamilyViews));
        Require(_factors.Count > 0, "SG-ASM-05", "Select the factors identified, or 'No factors identified'.", nameof(Factors));
        Require(!_factors.Contains("21") || _factors.Count == 1, "SG-ASM-05", "'No factors identified' cannot be selected with other factors.",
            nameof(Factors));
        Require(Conclusion is not null, "ASM-07", "Select the conclusion of the assessment.", nameof(Conclusion));
        Require(ConclusionReasons is not null, "ASM-07", "Give the reasons for the conclusion: they are shared with the family and practitioners.",
            nameof(ConclusionReasons));
        Require(Conclusion != AssessmentConclusion.ChildInNeed || PrimaryNeedCode is not null, "SG-REF-11", "Select the child's primary need.",
            nameof(PrimaryNeedCode));
        Require(ChildSeenOn <= on, "SG-ASM-06", "The date the child was seen cannot be after today.", nameof(ChildSeenOn));
        Require(!(on > dueOn) || !string.IsNullOrWhiteSpace(lateReason), "ASM-03",
            $"The assessment was due by {dueOn:d MMMM yyyy}, 45 working days after the referral: record why it took longer.", nameof(LateReason));
        Require((lateReason?.Length ?? 0) <= MaxTextLength, "ASM-03", $"The reason must be {MaxTextLength:N0} characters or fewer.", nameof(LateReason));
        Status = AssessmentStatus.Submitted;
        SubmittedOn = on;
        LateReason = on > dueOn ? lateReason!.Trim() : Blank(lateReason);
        ReturnedWith = null;
        Version = Guid.NewGuid();
    }

    /// <summary>A social work qualified practice supervisor or manager authorises the submitted assessment (ASM-02, ASM-10, RC-01).</summary>
    public void Authorise(Practitioner manager, DateOnly on, DateOnly? dueOn, string? lateReason = null)
    {
        Require(manager.AreaId == AreaId && manager.Has(PractitionerRole.PracticeSupervisor) && manager.IsSocialWorkQualified, "RC-01",
            "Only a social work qualified practice supervisor or manager can authorise an assessment.");
        Require(Status == AssessmentStatus.Submitted, "SG-ASM-08", "Only a submitted assessment can be authorised.");
        // The lead practitioner explains a delay when submitting; authorised after day 45, the delay still needs its reason (¶169).
        Require(!(on > dueOn) || LateReason is not null || !string.IsNullOrWhiteSpace(lateReason), "ASM-03",
            $"The assessment was due by {dueOn:d MMMM yyyy}, 45 working days after the referral: record why it took longer.", nameof(LateReason));
        Require((lateReason?.Length ?? 0) <= MaxTextLength, "ASM-03", $"The reason must be {MaxTextLength:N0} characters or fewer.", nameof(LateReason));
        if (on > dueOn && LateReason is null)
        {
            LateReason = lateReason!.Trim();
        }

        Require(on >= SubmittedOn, "SG-ASM-09", "The assessment cannot be authorised before it was submitted.");
        Status = AssessmentStatus.Authorised;
        AuthorisedOn = on;
        AuthorisedBy = manager.Id;
        Version = Guid.NewGuid();
    }

    /// <summary>The manager returns the assessment to the lead practitioner with what needs to change.</summary>
    public void Return(Practitioner manager, string whatToChange)
    {
        Require(manager.AreaId == AreaId && manager.Has(PractitionerRole.PracticeSupervisor) && manager.IsSocialWorkQualified, "RC-01",
            "Only a social work qualified practice supervisor or manager can return an assessment.");
        Require(Status == AssessmentStatus.Submitted, "SG-ASM-08", "Only a submitted assessment can be returned.");
        Require(!string.IsNullOrWhiteSpace(whatToChange) && whatToChange.Length <= MaxTextLength, "SG-ASM-10",
            "Say what needs to change before the assessment can be authorised.", "ReturnedWith");
        Status = AssessmentStatus.InProgress;
        SubmittedOn = null;
        ReturnedWith = whatToChange.Trim();
        Version = Guid.NewGuid();
    }

    /// <summary>The child turned out to have another record: this moves to the surviving record.</summary>
    public void MoveToChild(Guid survivorId) => ChildId = survivorId;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
