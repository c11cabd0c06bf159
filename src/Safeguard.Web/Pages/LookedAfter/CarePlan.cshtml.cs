using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Web.Access;
using Safeguard.Web.Forms;
using Safeguard.Web.LookedAfter;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>
/// The care plan every looked after child must have (LAC-01): how they are cared for and safeguarded, its versions, and its
/// reviews — a review alongside a section 47 enquiry links to it (LAC-03).
/// </summary>
public sealed class CarePlanModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, LookedAfterSteps steps, AuditLog audit,
    TimeProvider time) : LookedAfterPage(db, access, authorization, steps, audit, time)
{
    [BindProperty]
    public DateField AgreedOn { get; set; } = new();

    [BindProperty]
    public string? Care { get; set; }

    [BindProperty]
    public string? Safeguarding { get; set; }

    [BindProperty]
    public DateField HeldOn { get; set; } = new();

    [BindProperty]
    public string? ChairedBy { get; set; }

    [BindProperty]
    public string? ChildsViews { get; set; }

    [BindProperty]
    public string? Decisions { get; set; }

    [BindProperty]
    public Guid? Section47EnquiryId { get; set; }

    /// <summary>The section 47 enquiries on the child's episode, for the review alongside one (LAC-03).</summary>
    public IReadOnlyList<(Guid Id, DateOnly StartedOn, Domain.ChildProtection.Section47Outcome? Outcome)> Enquiries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadPeriodAsync(id, audited: true, cancellationToken);
        if (loaded is Microsoft.AspNetCore.Mvc.RazorPages.PageResult)
        {
            AgreedOn = HeldOn = DateField.Of(Today);
            Care = Period.CarePlan?.Care;
            Safeguarding = Period.CarePlan?.Safeguarding;
            Section47EnquiryId = Period.Section47WithoutReview.Count > 0 ? Period.Section47WithoutReview[0] : null;
        }

        return loaded;
    }

    public Task<IActionResult> OnPostPlanAsync(Guid id, CancellationToken cancellationToken) => PostAsync(id, "Plan", async () =>
    {
        var on = AgreedOn.Read(ModelState, nameof(AgreedOn), "The date the plan was agreed");
        if (!ModelState.IsValid)
        {
            return false;
        }

        await Steps.AgreeCarePlanAsync(User, id, new CarePlanInput(on, Care, Safeguarding, Version), cancellationToken);
        return true;
    }, cancellationToken);

    public Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken cancellationToken) => PostAsync(id, "Reviews", async () =>
    {
        var on = HeldOn.Read(ModelState, nameof(HeldOn), "The date of the review");
        if (!ModelState.IsValid)
        {
            return false;
        }

        await Steps.ReviewCarePlanAsync(User, id, new CarePlanReviewInput(on, ChairedBy, ChildsViews, Decisions, Section47EnquiryId, Version), cancellationToken);
        return true;
    }, cancellationToken);

    protected override async Task LoadedAsync(CancellationToken cancellationToken) =>
        Enquiries = [.. (await Db.Section47Enquiries.AsNoTracking().Where(q => q.EpisodeId == Period.EpisodeId).OrderBy(q => q.StartedOn)
            .Select(q => new { q.Id, q.StartedOn, q.Outcome }).ToListAsync(cancellationToken)).Select(q => (q.Id, q.StartedOn, q.Outcome))];
}
