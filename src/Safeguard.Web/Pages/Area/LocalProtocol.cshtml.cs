using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Web.Authorization;
using Safeguard.Web.Errors;
using Safeguard.Web.Organisation;

namespace Safeguard.Web.Pages.Area;

/// <summary>The area's local protocol for assessment and support, as settings a manager or an administrator reads and changes (MASA-18, RC-02).</summary>
[Authorize(Policy = Policies.LocalProtocol)]
public sealed class LocalProtocolModel(LocalProtocolSteps steps) : PageModel, IMapsRuleFields
{
    public string FormKeyFor(string domainField) => domainField == "LocalProtocolVersion" ? nameof(Version) : domainField;

    public LocalProtocolView Current { get; private set; } = new(Domain.Organisation.Section17Leads.SocialWorkers, null, null, null);

    [BindProperty]
    public string? Section17Leads { get; set; }

    [BindProperty]
    public string? Version { get; set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Current = await steps.ReadAsync(User, cancellationToken);
        Section17Leads = Current.Section17Leads.ToString();
        Version = Current.Version;
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Current = await steps.ReadAsync(User, cancellationToken);
        var leads = Enum.TryParse<Domain.Organisation.Section17Leads>(Section17Leads, out var parsed) && Enum.IsDefined(parsed) ? parsed : (Domain.Organisation.Section17Leads?)null;
        await steps.ChangeAsync(User, new LocalProtocolInput(leads, Version), cancellationToken);
        return RedirectToPage(new { saved = true });
    }
}
