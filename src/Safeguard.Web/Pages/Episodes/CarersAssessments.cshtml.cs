using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Data.Records;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Web.Access;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.Forms;

namespace Safeguard.Web.Pages.Episodes;

/// <summary>
/// The episode's disabled child's, parent carer's and young carer's assessments (GRP-03, GRP-04, GRP-05): record one asked for or
/// needed, and complete it with what it found, who assessed and the support decided.
/// </summary>
public sealed class CarersAssessmentsModel(SafeguardDbContext db, AuditLog audit, EpisodeAccess access, IAuthorizationService authorization,
    CarersAssessmentSteps steps, TimeProvider time) : EpisodePage(db, access, authorization, time)
{
    [BindProperty] public string? Kind { get; set; }

    [BindProperty] public string? ForWhom { get; set; }

    [BindProperty] public string? Trigger { get; set; }

    [BindProperty] public DateField RequestedOn { get; set; } = new();

    [BindProperty] public DateField StartedOn { get; set; } = new();

    [BindProperty] public string? CombinedWith { get; set; }

    [BindProperty] public Guid? AssessmentId { get; set; }

    [BindProperty] public DateField CompletionStartedOn { get; set; } = new();

    [BindProperty] public DateField CompletedOn { get; set; } = new();

    [BindProperty] public Guid? AssessedById { get; set; }

    [BindProperty] public string? Outcome { get; set; }

    [BindProperty] public string? SupportDecided { get; set; }

    public IReadOnlyList<CarersAssessmentView> Recorded { get; private set; } = [];

    public IReadOnlyList<PersonView> Assessors { get; private set; } = [];

    public override string FormKeyFor(string domainField) => domainField switch
    {
        "AssessedBy" => nameof(AssessedById),
        "StartedOn" when AssessmentId is not null => nameof(CompletionStartedOn),
        _ => domainField,
    };

    public static IEnumerable<(string Value, string Label, string? Hint)> Kinds =>
        Enum.GetValues<CarersAndDisabilityAssessmentKind>().Select(k => (k.ToString(), CarersAndDisabilityAssessment.Describe(k), (string?)null));

    public static IEnumerable<(string Value, string Label, string? Hint)> Triggers =>
    [
        (nameof(CarersAssessmentTrigger.AppearsToNeedSupport), "They appear to need support", null),
        (nameof(CarersAssessmentTrigger.Requested), "They (or the young carer's parent) asked for an assessment", null),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadEpisodeAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            await LoadListsAsync(id, cancellationToken);
            RequestedOn = CompletedOn = DateField.Of(Today);
            await audit.ReadAsync(nameof(Episode), id, Episode.ChildId, Basis, cancellationToken);
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
        AssessmentId = null;
        var requested = RequestedOn.Read(ModelState, nameof(RequestedOn), "The day it was asked for");
        var started = StartedOn.Read(ModelState, nameof(StartedOn), "The day it started");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await steps.RecordAsync(User, id, new CarersAssessmentInput(Parse<CarersAndDisabilityAssessmentKind>(Kind), ForWhom,
            Parse<CarersAssessmentTrigger>(Trigger), requested, started, CombinedWith), cancellationToken);
        return Redirect($"/episodes/{id}/carers-assessments");
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadEpisodeAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        await LoadListsAsync(id, cancellationToken);
        if (AssessmentId is not { } assessmentId || Recorded.All(a => a.Id != assessmentId))
        {
            return NotFound();
        }

        var started = CompletionStartedOn.Read(ModelState, nameof(CompletionStartedOn), "The day it started");
        var completed = CompletedOn.Read(ModelState, nameof(CompletedOn), "The day it was completed");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await steps.CompleteAsync(User, assessmentId, new CarersAssessmentCompletion(started, completed, AssessedById, Outcome, SupportDecided), cancellationToken);
        return Redirect($"/episodes/{id}/carers-assessments");
    }

    private static T? Parse<T>(string? value)
        where T : struct, Enum => Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    private async Task LoadListsAsync(Guid episodeId, CancellationToken cancellationToken)
    {
        Recorded = await steps.ForEpisodeAsync(episodeId, cancellationToken);
        Assessors = await PractitionerPicker.WithRoleAsync(Db, Domain.Organisation.PractitionerRole.SocialWorker, registered: false, cancellationToken);
        foreach (var assessment in Recorded)
        {
            await audit.ReadAsync(RecordKinds.CarersAndDisabilityAssessment.Name, assessment.Id, assessment.ChildId, Basis, cancellationToken);
        }
    }
}
