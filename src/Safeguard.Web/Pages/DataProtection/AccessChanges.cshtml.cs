using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Data;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.DataProtection;

/// <summary>
/// For the data protection officer: every grant of roles that reach case records (who asked, who approved or rejected, when a link was
/// issued), and every change to accounts and roles from the audit trail.
/// </summary>
[Authorize(Policy = Policies.DataProtection)]
public sealed class AccessChangesModel(SafeguardDbContext db, RoleGrants grants) : PageModel
{
    public IReadOnlyList<RoleGrantView> Grants { get; private set; } = [];

    public IReadOnlyList<AccessChangeView> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Grants = await grants.AllAsync(null, cancellationToken);
        Changes = await AccessChanges.ListAsync(db, cancellationToken);
    }
}
