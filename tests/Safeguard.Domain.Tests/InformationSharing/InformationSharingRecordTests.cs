using Safeguard.Domain.InformationSharing;

namespace Safeguard.Domain.Tests.InformationSharing;

public sealed class InformationSharingRecordTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static InformationSharingRecord Share(string what = "The assessment's conclusion.", string sharedWith = "Dr A Patel, GP",
        LawfulBasis? basis = LawfulBasis.SafeguardingChildAtRisk, bool? consentSought = true, bool? consentGiven = true, string? whyNoConsent = null,
        DateOnly? on = null) =>
        InformationSharingRecord.Record(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), on ?? Today, Today, Now, Guid.NewGuid(), what,
            "Children's social care", null, sharedWith, null, basis, consentSought, consentGiven, whyNoConsent);

    [Fact]
    public void Record_WithConsentGiven_KeepsWhatWithWhomAndWhy()
    {
        var record = Share();

        Assert.Equal("Dr A Patel, GP", record.SharedWith);
        Assert.Equal(LawfulBasis.SafeguardingChildAtRisk, record.Basis);
        Assert.True(record.ConsentGiven);
        Assert.Contains("Consent given", record.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void Record_WithoutABasis_IsRefused()
    {
        var refused = Assert.Throws<RuleViolationException>(() => Share(basis: null));

        Assert.Equal(("SG-INF-04", "Basis"), (refused.RuleId, refused.Field));
    }

    [Fact]
    public void Record_ConsentNotSoughtWithoutTheReason_IsRefused()
    {
        var refused = Assert.Throws<RuleViolationException>(() => Share(consentSought: false, consentGiven: null, whyNoConsent: " "));

        Assert.Equal(("SG-INF-07", "WhyNoConsent"), (refused.RuleId, refused.Field));
        Assert.Contains("say why", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_ConsentNotSoughtWithTheReason_IsKept()
    {
        var record = Share(consentSought: false, consentGiven: true, whyNoConsent: "Asking would put the child at greater risk.");

        Assert.False(record.ConsentSought);
        Assert.Null(record.ConsentGiven);
        Assert.Equal("Asking would put the child at greater risk.", record.WhyNoConsent);
    }

    [Fact]
    public void Record_ConsentRefusedButSharedWithoutTheReason_IsRefused()
    {
        var refused = Assert.Throws<RuleViolationException>(() => Share(basis: LawfulBasis.PublicTask, consentGiven: false));

        Assert.Equal("SG-INF-09", refused.RuleId);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, false)]
    [InlineData(true, null)]
    public void Record_ConsentAsTheBasis_NeedsConsentGiven(bool sought, bool? given)
    {
        var refused = Assert.Throws<RuleViolationException>(() =>
            Share(basis: LawfulBasis.Consent, consentSought: sought, consentGiven: given, whyNoConsent: "Not needed."));

        Assert.Equal("SG-INF-08", refused.RuleId);
    }

    [Theory]
    [InlineData("", "Dr A Patel", "SG-INF-01")]
    [InlineData("The plan.", " ", "SG-INF-02")]
    public void Record_WithoutWhatOrWithWhom_IsRefused(string what, string with, string ruleId)
    {
        Assert.Equal(ruleId, Assert.Throws<RuleViolationException>(() => Share(what, with)).RuleId);
    }

    [Fact]
    public void Record_SharedInTheFuture_IsRefused()
    {
        Assert.Equal("SG-INF-05", Assert.Throws<RuleViolationException>(() => Share(on: Today.AddDays(1))).RuleId);
    }
}
