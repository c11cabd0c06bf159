using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Account;
using Safeguard.Web.Clocks;

namespace Safeguard.Web.Pages;

public sealed class IndexModel(SafeguardDbContext db, MyClocks clocks) : PageModel
{
    public IReadOnlyList<WorkItem> Work { get; private set; } = [];

    public string Name { get; private set; } = string.Empty;

    public string Agency { get; private set; } = string.Empty;

    public string Area { get; private set; } = string.Empty;

    public IReadOnlyList<PractitionerRole> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Name = User.FindFirstValue(SafeguardClaims.FullName) ?? string.Empty;
        Agency = User.FindFirstValue(SafeguardClaims.AgencyName) ?? string.Empty;
        Roles = [.. User.PractitionerRoles()];
        var areaId = User.AreaId();
        Work = await clocks.ForAsync(User, cancellationToken);
        Area = await db.Areas.Where(a => a.Id == areaId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
    }
}
