using Safeguard.Domain.Clocks;
using Safeguard.Domain.Events;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Organisation;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.ChildProtection;

/// <summary>Who took part in a strategy discussion, by the part they play (SD-02).</summary>
public enum AttendeeRole
{
    LocalAuthoritySocialWorker,
    Health,
    Police,
    ResidentialOrFosteringService,
    Referrer,
    EducationOrChildcare,
    ElectiveHomeEducation,
    Probation,
    YouthJustice,
    AdultMentalHealth,
    SubstanceMisuse,
    DomesticAbuseSpecialist,
    Housing,
    BritishTransportPolice,
    IndependentChildTraffickingGuardian,
    Other,
}

/// <summary>One person at the discussion: their name, agency and the part they play.</summary>
public sealed record Attendee(string Name, string Agency, AttendeeRole Role);

/// <summary>An immediate or short-term action agreed at the discussion (SD-04): what, who, by when.</summary>
public sealed record AgreedAction(string What, string Who, DateOnly ByWhen);

/// <summary>The police's decision on a criminal investigation (SD-06).</summary>
public enum CriminalInvestigation
{
    Started,
    NotStarted,
    NotYetDecided,
}

/// <summary>What was discussed and decided, as the social worker records it after the discussion.</summary>
public sealed record StrategyDiscussionRecord(
    DateOnly HeldOn,
    IReadOnlyList<Attendee> Attendees,
    string InformationShared,
    CriminalInvestigation? PoliceDecision,
    string? PoliceReasons,
    bool? Section47,
    string? Section47Reasons,
    IReadOnlyList<AgreedAction> Actions,
    bool? LegalActionNeeded,
    string? WhatToShareWithFamily,
    string? WhyAttendanceShort);

/// <summary>
/// A multi-agency strategy discussion, held when there is reasonable cause to suspect a child is suffering or likely to
/// suffer significant harm (SD-01): from a referral, an assessment or an open case, and more than once if needed. A
/// local authority social worker, a health practitioner and a police representative are the minimum (SD-02, RC-05), and
/// the residential or fostering service too when the child is looked after: whatever the discussion decides, it is not
/// recorded without them unless the reason is given, and a social work qualified manager confirms it. The local
/// authority decides on section 47 (SD-03), with reasons; enquiries start only once the attendance is met or confirmed.
/// </summary>
public sealed class StrategyDiscussion : IRecordsEvents
{
    public const int MaxTextLength = 10_000;

    /// <summary>The roles without which a strategy discussion needs a reason and a manager's confirmation (SD-02, RC-05).</summary>
    public static readonly IReadOnlyList<AttendeeRole> MinimumAttendance = [AttendeeRole.LocalAuthoritySocialWorker, AttendeeRole.Health, AttendeeRole.Police];

    /// <summary>For a looked after child the residential or fostering service caring for them is asked as well (SD-02, RC-05).</summary>
    public static readonly IReadOnlyList<AttendeeRole> MinimumAttendanceLookedAfter = [.. MinimumAttendance, AttendeeRole.ResidentialOrFosteringService];

    /// <summary>The minimum attendance for a child who is, or is not, looked after.</summary>
    public static IReadOnlyList<AttendeeRole> MinimumFor(bool childLookedAfter) => childLookedAfter ? MinimumAttendanceLookedAfter : MinimumAttendance;

    private readonly List<Attendee> _attendees = [];
    private readonly List<AgreedAction> _actions = [];
    private readonly List<DomainEvent> _pendingEvents = [];

    private StrategyDiscussion()
    {
        InformationShared = string.Empty;
    }

    /// <inheritdoc/>
    public IReadOnlyList<DomainEvent> PendingEvents => _pendingEvents;

    Guid? IRecordsEvents.EpisodeId => EpisodeId;

    /// <inheritdoc/>
    public void ClearPendingEvents() => _pendingEvents.Clear();

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid ChildId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public Guid RecordedBy { get; private set; }

    public IReadOnlyList<Attendee> Attendees => _attendees;

    public string InformationShared { get; private set; }

    public CriminalInvestigation PoliceDecision { get; private set; }

    /// <summary>Why the police are not investigating, or not yet (SD-05, SD-06, S47-09): shared with all agencies.</summary>
    public string? PoliceReasons { get; private set; }

    /// <summary>The local authority's decision to make section 47 enquiries (SD-03).</summary>
    public bool Section47 { get; private set; }

