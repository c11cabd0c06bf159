namespace Safeguard.Domain;

/// <summary>
/// A step refused because it would break a rule: a statutory rule (its id from STATUTORY-RULES.md, such as
/// "RC-01") or one of Safeguard's own record-keeping rules (ids starting "SG-"). The one exception type the
/// domain throws for a refused step; the web layer turns it into problem details or a GOV.UK error summary.
/// </summary>
public sealed class RuleViolationException : Exception
{
    public RuleViolationException(string ruleId, string message, string? field = null)
        : base(message)
    {
        RuleId = ruleId;
        Field = field;
    }

    /// <summary>A refusal that names the records standing in the way (what is still open), so pages and the API can link to each.</summary>
    public RuleViolationException(string ruleId, string message, string? field, IReadOnlyList<RelatedRecord> related)
        : this(ruleId, message, field)
    {
        Related = related;
    }

    public RuleViolationException()
        : this("SG-UNKNOWN", "The step breaks a rule.")
    {
    }

    public RuleViolationException(string message)
        : this("SG-UNKNOWN", message)
    {
    }

    public RuleViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
        RuleId = "SG-UNKNOWN";
    }

    public string RuleId { get; }

    /// <summary>The input the rule is about, when there is one, so a page can point at the right field.</summary>
    public string? Field { get; }

    /// <summary>The records the refusal is about, when it names some (empty otherwise).</summary>
    public IReadOnlyList<RelatedRecord> Related { get; } = [];
}

/// <summary>
/// A record a refused step names: its kind as the registry of record kinds names it ("ChildProtectionPlan",
/// "Section47Enquiry", "StrategyDiscussion", "Plan"...), its id, and what it is in plain words.
/// </summary>
public sealed record RelatedRecord(string Kind, Guid Id, string Description);

/// <summary>The one helper every domain method uses to check its preconditions (import with <c>using static</c>).</summary>
public static class Requirement
{
    /// <summary>Throws a <see cref="RuleViolationException"/> unless <paramref name="condition"/> holds.</summary>
    public static void Require(bool condition, string ruleId, string message, string? field = null)
    {
        if (!condition)
        {
            throw new RuleViolationException(ruleId, message, field);
        }
    }
}
