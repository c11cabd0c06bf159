using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Organisation;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.ChildProtection;

/// <summary>The power used to secure the child's safety (IP-01, IP-02).</summary>
public enum EmergencyPower
{
    EmergencyProtectionOrderApplied,
    EmergencyProtectionOrderGranted,
    PolicePowersOfProtection,
    AccommodatedWithAgreement,
    Other,
}

/// <summary>What was done, as the practitioner records it straight afterwards.</summary>
public sealed record EmergencyActionRecord(
    DateOnly TakenOn,
    EmergencyPower? Power,
    string ActingAgency,
    string Action,
    string ChildSeenBy,
    string OtherChildrenConsidered,
    bool? LegalAdviceTaken,
    string? WhyNoLegalAdvice,
    string? ResponsibleAuthority);

/// <summary>
/// Immediate protection: emergency action to secure a child's safety (IP-01). The guidance asks for an emergency
/// protection order wherever possible, police protection only exceptionally, legal advice first where possible (IP-02);
/// other children in the household considered (IP-03); the child seen by a practitioner of the acting agency (IP-06,
/// RC-12); a strategy discussion as soon as possible afterwards (IP-05). When the child is looked after by, or on a
/// plan in, another authority, this authority stays responsible until that one explicitly accepts (IP-04).
/// </summary>
public sealed class EmergencyAction
{
    public const int MaxTextLength = 10_000;

    private EmergencyAction()
    {
        ActingAgency = Action = ChildSeenBy = OtherChildrenConsidered = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid ChildId { get; private set; }

    public DateOnly TakenOn { get; private set; }

    public EmergencyPower Power { get; private set; }

    public string ActingAgency { get; private set; }

    public string Action { get; private set; }

    public string ChildSeenBy { get; private set; }

    public string OtherChildrenConsidered { get; private set; }

    public bool LegalAdviceTaken { get; private set; }

    public string? WhyNoLegalAdvice { get; private set; }

    /// <summary>The other local authority that looks after the child or holds their plan, if any (IP-04).</summary>
    public string? ResponsibleAuthority { get; private set; }

    /// <summary>When that authority explicitly accepted responsibility, confirmed in writing; until then this authority is responsible.</summary>
    public DateOnly? AcceptedOn { get; private set; }

    public string? AcceptedBy { get; private set; }

    public Guid RecordedBy { get; private set; }

    public static EmergencyAction Record(Guid id, Episode episode, Practitioner by, EmergencyActionRecord record, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(record);
        Require(episode.IsOpen, "SG-EP-13", "The episode is closed.");
        Require(record.TakenOn >= episode.OpenedOn && record.TakenOn <= today, "SG-IP-01", "The date must be between the episode's opening and today.",
            nameof(record.TakenOn));
        Require(record.Power is not null, "IP-01", "Select the power used to secure the child's safety.", nameof(record.Power));
        Require(!string.IsNullOrWhiteSpace(record.ActingAgency) && record.ActingAgency.Length <= 200, "IP-01", "Name the agency that took the action.",
            nameof(record.ActingAgency));
        Require(!string.IsNullOrWhiteSpace(record.Action) && record.Action.Length <= MaxTextLength, "IP-01", "Describe what was done to make the child safe.",
            nameof(record.Action));
        Require(!string.IsNullOrWhiteSpace(record.ChildSeenBy) && record.ChildSeenBy.Length <= 200, "RC-12",
            "Name the practitioner of the acting agency who saw the child.", nameof(record.ChildSeenBy));
        Require(!string.IsNullOrWhiteSpace(record.OtherChildrenConsidered) && record.OtherChildrenConsidered.Length <= MaxTextLength, "IP-03",
            "Record how the other children in the household, and in the alleged perpetrator's household, were considered.", nameof(record.OtherChildrenConsidered));
        Require(record.LegalAdviceTaken is not null, "IP-02", "Say whether legal advice was taken first.", nameof(record.LegalAdviceTaken));
        Require(record.LegalAdviceTaken == true || !string.IsNullOrWhiteSpace(record.WhyNoLegalAdvice), "IP-02",
            "Say why legal advice could not be taken first.", nameof(record.WhyNoLegalAdvice));
        Require(record.Power != EmergencyPower.PolicePowersOfProtection || !string.IsNullOrWhiteSpace(record.WhyNoLegalAdvice) || record.LegalAdviceTaken == true,
            "IP-02", "Police protection is for exceptional cases: say why.", nameof(record.WhyNoLegalAdvice));
        Require((record.WhyNoLegalAdvice?.Length ?? 0) <= MaxTextLength && (record.ResponsibleAuthority?.Length ?? 0) <= 200, "SG-IP-02",
            "This is too long.", nameof(record.WhyNoLegalAdvice));
        return new EmergencyAction
        {
            Id = id,
            AreaId = episode.AreaId,
            EpisodeId = episode.Id,
            ChildId = episode.ChildId,
            TakenOn = record.TakenOn,
            Power = record.Power!.Value,
            ActingAgency = record.ActingAgency.Trim(),
            Action = record.Action.Trim(),
            ChildSeenBy = record.ChildSeenBy.Trim(),
            OtherChildrenConsidered = record.OtherChildrenConsidered.Trim(),
            LegalAdviceTaken = record.LegalAdviceTaken!.Value,
            WhyNoLegalAdvice = string.IsNullOrWhiteSpace(record.WhyNoLegalAdvice) ? null : record.WhyNoLegalAdvice.Trim(),
            ResponsibleAuthority = string.IsNullOrWhiteSpace(record.ResponsibleAuthority) ? null : record.ResponsibleAuthority.Trim(),
            RecordedBy = by.Id,
        };
    }

    /// <summary>The responsible authority explicitly accepted responsibility, confirmed in writing (IP-04).</summary>
    public void RecordAcceptance(string acceptedBy, DateOnly on, DateOnly today)
    {
        Require(ResponsibleAuthority is not null, "IP-04", "No other authority is responsible for this child.");
        Require(AcceptedOn is null, "IP-04", "Acceptance has already been recorded.");
        Require(!string.IsNullOrWhiteSpace(acceptedBy) && acceptedBy.Length <= 200, "IP-04",
            "Name who accepted responsibility for the other authority, as confirmed in writing.", "AcceptedBy");
        Require(on >= TakenOn && on <= today, "SG-IP-01", "The date must be between the action and today.", "AcceptedOn");
        AcceptedBy = acceptedBy.Trim();
        AcceptedOn = on;
    }
}