    public string Section47Reasons { get; private set; } = string.Empty;

    public IReadOnlyList<AgreedAction> Actions => _actions;

    public bool LegalActionNeeded { get; private set; }

    /// <summary>What is shared with the child and family, and what is withheld because it could harm the child or a police investigation (SD-05).</summary>
    public string? WhatToShareWithFamily { get; private set; }

    /// <summary>Why a minimum attendee was missing (SD-02, RC-05).</summary>
    public string? WhyAttendanceShort { get; private set; }

    /// <summary>The social work qualified manager who confirmed a discussion held without the minimum attendance (RC-05).</summary>
    public Guid? ConfirmedBy { get; private set; }

    /// <summary>The child was looked after when the discussion was held: the residential or fostering service is part of the minimum.</summary>
    public bool ChildLookedAfter { get; private set; }

    /// <summary>The roles of the minimum attendance that did not take part.</summary>
    public IReadOnlyList<AttendeeRole> MissingAttendance => [.. MinimumFor(ChildLookedAfter).Where(role => !_attendees.Exists(a => a.Role == role))];

    public bool AttendanceMet => MissingAttendance.Count == 0;

    /// <summary>Held without the minimum attendance and not yet confirmed by a social work qualified manager (RC-05).</summary>
    public bool AwaitsConfirmation => !AttendanceMet && ConfirmedBy is null;

    public static StrategyDiscussion Record(Guid id, Episode episode, Practitioner recordedBy, StrategyDiscussionRecord record, DateOnly today,
        bool childLookedAfter = false)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(recordedBy);
        ArgumentNullException.ThrowIfNull(record);
        Require(episode.IsOpen, "SG-EP-13", "The episode is closed.");
        Require(recordedBy.AreaId == episode.AreaId && recordedBy.Has(PractitionerRole.SocialWorker) && recordedBy.IsSocialWorkQualified, "SD-03",
            "A local authority social worker records the strategy discussion: the local authority decides on section 47 enquiries.");
        Require(record.HeldOn <= today && record.HeldOn >= episode.OpenedOn, "SG-SD-01", "The discussion's date must be between the episode's opening and today.",
            nameof(record.HeldOn));
        Require(record.Attendees.Count is > 0 and <= 40, "SD-02", "Record who took part.", nameof(record.Attendees));
        for (var i = 0; i < record.Attendees.Count; i++)
        {
            var a = record.Attendees[i];
            Require(!string.IsNullOrWhiteSpace(a.Name) && a.Name.Length <= 200 && !string.IsNullOrWhiteSpace(a.Agency) && a.Agency.Length <= 200, "SD-02",
                $"Attendee {i + 1}: give their name and agency.", $"Attendees[{i}].Name");
        }

        Require(!string.IsNullOrWhiteSpace(record.InformationShared) && record.InformationShared.Length <= MaxTextLength, "SD-03",
            "Record the information shared and what it means for the child.", nameof(record.InformationShared));
        Require(record.PoliceDecision is not null, "SD-06", "Record the police's decision on a criminal investigation.", nameof(record.PoliceDecision));
        Require(record.PoliceDecision == CriminalInvestigation.Started || !string.IsNullOrWhiteSpace(record.PoliceReasons), "SD-06",
            "Record the police's reasons for not investigating (or not yet), and what police involvement continues.", nameof(record.PoliceReasons));
        Require(record.Section47 is not null, "SD-03", "Record whether section 47 enquiries will be made.", nameof(record.Section47));
        Require(!string.IsNullOrWhiteSpace(record.Section47Reasons) && record.Section47Reasons.Length <= MaxTextLength, "SD-03",
            "Give the reasons for the decision on section 47 enquiries.", nameof(record.Section47Reasons));
        Require(record.LegalActionNeeded is not null, "SD-04", "Record whether legal action is needed.", nameof(record.LegalActionNeeded));
        for (var i = 0; i < record.Actions.Count; i++)
        {
            var action = record.Actions[i];
            Require(!string.IsNullOrWhiteSpace(action.What) && action.What.Length <= 2_000 && !string.IsNullOrWhiteSpace(action.Who) && action.Who.Length <= 200,
                "SD-04", $"Action {i + 1}: say what is to be done and who does it.", $"Actions[{i}].What");
            Require(action.ByWhen >= record.HeldOn, "SD-04", $"Action {i + 1}: the date it is due cannot be before the discussion.", $"Actions[{i}].ByWhen");
        }

