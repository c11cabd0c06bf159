using Safeguard.Domain.Access;
using Safeguard.Domain.Children;
using Safeguard.Domain.Organisation;

namespace Safeguard.Domain.Tests.Access;

public sealed class BreakGlassAccessTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid AreaId = Guid.NewGuid();
    private static readonly Agency Police = new(Guid.NewGuid(), AreaId, "Test police", AgencyKind.Police);
    private static readonly Agency SocialCare = new(Guid.NewGuid(), AreaId, "Test children's social care", AgencyKind.LocalAuthorityChildrensSocialCare);
    private static readonly Practitioner Officer = new(Guid.NewGuid(), Police, null, "Pat", "Constable", "pc@test.example", "Police constable");

    private static readonly Child Child = new(Guid.NewGuid(), AreaId,
        new ChildDetails("Mia", "Testcase", new DateOnly(2018, 3, 2), null, Sex.Female, null, "WBRI", ["NONE"], "English", null, null),
        new DateOnly(2026, 11, 26));

    [Theory]
    [InlineData("")]
    [InlineData("urgent")]
    public void AReasonIsRequired_AndMustSayWhy(string reason)
    {
        var error = Assert.Throws<RuleViolationException>(() => BreakGlassAccess.Open(Guid.NewGuid(), Child, Officer, reason, Now, null));

        Assert.Equal("SG-BG-03", error.RuleId);
    }

    [Fact]
    public void TheAccessLastsEightHours_AndAlertsTheCaseManager()
    {
        var manager = Guid.NewGuid();
        var access = BreakGlassAccess.Open(Guid.NewGuid(), Child, Officer, "Attending the home at 2am; the child is alone.", Now, manager);

        Assert.True(access.IsActive(Now.AddHours(7.9)));
        Assert.False(access.IsActive(Now.AddHours(8)));
        Assert.Equal(manager, access.AlertTo);
        Assert.Equal(Police.Id, access.AgencyId);
    }

    [Fact]
    [Trait("Rule", "RC-01")]
    public void OnlyAManagerReviewsIt_Once()
    {
        var access = BreakGlassAccess.Open(Guid.NewGuid(), Child, Officer, "Attending the home at 2am; the child is alone.", Now, null);
        var manager = new Practitioner(Guid.NewGuid(), SocialCare, null, "Max", "Manager", "m@test.example", "Team manager", SocialWorkRegistration.Parse("SW1"));
        manager.Grant(PractitionerRole.PracticeSupervisor, SocialCare);

        Assert.Equal("RC-01", Assert.Throws<RuleViolationException>(() => access.Review(Officer, "Fine.", Now)).RuleId);
        access.Review(manager, "Justified: the officer needed to know who could care for Mia.", Now.AddHours(6));
        Assert.Equal("SG-BG-04", Assert.Throws<RuleViolationException>(() => access.Review(manager, "Again.", Now.AddHours(7))).RuleId);
        Assert.Equal(manager.Id, access.ReviewedBy);
    }
}
