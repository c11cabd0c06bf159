using System.Diagnostics.CodeAnalysis;

namespace Safeguard.Domain.Children;

/// <summary>
/// A unique pupil number (CIN census section 5): 13 characters, a check letter, the 3-digit LA number, then
/// nine more of which the first eight are digits and the last is a digit or, for a temporary UPN, a letter
/// other than I, O and S. The check letter weights characters 2 to 13 by their position, sums them, and maps
/// the remainder mod 23 to A B C D E F G H J K L M N P Q R T U V W X Y Z (a letter in position 13 counts as
/// its place in that alphabet).
/// </summary>
public readonly record struct UniquePupilNumber
{
    private const string CheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private UniquePupilNumber(string value) => Value = value;

    public string Value { get; }

    public bool IsTemporary => char.IsAsciiLetter(Value[12]);

    public static bool TryParse(string? text, [NotNullWhen(true)] out UniquePupilNumber? upn)
    {
        upn = null;
        var value = text?.Trim().ToUpperInvariant();
        if (value is not { Length: 13 } || !value[1..12].All(char.IsAsciiDigit))
        {
            return false;
        }

        var last = value[12];
        if (!char.IsAsciiDigit(last) && !CheckLetters.Contains(last, StringComparison.Ordinal))
        {
            return false;
        }

        if (CheckLetterFor(value.AsSpan(1)) != value[0])
        {
            return false;
        }

        upn = new UniquePupilNumber(value);
        return true;
    }

    public static UniquePupilNumber Parse(string text) => TryParse(text, out var upn)
        ? upn.Value
        : throw new RuleViolationException("SG-CHILD-UPN",
            "Enter a valid unique pupil number: 13 characters, a check letter then 12 more, like A201100124001.", "Upn");

    /// <summary>The check letter for the twelve characters after it.</summary>
    public static char CheckLetterFor(ReadOnlySpan<char> twelve)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var c = twelve[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : CheckLetters.IndexOf(c, StringComparison.Ordinal);
            sum += value * (i + 2);
        }

        return CheckLetters[sum % 23];
    }

    public override string ToString() => Value ?? string.Empty;
}
