using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Web.FamilyHelp;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.Referrals;
using Safeguard.Domain.Rules;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Referrals;

/// <summary>A referral as its referrer and the front door see it, with the decision and reasons once made.</summary>
public sealed record ReferralView(Guid Id, string Reference, Guid ChildId, string ChildName, DateTimeOffset ReceivedAt, DateOnly ReceivedOn,
    DateTimeOffset? AcknowledgedAt, string ReferrerName, string ReferrerRole, string SourceCode, string Concerns, IReadOnlyList<HarmType> HarmTypes,
    string? ChildsViews, bool FamilyKnows, bool? FamilyAgrees, string? WhyFamilyNotToldOrAgreed, Urgency Urgency, bool IsReReferral,
    ReferralOutcome? Outcome, string? DecisionReasons, string? SuggestedServices, string? PrimaryNeedCode, DateTimeOffset? DecidedAt,
    IReadOnlyList<Escalation> Escalations, DateOnly DecisionDueOn, IReadOnlyList<ReferralAdult> Adults, IReadOnlyList<HouseholdChild> HouseholdChildren, Guid? EpisodeId,
    AcknowledgementMethod? AcknowledgedHow = null, DateTimeOffset? KeyedAt = null)
{
    public static ReferralView Of(Referral r, string childName, WorkingDayCalendar calendar) => new(r.Id, r.Reference, r.ChildId, childName, r.ReceivedAt, r.ReceivedOn,
        r.AcknowledgedAt, r.Referrer.Name, r.Referrer.Role, r.SourceCode, r.Concerns, r.HarmTypes, r.ChildsViews, r.FamilyKnows, r.FamilyAgrees,
        r.WhyFamilyNotToldOrAgreed, r.Urgency, r.IsReReferral, r.Outcome, r.DecisionReasons, r.SuggestedServices, r.PrimaryNeedCode, r.DecidedAt,
        r.Escalations, StatutoryRules.ReferralDecision.Due(r.ReceivedOn, calendar)!.Value, r.Adults, r.HouseholdChildren, r.EpisodeId,
        r.AcknowledgedHow, r.KeyedAt);

    /// <summary>The referral as its sender sees it: the child as they described them, never the record children's social care holds.</summary>
    public static ReferralView ForSender(Referral r, string recordName, WorkingDayCalendar calendar) =>
        Of(r, r.ChildAsSent?.FullName ?? recordName, calendar);
}

public sealed class DecisionInput
{
    [Required(ErrorMessage = "Select the decision")]
    public ReferralOutcome? Outcome { get; set; }

    [Required(ErrorMessage = "Give the reasons for the decision")]
    [MaxLength(Referral.MaxTextLength, ErrorMessage = "Reasons must be 10,000 characters or fewer")]
    public string? Reasons { get; set; }

    [MaxLength(2)]
    public string? PrimaryNeedCode { get; set; }

    [MaxLength(Referral.MaxTextLength, ErrorMessage = "Suggested services must be 10,000 characters or fewer")]
    public string? SuggestedServices { get; set; }

    /// <summary>Needed when the decision comes after the one-working-day timescale (REF-04).</summary>
    [MaxLength(Referral.MaxTextLength, ErrorMessage = "The reason must be 10,000 characters or fewer")]
    public string? LateReason { get; set; }
}

/// <summary>The acknowledgement of a referral as the front door sent it to the referrer: when, and how (REF-04).</summary>
public sealed class AcknowledgementInput
{
    [Required(ErrorMessage = "Enter when the acknowledgement was sent")]
    public DateTimeOffset? SentAt { get; set; }

    [Required(ErrorMessage = "Select how the referrer was told")]
    public AcknowledgementMethod? How { get; set; }
}

public sealed class TextInput
{
    [Required(ErrorMessage = "Enter the text")]
    [MaxLength(Referral.MaxTextLength, ErrorMessage = "This must be 10,000 characters or fewer")]
    public string? Text { get; set; }
}

