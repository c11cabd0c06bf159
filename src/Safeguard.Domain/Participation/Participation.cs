using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.FamilyHelp;

namespace Safeguard.Domain.Participation;

/// <summary>
/// One part someone takes in a record, as the record itself says: a lead practitioner's allocation, a core group member
/// named by the conference, an invitation, a conference's chair. <see cref="Name"/> and <see cref="AgencyName"/> are
/// empty when the record names only the practitioner's account (their details come from the practitioner).
/// </summary>
public sealed record Participation(ParticipantRole Role, Guid? PractitionerId, string Name, string AgencyName, DateOnly From, DateOnly? Until);

/// <summary>
/// Who takes part in each kind of record, and keeping the participant rows in step with it. Every change to a record
/// that starts or ends someone's part (allocating a lead practitioner, a conference naming its core group, an invitation,
/// a plan or an episode ending) is written as participant rows in the same save.
/// </summary>
public static class Participations
{
    public const string Episode = nameof(FamilyHelp.Episode);

    public const string Section47Enquiry = nameof(ChildProtection.Section47Enquiry);

    public const string ChildProtectionConference = nameof(ChildProtection.ChildProtectionConference);

    public const string ChildProtectionPlan = nameof(ChildProtection.ChildProtectionPlan);

    public const string ConferenceMeeting = nameof(ChildProtection.ConferenceMeeting);

    /// <summary>
    /// An episode's lead practitioners (ASM-01), each from their allocation until the next one, and its co-workers; those
    /// allocated when the episode closes take part until the day it closed.
    /// </summary>
    public static IReadOnlyList<Participation> Of(Episode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return [.. episode.Allocations.Select(a => new Participation(ParticipantRole.LeadPractitioner, a.PractitionerId, string.Empty, string.Empty, a.From,
            a.Until ?? Latest(a.From, episode.ClosedOn))),
            .. episode.CoWorkers.Select(c => new Participation(ParticipantRole.CoWorker, c.PractitionerId, string.Empty, string.Empty, c.From,
                c.Until ?? Latest(c.From, episode.ClosedOn)))];
    }

    /// <summary>A section 47 enquiry's lead social worker (RC-03) and the Family Help lead practitioner who stays involved (FH-06), until it concludes.</summary>
    public static IReadOnlyList<Participation> Of(Section47Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        var until = Latest(enquiry.StartedOn, enquiry.ConcludedOn);
        var parts = new List<Participation> { new(ParticipantRole.LeadPractitioner, enquiry.LeadId, string.Empty, string.Empty, enquiry.StartedOn, until) };
        if (enquiry.FamilyHelpLeadPractitionerId is { } familyHelp && familyHelp != enquiry.LeadId)
        {
            parts.Add(new Participation(ParticipantRole.CoWorker, familyHelp, string.Empty, string.Empty, enquiry.StartedOn, until));
        }

        return parts;
    }

    /// <summary>A conference's independent chair (ICPC-03), on the day it was held.</summary>
    public static IReadOnlyList<Participation> Of(ChildProtectionConference conference)
    {
        ArgumentNullException.ThrowIfNull(conference);
        return [new(ParticipantRole.Chair, conference.ChairId, string.Empty, string.Empty, conference.HeldOn, conference.HeldOn)];
    }

    /// <summary>
    /// A child protection plan's lead social workers (RC-04), each from the conference or the day a manager made them
    /// lead until the next; its core group members (ICPC-05), from the conference or the day they joined until they left
    /// or the plan ended; and each review conference's chair, on its day.
    /// </summary>
    public static IReadOnlyList<Participation> Of(ChildProtectionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var until = Latest(plan.StartedOn, plan.EndedOn);
        var parts = new List<Participation>(plan.LeadPeriods().Select(l => new Participation(ParticipantRole.LeadPractitioner, l.LeadId, string.Empty, string.Empty,
            l.From, l.Until)));
        parts.AddRange(plan.CoreGroup.Select(m =>
        {
            var from = m.From ?? plan.StartedOn;
            var left = m.Until is { } u && (until is null || u < until) ? u : until;
            return new Participation(ParticipantRole.CoreGroupMember, m.PractitionerId, m.Name, m.Agency, from, Latest(from, left));
        }));
        parts.AddRange(plan.Reviews.Select(r => new Participation(ParticipantRole.Chair, r.ChairId, string.Empty, string.Empty, r.HeldOn, r.HeldOn)));
        return parts;
    }

    /// <summary>A conference's invitees (ICPC-04), from the day they were invited: its papers stay theirs.</summary>
    public static IReadOnlyList<Participation> Of(ConferenceMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return [.. meeting.Invitations.Select(i => new Participation(ParticipantRole.Invitee, i.PractitionerId, i.Name, i.Agency, i.InvitedOn, null))];
    }

    /// <summary>
    /// Brings a record's participant rows in step with who the record says takes part: starts those not yet there,
    /// ends (or resumes) those whose part ended (or carries on), moves them with the record to another child, and
    /// returns the rows to add and those no longer part of the record at all. <paramref name="describe"/> gives a
    /// practitioner's name and agency, for those the record names only by their account.
    /// </summary>
    public static (IReadOnlyList<Participant> Added, IReadOnlyList<Participant> Removed) Reconcile(IReadOnlyList<Participant> existing,
        IReadOnlyList<Participation> wanted, Guid areaId, string recordKind, Guid recordId, Guid? childId, Func<Participation, (string Name, Guid? AgencyId, string AgencyName)> describe,
        Func<Guid> newId)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(describe);
        ArgumentNullException.ThrowIfNull(newId);
        var unmatched = existing.Where(p => p.RecordKind == recordKind && p.RecordId == recordId).ToList();
        var added = new List<Participant>();
        foreach (var part in wanted)
        {
            var row = unmatched.Find(p => p.Role == part.Role && p.PractitionerId == part.PractitionerId && p.From == part.From
                && (part.PractitionerId is not null || p.Name == part.Name.Trim()));
            if (row is null)
            {
                // The record's own words for who they are come first; the practitioner's details fill what it leaves out.
                var (name, agencyId, agencyName) = part.PractitionerId is null ? (string.Empty, null, string.Empty) : describe(part);
                added.Add(Participant.Start(newId(), areaId, recordKind, recordId, childId, part.Role, part.PractitionerId,
                    string.IsNullOrWhiteSpace(part.Name) ? name : part.Name, agencyId, string.IsNullOrWhiteSpace(part.AgencyName) ? agencyName : part.AgencyName,
                    part.From, part.Until));
                continue;
            }

            unmatched.Remove(row);
            if (row.Until != part.Until)
            {
                if (part.Until is { } until)
                {
                    row.End(until);
                }
                else
                {
                    row.Resume();
                }
            }

            if (row.ChildId != childId)
            {
                row.MoveToChild(childId);
            }

            if (part.PractitionerId is null || !string.IsNullOrWhiteSpace(part.Name))
            {
                var agency = string.IsNullOrWhiteSpace(part.AgencyName) ? row.AgencyName : part.AgencyName.Trim();
                if (row.Name != part.Name.Trim() || row.AgencyName != agency)
                {
                    row.Describe(part.Name, row.AgencyId, agency);
                }
            }
        }

        return (added, unmatched);
    }

    private static DateOnly? Latest(DateOnly from, DateOnly? until) => until is { } u && u < from ? from : until;
}
