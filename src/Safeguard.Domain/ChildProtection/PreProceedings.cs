using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Organisation;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.ChildProtection;

/// <summary>How pre-proceedings ended, or that they were not started.</summary>
public enum PreProceedingsOutcome
{
    /// <summary>The local authority decided not to start pre-proceedings.</summary>
    NotStarted,

    /// <summary>Care proceedings were issued (section 31).</summary>
    ProceedingsIssued,

    /// <summary>Ended without proceedings: the parents made the changes, and the child protection or child in need plan carries on.</summary>
    EndedWithoutProceedings,
}

/// <summary>The letter before proceedings: when it was sent, the changes the parents are required to make, and the support put in place (PRE-02).</summary>
public sealed record LetterBeforeProceedings(DateOnly SentOn, string ExpectationsOfParents, string Support, DateOnly? MeetingOn, Guid RecordedBy);

/// <summary>
/// Family group decision-making offered during pre-proceedings (PRE-02, ¶202): accepted or declined, whether an independent
/// coordinator is used, and private family time offered unless it would be unsafe.
/// </summary>
public sealed record FamilyGroupOffer(DateOnly OfferedOn, bool Accepted, bool IndependentCoordinator, bool PrivateFamilyTime, string? WhyNoPrivateFamilyTime,
    string? Notes, Guid RecordedBy);

/// <summary>A key discussion with the family, kept as evidence of decision-making (PRE-02): when, who took part, and what was agreed.</summary>
public sealed record KeyDiscussion(DateOnly HeldOn, string Who, string WhatWasAgreed, Guid RecordedBy);

/// <summary>
/// The local authority's decision whether to start pre-proceedings, once the child protection process has been carried out
/// and the child is still not protected enough (PRE-01) — made by a social work qualified manager, with reasons and
/// informed by the other agencies' views — and, when started, the letter before proceedings, family group decision-making
/// offered and the records of key discussions (PRE-02). Pre-proceedings run alongside the child protection plan
/// (STATUTORY-RULES §5) and end when proceedings are issued or the local authority steps back.
/// </summary>
public sealed class PreProceedings
{
    public const int MaxTextLength = 10_000;

    private readonly List<FamilyGroupOffer> _familyGroupOffers = [];
    private readonly List<KeyDiscussion> _keyDiscussions = [];

