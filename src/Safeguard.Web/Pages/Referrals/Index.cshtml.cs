using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Web.Authorization;
using Safeguard.Web.Account;
using Safeguard.Web.Referrals;

namespace Safeguard.Web.Pages.Referrals;

/// <summary>The referrer's own referrals with their outcomes: feedback to the referrer (¶165).</summary>
public sealed class IndexModel(SafeguardDbContext db, AuditLog audit) : PageModel
{
    public IReadOnlyList<ReferralQueries.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await ReferralQueries.MadeByAsync(db, User.PractitionerId()!.Value, cancellationToken);
        await audit.ListedAsync("Your referrals", Rows.Select(r => r.ChildId), Policies.ReferrerBasis, cancellationToken);
    }
}
