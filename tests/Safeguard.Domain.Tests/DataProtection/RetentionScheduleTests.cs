using Safeguard.Domain.DataProtection;

namespace Safeguard.Domain.Tests.DataProtection;

public sealed class RetentionScheduleTests
{
    private static readonly DateOnly Born = new(2012, 2, 29);
    private static readonly DateOnly Decided = new(2020, 6, 1);

    [Theory]
    [InlineData(RetentionRecordType.ChildrensSocialCareCase, "2037-02-28")]
    [InlineData(RetentionRecordType.LookedAfterChild, "2087-02-28")]
    [InlineData(RetentionRecordType.ReferralNoFurtherAction, "2026-06-01")]
    public void ReviewOn_ByDefault_FollowsTheSchedule(RetentionRecordType type, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), new RetentionSchedule().ReviewOn(type, Born, Decided));

    [Fact]
    public void ALocalAuthoritysOwnYears_ReplaceTheDefault() =>
        Assert.Equal(new DateOnly(2030, 6, 1),
            new RetentionSchedule(new Dictionary<RetentionRecordType, int> { [RetentionRecordType.ReferralNoFurtherAction] = 10 })
                .ReviewOn(RetentionRecordType.ReferralNoFurtherAction, Born, Decided));

    [Fact]
    public void APeriodOfNoYears_IsRefused() =>
        Assert.Equal("SG-DPR-16", Assert.Throws<RuleViolationException>(() =>
            new RetentionSchedule(new Dictionary<RetentionRecordType, int> { [RetentionRecordType.ChildrensSocialCareCase] = 0 })).RuleId);
}