/// <summary>/api/v1/referrals: make a referral, see its outcome, decide next steps, escalate.</summary>
public static class ReferralsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var referrals = api.MapGroup("/referrals").WithTags("Referrals");

        referrals.MapPost("/", async Task<Created<ReferralView>> (ReferralInput input, ClaimsPrincipal user, MakeReferral make, SafeguardDbContext db,
            IAuthorizationService authorization, WorkingDayCalendar calendar, CancellationToken cancellationToken) =>
        {
            var socialCare = (await authorization.AuthorizeAsync(user, Policies.ChildrenSocialCare)).Succeeded;
            var result = await make.HandleAsync(user.AreaId()!.Value, user.PractitionerId()!.Value, input, submissionKey: null, socialCare, cancellationToken);
            var saved = await ReferralQueries.FindAsync(db, result.Referral.Id, cancellationToken);
            return TypedResults.Created($"/api/v1/referrals/{result.Referral.Id}", ReferralView.ForSender(saved!.Value.Referral, saved.Value.ChildName, calendar));
        }).RequireAuthorization(Policies.WorksWithChildren).WithName("MakeReferral").WithDescription(
            "Make a referral about a child. Send an Idempotency-Key header: a retry with the same key and the same body returns the first referral, " +
            "never a second; the key is yours alone, and the same key with a different body is a 422.");

        referrals.MapGet("/mine", async (ClaimsPrincipal user, SafeguardDbContext db, AuditLog audit, CancellationToken cancellationToken) =>
            {
                var mine = await ReferralQueries.MadeByAsync(db, user.PractitionerId()!.Value, cancellationToken);
                await audit.ListedAsync("Your referrals", mine.Select(r => r.ChildId), Policies.ReferrerBasis, cancellationToken);
                return TypedResults.Ok(mine);
            })
            .WithName("GetMyReferrals").WithDescription("Referrals you made, with the decision and reasons once made (feedback to the referrer).");

        referrals.MapGet("/queue", async (SafeguardDbContext db, AuditLog audit, CancellationToken cancellationToken) =>
            {
                var queue = await ReferralQueries.UndecidedAsync(db, cancellationToken);
                await audit.ListedAsync("Front door queue", queue.Select(r => r.ChildId), Policies.ChildrenSocialCareBasis, cancellationToken);
                return TypedResults.Ok(queue);
            })
            .RequireAuthorization(Policies.ChildrenSocialCare).WithName("GetFrontDoorQueue");

        referrals.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user, SafeguardDbContext db, RecordReads reads, IAuthorizationService authorization,
            WorkingDayCalendar calendar, CancellationToken cancellationToken) =>
        {
            // Children's social care read the whole referral; its referrer reads it as they sent it, with the decision.
            var socialCare = false;
            return reads.ReadAsync(nameof(Referral), id, () => ReferralQueries.FindReferralAsync(db, id, cancellationToken),
                async found =>
                {
                    socialCare = (await authorization.AuthorizeAsync(user, Policies.ChildrenSocialCare)).Succeeded;
                    var isReferrer = found.Referral.Referrer.PractitionerId == user.PractitionerId();
                    return isReferrer ? Policies.ReferrerBasis : socialCare ? Policies.ChildrenSocialCareBasis : null;
                },
                found => found.Referral.ChildId,
                found => Task.FromResult(socialCare
                    ? ReferralView.Of(found.Referral, found.ChildName, calendar)
                    : ReferralView.ForSender(found.Referral, found.ChildName, calendar)), cancellationToken);
        }).WithName("GetReferral");

        referrals.MapPost("/{id:guid}/decision", async Task<Results<Ok<ReferralView>, NotFound>> (Guid id, DecisionInput input, ClaimsPrincipal user,
            RecordReferralDecision decide, CancellationToken cancellationToken) =>
        {
            var referral = await decide.HandleAsync(id, user.PractitionerId()!.Value, input, cancellationToken);
            return referral is null ? TypedResults.NotFound() : TypedResults.Ok(referral);
        }).RequireAuthorization(Policies.FrontDoorDecision).WithName("RecordReferralDecision");

        referrals.MapPost("/{id:guid}/acknowledgement", async Task<Results<Ok<ReferralView>, NotFound>> (Guid id, AcknowledgementInput input,
            ClaimsPrincipal user, RecordReferralAcknowledgement acknowledge, CancellationToken cancellationToken) =>
        {
            var referral = await acknowledge.HandleAsync(id, user.PractitionerId()!.Value, input, cancellationToken);
            return referral is null ? TypedResults.NotFound() : TypedResults.Ok(referral);
        }).RequireAuthorization(Policies.ChildrenSocialCare).WithName("RecordReferralAcknowledgement")
            .WithDescription("The front door records when and how it acknowledged a phoned or emailed concern to the referrer (REF-04).");

        referrals.MapPost("/{id:guid}/escalations", async Task<Results<Ok<ReferralView>, NotFound>> (Guid id, TextInput input, ClaimsPrincipal user,
            ReferralEscalations escalations, CancellationToken cancellationToken) =>
            await escalations.EscalateAsync(user, id, input.Text, cancellationToken) is { } referral ? TypedResults.Ok(referral) : TypedResults.NotFound())
            .WithName("EscalateReferral").WithDescription("The referrer is not satisfied with the decision (REF-07): a manager must respond.");

        referrals.MapPost("/{id:guid}/escalations/response", async Task<Results<Ok<ReferralView>, NotFound>> (Guid id, TextInput input,
            ClaimsPrincipal user, ReferralEscalations escalations, CancellationToken cancellationToken) =>
            await escalations.RespondAsync(user, id, input.Text, cancellationToken) is { } referral ? TypedResults.Ok(referral) : TypedResults.NotFound())
            .RequireAuthorization(Policies.FrontDoorDecision).WithName("RespondToReferralEscalation");
    }
}

