using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.InformationSharing;
using Safeguard.Web.Access;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.InformationSharing;

/// <summary>Who was told what, as the API and the forms send it.</summary>
public sealed record TellingInput(TellingTopic? Topic, string? Who, string? Agency, DateOnly? ToldOn, TellingMethod? Method, string? What, string? ToldBy);

/// <summary>One record of telling as shown on its record's page and answered by the API.</summary>
public sealed record TellingView(Guid Id, TellingTopic Topic, string RuleId, string Who, string? Agency, DateOnly ToldOn, TellingMethod Method, bool InWriting,
    string What, string ToldBy, DateTimeOffset RecordedAt)
{
    public static TellingView Of(Telling t) => new(t.Id, t.Topic, t.RuleId, t.Who, t.Agency, t.ToldOn, t.Method, t.InWriting, t.What, t.ToldBy, t.RecordedAt);
}

/// <summary>
/// Records of telling on a section 47 enquiry (S47-09, S47-10), an assessment (ASM-06, ASM-07) and a child protection
/// plan (DISC-04): each written by a practitioner who may change the case when the telling happened, with when, how and
/// by whom, and put on the child's chronology against the record it belongs to. Nothing records a telling by itself.
/// </summary>
public sealed class TellingSteps(SafeguardDbContext db, EpisodeAccess access, TimeProvider time)
{
    public async Task<Telling> AboutEnquiryAsync(ClaimsPrincipal user, Guid enquiryId, TellingInput input, CancellationToken cancellationToken)
    {
        var enquiry = await db.Section47Enquiries.AsNoTracking().FirstOrDefaultAsync(q => q.Id == enquiryId, cancellationToken) ?? throw new RecordNotFoundException();
        await access.RequireChildrensSocialCareAsync(user, await EpisodeAsync(enquiry.EpisodeId, cancellationToken), cancellationToken);
        var (me, now, today) = await MeAsync(user, cancellationToken);
        return await SaveAsync(Telling.AboutEnquiry(Guid.CreateVersion7(now), enquiry, Record(input), me.Id, me.FullName, today, now), cancellationToken);
    }

    public async Task<Telling> AboutAssessmentAsync(ClaimsPrincipal user, Guid assessmentId, TellingInput input, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken) ?? throw new RecordNotFoundException();
        await access.RequireWriteAsync(user, await EpisodeAsync(assessment.EpisodeId, cancellationToken), cancellationToken);
        var (me, now, today) = await MeAsync(user, cancellationToken);
        return await SaveAsync(Telling.AboutAssessment(Guid.CreateVersion7(now), assessment, Record(input), me.Id, me.FullName, today, now), cancellationToken);
    }

    public async Task<Telling> AboutPlanAsync(ClaimsPrincipal user, Guid planId, TellingInput input, CancellationToken cancellationToken)
    {
        var plan = await db.ChildProtectionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) ?? throw new RecordNotFoundException();
        await access.RequireChildrensSocialCareAsync(user, await EpisodeAsync(plan.EpisodeId, cancellationToken), cancellationToken);
        var (me, now, today) = await MeAsync(user, cancellationToken);
        return await SaveAsync(Telling.AboutPlan(Guid.CreateVersion7(now), plan, Record(input), me.Id, me.FullName, today, now), cancellationToken);
    }

    /// <summary>Everyone told about one record, in the order they were told.</summary>
    public async Task<IReadOnlyList<TellingView>> OfAsync(string sourceType, Guid sourceId, CancellationToken cancellationToken) =>
        [.. (await db.Tellings.AsNoTracking().Where(t => t.SourceType == sourceType && t.SourceId == sourceId).ToListAsync(cancellationToken))
            .OrderBy(t => t.ToldOn).ThenBy(t => t.RecordedAt).Select(TellingView.Of)];

    private static TellingRecord Record(TellingInput? input) =>
        new(input?.Topic, input?.Who, input?.Agency, input?.ToldOn, input?.Method, input?.What, input?.ToldBy);

    private async Task<Domain.FamilyHelp.Episode> EpisodeAsync(Guid episodeId, CancellationToken cancellationToken) =>
        await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == episodeId, cancellationToken);

    private async Task<(Domain.Organisation.Practitioner Me, DateTimeOffset Now, DateOnly Today)> MeAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var me = await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        var now = time.GetUtcNow();
        return (me, now, EnglandClock.ToEnglandDate(now));
    }

    private async Task<Telling> SaveAsync(Telling telling, CancellationToken cancellationToken)
    {
        db.Tellings.Add(telling);
        db.Note(telling.AreaId, telling.ChildId, telling.EpisodeId, telling.ToldOn, telling.RecordedAt, ChronologyKind.InformationShared, telling.Summary(),
            telling.SourceType, telling.SourceId);
        await db.SaveChangesAsync(cancellationToken);
        return telling;
    }

    public static void Map(RouteGroupBuilder api)
    {
        string[] tags = ["Records of telling"];
        api.MapPost("/section-47/{id:guid}/told", async (Guid id, TellingInput input, ClaimsPrincipal user, TellingSteps steps, CancellationToken ct) =>
        {
            await steps.AboutEnquiryAsync(user, id, input, ct);
            return TypedResults.Created($"/api/v1/section-47/{id}", await steps.OfAsync("Section47Enquiry", id, ct));
        }).RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("RecordSection47Telling");

        api.MapPost("/assessments/{id:guid}/told", async (Guid id, TellingInput input, ClaimsPrincipal user, TellingSteps steps, CancellationToken ct) =>
        {
            await steps.AboutAssessmentAsync(user, id, input, ct);
            return TypedResults.Created($"/api/v1/assessments/{id}", await steps.OfAsync("Assessment", id, ct));
        }).RequireAuthorization().WithTags(tags).WithName("RecordAssessmentTelling");

        api.MapPost("/child-protection-plans/{id:guid}/told", async (Guid id, TellingInput input, ClaimsPrincipal user, TellingSteps steps, CancellationToken ct) =>
        {
            await steps.AboutPlanAsync(user, id, input, ct);
            return TypedResults.Created($"/api/v1/child-protection-plans/{id}", await steps.OfAsync("ChildProtectionPlan", id, ct));
        }).RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("RecordPlanTelling");
    }
}

/// <summary>The "who was told" form on an enquiry's, an assessment's or a plan's page; its fields are named Told.*.</summary>
public sealed class TellingForm
{
    public TellingTopic? Topic { get; set; }

    public string? Who { get; set; }

    public string? Agency { get; set; }

    public Forms.DateField ToldOn { get; set; } = new();

    public TellingMethod? Method { get; set; }

    public string? What { get; set; }

    public string? ToldBy { get; set; }

    /// <summary>The form's key for a field the domain names (Who, ToldOn…).</summary>
    public static string KeyFor(string domainField) => "Told." + domainField;

    /// <summary>The input as the step takes it; a date that is not a real one is put in the error summary.</summary>
    public TellingInput Read(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state) =>
        new(Topic, Who, Agency, ToldOn.Read(state, KeyFor(nameof(ToldOn)), "The day they were told"), Method, What, ToldBy);
}

/// <summary>What the "who was told" part of a record's page shows: everyone told, who is still to be told, and the form.</summary>
public sealed record ToldSection(IReadOnlyList<TellingView> Told, IReadOnlyList<TellingTopic> Topics, bool CanRecord, TellingForm Form,
    IReadOnlyList<string> StillToTell, string? Hint = null);
