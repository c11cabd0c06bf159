using Safeguard.Domain.Children;
using Safeguard.Domain.InformationSharing;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.Exchanges;

/// <summary>What one area sends another.</summary>
public enum ExchangeKind
{
    /// <summary>
    /// The transfer package of a child on a child protection plan who moves permanently to the receiving area, which holds its
    /// transfer-in conference within 15 working days of being told (DISC-02).
    /// </summary>
    TransferPackage,
}

/// <summary>The parts of a child's record an exchange carries.</summary>
[Flags]
public enum SharedSections
{
    None = 0,

    /// <summary>Who the child is: names, date of birth, sex, ethnicity, NHS number.</summary>
    ChildDetails = 1,

    /// <summary>The child protection plan: its category, since when, its lead social worker and core group.</summary>
    ChildProtectionPlan = 2,

    /// <summary>The latest authorised assessment's conclusion.</summary>
    LatestAssessment = 4,

    /// <summary>The child's chronology.</summary>
    Chronology = 8,
}

/// <summary>
/// An exchange between two areas, a record of its own (docs/decisions/0011): sent by one area (<see cref="AreaId"/>) to another
/// (<see cref="ToAreaId"/>), saying what was shared, on which lawful basis, by whom and when; acknowledged by the receiving area
/// (who, when). It is the only thing that crosses: the sending area's records stay where they are, and the receiving area makes
/// its own record of the child from it by an explicit step (<see cref="RecordChild"/>), never by a copy made behind its back.
/// Both areas read the row, nobody else; only the sender adds it, only the receiver acknowledges it.
/// </summary>
public sealed class AreaExchange
{
    public const int MaxTextLength = 40_000;

    public const int MaxNameLength = 300;

    private AreaExchange()
    {
        Reference = FromAreaName = ToAreaName = SentByName = SentByAgency = ChildGivenName = ChildFamilyName = EthnicityCode = Package = string.Empty;
    }

    /// <summary>The area that sent it: the one that added the row.</summary>
    public Guid AreaId { get; private set; }

    public Guid Id { get; private set; }

    /// <summary>The area it was sent to: it reads the row and acknowledges it.</summary>
    public Guid ToAreaId { get; private set; }

    /// <summary>The area that acted on it last (the sender on sending, the receiver afterwards): where that act is audited.</summary>
    public Guid ActedInAreaId { get; private set; }

    public string Reference { get; private set; }

    public ExchangeKind Kind { get; private set; }

    public string FromAreaName { get; private set; }

    public string ToAreaName { get; private set; }

    public SharedSections Shared { get; private set; }

    public LawfulBasis LawfulBasis { get; private set; }

    /// <summary>The sending area's child, episode and plan: ids meaningful in the sending area only.</summary>
    public Guid SourceChildId { get; private set; }

    public Guid SourceEpisodeId { get; private set; }

    public Guid? SourcePlanId { get; private set; }

    /// <summary>The day the receiving area was told of the move: its transfer-in conference is due 15 working days after it (DISC-02).</summary>
    public DateOnly ToldOn { get; private set; }

    public Guid SentById { get; private set; }

    public string SentByName { get; private set; }

