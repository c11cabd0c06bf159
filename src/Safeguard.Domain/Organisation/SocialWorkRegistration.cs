using System.Diagnostics.CodeAnalysis;

namespace Safeguard.Domain.Organisation;

/// <summary>
/// A social worker's registration with Social Work England: "SW" followed by up to seven digits (e.g. SW104281).
/// Registration is what makes someone a social worker, and so "social work qualified" (RC-01, RC-04).
/// </summary>
public readonly record struct SocialWorkRegistration
{
    private SocialWorkRegistration(string number) => Number = number;

    public string Number { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out SocialWorkRegistration? registration)
    {
        registration = null;
        var value = text?.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (value is null || value.Length is < 3 or > 9 || !value.StartsWith("SW", StringComparison.Ordinal)
            || !value[2..].All(char.IsAsciiDigit))
        {
            return false;
        }

        registration = new SocialWorkRegistration(value);
        return true;
    }

    public static SocialWorkRegistration Parse(string text) => TryParse(text, out var registration)
        ? registration.Value
        : throw new RuleViolationException("SG-PRAC-03",
            "A Social Work England registration number is SW followed by digits, like SW104281.", "Registration");

    public override string ToString() => Number;
}
