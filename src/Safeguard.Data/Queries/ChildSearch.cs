using Microsoft.EntityFrameworkCore;
using Safeguard.Domain.Children;

namespace Safeguard.Data.Queries;

public static class ChildSearch
{
    public const int MaxResults = 50;

    /// <summary>The escape character of every LIKE pattern built from what someone typed.</summary>
    public const string LikeEscape = "\\";

    /// <summary>Text to match literally inside a LIKE pattern: the wildcards % and _ and the escape character itself escaped.</summary>
    public static string EscapeLike(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal).Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    /// <summary>
    /// Children whose record has exactly this name (either order, any case) and date of birth: how anyone who is not children's
    /// social care finds a record, so that it cannot be used to browse.
    /// </summary>
    public static IQueryable<Child> ExactlyNamed(this IQueryable<Child> children, string givenName, string familyName, DateOnly dateOfBirth)
    {
        var given = givenName.Trim().ToUpperInvariant();
        var family = familyName.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF translates ToUpper() to SQL UPPER(); no .NET culture is involved.
        return children.Where(c => c.MergedIntoId == null && c.DateOfBirth == dateOfBirth
            && (c.GivenName.ToUpper() == given && c.FamilyName.ToUpper() == family || c.GivenName.ToUpper() == family && c.FamilyName.ToUpper() == given));
#pragma warning restore CA1304, CA1311, CA1862
    }

    /// <summary>
    /// Children matching what a practitioner typed: a 10-digit NHS number exactly, or else every word matching a
    /// first or last name anywhere, in either order (so "Smith Jo" finds Jo Smith). Case does not matter.
    /// </summary>
    public static IQueryable<Child> Matching(this IQueryable<Child> children, string text)
    {
        var q = text.Trim();
        children = children.Where(c => c.MergedIntoId == null);
        var digits = new string([.. q.Where(char.IsAsciiDigit)]);
        if (digits.Length == 10 && q.All(c => char.IsAsciiDigit(c) || c == ' '))
        {
            return children.Where(c => c.NhsNumber == digits);
        }

        foreach (var word in q.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4))
        {
            // What was typed is matched as text: % and _ are letters here, not wildcards that would list every child.
            var pattern = $"%{EscapeLike(word.ToUpperInvariant())}%";
#pragma warning disable CA1304, CA1311 // EF translates ToUpper() to SQL UPPER(); no .NET culture is involved.
            children = children.Where(c => EF.Functions.Like(c.GivenName.ToUpper(), pattern, LikeEscape)
                || EF.Functions.Like(c.FamilyName.ToUpper(), pattern, LikeEscape));
#pragma warning restore CA1304, CA1311
        }

        return children.OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).Take(MaxResults);
    }

    /// <summary>
    /// Existing records that are likely the same child as <paramref name="probe"/> (see <see cref="ChildMatching"/>),
    /// best first. Candidates are narrowed in the database by NHS number, date of birth (give or take a month, or
    /// with day and month swapped) or name, then scored here.
    /// </summary>
    public static async Task<IReadOnlyList<(Child Child, ChildMatch Match)>> LikelyMatchesAsync(this IQueryable<Child> children, ChildProbe probe,
        Guid? excluding, CancellationToken cancellationToken)
    {
        var family = probe.FamilyName.Trim().ToUpperInvariant();
        var given = (probe.GivenName ?? string.Empty).Trim().ToUpperInvariant();
        var from = probe.DateOfBirth?.AddDays(-31);
        var to = probe.DateOfBirth?.AddDays(31);
        var swapped = probe.DateOfBirth is { Day: <= 12 } d ? new DateOnly(d.Year, d.Day, Math.Min(d.Month, DateTime.DaysInMonth(d.Year, d.Day))) : (DateOnly?)null;
#pragma warning disable CA1304, CA1311, CA1862 // EF translates ToUpper() to SQL UPPER(); no .NET culture or comparer is involved.
        var candidates = await children
            .Where(c => c.MergedIntoId == null && c.Id != excluding)
            .Where(c => (probe.NhsNumber != null && c.NhsNumber == probe.NhsNumber)
                || (from != null && c.DateOfBirth >= from && c.DateOfBirth <= to)
                || (swapped != null && c.DateOfBirth == swapped)
                || c.FamilyName.ToUpper() == family
                || (given != "" && c.FamilyName.ToUpper() == given))
#pragma warning restore CA1304, CA1311, CA1862
            .Take(500)
            .ToListAsync(cancellationToken);
        return [.. candidates
            .Select(c => (Child: c, Match: ChildMatching.Score(probe, c, c.CurrentAddress?.Postcode)))
            .Where(x => x.Match is not null)
            .Select(x => (x.Child, Match: x.Match!))
            .OrderByDescending(x => x.Match.Score)
            .Take(10)];
    }
}
