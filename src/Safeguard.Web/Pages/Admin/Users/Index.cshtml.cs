using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Data;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(SafeguardDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<AccountView> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Accounts = await AccountQueries.InAreaAsync(db, User.AreaId()!.Value, time, null, cancellationToken);
}
