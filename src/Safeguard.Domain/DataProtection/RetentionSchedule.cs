using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.DataProtection;

/// <summary>The kinds of record the retention schedule sets a period for.</summary>
public enum RetentionRecordType
{
    /// <summary>A child's social care case record (a child in need, Family Help, child protection).</summary>
    ChildrensSocialCareCase,

    /// <summary>The record of a child who was looked after.</summary>
    LookedAfterChild,

    /// <summary>A referral that led to no further action by children's social care.</summary>
    ReferralNoFurtherAction,
}

/// <summary>What a retention period counts from.</summary>
public enum RetentionStart
{
    /// <summary>The child's date of birth (the expected date for an unborn child).</summary>
    DateOfBirth,

    /// <summary>The last thing that happened on the record (for a referral, its decision).</summary>
    LastActivity,
}

/// <summary>How long one kind of record is kept, and from when.</summary>
public sealed record RetentionPeriod(RetentionRecordType RecordType, string Description, RetentionStart From, int Years, string Basis);

/// <summary>
/// How long records are kept before they are reviewed for destruction. These are defaults only: each local authority
/// sets its own retention schedule (the Local Government Association's and the IRMS toolkit's figures are the usual
/// starting point), and overrides the years here through configuration (<c>Retention:&lt;RecordType&gt;</c>). Reaching the
/// date means the record is reviewed, not that it is destroyed: an inquiry or litigation hold keeps it longer.
/// </summary>
public sealed class RetentionSchedule
{
    public static readonly IReadOnlyList<RetentionPeriod> Defaults =
    [
        new(RetentionRecordType.ChildrensSocialCareCase, "Children's social care case record", RetentionStart.DateOfBirth, 25,
            "Until the child's 25th birthday (IRMS retention guidelines for local government)"),
        new(RetentionRecordType.LookedAfterChild, "Looked after child's record", RetentionStart.DateOfBirth, 75,
            "75 years from the child's date of birth (Children's Homes and Care Planning regulations)"),
        new(RetentionRecordType.ReferralNoFurtherAction, "Referral with no further action", RetentionStart.LastActivity, 6,
            "6 years from the decision (IRMS retention guidelines for local government)"),
    ];

    public RetentionSchedule(IReadOnlyDictionary<RetentionRecordType, int>? years = null)
    {
        Periods = [.. Defaults.Select(d => years is not null && years.TryGetValue(d.RecordType, out var y) ? Checked(d with { Years = y }) : d)];
    }

    public IReadOnlyList<RetentionPeriod> Periods { get; }

    public RetentionPeriod For(RetentionRecordType type) => Periods.Single(p => p.RecordType == type);

    /// <summary>
    /// The day the record is due for review: the start date plus the period's years (29 February gives 28 February in a
    /// year that is not a leap year). The record is kept up to and including the day before.
    /// </summary>
    public DateOnly ReviewOn(RetentionRecordType type, DateOnly dateOfBirth, DateOnly lastActivity)
    {
        var period = For(type);
        return (period.From == RetentionStart.DateOfBirth ? dateOfBirth : lastActivity).AddYears(period.Years);
    }

    private static RetentionPeriod Checked(RetentionPeriod period)
    {
        Require(period.Years is > 0 and <= 150, "SG-DPR-16", $"The retention period for {period.Description.ToLowerInvariant()} must be between 1 and 150 years.");
        return period;
    }
}
