using Safeguard.Domain.Clocks;
using Safeguard.Domain.Events;
using Safeguard.Domain.Rules;

namespace Safeguard.Domain.Referrals;

/// <summary>What happened to a referral. Its words (concerns, reasons, the referrer's name) stay on the referral, read when rendered.</summary>
public abstract record ReferralEvent : DomainEvent
{
    public sealed override IEnumerable<ClockEvent> ClockEvents(object record) => ClockEventsOf((Referral)record);

    public sealed override string Describe(object record, IEventNames names) => DescribeOf((Referral)record, names);

    protected virtual IEnumerable<ClockEvent> ClockEventsOf(Referral referral) => [];

    protected abstract string DescribeOf(Referral referral, IEventNames names);
}

/// <summary>Children's social care received the referral: day 0 of the front door's working day (REF-04) and the 45 working days (ASM-03).</summary>
public sealed record ReferralReceived(Urgency Urgency, string SourceCode, bool IsReReferral) : ReferralEvent
{
    public override string Type => "ReferralReceived";

    protected override IEnumerable<ClockEvent> ClockEventsOf(Referral referral) => [new(EventKind.ReferralReceived, OccurredOn)];

    protected override string DescribeOf(Referral referral, IEventNames names) =>
        $"Referral {referral.Reference} from {referral.Referrer.Name} ({referral.Referrer.Role})"
        + (Urgency == Urgency.ImmediateRisk ? ": child at immediate risk" : string.Empty) + $". {referral.Concerns}";
}

/// <summary>Receipt acknowledged to the referrer (REF-04), how, and by whom when the front door recorded it.</summary>
public sealed record ReferralAcknowledged(AcknowledgementMethod How, Guid? By) : ReferralEvent
{
    public override string Type => "ReferralAcknowledged";

    protected override string DescribeOf(Referral referral, IEventNames names) => How == AcknowledgementMethod.Confirmation
        ? $"Receipt of referral {referral.Reference} confirmed to {referral.Referrer.Name} on sending."
        : $"Receipt of referral {referral.Reference} acknowledged to {referral.Referrer.Name} by {Acknowledgements.Describe(How)} ({names.Practitioner(By)}).";
}

/// <summary>
/// The front door's decision on next steps (REF-04): the outcome, the primary need, who decided, and whether a reason for lateness was
/// given (the reason itself is on the referral).
/// </summary>
public sealed record ReferralDecided(ReferralOutcome Outcome, string? PrimaryNeedCode, Guid DecidedBy, bool LateReasonGiven) : ReferralEvent
{
    public override string Type => "ReferralDecided";

    /// <summary>
    /// Decided (with any late reason); a decision for further assessment starts "see the child as soon as possible", one for no further
    /// assessment closes the episode's assessment clock (a referral opening Family Help closes nothing: it has no assessment clock), and a
    /// decision for immediate protection or a strategy discussion starts the work it asks for (IP-01, A-26).
    /// </summary>
    protected override IEnumerable<ClockEvent> ClockEventsOf(Referral referral)
    {
        var reason = LateReasonGiven ? referral.LateReason ?? "A reason was recorded." : null;
        yield return new(EventKind.ReferralDecisionRecorded, OccurredOn, reason);
        if (Outcome is ReferralOutcome.Section17Assessment or ReferralOutcome.StrategyDiscussion or ReferralOutcome.ImmediateProtection)
        {
            yield return new(EventKind.FurtherAssessmentDecided, OccurredOn);
        }
        else if (Outcome != ReferralOutcome.FamilyHelp)
        {
            yield return new(EventKind.EpisodeClosed, OccurredOn);
        }

        if (Outcome == ReferralOutcome.ImmediateProtection)
        {
            yield return new(EventKind.ImmediateProtectionNeeded, OccurredOn);
        }
        else if (Outcome == ReferralOutcome.StrategyDiscussion)
        {
            yield return new(EventKind.StrategyDiscussionDecided, OccurredOn);
        }
    }

    protected override string DescribeOf(Referral referral, IEventNames names) =>
        $"Front door decision on {referral.Reference}: {Outcome.Describe()}. {referral.DecisionReasons}";
}

/// <summary>The referrer asked for the decision to be looked at again (REF-07); their reason is on the referral.</summary>
public sealed record ReferralEscalated(int Number, Guid By) : ReferralEvent
{
    public override string Type => "ReferralEscalated";

    protected override string DescribeOf(Referral referral, IEventNames names) =>
        $"The referrer ({names.Practitioner(By)}) escalated the decision on {referral.Reference}: {At(referral)?.Reason}";

    private Escalation? At(Referral referral) => Number >= 1 && Number <= referral.Escalations.Count ? referral.Escalations[Number - 1] : null;
}

/// <summary>A manager answered the referrer's escalation (REF-07); the response is on the referral.</summary>
public sealed record ReferralEscalationAnswered(int Number, Guid By) : ReferralEvent
{
    public override string Type => "ReferralEscalationAnswered";

    protected override string DescribeOf(Referral referral, IEventNames names) =>
        $"{names.Practitioner(By)} answered the escalation on {referral.Reference}: "
        + (Number >= 1 && Number <= referral.Escalations.Count ? referral.Escalations[Number - 1].Response : null);
}

/// <summary>How an acknowledgement was sent, in words.</summary>
public static class Acknowledgements
{
    public static string Describe(AcknowledgementMethod how) => how switch
    {
        AcknowledgementMethod.Phone => "phone",
        AcknowledgementMethod.Email => "email",
        AcknowledgementMethod.Letter => "letter",
        AcknowledgementMethod.InPerson => "in person",
        _ => "the confirmation shown on sending",
    };
}
