using static Safeguard.Domain.Rules.EventKind;

namespace Safeguard.Domain.Rules;

/// <summary>
/// The catalogue of timed rules from STATUTORY-RULES.md section 2, one entry each, keyed by the spec's id: every clock
/// with a due date, then the as-soon-as-possible ones (T8). Searching for an id finds its entry here and its tests.
/// Durations that are not deadlines (a report kept public for at least one or three years, LCSPR-10 and NR-04) guard
/// withdrawal of a published report, not a clock, and are not here.
/// </summary>
public static class StatutoryRules
{
    private const string Manager = "Social work qualified practice supervisor or manager";
    private const string LeadPractitioner = "Lead practitioner";
    private const string LocalAuthority = "Local authority children's social care";
    private const string Partners = "Safeguarding partners";
    private const string Panel = "Child Safeguarding Practice Review Panel";

    private static readonly EventKind[] PlanStops = [PlanEnded, ChildDied, ReachedEighteen];

    public static readonly StatutoryRule ReferralDecision = new("REF-04", "¶167", Force.Should, "Decide what happens next on a referral",
        Timescale.WorkingDays(1), ReferralReceived, [ReferralDecisionRecorded], [ReferralMergedAsDuplicate], Manager);

    /// <summary>
    /// A section 47 enquiry begun inside the assessment does not restart it ([SD], A-04), and its conclusion is the assessment's
    /// (S47-03: the same assessment and clock): either an authorised assessment or a concluded enquiry meets it. A referral that
    /// opens Family Help starts none.
    /// </summary>
    public static readonly StatutoryRule Assessment = new("ASM-03", "¶169, [ASP], [SD]", Force.Should, "Complete the assessment",
        Timescale.WorkingDays(45), ReferralReceived, [AssessmentAuthorised, Section47Concluded],
        [EpisodeClosed, ChildDied, MovedArea, ReachedEighteen, LeftUk, ReferralMergedAsDuplicate], LeadPractitioner);

    public static readonly StatutoryRule InitialConference = new("ICPC-01", "[S47O]", Force.Should, "Hold the initial child protection conference",
        Timescale.WorkingDays(15), Section47Initiated, [InitialConferenceHeld], [Section47NotSubstantiated, DecisionNotToConvene, ChildDied, MovedArea],
        LeadPractitioner);

    public static readonly StatutoryRule FirstCoreGroup = new("CG-01", "[CPP]", Force.Should, "Hold the first core group meeting",
        Timescale.WorkingDays(10), PlanMade, [CoreGroupHeld], PlanStops, LeadPractitioner);

    public static readonly StatutoryRule FirstReviewConference = new("RCPC-01", "[CPP], [RCPC]", Force.Should, "Hold the first review conference",
        Timescale.CalendarMonths(3), PlanMade, [ReviewConferenceHeld], PlanStops, LeadPractitioner);

    /// <summary>Runs from the day the previous review was held, not from its due date, so an early review brings the next one forward .</summary>
    public static readonly StatutoryRule NextReviewConference = new("RCPC-02", "[CPP], [RCPC]", Force.Should, "Hold the next review conference",
        Timescale.CalendarMonths(6), ReviewConferenceHeld, [ReviewConferenceHeld], PlanStops, LeadPractitioner);

    public static readonly StatutoryRule TransferInConference = new("DISC-02", "[DISC]", Force.Should, "Hold the transfer-in conference",
        Timescale.WorkingDays(15), PermanentMoveNotified, [TransferInConferenceHeld], [MoveAbandoned], "Receiving local authority");

    public static readonly StatutoryRule PlanEndsByEighteen = new("DISC-03", "[DISC]", Force.Should, "End the child protection plan by the 18th birthday",
        Timescale.SameDay, EighteenthBirthdayAhead, [PlanEnded], [ChildDied], LeadPractitioner);

    public static readonly StatutoryRule InformLado = new("LADO-03", "¶264", Force.Should, "Inform the LADO of an allegation",
        Timescale.WorkingDays(1), AllegationKnown, [LadoInformed], [], "Employer or police");

