using Safeguard.Domain.Events;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.ChildProtection;

/// <summary>How a section 47 enquiry ended (S47-07).</summary>
public enum Section47Outcome
{
    /// <summary>Concerns not substantiated: reasons recorded and shared with the child, family and practitioners (S47-08).</summary>
    NotSubstantiated,

    /// <summary>Concerns substantiated and the child judged likely to suffer significant harm: an initial child protection conference (S47-10).</summary>
    Substantiated,
}

/// <summary>
/// A practitioner with serious concerns asks for a conference after the decision not to hold one (S47-11); a manager
/// answers, and a refusal can be escalated under the safeguarding partners' dispute resolution.
/// </summary>
public sealed record ConferenceRequest(string RequestedBy, string Agency, string Concerns, DateOnly RequestedOn, bool? Agreed = null, string? Answer = null,
    Guid? AnsweredBy = null, DateOnly? AnsweredOn = null, bool Escalated = false);

/// <summary>The lead practitioner's record of the enquiry as it goes (S47-04 to S47-06).</summary>
public sealed record EnquiryRecord(
    DateOnly? ChildSeenOn,
    bool? SeenAlone,
    string? WhyNotSeenAlone,
    string? ChildsWishesAndFeelings,
    bool? ParentsInterviewed,
    bool? JointWithPolice,
    string? SpecialistAssessments,
    bool SuspectedSexualAbuse,
    string? HealthRepresentative);

/// <summary>
/// A section 47 enquiry, started by a strategy discussion (S47-01). It is led by a social worker; when the child's
/// lead practitioner is not a social worker, a social work qualified practice supervisor or team manager leads it and
/// the lead practitioner stays involved (S47-02, RC-03). The child is seen alone where possible (S47-04); suspected
/// child sexual abuse needs a health representative with that experience (ASM-08, RC-13). It ends not substantiated,
/// with reasons shared (S47-08), or substantiated, and an initial conference is due within 15 working days of the
/// discussion (ICPC-01).
/// </summary>
public sealed class Section47Enquiry : IRecordsEvents
{
    public const int MaxTextLength = Referral.MaxTextLength;

    private readonly List<ConferenceRequest> _conferenceRequests = [];
    private readonly List<DomainEvent> _pendingEvents = [];

    /// <inheritdoc/>
    public IReadOnlyList<DomainEvent> PendingEvents => _pendingEvents;

    Guid? IRecordsEvents.EpisodeId => EpisodeId;

    /// <inheritdoc/>
    public void ClearPendingEvents() => _pendingEvents.Clear();

    private Section47Enquiry()
    {
    }

    /// <summary>Requests for a conference after the decision not to hold one, with their answers (S47-11).</summary>
    public IReadOnlyList<ConferenceRequest> ConferenceRequests => _conferenceRequests;

    /// <summary>A manager agreed to a practitioner's request: the initial conference is held after all.</summary>
    public bool ConferenceAgreedOnRequest => _conferenceRequests.Exists(r => r.Agreed == true);

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid StrategyDiscussionId { get; private set; }

    /// <summary>The census S47ActualStartDate: the day of the discussion that initiated it, day 0 of ICPC-01.</summary>
    public DateOnly StartedOn { get; private set; }

    /// <summary>The social worker leading the enquiry.</summary>
    public Guid LeadId { get; private set; }

    /// <summary>The Family Help lead practitioner who stays involved when they are not a social worker (FH-06).</summary>
    public Guid? FamilyHelpLeadPractitionerId { get; private set; }

    public DateOnly? ChildSeenOn { get; private set; }

    public bool? SeenAlone { get; private set; }

    public string? WhyNotSeenAlone { get; private set; }

    public string? ChildsWishesAndFeelings { get; private set; }

    public bool? ParentsInterviewed { get; private set; }

    public bool? JointWithPolice { get; private set; }

    public string? SpecialistAssessments { get; private set; }

    public bool SuspectedSexualAbuse { get; private set; }

    /// <summary>For suspected child sexual abuse: the health representative experienced with sexually abused children (RC-13).</summary>
    public string? HealthRepresentative { get; private set; }

    public Section47Outcome? Outcome { get; private set; }

    public string? OutcomeReasons { get; private set; }

    public DateOnly? ConcludedOn { get; private set; }

    /// <summary>Not substantiated: whether the child, family and practitioners were told the outcome and reasons (S47-08).</summary>
    public bool? ReasonsShared { get; private set; }

    /// <summary>Not substantiated: the wider support considered, including a family group conference (S47-08, FH-08).</summary>
    public string? OngoingSupport { get; private set; }

    public bool IsConcluded => Outcome is not null;

    public Guid Version { get; private set; }

