using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Participation;
using Safeguard.Domain.Plans;
using static Safeguard.Domain.Tests.ChildProtection.StrategyDiscussionTests;

namespace Safeguard.Domain.Tests.ChildProtection;

/// <summary>The child protection plan develops from the conference's outline: actions, core group and lead change, and every change keeps its history.</summary>
public sealed class LivingPlanTests
{
    private static readonly DateOnly ConferenceDay = Today.AddDays(7);
    private static readonly DateOnly Later = ConferenceDay.AddDays(14);
    private static readonly DateTimeOffset At = new(2027, 1, 4, 10, 30, 0, TimeSpan.Zero);

    private static (ChildProtectionPlan Plan, Practitioner Lead, Practitioner Manager) Plan()
    {
        var (enquiry, episode, lead, manager) = Substantiated();
        var (_, plan) = ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, Chair(), lead, Decision(lead: lead.Id), Today.AddDays(15),
            ConferenceDay);
        return (plan!, lead, manager);
    }

    private static string Refused(Action step) => Assert.Throws<RuleViolationException>(step).RuleId;

    [Fact]
    public void TheOutlinesActionsAndMembers_HaveStableIds()
    {
        var (plan, _, _) = Plan();

        Assert.All(plan.Actions, a => Assert.NotEqual(Guid.Empty, a.Id));
        Assert.Equal(plan.CoreGroup.Count, plan.CoreGroup.Select(m => m.Id).Distinct().Count());
        Assert.DoesNotContain(Guid.Empty, plan.CoreGroup.Select(m => m.Id));
        Assert.Empty(plan.Changes);
    }

    [Fact]
    [Trait("Rule", "CG-02")]
    public void TheCoreGroup_AddsAnAction_SayingWhatMustChangeByHowMuchWhoAndByWhen()
    {
        var (plan, lead, _) = Plan();
        var version = plan.Version;

        Assert.Equal("CG-02", Refused(() => plan.AddAction(Guid.NewGuid(), lead.Id, "Mia attends school", " ", "School", Later.AddDays(30), At, Later)));
        Assert.Equal("CG-02", Refused(() => plan.AddAction(Guid.NewGuid(), lead.Id, "Mia attends school", "95% attendance", " ", Later.AddDays(30), At, Later)));
        Assert.Equal("CG-02", Refused(() => plan.AddAction(Guid.NewGuid(), lead.Id, "Mia attends school", "95% attendance", "School", Later.AddDays(-1), At, Later)));
        Assert.Single(plan.Actions);
        Assert.Equal(version, plan.Version);

        var id = Guid.NewGuid();
        var action = plan.AddAction(id, lead.Id, " Mia attends school ", "95% attendance over a half term", "Northmoor Primary", Later.AddDays(30), At, Later);

        Assert.Equal(2, plan.Actions.Count);
        Assert.Equal(id, action.Id);
        Assert.Equal("Mia attends school", action.What);
        var change = Assert.Single(plan.Changes);
        Assert.Equal((PlanChangeKind.ActionAdded, id.ToString(), lead.Id, At, (string?)null), (change.Kind, change.Subject, change.By, change.At, change.Before));
        Assert.Contains("95% attendance", change.After, StringComparison.Ordinal);
        Assert.NotEqual(version, plan.Version);
    }

    [Fact]
    [Trait("Rule", "CG-02")]
    public void ChangingAnAction_KeepsWhatItWasBefore_WhoChangedItAndWhy()
    {
        var (plan, lead, _) = Plan();
        var outline = plan.Actions[0];

        var changed = plan.ChangeAction(outline.Id, lead.Id, outline.What, "All ten sessions attended", "Family hub", outline.ByWhen.AddDays(14),
            "The course starts a fortnight later.", At, Later);

        Assert.Equal(outline.Id, changed.Id);
        Assert.Equal("All ten sessions attended", plan.Actions[0].HowMuch);
        var change = Assert.Single(plan.Changes);
        Assert.Equal(PlanChangeKind.ActionChanged, change.Kind);
        Assert.Equal(outline.ToString(), change.Before);
        Assert.Equal(changed.ToString(), change.After);
        Assert.Equal("The course starts a fortnight later.", change.Reason);
        // Nothing changed is not a change; an action not in the plan cannot be changed.
        Assert.Equal("SG-CP-10", Refused(() => plan.ChangeAction(outline.Id, lead.Id, changed.What, changed.HowMuch, changed.Who, changed.ByWhen, null, At, Later)));
        Assert.Equal("SG-CP-04", Refused(() => plan.ChangeAction(Guid.NewGuid(), lead.Id, "x", "y", "z", Later.AddDays(1), null, At, Later)));
        Assert.Single(plan.Changes);
    }

    [Fact]
    [Trait("Rule", "CG-02")]
    public void CompletingAnAction_IsDatedAndKept_AndADoneActionIsNotChanged()
    {
        var (plan, lead, _) = Plan();
        var id = plan.Actions[0].Id;

        Assert.Equal("SG-CP-03", Refused(() => plan.CompleteAction(id, lead.Id, Later.AddDays(1), null, At, Later)));
        Assert.Equal("SG-CP-03", Refused(() => plan.CompleteAction(id, lead.Id, ConferenceDay.AddDays(-1), null, At, Later)));
        plan.CompleteAction(id, lead.Id, Later, "Certificate seen.", At, Later);

        Assert.Equal(Later, plan.Actions[0].DoneOn);
        Assert.Equal((PlanChangeKind.ActionCompleted, "Certificate seen."), (plan.Changes[^1].Kind, plan.Changes[^1].Reason));
        Assert.Equal("SG-CP-09", Refused(() => plan.CompleteAction(id, lead.Id, Later, null, At, Later)));
        Assert.Equal("SG-CP-09", Refused(() => plan.ChangeAction(id, lead.Id, "Something else", "All of it", "Family hub", Later.AddDays(5), null, At, Later)));
        Assert.Single(plan.Changes);
    }

    [Fact]
    [Trait("Rule", "CG-02")]
    public void ACoreGroupMeeting_MarksActionsDoneByTheirIds_OnTheHistory()
    {
        var (plan, lead, _) = Plan();
        var added = plan.AddAction(Guid.NewGuid(), lead.Id, "Health visitor checks growth", "Weight on the 25th centile", "Health visiting", Later.AddDays(10), At, Later);

        Assert.Equal("SG-CP-04", Refused(() => plan.RecordCoreGroup(lead.Id, Later, "Agreed.", null, [Guid.NewGuid()], Later, At)));
        plan.RecordCoreGroup(lead.Id, Later, "Agreed.", null, [added.Id], Later, At);

        Assert.Null(plan.Actions[0].DoneOn);
        Assert.Equal(Later, plan.Actions[1].DoneOn);
        Assert.Equal(PlanChangeKind.ActionCompleted, plan.Changes[^1].Kind);
        Assert.Equal(added.Id.ToString(), plan.Changes[^1].Subject);
    }

    [Fact]
    [Trait("Rule", "ICPC-05")]
    public void TheCoreGroupChanges_AMemberJoinsAndLeaves_AndTheirPartFollows()
    {
        var (plan, lead, _) = Plan();
        var officer = Person(role: null);
        var first = plan.CoreGroup[0];

        Assert.Equal("ICPC-05", Refused(() => plan.AddMember(Guid.NewGuid(), lead.Id, " ", "Police", null, null, At, Later)));
        var joined = plan.AddMember(Guid.NewGuid(), lead.Id, "Pat Officer", "Northmoor Police", officer.Id, "Police now hold the investigation.", At, Later);
        Assert.Equal("SG-CP-11", Refused(() => plan.AddMember(Guid.NewGuid(), lead.Id, "Pat Officer", "Northmoor Police", officer.Id, null, At, Later)));
        Assert.Equal("SG-CP-11", Refused(() => plan.EndMembership(first.Id, lead.Id, " ", At, Later)));
        var left = plan.EndMembership(first.Id, lead.Id, "Moved school.", At, Later.AddDays(3));

        Assert.Equal(Later.AddDays(3), left.Until);
        Assert.Equal(Later, joined.From);
        Assert.DoesNotContain(plan.CurrentCoreGroup, m => m.Id == first.Id);
        Assert.Equal([PlanChangeKind.MemberAdded, PlanChangeKind.MemberLeft], plan.Changes.Select(c => c.Kind));
        Assert.Equal("Moved school.", plan.Changes[^1].Reason);
        var parts = Participations.Of(plan).Where(p => p.Role == ParticipantRole.CoreGroupMember).ToList();
        Assert.Contains(parts, p => p.PractitionerId == officer.Id && p.From == Later && p.Until is null);
        Assert.Contains(parts, p => p.Name == first.Name && p.From == ConferenceDay && p.Until == Later.AddDays(3));
        Assert.Equal("SG-CP-11", Refused(() => plan.EndMembership(first.Id, lead.Id, "Again.", At, Later.AddDays(3))));
    }

    [Fact]
    [Trait("Rule", "ICPC-05")]
    public void TheCoreGroup_KeepsAtLeastOneMember()
    {
        var (plan, lead, _) = Plan();
        plan.EndMembership(plan.CoreGroup[0].Id, lead.Id, "Left the area.", At, Later);

        Assert.Equal("ICPC-05", Refused(() => plan.EndMembership(plan.CoreGroup[1].Id, lead.Id, "Left the area.", At, Later)));
        Assert.Single(plan.CurrentCoreGroup);
    }

    [Fact]
    [Trait("Rule", "RC-04")]
    [Trait("Rule", "CPP-01")]
    public void AManagerChangesTheLeadSocialWorker_ToARegisteredSocialWorker_WithAReason()
    {
        var (plan, lead, manager) = Plan();
        var next = Person();
        var unregistered = Person(role: null);
        unregistered.Grant(PractitionerRole.Practitioner, SocialCare);

        Assert.Equal("CPP-01", Refused(() => plan.ChangeLead(lead, next, "Caseload.", At, Later, lead.FullName)));
        Assert.Equal("RC-04", Refused(() => plan.ChangeLead(manager, unregistered, "Caseload.", At, Later, lead.FullName)));
        Assert.Equal("SG-CP-12", Refused(() => plan.ChangeLead(manager, lead, "Caseload.", At, Later, lead.FullName)));
        Assert.Equal("CPP-01", Refused(() => plan.ChangeLead(manager, next, " ", At, Later, lead.FullName)));
        Assert.Equal(lead.Id, plan.LeadSocialWorkerId);
        Assert.Empty(plan.Changes);

        plan.ChangeLead(manager, next, "Sam moves to the court team.", At, Later, lead.FullName);

        Assert.Equal(next.Id, plan.LeadSocialWorkerId);
        var change = Assert.Single(plan.Changes);
        Assert.Equal((PlanChangeKind.LeadChanged, lead.Id, manager.Id, "Sam moves to the court team."), (change.Kind, change.FormerLeadId!.Value, change.By, change.Reason!));
        var leads = Participations.Of(plan).Where(p => p.Role == ParticipantRole.LeadPractitioner).ToList();
        Assert.Contains(leads, p => p.PractitionerId == lead.Id && p.From == ConferenceDay && p.Until == Later);
        Assert.Contains(leads, p => p.PractitionerId == next.Id && p.From == Later && p.Until is null);
    }

    [Fact]
    public void AnEndedPlan_IsNotChanged()
    {
        var (plan, lead, manager) = Plan();
        plan.End(PlanEndReason.LeftTheUk, "The family moved to Spain; Spanish services told.", Later, Later, leftUkOn: Later);

        Assert.Equal("SG-CP-02", Refused(() => plan.AddAction(Guid.NewGuid(), lead.Id, "x", "y", "z", Later.AddDays(1), At, Later)));
        Assert.Equal("SG-CP-02", Refused(() => plan.CompleteAction(plan.Actions[0].Id, lead.Id, Later, null, At, Later)));
        Assert.Equal("SG-CP-02", Refused(() => plan.AddMember(Guid.NewGuid(), lead.Id, "A", "B", null, null, At, Later)));
        Assert.Equal("SG-CP-02", Refused(() => plan.ChangeLead(manager, Person(), "x", At, Later, lead.FullName)));
        Assert.Empty(plan.Changes);
    }
}
