using Safeguard.Domain.Calendar;
using Safeguard.Domain.Children;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;
using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.OperationEncompass;

/// <summary>
/// Operation Encompass (chapter 4, ¶284, fn54): after police attend a domestic abuse incident connected to a child,
/// the child's school or early years setting is told before the next school day begins, so its designated
/// safeguarding lead can support the child. It is a notification, not a referral, and never replaces one.
/// </summary>
public sealed class EncompassNotification
{
    public const int MaxSummaryLength = 2_000;

    private EncompassNotification()
    {
        Summary = string.Empty;
    }

    private EncompassNotification(Guid id, Child child, Agency setting, Practitioner officer, DateTimeOffset incidentAt, DateOnly incidentOn,
        bool childPresent, string summary, DateTimeOffset sentAt, DateTimeOffset shareBy, ChildAsSent? childAsSent, Guid? possiblyHeldChildId)
    {
        ChildAsSent = childAsSent;
        PossiblyHeldChildId = possiblyHeldChildId;
        Id = id;
        AreaId = child.AreaId;
        ChildId = child.Id;
        SettingAgencyId = setting.Id;
        RecordedBy = officer.Id;
        IncidentAt = incidentAt;
        IncidentOn = incidentOn;
        ChildPresent = childPresent;
        Summary = summary.Trim();
        SentAt = sentAt;
        ShareBy = shareBy;
        DueBy = EnglandClock.ToEnglandDate(shareBy);
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid ChildId { get; private set; }

    /// <summary>The child's school, college or early years setting, whose designated safeguarding lead is told.</summary>
    public Guid SettingAgencyId { get; private set; }

    public Guid RecordedBy { get; private set; }

    /// <summary>The child as the police described them: what the police are shown of it, whichever record the child turns out to have.</summary>
    public ChildAsSent? ChildAsSent { get; private set; }

    /// <summary>
    /// A record children's social care holds that has the same NHS number as the child the police described: a suggestion only.
    /// The notification stays with the record made from what the police sent until the front door confirms it is the same child
    /// (and joins the records) or says it is not. The police are never told.
    /// </summary>
    public Guid? PossiblyHeldChildId { get; private set; }

    public DateTimeOffset IncidentAt { get; private set; }

    /// <summary>Day 0 of POL-01: the date in England the police attended.</summary>
    public DateOnly IncidentOn { get; private set; }

    public bool ChildPresent { get; private set; }

    /// <summary>What the setting needs to know to support the child; not the police report.</summary>
    public string Summary { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    /// <summary>The date of <see cref="ShareBy"/>: the next school day after the incident (POL-01).</summary>
    public DateOnly DueBy { get; private set; }

    /// <summary>
    /// The start of the next school day after the incident (<see cref="SchoolDayStart"/>): the police share before it (POL-01). Unknown
    /// for notifications sent before the time of day was kept.
    /// </summary>
    public DateTimeOffset? ShareBy { get; private set; }

    /// <summary>
    /// The police shared it after the start of the school day they had to share it before: late by the police's own timescale
    /// (POL-01), reported with the notification and never counted as a breach by children's social care.
    /// </summary>
    public bool SharedLate => ShareBy is { } due && SentAt > due;

    public DateTimeOffset? SeenAt { get; private set; }

    public Guid? SeenBy { get; private set; }

    /// <summary>Police record the notification; it goes to the setting at once.</summary>
    /// <param name="shareBy">The start of the next school day after the incident (<see cref="SchoolDayStart.NextAfter"/>).</param>
    /// <param name="child">The record made from what the police sent (never a record children's social care already holds).</param>
    /// <param name="possiblyHeldChildId">A held record with the same NHS number, for the front door to confirm or not.</param>
    public static EncompassNotification Send(Guid id, Child child, Agency setting, Practitioner officer, Agency officersAgency,
        DateTimeOffset incidentAt, DateOnly incidentOn, bool childPresent, string summary, DateTimeOffset sentAt, DateTimeOffset shareBy,
        Guid? possiblyHeldChildId = null)
    {
        Require(officer.AgencyId == officersAgency.Id && officersAgency.Kind is AgencyKind.Police or AgencyKind.BritishTransportPolice, "POL-01",
            "Operation Encompass notifications are sent by the police who attended.");
        Require(setting.IsEducationOrChildcare, "SG-ENC-01", "Choose the child's school, college or early years setting.", "SettingAgencyId");
        Require(setting.AreaId == child.AreaId && officer.AreaId == child.AreaId, "SG-ENC-02", "The child, the setting and the officer must be in the same area.");
        Require(!string.IsNullOrWhiteSpace(summary), "SG-ENC-03", "Say what the setting needs to know to support the child.", nameof(Summary));
        Require(summary.Length <= MaxSummaryLength, "SG-ENC-03", $"The summary must be {MaxSummaryLength:N0} characters or fewer.", nameof(Summary));
        Require(incidentAt <= sentAt, "SG-ENC-04", "The incident cannot be after the notification.", nameof(IncidentAt));
        Require(shareBy > incidentAt, "POL-01", "The notification is shared before the start of the school day after the incident.");
        Require(possiblyHeldChildId != child.Id, "SG-ENC-06", "A suggested match is another record than the one made from what the police sent.");
        return new EncompassNotification(id, child, setting, officer, incidentAt, incidentOn, childPresent, summary, sentAt, shareBy,
            new ChildAsSent(child.GivenName, child.FamilyName, child.DateOfBirth, child.ExpectedDateOfBirth), possiblyHeldChildId);
    }

    /// <summary>
    /// The front door has decided whether the held record it was offered is this child: either way the suggestion is settled
    /// (when it is, the records are joined and the notification moves with the child, see <see cref="MoveToChild"/>).
    /// </summary>
    public void SettleSuggestedMatch()
    {
        PendingMatch();
        PossiblyHeldChildId = null;
    }

    /// <summary>Only the front door confirming a suggested match that is still waiting for them settles it.</summary>
    public const string NoPendingMatchRule = "SG-ENC-07";

    /// <summary>The held record the front door was offered for this child, while they have still to say whether it is the same child.</summary>
    public Guid PendingMatch()
    {
        Require(PossiblyHeldChildId is not null, NoPendingMatchRule,
            "There is no possible match waiting for this notification: it has been settled already, or the police's description matched no record held.");
        return PossiblyHeldChildId!.Value;
    }

    /// <summary>The child turned out to have an existing record: the notification moves to it (after <see cref="Child.MergeInto"/>).</summary>
    public void MoveToChild(Child survivor)
    {
        Require(survivor.AreaId == AreaId, "SG-ENC-02", "The child, the setting and the officer must be in the same area.");
        ChildId = survivor.Id;
        PossiblyHeldChildId = null;
    }

    /// <summary>The setting's designated safeguarding lead has read it.</summary>
    public void MarkSeen(Practitioner lead, DateTimeOffset at)
    {
        Require(lead.AgencyId == SettingAgencyId && lead.Has(PractitionerRole.DesignatedSafeguardingLead), "SG-ENC-05",
            "Only the setting's designated safeguarding lead can mark the notification as seen.");
        if (SeenAt is null)
        {
            SeenAt = at;
            SeenBy = lead.Id;
        }
    }
}
