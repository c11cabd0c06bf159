using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.InformationSharing;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.InformationSharing;

/// <summary>Information shared about a child, recorded by hand: with an agency of the area or a named person (or both).</summary>
public sealed class InformationSharingInput
{
    [MaxLength(InformationSharingRecord.MaxTextLength, ErrorMessage = "What was shared must be 10,000 characters or fewer")]
    public string? WhatWasShared { get; set; }

    /// <summary>An agency of the area it was shared with.</summary>
    public Guid? SharedWithAgencyId { get; set; }

    /// <summary>A named person it was shared with (and their role), or an agency outside the area.</summary>
    [MaxLength(200, ErrorMessage = "The name must be 200 characters or fewer")]
    public string? SharedWithPerson { get; set; }

    public LawfulBasis? Basis { get; set; }

    /// <summary>The day it was shared; today when not given.</summary>
    public DateOnly? SharedOn { get; set; }

    public bool? ConsentSought { get; set; }

    public bool? ConsentGiven { get; set; }

    [MaxLength(InformationSharingRecord.MaxTextLength, ErrorMessage = "The reason must be 10,000 characters or fewer")]
    public string? WhyNoConsent { get; set; }
}

public sealed record InformationSharingView(Guid Id, Guid ChildId, DateOnly SharedOn, DateTimeOffset RecordedAt, string WhatWasShared, string SharedBy,
    string SharedWith, LawfulBasis Basis, string BasisDescription, bool ConsentSought, bool? ConsentGiven, string? WhyNoConsent, string? RecordedBy,
    string? SourceType, Guid? SourceId)
{
    public static IQueryable<InformationSharingView> For(SafeguardDbContext db, Guid childId) =>
        from s in db.InformationSharing.AsNoTracking()
        where s.ChildId == childId
        join p in db.Practitioners on s.RecordedBy equals p.Id into people
        from p in people.DefaultIfEmpty()
        orderby s.SharedOn descending, s.RecordedAt descending
        select new InformationSharingView(s.Id, s.ChildId, s.SharedOn, s.RecordedAt, s.WhatWasShared, s.SharedBy, s.SharedWith, s.Basis,
            string.Empty, s.ConsentSought, s.ConsentGiven, s.WhyNoConsent, p == null ? null : p.GivenName + " " + p.FamilyName, s.SourceType, s.SourceId);

    /// <summary>What was shared about the child, newest first.</summary>
    public static async Task<List<InformationSharingView>> ForChildAsync(SafeguardDbContext db, Guid childId, CancellationToken cancellationToken) =>
        [.. (await For(db, childId).Take(500).ToListAsync(cancellationToken)).Select(v => v with { BasisDescription = InformationSharingRecord.Describe(v.Basis) })];
}

/// <summary>
/// Records information shared about a child by children's social care: pages and the API both come here. While the child
/// has an open case, recording it is work on the case (it goes on the case's chronology): it needs a part in the case.
/// </summary>
public sealed class RecordInformationShared(SafeguardDbContext db, Access.EpisodeAccess access, TimeProvider time)
{
    public async Task<InformationSharingRecord> HandleAsync(ClaimsPrincipal user, Guid childId, InformationSharingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var child = await db.Children.Where(c => c.Id == childId).Select(c => new { c.Id, c.AreaId, c.MergedIntoId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException();
        var me = await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        var mine = await db.Agencies.SingleAsync(a => a.Id == me.AgencyId, cancellationToken);
        Agency? with = null;
        if (input.SharedWithAgencyId is { } agencyId)
        {
            with = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, cancellationToken)
                ?? throw new Domain.RuleViolationException("SG-INF-02", "Select an agency of your area, or name the person.", "SharedWithAgencyId");
        }

        var person = string.IsNullOrWhiteSpace(input.SharedWithPerson) ? null : input.SharedWithPerson.Trim();
        var sharedWith = (with?.Name, person) switch
        {
            ({ } agency, { } named) => $"{named} ({agency})",
            ({ } agency, null) => agency,
            (null, { } named) => named,
            _ => string.Empty,
        };
        var now = time.GetUtcNow();
        var today = EnglandClock.ToEnglandDate(now);
        var episode = await db.Episodes.AsNoTracking().Where(e => e.ChildId == child.Id && e.ClosedOn == null).FirstOrDefaultAsync(cancellationToken);
        if (episode is not null)
        {
            await access.RequireWriteAsync(user, episode, cancellationToken);
        }

        var episodeId = episode?.Id;
        var record = InformationSharingRecord.Record(Guid.CreateVersion7(now), child.AreaId, child.MergedIntoId ?? child.Id, input.SharedOn ?? today, today, now,
            me.Id, input.WhatWasShared ?? string.Empty, mine.Name, mine.Id, sharedWith, with?.Id, input.Basis, input.ConsentSought, input.ConsentGiven,
            input.WhyNoConsent);
        db.RecordSharing(record, episodeId, noteOnChronology: true);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }
}

/// <summary>/api/v1/children/{id}/information-sharing: what was shared about the child, with whom, why, and consent.</summary>
public static class InformationSharingApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var sharing = api.MapGroup("/children/{id:guid}/information-sharing").WithTags("Children").RequireAuthorization(Policies.ChildrenSocialCare);

        sharing.MapGet("/", (Guid id, SafeguardDbContext db, RecordReads reads, CancellationToken cancellationToken) =>
            reads.ReadFoundAsync(AuditInterceptor.InformationSharingRecordType, id,
                async () => await db.Children.AnyAsync(c => c.Id == id, cancellationToken)
                    ? (await InformationSharingView.ForChildAsync(db, id, cancellationToken), id, Policies.ChildrenSocialCareBasis)
                    : ((List<InformationSharingView>, Guid, string)?)null, cancellationToken)).WithName("GetInformationShared").WithDescription("What was shared about the child, with whom, when, on what lawful basis, and consent.");

        sharing.MapPost("/", async Task<Created<InformationSharingView>> (Guid id, InformationSharingInput input, ClaimsPrincipal user,
            RecordInformationShared record, SafeguardDbContext db, CancellationToken cancellationToken) =>
        {
            var saved = await record.HandleAsync(user, id, input, cancellationToken);
            var view = (await InformationSharingView.ForChildAsync(db, saved.ChildId, cancellationToken)).Single(v => v.Id == saved.Id);
            return TypedResults.Created($"/api/v1/children/{saved.ChildId}/information-sharing", view);
        }).WithName("RecordInformationShared").WithDescription(
            "Record information shared about the child: what, with whom (an agency of the area or a named person), the lawful basis, and whether " +
            "consent was sought (and why not).");
    }
}
