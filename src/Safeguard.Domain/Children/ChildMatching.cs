using System.Globalization;
using System.Text;

namespace Safeguard.Domain.Children;

/// <summary>What is known about a child being looked for.</summary>
public sealed record ChildProbe(string? GivenName, string FamilyName, DateOnly? DateOfBirth, string? NhsNumber, string? Postcode);

/// <summary>A record that may be the same child, with how sure and why, in words a practitioner can check.</summary>
public sealed record ChildMatch(Guid ChildId, int Score, IReadOnlyList<string> Reasons);

/// <summary>
/// One child, one record: scores how likely an existing record is the child being looked for. Tolerant of
/// spelling (two letters wrong), swapped first and last names, and day and month swapped in a date of birth.
/// A matching NHS number is decisive; a different NHS number rules a record out.
/// </summary>
public static class ChildMatching
{
    /// <summary>Scores at or above this are offered as likely matches.</summary>
    public const int LikelyThreshold = 50;

    public static ChildMatch? Score(ChildProbe probe, Child candidate, string? candidatePostcode)
    {
        var reasons = new List<string>();
        if (probe.NhsNumber is { Length: > 0 } nhs && candidate.NhsNumber is { Length: > 0 } theirs)
        {
            if (nhs == theirs)
            {
                return new ChildMatch(candidate.Id, 100, ["Same NHS number"]);
            }

            return null;
        }

        var score = 0;
        var family = Normalise(probe.FamilyName);
        var given = Normalise(probe.GivenName);
        var candidateFamily = Normalise(candidate.FamilyName);
        var candidateGiven = Normalise(candidate.GivenName);
        if (family == candidateFamily && given == candidateGiven)
        {
            score += 40;
            reasons.Add("Same name");
        }
        else if (family == candidateGiven && given == candidateFamily)
        {
            score += 35;
            reasons.Add("Same names, first and last swapped");
        }
        else if (Close(family, candidateFamily) && Close(given, candidateGiven))
        {
            score += 30;
            reasons.Add("Similar name");
        }
        else if (Close(family, candidateFamily))
        {
            score += 15;
            reasons.Add("Similar last name");
        }

        if (probe.DateOfBirth is { } dob && candidate.DateOfBirth is { } theirDob)
        {
            if (dob == theirDob)
            {
                score += 40;
                reasons.Add("Same date of birth");
            }
            else if (dob.Year == theirDob.Year && dob.Month == theirDob.Day && dob.Day == theirDob.Month)
            {
                score += 25;
                reasons.Add("Date of birth with day and month swapped");
            }
            else if (Math.Abs(dob.DayNumber - theirDob.DayNumber) <= 31)
            {
                score += 10;
                reasons.Add("Date of birth within a month");
            }
        }

        if (probe.Postcode is { Length: > 0 } postcode && candidatePostcode is { Length: > 0 }
            && Normalise(postcode) == Normalise(candidatePostcode))
        {
            score += 20;
            reasons.Add("Same postcode");
        }

        return score >= LikelyThreshold ? new ChildMatch(candidate.Id, Math.Min(score, 99), reasons) : null;
    }

    /// <summary>Upper case letters only, accents removed: "O'Brien-Smith" and "obrien smith" compare equal.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Within two edits (Levenshtein) for names of five letters or more, one edit for shorter names.</summary>
    public static bool Close(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        var allowed = Math.Min(a.Length, b.Length) >= 5 ? 2 : 1;
        return Math.Abs(a.Length - b.Length) <= allowed && Distance(a, b) <= allowed;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