    public string SentByAgency { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    // The child as the sending area holds them: what the receiving area records the child from.
    public string ChildGivenName { get; private set; }

    public string ChildFamilyName { get; private set; }

    public DateOnly? DateOfBirth { get; private set; }

    public DateOnly? ExpectedDateOfBirth { get; private set; }

    public Sex Sex { get; private set; }

    public string EthnicityCode { get; private set; }

    public string? NhsNumber { get; private set; }

    /// <summary>The rest of what was shared, in words: the plan, the latest assessment, the chronology.</summary>
    public string Package { get; private set; }

    public Guid? AcknowledgedById { get; private set; }

    public string? AcknowledgedByName { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>The receiving area's own record of the child, made from this exchange by an explicit step.</summary>
    public Guid? RecordedChildId { get; private set; }

    public string? RecordedByName { get; private set; }

    public DateTimeOffset? RecordedAt { get; private set; }

    /// <summary>The receiving area's episode on which the move here on the sending area's plan was recorded from this exchange.</summary>
    public Guid? ReceivingEpisodeId { get; private set; }

    public bool IsAcknowledged => AcknowledgedAt is not null;

    /// <summary>The child's name as sent.</summary>
    public string ChildName => $"{ChildGivenName} {ChildFamilyName}";

    /// <summary>
    /// Sends a child's transfer package to the area the child is moving to (DISC-02). The receiving area must be another area
    /// (a package to oneself is no exchange), the lawful basis one of the list, and the child's details always included.
    /// </summary>
    public static AreaExchange SendTransferPackage(Guid id, string reference, Guid fromAreaId, string fromAreaName, Guid toAreaId, string toAreaName,
        Child child, Guid episodeId, Guid? planId, SharedSections shared, LawfulBasis lawfulBasis, DateOnly toldOn, Guid sentById, string sentByName,
        string sentByAgency, string package, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(child);
        Require(toAreaId != fromAreaId, ExchangeRule, "Choose the local authority area the child is moving to: not your own.", "ReceivingAreaId");
        Require(child.AreaId == fromAreaId, "SG-REF-01", "The child's record is in another area.");
        Require(Enum.IsDefined(lawfulBasis), ExchangeRule, "Select the lawful basis for sharing the package.", nameof(LawfulBasis));
        Require(shared.HasFlag(SharedSections.ChildDetails), ExchangeRule, "A transfer package always says who the child is.", nameof(Shared));
        Require((package?.Length ?? 0) <= MaxTextLength, ExchangeRule, $"The package must be {MaxTextLength:N0} characters or fewer.", nameof(Package));
        return new AreaExchange
        {
            Id = id,
            AreaId = fromAreaId,
            ToAreaId = toAreaId,
            ActedInAreaId = fromAreaId,
            Reference = reference,
            Kind = ExchangeKind.TransferPackage,
            FromAreaName = fromAreaName,
            ToAreaName = toAreaName,
            Shared = shared,
            LawfulBasis = lawfulBasis,
            SourceChildId = child.Id,
            SourceEpisodeId = episodeId,
            SourcePlanId = planId,
            ToldOn = toldOn,
            SentById = sentById,
            SentByName = Trim(sentByName),
            SentByAgency = Trim(sentByAgency),
            SentAt = sentAt,
            ChildGivenName = child.GivenName,
            ChildFamilyName = child.FamilyName,
            DateOfBirth = child.DateOfBirth,
            ExpectedDateOfBirth = child.ExpectedDateOfBirth,
            Sex = child.Sex,
            EthnicityCode = child.EthnicityCode,
            NhsNumber = child.NhsNumber,
            Package = package ?? string.Empty,
        };
    }

    /// <summary>The receiving area acknowledges it: once, by someone working in that area.</summary>
    public void Acknowledge(Guid areaId, Guid practitionerId, string practitionerName, DateTimeOffset at)
    {
        RequireReceiver(areaId);
        Require(!IsAcknowledged, AcknowledgementRule, "The exchange has already been acknowledged.");
        AcknowledgedById = practitionerId;
        AcknowledgedByName = Trim(practitionerName);
        AcknowledgedAt = at;
        ActedInAreaId = areaId;
    }

    /// <summary>
    /// The receiving area makes its own record of the child from the exchange — explicitly, once, after acknowledging it — or
    /// says it is a child it already holds (<paramref name="childId"/> of its own area).
    /// </summary>
    public void RecordChild(Guid areaId, Guid childId, string practitionerName, DateTimeOffset at)
    {
        RequireReceiver(areaId);
        Require(IsAcknowledged, AcknowledgementRule, "Acknowledge the exchange before recording the child from it.");
        Require(RecordedChildId is null, RecordChildRule, "The child has already been recorded from this exchange.");
        RecordedChildId = childId;
        RecordedByName = Trim(practitionerName);
        RecordedAt = at;
        ActedInAreaId = areaId;
    }

    /// <summary>The receiving area records, on its episode for the child, that the child moved here on the sending area's plan (DISC-02).</summary>
    public void MovedInOn(Guid areaId, Guid episodeId)
    {
        RequireReceiver(areaId);
        Require(RecordedChildId is not null, RecordChildRule, "Record the child from the exchange first.");
        Require(ReceivingEpisodeId is null, "DISC-02", "The move here on the sending area's plan is already recorded from this exchange.");
        ReceivingEpisodeId = episodeId;
        ActedInAreaId = areaId;
    }

    /// <summary>What the receiving area records the child from: the details as sent.</summary>
    public ChildDetails ChildDetails() => new(ChildGivenName, ChildFamilyName, DateOfBirth, ExpectedDateOfBirth, Sex, null, EthnicityCode, [], null,
        NhsNumber is null ? null : Children.NhsNumber.Parse(NhsNumber), null);

    /// <summary>The parts shared, in words.</summary>
    public static IReadOnlyList<string> Describe(SharedSections shared) =>
    [
        .. new (SharedSections Section, string Name)[]
        {
            (SharedSections.ChildDetails, "The child's details"), (SharedSections.ChildProtectionPlan, "The child protection plan"),
            (SharedSections.LatestAssessment, "The latest assessment"), (SharedSections.Chronology, "The chronology"),
        }.Where(s => shared.HasFlag(s.Section)).Select(s => s.Name),
    ];

    /// <summary>The lawful bases in the words of the law, as the receiving area reads them.</summary>
    public static string DescribeBasis(LawfulBasis basis) => basis switch
    {
        LawfulBasis.SafeguardingChildAtRisk =>
            "Safeguarding of children and individuals at risk (Data Protection Act 2018, Schedule 8 paragraph 4; Schedule 1 paragraph 18), for the receiving authority's duties under the Children Act 1989 sections 17 and 47",
        LawfulBasis.PublicTask => "A task in the public interest or in the exercise of official authority (UK GDPR Article 6(1)(e))",
        LawfulBasis.LegalObligation => "A legal obligation (UK GDPR Article 6(1)(c)), such as a duty under the Children Act 1989",
        LawfulBasis.VitalInterests => "Protecting someone's life (UK GDPR Article 6(1)(d))",
        LawfulBasis.Consent => "The person's consent (UK GDPR Article 6(1)(a))",
        _ => basis.ToString(),
    };

    /// <summary>An exchange's own rules: the receiving area, the lawful basis, what was shared.</summary>
    public const string ExchangeRule = "SG-EXCH-01";

    /// <summary>Only the receiving area acknowledges an exchange, once.</summary>
    public const string AcknowledgementRule = "SG-EXCH-02";

    /// <summary>The receiving area records the child from an exchange once, by an explicit step.</summary>
    public const string RecordChildRule = "SG-EXCH-03";

    private void RequireReceiver(Guid areaId) =>
        Require(areaId == ToAreaId, AcknowledgementRule, "Only the area the exchange was sent to can act on it.");

    private static string Trim(string value) => value.Trim() is { Length: > MaxNameLength } long_ ? long_[..MaxNameLength] : value.Trim();
}
