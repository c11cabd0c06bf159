using Safeguard.Domain;
using Safeguard.Domain.Organisation;

namespace Safeguard.Domain.Tests.Organisation;

public sealed class PractitionerTests
{
    private static readonly Guid AreaId = Guid.NewGuid();
    private static readonly Agency SocialCare = new(Guid.NewGuid(), AreaId, "Test children's social care", AgencyKind.LocalAuthorityChildrensSocialCare);
    private static readonly Agency School = new(Guid.NewGuid(), AreaId, "Test primary school", AgencyKind.School);
    private static readonly Agency Health = new(Guid.NewGuid(), AreaId, "Test health trust", AgencyKind.HealthProvider);

    private static Practitioner In(Agency agency, string? registration = null) =>
        new(Guid.NewGuid(), agency, null, "Test", "Practitioner", "test@test.example", "Tester",
            registration is null ? null : SocialWorkRegistration.Parse(registration));

    [Theory]
    [InlineData(PractitionerRole.SocialWorker)]
    [InlineData(PractitionerRole.PracticeSupervisor)]
    [Trait("Rule", "RC-01")]
    public void Grant_SocialWorkRoleWithoutRegistration_IsRefused(PractitionerRole role)
    {
        var error = Assert.Throws<RuleViolationException>(() => In(SocialCare).Grant(role, SocialCare));
        Assert.Equal("RC-01", error.RuleId);
    }

    [Fact]
    [Trait("Rule", "RC-01")]
    public void Grant_PracticeSupervisorWithRegistration_IsSocialWorkQualified()
    {
        var manager = In(SocialCare, "SW100377");
        manager.Grant(PractitionerRole.PracticeSupervisor, SocialCare);
        Assert.True(manager.Has(PractitionerRole.PracticeSupervisor));
        Assert.True(manager.IsSocialWorkQualified);
    }

    [Fact]
    public void Grant_DesignatedSafeguardingLeadOutsideEducation_IsRefused()
    {
        Assert.Throws<RuleViolationException>(() => In(Health).Grant(PractitionerRole.DesignatedSafeguardingLead, Health));
        var teacher = In(School);
        teacher.Grant(PractitionerRole.DesignatedSafeguardingLead, School);
        Assert.True(teacher.Has(PractitionerRole.DesignatedSafeguardingLead));
    }

    [Fact]
    public void Grant_DelegatedSafeguardingPartnerOutsideThePartners_IsRefused() =>
        Assert.Throws<RuleViolationException>(() => In(School).Grant(PractitionerRole.DelegatedSafeguardingPartner, School));

    [Fact]
    public void Revoke_PractitionerRole_IsRefusedBecauseEveryoneKeepsIt() =>
        Assert.Throws<RuleViolationException>(() => In(School).Revoke(PractitionerRole.Practitioner));

    [Theory]
    [InlineData("SW104281", true)]
    [InlineData("sw 104281", true)]
    [InlineData("SW", false)]
    [InlineData("104281", false)]
    [InlineData("SW12345678", false)]
    public void SocialWorkRegistration_Parses_OnlySwAndDigits(string text, bool valid) =>
        Assert.Equal(valid, SocialWorkRegistration.TryParse(text, out _));
}
