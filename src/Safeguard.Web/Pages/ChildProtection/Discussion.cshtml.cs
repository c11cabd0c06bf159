using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.ChildProtection;
using Safeguard.Web.ChildProtection;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Pages.Episodes;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>The strategy discussion as recorded; a manager confirms a short-attended section 47 decision; the enquiry starts with its lead.</summary>
public sealed class DiscussionModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, ChildProtectionSteps steps, AuditLog audit,
    TimeProvider time) : EpisodePage(db, access, authorization, time)
{
    public StrategyDiscussion Discussion { get; private set; } = null!;

    public Guid? EnquiryId { get; private set; }

    public IReadOnlyList<PersonView> Leads { get; private set; } = [];

    [BindProperty]
    public Guid? LeadId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            await audit.ReadAsync(nameof(StrategyDiscussion), id, Discussion.ChildId,
                Basis, cancellationToken);
            LeadId ??= Episode.LeadPractitionerId;
        }

        return loaded;
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (!IsManager)
        {
            return Forbid();
        }

        await steps.ConfirmAsync(User, id, cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var enquiry = await steps.StartEnquiryAsync(User, id, new StartEnquiryInput(LeadId), cancellationToken);
        return RedirectToPage("/ChildProtection/Enquiry", new { id = enquiry.Id });
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var discussion = await Db.StrategyDiscussions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (discussion is null)
        {
            return NotFound();
        }

        var loaded = await LoadEpisodeAsync(discussion.EpisodeId, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        Discussion = discussion;
        EnquiryId = await Db.Section47Enquiries.Where(q => q.StrategyDiscussionId == id).Select(q => (Guid?)q.Id).FirstOrDefaultAsync(cancellationToken);
        if (discussion.Section47Initiated && EnquiryId is null)
        {
            Leads = await PractitionerPicker.WithRoleAsync(Db, Domain.Organisation.PractitionerRole.SocialWorker, registered: true, cancellationToken);
        }

        return loaded;
    }
}
