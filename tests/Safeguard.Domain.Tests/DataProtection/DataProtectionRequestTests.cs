using Safeguard.Domain.DataProtection;

namespace Safeguard.Domain.Tests.DataProtection;

public sealed class DataProtectionRequestTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly Guid Officer = Guid.NewGuid();

    private static DataProtectionRequest ARequest(RequestKind kind = RequestKind.SubjectAccess, DateOnly? receivedOn = null, string? details = "Everything.") =>
        DataProtectionRequest.Receive(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), kind, "Sam Testcase", RequesterRelationship.Parent,
            receivedOn ?? Today, details, Officer, Today);

    private static string RuleOf(Action step) => Assert.Throws<RuleViolationException>(step).RuleId;

    [Theory]
    [InlineData("2026-09-03", "2026-10-03")]
    [InlineData("2026-01-31", "2026-02-28")]
    [InlineData("2024-01-31", "2024-02-29")]
    [InlineData("2025-12-15", "2026-01-15")]
    public void Receive_IsDueOneCalendarMonthLater_ClampedToTheMonthsLastDay(string received, string due)
    {
        var request = ARequest(receivedOn: DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), request.DueOn);
    }

    [Fact]
    public void Receive_WithoutAName_IsRefused() =>
        Assert.Equal("SG-DPR-01", RuleOf(() => DataProtectionRequest.Receive(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), RequestKind.SubjectAccess, " ",
            RequesterRelationship.TheChild, Today, null, Officer, Today)));

    [Fact]
    public void Receive_InTheFuture_IsRefused() => Assert.Equal("SG-DPR-02", RuleOf(() => ARequest(receivedOn: Today.AddDays(1))));

    [Theory]
    [InlineData(RequestKind.Erasure)]
    [InlineData(RequestKind.Rectification)]
    public void Receive_ErasureOrRectificationWithoutWhatWasAsked_IsRefused(RequestKind kind) =>
        Assert.Equal("SG-DPR-03", RuleOf(() => ARequest(kind, details: "")));

    [Fact]
    public void IsOverdue_TheDayAfterItIsDue_AndNotOnceAnswered()
    {
        var request = ARequest(RequestKind.Erasure, receivedOn: new DateOnly(2026, 10, 20));

        Assert.False(request.IsOverdue(new DateOnly(2026, 11, 20)));
        Assert.True(request.IsOverdue(new DateOnly(2026, 11, 21)));
        request.Decide(Officer, RequestOutcome.RefusedLegalObligation, "Kept under the Children Act 1989.", null, null, Today, null);
        Assert.False(request.IsOverdue(new DateOnly(2026, 11, 21)));
    }

    [Fact]
    public void Extend_AddsTwoMonths_OnceWithAReason()
    {
        var request = ARequest(receivedOn: new DateOnly(2026, 11, 10));

        Assert.Equal("SG-DPR-06", RuleOf(() => request.Extend(" ", Today)));
        request.Extend("The record is long and the family network large.", Today);

        Assert.Equal(new DateOnly(2027, 2, 10), request.DueOn);
        Assert.Equal("SG-DPR-05", RuleOf(() => request.Extend("Again.", Today)));
    }

    [Fact]
    public void Extend_AfterTheMonth_IsRefused() =>
        Assert.Equal("SG-DPR-05", RuleOf(() => ARequest(receivedOn: new DateOnly(2026, 10, 1)).Extend("Complex.", Today)));

    [Fact]
    public void Release_NeedsTheExportReviewedFirst()
    {
        var request = ARequest(receivedOn: new DateOnly(2026, 11, 1));

        Assert.Equal("SG-DPR-08", RuleOf(() => request.MarkReviewed(Today, Today)));
        request.RecordIdentityCheck("Passport and a letter from the school seen at the office.", Officer, new DateOnly(2026, 11, 2), Today);
        request.Exported(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal("SG-DPR-10", RuleOf(() => request.Release(Officer, Today, Today)));
        Assert.Equal("SG-DPR-09", RuleOf(() => request.MarkReviewed(Today.AddDays(1), Today)));
        request.MarkReviewed(new DateOnly(2026, 11, 24), Today);
        request.Release(Officer, Today, Today);

        Assert.Equal(RequestOutcome.Released, request.Outcome);
        Assert.Equal("SG-DPR-04", RuleOf(() => request.Extend("Late.", Today)));
    }

    [Fact]
    public void Exported_OnlyForSubjectAccess() =>
        Assert.Equal("SG-DPR-07", RuleOf(() => ARequest(RequestKind.Erasure).Exported(DateTimeOffset.UnixEpoch)));

    [Fact]
    public void Decide_ARefusal_NeedsReasons() =>
        Assert.Equal("SG-DPR-12", RuleOf(() => ARequest(RequestKind.Erasure).Decide(Officer, RequestOutcome.RefusedPublicTask, "", null, null, Today, null)));

    [Fact]
    public void Decide_AnOutcomeOfAnotherKind_IsRefused()
    {
        Assert.Equal("SG-DPR-11", RuleOf(() => ARequest(RequestKind.Erasure).Decide(Officer, RequestOutcome.Corrected, "Fixed.", "Date.", null, Today, null)));
        Assert.Equal("SG-DPR-11", RuleOf(() => ARequest().Decide(Officer, RequestOutcome.Released, "Sent.", null, null, Today, null)));
    }

    [Fact]
    public void Decide_ErasedWhileTheRetentionScheduleKeepsTheRecord_IsRefused()
    {
        var request = ARequest(RequestKind.Erasure);

        Assert.Equal("SG-DPR-13", RuleOf(() => request.Decide(Officer, RequestOutcome.Erased, "Nothing needs it.", null, null, Today, Today.AddDays(1))));
        request.Decide(Officer, RequestOutcome.Erased, "The retention period has ended.", null, null, Today, Today);
        Assert.Equal(RequestOutcome.Erased, request.Outcome);
    }

    [Fact]
    public void Decide_PartlyErasedOrCorrected_SaysWhatChanged()
    {
        Assert.Equal("SG-DPR-14", RuleOf(() => ARequest(RequestKind.Erasure).Decide(Officer, RequestOutcome.PartlyErased, "Some.", null, null, Today, null)));
        Assert.Equal("SG-DPR-14", RuleOf(() => ARequest(RequestKind.Rectification).Decide(Officer, RequestOutcome.Corrected, "Yes.", " ", null, Today, null)));
    }

    [Fact]
    public void Decide_NotCorrected_NeedsThePersonsStatement()
    {
        var request = ARequest(RequestKind.Rectification);

        Assert.Equal("SG-DPR-15", RuleOf(() => request.Decide(Officer, RequestOutcome.NotCorrected, "Accurate as recorded.", null, null, Today, null)));
        request.Decide(Officer, RequestOutcome.NotCorrected, "Accurate as recorded.", null, "I was not at home that night.", Today, null);

        Assert.Equal("I was not at home that night.", request.PersonsStatement);
        Assert.Equal(Today, request.DecidedOn);
    }
}
