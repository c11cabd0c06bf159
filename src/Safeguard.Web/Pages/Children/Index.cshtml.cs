using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Data.Queries;
using Safeguard.Domain.Children;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Children;

[Authorize(Policy = Policies.ChildrenSocialCare)]
public sealed class IndexModel(SafeguardDbContext db, AuditLog audit) : PageModel
{
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

        Results = await db.Children.AsNoTracking().Matching(q)
            .Select(c => new ChildRow(c.Id, c.GivenName + " " + c.FamilyName, c.DateOfBirth, c.ExpectedDateOfBirth,
                c.NhsNumber == null ? null : c.NhsNumber.Substring(0, 3) + " " + c.NhsNumber.Substring(3, 3) + " " + c.NhsNumber.Substring(6)))
            .ToListAsync(cancellationToken);
        await audit.SearchedAsync($"Searched for \"{q}\"", [.. Results.Select(r => r.Id)], Policies.ChildrenSocialCareBasis, cancellationToken, termsNamePeople: true);
    }

    public sealed record ChildRow(Guid Id, string Name, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, string? NhsNumber);
}
