using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Access;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Children;
using Safeguard.Domain.Chronology;
using Safeguard.Web.Authorization;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.Children;

/// <summary>One person's communication needs as shown to whoever plans a visit or a meeting: the child, or an adult and how they are related.</summary>
public sealed record PersonCommunication(Guid? FamilyMemberId, string Name, string Who, string? FirstLanguage, bool? InterpreterNeeded,
    string? CommunicationMethod, string Summary);

public sealed record CommunicationNeedsInput(string? FirstLanguage, bool? InterpreterNeeded, string? CommunicationMethod);

/// <summary>
/// Records the communication needs of the child and each adult in their family network (first language, interpreter, how they
/// communicate: ¶14, ¶19, GEN-04), by those with a part in the child's case, noted on the child's chronology; and lists them
/// wherever someone plans a visit or a meeting.
/// </summary>
public sealed class CommunicationNeedsSteps(SafeguardDbContext db, Access.EpisodeAccess access, TimeProvider time)
{
    /// <summary>The child first, then each adult related to them.</summary>
    public static async Task<IReadOnlyList<PersonCommunication>> ForChildAsync(SafeguardDbContext db, Guid childId, CancellationToken cancellationToken)
    {
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId)
            .Select(c => new { c.GivenName, c.FamilyName, c.FirstLanguage, c.InterpreterNeeded, c.CommunicationMethod }).SingleOrDefaultAsync(cancellationToken);
        if (child is null)
        {
            return [];
        }

        var adults = await (from r in db.Relationships.AsNoTracking()
                            where r.ChildId == childId
                            join f in db.FamilyMembers on r.FamilyMemberId equals f.Id
                            orderby f.FamilyName, f.GivenName
                            select new { f.Id, f.GivenName, f.FamilyName, r.Kind, f.FirstLanguage, f.InterpreterNeeded, f.CommunicationMethod })
            .ToListAsync(cancellationToken);
        return
        [
            Person(null, $"{child.GivenName} {child.FamilyName}", "The child", new CommunicationNeeds(child.FirstLanguage, child.InterpreterNeeded, child.CommunicationMethod)),
            .. adults.Select(a => Person(a.Id, $"{a.GivenName} {a.FamilyName}", a.Kind.Describe(),
                new CommunicationNeeds(a.FirstLanguage, a.InterpreterNeeded, a.CommunicationMethod))),
        ];
    }

    private static PersonCommunication Person(Guid? id, string name, string who, CommunicationNeeds needs) =>
        new(id, name, who, needs.FirstLanguage, needs.InterpreterNeeded, needs.CommunicationMethod, needs.IsRecorded ? needs.Describe() : "Not recorded yet");

    /// <summary>Records the child's needs, or (with <paramref name="familyMemberId"/>) those of an adult related to the child.</summary>
    public async Task RecordAsync(ClaimsPrincipal user, Guid childId, Guid? familyMemberId, CommunicationNeedsInput input, CancellationToken cancellationToken)
    {
        var child = await db.Children.FirstOrDefaultAsync(c => c.Id == childId, cancellationToken) ?? throw new RecordNotFoundException();
        // Those with a part in the child's case record them, as they take its other steps.
        var episode = await db.Episodes.Where(e => e.ChildId == childId).OrderByDescending(e => e.OpenedOn).FirstOrDefaultAsync(cancellationToken)
            ?? throw new AccessRefusedException();
        await access.RequireWriteAsync(user, episode, cancellationToken);
        var needs = new CommunicationNeeds(input.FirstLanguage, input.InterpreterNeeded, input.CommunicationMethod);
        var now = time.GetUtcNow();
        string summary;
        if (familyMemberId is { } memberId)
        {
            var related = await db.Relationships.AnyAsync(r => r.ChildId == childId && r.FamilyMemberId == memberId, cancellationToken);
            var adult = related ? await db.FamilyMembers.FirstOrDefaultAsync(f => f.Id == memberId, cancellationToken) : null;
            if (adult is null)
            {
                throw new RecordNotFoundException();
            }

            adult.RecordCommunicationNeeds(needs);
            summary = $"Communication needs of {adult.FullName} recorded: {adult.CommunicationNeeds.Describe()}.";
        }
        else
        {
            child.RecordCommunicationNeeds(needs);
            summary = $"The child's communication needs recorded: {child.CommunicationNeeds.Describe()}.";
        }

        db.Note(child.AreaId, child.Id, null, EnglandClock.ToEnglandDate(now), now, ChronologyKind.Needs, summary, nameof(Child), child.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/children/{id:guid}/communication-needs").WithTags("Children").RequireAuthorization(Policies.ChildrenSocialCare);
        group.MapGet("/", (Guid id, SafeguardDbContext db, RecordReads reads, CancellationToken cancellationToken) =>
            reads.ReadFoundAsync(nameof(Child), id,
                async () => await ForChildAsync(db, id, cancellationToken) is { Count: > 0 } people
                    ? (people, id, Policies.ChildrenSocialCareBasis)
                    : ((IReadOnlyList<PersonCommunication>, Guid, string)?)null, cancellationToken));
        group.MapPut("/", async Task<NoContent> (Guid id, CommunicationNeedsInput input, ClaimsPrincipal user, CommunicationNeedsSteps steps,
            CancellationToken cancellationToken) =>
        {
            await steps.RecordAsync(user, id, null, input, cancellationToken);
            return TypedResults.NoContent();
        });
        group.MapPut("/adults/{memberId:guid}", async Task<NoContent> (Guid id, Guid memberId, CommunicationNeedsInput input, ClaimsPrincipal user,
            CommunicationNeedsSteps steps, CancellationToken cancellationToken) =>
        {
            await steps.RecordAsync(user, id, memberId, input, cancellationToken);
            return TypedResults.NoContent();
        });
    }
}

/// <summary>
/// The communication needs of the child and each adult, shown wherever someone plans a visit or a meeting (a visit, a strategy
/// discussion, a conference), so that an interpreter or another way of communicating is arranged beforehand (¶14, ¶19).
/// </summary>
public sealed class CommunicationNeedsViewComponent(SafeguardDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid childId) => View(await CommunicationNeedsSteps.ForChildAsync(db, childId, HttpContext.RequestAborted));
}
