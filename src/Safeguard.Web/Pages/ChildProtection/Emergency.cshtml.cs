using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.ChildProtection;
using Safeguard.Web.Authorization;
using Safeguard.Web.ChildProtection;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Forms;
using Safeguard.Web.Pages.Episodes;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>Immediate protection on the child's episode: what was done, by whom, the child seen, other children considered, legal advice, responsibility.</summary>
[Authorize(Policy = Policies.ChildrenSocialCare)]
public sealed class EmergencyModel(SafeguardDbContext db, EpisodeAccess access, IAuthorizationService authorization, ChildProtectionSteps steps, AuditLog audit,
    TimeProvider time) : EpisodePage(db, access, authorization, time)
{
    public IReadOnlyList<EmergencyAction> Actions { get; private set; } = [];

    [BindProperty]
    public DateField TakenOn { get; set; } = new();

    [BindProperty]
    public EmergencyPower? Power { get; set; }

    [BindProperty]
    public string? ActingAgency { get; set; }

    [BindProperty]
    public string? Action { get; set; }

    [BindProperty]
    public string? ChildSeenBy { get; set; }

    [BindProperty]
    public string? OtherChildrenConsidered { get; set; }

    [BindProperty]
    public bool? LegalAdviceTaken { get; set; }

    [BindProperty]
    public string? WhyNoLegalAdvice { get; set; }

    [BindProperty]
    public string? ResponsibleAuthority { get; set; }

    [BindProperty]
    public string? AcceptedBy { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            await audit.ReadAsync(nameof(Domain.FamilyHelp.Episode), id, Episode.ChildId, Basis, cancellationToken);
            TakenOn = DateField.Of(Today);
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

        var taken = TakenOn.Read(ModelState, nameof(TakenOn), "The date of the action");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await steps.RecordEmergencyActionAsync(User, id, new EmergencyActionInput(taken, Power, ActingAgency, Action, ChildSeenBy, OtherChildrenConsidered,
            LegalAdviceTaken, WhyNoLegalAdvice, ResponsibleAuthority), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAcceptedAsync(Guid id, Guid actionId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        await steps.RecordAcceptanceAsync(User, actionId, new AcceptanceInput(AcceptedBy, null), cancellationToken);
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadEpisodeAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            Actions = await Db.EmergencyActions.AsNoTracking().Where(a => a.EpisodeId == id).OrderBy(a => a.TakenOn).ToListAsync(cancellationToken);
        }

        return loaded;
    }

    public static string Describe(EmergencyPower power) => power switch
    {
        EmergencyPower.EmergencyProtectionOrderApplied => "Emergency protection order applied for",
        EmergencyPower.EmergencyProtectionOrderGranted => "Emergency protection order granted",
        EmergencyPower.PolicePowersOfProtection => "Police powers of protection (section 46)",
        EmergencyPower.AccommodatedWithAgreement => "Accommodated with the parents' agreement",
        _ => "Other",
    };
}