    /// <summary>Day 0 is the earliest date any safeguarding partner became aware; MUST as the duty it belongs to .</summary>
    public static readonly StatutoryRule SeriousIncidentNotification = new("SIN-03", "¶372, ¶385, [SUM5]", Force.Must, "Notify the serious incident",
        Timescale.WorkingDays(5), IncidentAwareness, [IncidentNotified], [CriteriaNotMet], "Local authority (director of children's services signs off)");

    public static readonly StatutoryRule RapidReview = new("RR-01", "¶385, [SUM5]", Force.Should, "Submit the rapid review to the Panel",
        Timescale.WorkingDays(15), IncidentNotified, [RapidReviewSubmitted], [], Partners);

    public static readonly StatutoryRule PracticeReviewPublished = new("LCSPR-08", "¶385, ¶408", Force.Should, "Publish the practice review",
        Timescale.CalendarMonths(6), PracticeReviewInitiated, [EventKind.PracticeReviewPublished], [], Partners);

    public static readonly StatutoryRule PracticeReviewSentBeforePublication = new("LCSPR-09", "¶407", Force.Must,
        "Send the practice review to the Panel and the Secretary of State before publication",
        Timescale.WorkingDaysBefore(7), PracticeReviewPublicationPlanned, [PracticeReviewSentToPanelAndSecretaryOfState], [], Partners,
        NewStartSupersedes: true);

    public static readonly StatutoryRule NationalReviewPublished = new("NR-02", "¶427", Force.Should, "Publish the national review",
        Timescale.CalendarMonths(6), NationalReviewInitiated, [EventKind.NationalReviewPublished], [], Panel);

    public static readonly StatutoryRule NationalReviewSentBeforePublication = new("NR-03", "¶426", Force.Must,
        "Send the national review to the Secretary of State before publication",
        Timescale.WorkingDaysBefore(7), NationalReviewPublicationPlanned, [NationalReviewSentToSecretaryOfState], [], Panel, NewStartSupersedes: true);

    /// <summary>Day 0 is 31 March, the end of the financial year reported on: six months on is 30 September .</summary>
    public static readonly StatutoryRule YearlyReport = new("MASA-14a", "¶115", Force.Should, "Publish the yearly report (by 30 September)",
        Timescale.CalendarMonths(6), FinancialYearEnded, [YearlyReportPublished], [], Partners);

    public static readonly StatutoryRule YearlyReportSent = new("MASA-14b", "¶115", Force.Should, "Send the yearly report to the Panel and the DfE",
        Timescale.CalendarDays(7), YearlyReportPublished, [YearlyReportSentToPanel], [], Partners);

    public static readonly StatutoryRule DeathParticulars = new("CDR-12", "[CDR-REL]", Force.Must, "Supply the death's particulars to the child death review partners",
        Timescale.CalendarDays(7), DeathRegistered, [ParticularsSupplied], [], "Registrar");

    public static readonly StatutoryRule CoronerNotifies = new("CDR-13", "[CDR-REL]", Force.Must, "Notify the child death review partners of the coroner's investigation",
        Timescale.WorkingDays(3), CoronerInvestigationDecided, [ChildDeathPartnersNotified], [], "Coroner");

    /// <summary>Without the setting's own school days, the next working day stands for the next school day .</summary>
    public static readonly StatutoryRule OperationEncompass = new("POL-01", "¶284, fn54", Force.Should,
        "Notify the school before the next school day (Operation Encompass)",
        Timescale.WorkingDays(1), DomesticAbuseIncidentAttended, [EncompassNotificationSent], [], "Police");

    public static readonly StatutoryRule DetailedPlan = new("CPP-02", "[CPP]", Force.Should, "Circulate the detailed child protection plan",
        Timescale.LocalProtocol, PlanMade, [PlanCirculated], PlanStops, LeadPractitioner);

    public static readonly StatutoryRule ProbationSameDay = new("PROB-01", "¶240, ¶316", Force.Should, "Answer a same-day probation enquiry",
        Timescale.SameDay, SameDayEnquiryReceived, [EnquiryAnswered], [], LocalAuthority);

    public static readonly StatutoryRule ReferImmediately = new("REF-01", "¶146, ¶164", Force.Should, "Refer immediately when significant harm is suspected",
        Timescale.AsSoonAsPossible, SignificantHarmSuspected, [ReferralReceived], [], "Any practitioner");

