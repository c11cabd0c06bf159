using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.Children;

/// <summary>
/// How a child or an adult communicates, recorded so that whoever plans a visit or a meeting can meet it (¶14, ¶19, GEN-03,
/// GEN-04): their first language, whether a professional interpreter is needed (never a family member), and how they
/// communicate (British Sign Language, Makaton, pictures, an advocate...).
/// </summary>
public sealed record CommunicationNeeds(string? FirstLanguage, bool? InterpreterNeeded, string? CommunicationMethod)
{
    public const int MaxLanguageLength = 100;

    public const int MaxMethodLength = 500;

    /// <summary>Whether anything is recorded at all.</summary>
    public bool IsRecorded => FirstLanguage is not null || InterpreterNeeded is not null || CommunicationMethod is not null;

    /// <summary>The needs as recorded: trimmed, blanks as nothing, each checked (GEN-04).</summary>
    public static CommunicationNeeds Checked(string? firstLanguage, bool? interpreterNeeded, string? communicationMethod)
    {
        var language = string.IsNullOrWhiteSpace(firstLanguage) ? null : firstLanguage.Trim();
        var method = string.IsNullOrWhiteSpace(communicationMethod) ? null : communicationMethod.Trim();
        Require(interpreterNeeded is not null, "GEN-04", "Say whether a professional interpreter is needed.", nameof(InterpreterNeeded));
        Require(interpreterNeeded == false || language is not null || method is not null, "GEN-04",
            "Say which language, or which way of communicating, the interpreter is for.", nameof(FirstLanguage));
        Require((language?.Length ?? 0) <= MaxLanguageLength, "GEN-04", $"The language must be {MaxLanguageLength} characters or fewer.", nameof(FirstLanguage));
        Require((method?.Length ?? 0) <= MaxMethodLength, "GEN-04", $"How they communicate must be {MaxMethodLength} characters or fewer.",
            nameof(CommunicationMethod));
        return new CommunicationNeeds(language, interpreterNeeded, method);
    }

    /// <summary>In words, for pages that plan a visit or a meeting.</summary>
    public string Describe() => string.Join("; ", new[]
    {
        FirstLanguage is null ? null : $"first language {FirstLanguage}",
        InterpreterNeeded switch { true => "needs a professional interpreter", false => "no interpreter needed", _ => null },
        CommunicationMethod,
    }.Where(s => s is not null));
}