        Require(record.Section47 != true || record.Actions.Count > 0, "SD-04", "Record the immediate and short-term actions agreed, with who and by when.",
            nameof(record.Actions));
        foreach (var (field, text) in new[] { (nameof(record.PoliceReasons), record.PoliceReasons), (nameof(record.WhatToShareWithFamily), record.WhatToShareWithFamily),
                     (nameof(record.WhyAttendanceShort), record.WhyAttendanceShort) })
        {
            Require((text?.Length ?? 0) <= MaxTextLength, "SG-SD-02", $"This must be {MaxTextLength:N0} characters or fewer.", field);
        }

        var discussion = new StrategyDiscussion
        {
            Id = id,
            AreaId = episode.AreaId,
            EpisodeId = episode.Id,
            ChildId = episode.ChildId,
            HeldOn = record.HeldOn,
            RecordedBy = recordedBy.Id,
            InformationShared = record.InformationShared.Trim(),
            PoliceDecision = record.PoliceDecision!.Value,
            PoliceReasons = Blank(record.PoliceReasons),
            Section47 = record.Section47!.Value,
            Section47Reasons = record.Section47Reasons!.Trim(),
            LegalActionNeeded = record.LegalActionNeeded!.Value,
            WhatToShareWithFamily = Blank(record.WhatToShareWithFamily),
            WhyAttendanceShort = Blank(record.WhyAttendanceShort),
            ChildLookedAfter = childLookedAfter,
        };
        discussion._attendees.AddRange(record.Attendees.Select(a => a with { Name = a.Name.Trim(), Agency = a.Agency.Trim() }));
        discussion._actions.AddRange(record.Actions.Select(a => a with { What = a.What.Trim(), Who = a.Who.Trim() }));
        if (!discussion.AttendanceMet)
        {
            // Whatever the discussion decided (RC-05): a decision not to make enquiries is as much a decision of the minimum attendance.
            var missing = string.Join(", ", discussion.MissingAttendance.Select(Describe));
            Require(discussion.WhyAttendanceShort is not null, "RC-05",
                (childLookedAfter
                    ? "A strategy discussion about a looked after child is held with a local authority social worker, health, the police and the residential or fostering service. "
                    : "A strategy discussion is held with a local authority social worker, health and the police. ")
                + $"Missing: {missing}. Record why, for a manager to confirm.", nameof(record.WhyAttendanceShort));
            // The recorder confirms themselves only if they are a social work qualified manager; otherwise a manager confirms.
            if (recordedBy.Has(PractitionerRole.PracticeSupervisor))
            {
                discussion.ConfirmedBy = recordedBy.Id;
            }
        }

