using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Organisation;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.ChildProtection;

/// <summary>Which child protection conference is being arranged.</summary>
public enum ConferenceKind
{
    /// <summary>The initial conference after a section 47 enquiry (ICPC-01); a pre-birth conference when the child is not yet born (GRP-02, A-30).</summary>
    Initial,

    /// <summary>A review conference of a child protection plan, prepared the same way (RCPC-03).</summary>
    Review,

    /// <summary>The receiving authority's conference for a child on another area's plan who has moved here permanently (DISC-02).</summary>
    TransferIn,
}

/// <summary>
/// Someone invited to a conference: a practitioner with a Safeguard account (who then sees this meeting's material, and
/// nothing else of the child's record, for as long as the meeting's material is theirs) or someone outside the system
/// (the family's advocate, a Cafcass guardian, a GP without an account). Their agency's written report is sent before
/// the conference (ICPC-04), with their view on whether it may go to the parents.
/// </summary>
public sealed record Invitation(Guid Id, string Name, string Agency, Guid? PractitionerId, DateOnly InvitedOn, string? Report = null, DateOnly? ReportOn = null,
    Guid? ReportRecordedBy = null, bool? ShareWithFamily = null, string? WhyNotShare = null)
{
    public bool ReportReceived => Report is not null;
}

/// <summary>
/// A child protection conference being arranged: its date, its invitations and the agencies' written reports, the lead
/// practitioner's report with the local authority's recommendation, and how the child and family were prepared
/// (ICPC-02, ICPC-04; the same preparation for reviews, RCPC-03). When the conference is held its record links here,
/// and the invitees see its decision (ICPC-06).
/// </summary>
public sealed class ConferenceMeeting
{
    public const int MaxTextLength = ChildProtectionConference.MaxTextLength;

    public const int MaxNameLength = 200;

    private readonly List<Invitation> _invitations = [];

