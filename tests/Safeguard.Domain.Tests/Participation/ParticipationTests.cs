using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Participation;
using static Safeguard.Domain.Tests.ChildProtection.StrategyDiscussionTests;

namespace Safeguard.Domain.Tests.Participation;

/// <summary>Who takes part in a record, as rows: started, ended and moved with the record that says so.</summary>
public sealed class ParticipationTests
{
    private static (string, Guid?, string) Nobody(Domain.Participation.Participation part) => ("Named " + part.PractitionerId, Guid.Empty, "Agency " + part.PractitionerId);

    private static List<Participant> Rows(IReadOnlyList<Domain.Participation.Participation> parts, string kind, Guid recordId, Guid? childId, List<Participant>? existing = null)
    {
        var rows = existing ?? [];
        var (added, removed) = Participations.Reconcile(rows, parts, AreaId, kind, recordId, childId, Nobody, Guid.NewGuid);
        rows.RemoveAll(r => removed.Contains(r));
        rows.AddRange(added);
        return rows;
    }

    [Fact]
    [Trait("Rule", "ASM-01")]
    public void AnEpisodesLeadPractitioners_AreRows_EachUntilTheNextAllocation_AndTheLastUntilTheEpisodeCloses()
    {
        var (enquiry, episode, first, manager) = Substantiated();
        var rows = Rows(Participations.Of(episode), Participations.Episode, episode.Id, episode.ChildId);
        var lead = Assert.Single(rows);
        Assert.Equal((ParticipantRole.LeadPractitioner, first.Id, Today, (DateOnly?)null), (lead.Role, lead.PractitionerId, lead.From, lead.Until));
        Assert.Equal(("Named " + first.Id, "Agency " + first.Id), (lead.Name, lead.AgencyName));
        Assert.Equal(episode.ChildId, lead.ChildId);

        var second = Person();
        episode.Allocate(manager, second, true, Today.AddDays(3), "Sam moves team.");
        rows = Rows(Participations.Of(episode), Participations.Episode, episode.Id, episode.ChildId, rows);

        Assert.Equal(2, rows.Count);
        Assert.Same(lead, rows[0]);
        Assert.Equal(Today.AddDays(3), lead.Until);
        Assert.Equal((second.Id, (DateOnly?)null), (rows[1].PractitionerId, rows[1].Until));
        _ = enquiry;
    }

    [Fact]
    [Trait("Rule", "RC-01")]
    [Trait("Rule", "SG-EP-19")]
    [Trait("Rule", "SG-EP-20")]
    [Trait("Rule", "SG-EP-21")]
    public void AManagerGivesAPractitionerOfChildrensSocialCareAPartAsCoWorker_ARowUntilItEnds()
    {
        var (_, episode, lead, manager) = Substantiated();
        var familyHelp = Person(PractitionerRole.Practitioner);
        var partner = Person(PractitionerRole.Practitioner, agency: Hub);

        Assert.Equal("RC-01", Assert.Throws<RuleViolationException>(() => episode.AllocateCoWorker(lead, familyHelp, SocialCare, Today)).RuleId);
        Assert.Equal("SG-EP-19", Assert.Throws<RuleViolationException>(() => episode.AllocateCoWorker(manager, partner, Hub, Today)).RuleId);
        Assert.Equal("SG-EP-20", Assert.Throws<RuleViolationException>(() => episode.AllocateCoWorker(manager, lead, SocialCare, Today)).RuleId);
        Assert.Equal("SG-EP-21", Assert.Throws<RuleViolationException>(() => episode.EndCoWorker(manager, familyHelp.Id, Today)).RuleId);

        episode.AllocateCoWorker(manager, familyHelp, SocialCare, Today);
        Assert.Equal("SG-EP-20", Assert.Throws<RuleViolationException>(() => episode.AllocateCoWorker(manager, familyHelp, SocialCare, Today)).RuleId);
        var rows = Rows(Participations.Of(episode), Participations.Episode, episode.Id, episode.ChildId);
        var coWorker = Assert.Single(rows, r => r.Role == ParticipantRole.CoWorker);
        Assert.Equal((familyHelp.Id, Today, (DateOnly?)null), (coWorker.PractitionerId, coWorker.From, coWorker.Until));

        episode.EndCoWorker(manager, familyHelp.Id, Today.AddDays(2));
        rows = Rows(Participations.Of(episode), Participations.Episode, episode.Id, episode.ChildId, rows);
        Assert.Equal(Today.AddDays(2), Assert.Single(rows, r => r.Role == ParticipantRole.CoWorker).Until);
    }