/// <summary>
/// Escalating a referral's decision (REF-07) and a manager's response: the page and the API both come here, and the
/// step alone decides who may take it. Someone with no right to act on the referral is refused (AccessRefusedException:
/// 403 on the API, the access-denied page on the page) before any rule is looked at; someone who may act but breaks a
/// rule gets the rule (422 with its id on the API, the error summary on the page). Null when there is no such referral.
/// </summary>
public sealed class ReferralEscalations(SafeguardDbContext db, IAuthorizationService authorization, WorkingDayCalendar calendar, TimeProvider time)
{
    /// <summary>The referrer is not satisfied with the decision. Only the referrer may escalate their referral: no one else has a relationship that allows it.</summary>
    public async Task<ReferralView?> EscalateAsync(ClaimsPrincipal user, Guid referralId, string? reason, CancellationToken cancellationToken)
    {
        var found = await ReferralQueries.FindAsync(db, referralId, cancellationToken);
        if (found is null)
        {
            return null;
        }

        if (user.PractitionerId() is not { } me || found.Value.Referral.Referrer.PractitionerId != me)
        {
            throw new AccessRefusedException();
        }

        found.Value.Referral.Escalate(me, reason ?? string.Empty, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ReferralView.ForSender(found.Value.Referral, found.Value.ChildName, calendar);
    }

    /// <summary>A social work qualified manager of the front door answers the open escalation; anyone else is refused.</summary>
    public async Task<ReferralView?> RespondAsync(ClaimsPrincipal user, Guid referralId, string? response, CancellationToken cancellationToken)
    {
        var found = await ReferralQueries.FindAsync(db, referralId, cancellationToken);
        if (found is null)
        {
            return null;
        }

        if (user.PractitionerId() is not { } me || !(await authorization.AuthorizeAsync(user, Policies.FrontDoorDecision)).Succeeded)
        {
            throw new AccessRefusedException();
        }

        var manager = await db.Practitioners.SingleAsync(p => p.Id == me, cancellationToken);
        found.Value.Referral.RespondToEscalation(manager, response ?? string.Empty, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ReferralView.Of(found.Value.Referral, found.Value.ChildName, calendar);
    }
}

/// <summary>Records the decision on next steps (REF-04): pages and the API both come here.</summary>
public sealed class RecordReferralDecision(SafeguardDbContext db, WorkingDayCalendar calendar, TimeProvider time)
{
    public async Task<ReferralView?> HandleAsync(Guid referralId, Guid practitionerId, DecisionInput input, CancellationToken cancellationToken)
    {
        var found = await ReferralQueries.FindAsync(db, referralId, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var decider = await db.Practitioners.SingleAsync(p => p.Id == practitionerId, cancellationToken);
        var now = time.GetUtcNow();
        found.Value.Referral.RecordDecision(decider, input.Outcome!.Value, input.Reasons ?? string.Empty,
            string.IsNullOrWhiteSpace(input.PrimaryNeedCode) ? null : input.PrimaryNeedCode, input.SuggestedServices, now, EnglandClock.ToEnglandDate(now),
            StatutoryRules.ReferralDecision.Due(found.Value.Referral.ReceivedOn, calendar)!.Value, input.LateReason);
        var referral = found.Value.Referral;
        if (referral.EpisodeId is { } episodeId && await db.Episodes.FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken) is { } episode)
        {
            episode.ReferralDecided(referral);
            db.Note(referral.AreaId, referral.ChildId, episodeId, referral.DecidedOn!.Value, now, ChronologyKind.Decision,
                $"Front door decision on {referral.Reference}: {referral.Outcome!.Value.Describe()}. {referral.DecisionReasons}", nameof(Referral),
                referral.Id);
            if (referral.LateReason is not null)
            {
                // The decision came after its working day: the deciding manager agrees the departure with its reason (GEN-02).
                Departures.DepartureSteps.Note(db, referral.AreaId, referral.ChildId, episodeId, StatutoryRules.ReferralDecision.Id, nameof(Referral), referral.Id,
                    $"Decided after the working day: {referral.LateReason}", decider, decider, referral.DecidedOn!.Value, now);
            }

            if (episode.ClosedOn is not null)
            {
                db.Note(referral.AreaId, referral.ChildId, episodeId, episode.ClosedOn.Value, now, ChronologyKind.EpisodeClosed,
                    $"Episode closed ({episode.ClosureReasonCode}): {episode.ClosureSummary}", "Episode", episodeId);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return ReferralView.Of(found.Value.Referral, found.Value.ChildName, calendar);
    }
}

/// <summary>
/// Records the acknowledgement sent to the referrer of a concern phoned or emailed in (REF-04), when it was sent: pages and the
/// API both come here. It goes on the child's chronology.
/// </summary>
public sealed class RecordReferralAcknowledgement(SafeguardDbContext db, WorkingDayCalendar calendar, TimeProvider time)
{
    public async Task<ReferralView?> HandleAsync(Guid referralId, Guid practitionerId, AcknowledgementInput input, CancellationToken cancellationToken)
    {
        var found = await ReferralQueries.FindAsync(db, referralId, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var referral = found.Value.Referral;
        Domain.Requirement.Require(input.SentAt is not null, Referral.AcknowledgementRule, "Enter when the acknowledgement was sent.", "SentAt");
        Domain.Requirement.Require(input.How is not null, Referral.AcknowledgementRule, "Select how the referrer was told.", "How");
        var by = await db.Practitioners.SingleAsync(p => p.Id == practitionerId, cancellationToken);
        var now = time.GetUtcNow();
        referral.RecordAcknowledgement(by, input.How!.Value, input.SentAt!.Value, now);
        db.Note(referral.AreaId, referral.ChildId, referral.EpisodeId, EnglandClock.ToEnglandDate(input.SentAt.Value), now, ChronologyKind.Referral,
            $"Receipt of referral {referral.Reference} acknowledged to {referral.Referrer.Name} by {Describe(input.How.Value)} ({by.FullName}).",
            nameof(Referral), referral.Id);
        await db.SaveChangesAsync(cancellationToken);
        return ReferralView.Of(referral, found.Value.ChildName, calendar);
    }

    public static string Describe(AcknowledgementMethod how) => how switch
    {
        AcknowledgementMethod.Confirmation => "the confirmation shown on sending",
        AcknowledgementMethod.Phone => "phone",
        AcknowledgementMethod.Email => "email",
        AcknowledgementMethod.Letter => "letter",
        _ => "in person",
    };
}

public static class ReferralQueries
{
    public sealed record Row(Guid Id, string Reference, Guid ChildId, string ChildName, DateOnly? DateOfBirth, DateTimeOffset ReceivedAt,
        DateOnly ReceivedOn, Urgency Urgency, bool IsReReferral, string ReferrerName, ReferralOutcome? Outcome, DateTimeOffset? DecidedAt);

    /// <summary>The referral with its child's name, as a record (for <see cref="Access.RecordReads"/>).</summary>
    public sealed record Found(Referral Referral, string ChildName);

    public static async Task<Found?> FindReferralAsync(SafeguardDbContext db, Guid id, CancellationToken cancellationToken) =>
        await FindAsync(db, id, cancellationToken) is { } found ? new Found(found.Referral, found.ChildName) : null;

    public static async Task<(Referral Referral, string ChildName)?> FindAsync(SafeguardDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var found = await (from r in db.Referrals
                           join c in db.Children on r.ChildId equals c.Id
                           where r.Id == id
                           select new { Referral = r, ChildName = c.GivenName + " " + c.FamilyName }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Referral, found.ChildName);
    }

    /// <summary>The referrer's own referrals, with the child as they described them.</summary>
    public static Task<List<Row>> MadeByAsync(SafeguardDbContext db, Guid practitionerId, CancellationToken cancellationToken) =>
        Rows(db, db.Referrals.Where(r => r.Referrer.PractitionerId == practitionerId), newestFirst: true, asSent: true).Take(200)
            .ToListAsync(cancellationToken);

    /// <summary>The front door's queue: referrals waiting for a decision, most urgent first, then oldest first.</summary>
    public static async Task<List<Row>> UndecidedAsync(SafeguardDbContext db, CancellationToken cancellationToken)
    {
        var rows = await Rows(db, db.Referrals.Where(r => r.DecidedAt == null), newestFirst: false).Take(500).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.Urgency).ThenBy(r => r.ReceivedAt)];
    }

    private static IQueryable<Row> Rows(SafeguardDbContext db, IQueryable<Referral> referrals, bool newestFirst, bool asSent = false)
    {
        var joined = from r in referrals
                     join c in db.Children on r.ChildId equals c.Id
                     select new { r, c };
        joined = newestFirst ? joined.OrderByDescending(x => x.r.ReceivedAt) : joined.OrderBy(x => x.r.ReceivedAt);
        return asSent
            ? joined.Select(x => new Row(x.r.Id, x.r.Reference, x.r.ChildId,
                x.r.ChildAsSent != null ? x.r.ChildAsSent.GivenName + " " + x.r.ChildAsSent.FamilyName : x.c.GivenName + " " + x.c.FamilyName,
                x.r.ChildAsSent != null ? x.r.ChildAsSent.DateOfBirth : x.c.DateOfBirth,
                x.r.ReceivedAt, x.r.ReceivedOn, x.r.Urgency, x.r.IsReReferral, x.r.Referrer.Name, x.r.Outcome, x.r.DecidedAt))
            : joined.Select(x => new Row(x.r.Id, x.r.Reference, x.r.ChildId, x.c.GivenName + " " + x.c.FamilyName, x.c.DateOfBirth,
                x.r.ReceivedAt, x.r.ReceivedOn, x.r.Urgency, x.r.IsReReferral, x.r.Referrer.Name, x.r.Outcome, x.r.DecidedAt));
    }
}
