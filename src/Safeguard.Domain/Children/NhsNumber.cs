using System.Diagnostics.CodeAnalysis;

namespace Safeguard.Domain.Children;

/// <summary>
/// A 10-digit NHS number whose last digit is the modulus 11 check digit: the first nine digits are weighted
/// 10 down to 2, summed, and 11 minus the remainder mod 11 is the check digit (11 becomes 0; 10 is never valid).
/// Spaces and hyphens in the input are ignored; the value is kept as ten digits.
/// </summary>
public readonly record struct NhsNumber
{
    private NhsNumber(string digits) => Digits = digits;

    public string Digits { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out NhsNumber? number)
    {
        number = null;
        if (text is null)
        {
            return false;
        }

        Span<char> digits = stackalloc char[10];
        var count = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || count == 10)
            {
                return false;
            }

            digits[count++] = c;
        }

        if (count != 10 || CheckDigit(digits[..9]) is not { } check || check != digits[9] - '0')
        {
            return false;
        }

        number = new NhsNumber(new string(digits));
        return true;
    }

    public static NhsNumber Parse(string text) => TryParse(text, out var number)
        ? number.Value
        : throw new RuleViolationException("SG-CHILD-NHS",
            "Enter a valid NHS number: 10 digits, like 485 777 3456. Check it against the NHS record.", "NhsNumber");

    /// <summary>The check digit for nine digits, or null where the remainder gives 10 (no valid NHS number).</summary>
    public static int? CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (nineDigits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }

    /// <summary>Shown as people read it on NHS letters: 3, 3 and 4 digits.</summary>
    public override string ToString() => Digits is null ? string.Empty : $"{Digits[..3]} {Digits[3..6]} {Digits[6..]}";
}