    [Fact]
    [Trait("Rule", "ICPC-05")]
    [Trait("Rule", "RC-04")]
    public void APlansCoreGroup_AndLeadSocialWorker_TakePartUntilThePlanEnds_NamedOnesWithoutAnAccountToo()
    {
        var (enquiry, episode, lead, _) = Substantiated();
        var police = Person(PractitionerRole.Practitioner);
        var decision = Decision(lead: lead.Id) with { CoreGroup = [new CoreGroupMember("Dee Teacher", "Northmoor Primary"), new CoreGroupMember("Pat Police", "Police", police.Id)] };
        var (conference, plan) = ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, Chair(), lead, decision, Today.AddDays(15), Today.AddDays(7));

        var rows = Rows(Participations.Of(plan!), Participations.ChildProtectionPlan, plan!.Id, plan.ChildId);
        Assert.Equal([ParticipantRole.LeadPractitioner, ParticipantRole.CoreGroupMember, ParticipantRole.CoreGroupMember], rows.Select(r => r.Role));
        var teacher = rows.Single(r => r.Name == "Dee Teacher");
        Assert.Equal(((Guid?)null, "Northmoor Primary", Today.AddDays(7)), (teacher.PractitionerId, teacher.AgencyName, teacher.From));
        Assert.Equal(("Pat Police", "Police"), (rows.Single(r => r.PractitionerId == police.Id).Name, rows.Single(r => r.PractitionerId == police.Id).AgencyName));
        Assert.All(rows, r => Assert.True(r.IsCurrent));
        var chair = Assert.Single(Participations.Of(conference));
        Assert.Equal((ParticipantRole.Chair, conference.ChairId, (DateOnly?)conference.HeldOn), (chair.Role, chair.PractitionerId, chair.Until));

        plan.End(PlanEndReason.LeftTheUk, "The family moved to Portugal for good; the school confirmed the move.", Today.AddDays(30), Today.AddDays(30), leftUkOn: Today.AddDays(30));
        var ended = Rows(Participations.Of(plan), Participations.ChildProtectionPlan, plan.Id, plan.ChildId, rows);

        Assert.Equal(3, ended.Count);
        Assert.All(ended, r => Assert.Equal(Today.AddDays(30), r.Until));
    }

    [Fact]
    [Trait("Rule", "ICPC-04")]
    public void AConferencesInvitees_AreRows_AndAMergedChildsRowsMoveWithTheRecord()
    {
        var (enquiry, episode, lead, _) = Substantiated();
        var officer = Guid.NewGuid();
        var meeting = ConferenceMeeting.Convene(Guid.NewGuid(), ConferenceKind.Initial, episode, enquiry, null, false, lead, Today.AddDays(7),
            [new Invitation(Guid.NewGuid(), "Pat Police", "Police", officer, default), new Invitation(Guid.NewGuid(), "Ash Advocate", "The family's advocate", null, default)],
            Today);
        var rows = Rows(Participations.Of(meeting), Participations.ConferenceMeeting, meeting.Id, meeting.ChildId);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((ParticipantRole.Invitee, Today, (DateOnly?)null), (r.Role, r.From, r.Until)));

        meeting.Invite([new Invitation(Guid.NewGuid(), "Lee Nurse", "Health visiting", null, default)], Today.AddDays(1));
        var other = Guid.NewGuid();
        rows = Rows(Participations.Of(meeting), Participations.ConferenceMeeting, meeting.Id, other, rows);

        Assert.Equal(["Pat Police", "Ash Advocate", "Lee Nurse"], rows.Select(r => r.Name));
        Assert.All(rows, r => Assert.Equal(other, r.ChildId));
    }

    [Fact]
    public void SomeoneTakesPart_WithAnAccountOrAName_AndNeverEndsBeforeStarting()
    {
        Assert.Equal("SG-PT-02", Assert.Throws<RuleViolationException>(() => Participant.Start(Guid.NewGuid(), AreaId, "Episode", Guid.NewGuid(), null,
            ParticipantRole.Invitee, null, " ", null, "Police", Today)).RuleId);
        var row = Participant.Start(Guid.NewGuid(), AreaId, "Episode", Guid.NewGuid(), null, ParticipantRole.Lado, Guid.NewGuid(), string.Empty, null, string.Empty, Today);
        Assert.Equal("SG-PT-03", Assert.Throws<RuleViolationException>(() => row.End(Today.AddDays(-1))).RuleId);
        row.End(Today);
        Assert.False(row.IsCurrent);
        row.Resume();
        Assert.True(row.IsCurrent);
    }
}
