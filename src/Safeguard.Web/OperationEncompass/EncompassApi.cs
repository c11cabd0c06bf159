using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.InformationSharing;
using Safeguard.Domain.OperationEncompass;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.Children;

namespace Safeguard.Web.OperationEncompass;

public sealed class EncompassInput
{
    [Required(ErrorMessage = "Give the child's details")]
    public ChildInput? Child { get; set; }

    [Required(ErrorMessage = "Choose the child's school, college or early years setting")]
    public Guid? SettingAgencyId { get; set; }

    [Required(ErrorMessage = "Enter when the police attended")]
    public DateTimeOffset? IncidentAt { get; set; }

    public bool ChildPresent { get; set; }

    [Required(ErrorMessage = "Say what the setting needs to know to support the child")]
    [MaxLength(EncompassNotification.MaxSummaryLength, ErrorMessage = "The summary must be 2,000 characters or fewer")]
    public string? Summary { get; set; }
}

/// <summary>The front door's answer to a possible match: whether the child the police described is the child held.</summary>
public sealed class PossibleMatchAnswer
{
    [Required(ErrorMessage = "Say whether it is the same child")]
    public bool? SameChild { get; set; }
}

/// <param name="ShareBy">The start of the next school day after the incident, which the police share before (POL-01, A-21).</param>
public sealed record EncompassView(Guid Id, Guid ChildId, string ChildName, DateOnly? DateOfBirth, string Setting, DateTimeOffset IncidentAt,
    bool ChildPresent, string Summary, DateTimeOffset SentAt, DateOnly DueBy, DateTimeOffset? SeenAt, DateTimeOffset? ShareBy = null)
{
    /// <summary>The police shared it after the start of that school day: the police's timescale (POL-01), not children's social care's.</summary>
    public bool SharedLate => ShareBy is { } due && SentAt > due;

    /// <summary>Whose timescale <see cref="ShareBy"/> is, for anyone reading the report.</summary>
    public string Timescale { get; } = "POL-01: the police share before the start of the next school day";
}

/// <summary>
/// Police record an Operation Encompass notification; it goes to the child's setting at once (POL-01), and the sharing
/// is recorded in the same save (police to the setting, to safeguard the child, without the family's consent).
/// </summary>
public sealed class SendEncompassNotification(SafeguardDbContext db, RegisterChild children, WorkingDayCalendar calendar, TimeProvider time)
{
    public const string EncompassWithoutConsent =
        "Operation Encompass: the setting is told before the next school day so that it can support the child; asking the family first would delay that support and could place the child at greater risk.";

    public async Task<EncompassNotification> HandleAsync(Guid areaId, Guid practitionerId, EncompassInput input, CancellationToken cancellationToken)
    {
        var officer = await db.Practitioners.SingleAsync(p => p.Id == practitionerId, cancellationToken);
        var agency = await db.Agencies.SingleAsync(a => a.Id == officer.AgencyId, cancellationToken);
        var setting = await db.Agencies.SingleOrDefaultAsync(a => a.Id == input.SettingAgencyId, cancellationToken)
            ?? throw new Domain.RuleViolationException("SG-ENC-01", "Choose the child's school, college or early years setting.", "SettingAgencyId");
        // The police's description makes a record of its own: a record children's social care already holds is never joined to it
        // here (which would tell the police who we hold); one with the same NHS number is a suggestion the front door confirms.
        var child = children.Add(areaId, input.Child!);
        var possiblyHeld = await children.HeldWithSameNhsNumberAsync(child, cancellationToken);
        var now = time.GetUtcNow();
        var incidentOn = EnglandClock.ToEnglandDate(input.IncidentAt!.Value);
        var notification = EncompassNotification.Send(Guid.CreateVersion7(now), child, setting, officer, agency, input.IncidentAt.Value, incidentOn,
            input.ChildPresent, input.Summary ?? string.Empty, now, SchoolDayStart.NextAfter(input.IncidentAt.Value, calendar), possiblyHeld);
        db.EncompassNotifications.Add(notification);
        var episodeId = await db.Episodes.Where(e => e.ChildId == child.Id && e.ClosedOn == null).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
        db.Note(areaId, child.Id, episodeId, incidentOn, now, ChronologyKind.Notification,
            $"Operation Encompass: domestic abuse incident{(input.ChildPresent ? " with the child present" : string.Empty)}; {setting.Name} notified by {agency.Name}.",
            nameof(EncompassNotification), notification.Id, agency.Id);
        db.RecordSharing(InformationSharingRecord.Record(Guid.CreateVersion7(now), areaId, child.Id, EnglandClock.ToEnglandDate(now),
            EnglandClock.ToEnglandDate(now), now, officer.Id,
            $"Operation Encompass notification: a domestic abuse incident on {incidentOn:d MMMM yyyy}"
            + (input.ChildPresent ? " with the child present" : string.Empty) + $". {notification.Summary}",
            agency.Name, agency.Id, setting.Name, setting.Id, LawfulBasis.SafeguardingChildAtRisk, consentSought: false, consentGiven: null,
            whyNoConsent: EncompassWithoutConsent, nameof(EncompassNotification), notification.Id), episodeId, noteOnChronology: false);
        await db.SaveChangesAsync(cancellationToken);
        return notification;
    }
}

