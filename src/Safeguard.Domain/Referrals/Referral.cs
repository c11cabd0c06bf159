using Safeguard.Domain.Calendar;
using Safeguard.Domain.Children;
using Safeguard.Domain.Clocks;
using Safeguard.Domain.Events;
using Safeguard.Domain.Rules;
using Safeguard.Domain.Organisation;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.Referrals;

/// <summary>How soon the referrer thinks the child needs a response.</summary>
public enum Urgency
{
    Standard,
    Urgent,

    /// <summary>The child is at immediate risk: the front door considers immediate protection at once.</summary>
    ImmediateRisk,
}

/// <summary>The next steps a social work qualified practice supervisor or manager decides (¶167, REF-04).</summary>
public enum ReferralOutcome
{
    /// <summary>Emergency action to protect the child now, then a strategy discussion as soon as possible.</summary>
    ImmediateProtection,

    /// <summary>Reasonable cause to suspect significant harm: a strategy discussion.</summary>
    StrategyDiscussion,

    /// <summary>An assessment of the child's needs under section 17.</summary>
    Section17Assessment,

    /// <summary>Targeted Family Help, with the family's agreement.</summary>
    FamilyHelp,

    /// <summary>Universal or community help, with suggested services; no further action by children's social care.</summary>
    UniversalHelp,

    NoFurtherAction,
}

/// <summary>How receipt of a referral was acknowledged to the referrer (REF-04).</summary>
public enum AcknowledgementMethod
{
    /// <summary>The referrer sent it through Safeguard and was shown its reference at once.</summary>
    Confirmation,
    Phone,
    Email,
    Letter,
    InPerson,
}

/// <summary>Who raised the concern: a practitioner signed in to Safeguard, or a person the front door recorded.</summary>
public sealed record Referrer(Guid? PractitionerId, Guid? AgencyId, string Name, string Role, string? Phone, string? Email);

/// <summary>A parent, carer or other adult the referrer names, as they named them.</summary>
public sealed record ReferralAdult(string Name, RelationshipKind Relationship, DateOnly? DateOfBirth, bool LivesWithChild, bool ParentalResponsibility,
    string? Phone);

/// <summary>Another child in the household, as the referrer named them.</summary>
public sealed record HouseholdChild(string Name, DateOnly? DateOfBirth);

/// <summary>What the referrer tells the local authority (¶164, REF-02), in their own words.</summary>
public sealed record ReferralDetails(
    string Concerns,
    IReadOnlyCollection<HarmType> HarmTypes,
    HarmContext HarmContexts,
    string? ChildsViews,
    bool FamilyKnows,
    bool? FamilyAgrees,
    string? WhyFamilyNotToldOrAgreed,
    Urgency Urgency,
    string SourceCode,
    IReadOnlyList<ReferralAdult>? Adults = null,
    IReadOnlyList<HouseholdChild>? HouseholdChildren = null);

/// <summary>A referrer not satisfied with the decision asks for it to be looked at again (¶165, REF-07).</summary>
public sealed record Escalation(DateTimeOffset RaisedAt, string Reason, DateTimeOffset? RespondedAt = null, Guid? RespondedBy = null,
    string? Response = null);

/// <summary>
/// A referral to the local authority's children's social care about one child. It is acknowledged to the referrer,
/// and a social work qualified practice supervisor or manager decides next steps within one working day of
/// receipt (REF-04, ¶167); the referrer is told the decision and why (REF-06, ¶165) and may escalate (REF-07).
/// </summary>
public sealed class Referral : IRecordsEvents
{
    public const int MaxTextLength = 10_000;

    private readonly List<DomainEvent> _pendingEvents = [];

    private readonly List<HarmType> _harmTypes = [];
    private readonly List<Escalation> _escalations = [];
    private readonly List<ReferralAdult> _adults = [];
    private readonly List<HouseholdChild> _householdChildren = [];

    private Referral()
    {
        Reference = Concerns = SourceCode = string.Empty;
        Referrer = null!;
    }

