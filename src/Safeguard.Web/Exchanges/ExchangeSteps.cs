using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Data.Records;
using Safeguard.Domain;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Children;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.Exchanges;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.InformationSharing;
using Safeguard.Domain.Rules;
using Safeguard.Web.Access;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.Exchanges;

/// <summary>An exchange between areas as either side reads it: what was shared, on which basis, by whom, and its acknowledgement.</summary>
public sealed record ExchangeView(Guid Id, string Reference, ExchangeKind Kind, bool Sent, string FromArea, string ToArea, string ChildName,
    DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, Sex Sex, string EthnicityCode, string? NhsNumber, IReadOnlyList<string> Shared, LawfulBasis LawfulBasis,
    string LawfulBasisInWords, DateOnly ToldOn, DateOnly? TransferInConferenceBy, string SentBy, string SentByAgency, DateTimeOffset SentAt,
    string Package, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, Guid? ChildId, string? RecordedBy, DateTimeOffset? RecordedAt,
    Guid? EpisodeId)
{
    /// <summary>The view for the area reading it: the sending area's ids for the sender, the receiving area's for the receiver.</summary>
    public static ExchangeView Of(AreaExchange e, Guid readerAreaId, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(e);
        var sent = e.AreaId == readerAreaId;
        return new(e.Id, e.Reference, e.Kind, sent, e.FromAreaName, e.ToAreaName, e.ChildName, e.DateOfBirth, e.ExpectedDateOfBirth, e.Sex, e.EthnicityCode,
            e.NhsNumber, AreaExchange.Describe(e.Shared), e.LawfulBasis, AreaExchange.DescribeBasis(e.LawfulBasis), e.ToldOn,
            StatutoryRules.TransferInConference.Due(e.ToldOn, calendar), e.SentByName, e.SentByAgency, e.SentAt, e.Package, e.AcknowledgedByName,
            e.AcknowledgedAt, sent ? e.SourceChildId : e.RecordedChildId, e.RecordedByName, e.RecordedAt, sent ? e.SourceEpisodeId : e.ReceivingEpisodeId);
    }

    /// <summary>The reading area's own record of the child, if it has one (the audit row names it).</summary>
    public Guid? AuditChildId => ChildId;
}

/// <summary>The sending area's and the receiving area's exchanges, newest first.</summary>
public sealed record ExchangesView(IReadOnlyList<ExchangeView> Received, IReadOnlyList<ExchangeView> Sent);

/// <summary>The receiving area records the child from an exchange: a new record, or one it already holds (<paramref name="ChildId"/>).</summary>
public sealed record RecordChildInput(Guid? ChildId = null);

/// <summary>The receiving area records, on its open episode for the child, that the child moved here on the sending area's plan.</summary>
public sealed record MovedInInput(Guid? EpisodeId = null);

/// <summary>
/// Exchanges between areas (docs/decisions/0011): the sending area sends a child's transfer package to the area the child moves to
/// (from the child protection plan's move, DISC-02); the receiving area lists what it received, acknowledges it, makes its own record
/// of the child from it by an explicit step, and records the move here on its episode so that its transfer-in conference can be
/// convened and held. Children's social care of the two areas read an exchange; each read and step is audited in the area it was
/// done in.
/// </summary>
public sealed class ExchangeSteps(SafeguardDbContext db, EpisodeAccess access, AuditLog audit, TimeProvider time, WorkingDayCalendar calendar)
{
    public const string Basis = "Children's social care of an area the exchange was sent from or to";

    /// <summary>The parts a transfer package of a child on a plan carries.</summary>
    public const SharedSections TransferPackageSections =
        SharedSections.ChildDetails | SharedSections.ChildProtectionPlan | SharedSections.LatestAssessment | SharedSections.Chronology;

