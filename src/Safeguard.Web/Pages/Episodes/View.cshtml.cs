using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Rules;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.Errors;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Forms;

namespace Safeguard.Web.Pages.Episodes;

/// <summary>
/// The child's episode: who leads it, the family's agreement, assessments, plans and visits. A manager allocates the
/// lead practitioner here; the lead practitioner records the family's agreement and starts the assessment.
/// </summary>
[Authorize]
public sealed class ViewModel(SafeguardDbContext db, EpisodeAccess access, AuditLog audit, IAuthorizationService authorization, FamilyHelpSteps steps,
    WorkingDayCalendar calendar, TimeProvider time) : PageModel, IMapsRuleFields
{
    public EpisodeView Episode { get; private set; } = null!;

    public bool IsManager { get; private set; }

    public bool IsLeadPractitioner { get; private set; }

    public IReadOnlyList<(PersonView Person, bool SocialWorker, int Caseload)> Candidates { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool IsChildrenSocialCare { get; private set; }

    /// <summary>Strategy discussions on the episode, and whether each decided on section 47 enquiries.</summary>
    public IReadOnlyList<(Guid Id, DateOnly HeldOn, bool Section47)> Discussions { get; private set; } = [];

    public IReadOnlyList<Domain.ChildProtection.ConferenceMeeting> Meetings { get; private set; } = [];

    public bool TransferInHeld { get; private set; }

    /// <summary>The notice that the child moved here on another area's child protection plan (DISC-02).</summary>
    public Domain.FamilyHelp.Milestone? MovedInOnPlan { get; private set; }

    public DateOnly? TransferInDueBy { get; private set; }

    public IReadOnlyList<(Guid Id, DateOnly StartedOn, Domain.ChildProtection.Section47Outcome? Outcome)> Enquiries { get; private set; } = [];

    public IReadOnlyList<(Guid Id, DateOnly StartedOn, string Category, DateOnly? EndedOn)> ProtectionPlans { get; private set; } = [];

    [BindProperty]
    public Guid? LeadPractitionerId { get; set; }

    [BindProperty]
    public bool Agreed { get; set; }

    [BindProperty]
    public Guid? CoWorkerId { get; set; }

    [BindProperty]
    public bool EndCoWorker { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool? FamilyAgreed { get; set; }

    [BindProperty]
    public string? WhoAgreed { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    [BindProperty]
    public List<SpecificNeed> Needs { get; set; } = [];

    [BindProperty]
    public string? ExtraFamilialRisk { get; set; }

    [BindProperty]
    public MilestoneKind? MilestoneKind { get; set; }

    [BindProperty]
    public DateField MilestoneOn { get; set; } = new();

    [BindProperty]
    public string? MilestoneNote { get; set; }

    [BindProperty]
    public string? MilestoneReference { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, audited: true, cancellationToken);

    public async Task<IActionResult> OnPostAllocateAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, audited: false, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (!IsManager)
        {
            return Forbid();
        }

        await steps.AllocateAsync(User, id, new AllocationInput(LeadPractitionerId, Agreed, Reason, Version), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCoWorkerAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, audited: false, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (!IsManager)
        {
            return Forbid();
        }

        await steps.AllocateCoWorkerAsync(User, id, new CoWorkerInput(CoWorkerId, EndCoWorker, Version), cancellationToken);
        return Redirect($"/episodes/{id}#co-workers");
    }

    public async Task<IActionResult> OnPostAgreementAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, audited: false, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        await steps.RecordFamilyAgreementAsync(User, id, new FamilyAgreementInput(FamilyAgreed, WhoAgreed, null, Notes, Version), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostStartAssessmentAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, audited: false, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var assessment = await steps.StartAssessmentAsync(User, id, cancellationToken);
        return RedirectToPage("/Episodes/Assessment", new { id = assessment.Id });
    }

    public async Task<IActionResult> OnPostNeedsAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, audited: false, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        await steps.RecordSpecificNeedsAsync(User, id, new NeedsInput(Needs, ExtraFamilialRisk, Version), cancellationToken);
        return Redirect($"/episodes/{id}#needs");
    }

    public async Task<IActionResult> OnPostMilestoneAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, audited: false, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var on = MilestoneOn.Read(ModelState, nameof(MilestoneOn), "The date");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await steps.RecordMilestoneAsync(User, id, new MilestoneInput(MilestoneKind, on, MilestoneNote, MilestoneReference, Version), cancellationToken);
        return Redirect($"/episodes/{id}#milestones");
    }

    public string FormKeyFor(string domainField) => domainField switch
    {
        "Note" => nameof(MilestoneNote),
        "Reference" => nameof(MilestoneReference),
        "Kind" => nameof(MilestoneKind),
        "On" when MilestoneKind is not null => nameof(MilestoneOn),
        nameof(ExtraFamilialRisk) => nameof(ExtraFamilialRisk),
        "PractitionerId" => nameof(CoWorkerId),
        "Agreed" when !LeadPractitionerId.HasValue && FamilyAgreed.HasValue => nameof(FamilyAgreed),
        nameof(LeadPractitionerId) or nameof(Reason) or nameof(WhoAgreed) or nameof(Notes) or nameof(Agreed) => domainField,
        _ => string.Empty,
    };

    private async Task<IActionResult> LoadAsync(Guid id, bool audited, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (episode is null)
        {
            return NotFound();
        }

        if (await access.BasisAsync(User, episode) is not { } basis)
        {
            return Forbid();
        }

        Today = EnglandClock.Today(time);
        Episode = await EpisodeQueries.ViewAsync(db, episode, calendar, Today, cancellationToken);
        IsManager = (await authorization.AuthorizeAsync(User, Policies.FrontDoorDecision)).Succeeded;
        IsLeadPractitioner = episode.LeadPractitionerId == User.PractitionerId();
        IsChildrenSocialCare = (await authorization.AuthorizeAsync(User, Policies.ChildrenSocialCare)).Succeeded;
        Discussions = [.. (await db.StrategyDiscussions.AsNoTracking().Where(d => d.EpisodeId == id).OrderBy(d => d.HeldOn)
            .Select(d => new { d.Id, d.HeldOn, d.Section47 }).ToListAsync(cancellationToken)).Select(d => (d.Id, d.HeldOn, d.Section47))];
        Enquiries = [.. (await db.Section47Enquiries.AsNoTracking().Where(q => q.EpisodeId == id).OrderBy(q => q.StartedOn)
            .Select(q => new { q.Id, q.StartedOn, q.Outcome }).ToListAsync(cancellationToken)).Select(q => (q.Id, q.StartedOn, q.Outcome))];
        ProtectionPlans = [.. (await db.ChildProtectionPlans.AsNoTracking().Where(p => p.EpisodeId == id).OrderBy(p => p.StartedOn)
            .Select(p => new { p.Id, p.StartedOn, p.LatestCategory, p.EndedOn }).ToListAsync(cancellationToken)).Select(p => (p.Id, p.StartedOn, p.LatestCategory, p.EndedOn))];
        Meetings = await db.ConferenceMeetings.AsNoTracking().Where(m => m.EpisodeId == id).OrderBy(m => m.ScheduledFor).ToListAsync(cancellationToken);
        MovedInOnPlan = episode.MovedInOnPlan;
        TransferInHeld = await db.Conferences.AnyAsync(c => c.EpisodeId == id && c.Kind == Domain.ChildProtection.ConferenceKind.TransferIn, cancellationToken);
        TransferInDueBy = MovedInOnPlan is { } notice ? StatutoryRules.TransferInConference.Due(notice.On, calendar) : null;
        Version ??= episode.Version;
        if (Request.Method == HttpMethods.Get)
        {
            Needs = [.. Enum.GetValues<SpecificNeed>().Where(n => n != SpecificNeed.None && episode.SpecificNeeds.HasFlag(n))];
            ExtraFamilialRisk = episode.ExtraFamilialRisk;
            MilestoneOn = DateField.Of(Today);
        }

        if (IsManager && episode.IsOpen)
        {
            Candidates = await EpisodeQueries.CandidatesAsync(db, cancellationToken);
        }

        if (audited)
        {
            await audit.ReadAsync(nameof(Domain.FamilyHelp.Episode), id, episode.ChildId, basis, cancellationToken);
        }

        return Page();
    }

    public static string Describe(SupportKind? support) => support switch
    {
        SupportKind.Assessment => "Assessment",
        SupportKind.FamilyHelp => "Family Help",
        SupportKind.ChildInNeed => "Child in need (section 17)",
        _ => "Front door",
    };
}
