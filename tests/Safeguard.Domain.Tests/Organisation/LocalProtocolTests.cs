using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Children;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;

namespace Safeguard.Domain.Tests.Organisation;

/// <summary>
/// RC-02: a section 17 assessment is led by whoever the area's local protocol allows — a registered social worker unless it says
/// more — while a section 47 enquiry stays with a social worker (RC-03). The protocol is the area's settings (MASA-18).
/// </summary>
public sealed class LocalProtocolTests
{
    private static readonly DateOnly Received = new(2026, 11, 24);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly LocalAuthorityArea Area = new(Guid.NewGuid(), "899", "Protocolshire");
    private static readonly Agency SocialCare = new(Guid.NewGuid(), Area.Id, "Protocolshire children's services", AgencyKind.LocalAuthorityChildrensSocialCare);
    private static readonly Agency School = new(Guid.NewGuid(), Area.Id, "Protocolshire primary", AgencyKind.School);
    private static readonly Agency Charity = new(Guid.NewGuid(), Area.Id, "Protocolshire family support", AgencyKind.VoluntarySector);

    private static readonly Child Child = new(Guid.NewGuid(), Area.Id,
        new ChildDetails("Ola", "Protocoltest", new DateOnly(2017, 5, 1), null, Sex.Female, null, "WBRI", ["NONE"], "English", null, null), Received);

    private static Practitioner Manager()
    {
        var manager = new Practitioner(Guid.NewGuid(), SocialCare, null, "Mo", "Manager", "mm@test.example", "Team manager", SocialWorkRegistration.Parse("SW9"));
        manager.Grant(PractitionerRole.PracticeSupervisor, SocialCare);
        return manager;
    }

    private static Practitioner FamilyHubWorker() =>
        new(Guid.NewGuid(), SocialCare, null, "Hana", "Hub", "hh@test.example", "Family Help practitioner");

    private static Practitioner CharityWorker() => new(Guid.NewGuid(), Charity, null, "Cai", "Charity", "cc@test.example", "Family support worker");

    private static (Episode Episode, Referral Referral) Section17()
    {
        var teacher = new Practitioner(Guid.NewGuid(), School, null, "Tia", "Teacher", "tt@test.example", "DSL");
        var referral = Referral.Receive(Guid.NewGuid(), Area.Id, "NM-PROT-1", Child,
            new Referrer(teacher.Id, School.Id, teacher.FullName, "Designated safeguarding lead", null, teacher.Email),
            new ReferralDetails("Ola is often hungry.", [HarmType.Neglect], HarmContext.InsideTheHome, null, true, true, null, Urgency.Standard, "2A"),
            Now, Received, null);
        var episode = Episode.Open(Guid.NewGuid(), referral);
        referral.BelongTo(episode.Id);
        referral.RecordDecision(Manager(), ReferralOutcome.Section17Assessment, "Assess.", "N1", null, Now, Received, Received);
        episode.ReferralDecided(referral);
        return (episode, referral);
    }

    private static void Refused(Action step, string ruleId) => Assert.Equal(ruleId, Assert.Throws<RuleViolationException>(step).RuleId);

    [Theory]
    [Trait("Rule", "RC-02")]
    [InlineData(Section17Leads.SocialWorkers, false, false)]
    [InlineData(Section17Leads.ChildrensServicesPractitioners, true, false)]
    [InlineData(Section17Leads.AnyPractitioner, true, true)]
    public void TheLocalProtocol_SaysWhoMayLeadASection17Assessment(Section17Leads protocol, bool hubWorkerMay, bool charityWorkerMay)
    {
        var (forHub, _) = Section17();
        var (forCharity, _) = Section17();
        var hub = FamilyHubWorker();
        var charity = CharityWorker();

        if (hubWorkerMay)
        {
            forHub.Allocate(Manager(), hub, true, Received, null, protocol, AgencyKind.LocalAuthorityChildrensSocialCare);
            Assert.Equal(hub.Id, forHub.LeadPractitionerId);
        }
        else
        {
            Refused(() => forHub.Allocate(Manager(), hub, true, Received, null, protocol, AgencyKind.LocalAuthorityChildrensSocialCare), "RC-02");
            Assert.Null(forHub.LeadPractitionerId);
        }

        if (charityWorkerMay)
        {
            forCharity.Allocate(Manager(), charity, true, Received, null, protocol, AgencyKind.VoluntarySector);
            Assert.Equal(charity.Id, forCharity.LeadPractitionerId);
        }
        else
        {
            Refused(() => forCharity.Allocate(Manager(), charity, true, Received, null, protocol, AgencyKind.VoluntarySector), "RC-02");
            Assert.Null(forCharity.LeadPractitionerId);
        }
    }

