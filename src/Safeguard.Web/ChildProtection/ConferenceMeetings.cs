using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.InformationSharing;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Participation;
using Safeguard.Web.Access;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.ChildProtection;

public sealed record InvitationInput(Guid? PractitionerId, string? Name, string? Agency);

public sealed record ConveneInput(ConferenceKind? Kind, Guid? Section47EnquiryId, Guid? PlanId, DateOnly? ScheduledFor, IReadOnlyList<InvitationInput>? Invitations);

public sealed record InviteInput(IReadOnlyList<InvitationInput>? Invitations, Guid? Version);

public sealed record ReportInput(Guid? InvitationId, string? Report, bool? ShareWithFamily, string? WhyNotShare, Guid? Version);

public sealed record PreparationInput(DateOnly? FamilyToldOn, bool? AdvocacyOffered, string? ChildPreparation, string? LeadReport, DateOnly? LeadReportSharedOn,
    string? WhyReportNotShared, Guid? Version);

/// <summary>A conference's material as its invitees and the child's practitioners see it, with what is still outstanding and, once held, what it decided.</summary>
public sealed record MeetingView(Guid Id, Guid EpisodeId, Guid ChildId, string ChildName, ConferenceKind Kind, bool PreBirth, string Title, Guid? Section47EnquiryId,
    Guid? PlanId, DateOnly ScheduledFor, DateOnly ConvenedOn, IReadOnlyList<Invitation> Invitations, DateOnly? FamilyToldOn, bool? AdvocacyOffered,
    string? ChildPreparation, string? LeadReport, DateOnly? LeadReportSharedOn, string? WhyReportNotShared, DateOnly? HeldOn, Guid? ConferenceId, string? Outcome,
    IReadOnlyList<string> Outstanding, Guid Version);

/// <summary>A conference the signed-in practitioner is invited to, for "My work".</summary>
public sealed record MyInvitation(Guid MeetingId, Guid ChildId, string ChildName, string Title, DateOnly ScheduledFor, bool ReportSent, DateOnly? HeldOn);

/// <summary>
/// Arranging child protection conferences: the date, the invitations (practitioners with accounts see the meeting's
/// material and send their agency's report; others are named), the family's preparation and the lead practitioner's
/// report (ICPC-02, ICPC-04, RCPC-03). Children's social care arranges; invitees report; every step is audited and on
/// the chronology, and each invitation is recorded as information shared.
/// </summary>
public sealed class ConferenceMeetings(SafeguardDbContext db, EpisodeAccess episodes, MeetingAccess access, TimeProvider time)
{
    private const string InvitationWithoutConsent =
        "Invitations to a child protection conference are part of the enquiry into significant harm; the family are told of the conference and who is invited (ICPC-02).";

    public static string TitleOf(ConferenceKind kind, bool preBirth) => ChildProtectionConference.TitleOf(kind, preBirth);

