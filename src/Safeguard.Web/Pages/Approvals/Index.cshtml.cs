using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Approvals;

/// <summary>Roles that reach case records, asked for accounts of the approver's agency and waiting for them: who, which roles, who asked.</summary>
[Authorize(Policy = Policies.AccessApprover)]
public sealed class IndexModel(RoleGrants grants) : PageModel
{
    public IReadOnlyList<RoleGrantView> Waiting { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Waiting = await grants.WaitingForAsync(User.PractitionerId()!.Value, cancellationToken);
}
