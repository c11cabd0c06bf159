using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Data.Queries;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Audit;

[Authorize(Policy = Policies.AuditTrail)]
public sealed class IndexModel(SafeguardDbContext db, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<ChildRow> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Q) || Q.Length > 100)
        {
            return;
        }

        Results = await db.Children.AsNoTracking().Matching(Q)
            .Select(c => new ChildRow(c.Id, c.GivenName + " " + c.FamilyName, c.DateOfBirth))
            .ToListAsync(cancellationToken);
        await audit.SearchedAsync($"Searched for \"{Q.Trim()}\"", [.. Results.Select(r => r.Id)], Policies.AuditTrailBasis, cancellationToken);
    }

    public sealed record ChildRow(Guid Id, string Name, DateOnly? DateOfBirth);
}
