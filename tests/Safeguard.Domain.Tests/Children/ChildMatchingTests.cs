using Safeguard.Domain;
using Safeguard.Domain.Children;

namespace Safeguard.Domain.Tests.Children;

public sealed class ChildMatchingTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Guid AreaId = Guid.NewGuid();

    private static Child Record(string given, string family, DateOnly born, string? nhs = null) =>
        new(Guid.NewGuid(), AreaId, new ChildDetails(given, family, born, null, Sex.Female, null, "WBRI", [], null,
            nhs is null ? null : NhsNumber.Parse(nhs), null), Today);

    private static readonly Child Known = Record("Aisha", "O'Brien-Khan", new DateOnly(2016, 4, 9));

    [Fact]
    public void Score_SameNameAndBirthDate_IsLikely()
    {
        var match = ChildMatching.Score(new ChildProbe("aisha", "obrien khan", new DateOnly(2016, 4, 9), null, null), Known, null);
        Assert.NotNull(match);
        Assert.Contains("Same name", match.Reasons);
        Assert.Contains("Same date of birth", match.Reasons);
    }

    [Fact]
    public void Score_FirstAndLastNamesSwapped_IsLikely()
    {
        var match = ChildMatching.Score(new ChildProbe("O'Brien-Khan", "Aisha", new DateOnly(2016, 4, 9), null, null), Known, null);
        Assert.Contains("Same names, first and last swapped", match!.Reasons);
    }

    [Fact]
    public void Score_MisspeltNameAndDayMonthSwapped_IsLikely()
    {
        var match = ChildMatching.Score(new ChildProbe("Aysha", "OBrienKahn", new DateOnly(2016, 9, 4), null, null), Known, null);
        Assert.NotNull(match);
        Assert.Contains("Date of birth with day and month swapped", match.Reasons);
    }

    [Fact]
    public void Score_SameNameButBornYearsApart_IsNotOffered() =>
        Assert.Null(ChildMatching.Score(new ChildProbe("Aisha", "O'Brien-Khan", new DateOnly(2012, 1, 1), null, null), Known, null));

    [Fact]
    public void Score_DifferentNhsNumbers_RulesTheRecordOut()
    {
        var withNhs = Record("Aisha", "Khan", new DateOnly(2016, 4, 9), "9434765919");
        Assert.Null(ChildMatching.Score(new ChildProbe("Aisha", "Khan", new DateOnly(2016, 4, 9), "4010232137", null), withNhs, null));
        Assert.Equal(100, ChildMatching.Score(new ChildProbe("Someone", "Else", null, "9434765919", null), withNhs, null)!.Score);
    }

    [Theory]
    [InlineData("SMITH", "SMYTH", true)]
    [InlineData("JONES", "JONSE", true)]
    [InlineData("LI", "LU", true)]
    [InlineData("LI", "LEE", false)]
    [InlineData("WILLIAMS", "WILKINSON", false)]
    public void Close_AllowsSmallSpellingDifferences(string a, string b, bool close) => Assert.Equal(close, ChildMatching.Close(a, b));

    [Fact]
    public void MergeInto_KeepsTheDuplicatePointingAtTheSurvivor()
    {
        var duplicate = Record("Aysha", "OBrien", new DateOnly(2016, 4, 9));

        duplicate.MergeInto(Known);

        Assert.Equal(Known.Id, duplicate.MergedIntoId);
        Assert.Throws<RuleViolationException>(() => duplicate.MergeInto(Known));
        Assert.Throws<RuleViolationException>(() => Known.MergeInto(Known));
    }
}