    public static readonly StatutoryRule SeeTheChild = new("REF-05", "¶167", Force.Should, "See the child as soon as possible",
        Timescale.AsSoonAsPossible, FurtherAssessmentDecided, [ChildSeen], [EpisodeClosed, ChildDied, MovedArea], LeadPractitioner);

    public static readonly StatutoryRule ImmediateProtection = new("IP-01", "¶168, [IP]", Force.Must, "Secure the child's safety immediately",
        Timescale.AsSoonAsPossible, ImmediateProtectionNeeded, [EmergencyActionTaken], [ChildDied], "Local authority, police or NSPCC");

    public static readonly StatutoryRule StrategyDiscussionAfterEmergency = new("IP-05", "[IP]", Force.Should,
        "Hold a strategy discussion after emergency action", Timescale.AsSoonAsPossible, EmergencyActionTaken, [StrategyDiscussionHeld], [ChildDied],
        LocalAuthority);

    public static readonly StatutoryRule DesignatedHealthAdvice = new("SD-07", "[SD]", Force.Should,
        "Get named or designated health advice after the preliminary strategy discussion", Timescale.AsSoonAsPossible, DesignatedHealthAdviceNeeded,
        [DesignatedHealthAdviceObtained], [ChildDied], "Health");

    public static readonly StatutoryRule ShareOnPermanentMove = new("CIN-04", "[ASP]", Force.Should, "Share the child in need's information with the new area",
        Timescale.AsSoonAsPossible, MovedArea, [InformationSharedWithReceivingArea], [], "Original local authority");

    public static readonly StatutoryRule NationalReferralMechanism = new("NRM-01", "¶224", Force.Should, "Refer a potential victim of modern slavery to the NRM",
        Timescale.AsSoonAsPossible, PotentialVictimIdentified, [NrmReferralMade], [], "First responder");

    public static readonly StatutoryRule OutOfAreaPlacement = new("LAC-02", "¶233", Force.Must, "Tell the receiving area about an out-of-area placement",
        Timescale.AsSoonAsPossible, OutOfAreaPlacementDecided, [ReceivingAreaNotifiedOfPlacement], [], "Placing local authority");

    public static readonly StatutoryRule MotherAndBabyUnit = new("MBU-01", "¶312", Force.Must,
        "Send the mother and baby unit assessment referral to children's social care", Timescale.AsSoonAsPossible, MotherAndBabyUnitApplied,
        [MotherAndBabyUnitAssessmentRequested], [], "Prison");

    public static readonly StatutoryRule PrisonEnquiry = new("PRIS-01", "¶304", Force.Should, "Make a child safeguarding enquiry for a newly sentenced prisoner",
        Timescale.AsSoonAsPossible, PrisonerSentenced, [ChildSafeguardingEnquiryMade], [], "Prison");

    public static readonly StatutoryRule AllegationToSeniorManager = new("LADO-02", "¶264", Force.Should, "Tell a senior manager about the allegation immediately",
        Timescale.AsSoonAsPossible, AllegationKnown, [SeniorManagerInformed], [], "Employer");

    public static readonly StatutoryRule ChildWelfareAfterAllegation = new("LADO-05", "¶261", Force.Should,
        "Act on the child's welfare concerns behind an allegation", Timescale.AsSoonAsPossible, AllegationKnown, [ChildWelfareActionTaken], [],
        "Local authority designated officer (LADO)");

    public static readonly StatutoryRule NotifyWithoutDelay = new("SIN-04", "¶374", Force.Should, "Notify without delay, even before identities are known",
        Timescale.AsSoonAsPossible, IncidentAwareness, [IncidentNotified], [CriteriaNotMet], Partners);

    public static readonly StatutoryRule RapidReviewPromptly = new("RR-02", "¶392", Force.Should, "Start the rapid review promptly",
        Timescale.AsSoonAsPossible, IncidentNotified, [RapidReviewStarted], [], Partners);

    public static readonly StatutoryRule PracticeReviewAnnounced = new("LCSPR-02", "¶393", Force.Should,
        "Tell the Panel, Ofsted and the DfE that a practice review will be carried out", Timescale.AsSoonAsPossible, PracticeReviewInitiated,
        [PanelInformedOfPracticeReview], [], Partners);

