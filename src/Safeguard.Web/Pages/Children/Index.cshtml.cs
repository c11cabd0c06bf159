using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Children;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Children;

[Authorize(Policy = Policies.ChildrenSocialCare)]
public sealed class IndexModel(SafeguardDbContext db, AuditLog audit) : PageModel
{
    private const int MaxResults = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<ChildRow> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var q = Q?.Trim();
        if (string.IsNullOrEmpty(q) || q.Length > 100)
        {
            return;
        }

        var query = db.Children.AsNoTracking();
        var digits = new string([.. q.Where(char.IsAsciiDigit)]);
        if (digits.Length == 10 && q.All(c => char.IsAsciiDigit(c) || c == ' '))
        {
            query = query.Where(c => c.NhsNumber == digits);
        }
        else
        {
            // Every word must match a first or last name, in either order, so "Smith Jo" finds Jo Smith.
            foreach (var word in q.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4))
            {
                var pattern = $"%{word.ToUpperInvariant()}%";
#pragma warning disable CA1304, CA1311 // EF translates ToUpper() to SQL UPPER(); no .NET culture is involved.
                query = query.Where(c => EF.Functions.Like(c.GivenName.ToUpper(), pattern) || EF.Functions.Like(c.FamilyName.ToUpper(), pattern));
#pragma warning restore CA1304, CA1311
            }
        }

        Results = await query.OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).Take(MaxResults)
            .Select(c => new ChildRow(c.Id, c.GivenName + " " + c.FamilyName, c.DateOfBirth, c.ExpectedDateOfBirth,
                c.NhsNumber == null ? null : c.NhsNumber.Substring(0, 3) + " " + c.NhsNumber.Substring(3, 3) + " " + c.NhsNumber.Substring(6)))
            .ToListAsync(cancellationToken);
        await audit.SearchedAsync($"Searched for \"{q}\"", [.. Results.Select(r => r.Id)], Policies.ChildrenSocialCareBasis, cancellationToken);
    }

    public sealed record ChildRow(Guid Id, string Name, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, string? NhsNumber);
}
