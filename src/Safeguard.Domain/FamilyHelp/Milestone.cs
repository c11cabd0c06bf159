using Safeguard.Domain.Clocks;
using Safeguard.Domain.Rules;

namespace Safeguard.Domain.FamilyHelp;

/// <summary>Things that happen on an episode that other agencies or statutory clocks depend on.</summary>
public enum MilestoneKind
{
    /// <summary>The child may be a victim of modern slavery or trafficking: the NRM referral is due as soon as possible (NRM-01).</summary>
    PotentialVictimIdentified,

    /// <summary>The National Referral Mechanism referral was made, with its reference (NRM-01).</summary>
    NrmReferralMade,

    /// <summary>A prison child safeguarding enquiry was received (PRIS-02): recorded and answered.</summary>
    PrisonEnquiryReceived,

    /// <summary>A probation child safeguarding enquiry was received: answered the same day when asked (PROB-01).</summary>
    ProbationEnquiryReceived,

    /// <summary>A prison or probation enquiry was answered, naming the enquiry by its reference.</summary>
    EnquiryAnswered,

    /// <summary>The child moved permanently to another local authority: their information goes to it as soon as possible (CIN-04).</summary>
    MovedToAnotherArea,

    /// <summary>The transfer package (record and plan) was shared with the receiving authority (CIN-04).</summary>
    InformationSharedWithReceivingArea,

    /// <summary>The transition to adulthood, including to adult services, was planned ahead of the 18th birthday (CIN-05).</summary>
    TransitionPlanned,

    /// <summary>
    /// Another local authority told this one that a child on its child protection plan has moved here permanently: the
    /// transfer-in conference is due within 15 working days (DISC-02). The reference names the other authority.
    /// </summary>
    MovedInOnPlan,
}

/// <summary>One milestone as recorded: what, on which day, by whom, with any reference (the NRM's, the enquirer's) and a note.</summary>
public sealed record Milestone(MilestoneKind Kind, DateOnly On, Guid RecordedBy, string Note, string? Reference)
{
    /// <summary>The clock event the milestone is, if any; enquiries carry their reference so each answer meets its own enquiry.</summary>
    public ClockEvent? ToClockEvent() => Kind switch
    {
        MilestoneKind.PotentialVictimIdentified => new ClockEvent(EventKind.PotentialVictimIdentified, On),
        MilestoneKind.NrmReferralMade => new ClockEvent(EventKind.NrmReferralMade, On),
        MilestoneKind.ProbationEnquiryReceived => new ClockEvent(EventKind.SameDayEnquiryReceived, On, Instance: Reference),
        MilestoneKind.EnquiryAnswered => new ClockEvent(EventKind.EnquiryAnswered, On, Instance: Reference),
        MilestoneKind.MovedToAnotherArea => new ClockEvent(EventKind.MovedArea, On),
        MilestoneKind.InformationSharedWithReceivingArea => new ClockEvent(EventKind.InformationSharedWithReceivingArea, On),
        MilestoneKind.MovedInOnPlan => new ClockEvent(EventKind.PermanentMoveNotified, On),
        _ => null,
    };

    public static string Describe(MilestoneKind kind) => kind switch
    {
        MilestoneKind.PotentialVictimIdentified => "Potential victim of modern slavery identified",
        MilestoneKind.NrmReferralMade => "National Referral Mechanism referral made",
        MilestoneKind.PrisonEnquiryReceived => "Prison child safeguarding enquiry received",
        MilestoneKind.ProbationEnquiryReceived => "Probation child safeguarding enquiry received",
        MilestoneKind.EnquiryAnswered => "Prison or probation enquiry answered",
        MilestoneKind.MovedToAnotherArea => "Moved permanently to another local authority",
        MilestoneKind.InformationSharedWithReceivingArea => "Record and plan shared with the receiving authority",
        MilestoneKind.MovedInOnPlan => "Moved here permanently while on another area's child protection plan",
        _ => "Transition to adulthood planned",
    };
}
