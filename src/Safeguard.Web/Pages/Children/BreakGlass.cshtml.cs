using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Web.Access;
using Safeguard.Web.Authorization;
using Safeguard.Web.Errors;

namespace Safeguard.Web.Pages.Children;

/// <summary>Break-glass: open a child's record without a relationship, giving the reason (recorded with every look).</summary>
[Authorize(Policy = Policies.WorksWithChildren)]
public sealed class BreakGlassModel(BreakGlassSteps steps) : PageModel, IMapsRuleFields
{
    [BindProperty]
    public string? Reason { get; set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await steps.OpenAsync(User, id, Reason, cancellationToken);
        return Redirect($"/children/{id}");
    }

    public string FormKeyFor(string domainField) => nameof(Reason);
}
