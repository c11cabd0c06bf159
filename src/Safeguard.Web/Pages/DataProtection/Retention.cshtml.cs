using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Domain.DataProtection;
using Safeguard.Web.Authorization;
using Safeguard.Web.DataProtection;

namespace Safeguard.Web.Pages.DataProtection;

/// <summary>The retention schedule in use and the records that reach their review date first.</summary>
[Authorize(Policy = Policies.DataProtection)]
public sealed class RetentionModel(DataProtectionSteps steps, RetentionSchedule schedule) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<RetentionPeriod> Periods => schedule.Periods;

    public IReadOnlyList<RetentionRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await steps.RetentionReportAsync(Shown, cancellationToken);
}
