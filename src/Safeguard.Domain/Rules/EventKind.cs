namespace Safeguard.Domain.Rules;

/// <summary>
/// The events in a child's (or a review's) history that start, satisfy or stop statutory clocks. An event is dated on
/// the day it happened in England (T6), except a planned date, which is dated on the day planned.
/// </summary>
public enum EventKind
{
    ReferralReceived,
    ReferralDecisionRecorded,
    ReferralMergedAsDuplicate,
    FurtherAssessmentDecided,
    ChildSeen,
    AssessmentAuthorised,
    EpisodeClosed,
    ChildDied,
    MovedArea,
    ReachedEighteen,
    LeftUk,
    SignificantHarmSuspected,
    EmergencyActionTaken,
    StrategyDiscussionHeld,
    Section47Initiated,
    Section47NotSubstantiated,

    /// <summary>
    /// A section 47 enquiry concluded with its outcome: an assessment under the guidance ([SD]: "the same assessment"), so it
    /// meets the 45 working days of the referral it belongs to (ASM-03, S47-03).
    /// </summary>
    Section47Concluded,
    DecisionNotToConvene,
    InitialConferenceHeld,
    PlanMade,
    CoreGroupHeld,
    ReviewConferenceHeld,
    PlanEnded,
    PermanentMoveNotified,
    TransferInConferenceHeld,
    MoveAbandoned,
    /// <summary>The child's 18th birthday, known in advance: dated on the birthday itself, and recorded before it (DISC-03).</summary>
    EighteenthBirthdayAhead,
    AllegationKnown,
    LadoInformed,
    SeniorManagerInformed,
    IncidentAwareness,
    IncidentNotified,
    CriteriaNotMet,
    RapidReviewSubmitted,
    PracticeReviewInitiated,
    PracticeReviewPublished,
    /// <summary>A publication date is planned: dated on the planned date, and recorded before it (LCSPR-09); a new plan replaces it.</summary>
    PracticeReviewPublicationPlanned,
    PracticeReviewSentToPanelAndSecretaryOfState,
    NationalReviewInitiated,
    NationalReviewPublished,
    /// <summary>A publication date is planned: dated on the planned date, and recorded before it (NR-03); a new plan replaces it.</summary>
    NationalReviewPublicationPlanned,
    NationalReviewSentToSecretaryOfState,
    FinancialYearEnded,
    YearlyReportPublished,
    YearlyReportSentToPanel,
    DeathRegistered,
    ParticularsSupplied,
    CoronerInvestigationDecided,
    ChildDeathPartnersNotified,
    DomesticAbuseIncidentAttended,
    EncompassNotificationSent,
    PlanCirculated,
    SameDayEnquiryReceived,
    EnquiryAnswered,
    NrmReferralMade,
    PotentialVictimIdentified,

    /// <summary>A risk to life, or a likelihood of serious immediate harm, is identified ([IP]).</summary>
    ImmediateProtectionNeeded,

    /// <summary>A preliminary strategy discussion finds a complex case that needs named or designated health advice ([SD]).</summary>
    DesignatedHealthAdviceNeeded,
    DesignatedHealthAdviceObtained,
    InformationSharedWithReceivingArea,
    OutOfAreaPlacementDecided,
    ReceivingAreaNotifiedOfPlacement,
    MotherAndBabyUnitApplied,
    MotherAndBabyUnitAssessmentRequested,
    PrisonerSentenced,
    ChildSafeguardingEnquiryMade,
    ChildWelfareActionTaken,
    RapidReviewStarted,

    /// <summary>The Panel, Ofsted and the DfE are told that a practice review will be carried out, and by whom (¶393).</summary>
    PanelInformedOfPracticeReview,

    /// <summary>The Panel tells the safeguarding partners what it thinks of their rapid review (¶415).</summary>
    PartnersInformedByPanel,
    AbuseOrNeglectSuggestedInDeath,
    PartnersAndPanelInformedOfDeath,

    /// <summary>The front door decided a strategy discussion is needed (¶168): the area's own target for holding it starts .</summary>
    StrategyDiscussionDecided,

    /// <summary>Section 47 enquiries were decided without the minimum attendance: a manager must confirm before they start (RC-05).</summary>
    Section47AwaitingConfirmation,

    /// <summary>A social work qualified manager confirmed a section 47 decision made without the minimum attendance (RC-05).</summary>
    Section47Confirmed,

    /// <summary>The section 47 enquiry a strategy discussion initiated has its record, with its lead (S47-01, RC-03).</summary>
    Section47EnquiryStarted,
}