    /// <summary>
    /// Starts the enquiry from a discussion that initiated one. The lead must be a registered social worker; when the
    /// episode's lead practitioner is not one, the lead is a social work qualified manager (RC-03). The discussion's history says so too:
    /// its initial conference clock now falls to the enquiry's lead (ICPC-01).
    /// </summary>
    public static Section47Enquiry Start(Guid id, StrategyDiscussion discussion, Practitioner lead, Practitioner? familyHelpLeadPractitioner)
    {
        ArgumentNullException.ThrowIfNull(discussion);
        ArgumentNullException.ThrowIfNull(lead);
        Require(discussion.Section47Initiated, "SD-02",
            discussion.Section47 ? "A social work qualified manager must confirm the section 47 decision made without the minimum attendance."
                : "The strategy discussion did not decide on section 47 enquiries.");
        Require(lead.AreaId == discussion.AreaId && lead.Has(PractitionerRole.SocialWorker) && lead.IsSocialWorkQualified, "RC-03",
            "A section 47 enquiry is led by a registered social worker with child protection experience.", "LeadId");
        var lpIsSocialWorker = familyHelpLeadPractitioner is null
            || familyHelpLeadPractitioner.Has(PractitionerRole.SocialWorker) && familyHelpLeadPractitioner.IsSocialWorkQualified;
        Require(lpIsSocialWorker || lead.Has(PractitionerRole.PracticeSupervisor), "RC-03",
            "The child's lead practitioner is not a social worker: a social work qualified practice supervisor or team manager leads the enquiry.", "LeadId");
        var enquiry = new Section47Enquiry
        {
            Id = id,
            AreaId = discussion.AreaId,
            EpisodeId = discussion.EpisodeId,
            ChildId = discussion.ChildId,
            StrategyDiscussionId = discussion.Id,
            StartedOn = discussion.HeldOn,
            LeadId = lead.Id,
            FamilyHelpLeadPractitionerId = lpIsSocialWorker ? null : familyHelpLeadPractitioner!.Id,
            Version = Guid.NewGuid(),
        };
        enquiry._pendingEvents.Add(new Section47EnquiryStarted(discussion.Id, lead.Id) { OccurredOn = enquiry.StartedOn });
        discussion.EnquiryStarted(enquiry);
        return enquiry;
    }

