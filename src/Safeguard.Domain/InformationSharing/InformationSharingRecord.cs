using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.InformationSharing;

/// <summary>
/// The lawful basis for sharing information about a child (chapter 1, information sharing: the Data Protection Act 2018
/// and UK GDPR do not prevent sharing to keep a child safe; "safeguarding of children and individuals at risk" is a
/// processing condition of its own, DPA 2018 Schedule 8 paragraph 4).
/// </summary>
public enum LawfulBasis
{
    /// <summary>Safeguarding a child at risk (DPA 2018 Schedule 8 paragraph 4, Schedule 1 paragraph 18).</summary>
    SafeguardingChildAtRisk,

    /// <summary>A task in the public interest or in the exercise of official authority (UK GDPR Article 6(1)(e)).</summary>
    PublicTask,

    /// <summary>A legal obligation, such as a court order or a duty under the Children Act (UK GDPR Article 6(1)(c)).</summary>
    LegalObligation,

    /// <summary>Protecting someone's life (UK GDPR Article 6(1)(d)).</summary>
    VitalInterests,

    /// <summary>The person's consent (UK GDPR Article 6(1)(a)); rarely the right basis for safeguarding.</summary>
    Consent,
}

/// <summary>
/// A record that information about a child was shared with another agency or person: what was shared, by whom, with whom,
/// when, on what lawful basis, and whether consent was sought (and if not, why not). Guidance chapter 1: practitioners
/// record who they shared with and why, including a decision not to seek consent. Written in the same save as the step
/// that shared it (a referral received, an Operation Encompass notification, a transfer package) or by hand.
/// </summary>
public sealed class InformationSharingRecord
{
    public const int MaxTextLength = 10_000;

    public const int MaxNameLength = 300;

    private InformationSharingRecord()
    {
        WhatWasShared = SharedBy = SharedWith = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid ChildId { get; private set; }

    /// <summary>The day it was shared, in England.</summary>
    public DateOnly SharedOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public Guid? RecordedBy { get; private set; }

    public string WhatWasShared { get; private set; }

    /// <summary>The agency (or person) that shared it.</summary>
    public string SharedBy { get; private set; }

    public Guid? SharedByAgencyId { get; private set; }

    /// <summary>The agency or named person it was shared with.</summary>
    public string SharedWith { get; private set; }

    public Guid? SharedWithAgencyId { get; private set; }

    public LawfulBasis Basis { get; private set; }

    public bool ConsentSought { get; private set; }

    /// <summary>When consent was sought: whether it was given (null when not known).</summary>
    public bool? ConsentGiven { get; private set; }

    /// <summary>Why consent was not sought, or why information was shared without it.</summary>
    public string? WhyNoConsent { get; private set; }

    /// <summary>The record the sharing belongs to (Referral, EncompassNotification, Episode), or null for one recorded by hand.</summary>
    public string? SourceType { get; private set; }

    public Guid? SourceId { get; private set; }

    /// <summary>The child turned out to have another record: what was shared about them moves to the surviving record.</summary>
    public void MoveToChild(Guid survivorId) => ChildId = survivorId;

    /// <summary>Records a sharing, checking the record is complete enough to account for it later.</summary>
    public static InformationSharingRecord Record(Guid id, Guid areaId, Guid childId, DateOnly sharedOn, DateOnly today, DateTimeOffset recordedAt,
        Guid? recordedBy, string whatWasShared, string sharedBy, Guid? sharedByAgencyId, string sharedWith, Guid? sharedWithAgencyId, LawfulBasis? basis,
        bool? consentSought, bool? consentGiven, string? whyNoConsent, string? sourceType = null, Guid? sourceId = null)
    {
        Require(!string.IsNullOrWhiteSpace(whatWasShared), "SG-INF-01", "Say what information was shared.", "WhatWasShared");
        Require(whatWasShared.Trim().Length <= MaxTextLength, "SG-INF-01", "What was shared must be 10,000 characters or fewer.", "WhatWasShared");
        Require(!string.IsNullOrWhiteSpace(sharedWith), "SG-INF-02", "Say which agency or person the information was shared with.", "SharedWith");
        Require(sharedWith.Trim().Length <= MaxNameLength, "SG-INF-02", "Who it was shared with must be 300 characters or fewer.", "SharedWith");
        Require(!string.IsNullOrWhiteSpace(sharedBy), "SG-INF-03", "Say who shared the information.", "SharedBy");
        Require(basis is not null && Enum.IsDefined(basis.Value), "SG-INF-04", "Select the lawful basis for sharing.", "Basis");
        Require(sharedOn <= today, "SG-INF-05", "The date it was shared cannot be in the future.", "SharedOn");
        Require(consentSought is not null, "SG-INF-06", "Say whether consent was sought.", "ConsentSought");
        var why = string.IsNullOrWhiteSpace(whyNoConsent) ? null : whyNoConsent.Trim();
        Require(consentSought!.Value || why is not null, "SG-INF-07",
            "Consent was not sought: say why (for example, seeking it would place the child at increased risk).", "WhyNoConsent");
        Require(basis != LawfulBasis.Consent || (consentSought.Value && consentGiven == true), "SG-INF-08",
            "Consent is the basis only when it was sought and given; otherwise select another basis.", "Basis");
        Require(!consentSought.Value || consentGiven != false || why is not null, "SG-INF-09",
            "Consent was refused: say why the information was shared without it.", "WhyNoConsent");
        Require(why is null || why.Length <= MaxTextLength, "SG-INF-07", "The reason must be 10,000 characters or fewer.", "WhyNoConsent");
        return new InformationSharingRecord
        {
            Id = id,
            AreaId = areaId,
            ChildId = childId,
            SharedOn = sharedOn,
            RecordedAt = recordedAt,
            RecordedBy = recordedBy,
            WhatWasShared = whatWasShared.Trim(),
            SharedBy = sharedBy.Trim(),
            SharedByAgencyId = sharedByAgencyId,
            SharedWith = sharedWith.Trim(),
            SharedWithAgencyId = sharedWithAgencyId,
            Basis = basis!.Value,
            ConsentSought = consentSought.Value,
            ConsentGiven = consentSought.Value ? consentGiven : null,
            WhyNoConsent = why,
            SourceType = sourceType,
            SourceId = sourceId,
        };
    }

    public static string Describe(LawfulBasis basis) => basis switch
    {
        LawfulBasis.SafeguardingChildAtRisk => "Safeguarding a child at risk",
        LawfulBasis.PublicTask => "Public task",
        LawfulBasis.LegalObligation => "Legal obligation",
        LawfulBasis.VitalInterests => "Vital interests (protecting someone's life)",
        LawfulBasis.Consent => "Consent",
        _ => basis.ToString(),
    };

    /// <summary>One line for the chronology and the child's record.</summary>
    public string Summary() =>
        $"Information shared by {SharedBy} with {SharedWith} ({Describe(Basis)}): {WhatWasShared} "
        + (ConsentSought
            ? ConsentGiven switch { true => "Consent given.", false => $"Consent refused; shared because: {WhyNoConsent}", _ => "Consent sought." }
            : $"Consent not sought: {WhyNoConsent}");
}
