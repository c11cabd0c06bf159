using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Calendar;
using Safeguard.Web.ChildProtection;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Forms;
using Safeguard.Web.InformationSharing;
using Safeguard.Web.Pages.Episodes;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>The child protection plan: its lead social worker, core group and actions; core group meetings recorded; the plan ended with its reason.</summary>
public sealed class PlanModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, ChildProtectionSteps steps, AuditLog audit,
    WorkingDayCalendar calendar, TimeProvider time, TellingSteps tellings) : EpisodePage(db, access, authorization, time)
{
    public CpPlanView Plan { get; private set; } = null!;

    public string LeadName { get; private set; } = string.Empty;

    public bool CanWork { get; private set; }

    [BindProperty]
    public DateField HeldOn { get; set; } = new();

    [BindProperty]
    public string? Decisions { get; set; }

    [BindProperty]
    public string? AbsentViews { get; set; }

    [BindProperty]
    public List<Guid> ActionsDone { get; set; } = [];

    [BindProperty]
    public PlanEndReason? Reason { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    [BindProperty]
    public DateField ReviewHeldOn { get; set; } = new();

    [BindProperty]
    public Guid? ChairId { get; set; }

    [BindProperty]
    public bool? PlanContinues { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? Reasons { get; set; }

    [BindProperty]
    public string? ProceedingsDecision { get; set; }

    /// <summary>Who took part in the review conference, and for which agency (RCPC-03).</summary>
    [BindProperty]
    public List<AttendeeForm> Attendees { get; set; } = [];

    [BindProperty]
    public string? ChildsViews { get; set; }

    [BindProperty]
    public string? WhyChildsViewsNotObtained { get; set; }

    [BindProperty]
    public string? FamilyParticipation { get; set; }

    [BindProperty]
    public string? AgencyReports { get; set; }

    public IReadOnlyList<PersonView> Chairs { get; private set; } = [];

    public IReadOnlyList<ConferenceMeeting> Meetings { get; private set; } = [];

    /// <summary>Who was told that the plan ended, and who is still to be recorded as told (DISC-04).</summary>
    public ToldSection? ToldOfEnd { get; private set; }

    [BindProperty]
    public TellingForm Told { get; set; } = new();

    public DateOnly? Birthday { get; private set; }

    [BindProperty]
    public string? ReceivingAuthority { get; set; }

    /// <summary>The receiving area when it is in Safeguard: the transfer package is then sent to it as an exchange.</summary>
    [BindProperty]
    public Guid? ReceivingAreaId { get; set; }

    [BindProperty]
    public DateField NotifiedOn { get; set; } = new();

    [BindProperty]
    public DateField TransferInHeldOn { get; set; } = new();

    [BindProperty]
    public string? TransferInOutcome { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            HeldOn = DateField.Of(Today);
            ReviewHeldOn = DateField.Of(Today);
            await audit.ReadAsync("ChildProtectionPlan", id, Plan.ChildId,
                Basis, cancellationToken);
        }

        return loaded;
    }

    public async Task<IActionResult> OnPostCoreGroupAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var held = HeldOn.Read(ModelState, nameof(HeldOn), "The date of the meeting");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await steps.RecordCoreGroupAsync(User, id, new CoreGroupInput(held, Decisions, AbsentViews, ActionsDone, Version), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var held = ReviewHeldOn.Read(ModelState, nameof(ReviewHeldOn), "The date of the review conference");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await steps.RecordReviewAsync(User, id, new ReviewConferenceInput(held, ChairId, PlanContinues, Category, Reasons, ProceedingsDecision, Version,
            [.. Attendees.Where(a => !string.IsNullOrWhiteSpace(a.Name) || !string.IsNullOrWhiteSpace(a.Agency)).Select(a => new AttendeeInput(a.Name, a.Agency, a.Role))],
            ChildsViews, WhyChildsViewsNotObtained, FamilyParticipation, AgencyReports), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var notified = NotifiedOn.Read(ModelState, nameof(NotifiedOn), "The day it was told");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // An authority named as Safeguard knows one of its other areas is that area: the transfer package is sent to it as an exchange.
        var named = ReceivingAuthority?.Trim();
        ReceivingAreaId ??= string.IsNullOrEmpty(named) ? null : await Db.Areas.AsNoTracking().Where(a => a.Name == named && a.Id != Episode.AreaId)
            .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        await steps.RecordMoveAsync(User, id, new MoveInput(ReceivingAuthority, notified, Version, ReceivingAreaId), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostTransferInAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var held = TransferInHeldOn.Read(ModelState, nameof(TransferInHeldOn), "The date of its conference");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await steps.RecordTransferInHeldAsync(User, id, new TransferInHeldInput(held, TransferInOutcome, Version), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostMoveAbandonedAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        await steps.RecordMoveAbandonedAsync(User, id, new MoveAbandonedInput(null, Version), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        await steps.EndCpPlanAsync(User, id, new EndCpPlanInput(Reason, Notes, null, Version), cancellationToken);
        return RedirectToPage(new { id });
    }

    /// <summary>Records that an agency or practitioner was told the plan ended (DISC-04), when it happened.</summary>
    public async Task<IActionResult> OnPostToldAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var input = Told.Read(ModelState);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await tellings.AboutPlanAsync(User, id, input, cancellationToken);
        return Redirect($"/child-protection-plans/{id}#told");
    }

    public override string FormKeyFor(string domainField) => domainField switch
    {
        _ when Request.Query["handler"] == "Told" => TellingForm.KeyFor(domainField),
        "On" => nameof(Notes),
        "Outcome" => nameof(TransferInOutcome),
        "HeldOn" when Request.Query["handler"] == "TransferIn" => nameof(TransferInHeldOn),
        "HeldOn" when PlanContinues is not null || ChairId is not null => nameof(ReviewHeldOn),
        _ => domainField,
    };

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var plan = await Db.ChildProtectionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        var loaded = await LoadEpisodeAsync(plan.EpisodeId, cancellationToken, readers: true);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        Plan = CpPlanView.Of(plan, calendar);
        Version ??= plan.Version;
        LeadName = (await EpisodeQueries.PeopleAsync(Db, [plan.LeadSocialWorkerId], cancellationToken))[plan.LeadSocialWorkerId].Name;
        CanWork = plan.IsOpen && IsChildrenSocialCare;
        Meetings = await Db.ConferenceMeetings.AsNoTracking().Where(m => m.PlanId == id || m.ConferenceId == plan.ConferenceId).OrderBy(m => m.ScheduledFor)
            .ToListAsync(cancellationToken);
        Birthday = (await Db.Children.Where(c => c.Id == plan.ChildId).Select(c => c.DateOfBirth).SingleAsync(cancellationToken))?.AddYears(18);
        if (!plan.IsOpen)
        {
            var told = await tellings.OfAsync("ChildProtectionPlan", id, cancellationToken);
            var toTell = await steps.ToTellOfEndAsync(plan, cancellationToken);
            ToldOfEnd = new ToldSection(told, Domain.InformationSharing.Telling.PlanTopics, IsChildrenSocialCare, Told,
                [.. toTell.Where(x => !told.Any(t => string.Equals(t.Who, x.Name, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(t.Agency ?? string.Empty, x.Agency, StringComparison.OrdinalIgnoreCase))).Select(x => $"{x.Name} ({x.Agency})")],
                "Every agency invited to the initial conference, the core group and the practitioners supporting the family are told that the plan ended (DISC-04). Record each when it happens.");
        }

        while (Attendees.Count < 4)
        {
            Attendees.Add(new AttendeeForm());
        }

        if (CanWork)
        {
            Chairs = await PractitionerPicker.WithRoleAsync(Db, Domain.Organisation.PractitionerRole.ConferenceChair, registered: false, cancellationToken);
        }
        return loaded;
    }
}
