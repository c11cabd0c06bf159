using Safeguard.Domain.Children;

namespace Safeguard.Domain.Tests.Children;

/// <summary>GEN-04 (¶14, ¶19): the child's and each adult's first language, whether a professional interpreter is needed, and how they communicate.</summary>
public sealed class CommunicationNeedsTests
{
    private static readonly Guid AreaId = Guid.NewGuid();

    private static Child Child() => new(Guid.NewGuid(), AreaId,
        new ChildDetails("Noor", "Talktest", new DateOnly(2015, 2, 3), null, Sex.Female, null, "WBRI", ["NONE"], "Arabic", null, null), new DateOnly(2026, 12, 1));

    private static void Refused(Action step, string field)
    {
        var error = Assert.Throws<RuleViolationException>(step);
        Assert.Equal("GEN-04", error.RuleId);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    [Trait("Rule", "GEN-04")]
    public void TheChildsNeeds_AreRecordedWithTheirFirstLanguage()
    {
        var child = Child();
        child.RecordCommunicationNeeds(new CommunicationNeeds(" Arabic ", true, " Prefers pictures with words. "));

        Assert.Equal("Arabic", child.FirstLanguage);
        Assert.True(child.InterpreterNeeded);
        Assert.Equal("Prefers pictures with words.", child.CommunicationMethod);
        Assert.Equal("first language Arabic; needs a professional interpreter; Prefers pictures with words.", child.CommunicationNeeds.Describe());
    }

    [Fact]
    [Trait("Rule", "GEN-04")]
    public void WhetherAnInterpreterIsNeeded_MustBeAnswered_AndForWhichLanguage()
    {
        var child = Child();
        Refused(() => child.RecordCommunicationNeeds(new CommunicationNeeds("Arabic", null, null)), nameof(CommunicationNeeds.InterpreterNeeded));
        Refused(() => child.RecordCommunicationNeeds(new CommunicationNeeds(" ", true, null)), nameof(CommunicationNeeds.FirstLanguage));
        Refused(() => child.RecordCommunicationNeeds(new CommunicationNeeds(new string('a', 101), false, null)), nameof(CommunicationNeeds.FirstLanguage));
        Refused(() => child.RecordCommunicationNeeds(new CommunicationNeeds("Arabic", false, new string('a', 501))), nameof(CommunicationNeeds.CommunicationMethod));

        Assert.Equal("Arabic", child.FirstLanguage);
        Assert.Null(child.InterpreterNeeded);
    }

    [Fact]
    [Trait("Rule", "GEN-04")]
    public void AnAdultsNeeds_AreTheirOwn_ABritishSignLanguageInterpreterNeedsNoSpokenLanguage()
    {
        var father = new FamilyMember(Guid.NewGuid(), AreaId, "Sami", "Talktest", null, null);
        father.RecordCommunicationNeeds(new CommunicationNeeds(null, true, "British Sign Language"));

        Assert.True(father.InterpreterNeeded);
        Assert.Equal("British Sign Language", father.CommunicationMethod);
        Assert.Null(father.FirstLanguage);
    }
}
