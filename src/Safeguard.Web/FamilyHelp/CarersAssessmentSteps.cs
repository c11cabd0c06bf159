using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Data.Records;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Web.Access;
using Safeguard.Web.Account;

namespace Safeguard.Web.FamilyHelp;

/// <summary>A disabled child's, parent carer's or young carer's assessment as it is shown, with the rule it comes from.</summary>
public sealed record CarersAssessmentView(Guid Id, Guid ChildId, Guid EpisodeId, string Kind, string Rule, string Describes, string ForWhom, string Trigger,
    DateOnly RequestedOn, DateOnly? StartedOn, DateOnly? CompletedOn, Guid? AssessedBy, string? AssessedByName, string? Outcome, string? SupportDecided,
    string? CombinedWith)
{
    public static CarersAssessmentView Of(CarersAndDisabilityAssessment a, string? assessedByName) => new(a.Id, a.ChildId, a.EpisodeId, a.Kind.ToString(),
        CarersAndDisabilityAssessment.RuleOf(a.Kind), CarersAndDisabilityAssessment.Describe(a.Kind), a.ForWhom, a.Trigger.ToString(), a.RequestedOn,
        a.StartedOn, a.CompletedOn, a.AssessedBy, assessedByName, a.Outcome, a.SupportDecided, a.CombinedWith);
}

/// <summary>An assessment asked for or found to be needed: the kind, for whom, why, when, and the day it started if it has.</summary>
public sealed record CarersAssessmentInput(CarersAndDisabilityAssessmentKind? Kind, string? ForWhom, CarersAssessmentTrigger? Trigger, DateOnly? RequestedOn,
    DateOnly? StartedOn = null, string? CombinedWith = null);

/// <summary>The assessment completed: when it started (if not already recorded) and ended, who assessed, what it found and the support decided.</summary>
public sealed record CarersAssessmentCompletion(DateOnly? StartedOn, DateOnly? CompletedOn, Guid? AssessedById, string? Outcome, string? SupportDecided);

