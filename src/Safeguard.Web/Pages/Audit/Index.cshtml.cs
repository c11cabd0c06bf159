using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Audit;

/// <summary>The data protection officer finds a child's record by its exact name and date of birth, then sees who looked at it.</summary>
[Authorize(Policy = Policies.AuditTrail)]
public sealed class IndexModel(SafeguardDbContext db, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? GivenName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FamilyName { get; set; }

    [BindProperty(SupportsGet = true)]
    public Forms.DateField DateOfBirth { get; set; } = new();

    public bool Searched { get; private set; }

    public IReadOnlyList<ChildRow> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await Web.DataProtection.ExactChildPicker.FindAsync(db, audit, ModelState, GivenName, FamilyName, DateOfBirth, Policies.AuditTrailBasis,
                cancellationToken) is not { } found)
        {
            return;
        }

        Searched = true;
        Results = [.. found.Select(c => new ChildRow(c.Id, c.Name, c.DateOfBirth))];
    }

    public sealed record ChildRow(Guid Id, string Name, DateOnly? DateOfBirth);
}