    public static readonly StatutoryRule PanelRespondsToRapidReview = new("NR-01", "¶415", Force.Should, "Tell the safeguarding partners the Panel's view promptly",
        Timescale.AsSoonAsPossible, RapidReviewSubmitted, [PartnersInformedByPanel], [], Panel);

    public static readonly StatutoryRule AbuseOrNeglectInDeath = new("CDR-16", "¶452", Force.Should,
        "Tell the safeguarding partners and the Panel of abuse or neglect in a child's death", Timescale.AsSoonAsPossible, AbuseOrNeglectSuggestedInDeath,
        [PartnersAndPanelInformedOfDeath], [], "Any practitioner");

    /// <summary>Every rule, in the order of STATUTORY-RULES.md section 2, then the as-soon-as-possible ones in the order listed there.</summary>
    public static readonly IReadOnlyList<StatutoryRule> All =
    [
        ReferralDecision, Assessment, InitialConference, FirstCoreGroup, FirstReviewConference, NextReviewConference, TransferInConference,
        PlanEndsByEighteen, InformLado, SeriousIncidentNotification, RapidReview, PracticeReviewPublished, PracticeReviewSentBeforePublication,
        NationalReviewPublished, NationalReviewSentBeforePublication, YearlyReport, YearlyReportSent, DeathParticulars, CoronerNotifies,
        OperationEncompass, DetailedPlan, ProbationSameDay,
        ReferImmediately, SeeTheChild, ImmediateProtection, StrategyDiscussionAfterEmergency, DesignatedHealthAdvice, ShareOnPermanentMove,
        NationalReferralMechanism, OutOfAreaPlacement, MotherAndBabyUnit, PrisonEnquiry, AllegationToSeniorManager, ChildWelfareAfterAllegation,
        NotifyWithoutDelay, RapidReviewPromptly, PracticeReviewAnnounced, PanelRespondsToRapidReview, AbuseOrNeglectInDeath,
    ];

    private static readonly Dictionary<string, StatutoryRule> ById = All.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The rule with this id, ignoring case (the guidance's timed rules, then <see cref="UntilDone"/>); null when there is none.</summary>
    public static StatutoryRule? Find(string id) => ById.GetValueOrDefault(id) ?? UntilDoneById.GetValueOrDefault(id);

    // Decisions that something must happen are work until it has happened. The guidance gives these no timescale of their own, so
    // they are not in All (the guidance's timed rules, checked against its text): holding a strategy discussion the front door decided
    // runs against the area's own target, a local target never reported as a statutory breach; confirming a section 47
    // decision made without the minimum attendance, and starting the enquiry decided, are urgent until done (T8).

    /// <summary>
    /// The front door decided a strategy discussion: held within the area's own target in working days
    /// (<see cref="Organisation.LocalAuthorityArea.StrategyDiscussionTargetWorkingDays"/>); the guidance sets no number.
    /// </summary>
    public static readonly StatutoryRule StrategyDiscussionTarget = new("SD-01", "[SD]", Force.Should, "Hold the strategy discussion (local target)",
        Timescale.LocalProtocol, StrategyDiscussionDecided, [StrategyDiscussionHeld], [EpisodeClosed, ChildDied, MovedArea, ReachedEighteen, LeftUk], Manager,
        ReasonRequiredWhenLate: false);

    public static readonly StatutoryRule ConfirmSection47 = new("RC-05", "[SD]", Force.Should,
        "Confirm the section 47 decision made without the minimum attendance", Timescale.AsSoonAsPossible, Section47AwaitingConfirmation,
        [Section47Confirmed], [EpisodeClosed, ChildDied, MovedArea], Manager);

    public static readonly StatutoryRule StartSection47 = new("S47-01", "¶151", Force.Must, "Start the section 47 enquiry decided at the strategy discussion",
        Timescale.AsSoonAsPossible, Section47Initiated, [Section47EnquiryStarted], [EpisodeClosed, ChildDied, MovedArea], Manager);

    /// <summary>Work a decision creates until it has happened, which the guidance gives no timescale of its own.</summary>
    public static readonly IReadOnlyList<StatutoryRule> UntilDone = [StrategyDiscussionTarget, ConfirmSection47, StartSection47];

    private static readonly Dictionary<string, StatutoryRule> UntilDoneById = UntilDone.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
}