    [Fact]
    [Trait("Rule", "RC-02")]
    public void StartingTheAssessment_ChecksTheProtocolAgain_WhenItWasNarrowedSinceAllocation()
    {
        var (episode, referral) = Section17();
        var hub = FamilyHubWorker();
        episode.Allocate(Manager(), hub, true, Received, null, Section17Leads.ChildrensServicesPractitioners, AgencyKind.LocalAuthorityChildrensSocialCare);

        Refused(() => Assessment.Start(Guid.NewGuid(), episode, referral, hub.Id, Received, false, hub, AgencyKind.LocalAuthorityChildrensSocialCare,
            Section17Leads.SocialWorkers), "RC-02");
        var assessment = Assessment.Start(Guid.NewGuid(), episode, referral, hub.Id, Received, false, hub, AgencyKind.LocalAuthorityChildrensSocialCare,
            Section17Leads.ChildrensServicesPractitioners);
        Assert.Equal(hub.Id, assessment.LeadPractitionerId);
    }

    [Fact]
    [Trait("Rule", "RC-03")]
    public void ASection47Enquiry_StaysWithASocialWorker_WhateverTheProtocolAllows()
    {
        var today = ChildProtection.StrategyDiscussionTests.Today;
        var episode = ChildProtection.StrategyDiscussionTests.Episode();
        var charity = ChildProtection.StrategyDiscussionTests.Person(role: null, agency: ChildProtection.StrategyDiscussionTests.Hub);
        episode.Allocate(ChildProtection.StrategyDiscussionTests.Person(manager: true), charity, true, episode.OpenedOn, null, Section17Leads.AnyPractitioner,
            AgencyKind.VoluntarySector);
        var discussion = StrategyDiscussion.Record(Guid.NewGuid(), episode, ChildProtection.StrategyDiscussionTests.Person(), new StrategyDiscussionRecord(
            today, [.. StrategyDiscussion.MinimumAttendance.Select(r => new Attendee($"{r} person", $"{r} agency", r))],
            "Bruising seen at school.", CriminalInvestigation.Started, null, true, "Reasonable cause to suspect physical abuse.",
            [new AgreedAction("Child protection medical", "Community paediatrician", today.AddDays(1))], false, "Tell mother of the enquiry.", null), today);

        Assert.Equal(charity.Id, episode.LeadPractitionerId);
        Refused(() => Section47Enquiry.Start(Guid.NewGuid(), discussion, charity, charity), "RC-03");
    }

    [Fact]
    [Trait("Rule", "MASA-18")]
    public void TheProtocol_IsWrittenDownByAManagerOrAnAdministrator_WithItsVersion()
    {
        var area = new LocalAuthorityArea(Area.Id, "899", "Protocolshire");
        var manager = Manager();
        var worker = FamilyHubWorker();

        Assert.Equal(Section17Leads.SocialWorkers, area.Section17Leads);
        Refused(() => area.SetLocalProtocol(worker, false, Section17Leads.AnyPractitioner, "v1", Now), "SG-AREA-03");
        Refused(() => area.SetLocalProtocol(manager, false, Section17Leads.AnyPractitioner, " ", Now), "MASA-18");
        Refused(() => area.SetLocalProtocol(manager, false, (Section17Leads)42, "v1", Now), "RC-02");
        Assert.Equal(Section17Leads.SocialWorkers, area.Section17Leads);

        area.SetLocalProtocol(manager, false, Section17Leads.ChildrensServicesPractitioners, " Assessment protocol v3 ", Now);
        Assert.Equal(Section17Leads.ChildrensServicesPractitioners, area.Section17Leads);
        Assert.Equal("Assessment protocol v3", area.LocalProtocolVersion);
        Assert.Equal(manager.Id, area.LocalProtocolChangedBy);

        var administrator = new Practitioner(Guid.NewGuid(), SocialCare, null, "Ada", "Admin", "aa@test.example", "Systems administrator");
        area.SetLocalProtocol(administrator, true, Section17Leads.SocialWorkers, "Assessment protocol v4", Now);
        Assert.Equal(Section17Leads.SocialWorkers, area.Section17Leads);
    }
}
