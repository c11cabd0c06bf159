using Safeguard.Domain.Access;
using Safeguard.Domain.Organisation;

namespace Safeguard.Domain.Tests.Access;

public sealed class RoleGrantTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Area = Guid.NewGuid();
    private static readonly Agency SocialCare = new(Guid.NewGuid(), Area, "Social care", AgencyKind.LocalAuthorityChildrensSocialCare);
    private static readonly Agency Police = new(Guid.NewGuid(), Area, "Police", AgencyKind.Police);

    private static Practitioner Person(Agency agency, params PractitionerRole[] roles)
    {
        var registered = roles.Any(r => r is PractitionerRole.SocialWorker or PractitionerRole.PracticeSupervisor);
        var practitioner = new Practitioner(Guid.NewGuid(), agency, null, "Test", "Person", $"{Guid.NewGuid():N}@test.example", "Tester",
            registered ? SocialWorkRegistration.Parse("SW" + Random.Shared.Next(100_000, 999_999)) : null);
        foreach (var role in roles)
        {
            practitioner.Grant(role, agency);
        }

        return practitioner;
    }

    private static string RuleOf(Action step) => Assert.Throws<RuleViolationException>(step).RuleId;

    [Fact]
    public void EveryRole_EitherReachesCaseRecordsOrIsKeptFromThem_AndOnlyAdministratorsAndAnalystsAreKept()
    {
        Assert.Equal(Enum.GetValues<PractitionerRole>().Length, CaseRoles.All.Count + CaseRoles.WithoutCaseRecords.Count);
        Assert.Equal([PractitionerRole.Analyst, PractitionerRole.Administrator], CaseRoles.WithoutCaseRecords.Order());
        Assert.True(CaseRoles.Reach([PractitionerRole.Practitioner]));
        Assert.True(CaseRoles.Reach([PractitionerRole.Practitioner, PractitionerRole.DataProtectionOfficer]));
        Assert.False(CaseRoles.Reach([PractitionerRole.Practitioner, PractitionerRole.Administrator]));
        Assert.True(CaseRoles.Reach([PractitionerRole.Practitioner, PractitionerRole.Administrator, PractitionerRole.PracticeSupervisor]));
    }

    [Fact]
    public void AChange_NeedsApproval_WhenItAddsACaseRole_OrTakesAwayWhatKeptTheAccountFromCaseRecords()
    {
        PractitionerRole[] admin = [PractitionerRole.Practitioner, PractitionerRole.Administrator];
        PractitionerRole[] worker = [PractitionerRole.Practitioner, PractitionerRole.SocialWorker];

        Assert.True(CaseRoles.ChangeNeedsApproval([PractitionerRole.Practitioner], worker));
        Assert.True(CaseRoles.ChangeNeedsApproval(admin, [PractitionerRole.Practitioner]));
        Assert.False(CaseRoles.ChangeNeedsApproval(worker, [PractitionerRole.Practitioner]));
        Assert.False(CaseRoles.ChangeNeedsApproval([PractitionerRole.Practitioner], [PractitionerRole.Practitioner, PractitionerRole.Analyst]));
        Assert.False(CaseRoles.ChangeNeedsApproval(worker, [.. worker, PractitionerRole.Administrator]));
    }

    [Fact]
    public void AWaitingGrant_ChangesNothing_ApprovalGivesExactlyTheRolesAskedFor()
    {
        var admin = Person(SocialCare, PractitionerRole.Administrator);
        var manager = Person(SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var subject = Person(SocialCare, PractitionerRole.Lado);
        var grant = RoleGrant.Ask(Guid.NewGuid(), subject, SocialCare, [PractitionerRole.ConferenceChair], newAccount: false, admin.Id, Now);

        Assert.Equal(RoleGrantStatus.Waiting, grant.Status);
        Assert.Equal([PractitionerRole.Practitioner, PractitionerRole.Lado], subject.Roles);
        grant.Approve(manager, subject, SocialCare, Now.AddHours(1));

        Assert.Equal(RoleGrantStatus.Approved, grant.Status);
        Assert.Equal(manager.Id, grant.DecidedBy);
        Assert.Equal([PractitionerRole.Practitioner, PractitionerRole.ConferenceChair], subject.Roles.Order());
        Assert.Equal("SG-GRANT-04", RuleOf(() => grant.Approve(manager, subject, SocialCare, Now)));
    }

    [Fact]
    public void NoAdministrator_NorWhoeverAsked_NorTheAccountsHolder_NorSomeoneOfAnotherAgency_Approves()
    {
        var admin = Person(SocialCare, PractitionerRole.Administrator);
        var managingAdmin = Person(SocialCare, PractitionerRole.Administrator, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var asker = Person(SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var socialWorker = Person(SocialCare, PractitionerRole.SocialWorker);
        var policeLead = Person(Police, PractitionerRole.NamedSafeguardingLead);
        var subject = Person(SocialCare);
        var grant = RoleGrant.Ask(Guid.NewGuid(), subject, SocialCare, [PractitionerRole.SocialWorker], newAccount: true, asker.Id, Now);

        Assert.Equal("SG-GRANT-01", RuleOf(() => grant.Approve(admin, subject, SocialCare, Now)));
        Assert.Equal("SG-GRANT-01", RuleOf(() => grant.Approve(managingAdmin, subject, SocialCare, Now)));
        Assert.Equal("SG-GRANT-02", RuleOf(() => grant.Approve(asker, subject, SocialCare, Now)));
        Assert.Equal("SG-GRANT-03", RuleOf(() => grant.Approve(socialWorker, subject, SocialCare, Now)));
        Assert.Equal("SG-GRANT-03", RuleOf(() => grant.Approve(policeLead, subject, SocialCare, Now)));
        Assert.Equal(RoleGrantStatus.Waiting, grant.Status);
        Assert.Equal([PractitionerRole.Practitioner], subject.Roles);
    }

    [Fact]
    public void APartnerAgency_IsApprovedByItsNamedSafeguardingLead_NotBySocialCaresManagers_AndTheLeadIsARoleOfItsOwn()
    {
        var manager = Person(SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var lead = Person(Police, PractitionerRole.NamedSafeguardingLead);
        var officer = Person(Police);
        var grant = RoleGrant.Ask(Guid.NewGuid(), officer, Police, [PractitionerRole.DelegatedSafeguardingPartner], newAccount: false, null, Now);

        Assert.Equal("SG-GRANT-03", RuleOf(() => grant.Approve(manager, officer, Police, Now)));
        var own = RoleGrant.Ask(Guid.NewGuid(), lead, Police, [PractitionerRole.NamedSafeguardingLead, PractitionerRole.DelegatedSafeguardingPartner],
            newAccount: false, null, Now);
        Assert.Equal("SG-GRANT-02", RuleOf(() => own.Approve(lead, lead, Police, Now)));
        grant.Approve(lead, officer, Police, Now);
        Assert.True(officer.Has(PractitionerRole.DelegatedSafeguardingPartner));
        Assert.Equal("SG-PRAC-08", RuleOf(() => Person(SocialCare, PractitionerRole.NamedSafeguardingLead)));
    }

    [Fact]
    public void ARejection_NeedsItsReason_AndIsKept()
    {
        var manager = Person(SocialCare, PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        var subject = Person(SocialCare);
        var grant = RoleGrant.Ask(Guid.NewGuid(), subject, SocialCare, [PractitionerRole.SocialWorker], newAccount: true, null, Now);

        Assert.Equal("SG-GRANT-05", RuleOf(() => grant.Reject(manager, subject, SocialCare, "  ", Now)));
        grant.Reject(manager, subject, SocialCare, "Not known to the service.", Now);

        Assert.Equal(RoleGrantStatus.Rejected, grant.Status);
        Assert.Equal("Not known to the service.", grant.Reason);
        Assert.Equal([PractitionerRole.Practitioner], subject.Roles);
        Assert.Equal("SG-GRANT-04", RuleOf(() => grant.LinkIssued(Now.AddHours(72))));
    }
}
