using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Authorization;
using Safeguard.Web.ChildProtection;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Forms;
using Safeguard.Web.Pages.Episodes;

namespace Safeguard.Web.Pages.ChildProtection;

public sealed class MemberForm
{
    public Guid? PractitionerId { get; set; }

    public string? Name { get; set; }

    public string? Agency { get; set; }
}

/// <summary>
/// Records a child protection conference: the initial conference after a section 47 enquiry (at
/// /section-47/{id}/conference; pre-birth for an unborn child), or the transfer-in conference for a child who moved here
/// on another area's plan (at /episodes/{id}/transfer-in-conference, DISC-02): chair, who took part, the child's and
/// family's part, the decision and the plan.
/// </summary>
[Authorize(Policy = Policies.ChildrenSocialCare)]
public sealed class ConferenceModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, ChildProtectionSteps steps,
    Data.Audit.AuditLog audit, TimeProvider time) : EpisodePage(db, access, authorization, time)
{
    /// <summary>The enquiry an initial conference follows; null for a transfer-in conference.</summary>
    public Section47Enquiry? Enquiry { get; private set; }

    public bool IsTransferIn { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string? FromAuthority { get; private set; }

    public IReadOnlyList<PersonView> Everyone { get; private set; } = [];

    public DateOnly DueBy { get; private set; }

    public IReadOnlyList<PersonView> Chairs { get; private set; } = [];

    public IReadOnlyList<PersonView> SocialWorkers { get; private set; } = [];

    [BindProperty]
    public DateField HeldOn { get; set; } = new();

    [BindProperty]
    public Guid? ChairId { get; set; }

    [BindProperty]
    public List<AttendeeForm> Attendees { get; set; } = [];

    [BindProperty]
    public string? ChildsViews { get; set; }

    [BindProperty]
    public string? FamilyParticipation { get; set; }

    [BindProperty]
    public bool? PlanNeeded { get; set; }

    [BindProperty]
    public string? Reasons { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public Guid? LeadSocialWorkerId { get; set; }

    [BindProperty]
    public List<MemberForm> CoreGroup { get; set; } = [];

    [BindProperty]
    public List<ActionForm> OutlinePlan { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            await audit.ReadAsync(IsTransferIn ? "Episode" : "Section47Enquiry", id, Episode.ChildId, Basis, cancellationToken);
            HeldOn = DateField.Of(Today);
            LeadSocialWorkerId = Episode.LeadPractitionerId;
            Attendees = [new(), new(), new(), new()];
            CoreGroup = [new(), new(), new()];
            OutlinePlan = [new(), new(), new()];
        }

        return loaded;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var held = HeldOn.Read(ModelState, nameof(HeldOn), "The date of the conference");
        var actions = new List<PlanActionInput>();
        foreach (var a in OutlinePlan.Where(a => !string.IsNullOrWhiteSpace(a.What) || !string.IsNullOrWhiteSpace(a.Who) || !a.ByWhen.IsEmpty))
        {
            actions.Add(new PlanActionInput(a.What, a.Who, a.ByWhen.Read(ModelState, $"OutlinePlan[{actions.Count}].ByWhen", $"Action {actions.Count + 1}: the date")));
        }

        OutlinePlan = [.. OutlinePlan.Where(a => !string.IsNullOrWhiteSpace(a.What) || !string.IsNullOrWhiteSpace(a.Who) || !a.ByWhen.IsEmpty)];
        while (OutlinePlan.Count < 1)
        {
            OutlinePlan.Add(new ActionForm());
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var input = new ConferenceInput(held, ChairId, [.. Attendees.Select(a => new AttendeeInput(a.Name, a.Agency, a.Role))], ChildsViews, FamilyParticipation,
            PlanNeeded, Reasons, Category, LeadSocialWorkerId, [.. CoreGroup.Select(m => new MemberInput(m.Name, m.Agency, m.PractitionerId))], actions);
        var (_, plan) = IsTransferIn ? await steps.HoldTransferInConferenceAsync(User, id, input, cancellationToken)
            : await steps.HoldInitialConferenceAsync(User, id, input, cancellationToken);
        return plan is not null ? RedirectToPage("/ChildProtection/Plan", new { id = plan.Id })
            : IsTransferIn ? RedirectToPage("/Episodes/View", new { id }) : RedirectToPage("/ChildProtection/Enquiry", new { id });
    }

    public override string FormKeyFor(string domainField) => domainField switch
    {
        "Attendees" => "Attendees[0].Name",
        "CoreGroup" => "CoreGroup[0].Name",
        _ when domainField.StartsWith("CoreGroup[", StringComparison.Ordinal) => domainField,
        "OutlinePlan" => "OutlinePlan[0].What",
        _ => domainField,
    };

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        IsTransferIn = Request.Path.StartsWithSegments("/episodes", StringComparison.OrdinalIgnoreCase);
        var enquiry = IsTransferIn ? null : await Db.Section47Enquiries.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (enquiry is null && !IsTransferIn)
        {
            return NotFound();
        }

        var loaded = await LoadEpisodeAsync(enquiry?.EpisodeId ?? id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        Enquiry = enquiry;
        var unborn = await Db.Children.Where(c => c.Id == Episode.ChildId).Select(c => c.DateOfBirth == null).SingleAsync(cancellationToken);
        Title = "Record the " + ConferenceMeetings.TitleOf(IsTransferIn ? ConferenceKind.TransferIn : ConferenceKind.Initial, unborn).ToLowerInvariant();
        if (IsTransferIn)
        {
            if (Episode.MovedInOnPlan is not { } notice)
            {
                return NotFound();
            }

            FromAuthority = notice.Reference;
            DueBy = steps.TransferInDueBy(Episode)!.Value;
        }
        else
        {
            DueBy = steps.ConferenceDueBy(enquiry!);
        }

        Chairs = await PractitionerPicker.WithRoleAsync(Db, PractitionerRole.ConferenceChair, registered: false, cancellationToken);
        SocialWorkers = await PractitionerPicker.WithRoleAsync(Db, PractitionerRole.SocialWorker, registered: true, cancellationToken);
        Everyone = await PractitionerPicker.FindAsync(Db, null, CoreGroup.Where(m => m.PractitionerId is not null).Select(m => m.PractitionerId!.Value),
            cancellationToken);
        return loaded;
    }
}
