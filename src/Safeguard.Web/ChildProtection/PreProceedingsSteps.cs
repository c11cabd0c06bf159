using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Access;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.ChildProtection;

public sealed record PreProceedingsDecisionInput(DateOnly? DecidedOn, bool? Start, string? Reasons, string? AgencyViews);

public sealed record LetterInput(DateOnly? SentOn, string? ExpectationsOfParents, string? Support, DateOnly? MeetingOn, Guid? Version);

public sealed record FamilyGroupOfferInput(DateOnly? OfferedOn, bool? Accepted, bool? IndependentCoordinator, bool? PrivateFamilyTime, string? WhyNoPrivateFamilyTime,
    string? Notes, Guid? Version);

public sealed record KeyDiscussionInput(DateOnly? HeldOn, string? Who, string? WhatWasAgreed, Guid? Version);

public sealed record PreProceedingsConclusionInput(PreProceedingsOutcome? Outcome, DateOnly? EndedOn, string? Reasons, Guid? Version);

public sealed record PreProceedingsView(Guid Id, Guid EpisodeId, Guid ChildId, DateOnly DecidedOn, Guid DecidedBy, bool Started, string Reasons, string AgencyViews,
    LetterBeforeProceedings? Letter, IReadOnlyList<FamilyGroupOffer> FamilyGroupOffers, IReadOnlyList<KeyDiscussion> KeyDiscussions, DateOnly? EndedOn,
    PreProceedingsOutcome? Outcome, string? OutcomeReasons, DateOnly? ProceedingsIssuedOn, bool IsOpen, Guid Version)
{
    public static PreProceedingsView Of(PreProceedings p) => new(p.Id, p.EpisodeId, p.ChildId, p.DecidedOn, p.DecidedBy, p.Started, p.Reasons, p.AgencyViews,
        p.Letter, p.FamilyGroupOffers, p.KeyDiscussions, p.EndedOn, p.Outcome, p.OutcomeReasons, p.ProceedingsIssuedOn, p.IsOpen, p.Version);
}

