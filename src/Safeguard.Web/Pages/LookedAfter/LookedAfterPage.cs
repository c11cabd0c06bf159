using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.LookedAfter;
using Safeguard.Web.Access;
using Safeguard.Web.LookedAfter;
using Safeguard.Web.Pages.Episodes;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>
/// A page of one period of care: loads it with its episode (refusing anyone without a relationship with the child), shows it
/// to the child's lead practitioner and children's social care, and lets children's social care take its steps.
/// </summary>
public abstract class LookedAfterPage(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, LookedAfterSteps steps, AuditLog audit,
    TimeProvider time) : EpisodePage(db, access, authorization, time)
{
    public LookedAfterView Period { get; private set; } = null!;

    [BindProperty]
    public Guid? Version { get; set; }

    /// <summary>Which form was posted, so a rule's field is shown against the right question.</summary>
    protected string Form { get; private set; } = string.Empty;

    protected LookedAfterSteps Steps => steps;

    protected async Task<IActionResult> LoadPeriodAsync(Guid id, bool audited, CancellationToken cancellationToken)
    {
        var period = await Db.LookedAfterPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (period is null)
        {
            return NotFound();
        }

        var loaded = await LoadEpisodeAsync(period.EpisodeId, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        Period = await steps.ViewAsync(period, cancellationToken);
        Version ??= period.Version;
        if (audited)
        {
            await audit.ReadAsync(nameof(LookedAfterPeriod), id, period.ChildId, Basis, cancellationToken);
        }

        await LoadedAsync(cancellationToken);
        return loaded;
    }

    /// <summary>What else the page shows, once the period is loaded.</summary>
    protected virtual Task LoadedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Takes one step from a form: the step returns false when the form itself is not valid (a date that is not real).</summary>
    protected async Task<IActionResult> PostAsync(Guid id, string form, Func<Task<bool>> step, CancellationToken cancellationToken)
    {
        Form = form;
        var loaded = await LoadPeriodAsync(id, audited: false, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (!IsChildrenSocialCare)
        {
            return Forbid();
        }

        if (!await step())
        {
            return Page();
        }

        return Redirect(Request.Path + "#" + form.ToLowerInvariant());
    }
}
