using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Data.Records;
using Safeguard.Domain.ChildProtection;
using Safeguard.Web.Access;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Pages.Episodes;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>A child protection conference as held: who chaired it and took part, the child's views, the family's part, and what it decided.</summary>
public sealed class HeldConferenceModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, AuditLog audit, TimeProvider time)
    : EpisodePage(db, access, authorization, time)
{
    public ChildProtectionConference Conference { get; private set; } = null!;

    public string ChairName { get; private set; } = string.Empty;

    public Guid? PlanId { get; private set; }

    public string? PlanCategory { get; private set; }

    public Guid? MeetingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var conference = await Db.Conferences.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conference is null)
        {
            return NotFound();
        }

        var loaded = await LoadEpisodeAsync(conference.EpisodeId, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        Conference = conference;
        ChairName = (await EpisodeQueries.PeopleAsync(Db, [conference.ChairId], cancellationToken)).GetValueOrDefault(conference.ChairId)?.Name ?? "Not known";
        var plan = await Db.ChildProtectionPlans.AsNoTracking().Where(p => conference.PlanId != null ? p.Id == conference.PlanId : p.ConferenceId == id)
            .Select(p => new { p.Id, p.InitialCategory }).FirstOrDefaultAsync(cancellationToken);
        PlanId = plan?.Id;
        PlanCategory = plan is null ? null : ChildProtectionConference.Categories.GetValueOrDefault(plan.InitialCategory, plan.InitialCategory);
        MeetingId = await Db.ConferenceMeetings.Where(m => m.ConferenceId == id).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
        await audit.ReadAsync(RecordKinds.Conference.Name, id, conference.ChildId, Basis, cancellationToken);
        return loaded;
    }
}
