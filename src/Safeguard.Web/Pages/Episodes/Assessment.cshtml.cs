using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.Errors;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Forms;
using Safeguard.Web.InformationSharing;

namespace Safeguard.Web.Pages.Episodes;

/// <summary>The assessment form as the page binds it: every answer as typed, the date in three boxes.</summary>
public sealed class AssessmentForm
{
    public string? DevelopmentalNeeds { get; set; }

    public string? ParentingCapacity { get; set; }

    public string? FamilyAndEnvironment { get; set; }

    public string? ChildsWishesAndFeelings { get; set; }

    public string? WhyViewsNotObtained { get; set; }

    public DateField ChildSeenOn { get; set; } = new();

    public bool? SeenAlone { get; set; }

    public string? WhyNotSeenAlone { get; set; }

    public string? FamilyViews { get; set; }

    public List<string> Factors { get; set; } = [];

    public AssessmentConclusion? Conclusion { get; set; }

    public string? ConclusionReasons { get; set; }

    public string? PrimaryNeedCode { get; set; }

    public static AssessmentForm Of(Assessment a) => new()
    {
        DevelopmentalNeeds = a.DevelopmentalNeeds,
        ParentingCapacity = a.ParentingCapacity,
        FamilyAndEnvironment = a.FamilyAndEnvironment,
        ChildsWishesAndFeelings = a.ChildsWishesAndFeelings,
        WhyViewsNotObtained = a.WhyViewsNotObtained,
        ChildSeenOn = DateField.Of(a.ChildSeenOn),
        SeenAlone = a.SeenAlone,
        WhyNotSeenAlone = a.WhyNotSeenAlone,
        FamilyViews = a.FamilyViews,
        Factors = [.. a.Factors],
        Conclusion = a.Conclusion,
        ConclusionReasons = a.ConclusionReasons,
        PrimaryNeedCode = a.PrimaryNeedCode,
    };

    public AssessmentInput ToInput(DateOnly? childSeenOn, Guid? version) => new(DevelopmentalNeeds, ParentingCapacity, FamilyAndEnvironment,
        ChildsWishesAndFeelings, WhyViewsNotObtained, childSeenOn, SeenAlone, WhyNotSeenAlone, FamilyViews, Factors, Conclusion, ConclusionReasons,
        PrimaryNeedCode, version);
}

/// <summary>
/// The assessment: the lead practitioner writes it in the three domains, saves as they go and submits it; a social work
/// qualified manager authorises it or returns it with what to change. Past day 45 the reason for the delay is asked for.
/// </summary>
[Authorize]
public sealed class AssessmentModel(SafeguardDbContext db, EpisodeAccess access, AuditLog audit, IAuthorizationService authorization,
    FamilyHelpSteps steps, TimeProvider time, TellingSteps tellings) : PageModel, IMapsRuleFields
{
    /// <summary>Who was told the outcome, in writing: the child and family (ASM-06, ASM-07) and the agencies (ASM-07).</summary>
    public ToldSection? Tellings { get; private set; }

    [BindProperty]
    public TellingForm Told { get; set; } = new();

    public async Task<IActionResult> OnPostToldAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, audited: false, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var input = Told.Read(ModelState);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await tellings.AboutAssessmentAsync(User, id, input, cancellationToken);
        return Redirect($"/assessments/{id}#told");
    }

    public Assessment Assessment { get; private set; } = null!;

    public string ChildName { get; private set; } = string.Empty;

    public DateOnly? DueOn { get; private set; }

    public DateOnly Today { get; private set; }

    public bool CanEdit { get; private set; }

    public bool CanAuthorise { get; private set; }

    [BindProperty]
    public AssessmentForm Form { get; set; } = new();

    [BindProperty]
    public string? LateReason { get; set; }

    [BindProperty]
    public string? WhatToChange { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, audited: true, cancellationToken);
        if (loaded is PageResult)
        {
            Form = AssessmentForm.Of(Assessment);
        }

        return loaded;
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken) => await EditAsync(id, submit: false, cancellationToken);

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) => await EditAsync(id, submit: true, cancellationToken);

    public async Task<IActionResult> OnPostAuthoriseAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, audited: false, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (!CanAuthorise)
        {
            return Forbid();
        }

        await steps.AuthoriseAssessmentAsync(User, id, new LateInput(LateReason, Version), cancellationToken);
        return RedirectToPage("/Episodes/View", new { id = Assessment.EpisodeId });
    }

    public async Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, audited: false, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (!CanAuthorise)
        {
            return Forbid();
        }

        await steps.ReturnAssessmentAsync(User, id, new ReturnInput(WhatToChange, Version), cancellationToken);
        return RedirectToPage(new { id });
    }

    public string FormKeyFor(string domainField) => domainField switch
    {
        _ when Request.Query["handler"] == "Told" => TellingForm.KeyFor(domainField),
        nameof(LateReason) => nameof(LateReason),
        "ReturnedWith" => nameof(WhatToChange),
        nameof(AssessmentForm.ChildSeenOn) => "Form.ChildSeenOn",
        _ => "Form." + domainField,
    };

    private async Task<IActionResult> EditAsync(Guid id, bool submit, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, audited: false, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var seenOn = Form.ChildSeenOn.Read(ModelState, "Form.ChildSeenOn", "The date the child was seen");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (submit)
        {
            await steps.SubmitAssessmentAsync(User, id, Form.ToInput(seenOn, null), LateReason, Version, cancellationToken);
            return RedirectToPage("/Episodes/View", new { id = Assessment.EpisodeId });
        }

        await steps.SaveAssessmentAsync(User, id, Form.ToInput(seenOn, Version), cancellationToken);
        TempData["Saved"] = true;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> LoadAsync(Guid id, bool audited, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        var episode = assessment is null ? null : await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == assessment.EpisodeId, cancellationToken);
        if (assessment is null || episode is null)
        {
            return NotFound();
        }

        if (await access.BasisAsync(User, episode) is not { } basis)
        {
            return Forbid();
        }

        Assessment = assessment;
        ChildName = await db.Children.Where(c => c.Id == assessment.ChildId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        DueOn = steps.AssessmentDueOn(assessment);
        Today = EnglandClock.Today(time);
        CanEdit = assessment.LeadPractitionerId == User.PractitionerId() && assessment.Status == AssessmentStatus.InProgress && episode.IsOpen;
        CanAuthorise = assessment.Status == AssessmentStatus.Submitted && (await authorization.AuthorizeAsync(User, Policies.FrontDoorDecision)).Succeeded;
        Version ??= assessment.Version;
        if (assessment.Status == AssessmentStatus.Authorised)
        {
            var told = await tellings.OfAsync(nameof(Domain.FamilyHelp.Assessment), id, cancellationToken);
            Tellings = new ToldSection(told, Domain.InformationSharing.Telling.AssessmentTopics,
                episode.IsOpen && await access.WriteBasisAsync(User, episode, cancellationToken) is not null, Told,
                told.Any(t => t.Topic == Domain.InformationSharing.TellingTopic.AssessmentOutcomeToFamily) ? [] : ["the child and family, of the outcome in writing"],
                "The child and family, and every agency involved, are told the assessment's outcome and the decisions in writing (ASM-06, ASM-07).");
        }

        if (audited)
        {
            await audit.ReadAsync(nameof(Domain.FamilyHelp.Assessment), id, assessment.ChildId, basis, cancellationToken);
        }

        return Page();
    }
}
