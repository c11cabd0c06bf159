using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.Participation;

/// <summary>The part someone takes in a record, in the guidance's words.</summary>
public enum ParticipantRole
{
    /// <summary>The lead practitioner of an episode (ASM-01), the social worker leading a section 47 enquiry or a child protection plan (RC-03, RC-04).</summary>
    LeadPractitioner,

    /// <summary>A practitioner working alongside the lead practitioner.</summary>
    CoWorker,

    /// <summary>A member of a child protection plan's core group (ICPC-05).</summary>
    CoreGroupMember,

    /// <summary>Someone invited to a child protection conference (ICPC-04).</summary>
    Invitee,

    /// <summary>The independent chair of a child protection conference (ICPC-03, RC-06).</summary>
    Chair,

    /// <summary>A reviewer of a case or a practice review.</summary>
    Reviewer,

    /// <summary>The local authority designated officer handling an allegation.</summary>
    Lado,

    /// <summary>A member of a panel (a child death review, a rapid review).</summary>
    PanelMember,
}

/// <summary>
/// Who takes part in a record, in which role, for which agency, from when until when (null: still taking part). A
/// practitioner with an account is named by their id; someone outside the service (the family's advocate, a GP without
/// an account) by name and the part they play. Participants are what access checks and "My work" read: who leads a
/// child's episode, who sits in a plan's core group, who is invited to a conference.
/// </summary>
public sealed class Participant
{
    public const int MaxNameLength = 200;

    public const int MaxRecordKindLength = 60;

    private Participant()
    {
        RecordKind = Name = AgencyName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    /// <summary>The kind of record taken part in, as the audit trail names it (for example "Episode", "ChildProtectionPlan").</summary>
    public string RecordKind { get; private set; }

    public Guid RecordId { get; private set; }

    /// <summary>The child the record is about; null for a record about no one child.</summary>
    public Guid? ChildId { get; private set; }

    /// <summary>The practitioner's account; null for someone named without one.</summary>
    public Guid? PractitionerId { get; private set; }

    public string Name { get; private set; }

    public Guid? AgencyId { get; private set; }

    /// <summary>The agency they act for, or their part when they have none (for example, the family's advocate).</summary>
    public string AgencyName { get; private set; }

    public ParticipantRole Role { get; private set; }

    public DateOnly From { get; private set; }

    /// <summary>The last day they took part; null while they still do.</summary>
    public DateOnly? Until { get; private set; }

    public bool IsCurrent => Until is null;

    /// <summary>Someone starts taking part in a record.</summary>
    public static Participant Start(Guid id, Guid areaId, string recordKind, Guid recordId, Guid? childId, ParticipantRole role, Guid? practitionerId,
        string name, Guid? agencyId, string agencyName, DateOnly from, DateOnly? until = null)
    {
        Require(!string.IsNullOrWhiteSpace(recordKind) && recordKind.Length <= MaxRecordKindLength, "SG-PT-01", "Say which kind of record this is.", nameof(RecordKind));
        Require(practitionerId is not null || !string.IsNullOrWhiteSpace(name), "SG-PT-02", "Name who takes part, or choose their account.", nameof(Name));
        Require(until is null || until >= from, "SG-PT-03", "Taking part cannot end before it starts.", nameof(Until));
        return new Participant
        {
            Id = id,
            AreaId = areaId,
            RecordKind = recordKind,
            RecordId = recordId,
            ChildId = childId,
            Role = role,
            PractitionerId = practitionerId,
            Name = Limit(name),
            AgencyId = agencyId,
            AgencyName = Limit(agencyName),
            From = from,
            Until = until,
        };
    }

    /// <summary>They stop taking part: their last day. Ending an ended participation moves its last day.</summary>
    public void End(DateOnly on)
    {
        Require(on >= From, "SG-PT-03", "Taking part cannot end before it starts.", nameof(Until));
        Until = on;
    }

    /// <summary>They take part again after all (an ending undone, such as a closed record reopened).</summary>
    public void Resume() => Until = null;

    /// <summary>The record now belongs to another child (a duplicate record merged into the one kept).</summary>
    public void MoveToChild(Guid? childId) => ChildId = childId;

    /// <summary>The agency and name shown, when a practitioner's details change.</summary>
    public void Describe(string name, Guid? agencyId, string agencyName)
    {
        Name = Limit(name);
        AgencyId = agencyId;
        AgencyName = Limit(agencyName);
    }

    private static string Limit(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        return trimmed.Length <= MaxNameLength ? trimmed : trimmed[..MaxNameLength];
    }
}
