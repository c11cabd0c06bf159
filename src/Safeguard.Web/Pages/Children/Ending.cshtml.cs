using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Domain.Children;
using Safeguard.Web.Authorization;
using Safeguard.Web.Children;
using Safeguard.Web.Errors;
using Safeguard.Web.Forms;

namespace Safeguard.Web.Pages.Children;

/// <summary>
/// A manager records that a child died (the date of death, once) or left the UK permanently (with the evidence), which
/// ends every open plan and stops every clock; or what happens next at 18 (GEN-01). A blank form: it shows nothing of the
/// child's record.
/// </summary>
[Authorize(Policy = Policies.FrontDoorDecision)]
public sealed class EndingModel(ChildEndings steps) : PageModel, IMapsRuleFields
{
    [BindProperty]
    public DateField DateOfDeath { get; set; } = new();

    [BindProperty]
    public DateField LeftUkOn { get; set; } = new();

    [BindProperty]
    public string? LeftUkEvidence { get; set; }

    [BindProperty]
    public NextStepAtEighteen? NextStepAtEighteen { get; set; }

    [BindProperty]
    public string? NextStepNotes { get; set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostDeathAsync(Guid id, CancellationToken cancellationToken)
    {
        var diedOn = DateOfDeath.Read(ModelState, nameof(DateOfDeath), "The date of death");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await steps.RecordDeathAsync(User, id, new DeathInput(diedOn), cancellationToken);
        return Redirect($"/children/{id}");
    }

    public async Task<IActionResult> OnPostLeftUkAsync(Guid id, CancellationToken cancellationToken)
    {
        var leftOn = LeftUkOn.Read(ModelState, nameof(LeftUkOn), "The date the child left the UK");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await steps.RecordLeftUkAsync(User, id, new LeftUkInput(leftOn, LeftUkEvidence), cancellationToken);
        return Redirect($"/children/{id}");
    }

    public async Task<IActionResult> OnPostNextStepAsync(Guid id, CancellationToken cancellationToken)
    {
        await steps.RecordNextStepAsync(User, id, new NextStepInput(NextStepAtEighteen, NextStepNotes), cancellationToken);
        return Redirect($"/children/{id}");
    }

    /// <summary>The form's fields are named as the child's record names them.</summary>
    public string FormKeyFor(string domainField) => domainField;
}