    public async Task<ConferenceMeeting> ConveneAsync(ClaimsPrincipal user, Guid episodeId, ConveneInput input, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken) ?? throw new RecordNotFoundException();
        await episodes.RequireChildrensSocialCareAsync(user, episode, cancellationToken);
        Requirement.Require(input.Kind is not null, "SG-CM-06", "Select which conference this is.", "Kind");
        Requirement.Require(input.ScheduledFor is not null, "SG-CM-01", "Enter the date of the conference.", "ScheduledFor");
        var enquiry = input.Section47EnquiryId is { } q ? await db.Section47Enquiries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == q, cancellationToken) : null;
        var plan = input.PlanId is { } p ? await db.ChildProtectionPlans.AsNoTracking().FirstOrDefaultAsync(x => x.Id == p, cancellationToken) : null;
        if (input.Kind == ConferenceKind.Initial && enquiry is not null)
        {
            Requirement.Require(!await db.ConferenceMeetings.AnyAsync(m => m.Section47EnquiryId == enquiry.Id, cancellationToken)
                && !await db.Conferences.AnyAsync(c => c.Section47EnquiryId == enquiry.Id, cancellationToken), "SG-CM-07",
                "The initial conference for this enquiry is already arranged.");
        }

        if (input.Kind == ConferenceKind.Review && plan is not null)
        {
            Requirement.Require(!await db.ConferenceMeetings.AnyAsync(m => m.PlanId == plan.Id && m.HeldOn == null, cancellationToken), "SG-CM-07",
                "The next review conference for this plan is already arranged.");
        }

        var unborn = await db.Children.Where(c => c.Id == episode.ChildId).Select(c => c.DateOfBirth == null).SingleAsync(cancellationToken);
        var me = await db.Practitioners.SingleAsync(x => x.Id == user.PractitionerId(), cancellationToken);
        var invitations = await InvitationsAsync(input.Invitations, cancellationToken);
        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        var meeting = ConferenceMeeting.Convene(Guid.CreateVersion7(now), input.Kind!.Value, episode, enquiry, plan, unborn, me, input.ScheduledFor!.Value, invitations,
            today);
        db.ConferenceMeetings.Add(meeting);
        var title = TitleOf(meeting.Kind, meeting.PreBirth);
        db.Note(meeting.AreaId, meeting.ChildId, meeting.EpisodeId, today, now, ChronologyKind.Conference,
            $"{title} arranged for {meeting.ScheduledFor:d MMMM yyyy}. Invited: {string.Join(", ", meeting.Invitations.Select(i => $"{i.Name} ({i.Agency})"))}.",
            nameof(ConferenceMeeting), meeting.Id);
        await ShareInvitationsAsync(me, meeting, meeting.Invitations, today, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return meeting;
    }

    public async Task<ConferenceMeeting> InviteAsync(ClaimsPrincipal user, Guid meetingId, InviteInput input, CancellationToken cancellationToken)
    {
        var (meeting, _) = await WorkOnAsync(user, meetingId, cancellationToken);
        EditConflictException.Check(db, meeting, input.Version, meeting.Version);
        var invitations = await InvitationsAsync(input.Invitations, cancellationToken);
        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        var before = meeting.Invitations.Count;
        meeting.Invite(invitations, today);
        var added = meeting.Invitations.Skip(before).ToList();
        db.Note(meeting.AreaId, meeting.ChildId, meeting.EpisodeId, today, now, ChronologyKind.Conference,
            $"Also invited to the {TitleOf(meeting.Kind, meeting.PreBirth).ToLowerInvariant()} on {meeting.ScheduledFor:d MMMM yyyy}: "
            + string.Join(", ", added.Select(i => $"{i.Name} ({i.Agency})")) + ".", nameof(ConferenceMeeting), meeting.Id);
        var me = await db.Practitioners.SingleAsync(x => x.Id == user.PractitionerId(), cancellationToken);
        await ShareInvitationsAsync(me, meeting, added, today, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return meeting;
    }

    /// <summary>
    /// An agency's written report before the conference (ICPC-04): an invitee sends their own; children's social care
    /// records one that came by other means against the invitation it answers.
    /// </summary>
    public async Task<ConferenceMeeting> SubmitReportAsync(ClaimsPrincipal user, Guid meetingId, ReportInput input, CancellationToken cancellationToken)
    {
        var meeting = await db.ConferenceMeetings.FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken) ?? throw new RecordNotFoundException();
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == meeting.EpisodeId, cancellationToken);
        _ = await access.BasisAsync(user, meeting, episode) ?? throw new AccessRefusedException();
        EditConflictException.Check(db, meeting, input.Version, meeting.Version);
        var me = user.PractitionerId() ?? throw new AccessRefusedException();
        var mine = meeting.Invitations.FirstOrDefault(i => i.PractitionerId == me);
        var socialCare = user.AgencyKindOf() == AgencyKind.LocalAuthorityChildrensSocialCare && await episodes.WriteBasisAsync(user, episode, cancellationToken) is not null;
        // An invitee sends their own report; only children's social care records one for someone else.
        if (!socialCare && (mine is null || (input.InvitationId is { } other && other != mine.Id)))
        {
            throw new AccessRefusedException();
        }

        var invitationId = input.InvitationId ?? mine?.Id;
        Requirement.Require(invitationId is not null, "SG-CM-04", "Choose whose report this is.", "InvitationId");

        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        meeting.SubmitReport(invitationId!.Value, me, input.Report ?? string.Empty, input.ShareWithFamily, input.WhyNotShare, today);
        var invitation = meeting.Invitations.Single(i => i.Id == invitationId);
        db.Note(meeting.AreaId, meeting.ChildId, meeting.EpisodeId, today, now, ChronologyKind.Conference,
            $"Report from {invitation.Name} ({invitation.Agency}) for the {TitleOf(meeting.Kind, meeting.PreBirth).ToLowerInvariant()} on {meeting.ScheduledFor:d MMMM yyyy}"
            + (invitation.ShareWithFamily == true ? "; it may be shared with the parents." : $"; not to be shared with the parents: {invitation.WhyNotShare}"),
            nameof(ConferenceMeeting), meeting.Id);
        await db.SaveChangesAsync(cancellationToken);
        return meeting;
    }

    public async Task<ConferenceMeeting> RecordPreparationAsync(ClaimsPrincipal user, Guid meetingId, PreparationInput input, CancellationToken cancellationToken)
    {
        var (meeting, _) = await WorkOnAsync(user, meetingId, cancellationToken);
        EditConflictException.Check(db, meeting, input.Version, meeting.Version);
        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        var wasTold = meeting.FamilyToldOn;
        meeting.RecordPreparation(input.FamilyToldOn, input.AdvocacyOffered, input.ChildPreparation, input.LeadReport, input.LeadReportSharedOn,
            input.WhyReportNotShared, today);
        if (meeting.FamilyToldOn is { } told && wasTold != told)
        {
            db.Note(meeting.AreaId, meeting.ChildId, meeting.EpisodeId, told, now, ChronologyKind.Conference,
                $"The child and parents were told the purpose of the {TitleOf(meeting.Kind, meeting.PreBirth).ToLowerInvariant()} and who will attend"
                + (meeting.AdvocacyOffered == true ? ", and about advocacy and bringing a supporter." : "."), nameof(ConferenceMeeting), meeting.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return meeting;
    }

    /// <summary>The meeting as the user may see it, with the basis for the audit row; null when there is no such meeting.</summary>
    public async Task<(MeetingView View, string Basis)?> ViewAsync(ClaimsPrincipal user, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.ConferenceMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == meeting.EpisodeId, cancellationToken);
        var basis = await access.BasisAsync(user, meeting, episode) ?? throw new AccessRefusedException();
        var child = await db.Children.Where(c => c.Id == meeting.ChildId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        return (new MeetingView(meeting.Id, meeting.EpisodeId, meeting.ChildId, child, meeting.Kind, meeting.PreBirth, TitleOf(meeting.Kind, meeting.PreBirth),
            meeting.Section47EnquiryId, meeting.PlanId, meeting.ScheduledFor, meeting.ConvenedOn, meeting.Invitations, meeting.FamilyToldOn, meeting.AdvocacyOffered,
            meeting.ChildPreparation, meeting.LeadReport, meeting.LeadReportSharedOn, meeting.WhyReportNotShared, meeting.HeldOn, meeting.ConferenceId,
            await OutcomeAsync(meeting, cancellationToken), meeting.IsHeld ? [] : meeting.Outstanding(), meeting.Version), basis);
    }

    /// <summary>The conferences the practitioner is invited to with their account: coming ones, and those held in the last 30 days.</summary>
    public async Task<IReadOnlyList<MyInvitation>> MineAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.PractitionerId() is not { } me)
        {
            return [];
        }

        var since = EnglandClock.Today(time).AddDays(-30);
        // The practitioner's invitations are participant rows: one indexed query joined to the meetings and the children.
        var rows = await (from p in db.Participants.AsNoTracking()
                          where p.PractitionerId == me && p.Role == ParticipantRole.Invitee && p.Until == null && p.RecordKind == Participations.ConferenceMeeting
                          join m in db.ConferenceMeetings.AsNoTracking() on p.RecordId equals m.Id
                          where m.HeldOn == null || m.HeldOn >= since
                          join c in db.Children on m.ChildId equals c.Id
                          orderby m.ScheduledFor
                          select new { Meeting = m, Name = c.GivenName + " " + c.FamilyName }).ToListAsync(cancellationToken);
        return [.. rows.DistinctBy(r => r.Meeting.Id).Select(r => new MyInvitation(r.Meeting.Id, r.Meeting.ChildId, r.Name, TitleOf(r.Meeting.Kind, r.Meeting.PreBirth),
            r.Meeting.ScheduledFor, r.Meeting.Invitations.First(i => i.PractitionerId == me).ReportReceived, r.Meeting.HeldOn))];
    }

    /// <summary>What the conference decided, for its invitees (ICPC-06): the plan or not, the category, the reasons; for a review, the review's decision.</summary>
    private async Task<string?> OutcomeAsync(ConferenceMeeting meeting, CancellationToken cancellationToken)
    {
        if (meeting.HeldOn is not { } held)
        {
            return null;
        }

        if (meeting.ConferenceId is { } conferenceId)
        {
            var conference = await db.Conferences.AsNoTracking().SingleAsync(c => c.Id == conferenceId, cancellationToken);
            var plan = await db.ChildProtectionPlans.AsNoTracking().Where(p => p.ConferenceId == conferenceId).Select(p => p.InitialCategory).FirstOrDefaultAsync(cancellationToken);
            return (plan is null ? "No child protection plan. " : $"Child protection plan, category {ChildProtectionConference.Categories[plan]}. ") + conference.Reasons;
        }

        var planned = meeting.PlanId is { } planId ? await db.ChildProtectionPlans.AsNoTracking().SingleAsync(p => p.Id == planId, cancellationToken) : null;
        var review = planned?.Reviews.FirstOrDefault(r => r.HeldOn == held);
        return review is null ? null
            : (review.PlanContinues ? "The plan continues" : "The plan ends") + $" ({ChildProtectionConference.Categories[review.Category]}). {review.Reasons}";
    }

    private async Task<List<Invitation>> InvitationsAsync(IReadOnlyList<InvitationInput>? inputs, CancellationToken cancellationToken)
    {
        var rows = (inputs ?? []).Where(i => i.PractitionerId is not null || !string.IsNullOrWhiteSpace(i.Name) || !string.IsNullOrWhiteSpace(i.Agency)).ToList();
        var ids = rows.Where(r => r.PractitionerId is not null).Select(r => r.PractitionerId!.Value).ToList();
        var people = await EpisodeQueries.PeopleAsync(db, ids, cancellationToken);
        var invitations = new List<Invitation>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            PersonView? person = null;
            Requirement.Require(row.PractitionerId is null || people.TryGetValue(row.PractitionerId.Value, out person), "SG-CM-08",
                $"Invitee {i + 1}: choose a practitioner of this area.", $"Invitations[{i}].PractitionerId");
            invitations.Add(new Invitation(Guid.NewGuid(), string.IsNullOrWhiteSpace(row.Name) ? person?.Name ?? string.Empty : row.Name,
                string.IsNullOrWhiteSpace(row.Agency) ? person?.Agency ?? string.Empty : row.Agency, row.PractitionerId, default));
        }

        return invitations;
    }

    /// <summary>An invitation tells its recipient of the conference about the child: recorded as information shared (chapter 1).</summary>
    private async Task ShareInvitationsAsync(Practitioner me, ConferenceMeeting meeting, IEnumerable<Invitation> invitations, DateOnly today, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var mine = await db.Agencies.SingleAsync(a => a.Id == me.AgencyId, cancellationToken);
        foreach (var invitation in invitations)
        {
            db.RecordSharing(InformationSharingRecord.Record(Guid.CreateVersion7(now), meeting.AreaId, meeting.ChildId, today, today, now, me.Id,
                $"Invitation to the {TitleOf(meeting.Kind, meeting.PreBirth).ToLowerInvariant()} on {meeting.ScheduledFor:d MMMM yyyy}: its purpose, the child and the concerns.",
                mine.Name, mine.Id, $"{invitation.Name} ({invitation.Agency})", null, LawfulBasis.SafeguardingChildAtRisk, consentSought: false, consentGiven: null,
                whyNoConsent: InvitationWithoutConsent, nameof(ConferenceMeeting), meeting.Id), meeting.EpisodeId, noteOnChronology: false);
        }
    }

    private async Task<(ConferenceMeeting Meeting, Domain.FamilyHelp.Episode Episode)> WorkOnAsync(ClaimsPrincipal user, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.ConferenceMeetings.FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken) ?? throw new RecordNotFoundException();
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == meeting.EpisodeId, cancellationToken);
        await episodes.RequireChildrensSocialCareAsync(user, episode, cancellationToken);
        return (meeting, episode);
    }


    public static void Map(IEndpointRouteBuilder api)
    {
        var tags = "Child protection conferences";
        api.MapPost("/episodes/{id:guid}/conference-meetings", async (Guid id, ConveneInput input, ClaimsPrincipal user, ConferenceMeetings meetings,
            CancellationToken ct) =>
        {
            var meeting = await meetings.ConveneAsync(user, id, input, ct);
            return TypedResults.Created($"/api/v1/conference-meetings/{meeting.Id}", (await meetings.ViewAsync(user, meeting.Id, ct))!.Value.View);
        }).RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("ArrangeConference");

        api.MapGet("/conference-meetings/{id:guid}", (Guid id, ClaimsPrincipal user, ConferenceMeetings meetings, RecordReads reads, CancellationToken ct) =>
            reads.ReadFoundAsync<MeetingView>(nameof(ConferenceMeeting), id,
                async () => await meetings.ViewAsync(user, id, ct) is { } seen ? (seen.View, seen.View.ChildId, seen.Basis) : null, ct))
            .RequireAuthorization().WithTags(tags).WithName("GetConference");

        api.MapPost("/conference-meetings/{id:guid}/invitations", async (Guid id, InviteInput input, ClaimsPrincipal user, ConferenceMeetings meetings,
            CancellationToken ct) =>
        {
            await meetings.InviteAsync(user, id, input, ct);
            return TypedResults.Ok((await meetings.ViewAsync(user, id, ct))!.Value.View);
        }).RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("InviteToConference");

        api.MapPost("/conference-meetings/{id:guid}/reports", async (Guid id, ReportInput input, ClaimsPrincipal user, ConferenceMeetings meetings,
            CancellationToken ct) =>
        {
            await meetings.SubmitReportAsync(user, id, input, ct);
            return TypedResults.Ok((await meetings.ViewAsync(user, id, ct))!.Value.View);
        }).RequireAuthorization().WithTags(tags).WithName("SendConferenceReport");

        api.MapPut("/conference-meetings/{id:guid}/preparation", async (Guid id, PreparationInput input, ClaimsPrincipal user, ConferenceMeetings meetings,
            CancellationToken ct) =>
        {
            await meetings.RecordPreparationAsync(user, id, input, ct);
            return TypedResults.Ok((await meetings.ViewAsync(user, id, ct))!.Value.View);
        }).RequireAuthorization(Policies.ChildrenSocialCare).WithTags(tags).WithName("RecordConferencePreparation");

        api.MapGet("/me/conference-invitations", async (ClaimsPrincipal user, ConferenceMeetings meetings, AuditLog audit, CancellationToken ct) =>
        {
            var mine = await meetings.MineAsync(user, ct);
            await audit.ListedAsync("Conference invitations", mine.Select(m => m.ChildId), "Invited to the child protection conference", ct);
            return TypedResults.Ok(mine);
        }).RequireAuthorization().WithTags(tags).WithName("MyConferenceInvitations");
    }
}
