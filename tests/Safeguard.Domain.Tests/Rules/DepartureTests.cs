using Safeguard.Domain.Organisation;
using Safeguard.Domain.Rules;

namespace Safeguard.Domain.Tests.Rules;

/// <summary>GEN-02 (¶6): a departure from a SHOULD rule is recorded with why and which manager agreed it; never from a MUST rule.</summary>
public sealed class DepartureTests
{
    private static readonly Guid AreaId = Guid.NewGuid();
    private static readonly Agency SocialCare = new(Guid.NewGuid(), AreaId, "Test children's social care", AgencyKind.LocalAuthorityChildrensSocialCare);
    private static readonly DateTimeOffset At = new(2026, 12, 2, 11, 0, 0, TimeSpan.Zero);

    private static Practitioner Worker()
    {
        var worker = new Practitioner(Guid.NewGuid(), SocialCare, null, "Wyn", "Worker", "ww@test.example", "Social worker", SocialWorkRegistration.Parse("SW31"));
        worker.Grant(PractitionerRole.SocialWorker, SocialCare);
        return worker;
    }

    private static Practitioner Manager()
    {
        var manager = Worker();
        manager.Grant(PractitionerRole.PracticeSupervisor, SocialCare);
        return manager;
    }

    private static Departure Record(string? rule = "GEN-05", string? reason = "Called at a day's notice; mother told by phone.", Practitioner? agreedBy = null,
        bool noAgreement = false) =>
        Departure.Record(Guid.NewGuid(), AreaId, Guid.NewGuid(), Guid.NewGuid(), rule, "Episode", Guid.NewGuid(), reason, Worker(),
            noAgreement ? null : agreedBy ?? Manager(), new DateOnly(2026, 12, 2), At);

    private static void Refused(Action step, string field)
    {
        var error = Assert.Throws<RuleViolationException>(step);
        Assert.Equal("GEN-02", error.RuleId);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    [Trait("Rule", "GEN-02")]
    public void ADeparture_KeepsTheRule_TheReason_AndWhoAgreed()
    {
        var manager = Manager();
        var departure = Record(reason: "  Called at a day's notice.  ", agreedBy: manager);

        Assert.Equal("GEN-05", departure.RuleId);
        Assert.Equal("Called at a day's notice.", departure.Reason);
        Assert.Equal(manager.Id, departure.AgreedBy);
        Assert.Equal(AreaId, departure.AreaId);
    }

    [Theory]
    [Trait("Rule", "GEN-02")]
    [InlineData("IP-01")] // a MUST: immediate protection is never departed from
    [InlineData("SIN-03")]
    [InlineData("RC-05")]
    [InlineData("NOT-A-RULE")]
    [InlineData("")]
    [InlineData(null)]
    public void OnlyASHOULDRule_CanBeDepartedFrom(string? rule) => Refused(() => Record(rule: rule), nameof(Departure.RuleId));

    [Fact]
    [Trait("Rule", "GEN-02")]
    public void TheTimedSHOULDRules_AreAmongThoseThatCanBeDepartedFrom()
    {
        Assert.True(ShouldRules.IsShould("ASM-03"));
        Assert.True(ShouldRules.IsShould("REF-04"));
        Assert.True(ShouldRules.IsShould("ICPC-01"));
        Assert.False(ShouldRules.IsShould("IP-01"));
        Assert.All(StatutoryRules.All.Where(r => r.Force == Force.Must), r => Assert.False(ShouldRules.IsShould(r.Id), r.Id));
    }

    [Fact]
    [Trait("Rule", "GEN-02")]
    public void ADeparture_NeedsItsReason()
    {
        Refused(() => Record(reason: " "), nameof(Departure.Reason));
        Refused(() => Record(reason: new string('x', Departure.MaxTextLength + 1)), nameof(Departure.Reason));
    }

    [Fact]
    [Trait("Rule", "GEN-02")]
    public void ADeparture_IsAgreedByASocialWorkQualifiedManagerOfTheArea()
    {
        Refused(() => Record(noAgreement: true), nameof(Departure.AgreedBy));
        Refused(() => Record(agreedBy: Worker()), nameof(Departure.AgreedBy));
        var elsewhere = new Agency(Guid.NewGuid(), Guid.NewGuid(), "Another area's children's social care", AgencyKind.LocalAuthorityChildrensSocialCare);
        var otherManager = new Practitioner(Guid.NewGuid(), elsewhere, null, "Oz", "Other", "oo@test.example", "Team manager", SocialWorkRegistration.Parse("SW77"));
        otherManager.Grant(PractitionerRole.SocialWorker, elsewhere);
        otherManager.Grant(PractitionerRole.PracticeSupervisor, elsewhere);
        Refused(() => Record(agreedBy: otherManager), nameof(Departure.AgreedBy));
    }

    [Theory]
    [Trait("Rule", "MASA-14")]
    [InlineData("2026-04-01", 2026)]
    [InlineData("2027-03-31", 2026)]
    [InlineData("2026-03-31", 2025)]
    public void ADeparture_CountsInTheYearlyReportsYear_AprilToMarch(string on, int year) =>
        Assert.Equal(year, Departure.ReportYearOf(DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
}
