using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Referrals;

namespace Safeguard.Domain.Events;

/// <summary>Every event type by its stable stored name, to read stored events back as typed events.</summary>
public static class DomainEventTypes
{
    public static readonly IReadOnlyDictionary<string, Type> ByName = new[]
    {
        typeof(ReferralReceived), typeof(ReferralAcknowledged), typeof(ReferralDecided), typeof(ReferralEscalated), typeof(ReferralEscalationAnswered),
        typeof(StrategyDiscussionHeld), typeof(StrategyDiscussionConfirmed), typeof(StrategyDiscussionEnquiryStarted), typeof(StrategyDiscussionEnquiryConcluded),
        typeof(StrategyDiscussionInitialConferenceHeld), typeof(Section47EnquiryStarted), typeof(Section47EnquiryConcluded), typeof(ConferenceRequested),
        typeof(ConferenceRequestAnswered), typeof(ConferenceRefusalEscalated), typeof(ConferenceHeld), typeof(PlanMade), typeof(CoreGroupHeld),
        typeof(ReviewConferenceHeld), typeof(PlanMoveNotified), typeof(PlanTransferInConferenceHeld), typeof(PlanMoveAbandoned), typeof(PlanLeadChanged),
        typeof(PlanEnded),
    }.ToDictionary(t => ((DomainEvent)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(t)).Type, StringComparer.Ordinal);
}