    /// <summary>
    /// Adds to the current save the transfer package of the plan's child, sent to another area in Safeguard: the child's details, the
    /// plan, the latest authorised assessment and the chronology, as the sender reads them (marked words stay withheld), with the
    /// lawful basis, and a chronology entry on the sender's child.
    /// </summary>
    public async Task<AreaExchange> AddTransferPackageAsync(ClaimsPrincipal user, ChildProtectionPlan plan, Guid toAreaId, LawfulBasis? lawfulBasis,
        DateOnly toldOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var to = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == toAreaId, cancellationToken);
        Requirement.Require(to is not null, AreaExchange.ExchangeRule, "Choose a local authority area that is in Safeguard, or name the authority instead.",
            "ReceivingAreaId");
        var from = await db.Areas.AsNoTracking().SingleAsync(a => a.Id == plan.AreaId, cancellationToken);
        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == plan.ChildId, cancellationToken);
        var me = await db.Practitioners.AsNoTracking().SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == me.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var exchange = AreaExchange.SendTransferPackage(id, ReferenceOf(id), from.Id, from.Name, to!.Id, to.Name, child, plan.EpisodeId, plan.Id,
            TransferPackageSections, lawfulBasis ?? LawfulBasis.SafeguardingChildAtRisk, toldOn, me.Id, me.FullName, agency,
            await PackageAsync(user, plan, cancellationToken), now);
        db.AreaExchanges.Add(exchange);
        db.Note(plan.AreaId, plan.ChildId, plan.EpisodeId, toldOn, now, ChronologyKind.InformationShared,
            $"Transfer package {exchange.Reference} (the child's details, the child protection plan, the latest assessment and the chronology) sent to {to.Name} "
            + $"through Safeguard; lawful basis: {AreaExchange.DescribeBasis(exchange.LawfulBasis)}.", RecordKinds.AreaExchange.Name, exchange.Id);
        return exchange;
    }

    /// <summary>The area's exchanges, received and sent (at most 200 each), each listed child audited.</summary>
    public async Task<ExchangesView> ListAsync(CancellationToken cancellationToken)
    {
        var area = db.CurrentAreaId!.Value;
        var received = await db.AreaExchanges.AsNoTracking().Where(e => e.ToAreaId == area).OrderByDescending(e => e.SentAt).Take(200).ToListAsync(cancellationToken);
        var sent = await db.AreaExchanges.AsNoTracking().Where(e => e.AreaId == area).OrderByDescending(e => e.SentAt).Take(200).ToListAsync(cancellationToken);
        var view = new ExchangesView([.. received.Select(e => ExchangeView.Of(e, area, calendar))], [.. sent.Select(e => ExchangeView.Of(e, area, calendar))]);
        await audit.ListedAsync("Exchanges between areas", [.. view.Received.Concat(view.Sent).Select(e => e.ChildId).OfType<Guid>()], Basis,
            cancellationToken);
        foreach (var e in view.Received.Where(e => e.ChildId is null))
        {
            // A received exchange whose child is not yet recorded here names no child of this area; its read is still in the trail.
            await audit.ReadAsync(RecordKinds.AreaExchange.Name, e.Id, null, Basis, cancellationToken);
        }

        return view;
    }

    /// <summary>One exchange of the area (sent or received), unaudited; null when there is none the area may read.</summary>
    public async Task<ExchangeView?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.AreaExchanges.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is { } e
            ? ExchangeView.Of(e, db.CurrentAreaId!.Value, calendar) : null;

    /// <summary>One exchange, its read audited in the reader's area.</summary>
    public async Task<ExchangeView?> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } view)
        {
            return null;
        }

        await audit.ReadAsync(RecordKinds.AreaExchange.Name, id, view.ChildId, Basis, cancellationToken);
        return view;
    }

    /// <summary>The receiving area acknowledges the exchange (who, when).</summary>
    public async Task<ExchangeView> AcknowledgeAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var exchange = await ExchangeAsync(id, cancellationToken);
        var me = await db.Practitioners.AsNoTracking().SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        exchange.Acknowledge(db.CurrentAreaId!.Value, me.Id, me.FullName, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ExchangeView.Of(exchange, db.CurrentAreaId!.Value, calendar);
    }

    /// <summary>
    /// The receiving area makes its own record of the child from the acknowledged exchange, or names a record it already holds: never a
    /// silent copy. The new record is audited as made, and its chronology says where it came from.
    /// </summary>
    public async Task<ExchangeView> RecordChildAsync(ClaimsPrincipal user, Guid id, RecordChildInput input, CancellationToken cancellationToken)
    {
        var exchange = await ExchangeAsync(id, cancellationToken);
        var area = db.CurrentAreaId!.Value;
        var me = await db.Practitioners.AsNoTracking().SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        Child child;
        if (input.ChildId is { } existing)
        {
            child = await db.Children.FirstOrDefaultAsync(c => c.Id == existing, cancellationToken)
                ?? throw new RuleViolationException(AreaExchange.RecordChildRule, "There is no child's record with that id in your area.", "ChildId");
        }
        else
        {
            child = new Child(Guid.CreateVersion7(now), area, exchange.ChildDetails(), today);
            db.Children.Add(child);
        }

        exchange.RecordChild(area, child.Id, me.FullName, now);
        db.Note(area, child.Id, null, today, now, ChronologyKind.InformationShared,
            $"{(input.ChildId is null ? "Recorded" : "Matched to this record")} from the transfer package {exchange.Reference} sent by {exchange.FromAreaName} "
            + $"on {exchange.SentAt.ToOffset(TimeSpan.Zero):d MMMM yyyy} ({string.Join(", ", AreaExchange.Describe(exchange.Shared)).ToLowerInvariant()}).",
            RecordKinds.AreaExchange.Name, exchange.Id, recordedBy: me.Id);
        await db.SaveChangesAsync(cancellationToken);
        return ExchangeView.Of(exchange, area, calendar);
    }

    /// <summary>
    /// The receiving area records, on the child's open episode here, that the child moved here on the sending area's plan, told on the
    /// day the exchange says: its transfer-in conference is then due within 15 working days of that day (DISC-02) and can be arranged
    /// and held on the episode.
    /// </summary>
    public async Task<ExchangeView> MovedInAsync(ClaimsPrincipal user, Guid id, MovedInInput input, CancellationToken cancellationToken)
    {
        var exchange = await ExchangeAsync(id, cancellationToken);
        var area = db.CurrentAreaId!.Value;
        Requirement.Require(exchange.ToAreaId == area, AreaExchange.AcknowledgementRule, "Only the area the exchange was sent to can act on it.");
        Requirement.Require(exchange.RecordedChildId is not null, AreaExchange.RecordChildRule, "Record the child from the exchange first.");
        var episode = input.EpisodeId is { } episodeId
            ? await db.Episodes.FirstOrDefaultAsync(e => e.Id == episodeId && e.ChildId == exchange.RecordedChildId, cancellationToken)
            : await db.Episodes.FirstOrDefaultAsync(e => e.ChildId == exchange.RecordedChildId && e.ClosedOn == null, cancellationToken);
        Requirement.Require(episode is { IsOpen: true }, "DISC-02",
            "The child has no open episode here: the front door opens one from a referral, then record the move on it.", "EpisodeId");
        await access.RequireWriteAsync(user, episode!, cancellationToken);
        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        exchange.MovedInOn(area, episode!.Id);
        episode.RecordMilestone(user.PractitionerId()!.Value, MilestoneKind.MovedInOnPlan, exchange.ToldOn,
            $"Told through the transfer package {exchange.Reference}, on {exchange.FromAreaName}'s child protection plan.", exchange.FromAreaName, today);
        var m = episode.Milestones[^1];
        db.Note(area, episode.ChildId, episode.Id, exchange.ToldOn, now, ChronologyKind.Milestone,
            $"{Milestone.Describe(m.Kind)} ({m.Reference}): {m.Note}", RecordKinds.Episode.Name, episode.Id);
        await db.SaveChangesAsync(cancellationToken);
        return ExchangeView.Of(exchange, area, calendar);
    }

    private async Task<AreaExchange> ExchangeAsync(Guid id, CancellationToken cancellationToken) =>
        await db.AreaExchanges.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new FamilyHelp.RecordNotFoundException();

    /// <summary>A reference both areas quote: the random end of the exchange's id.</summary>
    private static string ReferenceOf(Guid id) => "EX-" + id.ToString("N")[^10..].ToUpperInvariant();

    /// <summary>
    /// The package's text: the plan (its category, start and lead social worker), when the latest assessment was authorised, and the
    /// chronology as dates, kinds of entry and agencies. It copies no practitioner's words: words can be marked sensitive after the
    /// package is sent, and a copy in another area could not honour the mark, so the receiving area asks the sending area for them.
    /// </summary>
    private async Task<string> PackageAsync(ClaimsPrincipal user, ChildProtectionPlan plan, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var lead = await db.Practitioners.AsNoTracking().Where(p => p.Id == plan.LeadSocialWorkerId).Select(p => p.GivenName + " " + p.FamilyName)
            .FirstOrDefaultAsync(cancellationToken);
        text.AppendLine(CultureInfo.InvariantCulture, $"Child protection plan from {plan.StartedOn:d MMMM yyyy}, category {plan.LatestCategory} "
            + $"({ChildProtectionConference.Categories.GetValueOrDefault(plan.LatestCategory, plan.LatestCategory)}); lead social worker {lead ?? "not recorded"}.");
        var authorised = await db.Assessments.AsNoTracking().Where(a => a.EpisodeId == plan.EpisodeId && a.Status == AssessmentStatus.Authorised)
            .MaxAsync(a => a.AuthorisedOn, cancellationToken);
        text.AppendLine(authorised is { } on ? string.Create(CultureInfo.InvariantCulture, $"Latest assessment authorised {on:d MMMM yyyy}.")
            : "No authorised assessment.");
        text.AppendLine("Chronology (dates and kinds of entry; ask the sending area for what each says):");
        foreach (var line in (await ChronologyQueries.ForChildAsync(db, plan.ChildId, null, null, user, cancellationToken)).OrderBy(l => l.OccurredOn).Take(500))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{line.OccurredOn:d MMM yyyy} — {line.Kind}{(line.Agency is null ? string.Empty : $" ({line.Agency})")}");
        }

        var package = text.ToString();
        return package.Length <= AreaExchange.MaxTextLength ? package : package[..AreaExchange.MaxTextLength];
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/exchanges").WithTags("Exchanges between areas").RequireAuthorization(Policies.ChildrenSocialCare);
        group.MapGet("/", async (ExchangeSteps steps, CancellationToken cancellationToken) => TypedResults.Ok(await steps.ListAsync(cancellationToken)));
        group.MapGet("/{id:guid}", async Task<Results<Ok<ExchangeView>, NotFound>> (Guid id, ExchangeSteps steps, CancellationToken cancellationToken) =>
            await steps.ReadAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound());
        group.MapPost("/{id:guid}/acknowledgement", async (Guid id, ClaimsPrincipal user, ExchangeSteps steps, CancellationToken cancellationToken) =>
            TypedResults.Ok(await steps.AcknowledgeAsync(user, id, cancellationToken))).WithName("AcknowledgeExchange");
        group.MapPost("/{id:guid}/child", async (Guid id, RecordChildInput? input, ClaimsPrincipal user, ExchangeSteps steps, CancellationToken cancellationToken) =>
            TypedResults.Ok(await steps.RecordChildAsync(user, id, input ?? new RecordChildInput(), cancellationToken))).WithName("RecordChildFromExchange");
        group.MapPost("/{id:guid}/moved-in", async (Guid id, MovedInInput? input, ClaimsPrincipal user, ExchangeSteps steps, CancellationToken cancellationToken) =>
            TypedResults.Ok(await steps.MovedInAsync(user, id, input ?? new MovedInInput(), cancellationToken))).WithName("RecordMoveInFromExchange");
    }
}
