using Safeguard.Domain;
using Safeguard.Domain.Children;
using Safeguard.Domain.Organisation;

namespace Safeguard.Domain.Tests.Children;

public sealed class ChildTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static ChildDetails Born(DateOnly dateOfBirth, Sex sex = Sex.Female) =>
        new("Lily", "Testcase", dateOfBirth, null, sex, null, "WBRI", ["NONE"], "English", null, null);

    private static ChildDetails Unborn(DateOnly expected, Sex sex = Sex.Unknown) =>
        new("", "Testcase", null, expected, sex, null, "NOBT", [], null, null, null);

    [Fact]
    public void New_WithDateOfBirthInTheFuture_IsRefused()
    {
        var error = Assert.Throws<RuleViolationException>(() => new Child(Guid.NewGuid(), Guid.NewGuid(), Born(Today.AddDays(1)), Today));
        Assert.Equal("SG-CHILD-02", error.RuleId);
    }

    [Fact]
    public void New_WhenEighteenToday_IsRefusedAsNotAChild()
    {
        var error = Assert.Throws<RuleViolationException>(() => new Child(Guid.NewGuid(), Guid.NewGuid(), Born(Today.AddYears(-18)), Today));
        Assert.Equal("SG-CHILD-04", error.RuleId);
    }

    [Fact]
    public void New_WhenEighteenTomorrow_IsStillAChildAgedSeventeen()
    {
        var child = new Child(Guid.NewGuid(), Guid.NewGuid(), Born(Today.AddYears(-18).AddDays(1)), Today);
        Assert.Equal(17, child.AgeOn(Today));
    }

    [Fact]
    public void New_UnbornWithExpectedDateInThePast_IsRefused()
    {
        var error = Assert.Throws<RuleViolationException>(() => new Child(Guid.NewGuid(), Guid.NewGuid(), Unborn(Today.AddDays(-1)), Today));
        Assert.Equal("SG-CHILD-05", error.RuleId);
    }

    [Fact]
    public void New_UnbornWithKnownSex_IsRefusedAsCensusRecordsU()
    {
        var error = Assert.Throws<RuleViolationException>(() => new Child(Guid.NewGuid(), Guid.NewGuid(), Unborn(Today.AddMonths(2), Sex.Female), Today));
        Assert.Equal("SG-CHILD-06", error.RuleId);
    }

    [Fact]
    public void New_UnbornWithoutName_IsLabelledUnbornAndHasNoAge()
    {
        var child = new Child(Guid.NewGuid(), Guid.NewGuid(), Unborn(Today.AddMonths(2)), Today);
        Assert.True(child.IsUnborn);
        Assert.Equal(Child.UnbornGivenName, child.GivenName);
        Assert.Null(child.AgeOn(Today));
    }

    [Fact]
    public void New_WithBothDateOfBirthAndExpectedDate_IsRefused()
    {
        var details = Born(Today.AddYears(-1)) with { ExpectedDateOfBirth = Today.AddMonths(1) };
        Assert.Throws<RuleViolationException>(() => new Child(Guid.NewGuid(), Guid.NewGuid(), details, Today));
    }

    [Fact]
    public void RecordBirth_OfUnbornChild_ReplacesExpectedDate()
    {
        var child = new Child(Guid.NewGuid(), Guid.NewGuid(), Unborn(Today.AddDays(3)), Today);
        child.RecordBirth(Today, Sex.Male, Today);
        Assert.False(child.IsUnborn);
        Assert.Null(child.ExpectedDateOfBirth);
        Assert.Equal(0, child.AgeOn(Today));
    }

    [Theory]
    [InlineData("XXXX")]
    [InlineData("")]
    public void New_WithUnknownEthnicityCode_IsRefused(string code)
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            new Child(Guid.NewGuid(), Guid.NewGuid(), Born(Today.AddYears(-3)) with { EthnicityCode = code }, Today));
        Assert.Equal("SG-CHILD-09", error.RuleId);
    }

    [Fact]
    public void New_WithNoDisabilityAlongsideADisability_IsRefused()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            new Child(Guid.NewGuid(), Guid.NewGuid(), Born(Today.AddYears(-3)) with { DisabilityCodes = ["NONE", "AUT"] }, Today));
        Assert.Equal("SG-CHILD-10", error.RuleId);
    }

    [Fact]
    public void MoveTo_NewAddress_EndsTheCurrentOneTheDayBefore()
    {
        var child = new Child(Guid.NewGuid(), Guid.NewGuid(), Born(Today.AddYears(-3)), Today);
        child.MoveTo(new Address("1 Test Row", null, "Testtown", "TE1 1ST", new DateOnly(2025, 1, 1)));

        child.MoveTo(new Address("2 Test Row", null, "Testtown", "TE1 2ND", new DateOnly(2026, 3, 1)));

        Assert.Equal(2, child.Addresses.Count);
        Assert.Equal(new DateOnly(2026, 2, 28), child.Addresses[0].MovedOutOn);
        Assert.Equal("2 Test Row", child.CurrentAddress?.Line1);
    }

    [Fact]
    [Trait("Rule", "RC-01")]
    public void ASafeAddress_IsMarkedOnTheCurrentAddress_ByASocialWorkQualifiedManagerOnly()
    {
        var area = Guid.NewGuid();
        var socialCare = new Agency(Guid.NewGuid(), area, "Test children's social care", AgencyKind.LocalAuthorityChildrensSocialCare);
        Practitioner Person(params PractitionerRole[] roles)
        {
            var p = new Practitioner(Guid.NewGuid(), socialCare, null, "Sam", "Worker", $"{Guid.NewGuid():N}@test.example", "Social worker",
                SocialWorkRegistration.Parse("SW" + Random.Shared.Next(1, 999_999)));
            foreach (var role in roles)
            {
                p.Grant(role, socialCare);
            }

            return p;
        }

        var child = new Child(Guid.NewGuid(), area, Born(new DateOnly(2019, 5, 4)), Today);
        var manager = Person(PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor);
        Assert.Equal("SG-CHILD-13", Assert.Throws<RuleViolationException>(() => child.MarkCurrentAddress(manager, true)).RuleId);
        child.MoveTo(new Address("12 Mill Lane", null, "Northmoor", "NM1 2AB", new DateOnly(2024, 3, 1)));
        child.MoveTo(new Address("Flat 3, Harbour House", null, "Northmoor", "NM4 7QZ", new DateOnly(2026, 10, 1)));

        Assert.Equal("RC-01", Assert.Throws<RuleViolationException>(() => child.MarkCurrentAddress(Person(PractitionerRole.SocialWorker), true)).RuleId);
        child.MarkCurrentAddress(manager, true);

        Assert.True(child.CurrentAddress!.Safe);
        Assert.False(child.Addresses[0].Safe);
        child.MarkCurrentAddress(manager, false);
        Assert.False(child.CurrentAddress!.Safe);
    }
}
