using Safeguard.Domain.Children;

namespace Safeguard.Domain.Tests.Children;

public sealed class UniquePupilNumberTests
{
    [Fact]
    public void CheckLetter_ForCensusGuideExample_IsA() =>
        Assert.Equal('A', UniquePupilNumber.CheckLetterFor("201100124001"));

    [Theory]
    [InlineData("A201100124001")]
    [InlineData("a201100124001")]
    public void TryParse_WithCorrectCheckLetter_Succeeds(string text) => Assert.True(UniquePupilNumber.TryParse(text, out _));

    [Theory]
    [InlineData("B201100124001")] // wrong check letter
    [InlineData("A20110012400")] // twelve characters
    [InlineData("A2011001240X1")] // a letter among the digits
    public void TryParse_WithBadUpn_Fails(string text) => Assert.False(UniquePupilNumber.TryParse(text, out _));

    [Fact]
    public void TryParse_WithLetterLast_IsTemporaryUpn()
    {
        var twelve = "20110012400" + "T";
        var upn = UniquePupilNumber.Parse(UniquePupilNumber.CheckLetterFor(twelve) + twelve);
        Assert.True(upn.IsTemporary);
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('S')]
    public void TryParse_WithTemporaryLetterThatLooksLikeDigit_Fails(char last)
    {
        var twelve = "20110012400" + last;
        Assert.False(UniquePupilNumber.TryParse("A" + twelve, out _));
    }
}
