using Safeguard.Domain.DataProtection;

namespace Safeguard.Domain.Tests.DataProtection;

public sealed class RedactionTests
{
    private static Redaction ForEllie()
    {
        var redaction = new Redaction();
        redaction.Keep("Ellie Testcase");
        redaction.Redact("Priya Referrerson", "Referrer");
        redaction.Redact("07700 900123", "Referrer");
        redaction.Redact("Jo Testcase", "Mother");
        redaction.Redact("Tommy Testcase", "Another child");
        return redaction;
    }

    [Fact]
    public void Apply_ReplacesNamesByWhatThePersonIs_AndKeepsTheChild()
    {
        var text = ForEllie().Apply("Priya Referrerson (07700 900123) says Jo Testcase leaves Ellie Testcase and TOMMY TESTCASE alone; Priya will call again.");

        Assert.Equal("[Referrer] ([Referrer]) says [Mother] leaves Ellie Testcase and [Another child] alone; [Referrer] will call again.", text);
    }

    [Fact]
    public void Apply_ASharedFamilyNameOnItsOwn_IsKept_AndPartsOfWordsAreNot() =>
        Assert.Equal("The Testcase family; Tommyrot; [Another child] is 6.", ForEllie().Apply("The Testcase family; Tommyrot; Tommy is 6."));

    [Fact]
    public void Apply_NeverRedactsItsOwnLabels()
    {
        var redaction = new Redaction();
        redaction.Redact("Test Practitioner", "Practitioner");
        redaction.Redact("Rita Referrer", "Referrer");

        Assert.Equal("[Practitioner] met [Referrer].", redaction.Apply("Test Practitioner met Rita Referrer."));
    }
}
