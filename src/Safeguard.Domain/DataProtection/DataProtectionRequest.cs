using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.DataProtection;

/// <summary>The right a person exercises under UK GDPR.</summary>
public enum RequestKind
{
    /// <summary>Article 15: a copy of the personal data held.</summary>
    SubjectAccess,

    /// <summary>Article 16: inaccurate personal data corrected.</summary>
    Rectification,

    /// <summary>Article 17: personal data erased ("the right to be forgotten").</summary>
    Erasure,
}

/// <summary>Who asked, as they stand to the child whose record the request concerns.</summary>
public enum RequesterRelationship
{
    TheChild,
    Parent,

    /// <summary>Another adult named in the child's records (a carer, a grandparent, a parent's partner).</summary>
    OtherAdult,
}

public enum RequestOutcome
{
    /// <summary>Subject access: the reviewed export was released to the requester.</summary>
    Released,

    /// <summary>Erasure refused: the record is kept to comply with a legal obligation (article 17(3)(b)).</summary>
    RefusedLegalObligation,

    /// <summary>Erasure refused: the record is needed for a task in the public interest or official authority (article 17(3)(b)).</summary>
    RefusedPublicTask,

    PartlyErased,
    Erased,

    /// <summary>Rectification: the record was corrected.</summary>
    Corrected,

    /// <summary>Rectification refused: the person's statement of their view is added to the record instead.</summary>
    NotCorrected,
}

public static class RequestWords
{
    public static string Describe(this RequestKind kind) => kind switch
    {
        RequestKind.SubjectAccess => "Subject access",
        RequestKind.Rectification => "Rectification",
        RequestKind.Erasure => "Erasure",
        _ => kind.ToString(),
    };

    public static string Describe(this RequesterRelationship relationship) => relationship switch
    {
        RequesterRelationship.TheChild => "The child",
        RequesterRelationship.Parent => "A parent",
        RequesterRelationship.OtherAdult => "Another adult named in the records",
        _ => relationship.ToString(),
    };

    public static string Describe(this RequestOutcome outcome) => outcome switch
    {
        RequestOutcome.Released => "Released",
        RequestOutcome.RefusedLegalObligation => "Refused: kept under a legal obligation",
        RequestOutcome.RefusedPublicTask => "Refused: needed for a public task",
        RequestOutcome.PartlyErased => "Partly erased",
        RequestOutcome.Erased => "Erased",
        RequestOutcome.Corrected => "Corrected",
        RequestOutcome.NotCorrected => "Not corrected: the person's statement added to the record",
        _ => outcome.ToString(),
    };

    /// <summary>The outcomes a decision on a request of this kind may have (a subject access request is released, not decided).</summary>
    public static IReadOnlyList<RequestOutcome> Outcomes(this RequestKind kind) => kind switch
    {
        RequestKind.Erasure => [RequestOutcome.RefusedLegalObligation, RequestOutcome.RefusedPublicTask, RequestOutcome.PartlyErased, RequestOutcome.Erased],
        RequestKind.Rectification => [RequestOutcome.Corrected, RequestOutcome.NotCorrected],
        _ => [],
    };
}

