using Microsoft.EntityFrameworkCore;
using Safeguard.Domain.Children;

namespace Safeguard.Data.Queries;

public static class ChildSearch
{
    public const int MaxResults = 50;

    /// <summary>
    /// Children matching what a practitioner typed: a 10-digit NHS number exactly, or else every word matching a
    /// first or last name anywhere, in either order (so "Smith Jo" finds Jo Smith). Case does not matter.
    /// </summary>
    public static IQueryable<Child> Matching(this IQueryable<Child> children, string text)
    {
        var q = text.Trim();
        var digits = new string([.. q.Where(char.IsAsciiDigit)]);
        if (digits.Length == 10 && q.All(c => char.IsAsciiDigit(c) || c == ' '))
        {
            return children.Where(c => c.NhsNumber == digits);
        }

        foreach (var word in q.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4))
        {
            var pattern = $"%{word.ToUpperInvariant()}%";
#pragma warning disable CA1304, CA1311 // EF translates ToUpper() to SQL UPPER(); no .NET culture is involved.
            children = children.Where(c => EF.Functions.Like(c.GivenName.ToUpper(), pattern) || EF.Functions.Like(c.FamilyName.ToUpper(), pattern));
#pragma warning restore CA1304, CA1311
        }

        return children.OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).Take(MaxResults);
    }
}