/// <summary>
/// Disabled children's, parent carers' and young carers' assessments on an episode (GRP-03, GRP-04, GRP-05): recorded and completed
/// by those who may change the case, each change on the child's chronology, each read audited.
/// </summary>
public sealed class CarersAssessmentSteps(SafeguardDbContext db, EpisodeAccess access, TimeProvider time)
{
    public async Task<CarersAndDisabilityAssessment> RecordAsync(ClaimsPrincipal user, Guid episodeId, CarersAssessmentInput input,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var episode = await db.Episodes.FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken) ?? throw new RecordNotFoundException();
        await access.RequireWriteAsync(user, episode, cancellationToken);
        var me = await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        var assessment = CarersAndDisabilityAssessment.Record(Guid.CreateVersion7(now), episode, input.Kind, input.ForWhom, input.Trigger, input.RequestedOn,
            input.StartedOn, input.CombinedWith, me, today, now);
        db.CarersAndDisabilityAssessments.Add(assessment);
        db.Note(episode.AreaId, episode.ChildId, episode.Id, assessment.RequestedOn, now, ChronologyKind.Assessment,
            $"{CarersAndDisabilityAssessment.Describe(assessment.Kind)} for {assessment.ForWhom}: "
            + (assessment.Trigger == CarersAssessmentTrigger.Requested ? "asked for" : "appears to need support")
            + (assessment.StartedOn is { } started ? $", started {started:d MMMM yyyy}" : string.Empty),
            RecordKinds.CarersAndDisabilityAssessment.Name, assessment.Id, recordedBy: me.Id);
        await db.SaveChangesAsync(cancellationToken);
        return assessment;
    }

    public async Task<CarersAndDisabilityAssessment> CompleteAsync(ClaimsPrincipal user, Guid id, CarersAssessmentCompletion input,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var assessment = await db.CarersAndDisabilityAssessments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new RecordNotFoundException();
        var episode = await db.Episodes.SingleAsync(e => e.Id == assessment.EpisodeId, cancellationToken);
        await access.RequireWriteAsync(user, episode, cancellationToken);
        var assessedBy = input.AssessedById is { } by ? await db.Practitioners.FirstOrDefaultAsync(p => p.Id == by, cancellationToken) : null;
        var now = time.GetUtcNow();
        assessment.Complete(input.StartedOn, input.CompletedOn, assessedBy, input.Outcome, input.SupportDecided, EnglandClock.ToEnglandDate(now));
        db.Note(episode.AreaId, episode.ChildId, episode.Id, assessment.CompletedOn!.Value, now, ChronologyKind.Assessment,
            $"{CarersAndDisabilityAssessment.Describe(assessment.Kind)} for {assessment.ForWhom} completed by {assessedBy!.FullName}: {assessment.Outcome} "
            + $"Support decided: {assessment.SupportDecided}",
            RecordKinds.CarersAndDisabilityAssessment.Name, assessment.Id, recordedBy: user.PractitionerId());
        await db.SaveChangesAsync(cancellationToken);
        return assessment;
    }

    /// <summary>The assessment for someone who may see its episode, with the basis of their access; null when there is none.</summary>
    public async Task<(CarersAssessmentView View, string Basis)?> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var assessment = await db.CarersAndDisabilityAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return null;
        }

        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == assessment.EpisodeId, cancellationToken);
        var basis = await access.BasisAsync(user, episode) ?? throw new AccessRefusedException();
        return ((await ViewsAsync(db.CarersAndDisabilityAssessments.Where(a => a.Id == id), cancellationToken)).Single(), basis);
    }

    /// <summary>The episode's assessments, oldest first.</summary>
    public Task<IReadOnlyList<CarersAssessmentView>> ForEpisodeAsync(Guid episodeId, CancellationToken cancellationToken) =>
        ViewsAsync(db.CarersAndDisabilityAssessments.Where(a => a.EpisodeId == episodeId), cancellationToken);

    private async Task<IReadOnlyList<CarersAssessmentView>> ViewsAsync(IQueryable<CarersAndDisabilityAssessment> query, CancellationToken cancellationToken)
    {
        var rows = await (from a in query
                          join p in db.Practitioners on a.AssessedBy equals p.Id into assessors
                          from p in assessors.DefaultIfEmpty()
                          orderby a.RecordedAt
                          select new { Assessment = a, Name = p == null ? null : p.GivenName + " " + p.FamilyName }).AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Select(r => CarersAssessmentView.Of(r.Assessment, r.Name))];
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/episodes/{id:guid}/carers-assessments", async Task<Created<CarersAssessmentView>> (Guid id, CarersAssessmentInput input,
            ClaimsPrincipal user, CarersAssessmentSteps steps, CancellationToken cancellationToken) =>
        {
            var assessment = await steps.RecordAsync(user, id, input, cancellationToken);
            return TypedResults.Created($"/api/v1/carers-assessments/{assessment.Id}", CarersAssessmentView.Of(assessment, null));
        }).WithTags("Disabled children's and carers' assessments").RequireAuthorization();

        var group = api.MapGroup("/carers-assessments").WithTags("Disabled children's and carers' assessments");
        group.MapPost("/{id:guid}/completion", async Task<Ok<CarersAssessmentView>> (Guid id, CarersAssessmentCompletion input, ClaimsPrincipal user,
            CarersAssessmentSteps steps, CancellationToken cancellationToken) =>
        {
            await steps.CompleteAsync(user, id, input, cancellationToken);
            return TypedResults.Ok((await steps.FindAsync(user, id, cancellationToken))!.Value.View);
        }).RequireAuthorization();
        group.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user, CarersAssessmentSteps steps, RecordReads reads, CancellationToken cancellationToken) =>
            reads.ReadFoundAsync<CarersAssessmentView>(RecordKinds.CarersAndDisabilityAssessment.Name, id,
                async () => await steps.FindAsync(user, id, cancellationToken) is { } found ? (found.View, found.View.ChildId, found.Basis) : null,
                cancellationToken))
            .RequireAuthorization();
    }
}