    private Referral(Guid id, Guid areaId, string reference, Child child, Referrer referrer, ReferralDetails details,
        DateTimeOffset receivedAt, DateOnly receivedOn, bool isReReferral, Guid? recordedBy, ChildAsSent? childAsSent, DateTimeOffset? keyedAt)
    {
        RecordedBy = recordedBy;
        KeyedAt = keyedAt;
        ChildAsSent = childAsSent;
        Id = id;
        AreaId = areaId;
        Reference = reference;
        ChildId = child.Id;
        Referrer = referrer;
        Concerns = details.Concerns.Trim();
        _harmTypes.AddRange(details.HarmTypes.Distinct());
        _adults.AddRange(details.Adults ?? []);
        _householdChildren.AddRange(details.HouseholdChildren ?? []);
        HarmContexts = details.HarmContexts;
        ChildsViews = Blank(details.ChildsViews);
        FamilyKnows = details.FamilyKnows;
        FamilyAgrees = details.FamilyAgrees;
        WhyFamilyNotToldOrAgreed = Blank(details.WhyFamilyNotToldOrAgreed);
        Urgency = details.Urgency;
        SourceCode = details.SourceCode;
        ReceivedAt = receivedAt;
        ReceivedOn = receivedOn;
        IsReReferral = isReReferral;
        _pendingEvents.Add(new ReferralReceived(Urgency, SourceCode, IsReReferral) { OccurredOn = receivedOn });
    }

    /// <inheritdoc/>
    public IReadOnlyList<DomainEvent> PendingEvents => _pendingEvents;

    /// <inheritdoc/>
    public void ClearPendingEvents() => _pendingEvents.Clear();

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    /// <summary>The reference the referrer is given on the confirmation page, e.g. "NM-2026-4F7K2Q".</summary>
    public string Reference { get; private set; }

    public Guid ChildId { get; private set; }

    /// <summary>The child's episode the referral opened or joined (a child open to the local authority has one open episode).</summary>
    public Guid? EpisodeId { get; private set; }

    public Referrer Referrer { get; private set; }

    /// <summary>
    /// The practitioner whose account sent the referral: the referrer themselves, or the front door's practitioner who recorded
    /// a concern someone phoned in (the referrer is then who called). Unknown for referrals made before this was kept.
    /// </summary>
    public Guid? RecordedBy { get; private set; }

    /// <summary>The child as the referrer described them: what the referrer is shown, whichever record the child turns out to have.</summary>
    public ChildAsSent? ChildAsSent { get; private set; }

    public string Concerns { get; private set; }

    public IReadOnlyList<HarmType> HarmTypes => _harmTypes;

    /// <summary>Parents, carers and other adults in the child's life, as the referrer named them.</summary>
    public IReadOnlyList<ReferralAdult> Adults => _adults;

    /// <summary>Other children in the household: each may need to be considered too.</summary>
    public IReadOnlyList<HouseholdChild> HouseholdChildren => _householdChildren;

    public HarmContext HarmContexts { get; private set; }

    /// <summary>What the child has said and what they want, in their words where possible.</summary>
    public string? ChildsViews { get; private set; }

    public bool FamilyKnows { get; private set; }

    public bool? FamilyAgrees { get; private set; }

    /// <summary>Consent is not needed to share information to protect a child; the reason is still recorded.</summary>
    public string? WhyFamilyNotToldOrAgreed { get; private set; }

    public Urgency Urgency { get; private set; }

    /// <summary>The DfE referral source code (N00152).</summary>
    public string SourceCode { get; private set; }

    /// <summary>
    /// When children's social care received the concern: for one phoned or emailed in and keyed later, the time it came in, not the
    /// time it was keyed (A-03: the clock runs from first receipt).
    /// </summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>Day 0 of the one-working-day decision clock and the 45-working-day assessment clock (T6).</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>When the front door keyed a concern phoned or emailed in, if later than it was received; null when it was sent through Safeguard.</summary>
    public DateTimeOffset? KeyedAt { get; private set; }

    /// <summary>A referral within 12 months of the child's previous referral (CIN census re-referral).</summary>
    public bool IsReReferral { get; private set; }

    /// <summary>When receipt was acknowledged to the referrer (REF-04): as it was sent, never assumed.</summary>
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>How it was acknowledged: the confirmation shown to a referrer who sent it, or as the front door told them.</summary>
    public AcknowledgementMethod? AcknowledgedHow { get; private set; }

    /// <summary>Who recorded the acknowledgement sent (none for the confirmation shown on sending).</summary>
    public Guid? AcknowledgedBy { get; private set; }

    /// <summary>Receipt still to be acknowledged to the referrer.</summary>
    public bool AwaitsAcknowledgement => AcknowledgedAt is null;

