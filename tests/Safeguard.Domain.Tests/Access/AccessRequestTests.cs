using Safeguard.Domain.Access;
using Safeguard.Domain.Children;
using Safeguard.Domain.Organisation;

namespace Safeguard.Domain.Tests.Access;

public sealed class AccessRequestTests
{
    private const string Reason = "Health visitor: I need Mia's plan to arrange her developmental review.";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid AreaId = Guid.NewGuid();
    private static readonly Agency Health = new(Guid.NewGuid(), AreaId, "Test health visiting", AgencyKind.HealthProvider);
    private static readonly Agency SocialCare = new(Guid.NewGuid(), AreaId, "Test children's social care", AgencyKind.LocalAuthorityChildrensSocialCare);
    private static readonly Practitioner Visitor = new(Guid.NewGuid(), Health, null, "Hana", "Visitor", "hv@test.example", "Health visitor");

    private static readonly Child Child = new(Guid.NewGuid(), AreaId,
        new ChildDetails("Mia", "Testcase", new DateOnly(2024, 3, 2), null, Sex.Female, null, "WBRI", ["NONE"], "English", null, null),
        new DateOnly(2026, 11, 26));

    private static Practitioner Manager(Agency? agency = null)
    {
        var at = agency ?? SocialCare;
        var manager = new Practitioner(Guid.NewGuid(), at, null, "Max", "Manager", $"m{Guid.NewGuid():N}@test.example", "Team manager", SocialWorkRegistration.Parse("SW1"));
        manager.Grant(PractitionerRole.SocialWorker, at);
        manager.Grant(PractitionerRole.PracticeSupervisor, at);
        return manager;
    }

    [Theory]
    [InlineData("")]
    [InlineData("for my records")]
    [Trait("Rule", "SG-AC-04")]
    public void TheRequesterSaysWhatTheyNeedTheRecordFor(string reason)
    {
        var error = Assert.Throws<RuleViolationException>(() => AccessRequest.Ask(Guid.NewGuid(), Child, Visitor, reason, 14, Now, null));

        Assert.Equal("SG-AC-04", error.RuleId);
        Assert.Equal(nameof(AccessRequest.Reason), error.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [Trait("Rule", "SG-AC-05")]
    public void AccessIsAskedForBetweenOneAndThirtyDays(int days)
    {
        Assert.Equal("SG-AC-05", Assert.Throws<RuleViolationException>(() => AccessRequest.Ask(Guid.NewGuid(), Child, Visitor, Reason, days, Now, null)).RuleId);
    }

    [Fact]
    [Trait("Rule", "SG-AC-03")]
    public void AccountsAndFiguresRolesDoNotAskForCaseRecords()
    {
        var admin = new Practitioner(Guid.NewGuid(), SocialCare, null, "Ada", "Admin", "a@test.example", "Administrator");
        admin.Grant(PractitionerRole.Administrator, SocialCare);

        Assert.Equal("SG-AC-03", Assert.Throws<RuleViolationException>(() => AccessRequest.Ask(Guid.NewGuid(), Child, admin, Reason, 14, Now, null)).RuleId);
    }

    [Fact]
    [Trait("Rule", "SG-AC-01")]
    public void OnlyPractitionersOfTheChildsAreaAsk()
    {
        var elsewhere = new Agency(Guid.NewGuid(), Guid.NewGuid(), "Another area's health visiting", AgencyKind.HealthProvider);
        var stranger = new Practitioner(Guid.NewGuid(), elsewhere, null, "Sam", "Stranger", "s@test.example", "Health visitor");

        Assert.Equal("SG-AC-01", Assert.Throws<RuleViolationException>(() => AccessRequest.Ask(Guid.NewGuid(), Child, stranger, Reason, 14, Now, null)).RuleId);
    }

    [Fact]
    [Trait("Rule", "SG-AC-05")]
    public void TheManagerGrantsForNoLongerThanAsked_AndTheAccessEndsThen()
    {
        var caseManager = Manager();
        var request = AccessRequest.Ask(Guid.NewGuid(), Child, Visitor, Reason, 14, Now, caseManager.Id);
        Assert.Equal(AccessRequestStatus.Waiting, request.Status);
        Assert.False(request.IsActive(Now));

        Assert.Equal("SG-AC-05", Assert.Throws<RuleViolationException>(() => request.Grant(caseManager, 15, "Needed for the review.", Now)).RuleId);
        request.Grant(caseManager, 7, "Needed for the review; a week is enough.", Now.AddHours(2));

        Assert.Equal(AccessRequestStatus.Granted, request.Status);
        Assert.Equal(Now.AddHours(2).AddDays(7), request.Until);
        Assert.True(request.IsActive(Now.AddDays(7)));
        Assert.False(request.IsActive(Now.AddHours(2).AddDays(7)));
        Assert.Equal(caseManager.Id, request.DecidedBy);
        Assert.Equal(Health.Id, request.AgencyId);
    }

    [Fact]
    [Trait("Rule", "SG-AC-08")]
    public void ARefusalGivesReasons_AndGivesNoAccess()
    {
        var request = AccessRequest.Ask(Guid.NewGuid(), Child, Visitor, Reason, 14, Now, null);
        var manager = Manager();

        Assert.Equal("SG-AC-08", Assert.Throws<RuleViolationException>(() => request.Refuse(manager, " ", Now)).RuleId);
        request.Refuse(manager, "The school nurse already holds what you need; ask her.", Now);

        Assert.Equal(AccessRequestStatus.Refused, request.Status);
        Assert.Null(request.Until);
        Assert.False(request.IsActive(Now.AddMinutes(1)));
    }

    [Fact]
    [Trait("Rule", "RC-01")]
    [Trait("Rule", "SG-AC-06")]
    [Trait("Rule", "SG-AC-07")]
    public void OnlyAManagerOfTheAreaDecides_NotTheirOwnRequest_AndOnce()
    {
        var manager = Manager();
        var otherArea = Manager(new Agency(Guid.NewGuid(), Guid.NewGuid(), "Another area's social care", AgencyKind.LocalAuthorityChildrensSocialCare));
        var request = AccessRequest.Ask(Guid.NewGuid(), Child, Visitor, Reason, 14, Now, null);

        Assert.Equal("RC-01", Assert.Throws<RuleViolationException>(() => request.Grant(Visitor, 14, "I need it.", Now)).RuleId);
        Assert.Equal("RC-01", Assert.Throws<RuleViolationException>(() => request.Grant(otherArea, 14, "Fine.", Now)).RuleId);
        var own = AccessRequest.Ask(Guid.NewGuid(), Child, manager, Reason, 14, Now, null);
        Assert.Equal("SG-AC-06", Assert.Throws<RuleViolationException>(() => own.Grant(manager, 14, "Granting myself.", Now)).RuleId);

        request.Grant(manager, 14, "Needed for the review.", Now);
        Assert.Equal("SG-AC-07", Assert.Throws<RuleViolationException>(() => request.Refuse(manager, "Changed my mind.", Now)).RuleId);
    }
}
