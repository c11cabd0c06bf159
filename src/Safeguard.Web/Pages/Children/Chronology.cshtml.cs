using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Chronology;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.Pages.Children;

/// <summary>
/// The child's chronology: one timeline of everything significant from every agency, oldest first, filterable by agency
/// and kind, printable, each entry linked to the record it came from.
/// </summary>
[Authorize]
public sealed class ChronologyModel(SafeguardDbContext db, ChildAccess access, AuditLog audit, IAuthorizationService authorization) : PageModel
{
    public string ChildName { get; private set; } = string.Empty;

    public Guid ChildId { get; private set; }

    public IReadOnlyList<ChronologyLine> Lines { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public ChronologyKind? Kind { get; set; }

    /// <summary>Social work qualified managers mark entries as sensitive.</summary>
    public bool CanMark { get; private set; }

    [BindProperty]
    public Sensitivity? Sensitivity { get; set; }

    public async Task<IActionResult> OnPostMarkAsync(Guid id, Guid entryId, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Authorization.Policies.FrontDoorDecision)).Succeeded)
        {
            return Forbid();
        }

        var entry = await db.Chronology.FirstOrDefaultAsync(c => c.Id == entryId && c.ChildId == id, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        var manager = await db.Practitioners.SingleAsync(p => p.Id == Safeguard.Web.Account.SafeguardClaims.PractitionerId(User), cancellationToken);
        await db.MarkAsync(entry, manager, Sensitivity ?? Domain.Chronology.Sensitivity.None, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/children/{id}/chronology#entry-{entryId}");
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        CanMark = (await authorization.AuthorizeAsync(User, Authorization.Policies.FrontDoorDecision)).Succeeded;
        var child = await db.Children.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Id, Name = c.GivenName + " " + c.FamilyName, c.MergedIntoId })
            .SingleOrDefaultAsync(cancellationToken);
        if (child is null)
        {
            return NotFound();
        }

        if (await access.BasisAsync(User, id, cancellationToken) is not { } basis)
        {
            return Forbid();
        }

        if (child.MergedIntoId is { } survivor)
        {
            return RedirectToPage(new { id = survivor });
        }

        ChildId = id;
        ChildName = child.Name;
        Lines = await ChronologyQueries.ForChildAsync(db, id, Agency, Kind, User, cancellationToken);
        Agencies = await ChronologyQueries.AgenciesAsync(db, id, cancellationToken);
        await audit.ReadAsync("Chronology", id, id, basis, cancellationToken);
        return Page();
    }

    public static string Describe(ChronologyKind kind) => kind switch
    {
        ChronologyKind.FamilyAgreement => "Family's agreement",
        ChronologyKind.PlanReview => "Plan review",
        ChronologyKind.EpisodeClosed => "Episode closed",
        ChronologyKind.InformationShared => "Information shared",
        ChronologyKind.DataProtection => "Data protection request",
        ChronologyKind.LookedAfter => "Looked after",
        ChronologyKind.PreProceedings => "Pre-proceedings",
        _ => kind.ToString(),
    };
}