    public ReferralOutcome? Outcome { get; private set; }

    /// <summary>The reasons for the decision, shared with the referrer (¶165).</summary>
    public string? DecisionReasons { get; private set; }

    /// <summary>Other help suggested when the decision is below the statutory threshold (REF-06).</summary>
    public string? SuggestedServices { get; private set; }

    public string? PrimaryNeedCode { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    /// <summary>Why the decision came after the one-working-day timescale (¶6: a departure from a SHOULD is explained).</summary>
    public string? LateReason { get; private set; }

    public bool IsDecided => Outcome is not null;

    /// <summary>The CIN census ReferralNFA flag: children's social care takes no further action.</summary>
    public bool IsNoFurtherAction => Outcome is ReferralOutcome.NoFurtherAction or ReferralOutcome.UniversalHelp;

    public IReadOnlyList<Escalation> Escalations => _escalations;

    /// <summary>
    /// Receives a referral. <paramref name="previousReferralOn"/> is the child's last referral before this one, if
    /// any, so that a referral within 12 months of it is marked as a re-referral.
    /// </summary>
    /// <param name="recordedBy">The practitioner whose account sent it (see <see cref="ReferralSender"/>).</param>
    /// <param name="childAsSent">The child as the referrer described them.</param>
    /// <param name="keyedAt">
    /// When the front door keyed a concern that was phoned or emailed in: <paramref name="receivedAt"/> is when it came in and
    /// cannot be after this (SG-REF-25). Null when the referral arrives as it is sent.
    /// </param>
    public static Referral Receive(Guid id, Guid areaId, string reference, Child child, Referrer referrer, ReferralDetails details,
        DateTimeOffset receivedAt, DateOnly receivedOn, DateOnly? previousReferralOn, Guid? recordedBy = null, ChildAsSent? childAsSent = null,
        DateTimeOffset? keyedAt = null)
    {
        Require(keyedAt is null || receivedAt <= keyedAt, ReceivedInFutureRule, "The time the concern was received cannot be in the future.",
            nameof(ReceivedAt));
        Require(child.AreaId == areaId, "SG-REF-01", "The child's record is in another area.");
        Require(!string.IsNullOrWhiteSpace(details.Concerns), "SG-REF-02", "Describe your concerns about the child.", nameof(ReferralDetails.Concerns));
        Require(details.Concerns.Length <= MaxTextLength, "SG-REF-02", $"Concerns must be {MaxTextLength:N0} characters or fewer.", nameof(ReferralDetails.Concerns));
        Require((details.ChildsViews?.Length ?? 0) <= MaxTextLength, "SG-REF-03", $"The child's views must be {MaxTextLength:N0} characters or fewer.", nameof(ReferralDetails.ChildsViews));
        Require(details.HarmTypes.Count > 0, "SG-REF-04", "Select the kinds of harm you are worried about.", nameof(ReferralDetails.HarmTypes));
        Require(ReferralCodes.Source.ContainsKey(details.SourceCode), "SG-REF-05", "Select who the referral comes from.", nameof(ReferralDetails.SourceCode));
        Require(!string.IsNullOrWhiteSpace(referrer.Name), "SG-REF-06", "Enter the referrer's name.", "ReferrerName");
        // Consent is not required to share information to protect a child (chapter 1), but not telling the family,
        // or going ahead without their agreement, is recorded with the reason.
        Require(details.FamilyKnows && details.FamilyAgrees == true || !string.IsNullOrWhiteSpace(details.WhyFamilyNotToldOrAgreed),
            "SG-REF-07", "Say why the family does not know about the referral, or why it is going ahead without their agreement.",
            nameof(ReferralDetails.WhyFamilyNotToldOrAgreed));
        Require((details.WhyFamilyNotToldOrAgreed?.Length ?? 0) <= MaxTextLength, "SG-REF-07", $"The reason must be {MaxTextLength:N0} characters or fewer.",
            nameof(ReferralDetails.WhyFamilyNotToldOrAgreed));
        var adults = details.Adults ?? [];
        Require(adults.Count <= 10 && (details.HouseholdChildren?.Count ?? 0) <= 10, "SG-REF-20", "Name up to 10 adults and 10 other children.");
        Require(adults.All(a => !string.IsNullOrWhiteSpace(a.Name) && a.Name.Length <= 200 && (a.Phone?.Length ?? 0) <= 40), "SG-REF-20",
            "Give each adult's name (200 characters or fewer).", "Adults");
        Require((details.HouseholdChildren ?? []).All(c => !string.IsNullOrWhiteSpace(c.Name) && c.Name.Length <= 200), "SG-REF-20",
            "Give each other child's name (200 characters or fewer).", "HouseholdChildren");
        // A pre-birth referral is about the unborn baby and the pregnant person: they are named.
        Require(!child.IsUnborn || adults.Any(a => a.Relationship is RelationshipKind.ExpectantParent or RelationshipKind.Mother), "SG-REF-21",
            "Name the pregnant person for a pre-birth referral.", "Adults");
        var isReReferral = previousReferralOn is { } previous && previous.AddMonths(12) >= receivedOn;
        return new Referral(id, areaId, reference, child, referrer, details, receivedAt, receivedOn, isReReferral, recordedBy, childAsSent,
            keyedAt is { } keyed && keyed > receivedAt ? keyed : null);
    }

    /// <summary>A concern keyed later keeps the time it was received, which cannot be after it is keyed.</summary>
    public const string ReceivedInFutureRule = "SG-REF-25";

    /// <summary>Receipt is acknowledged once, when it is sent, by a way the referrer is reached.</summary>
    public const string AcknowledgementRule = "SG-REF-26";

    /// <summary>The child turned out to have an existing record: the referral moves to it (after <see cref="Child.MergeInto"/>).</summary>
    /// <param name="survivorsOpenEpisodeId">The surviving record's open episode, which this referral joins instead of its own.</param>
    /// <param name="survivorsPreviousReferralOn">The surviving record's last referral before this one, if any: within 12 months, this is a re-referral.</param>
    public void MoveToChild(Child survivor, Guid? survivorsOpenEpisodeId = null, DateOnly? survivorsPreviousReferralOn = null)
    {
        Require(survivor.AreaId == AreaId, "SG-REF-01", "The child's record is in another area.");
        ChildId = survivor.Id;
        EpisodeId = survivorsOpenEpisodeId ?? EpisodeId;
        if (survivorsPreviousReferralOn is { } previous && previous <= ReceivedOn && previous.AddMonths(12) >= ReceivedOn)
        {
            IsReReferral = true;
        }
    }

    /// <summary>
    /// The referral belongs to the child's episode: the one it opened, or the one already open when it arrived, which it
    /// joins rather than opening a second (census 8815).
    /// </summary>
    public void BelongTo(Guid episodeId)
    {
        Require(EpisodeId is null || EpisodeId == episodeId, "SG-REF-22", "The referral already belongs to another episode.");
        EpisodeId = episodeId;
    }

    /// <summary>
    /// The referrer sent the referral through Safeguard and was shown its reference at that moment: that confirmation is the
    /// acknowledgement (REF-04). Acknowledging twice keeps the first time.
    /// </summary>
    public void Acknowledge(DateTimeOffset at)
    {
        if (AcknowledgedAt is null)
        {
            AcknowledgedAt = at;
            AcknowledgedHow = AcknowledgementMethod.Confirmation;
            _pendingEvents.Add(new ReferralAcknowledged(AcknowledgementMethod.Confirmation, null) { OccurredOn = EnglandClock.ToEnglandDate(at) });
        }
    }

    /// <summary>
    /// The front door records the acknowledgement of a concern phoned or emailed in, as and when it was sent to the referrer
    /// (REF-04): how, and when — not in the future, not before the concern was received — once.
    /// </summary>
    public void RecordAcknowledgement(Practitioner by, AcknowledgementMethod how, DateTimeOffset sentAt, DateTimeOffset now)
    {
        Require(by.AreaId == AreaId, "SG-REF-01", "The acknowledgement must be recorded in the area that received the referral.");
        Require(AcknowledgedAt is null, AcknowledgementRule, "Receipt of this referral has already been acknowledged to the referrer.");
        Require(how != AcknowledgementMethod.Confirmation, AcknowledgementRule, "Say how the referrer was told their referral was received.",
            nameof(AcknowledgedHow));
        Require(sentAt <= now, AcknowledgementRule, "The acknowledgement cannot be dated in the future.", nameof(AcknowledgedAt));
        Require(sentAt >= ReceivedAt, AcknowledgementRule, "The acknowledgement cannot be before the concern was received.", nameof(AcknowledgedAt));
        AcknowledgedAt = sentAt;
        AcknowledgedHow = how;
        AcknowledgedBy = by.Id;
        _pendingEvents.Add(new ReferralAcknowledged(how, by.Id) { OccurredOn = EnglandClock.ToEnglandDate(sentAt) });
    }

    /// <summary>
    /// A referral that opens Family Help asks for no assessment under section 17 or 47: it starts no 45-working-day clock
    /// (ASM-03) and no late reason is asked of its work.
    /// </summary>
    public bool OpensFamilyHelp => Outcome == ReferralOutcome.FamilyHelp;

    /// <summary>The front door decided on further assessment: an assessment (and its 45 working days, ASM-03) belongs to this referral.</summary>
    public bool AsksForAssessment => Outcome is ReferralOutcome.Section17Assessment or ReferralOutcome.StrategyDiscussion or ReferralOutcome.ImmediateProtection;

    /// <summary>
    /// Records the decision on next steps. Only a social work qualified practice supervisor or manager may
    /// decide (RC-01); reasons are always given; the DfE primary need is recorded unless children's social care
    /// takes no further action (CIN census 8610).
    /// </summary>
    public void RecordDecision(Practitioner decider, ReferralOutcome outcome, string reasons, string? primaryNeedCode, string? suggestedServices,
        DateTimeOffset at, DateOnly on, DateOnly dueOn, string? lateReason = null)
    {
        Require(on <= dueOn || !string.IsNullOrWhiteSpace(lateReason), "REF-04",
            $"The decision was due by {dueOn:d MMMM yyyy}, one working day after the referral: record why it is late.", nameof(LateReason));
        Require((lateReason?.Length ?? 0) <= MaxTextLength, "REF-04", $"The reason must be {MaxTextLength:N0} characters or fewer.", nameof(LateReason));
        Require(decider.AreaId == AreaId, "SG-REF-01", "The decision must be made in the area that received the referral.");
        Require(decider.Has(PractitionerRole.PracticeSupervisor) && decider.IsSocialWorkQualified, "RC-01",
            "Only a social work qualified practice supervisor or manager can decide next steps on a referral.");
        Require(!IsDecided, "SG-REF-08", "A decision has already been recorded on this referral.");
        Require(!string.IsNullOrWhiteSpace(reasons), "SG-REF-09", "Give the reasons for the decision: they are shared with the referrer.", "DecisionReasons");
        Require(reasons.Length <= MaxTextLength, "SG-REF-09", $"Reasons must be {MaxTextLength:N0} characters or fewer.", "DecisionReasons");
        Require(on >= ReceivedOn, "SG-REF-10", "The decision cannot be dated before the referral was received.", "DecidedOn");
        var noFurtherAction = outcome is ReferralOutcome.NoFurtherAction or ReferralOutcome.UniversalHelp;
        Require(noFurtherAction || primaryNeedCode is not null && ReferralCodes.PrimaryNeed.ContainsKey(primaryNeedCode), "SG-REF-11",
            "Select the child's primary need.", "PrimaryNeedCode");
        Require(outcome != ReferralOutcome.UniversalHelp || !string.IsNullOrWhiteSpace(suggestedServices), "REF-06",
            "Suggest the universal or community services that could help: the referrer and family are told.", "SuggestedServices");

        Outcome = outcome;
        DecisionReasons = reasons.Trim();
        SuggestedServices = Blank(suggestedServices);
        PrimaryNeedCode = primaryNeedCode;
        DecidedBy = decider.Id;
        DecidedAt = at;
        DecidedOn = on;
        LateReason = on > dueOn ? lateReason!.Trim() : null;
        _pendingEvents.Add(new ReferralDecided(outcome, primaryNeedCode, decider.Id, LateReason is not null) { OccurredOn = on });
    }

    /// <summary>
    /// The referral's own events as its state shows them, for a referral saved before its events were stored (docs/decisions/0009);
    /// its stored events give the same (<see cref="ReferralEvent"/>). Received (day 0 of REF-04 and ASM-03), decided (with any late
    /// reason), and, when the decision is further assessment, the start of "see the child as soon as possible"; a decision for
    /// immediate protection or a strategy discussion starts the work it asks for (<see cref="WorkDecided"/>).
    /// </summary>
    public IReadOnlyList<ClockEvent> History()
    {
        var events = new List<ClockEvent>(3) { new(EventKind.ReferralReceived, ReceivedOn) };
        if (DecidedOn is { } decided)
        {
            events.Add(new(EventKind.ReferralDecisionRecorded, decided, LateReason));
            if (Outcome is ReferralOutcome.Section17Assessment or ReferralOutcome.StrategyDiscussion or ReferralOutcome.ImmediateProtection)
            {
                events.Add(new(EventKind.FurtherAssessmentDecided, decided));
            }
            else if (!OpensFamilyHelp)
            {
                // No further assessment: the referral closes the episode, and the 45-day assessment clock with it. (A referral that
                // opens Family Help closes nothing: it has no assessment clock at all, see OpensFamilyHelp.)
                events.Add(new(EventKind.EpisodeClosed, decided));
            }

            events.AddRange(WorkDecided(decided));
        }

        return events;
    }

    /// <summary>
    /// What the decision says must now happen, which is work until it has: immediate protection needs emergency action, as soon as
    /// possible (IP-01), which is recorded when it is taken, never assumed from the decision; a strategy discussion is held within the
    /// area's own target.
    /// </summary>
    private IEnumerable<ClockEvent> WorkDecided(DateOnly decided)
    {
        switch (Outcome)
        {
            case ReferralOutcome.ImmediateProtection:
                yield return new(EventKind.ImmediateProtectionNeeded, decided);
                break;
            case ReferralOutcome.StrategyDiscussion:
                yield return new(EventKind.StrategyDiscussionDecided, decided);
                break;
        }
    }

    /// <summary>The referrer is not satisfied with the decision and asks for it to be reconsidered (REF-07).</summary>
    public void Escalate(Guid practitionerId, string reason, DateTimeOffset at)
    {
        Require(Referrer.PractitionerId == practitionerId, "SG-REF-12", "Only the referrer can escalate their referral.");
        Require(IsDecided, "SG-REF-13", "A referral can be escalated once a decision has been made.");
        Require(!string.IsNullOrWhiteSpace(reason) && reason.Length <= MaxTextLength, "SG-REF-14",
            "Say why you are not satisfied with the decision.", nameof(Escalation.Reason));
        Require(_escalations.TrueForAll(e => e.Response is not null), "SG-REF-15",
            "Your earlier escalation is still waiting for a manager's response.");
        _escalations.Add(new Escalation(at, reason.Trim()));
        _pendingEvents.Add(new ReferralEscalated(_escalations.Count, practitionerId) { OccurredOn = EnglandClock.ToEnglandDate(at) });
    }

    /// <summary>A manager answers the open escalation; the referrer sees the response.</summary>
    public void RespondToEscalation(Practitioner manager, string response, DateTimeOffset at)
    {
        Require(manager.Has(PractitionerRole.PracticeSupervisor) && manager.AreaId == AreaId, "RC-01",
            "Only a social work qualified practice supervisor or manager can respond to an escalation.");
        var open = _escalations.FindIndex(e => e.Response is null);
        Require(open >= 0, "SG-REF-16", "There is no open escalation on this referral.");
        Require(!string.IsNullOrWhiteSpace(response) && response.Length <= MaxTextLength, "SG-REF-17", "Enter the response to the referrer.", nameof(Escalation.Response));
        _escalations[open] = _escalations[open] with { RespondedAt = at, RespondedBy = manager.Id, Response = response.Trim() };
        _pendingEvents.Add(new ReferralEscalationAnswered(open + 1, manager.Id) { OccurredOn = EnglandClock.ToEnglandDate(at) });
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public static class ReferralOutcomes
{
    /// <summary>The decision as the referrer and the family are told it.</summary>
    public static string Describe(this ReferralOutcome outcome) => outcome switch
    {
        ReferralOutcome.ImmediateProtection => "Immediate protection, then a strategy discussion",
        ReferralOutcome.StrategyDiscussion => "Strategy discussion: reasonable cause to suspect significant harm",
        ReferralOutcome.Section17Assessment => "Assessment of the child's needs (section 17)",
        ReferralOutcome.FamilyHelp => "Family Help",
        ReferralOutcome.UniversalHelp => "Universal or community help",
        _ => "No further action by children's social care",
    };
}
