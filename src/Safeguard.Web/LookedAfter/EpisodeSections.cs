using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain.ChildProtection;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.LookedAfter;

/// <summary>What the episode page shows of looked after periods and pre-proceedings, and the steps that start them.</summary>
public sealed record EpisodeLookedAfterSection(Guid EpisodeId, bool EpisodeOpen, IReadOnlyList<LookedAfterView> Periods,
    IReadOnlyList<(Guid Id, DateOnly DecidedOn, bool Started, PreProceedingsOutcome? Outcome, DateOnly? EndedOn)> PreProceedings, bool IsChildrenSocialCare,
    bool IsManager);

/// <summary>
/// The episode page's section for looked after children and pre-proceedings (<c>@await Component.InvokeAsync("LookedAfterOnEpisode", ...)</c>): it loads
/// its own records, so the episode page needs only that one line. The page has already checked the user may see the episode.
/// </summary>
public sealed class LookedAfterOnEpisodeViewComponent(SafeguardDbContext db, LookedAfterSteps steps, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid episodeId, bool episodeOpen)
    {
        var periods = await db.LookedAfterPeriods.AsNoTracking().Where(p => p.EpisodeId == episodeId).OrderBy(p => p.StartedOn).ToListAsync(HttpContext.RequestAborted);
        var views = new List<LookedAfterView>();
        foreach (var period in periods)
        {
            views.Add(await steps.ViewAsync(period, HttpContext.RequestAborted));
        }

        var pre = (await db.PreProceedings.AsNoTracking().Where(p => p.EpisodeId == episodeId).OrderBy(p => p.DecidedOn)
            .Select(p => new { p.Id, p.DecidedOn, p.Started, p.Outcome, p.EndedOn }).ToListAsync(HttpContext.RequestAborted))
            .Select(p => (p.Id, p.DecidedOn, p.Started, p.Outcome, p.EndedOn)).ToList();
        return View(new EpisodeLookedAfterSection(episodeId, episodeOpen, views, pre,
            (await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.ChildrenSocialCare)).Succeeded,
            (await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.FrontDoorDecision)).Succeeded));
    }
}

/// <summary>
/// On a section 47 enquiry's page: when the child is looked after, the review of the care plan alongside the enquiry (LAC-03),
/// or a warning that there is none yet.
/// </summary>
public sealed class LookedAfterOnEnquiryViewComponent(SafeguardDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid enquiryId, Guid episodeId)
    {
        var periods = await db.LookedAfterPeriods.AsNoTracking().Where(p => p.EpisodeId == episodeId).ToListAsync(HttpContext.RequestAborted);
        var enquiry = await db.Section47Enquiries.AsNoTracking().Where(q => q.Id == enquiryId).Select(q => new { q.Id, q.StartedOn, q.ConcludedOn })
            .SingleOrDefaultAsync(HttpContext.RequestAborted);
        var period = enquiry is null ? null : periods.FirstOrDefault(p => p.Reviews.Any(r => r.Section47EnquiryId == enquiryId))
            ?? periods.FirstOrDefault(p => p.EnquiriesWithoutReview([(enquiry.Id, enquiry.StartedOn, enquiry.ConcludedOn)]).Count > 0);
        var review = period?.Reviews.FirstOrDefault(r => r.Section47EnquiryId == enquiryId);
        return View((Period: period, Review: review));
    }
}
