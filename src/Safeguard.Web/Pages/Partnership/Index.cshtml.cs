using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.Errors;
using Safeguard.Web.Forms;
using Safeguard.Web.Organisation;

namespace Safeguard.Web.Pages.Partnership;

/// <summary>The safeguarding partnership's page: its areas and lead partners, and its published arrangements, read from any of its areas.</summary>
[Authorize(Policy = Policies.PartnershipMember)]
public sealed class IndexModel(PartnershipSteps steps) : PageModel, IMapsRuleFields
{
    public string FormKeyFor(string domainField) => domainField;

    public PartnershipView? Partnership { get; private set; }

    public bool MayRecord => Domain.Organisation.Partnership.MayRecord(User.PractitionerRoles());

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DateField PublishedOn { get; set; } = new();

    [BindProperty]
    public string? Link { get; set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Partnership = await steps.ReadAsync(cancellationToken);
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Partnership = await steps.ReadAsync(cancellationToken);
        var publishedOn = PublishedOn.Read(ModelState, nameof(PublishedOn), "The date published");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await steps.AddAsync(User, new PublishedArrangementsInput(Title, publishedOn, Link), cancellationToken);
        return RedirectToPage(new { saved = true });
    }
}
