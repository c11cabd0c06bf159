using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.Clocks;
using Safeguard.Web.Errors;

namespace Safeguard.Web.Pages.Area;

/// <summary>
/// A social work qualified manager sets the area's own target for holding a strategy discussion (A-26, SG-AREA-10), the same step as
/// <c>PUT /api/v1/area/strategy-discussion-target</c>; what was typed stays when it is refused.
/// </summary>
[Authorize(Policy = Policies.FrontDoorDecision)]
public sealed class StrategyDiscussionTargetModel(SafeguardDbContext db, AuditLog audit) : PageModel, IMapsRuleFields
{
    public string FormKeyFor(string domainField) => domainField == "StrategyDiscussionTargetWorkingDays" ? nameof(WorkingDays) : domainField;

    public StrategyDiscussionTarget Current { get; private set; } = null!;

    [BindProperty]
    public string? WorkingDays { get; set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Current = await ReadAsync(cancellationToken);
        WorkingDays = Current.WorkingDays.ToString(CultureInfo.InvariantCulture);
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Current = await ReadAsync(cancellationToken);
        int? days = null;
        if (string.IsNullOrWhiteSpace(WorkingDays))
        {
            ModelState.AddModelError(nameof(WorkingDays), "Enter the target in working days.");
        }
        else if (int.TryParse(WorkingDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            days = parsed;
        }
        else
        {
            ModelState.AddModelError(nameof(WorkingDays), "Enter the target as a whole number of working days, like 1.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await StrategyDiscussionTargetApi.ChangeAsync(User, new StrategyDiscussionTargetInput(days), db, audit, cancellationToken);
        return RedirectToPage(new { saved = true });
    }

    private async Task<StrategyDiscussionTarget> ReadAsync(CancellationToken cancellationToken) =>
        StrategyDiscussionTargetApi.Of(await db.Areas.AsNoTracking().SingleAsync(a => a.Id == User.AreaId(), cancellationToken));
}