/// <summary>
/// A UK GDPR request about a child's record, handled by the data protection officer: who asked and how they stand to
/// the child, when it was received, what they asked, and the answer. The answer is due one calendar month after
/// receipt (article 12(3)), extendable once by two further months with a reason. The decision's text and reasons are
/// what the requester is given.
/// </summary>
public sealed class DataProtectionRequest
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 10_000;

    private DataProtectionRequest()
    {
        RequesterName = Details = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid ChildId { get; private set; }

    public RequestKind Kind { get; private set; }

    public string RequesterName { get; private set; }

    public RequesterRelationship Relationship { get; private set; }

    /// <summary>The day the request reached the local authority: the month runs from here.</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>What the requester asked for, in their words (which records, what they say is wrong, what to erase).</summary>
    public string Details { get; private set; }

    public Guid RecordedBy { get; private set; }

    /// <summary>Why the time was extended by two months (complex or numerous requests, article 12(3)); null when it was not.</summary>
    public string? ExtensionReason { get; private set; }

    /// <summary>
    /// One calendar month after <see cref="ReceivedOn"/> (the same day number in the next month, or its last day when that
    /// month is shorter: received 31 January, due 28 or 29 February), or three months when extended.
    /// </summary>
    public DateOnly DueOn => ReceivedOn.AddMonths(ExtensionReason is null ? 1 : 3);

    public RequestOutcome? Outcome { get; private set; }

    /// <summary>The decision and its reasons, as the requester is given them.</summary>
    public string? DecisionReasons { get; private set; }

    /// <summary>Rectification: what was changed. Erasure partly erased: what was erased.</summary>
    public string? WhatChanged { get; private set; }

    /// <summary>Rectification not made: the person's statement of their view, added to the child's record.</summary>
    public string? PersonsStatement { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public Guid? DecidedBy { get; private set; }

    /// <summary>
    /// Subject access: how the requester's identity (and, for someone asking for a child, their right to ask) was checked,
    /// e.g. "Passport and a council tax bill seen at the front desk". No export is produced before it is recorded.
    /// </summary>
    public string? IdentityCheck { get; private set; }

    /// <summary>The officer who recorded the identity check and answers for it.</summary>
    public Guid? IdentityCheckedBy { get; private set; }

    /// <summary>The day the identity was checked.</summary>
    public DateOnly? IdentityCheckedOn { get; private set; }

    /// <summary>Subject access: the first time the export was produced.</summary>
    public DateTimeOffset? FirstExportedAt { get; private set; }

    /// <summary>Subject access: the day the data protection officer reviewed the redacted export.</summary>
    public DateOnly? ReviewedOn { get; private set; }

    public bool IsOpen => Outcome is null;

    public bool IsOverdue(DateOnly today) => IsOpen && today > DueOn;

    public static DataProtectionRequest Receive(Guid id, Guid areaId, Guid childId, RequestKind kind, string requesterName,
        RequesterRelationship relationship, DateOnly receivedOn, string? details, Guid recordedBy, DateOnly today)
    {
        var name = requesterName?.Trim() ?? string.Empty;
        Require(name.Length > 0, "SG-DPR-01", "Enter the name of the person who made the request.", nameof(RequesterName));
        Require(name.Length <= MaxNameLength, "SG-DPR-01", $"The name must be {MaxNameLength} characters or fewer.", nameof(RequesterName));
        Require(receivedOn <= today, "SG-DPR-02", "The date the request was received must be today or in the past.", nameof(ReceivedOn));
        var text = details?.Trim() ?? string.Empty;
        Require(kind == RequestKind.SubjectAccess || text.Length > 0, "SG-DPR-03",
            kind == RequestKind.Erasure ? "Say what the person asked to be erased." : "Say what the person says is inaccurate and what it should say.",
            nameof(Details));
        Require(text.Length <= MaxTextLength, "SG-DPR-03", $"The request must be {MaxTextLength:N0} characters or fewer.", nameof(Details));
        return new DataProtectionRequest
        {
            Id = id,
            AreaId = areaId,
            ChildId = childId,
            Kind = kind,
            RequesterName = name,
            Relationship = relationship,
            ReceivedOn = receivedOn,
            Details = text,
            RecordedBy = recordedBy,
        };
    }

    /// <summary>Extends the time to answer by two further months (article 12(3)); once, with a reason, before the month ends.</summary>
    public void Extend(string? reason, DateOnly today)
    {
        Require(IsOpen, "SG-DPR-04", "This request has already been answered.");
        Require(ExtensionReason is null, "SG-DPR-05", "The time to answer has already been extended: it can be extended once, by two months.");
        Require(today <= DueOn, "SG-DPR-05", "The time can only be extended within the first month: the answer is already overdue.");
        var text = reason?.Trim() ?? string.Empty;
        Require(text.Length > 0 && text.Length <= MaxTextLength, "SG-DPR-06",
            "Say why more time is needed (the request is complex, or there are several): the requester is told why.", nameof(ExtensionReason));
        ExtensionReason = text;
    }

    /// <summary>
    /// Subject access: records how the requester's identity was checked, by whom and when: a copy of a child's record must
    /// go only to the person entitled to it, so nothing is exported before this (SG-DPR-20).
    /// </summary>
    public void RecordIdentityCheck(string? how, Guid officerId, DateOnly on, DateOnly today)
    {
        Require(Kind == RequestKind.SubjectAccess, "SG-DPR-07", "Only a subject access request needs the requester's identity checked before an export.");
        Require(IsOpen, "SG-DPR-04", "This request has already been answered.");
        var text = how?.Trim() ?? string.Empty;
        Require(text.Length > 0, "SG-DPR-20",
            "Say how the requester's identity was checked (for example, the documents seen, and where), and their right to ask for the child.",
            nameof(IdentityCheck));
        Require(text.Length <= MaxTextLength, "SG-DPR-20", $"The identity check must be {MaxTextLength:N0} characters or fewer.", nameof(IdentityCheck));
        Require(on >= ReceivedOn.AddMonths(-1) && on <= today, "SG-DPR-20",
            "The date the identity was checked must be today or in the past, and not long before the request was received.", nameof(IdentityCheckedOn));
        IdentityCheck = text;
        IdentityCheckedBy = officerId;
        IdentityCheckedOn = on;
    }

    /// <summary>Subject access: the export was produced (every export is audited; the first is noted here).</summary>
    public void Exported(DateTimeOffset at)
    {
        Require(Kind == RequestKind.SubjectAccess, "SG-DPR-07", "Only a subject access request has an export.");
        Require(IdentityCheckedOn is not null, "SG-DPR-20",
            "Record how the requester's identity was checked before producing the export: a copy of the record goes only to the person entitled to it.",
            nameof(IdentityCheck));
        FirstExportedAt ??= at;
    }

    /// <summary>Subject access: the data protection officer has checked the redactions in the export.</summary>
    public void MarkReviewed(DateOnly on, DateOnly today)
    {
        Require(Kind == RequestKind.SubjectAccess, "SG-DPR-07", "Only a subject access request has an export to review.");
        Require(IsOpen, "SG-DPR-04", "This request has already been answered.");
        Require(FirstExportedAt is not null, "SG-DPR-08", "Look at the export and check its redactions before marking it reviewed.");
        Require(on >= ReceivedOn && on <= today, "SG-DPR-09", "The date reviewed must be between the date received and today.", nameof(ReviewedOn));
        ReviewedOn = on;
    }

    /// <summary>Subject access: the reviewed export was released to the requester.</summary>
    public void Release(Guid officerId, DateOnly on, DateOnly today)
    {
        Require(Kind == RequestKind.SubjectAccess, "SG-DPR-07", "Only a subject access request is released.");
        Require(IsOpen, "SG-DPR-04", "This request has already been answered.");
        Require(ReviewedOn is not null, "SG-DPR-10", "Review the redacted export before releasing it: third parties' information must not be released.");
        Require(on >= ReviewedOn && on <= today, "SG-DPR-09", "The date released must be between the date reviewed and today.", nameof(DecidedOn));
        Outcome = RequestOutcome.Released;
        DecidedOn = on;
        DecidedBy = officerId;
    }

    /// <summary>
    /// Decides an erasure or rectification request. <paramref name="retentionReviewOn"/> is the day the retention schedule
    /// lets the record be reviewed for destruction: before that day it may not be erased in full (SG-DPR-13).
    /// </summary>
    public void Decide(Guid officerId, RequestOutcome outcome, string? reasons, string? whatChanged, string? personsStatement, DateOnly today,
        DateOnly? retentionReviewOn)
    {
        Require(IsOpen, "SG-DPR-04", "This request has already been answered.");
        Require(Kind.Outcomes().Contains(outcome), "SG-DPR-11",
            Kind == RequestKind.SubjectAccess
                ? "A subject access request is answered by releasing the reviewed export."
                : $"Choose an outcome for a {Kind.Describe().ToLowerInvariant()} request.", nameof(Outcome));
        var why = reasons?.Trim() ?? string.Empty;
        Require(why.Length > 0 && why.Length <= MaxTextLength, "SG-DPR-12",
            "Give the decision's reasons: they are what the requester is told, with their right to complain to the Information Commissioner.",
            nameof(DecisionReasons));
        Require(outcome != RequestOutcome.Erased || retentionReviewOn is null || retentionReviewOn <= today, "SG-DPR-13",
            $"The retention schedule keeps this record until {retentionReviewOn:d MMMM yyyy}: it cannot be erased in full. Refuse, or erase part.",
            nameof(Outcome));
        var changed = whatChanged?.Trim();
        Require(outcome is not (RequestOutcome.Corrected or RequestOutcome.PartlyErased) || !string.IsNullOrEmpty(changed), "SG-DPR-14",
            outcome == RequestOutcome.Corrected ? "Say what was corrected." : "Say what was erased.", nameof(WhatChanged));
        var statement = personsStatement?.Trim();
        Require(outcome != RequestOutcome.NotCorrected || !string.IsNullOrEmpty(statement), "SG-DPR-15",
            "Record the person's statement of their view: it is added to the child's record when the record is not corrected.", nameof(PersonsStatement));
        Require((changed?.Length ?? 0) <= MaxTextLength && (statement?.Length ?? 0) <= MaxTextLength, "SG-DPR-14",
            $"Each answer must be {MaxTextLength:N0} characters or fewer.", nameof(WhatChanged));
        Outcome = outcome;
        DecisionReasons = why;
        WhatChanged = outcome is RequestOutcome.Corrected or RequestOutcome.PartlyErased or RequestOutcome.Erased ? changed : null;
        PersonsStatement = outcome == RequestOutcome.NotCorrected ? statement : null;
        DecidedOn = today;
        DecidedBy = officerId;
    }
}
