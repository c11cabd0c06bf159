using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Rules;
using Safeguard.Web.Access;
using Safeguard.Web.Departures;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.Pages.Episodes;

/// <summary>
/// Records that a rule the guidance says should be followed was not, on this episode: which rule, why and what was done
/// instead, and the manager who agreed it (GEN-02). Pages that apply a SHOULD rule link here with the rule and the record.
/// </summary>
public sealed class NewDepartureModel(SafeguardDbContext db, AuditLog audit, EpisodeAccess access, IAuthorizationService authorization,
    DepartureSteps steps, TimeProvider time) : EpisodePage(db, access, authorization, time)
{
    [BindProperty(SupportsGet = true)]
    public string? RuleId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid? AgreedById { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? SourceType { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? SourceId { get; set; }

    public IReadOnlyList<PersonView> Managers { get; private set; } = [];

    public IReadOnlyList<DepartureView> Recorded { get; private set; } = [];

    public override string FormKeyFor(string domainField) => domainField switch
    {
        "AgreedBy" => nameof(AgreedById),
        _ => domainField,
    };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadEpisodeAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            await LoadListsAsync(id, cancellationToken);
            await audit.ReadAsync(nameof(Domain.FamilyHelp.Episode), id, Episode.ChildId, Basis, cancellationToken);
        }

        return loaded;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadEpisodeAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        await LoadListsAsync(id, cancellationToken);
        var departure = await steps.RecordAsync(User, id, new DepartureInput(RuleId, Reason, AgreedById, SourceType, SourceId), cancellationToken);
        return Redirect($"/departures/{departure.Id}");
    }

    private async Task LoadListsAsync(Guid episodeId, CancellationToken cancellationToken)
    {
        Managers = await PractitionerPicker.WithRoleAsync(Db, PractitionerRole.PracticeSupervisor, registered: true, cancellationToken);
        Recorded = await steps.ForEpisodeAsync(episodeId, cancellationToken);
    }

    public static IEnumerable<(string Value, string Label)> Rules => ShouldRules.All.Select(r => (r.Key, $"{r.Key}: {r.Value}"));
}
