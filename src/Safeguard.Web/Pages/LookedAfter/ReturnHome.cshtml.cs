using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Web.Access;
using Safeguard.Web.Forms;
using Safeguard.Web.LookedAfter;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>
/// The return home. Planned: the assessment while looked after, its outcome in the care plan, a manager's approval to cease
/// looking after the child, then the return (LAC-04). Unplanned from section 20: the immediate safety check (LAC-05). Then
/// the reunification plan and its reviews, with the child seen alone where possible (LAC-06).
/// </summary>
public sealed class ReturnHomeModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, LookedAfterSteps steps, AuditLog audit,
    TimeProvider time) : LookedAfterPage(db, access, authorization, steps, audit, time)
{
    [BindProperty] public DateField CompletedOn { get; set; } = new();

    [BindProperty] public string? Assessment { get; set; }

    [BindProperty] public string? ServicesAndSupport { get; set; }

    [BindProperty] public string? Reasons { get; set; }

    [BindProperty] public string? LeavingCareAssessment { get; set; }

    [BindProperty] public DateField ReturnedOn { get; set; } = new();

    [BindProperty] public DateField UnplannedOn { get; set; } = new();

    [BindProperty] public string? WhatHappened { get; set; }

    [BindProperty] public string? SafetyCheck { get; set; }

    [BindProperty] public bool? SignificantHarmSuspected { get; set; }

    [BindProperty] public string? ActionTaken { get; set; }

    [BindProperty] public DateField EndedOn { get; set; } = new();

    [BindProperty] public string? EndNotes { get; set; }

    [BindProperty] public DateField AgreedOn { get; set; } = new();

    [BindProperty] public string? Services { get; set; }

    [BindProperty] public string? Timeline { get; set; }

    [BindProperty] public bool? Explained { get; set; }

    [BindProperty] public string? WhyNotExplained { get; set; }

    [BindProperty] public DateField HeldOn { get; set; } = new();

    [BindProperty] public bool? ChildSeen { get; set; }

    [BindProperty] public bool? SeenAlone { get; set; }

    [BindProperty] public string? WhyNotSeenAlone { get; set; }

    [BindProperty] public string? ChildsWishes { get; set; }

    [BindProperty] public string? Impact { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadPeriodAsync(id, audited: true, cancellationToken);
        CompletedOn = ReturnedOn = UnplannedOn = EndedOn = AgreedOn = HeldOn = DateField.Of(Today);
        return loaded;
    }

    public Task<IActionResult> OnPostAssessmentAsync(Guid id, CancellationToken cancellationToken) => PostAsync(id, "Planned", async () =>
    {
        var on = CompletedOn.Read(ModelState, nameof(CompletedOn), "The date of the assessment");
        if (!ModelState.IsValid)
        {
            return false;
        }

        await Steps.AssessReturnHomeAsync(User, id, new ReturnHomeAssessmentInput(on, Assessment, ServicesAndSupport, Version), cancellationToken);
        return true;
    }, cancellationToken);

    public Task<IActionResult> OnPostApprovalAsync(Guid id, CancellationToken cancellationToken) => PostAsync(id, "Planned", async () =>
    {
        await Steps.ApproveReturnHomeAsync(User, id, new ReturnHomeApprovalInput(Reasons, LeavingCareAssessment, Version), cancellationToken);
        return true;
    }, cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken) => PostAsync(id, "Reunification", async () =>
    {
        var on = ReturnedOn.Read(ModelState, nameof(ReturnedOn), "The date of the return home");
        if (!ModelState.IsValid)
        {
            return false;
        }

        await Steps.ReturnHomeAsPlannedAsync(User, id, new ReturnHomeInput(on, Version), cancellationToken);
        return true;
    }, cancellationToken);

    public Task<IActionResult> OnPostUnplannedAsync(Guid id, CancellationToken cancellationToken) => PostAsync(id, "Unplanned", async () =>
    {
        var on = UnplannedOn.Read(ModelState, nameof(UnplannedOn), "The date the child went home");
        if (!ModelState.IsValid)
        {
            return false;
        }

        await Steps.ReturnHomeUnplannedAsync(User, id, new UnplannedReturnInput(on, WhatHappened, SafetyCheck, SignificantHarmSuspected, ActionTaken, Version),
            cancellationToken);
        return true;
    }, cancellationToken);

    public Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken cancellationToken) => PostAsync(id, "End", async () =>
    {
        var on = EndedOn.Read(ModelState, nameof(EndedOn), "The date");
        if (!ModelState.IsValid)
        {
            return false;
        }

        await Steps.CeaseAsync(User, id, new CeaseInput(on, EndNotes, Version), cancellationToken);
        return true;
    }, cancellationToken);

    public Task<IActionResult> OnPostReunificationAsync(Guid id, CancellationToken cancellationToken) => PostAsync(id, "Reunification", async () =>
    {
        var on = AgreedOn.Read(ModelState, nameof(AgreedOn), "The date the plan was agreed");
        if (!ModelState.IsValid)
        {
            return false;
        }

        await Steps.PlanReunificationAsync(User, id, new ReunificationPlanInput(on, Services, Timeline, Explained, WhyNotExplained, Version), cancellationToken);
        return true;
    }, cancellationToken);

    public Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken cancellationToken) => PostAsync(id, "Reviews", async () =>
    {
        var on = HeldOn.Read(ModelState, nameof(HeldOn), "The date of the review");
        if (!ModelState.IsValid)
        {
            return false;
        }

        await Steps.ReviewReunificationAsync(User, id, new ReunificationReviewInput(on, ChildSeen, SeenAlone, WhyNotSeenAlone, ChildsWishes, Impact, Version),
            cancellationToken);
        return true;
    }, cancellationToken);

    public override string FormKeyFor(string domainField) => domainField switch
    {
        "ReturnedOn" => Form == "Unplanned" ? nameof(UnplannedOn) : nameof(ReturnedOn),
        "ApprovedOn" => nameof(Reasons),
        _ => domainField,
    };
}