    private ConferenceMeeting()
    {
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public ConferenceKind Kind { get; private set; }

    /// <summary>An initial conference about a child not yet born.</summary>
    public bool PreBirth { get; private set; }

    public Guid? Section47EnquiryId { get; private set; }

    public Guid? PlanId { get; private set; }

    public DateOnly ScheduledFor { get; private set; }

    public Guid ConvenedBy { get; private set; }

    public DateOnly ConvenedOn { get; private set; }

    public IReadOnlyList<Invitation> Invitations => _invitations;

    /// <summary>The day the child and parents were told the conference's purpose and who will come, and given what they need to take part (ICPC-02).</summary>
    public DateOnly? FamilyToldOn { get; private set; }

    /// <summary>Whether the family were told about advocacy and that they may bring an advocate, friend or supporter (ICPC-02).</summary>
    public bool? AdvocacyOffered { get; private set; }

    /// <summary>How the child is prepared to take part or give their views through someone else (ICPC-02).</summary>
    public string? ChildPreparation { get; private set; }

    /// <summary>The lead practitioner's report with analysis and the local authority's recommendation (ICPC-04).</summary>
    public string? LeadReport { get; private set; }

    /// <summary>The day the lead practitioner's report was shared with the family, or null with the reason it was not.</summary>
    public DateOnly? LeadReportSharedOn { get; private set; }

    public string? WhyReportNotShared { get; private set; }

    public DateOnly? HeldOn { get; private set; }

    /// <summary>The initial or transfer-in conference's record once held (reviews are recorded on the plan).</summary>
    public Guid? ConferenceId { get; private set; }

    public bool IsHeld => HeldOn is not null;

    public Guid Version { get; private set; }

    /// <summary>
    /// Arranges a conference. An initial conference needs a substantiated enquiry (or a request for one a manager
    /// agreed); a review needs an open plan; a transfer-in conference needs the episode of a child who moved here on
    /// another area's plan. Anyone invited with an account is a practitioner of the area.
    /// </summary>
    public static ConferenceMeeting Convene(Guid id, ConferenceKind kind, Episode episode, Section47Enquiry? enquiry, ChildProtectionPlan? plan, bool childUnborn,
        Practitioner by, DateOnly scheduledFor, IReadOnlyList<Invitation> invitations, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(invitations);
        Require(episode.IsOpen, "SG-EP-13", "The episode is closed.");
        switch (kind)
        {
            case ConferenceKind.Initial:
                Require(enquiry is not null && enquiry.EpisodeId == episode.Id
                    && (enquiry.Outcome == Section47Outcome.Substantiated || enquiry.ConferenceAgreedOnRequest), "ICPC-01",
                    "An initial conference is arranged once the section 47 enquiry's concerns are substantiated, or a manager agreed to a request for one.");
                break;
            case ConferenceKind.Review:
                Require(plan is not null && plan.IsOpen && plan.EpisodeId == episode.Id, "RCPC-01", "A review conference is arranged for an open child protection plan.");
                break;
            default:
                Require(episode.MovedInOnPlan is not null, "DISC-02",
                    "Record first that another area told you a child on its child protection plan has moved here permanently.");
                break;
        }

        Require(scheduledFor >= today, "SG-CM-01", "The conference's date must be today or later.", "ScheduledFor");
        Require(invitations.Count > 0, "ICPC-04", "Invite the practitioners and agencies who will take part.", "Invitations");
        ValidateInvitations(invitations);
        var meeting = new ConferenceMeeting
        {
            Id = id,
            AreaId = episode.AreaId,
            ChildId = episode.ChildId,
            EpisodeId = episode.Id,
            Kind = kind,
            PreBirth = kind == ConferenceKind.Initial && childUnborn,
            Section47EnquiryId = kind == ConferenceKind.Initial ? enquiry!.Id : null,
            PlanId = kind == ConferenceKind.Review ? plan!.Id : null,
            ScheduledFor = scheduledFor,
            ConvenedBy = by.Id,
            ConvenedOn = today,
            Version = Guid.NewGuid(),
        };
        meeting._invitations.AddRange(invitations.Select(i => i with { Name = i.Name.Trim(), Agency = i.Agency.Trim(), InvitedOn = today }));
        return meeting;
    }

    /// <summary>Invites more people before the conference.</summary>
    public void Invite(IReadOnlyList<Invitation> invitations, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(invitations);
        Require(!IsHeld, "SG-CM-02", "The conference has been held.");
        Require(invitations.Count > 0, "ICPC-04", "Name who to invite.", "Invitations");
        ValidateInvitations(invitations);
        Require(invitations.All(i => i.PractitionerId is null || _invitations.TrueForAll(x => x.PractitionerId != i.PractitionerId)), "SG-CM-03",
            "That person is already invited.", "Invitations");
        _invitations.AddRange(invitations.Select(i => i with { Name = i.Name.Trim(), Agency = i.Agency.Trim(), InvitedOn = today }));
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Records an agency's written report (ICPC-04): sent by the invitee themselves, or recorded by children's social
    /// care when it came by other means. The author says whether it may go to the parents, and why not.
    /// </summary>
    public void SubmitReport(Guid invitationId, Guid recordedBy, string report, bool? shareWithFamily, string? whyNotShare, DateOnly today)
    {
        var index = _invitations.FindIndex(i => i.Id == invitationId);
        Require(index >= 0, "SG-CM-04", "Choose an invitation to this conference.", "InvitationId");
        Require(!IsHeld, "SG-CM-02", "The conference has been held: reports are sent before it.");
        Require(!string.IsNullOrWhiteSpace(report) && report.Length <= MaxTextLength, "ICPC-04",
            "Write the report: what your agency knows of the child and family, your analysis, and your view of the risk.", "Report");
        Require(shareWithFamily is not null, "ICPC-04", "Say whether the report may be shared with the parents before the conference.", "ShareWithFamily");
        Require(shareWithFamily!.Value || (!string.IsNullOrWhiteSpace(whyNotShare) && whyNotShare.Length <= MaxTextLength), "ICPC-04",
            "Say why the report should not be shared with the parents: the chair and the police decide with you.", "WhyNotShare");
        _invitations[index] = _invitations[index] with
        {
            Report = report.Trim(),
            ReportOn = today,
            ReportRecordedBy = recordedBy,
            ShareWithFamily = shareWithFamily,
            WhyNotShare = shareWithFamily.Value ? null : whyNotShare!.Trim(),
        };
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Records the preparation for the conference (ICPC-02, ICPC-04): when the child and parents were told its purpose
    /// and who will attend, whether advocacy was offered, how the child takes part, and the lead practitioner's report —
    /// shared with the family on a date, or not, with the reason.
    /// </summary>
    public void RecordPreparation(DateOnly? familyToldOn, bool? advocacyOffered, string? childPreparation, string? leadReport, DateOnly? reportSharedOn,
        string? whyNotShared, DateOnly today)
    {
        Require(!IsHeld, "SG-CM-02", "The conference has been held.");
        Require(familyToldOn is null || (familyToldOn >= ConvenedOn && familyToldOn <= today), "ICPC-02",
            "The day the family were told must be between the day the conference was arranged and today.", "FamilyToldOn");
        Require(familyToldOn is null || advocacyOffered is not null, "ICPC-02",
            "Say whether the family were told about advocacy and that they may bring an advocate, friend or supporter.", "AdvocacyOffered");
        Require((childPreparation?.Length ?? 0) <= MaxTextLength && (leadReport?.Length ?? 0) <= MaxTextLength && (whyNotShared?.Length ?? 0) <= MaxTextLength,
            "SG-CM-05", "This must be 10,000 characters or fewer.", "LeadReport");
        Require(reportSharedOn is null || !string.IsNullOrWhiteSpace(leadReport), "ICPC-04", "Write the report before recording that it was shared.", "LeadReport");
        Require(reportSharedOn is null || reportSharedOn <= today, "ICPC-04", "The day the report was shared cannot be in the future.", "LeadReportSharedOn");
        Require(string.IsNullOrWhiteSpace(leadReport) || reportSharedOn is not null || !string.IsNullOrWhiteSpace(whyNotShared), "ICPC-04",
            "Say when the report was shared with the family, or why it was not.", "WhyReportNotShared");
        FamilyToldOn = familyToldOn;
        AdvocacyOffered = advocacyOffered;
        ChildPreparation = Clean(childPreparation);
        LeadReport = Clean(leadReport);
        LeadReportSharedOn = reportSharedOn;
        WhyReportNotShared = reportSharedOn is null ? Clean(whyNotShared) : null;
        Version = Guid.NewGuid();
    }

    /// <summary>The conference took place: its record (for an initial or transfer-in conference) links here.</summary>
    public void MarkHeld(DateOnly heldOn, Guid? conferenceId)
    {
        Require(!IsHeld, "SG-CM-02", "The conference has already been recorded as held.");
        HeldOn = heldOn;
        ConferenceId = conferenceId;
        Version = Guid.NewGuid();
    }

    /// <summary>What is still missing before the conference: the guidance's preparation, for the lead practitioner's checklist.</summary>
    public IReadOnlyList<string> Outstanding()
    {
        var missing = new List<string>();
        if (FamilyToldOn is null)
        {
            missing.Add("Tell the child and parents the conference's purpose and who will attend (ICPC-02)");
        }

        if (LeadReport is null)
        {
            missing.Add("Write the lead practitioner's report with the local authority's recommendation (ICPC-04)");
        }

        var waiting = _invitations.Count(i => !i.ReportReceived);
        if (waiting > 0)
        {
            missing.Add(waiting == 1 ? "1 agency report not yet received (ICPC-04)" : $"{waiting} agency reports not yet received (ICPC-04)");
        }

        return missing;
    }

    private static void ValidateInvitations(IReadOnlyList<Invitation> invitations)
    {
        for (var i = 0; i < invitations.Count; i++)
        {
            var invitation = invitations[i];
            Require(!string.IsNullOrWhiteSpace(invitation.Name) && invitation.Name.Length <= MaxNameLength, "ICPC-04",
                $"Invitee {i + 1}: enter their name.", $"Invitations[{i}].Name");
            Require(!string.IsNullOrWhiteSpace(invitation.Agency) && invitation.Agency.Length <= MaxNameLength, "ICPC-04",
                $"Invitee {i + 1}: enter their agency or their part (for example, the family's advocate).", $"Invitations[{i}].Agency");
        }

        Require(invitations.Where(i => i.PractitionerId is not null).GroupBy(i => i.PractitionerId).All(g => g.Count() == 1), "SG-CM-03",
            "The same person is invited twice.", "Invitations");
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