public static class EncompassQueries
{
    /// <summary>
    /// Notifications as the police who sent them and the setting told see them: the child as the police described them,
    /// never the record children's social care holds (older notifications, from before this was kept, show the record's name).
    /// </summary>
    public static IQueryable<EncompassView> Views(SafeguardDbContext db, IQueryable<EncompassNotification> notifications) =>
        from n in notifications
        join c in db.Children on n.ChildId equals c.Id
        join s in db.Agencies on n.SettingAgencyId equals s.Id
        orderby n.SeenAt == null descending, n.IncidentAt descending
        select new EncompassView(n.Id, n.ChildId,
            n.ChildAsSent != null ? n.ChildAsSent.GivenName + " " + n.ChildAsSent.FamilyName : c.GivenName + " " + c.FamilyName,
            n.ChildAsSent != null ? n.ChildAsSent.DateOfBirth : c.DateOfBirth, s.Name, n.IncidentAt, n.ChildPresent, n.Summary,
            n.SentAt, n.DueBy, n.SeenAt, n.ShareBy);

    public static async Task<IReadOnlyList<EncompassView>> ForSettingAsync(SafeguardDbContext db, AuditLog audit, Guid settingId,
        CancellationToken cancellationToken)
    {
        var views = await Views(db, db.EncompassNotifications.Where(n => n.SettingAgencyId == settingId)).Take(200).ToListAsync(cancellationToken);
        if (views.Count > 0)
        {
            await audit.SearchedAsync("Operation Encompass notifications", [.. views.Select(v => v.ChildId).Distinct()], Policies.EncompassBasis,
                cancellationToken);
        }

        return views;
    }

    public static Task<List<EncompassView>> SentByAsync(SafeguardDbContext db, Guid officerId, CancellationToken cancellationToken) =>
        Views(db, db.EncompassNotifications.Where(n => n.RecordedBy == officerId)).Take(200).ToListAsync(cancellationToken);

    public static async Task MarkSeenAsync(SafeguardDbContext db, Guid id, Guid practitionerId, TimeProvider time, CancellationToken cancellationToken)
    {
        var notification = await db.EncompassNotifications.SingleOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new FamilyHelp.RecordNotFoundException();
        var lead = await db.Practitioners.SingleAsync(p => p.Id == practitionerId, cancellationToken);
        // Another setting's lead has no relationship with the notification: refused, not told what the rule is.
        if (lead.AgencyId != notification.SettingAgencyId)
        {
            throw new FamilyHelp.AccessRefusedException();
        }

        notification.MarkSeen(lead, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>/api/v1/encompass: police send; the setting's designated safeguarding lead reads and marks seen.</summary>
public static class EncompassApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var encompass = api.MapGroup("/encompass").WithTags("Operation Encompass");

        encompass.MapPost("/", async Task<Created<EncompassView>> (EncompassInput input, ClaimsPrincipal user, SendEncompassNotification send,
            SafeguardDbContext db, CancellationToken cancellationToken) =>
        {
            var notification = await send.HandleAsync(user.AreaId()!.Value, user.PractitionerId()!.Value, input, cancellationToken);
            var view = await EncompassQueries.Views(db, db.EncompassNotifications.Where(n => n.Id == notification.Id)).SingleAsync(cancellationToken);
            return TypedResults.Created($"/api/v1/encompass/{notification.Id}", view);
        }).RequireAuthorization(Policies.Police).WithName("SendEncompassNotification");

        encompass.MapGet("/settings", async (SafeguardDbContext db, CancellationToken cancellationToken) => TypedResults.Ok(await db.Agencies
                .Where(a => a.Kind == AgencyKind.School || a.Kind == AgencyKind.College || a.Kind == AgencyKind.EarlyYears)
                .OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken)))
            .RequireAuthorization(Policies.Police).WithName("GetEncompassSettings");

        encompass.MapGet("/", async (ClaimsPrincipal user, SafeguardDbContext db, AuditLog audit, CancellationToken cancellationToken) =>
                TypedResults.Ok(await EncompassQueries.ForSettingAsync(db, audit, user.AgencyId()!.Value, cancellationToken)))
            .RequireAuthorization(Policies.DesignatedSafeguardingLead).WithName("GetEncompassNotifications");

        encompass.MapPost("/{id:guid}/seen", async Task<NoContent> (Guid id, ClaimsPrincipal user, SafeguardDbContext db, TimeProvider time,
            CancellationToken cancellationToken) =>
        {
            await EncompassQueries.MarkSeenAsync(db, id, user.PractitionerId()!.Value, time, cancellationToken);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.DesignatedSafeguardingLead).WithName("MarkEncompassNotificationSeen");

        // The front door: notifications whose child, as the police described them, may be a child already held.
        encompass.MapGet("/possible-matches", async (EncompassMatches matches, CancellationToken cancellationToken) =>
                TypedResults.Ok(await matches.WaitingAsync(cancellationToken)))
            .RequireAuthorization(Policies.ChildrenSocialCare).WithName("GetEncompassPossibleMatches");

        encompass.MapPost("/{id:guid}/match", async Task<NoContent> (Guid id, PossibleMatchAnswer answer, EncompassMatches matches,
            CancellationToken cancellationToken) =>
        {
            await matches.DecideAsync(id, answer.SameChild!.Value, cancellationToken);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.ChildrenSocialCare).WithName("DecideEncompassPossibleMatch");
    }
}
