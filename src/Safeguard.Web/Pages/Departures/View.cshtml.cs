using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Data.Audit;
using Safeguard.Data.Records;
using Safeguard.Web.Departures;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.Pages.Departures;

/// <summary>One recorded departure from a SHOULD rule, for whoever may see the child's episode.</summary>
[Authorize]
public sealed class ViewModel(DepartureSteps steps, AuditLog audit) : PageModel
{
    public DepartureView Departure { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            if (await steps.FindAsync(User, id, cancellationToken) is not { } found)
            {
                return NotFound();
            }

            Departure = found.View;
            await audit.ReadAsync(RecordKinds.Departure.Name, id, found.View.ChildId, found.Basis, cancellationToken);
            return Page();
        }
        catch (AccessRefusedException)
        {
            return Forbid();
        }
    }
}
