using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.InformationSharing;
using Safeguard.Web.Authorization;
using Safeguard.Web.Errors;
using Safeguard.Web.Forms;
using Safeguard.Web.InformationSharing;

namespace Safeguard.Web.Pages.Children;

/// <summary>"Record information shared": what was shared about the child, with whom, when, the lawful basis, and consent or why not.</summary>
[Authorize(Policy = Policies.ChildrenSocialCare)]
public sealed class InformationSharingModel(SafeguardDbContext db, RecordInformationShared record, AuditLog audit, TimeProvider time) : PageModel,
    IMapsRuleFields
{
    public static readonly IReadOnlyList<string> FieldOrder =
        [nameof(WhatWasShared), nameof(SharedWithAgencyId), nameof(SharedWithPerson), nameof(SharedOn), nameof(Basis), nameof(ConsentSought),
            nameof(ConsentGiven), nameof(WhyNoConsent)];

    public Guid ChildId { get; private set; }

    public string ChildName { get; private set; } = string.Empty;

    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];

    [BindProperty]
    public string? WhatWasShared { get; set; }

    [BindProperty]
    public Guid? SharedWithAgencyId { get; set; }

    [BindProperty]
    public string? SharedWithPerson { get; set; }

    [BindProperty]
    public DateField SharedOn { get; set; } = new();

    [BindProperty]
    public LawfulBasis? Basis { get; set; }

    [BindProperty]
    public bool? ConsentSought { get; set; }

    [BindProperty]
    public bool? ConsentGiven { get; set; }

    [BindProperty]
    public string? WhyNoConsent { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await audit.ReadAsync(nameof(Domain.Children.Child), id, id, Policies.ChildrenSocialCareBasis, cancellationToken);
        SharedOn = DateField.Of(EnglandClock.Today(time));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var on = SharedOn.Read(ModelState, nameof(SharedOn), "The date it was shared");
        if (SharedOn.IsEmpty)
        {
            ModelState.AddModelError(nameof(SharedOn), "Enter the date it was shared");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await record.HandleAsync(User, id, new InformationSharingInput
        {
            WhatWasShared = WhatWasShared,
            SharedWithAgencyId = SharedWithAgencyId,
            SharedWithPerson = SharedWithPerson,
            Basis = Basis,
            SharedOn = on,
            ConsentSought = ConsentSought,
            ConsentGiven = ConsentSought == true ? ConsentGiven : null,
            WhyNoConsent = WhyNoConsent,
        }, cancellationToken);
        return Redirect($"/children/{id}#information-shared");
    }

    public string FormKeyFor(string domainField) => domainField switch
    {
        "SharedWith" => nameof(SharedWithPerson),
        "SharedBy" => string.Empty,
        _ => domainField,
    };

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var child = await db.Children.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Id, Name = c.GivenName + " " + c.FamilyName })
            .SingleOrDefaultAsync(cancellationToken);
        if (child is null)
        {
            return false;
        }

        ChildId = child.Id;
        ChildName = child.Name;
        Agencies = [.. (await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .Select(a => (a.Id, a.Name))];
        ViewData["FieldOrder"] = FieldOrder;
        return true;
    }
}
