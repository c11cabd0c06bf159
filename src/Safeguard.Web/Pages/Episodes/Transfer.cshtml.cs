using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Children;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Forms;

namespace Safeguard.Web.Pages.Episodes;

/// <summary>
/// The outbound transfer package for a child in need who has moved permanently to another local authority: the record,
/// the latest assessment, the plan and the chronology, printable, and the record that it was shared (CIN-04). The
/// episode stays open, and support carries on, until the receiving authority takes over.
/// </summary>
public sealed class TransferModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, FamilyHelpSteps steps, AuditLog audit,
    TimeProvider time) : EpisodePage(db, access, authorization, time)
{
    public Child Child { get; private set; } = null!;

    public Assessment? LatestAssessment { get; private set; }

    public FamilyHelpPlan? Plan { get; private set; }

    public IReadOnlyList<ChronologyLine> Chronology { get; private set; } = [];

    public PersonView? LeadPractitioner { get; private set; }

    [BindProperty]
    public string? ReceivingAuthority { get; set; }

    [BindProperty]
    public DateField SharedOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadPackageAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            SharedOn = DateField.Of(Today);
            await audit.ReadAsync("TransferPackage", id, Episode.ChildId, Basis, cancellationToken);
        }

        return loaded;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadPackageAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var on = SharedOn.Read(ModelState, nameof(SharedOn), "The date it was shared");
        if (string.IsNullOrWhiteSpace(ReceivingAuthority))
        {
            ModelState.AddModelError(nameof(ReceivingAuthority), "Name the local authority the package was sent to");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await steps.RecordMilestoneAsync(User, id, new MilestoneInput(MilestoneKind.InformationSharedWithReceivingArea, on,
            $"Transfer package (record, latest assessment, plan and chronology) sent to {ReceivingAuthority!.Trim()}.", null, null,
            ReceivingAuthority.Trim()), cancellationToken);
        return Redirect($"/episodes/{id}#milestones");
    }

    public override string FormKeyFor(string domainField) => domainField switch
    {
        "On" => nameof(SharedOn),
        _ => nameof(ReceivingAuthority),
    };

    private async Task<IActionResult> LoadPackageAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadEpisodeAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (!Episode.Milestones.Any(m => m.Kind == MilestoneKind.MovedToAnotherArea))
        {
            return NotFound();
        }

        Child = await Db.Children.AsNoTracking().SingleAsync(c => c.Id == Episode.ChildId, cancellationToken);
        LatestAssessment = await Db.Assessments.AsNoTracking().Where(a => a.EpisodeId == id && a.Status == AssessmentStatus.Authorised)
            .OrderByDescending(a => a.AuthorisedOn).FirstOrDefaultAsync(cancellationToken);
        Plan = await Db.Plans.AsNoTracking().Where(p => p.EpisodeId == id).OrderByDescending(p => p.StartedOn).FirstOrDefaultAsync(cancellationToken);
        Chronology = await ChronologyQueries.ForChildAsync(Db, Episode.ChildId, null, null, User, cancellationToken);
        if (Episode.LeadPractitionerId is { } lead)
        {
            LeadPractitioner = (await EpisodeQueries.PeopleAsync(Db, [lead], cancellationToken))[lead];
        }

        return loaded;
    }
}
