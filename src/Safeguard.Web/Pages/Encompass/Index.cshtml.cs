using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.OperationEncompass;

namespace Safeguard.Web.Pages.Encompass;

/// <summary>Operation Encompass: the setting's designated safeguarding lead reads what police sent; police see what they sent.</summary>
public sealed class IndexModel(SafeguardDbContext db, AuditLog audit, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    public IReadOnlyList<EncompassView> Notifications { get; private set; } = [];

    public bool IsPolice { get; private set; }

    public bool IsLead { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        IsPolice = (await authorization.AuthorizeAsync(User, Policies.Police)).Succeeded;
        IsLead = (await authorization.AuthorizeAsync(User, Policies.DesignatedSafeguardingLead)).Succeeded;
        if (!IsPolice && !IsLead)
        {
            return Forbid();
        }

        if (IsLead)
        {
            Notifications = await EncompassQueries.ForSettingAsync(db, audit, User.AgencyId()!.Value, cancellationToken);
        }
        else
        {
            Notifications = await EncompassQueries.SentByAsync(db, User.PractitionerId()!.Value, cancellationToken);
            await audit.ListedAsync("Operation Encompass notifications sent", Notifications.Select(n => n.ChildId), Policies.PoliceSenderBasis,
                cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSeenAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.DesignatedSafeguardingLead)).Succeeded)
        {
            return Forbid();
        }

        await EncompassQueries.MarkSeenAsync(db, id, User.PractitionerId()!.Value, time, cancellationToken);
        return RedirectToPage();
    }
}
