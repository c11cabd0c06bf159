using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Data.Records;
using Safeguard.Domain;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Rules;
using Safeguard.Web.Access;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Departures;

/// <summary>A departure from a SHOULD rule as it is shown: the rule, the reason, who recorded and who agreed it.</summary>
public sealed record DepartureView(Guid Id, Guid ChildId, string? ChildName, Guid EpisodeId, string RuleId, string RuleName, string SourceType, Guid SourceId,
    string Reason, DateOnly On, string RecordedBy, string AgreedBy);

/// <summary>How many departures from each rule the area recorded in a year of the yearly report (1 April to 31 March).</summary>
public sealed record DepartureCount(string RuleId, string RuleName, int Count);

public sealed record DepartureCounts(int Year, DateOnly From, DateOnly To, IReadOnlyList<DepartureCount> ByRule, int Total);

/// <summary>A departure recorded by hand on an episode: the rule, why, who agreed, and the record it was about (the episode when none).</summary>
public sealed record DepartureInput(string? RuleId, string? Reason, Guid? AgreedById, string? SourceType = null, Guid? SourceId = null);

/// <summary>
/// Recorded departures from SHOULD rules (GEN-02): written by the steps that apply a SHOULD rule (an assessment authorised
/// late or without the child seen alone, a front-door decision after its working day) and by hand on an episode; listed for
/// managers and counted by rule for the yearly report.
/// </summary>
public sealed class DepartureSteps(SafeguardDbContext db, EpisodeAccess access, TimeProvider time)
{
    /// <summary>
    /// Adds a departure and its chronology entry to the current save: the steps that apply a SHOULD rule call this when it was
    /// not followed, so the departure is saved with the step or not at all.
    /// </summary>
    public static Departure Note(SafeguardDbContext db, Guid areaId, Guid childId, Guid episodeId, string ruleId, string sourceType, Guid sourceId,
        string reason, Practitioner recordedBy, Practitioner agreedBy, DateOnly on, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        var departure = Departure.Record(Guid.CreateVersion7(at), areaId, childId, episodeId, ruleId, sourceType, sourceId, reason, recordedBy, agreedBy, on, at);
        db.Departures.Add(departure);
        db.Note(areaId, childId, episodeId, on, at, ChronologyKind.Departure,
            $"Departure from {departure.RuleId} ({ShouldRules.All[departure.RuleId]}), agreed by {agreedBy.FullName}: {departure.Reason}",
            RecordKinds.Departure.Name, departure.Id);
        return departure;
    }

