using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Web.Authorization;
using Safeguard.Web.Errors;
using Safeguard.Web.Exchanges;

namespace Safeguard.Web.Pages.Exchanges;

/// <summary>
/// One exchange as the area reading it sees it: what was shared, on which lawful basis, by whom and when, and its acknowledgement.
/// The receiving area acknowledges it, records the child from it, and records the move here on the child's episode.
/// </summary>
[Authorize(Policy = Policies.ChildrenSocialCare)]
public sealed class ViewModel(ExchangeSteps steps) : PageModel, IMapsRuleFields
{
    public ExchangeView Exchange { get; private set; } = null!;

    /// <summary>A record of this area the child is already known by, to record the exchange against instead of a new one.</summary>
    [BindProperty]
    public Guid? ChildId { get; set; }

    public string FormKeyFor(string domainField) => domainField;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await steps.ReadAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Exchange = view;
        return Page();
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, () => steps.AcknowledgeAsync(User, id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostChildAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, () => steps.RecordChildAsync(User, id, new RecordChildInput(ChildId), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostMovedInAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, () => steps.MovedInAsync(User, id, new MovedInInput(), cancellationToken), cancellationToken);

    /// <summary>Loads the exchange first, so a refused step shows the page again with the error summary.</summary>
    private async Task<IActionResult> StepAsync(Guid id, Func<Task<ExchangeView>> step, CancellationToken cancellationToken)
    {
        if (await steps.FindAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Exchange = view;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await step();
        return RedirectToPage(new { id });
    }
}