    private PreProceedings()
    {
        Reasons = AgencyViews = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid ChildId { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    /// <summary>The social work qualified manager who decided for the local authority.</summary>
    public Guid DecidedBy { get; private set; }

    /// <summary>Whether the local authority decided to start pre-proceedings.</summary>
    public bool Started { get; private set; }

    public string Reasons { get; private set; }

    /// <summary>The other agencies' views that informed the decision (PRE-01).</summary>
    public string AgencyViews { get; private set; }

    public LetterBeforeProceedings? Letter { get; private set; }

    public IReadOnlyList<FamilyGroupOffer> FamilyGroupOffers => _familyGroupOffers;

    public IReadOnlyList<KeyDiscussion> KeyDiscussions => _keyDiscussions;

    public DateOnly? EndedOn { get; private set; }

    public PreProceedingsOutcome? Outcome { get; private set; }

    public string? OutcomeReasons { get; private set; }

    public DateOnly? ProceedingsIssuedOn => Outcome == PreProceedingsOutcome.ProceedingsIssued ? EndedOn : null;

    public bool IsOpen => Started && EndedOn is null;

    public Guid Version { get; private set; }

    /// <summary>
    /// A social work qualified manager records the local authority's decision whether to start pre-proceedings (PRE-01), with
    /// the reasons — the child still not protected enough, the threshold for care proceedings met in principle — and the
    /// other agencies' views. A decision not to start is recorded too, and ends there.
    /// </summary>
    public static PreProceedings Decide(Guid id, Episode episode, Practitioner manager, DateOnly on, bool? start, string reasons, string agencyViews,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(manager);
        Require(episode.IsOpen, "SG-EP-13", "The episode is closed.");
        Require(manager.AreaId == episode.AreaId && manager.Has(PractitionerRole.PracticeSupervisor) && manager.IsSocialWorkQualified, "PRE-01",
            "Only a social work qualified practice supervisor or manager decides for the local authority whether to start pre-proceedings.");
        Require(on >= episode.OpenedOn && on <= today, "SG-PRE-01", "The decision's date must be between the episode's opening and today.", "DecidedOn");
        Require(start is not null, "PRE-01", "Say whether the local authority will start pre-proceedings.", "Start");
        Require(!string.IsNullOrWhiteSpace(reasons) && reasons.Length <= MaxTextLength, "PRE-01",
            "Give the reasons: whether the child is still not protected enough and the threshold for care proceedings is met in principle.", "Reasons");
        Require(!string.IsNullOrWhiteSpace(agencyViews) && agencyViews.Length <= MaxTextLength, "PRE-01",
            "Record the other agencies' views that informed the decision.", "AgencyViews");
        return new PreProceedings
        {
            Id = id,
            AreaId = episode.AreaId,
            EpisodeId = episode.Id,
            ChildId = episode.ChildId,
            DecidedOn = on,
            DecidedBy = manager.Id,
            Started = start!.Value,
            Reasons = reasons.Trim(),
            AgencyViews = agencyViews.Trim(),
            EndedOn = start.Value ? null : on,
            Outcome = start.Value ? null : PreProceedingsOutcome.NotStarted,
            Version = Guid.NewGuid(),
        };
    }

    /// <summary>The letter before proceedings (PRE-02): the changes the parents are required to make, set out clearly, and the support put in place.</summary>
    public void SendLetter(Guid by, DateOnly sentOn, string expectationsOfParents, string support, DateOnly? meetingOn, DateOnly today)
    {
        RequireOpen();
        Require(Letter is null, "SG-PRE-02", "The letter before proceedings has already been recorded.");
        Require(sentOn >= DecidedOn && sentOn <= today, "SG-PRE-03", "The letter's date must be between the decision and today.", "SentOn");
        Require(!string.IsNullOrWhiteSpace(expectationsOfParents) && expectationsOfParents.Length <= MaxTextLength, "PRE-02",
            "Set out clearly the changes the parents are required to make.", "ExpectationsOfParents");
        Require(!string.IsNullOrWhiteSpace(support) && support.Length <= MaxTextLength, "PRE-02",
            "Say what support and services are put in place for the family.", "Support");
        Require(meetingOn is null || meetingOn >= sentOn, "SG-PRE-04", "The pre-proceedings meeting comes after the letter.", "MeetingOn");
        Letter = new LetterBeforeProceedings(sentOn, expectationsOfParents.Trim(), support.Trim(), meetingOn, by);
        Touch();
    }

    /// <summary>
    /// Family group decision-making offered (PRE-02, ¶202): the family's answer, whether an independent coordinator is used,
    /// and private family time, offered unless it would be unsafe.
    /// </summary>
    public void OfferFamilyGroupDecisionMaking(Guid by, DateOnly offeredOn, bool? accepted, bool? independentCoordinator, bool? privateFamilyTime,
        string? whyNoPrivateFamilyTime, string? notes, DateOnly today)
    {
        RequireOpen();
        Require(offeredOn >= DecidedOn && offeredOn <= today, "SG-PRE-05", "The offer's date must be between the decision and today.", "OfferedOn");
        Require(accepted is not null, "PRE-02", "Say whether the family accepted or declined family group decision-making.", "Accepted");
        Require(independentCoordinator is not null, "PRE-02", "Say whether an independent coordinator will run it (the guidance asks you to consider one).",
            "IndependentCoordinator");
        Require(privateFamilyTime is not null, "PRE-02", "Say whether the family are offered private family time.", "PrivateFamilyTime");
        Require(privateFamilyTime == true || !string.IsNullOrWhiteSpace(whyNoPrivateFamilyTime), "PRE-02",
            "Private family time is offered unless it would be unsafe: say why it is not.", "WhyNoPrivateFamilyTime");
        Require((whyNoPrivateFamilyTime?.Length ?? 0) <= MaxTextLength && (notes?.Length ?? 0) <= MaxTextLength, "SG-PRE-06",
            "This must be 10,000 characters or fewer.", "Notes");
        _familyGroupOffers.Add(new FamilyGroupOffer(offeredOn, accepted!.Value, independentCoordinator!.Value, privateFamilyTime!.Value,
            privateFamilyTime.Value ? null : whyNoPrivateFamilyTime!.Trim(), string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(), by));
        Touch();
    }

    /// <summary>A key discussion with the family, kept as evidence of decision-making (PRE-02).</summary>
    public void RecordKeyDiscussion(Guid by, DateOnly heldOn, string who, string whatWasAgreed, DateOnly today)
    {
        RequireOpen();
        Require(heldOn >= DecidedOn && heldOn <= today, "SG-PRE-07", "The discussion's date must be between the decision and today.", "HeldOn");
        Require(!string.IsNullOrWhiteSpace(who) && who.Length <= 500, "PRE-02", "Say who took part in the discussion.", "Who");
        Require(!string.IsNullOrWhiteSpace(whatWasAgreed) && whatWasAgreed.Length <= MaxTextLength, "PRE-02", "Record what was agreed.", "WhatWasAgreed");
        _keyDiscussions.Add(new KeyDiscussion(heldOn, who.Trim(), whatWasAgreed.Trim(), by));
        Touch();
    }

    /// <summary>Pre-proceedings end (a local authority decision, by a social work qualified manager): proceedings issued, or ended without them.</summary>
    public void Conclude(Practitioner manager, PreProceedingsOutcome? outcome, DateOnly on, string reasons, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(manager);
        RequireOpen();
        Require(manager.AreaId == AreaId && manager.Has(PractitionerRole.PracticeSupervisor) && manager.IsSocialWorkQualified, "PRE-01",
            "Only a social work qualified practice supervisor or manager decides for the local authority how pre-proceedings end.");
        Require(outcome is PreProceedingsOutcome.ProceedingsIssued or PreProceedingsOutcome.EndedWithoutProceedings, "SG-PRE-08",
            "Say whether proceedings were issued or pre-proceedings ended without them.", "Outcome");
        Require(on >= DecidedOn && on <= today, "SG-PRE-09", "The date must be between the decision and today.", "EndedOn");
        Require(!string.IsNullOrWhiteSpace(reasons) && reasons.Length <= MaxTextLength, "SG-PRE-10", "Give the reasons, and what happens next for the child.",
            "OutcomeReasons");
        Outcome = outcome;
        EndedOn = on;
        OutcomeReasons = reasons.Trim();
        Touch();
    }

    /// <summary>The child turned out to have another record: the pre-proceedings move to the surviving record.</summary>
    public void MoveToChild(Guid survivorId) => ChildId = survivorId;

    private void RequireOpen() => Require(IsOpen, "SG-PRE-11", Started ? "Pre-proceedings have ended." : "The local authority decided not to start pre-proceedings.");

    private void Touch() => Version = Guid.NewGuid();
}
