using Safeguard.Domain;
using Safeguard.Domain.Children;

namespace Safeguard.Domain.Tests.Children;

public sealed class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919", "9434765919")]
    [InlineData("943 476 5919", "9434765919")]
    [InlineData("943-476-5919", "9434765919")]
    [InlineData("4010232137", "4010232137")]
    public void Parse_WithValidCheckDigit_KeepsTenDigits(string text, string digits) =>
        Assert.Equal(digits, NhsNumber.Parse(text).Digits);

    [Theory]
    [InlineData("9434765918")] // wrong check digit
    [InlineData("943476591")] // nine digits
    [InlineData("94347659190")] // eleven digits
    [InlineData("94347A5919")]
    [InlineData("")]
    public void TryParse_WithInvalidNumber_Fails(string text) => Assert.False(NhsNumber.TryParse(text, out _));

    [Fact]
    public void TryParse_WhenRemainderGivesTen_HasNoValidNumber()
    {
        // Nine digits whose weighted sum leaves remainder 1 would need check digit 10: no NHS number starts so.
        var nine = Enumerable.Range(0, 1_000).Select(i => i.ToString("D9", System.Globalization.CultureInfo.InvariantCulture))
            .First(n => NhsNumber.CheckDigit(n) is null);
        for (var check = 0; check <= 9; check++)
        {
            Assert.False(NhsNumber.TryParse(nine + check, out _));
        }
    }

    [Fact]
    public void Parse_WithInvalidNumber_ThrowsRuleViolationNamingTheField()
    {
        var error = Assert.Throws<RuleViolationException>(() => NhsNumber.Parse("1234567890"));
        Assert.Equal("NhsNumber", error.Field);
    }

    [Fact]
    public void ToString_GroupsAsOnNhsLetters() => Assert.Equal("943 476 5919", NhsNumber.Parse("9434765919").ToString());
}