    /// <summary>Records the enquiry's work so far (saved as often as needed until it concludes).</summary>
    public void RecordEnquiry(Guid by, EnquiryRecord record, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(record);
        Require(by == LeadId || by == FamilyHelpLeadPractitionerId, "S47-02", "The enquiry's lead records it.");
        Require(!IsConcluded, "SG-S47-01", "The enquiry has concluded.");
        Require(record.ChildSeenOn is null || record.ChildSeenOn >= StartedOn && record.ChildSeenOn <= today, "SG-S47-02",
            "The date the child was seen must be between the start of the enquiry and today.", nameof(record.ChildSeenOn));
        foreach (var (field, text) in new[] { (nameof(record.WhyNotSeenAlone), record.WhyNotSeenAlone), (nameof(record.ChildsWishesAndFeelings), record.ChildsWishesAndFeelings),
                     (nameof(record.SpecialistAssessments), record.SpecialistAssessments), (nameof(record.HealthRepresentative), record.HealthRepresentative) })
        {
            Require((text?.Length ?? 0) <= MaxTextLength, "SG-S47-03", $"This must be {MaxTextLength:N0} characters or fewer.", field);
        }

        ChildSeenOn = record.ChildSeenOn;
        SeenAlone = record.SeenAlone;
        WhyNotSeenAlone = record.SeenAlone == true ? null : Blank(record.WhyNotSeenAlone);
        ChildsWishesAndFeelings = Blank(record.ChildsWishesAndFeelings);
        ParentsInterviewed = record.ParentsInterviewed;
        JointWithPolice = record.JointWithPolice;
        SpecialistAssessments = Blank(record.SpecialistAssessments);
        SuspectedSexualAbuse = record.SuspectedSexualAbuse;
        HealthRepresentative = Blank(record.HealthRepresentative);
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// The lead, a social worker, concludes the enquiry (S47-07): the child seen (alone, or why not) and their voice
    /// recorded; for suspected sexual abuse a health representative named; not substantiated needs the reasons, whether
    /// they were shared, and the support considered.
    /// </summary>
    public void Conclude(Guid by, Section47Outcome outcome, string reasons, bool? reasonsShared, string? ongoingSupport, DateOnly on)
    {
        Require(by == LeadId, "S47-07", "The social worker leading the enquiry decides its outcome.");
        Require(!IsConcluded, "SG-S47-01", "The enquiry has already concluded.");
        Require(ChildSeenOn is not null && SeenAlone is not null, "S47-04", "Record when the child was seen, and whether alone.", nameof(ChildSeenOn));
        Require(SeenAlone == true || WhyNotSeenAlone is not null, "S47-04", "Record why the child was not seen alone.", nameof(WhyNotSeenAlone));
        Require(ChildsWishesAndFeelings is not null, "S47-07", "Record the child's wishes and feelings: the outcome is informed by the child's voice.",
            nameof(ChildsWishesAndFeelings));
        Require(!SuspectedSexualAbuse || HealthRepresentative is not null, "RC-13",
            "Suspected child sexual abuse: name the health representative experienced with sexually abused children.", nameof(HealthRepresentative));
        Require(!string.IsNullOrWhiteSpace(reasons) && reasons.Length <= MaxTextLength, "S47-08", "Record the reasons for the outcome.", "OutcomeReasons");
        Require(outcome != Section47Outcome.NotSubstantiated || reasonsShared is not null, "S47-08",
            "Say whether the outcome and reasons were discussed with the child, the parents and the practitioners.", "ReasonsShared");
        Require(outcome != Section47Outcome.NotSubstantiated || !string.IsNullOrWhiteSpace(ongoingSupport), "S47-08",
            "Record the support considered for the family, including a family group conference.", "OngoingSupport");
        Require((ongoingSupport?.Length ?? 0) <= MaxTextLength, "S47-08", $"This must be {MaxTextLength:N0} characters or fewer.", "OngoingSupport");
        Require(on >= StartedOn, "SG-S47-04", "The enquiry cannot conclude before it started.");
        Outcome = outcome;
        OutcomeReasons = reasons.Trim();
        ReasonsShared = outcome == Section47Outcome.NotSubstantiated ? reasonsShared : null;
        OngoingSupport = Blank(ongoingSupport);
        ConcludedOn = on;
        Version = Guid.NewGuid();
        _pendingEvents.Add(new Section47EnquiryConcluded(outcome, by) { OccurredOn = on });
    }

    /// <summary>Records a practitioner's request for a conference after the decision not to hold one (S47-11).</summary>
    public void RequestConference(string requestedBy, string agency, string concerns, DateOnly on, DateOnly today)
    {
        Require(Outcome == Section47Outcome.NotSubstantiated, "S47-11", "A conference can be requested once the enquiry has decided not to hold one.");
        Require(_conferenceRequests.TrueForAll(r => r.Agreed is not null), "S47-11", "The earlier request is still waiting for its answer.");
        Require(!string.IsNullOrWhiteSpace(requestedBy) && requestedBy.Length <= 200 && !string.IsNullOrWhiteSpace(agency) && agency.Length <= 200, "S47-11",
            "Name the practitioner asking, and their agency.", "RequestedBy");
        Require(!string.IsNullOrWhiteSpace(concerns) && concerns.Length <= MaxTextLength, "S47-11", "Record their serious concerns.", "Concerns");
        Require(on >= ConcludedOn && on <= today, "SG-S47-06", "The request's date must be between the outcome and today.", "RequestedOn");
        _conferenceRequests.Add(new ConferenceRequest(requestedBy.Trim(), agency.Trim(), concerns.Trim(), on));
        Version = Guid.NewGuid();
        _pendingEvents.Add(new ConferenceRequested(_conferenceRequests.Count) { OccurredOn = on });
    }

    /// <summary>A social work qualified manager answers the request; a refusal can be escalated under the dispute resolution route.</summary>
    public void AnswerConferenceRequest(Practitioner manager, bool agreed, string answer, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(manager);
        Require(manager.AreaId == AreaId && manager.Has(PractitionerRole.PracticeSupervisor) && manager.IsSocialWorkQualified, "RC-01",
            "Only a social work qualified practice supervisor or manager answers a request for a conference.");
        var open = _conferenceRequests.FindIndex(r => r.Agreed is null);
        Require(open >= 0, "S47-11", "There is no request waiting for an answer.");
        Require(!string.IsNullOrWhiteSpace(answer) && answer.Length <= MaxTextLength, "S47-11", "Give the answer and its reasons: the practitioner is told.", "Answer");
        _conferenceRequests[open] = _conferenceRequests[open] with { Agreed = agreed, Answer = answer.Trim(), AnsweredBy = manager.Id, AnsweredOn = on };
        Version = Guid.NewGuid();
        _pendingEvents.Add(new ConferenceRequestAnswered(open + 1, manager.Id, agreed) { OccurredOn = on });
    }

    /// <summary>The practitioner still disagrees with a refusal: it goes to the safeguarding partners' dispute resolution (S47-11).</summary>
    public void EscalateRefusal(DateOnly on)
    {
        var last = _conferenceRequests.Count - 1;
        Require(last >= 0 && _conferenceRequests[last].Agreed == false && !_conferenceRequests[last].Escalated, "S47-11",
            "Only a refused request that has not been escalated can be escalated.");
        _conferenceRequests[last] = _conferenceRequests[last] with { Escalated = true };
        Version = Guid.NewGuid();
        _pendingEvents.Add(new ConferenceRefusalEscalated(last + 1) { OccurredOn = on });
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