/// <summary>
/// Pre-proceedings on the child's episode (PRE-01, PRE-02): the local authority's decision, by a social work qualified manager;
/// the letter before proceedings; family group decision-making offered; the records of key discussions; how they ended. Only
/// children's social care takes these steps; each is on the child's chronology with its author, in the same save.
/// </summary>
public sealed class PreProceedingsSteps(SafeguardDbContext db, EpisodeAccess access, TimeProvider time)
{
    public async Task<PreProceedings> DecideAsync(ClaimsPrincipal user, Guid episodeId, PreProceedingsDecisionInput input, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken) ?? throw new RecordNotFoundException();
        await access.RequireChildrensSocialCareAsync(user, episode, cancellationToken);
        Requirement.Require(!await db.PreProceedings.AnyAsync(p => p.EpisodeId == episodeId && p.Started && p.EndedOn == null, cancellationToken), "SG-PRE-13",
            "Pre-proceedings are already under way for this child.");
        var me = await MeAsync(user, cancellationToken);
        var (now, today) = Now();
        var decision = PreProceedings.Decide(Guid.CreateVersion7(now), episode, me, input.DecidedOn ?? today, input.Start, input.Reasons ?? string.Empty,
            input.AgencyViews ?? string.Empty, today);
        db.PreProceedings.Add(decision);
        db.Note(decision.AreaId, decision.ChildId, decision.EpisodeId, decision.DecidedOn, now, ChronologyKind.PreProceedings,
            $"{me.FullName} decided for the local authority {(decision.Started ? "to start" : "not to start")} pre-proceedings: {decision.Reasons} "
            + $"Other agencies' views: {decision.AgencyViews}", nameof(PreProceedings), decision.Id);
        await db.SaveChangesAsync(cancellationToken);
        return decision;
    }

    public Task<PreProceedings> SendLetterAsync(ClaimsPrincipal user, Guid id, LetterInput input, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, input.Version, (p, me, today) =>
        {
            p.SendLetter(me.Id, input.SentOn ?? today, input.ExpectationsOfParents ?? string.Empty, input.Support ?? string.Empty, input.MeetingOn, today);
            var letter = p.Letter!;
            return (letter.SentOn, $"Letter before proceedings sent. Changes the parents are required to make: {letter.ExpectationsOfParents} Support: {letter.Support}"
                + (letter.MeetingOn is { } meeting ? $" Pre-proceedings meeting on {meeting:d MMMM yyyy}." : string.Empty));
        }, cancellationToken);

    public Task<PreProceedings> OfferFamilyGroupDecisionMakingAsync(ClaimsPrincipal user, Guid id, FamilyGroupOfferInput input, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, input.Version, (p, me, today) =>
        {
            p.OfferFamilyGroupDecisionMaking(me.Id, input.OfferedOn ?? today, input.Accepted, input.IndependentCoordinator, input.PrivateFamilyTime,
                input.WhyNoPrivateFamilyTime, input.Notes, today);
            var offer = p.FamilyGroupOffers[^1];
            return (offer.OfferedOn, $"Family group decision-making offered; the family {(offer.Accepted ? "accepted" : "declined")}. "
                + (offer.IndependentCoordinator ? "An independent coordinator will run it. " : "No independent coordinator. ")
                + (offer.PrivateFamilyTime ? "Private family time offered." : $"No private family time: {offer.WhyNoPrivateFamilyTime}")
                + (offer.Notes is null ? string.Empty : $" {offer.Notes}"));
        }, cancellationToken);

    public Task<PreProceedings> RecordKeyDiscussionAsync(ClaimsPrincipal user, Guid id, KeyDiscussionInput input, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, input.Version, (p, me, today) =>
        {
            p.RecordKeyDiscussion(me.Id, input.HeldOn ?? today, input.Who ?? string.Empty, input.WhatWasAgreed ?? string.Empty, today);
            var discussion = p.KeyDiscussions[^1];
            return (discussion.HeldOn, $"Key discussion with {discussion.Who}. Agreed: {discussion.WhatWasAgreed}");
        }, cancellationToken);

    public Task<PreProceedings> ConcludeAsync(ClaimsPrincipal user, Guid id, PreProceedingsConclusionInput input, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, input.Version, (p, me, today) =>
        {
            p.Conclude(me, input.Outcome, input.EndedOn ?? today, input.Reasons ?? string.Empty, today);
            return (p.EndedOn!.Value, (p.Outcome == PreProceedingsOutcome.ProceedingsIssued
                ? $"Care proceedings issued on {p.EndedOn:d MMMM yyyy}"
                : "Pre-proceedings ended without proceedings") + $", decided by {me.FullName}: {p.OutcomeReasons}");
        }, cancellationToken);

    public static string Describe(PreProceedingsOutcome outcome) => outcome switch
    {
        PreProceedingsOutcome.NotStarted => "Not started",
        PreProceedingsOutcome.ProceedingsIssued => "Care proceedings issued",
        _ => "Ended without proceedings",
    };

    private async Task<PreProceedings> ChangeAsync(ClaimsPrincipal user, Guid id, Guid? version,
        Func<PreProceedings, Practitioner, DateOnly, (DateOnly On, string Summary)> step, CancellationToken cancellationToken)
    {
        var record = await db.PreProceedings.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RecordNotFoundException();
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == record.EpisodeId, cancellationToken);
        await access.RequireChildrensSocialCareAsync(user, episode, cancellationToken);
        EditConflictException.Check(db, record, version, record.Version);
        var me = await MeAsync(user, cancellationToken);
        var (now, today) = Now();
        var (on, summary) = step(record, me, today);
        db.Note(record.AreaId, record.ChildId, record.EpisodeId, on, now, ChronologyKind.PreProceedings, summary, nameof(PreProceedings), record.Id);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    private Task<Practitioner> MeAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);

    private (DateTimeOffset Now, DateOnly Today) Now()
    {
        var now = time.GetUtcNow();
        return (now, EnglandClock.ToEnglandDate(now));
    }


    public static void Map(IEndpointRouteBuilder api)
    {
        const string tags = "Child protection";
        api.MapPost("/episodes/{id:guid}/pre-proceedings", async (Guid id, PreProceedingsDecisionInput input, ClaimsPrincipal user, PreProceedingsSteps steps,
            CancellationToken ct) =>
        {
            var decision = await steps.DecideAsync(user, id, input, ct);
            return TypedResults.Created($"/api/v1/pre-proceedings/{decision.Id}", PreProceedingsView.Of(decision));
        }).RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("DecidePreProceedings")
            .WithDescription("The local authority's decision whether to start pre-proceedings, by a social work qualified manager, with reasons and agencies' views (PRE-01).");

        api.MapGet("/pre-proceedings/{id:guid}", (Guid id, ClaimsPrincipal user, SafeguardDbContext db, RecordReads reads, CancellationToken ct) =>
            reads.ReadInEpisodeAsync(user, nameof(PreProceedings), id, db.PreProceedings.Where(p => p.Id == id), p => p.EpisodeId, p => p.ChildId,
                p => Task.FromResult(PreProceedingsView.Of(p)), ct))
            .RequireAuthorization().WithTags(tags).WithName("GetPreProceedings");

        api.MapPost("/pre-proceedings/{id:guid}/letter", async (Guid id, LetterInput input, ClaimsPrincipal user, PreProceedingsSteps steps, CancellationToken ct) =>
                TypedResults.Ok(PreProceedingsView.Of(await steps.SendLetterAsync(user, id, input, ct))))
            .RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("SendLetterBeforeProceedings")
            .WithDescription("The letter before proceedings: the changes the parents are required to make and the support in place (PRE-02).");

        api.MapPost("/pre-proceedings/{id:guid}/family-group-decision-making", async (Guid id, FamilyGroupOfferInput input, ClaimsPrincipal user,
                PreProceedingsSteps steps, CancellationToken ct) => TypedResults.Ok(PreProceedingsView.Of(await steps.OfferFamilyGroupDecisionMakingAsync(user, id, input, ct))))
            .RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("OfferFamilyGroupDecisionMaking")
            .WithDescription("Family group decision-making offered: accepted or declined, independent coordinator, private family time (PRE-02, ¶202).");

        api.MapPost("/pre-proceedings/{id:guid}/key-discussions", async (Guid id, KeyDiscussionInput input, ClaimsPrincipal user, PreProceedingsSteps steps,
                CancellationToken ct) => TypedResults.Ok(PreProceedingsView.Of(await steps.RecordKeyDiscussionAsync(user, id, input, ct))))
            .RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("RecordKeyDiscussion")
            .WithDescription("A key discussion with the family: when, who, what was agreed (PRE-02).");

        api.MapPost("/pre-proceedings/{id:guid}/conclusion", async (Guid id, PreProceedingsConclusionInput input, ClaimsPrincipal user, PreProceedingsSteps steps,
                CancellationToken ct) => TypedResults.Ok(PreProceedingsView.Of(await steps.ConcludeAsync(user, id, input, ct))))
            .RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("ConcludePreProceedings")
            .WithDescription("How pre-proceedings ended: care proceedings issued (with the date) or ended without them.");
    }
}