    /// <summary>A practitioner working on the episode records a departure, agreed by a social work qualified manager.</summary>
    public async Task<Departure> RecordAsync(ClaimsPrincipal user, Guid episodeId, DepartureInput input, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken) ?? throw new FamilyHelp.RecordNotFoundException();
        await access.RequireWriteAsync(user, episode, cancellationToken);
        var me = await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        var agreedBy = input.AgreedById is { } id ? await db.Practitioners.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        var (sourceType, sourceId) = await SourceAsync(episode, input, cancellationToken);
        var now = time.GetUtcNow();
        var departure = Note(db, episode.AreaId, episode.ChildId, episode.Id, input.RuleId ?? string.Empty, sourceType, sourceId, input.Reason ?? string.Empty,
            me, agreedBy!, EnglandClock.ToEnglandDate(now), now);
        await db.SaveChangesAsync(cancellationToken);
        return departure;
    }

    /// <summary>The record the departure is about: one of the episode's own records, or the episode itself.</summary>
    private async Task<(string Type, Guid Id)> SourceAsync(Episode episode, DepartureInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.SourceType) || input.SourceId is null || input.SourceType == RecordKinds.Episode.Name && input.SourceId == episode.Id)
        {
            return (RecordKinds.Episode.Name, episode.Id);
        }

        var kind = RecordKinds.Named(input.SourceType);
        Requirement.Require(kind is not null && kind != RecordKinds.Departure && kind.Access is AccessRule.Episode or AccessRule.EpisodeAndCoreGroup,
            "GEN-02", "Say which of the episode's records the departure is about.", nameof(input.SourceType));
        var source = await db.FindAsync(kind!.EntityType, [input.SourceId.Value], cancellationToken);
        var sourceEpisode = source is null ? null : db.Entry(source).Properties.FirstOrDefault(p => p.Metadata.Name == "EpisodeId")?.CurrentValue as Guid?;
        Requirement.Require(source is not null && sourceEpisode == episode.Id, "GEN-02", "The record the departure is about is not on this episode.",
            nameof(input.SourceId));
        return (kind.Name, input.SourceId.Value);
    }

    /// <summary>The departure for someone who may see its episode, with the basis of their access; null when there is none or they may not.</summary>
    public async Task<(DepartureView View, string Basis)?> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var departure = await db.Departures.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (departure is null)
        {
            return null;
        }

        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == departure.EpisodeId, cancellationToken);
        if (await access.BasisAsync(user, episode) is not { } basis)
        {
            throw new FamilyHelp.AccessRefusedException();
        }

        return ((await ViewsAsync(db.Departures.Where(d => d.Id == id), cancellationToken)).Single(), basis);
    }

    /// <summary>The area's departures recorded between two days, newest first (at most 500), for managers.</summary>
    public Task<IReadOnlyList<DepartureView>> ListAsync(DateOnly from, DateOnly to, string? ruleId, CancellationToken cancellationToken) =>
        ViewsAsync(db.Departures.Where(d => d.On >= from && d.On <= to && (ruleId == null || d.RuleId == ruleId)), cancellationToken);

    /// <summary>The episode's departures, newest first.</summary>
    public Task<IReadOnlyList<DepartureView>> ForEpisodeAsync(Guid episodeId, CancellationToken cancellationToken) =>
        ViewsAsync(db.Departures.Where(d => d.EpisodeId == episodeId), cancellationToken);

    /// <summary>Departures by rule in the yearly report's year starting 1 April of <paramref name="year"/> (MASA-13, MASA-14).</summary>
    public async Task<DepartureCounts> CountAsync(int year, CancellationToken cancellationToken)
    {
        Requirement.Require(year is >= 2000 and <= 2100, "SG-DEP-01", "Enter the year the report's year starts in, like 2026.", "Year");
        var from = new DateOnly(year, 4, 1);
        var to = new DateOnly(year + 1, 3, 31);
        var counts = await db.Departures.Where(d => d.On >= from && d.On <= to).GroupBy(d => d.RuleId)
            .Select(g => new { RuleId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byRule = counts.OrderByDescending(c => c.Count).ThenBy(c => c.RuleId, StringComparer.Ordinal)
            .Select(c => new DepartureCount(c.RuleId, ShouldRules.All.GetValueOrDefault(c.RuleId, c.RuleId), c.Count)).ToList();
        return new DepartureCounts(year, from, to, byRule, byRule.Sum(c => c.Count));
    }

    private async Task<IReadOnlyList<DepartureView>> ViewsAsync(IQueryable<Departure> departures, CancellationToken cancellationToken)
    {
        var rows = await (from d in departures
                          join c in db.Children on d.ChildId equals c.Id
                          join r in db.Practitioners on d.RecordedBy equals r.Id
                          join a in db.Practitioners on d.AgreedBy equals a.Id
                          orderby d.RecordedAt descending
                          select new
                          {
                              Departure = d, ChildName = c.GivenName + " " + c.FamilyName, RecordedBy = r.GivenName + " " + r.FamilyName,
                              AgreedBy = a.GivenName + " " + a.FamilyName,
                          }).AsNoTracking().Take(500).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DepartureView(r.Departure.Id, r.Departure.ChildId, r.ChildName, r.Departure.EpisodeId, r.Departure.RuleId,
            ShouldRules.All.GetValueOrDefault(r.Departure.RuleId, r.Departure.RuleId), r.Departure.SourceType, r.Departure.SourceId, r.Departure.Reason,
            r.Departure.On, r.RecordedBy, r.AgreedBy))];
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/episodes/{id:guid}/departures", async Task<Created<DepartureView>> (Guid id, DepartureInput input, ClaimsPrincipal user,
            DepartureSteps steps, CancellationToken cancellationToken) =>
        {
            var departure = await steps.RecordAsync(user, id, input, cancellationToken);
            var view = (await steps.FindAsync(user, departure.Id, cancellationToken))!.Value.View;
            return TypedResults.Created($"/api/v1/departures/{departure.Id}", view);
        }).WithTags("Recorded departures").RequireAuthorization();

        var departures = api.MapGroup("/departures").WithTags("Recorded departures");
        departures.MapGet("/", async (DateOnly? from, DateOnly? to, string? ruleId, DepartureSteps steps, AuditLog audit, TimeProvider time,
            CancellationToken cancellationToken) =>
        {
            var today = EnglandClock.Today(time);
            var list = await steps.ListAsync(from ?? today.AddMonths(-3), to ?? today, string.IsNullOrWhiteSpace(ruleId) ? null : ruleId, cancellationToken);
            await audit.ListedAsync("Recorded departures from rules", list.Select(d => d.ChildId), Policies.ChildrenSocialCareBasis, cancellationToken);
            return TypedResults.Ok(list);
        }).RequireAuthorization(Policies.FrontDoorDecision);
        departures.MapGet("/counts", async (int? year, DepartureSteps steps, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var today = EnglandClock.Today(time);
            return TypedResults.Ok(await steps.CountAsync(year ?? Departure.ReportYearOf(today), cancellationToken));
        }).RequireAuthorization(Policies.FrontDoorDecision);
        departures.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user, DepartureSteps steps, RecordReads reads, CancellationToken cancellationToken) =>
            reads.ReadFoundAsync<DepartureView>(RecordKinds.Departure.Name, id,
                async () => await steps.FindAsync(user, id, cancellationToken) is { } found ? (found.View, found.View.ChildId, found.Basis) : null,
                cancellationToken))
            .RequireAuthorization();
    }
}