        discussion._pendingEvents.Add(new StrategyDiscussionHeld(discussion.Section47, discussion.AttendanceMet, recordedBy.Id, discussion.ConfirmedBy is not null)
        {
            OccurredOn = discussion.HeldOn,
        });
        return discussion;
    }

    /// <summary>Section 47 enquiries start from this discussion only once the attendance is met or a manager has confirmed the shortfall.</summary>
    public bool Section47Initiated => Section47 && (AttendanceMet || ConfirmedBy is not null);

    /// <summary>A social work qualified manager confirms a discussion held without the minimum attendance, whatever it decided (SD-02, RC-05).</summary>
    public void ConfirmSection47(Practitioner manager, DateOnly on) => ConfirmAttendance(manager, on);

    /// <summary>A social work qualified manager confirms a discussion held without the minimum attendance, whatever it decided (SD-02, RC-05).</summary>
    public void ConfirmAttendance(Practitioner manager, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(manager);
        Require(manager.AreaId == AreaId && manager.Has(PractitionerRole.PracticeSupervisor) && manager.IsSocialWorkQualified, "RC-05",
            "Only a social work qualified manager confirms a strategy discussion held without the minimum attendance.");
        Require(AwaitsConfirmation, "SG-SD-03", "There is nothing to confirm on this discussion.");
        ConfirmedBy = manager.Id;
        _pendingEvents.Add(new StrategyDiscussionConfirmed(manager.Id) { OccurredOn = on < HeldOn ? HeldOn : on });
    }

    /// <summary>The enquiry this discussion initiated started: its lead now answers for the initial conference (S47-01, ICPC-01).</summary>
    internal void EnquiryStarted(Section47Enquiry enquiry) =>
        _pendingEvents.Add(new StrategyDiscussionEnquiryStarted(enquiry.Id, enquiry.LeadId) { OccurredOn = enquiry.StartedOn });

    /// <summary>The enquiry this discussion initiated concluded (S47-07): not substantiated, no initial conference is due (ICPC-01).</summary>
    public void EnquiryConcluded(Section47Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        Require(enquiry.StrategyDiscussionId == Id && enquiry.Outcome is not null && enquiry.ConcludedOn is not null, "SG-S47-01",
            "Only the concluded enquiry this discussion initiated concludes it.");
        _pendingEvents.Add(new StrategyDiscussionEnquiryConcluded(enquiry.Id, enquiry.Outcome!.Value) { OccurredOn = enquiry.ConcludedOn!.Value });
    }

    /// <summary>The initial conference of the enquiry this discussion initiated was held: ICPC-01 is met.</summary>
    public void InitialConferenceHeld(ChildProtectionConference conference, Section47Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(conference);
        ArgumentNullException.ThrowIfNull(enquiry);
        Require(conference.Kind == ConferenceKind.Initial && conference.Section47EnquiryId == enquiry.Id && enquiry.StrategyDiscussionId == Id, "SG-CP-06",
            "Only the initial conference of the enquiry this discussion initiated meets its clock.");
        _pendingEvents.Add(new StrategyDiscussionInitialConferenceHeld(conference.Id) { OccurredOn = conference.HeldOn });
    }

    /// <summary>
    /// The discussion's clock history as its state, its enquiry's and its conference's show it, for a discussion saved before its events were
    /// stored (docs/decisions/0009); its events give the same. A section 47 decision made without the minimum attendance waits for a manager's
    /// confirmation (RC-05); once section 47 is initiated, from the discussion's date, the enquiry is to start (S47-01) and the initial
    /// conference is due within 15 working days of the discussion (ICPC-01), stopped when the concerns are not substantiated.
    /// </summary>
    public IReadOnlyList<ClockEvent> History(Section47Enquiry? enquiry, ChildProtectionConference? conference)
    {
        var history = new List<ClockEvent>();
        if (Section47 && !AttendanceMet)
        {
            history.Add(new ClockEvent(Rules.EventKind.Section47AwaitingConfirmation, HeldOn));
            if (ConfirmedBy is not null)
            {
                history.Add(new ClockEvent(Rules.EventKind.Section47Confirmed, HeldOn));
            }
        }

        if (Section47Initiated)
        {
            history.Add(new ClockEvent(Rules.EventKind.Section47Initiated, HeldOn));
        }

        if (enquiry is not null)
        {
            history.Add(new ClockEvent(Rules.EventKind.Section47EnquiryStarted, enquiry.StartedOn));
            if (enquiry.Outcome == Section47Outcome.NotSubstantiated)
            {
                history.Add(new ClockEvent(Rules.EventKind.Section47NotSubstantiated, enquiry.ConcludedOn!.Value));
            }

            if (conference is not null)
            {
                history.Add(new ClockEvent(Rules.EventKind.InitialConferenceHeld, conference.HeldOn));
            }
        }

        return [.. history.OrderBy(e => e.OccurredOn)];
    }

    public static string Describe(AttendeeRole role) => role switch
    {
        AttendeeRole.LocalAuthoritySocialWorker => "local authority social worker",
        AttendeeRole.Health => "health",
        AttendeeRole.Police => "police",
        AttendeeRole.ResidentialOrFosteringService => "residential or fostering service",
        AttendeeRole.Referrer => "the referrer",
        AttendeeRole.EducationOrChildcare => "education or childcare",
        AttendeeRole.ElectiveHomeEducation => "elective home education team",
        AttendeeRole.Probation => "probation",
        AttendeeRole.YouthJustice => "youth justice",
        AttendeeRole.AdultMentalHealth => "adult mental health",
        AttendeeRole.SubstanceMisuse => "substance misuse service",
        AttendeeRole.DomesticAbuseSpecialist => "domestic abuse specialist",
        AttendeeRole.Housing => "housing",
        AttendeeRole.BritishTransportPolice => "British Transport Police",
        AttendeeRole.IndependentChildTraffickingGuardian => "Independent Child Trafficking Guardian",
        _ => "other",
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
