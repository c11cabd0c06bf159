using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain;
using Safeguard.Domain.Access;
using Safeguard.Domain.Calendar;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.FamilyHelp;

namespace Safeguard.Web.Access;

public sealed record AccessRequestInput(string? Reason, int? Days);

public sealed record AccessDecisionInput(bool? Grant, int? Days, string? Reasons);

public sealed record AccessRequestView(Guid Id, Guid ChildId, string Reason, int DaysRequested, DateTimeOffset RequestedAt, string Status,
    DateTimeOffset? DecidedAt, string? DecisionReasons, DateTimeOffset? Until)
{
    public static AccessRequestView Of(AccessRequest r) => new(r.Id, r.ChildId, r.Reason, r.DaysRequested, r.RequestedAt, r.Status.ToString(),
        r.DecidedAt, r.DecisionReasons, r.Until);
}

/// <summary>A request for access as the deciding manager sees it in their list.</summary>
public sealed record AccessRequestToDecide(AccessRequest Request, string ChildName, string Requester, string Agency);

/// <summary>
/// Asking for access to a child's record without a relationship, when it is not an emergency: the request goes to the
/// manager of the child's case (the manager who allocated its lead practitioner; any social work qualified manager of
/// the area when there is none), who grants it for a time or refuses it. Granted access is a relationship that
/// <see cref="ChildAccess"/> honours until it ends, with who granted it and why written on every audit row.
/// </summary>
public sealed class AccessRequestSteps(SafeguardDbContext db, ChildAccess access, CaseManagerAccess deciders, TimeProvider time)
{
    public const string GrantedBasisPrefix = "Access granted by ";

    /// <summary>The basis of an access request granted to the practitioner for the child and not yet ended, or null.</summary>
    public static async Task<string?> GrantedBasisAsync(SafeguardDbContext db, Guid practitionerId, Guid childId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var granted = await (from r in db.AccessRequests
                             where r.ChildId == childId && r.RequestedBy == practitionerId && r.Until != null && r.Until > now
                             join p in db.Practitioners on r.DecidedBy equals p.Id
                             orderby r.Until descending
                             select new { r.Reason, r.Until, Manager = p.GivenName + " " + p.FamilyName }).FirstOrDefaultAsync(cancellationToken);
        return granted is null ? null
            : string.Create(CultureInfo.InvariantCulture, $"{GrantedBasisPrefix}{granted.Manager} until {Describe(granted.Until!.Value)}: {granted.Reason}");
    }

    /// <summary>When access ends, as people read it: "9 December 2026 at 10:00".</summary>
    public static string Describe(DateTimeOffset until) =>
        EnglandClock.InEngland(until).ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);

    public async Task<AccessRequest> AskAsync(ClaimsPrincipal user, Guid childId, string? reason, int? days, CancellationToken cancellationToken)
    {
        var child = await db.Children.FirstOrDefaultAsync(c => c.Id == childId, cancellationToken) ?? throw new RecordNotFoundException();
        var me = await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        Requirement.Require(await access.BasisAsync(user, childId, cancellationToken) is null, "SG-AC-09",
            "You can already see this child's record: there is no need to ask.");
        Requirement.Require(!await db.AccessRequests.AnyAsync(r => r.ChildId == childId && r.RequestedBy == me.Id && r.DecidedAt == null, cancellationToken),
            "SG-AC-09", "You have already asked for access to this record: wait for the manager's decision.");
        var now = time.GetUtcNow();
        var request = AccessRequest.Ask(Guid.CreateVersion7(now), child, me, reason ?? string.Empty, days ?? AccessRequest.DefaultDays, now,
            await BreakGlassSteps.CaseManagerAsync(db, childId, cancellationToken));
        db.AccessRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    public async Task<AccessRequest> DecideAsync(ClaimsPrincipal user, Guid requestId, bool? grant, int? days, string? reasons,
        CancellationToken cancellationToken)
    {
        var request = await db.AccessRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken) ?? throw new RecordNotFoundException();
        if (!await deciders.DecidesAsync(user, request.ChildId, request.DecideBy, cancellationToken))
        {
            throw new AccessRefusedException();
        }

        var manager = await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        Requirement.Require(grant is not null, "SG-AC-08", "Say whether you grant or refuse access.", "Grant");
        if (grant == true)
        {
            request.Grant(manager, days ?? request.DaysRequested, reasons ?? string.Empty, time.GetUtcNow());
        }
        else
        {
            request.Refuse(manager, reasons ?? string.Empty, time.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    /// <summary>
    /// Requests waiting for this manager: those about children of their cases or their team's, and those about children with
    /// no case manager.
    /// </summary>
    public async Task<List<AccessRequestToDecide>> ToDecideAsync(Guid managerId, CancellationToken cancellationToken)
    {
        var team = await deciders.TeamManagersAsync(managerId, cancellationToken);
        var rows = await (from r in db.AccessRequests.AsNoTracking()
                          where r.DecidedAt == null && (r.DecideBy == null || team.Contains(r.DecideBy.Value)) && r.RequestedBy != managerId
                          join c in db.Children on r.ChildId equals c.Id
                          join p in db.Practitioners on r.RequestedBy equals p.Id
                          join a in db.Agencies on r.AgencyId equals a.Id
                          orderby r.RequestedAt
                          select new { r, Child = c.GivenName + " " + c.FamilyName, Who = p.GivenName + " " + p.FamilyName, Agency = a.Name })
            .Take(100).ToListAsync(cancellationToken);
        return [.. rows.Select(x => new AccessRequestToDecide(x.r, x.Child, x.Who, x.Agency))];
    }

    /// <summary>The practitioner's own requests, newest first: waiting, granted (and until when) or refused, with the manager's reasons.</summary>
    public async Task<List<(AccessRequest Request, string ChildName)>> MineAsync(Guid practitionerId, CancellationToken cancellationToken)
    {
        var rows = await (from r in db.AccessRequests.AsNoTracking()
                          where r.RequestedBy == practitionerId
                          join c in db.Children on r.ChildId equals c.Id
                          orderby r.RequestedAt descending
                          select new { r, Child = c.GivenName + " " + c.FamilyName }).Take(20).ToListAsync(cancellationToken);
        return [.. rows.Select(x => (x.r, x.Child))];
    }

    /// <summary>The practitioner's latest request about each of these children (for the "record exists" result).</summary>
    public async Task<Dictionary<Guid, AccessRequest>> LatestForAsync(Guid practitionerId, IReadOnlyCollection<Guid> childIds, CancellationToken cancellationToken)
    {
        var rows = await db.AccessRequests.AsNoTracking().Where(r => r.RequestedBy == practitionerId && childIds.Contains(r.ChildId)).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ChildId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.RequestedAt)!);
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/children/{id:guid}/access-requests", async (Guid id, AccessRequestInput input, ClaimsPrincipal user, AccessRequestSteps steps,
            CancellationToken cancellationToken) =>
        {
            var request = await steps.AskAsync(user, id, input.Reason, input.Days, cancellationToken);
            return TypedResults.Created($"/api/v1/access-requests/{request.Id}", AccessRequestView.Of(request));
        }).RequireAuthorization(Policies.WorksWithChildren).WithTags("Access").WithName("RequestAccess")
            .WithDescription("Asks the manager of the child's case for access to the child's record, saying what it is needed for and for how many days (1 to 30).");

        api.MapGet("/access-requests", async Task<Ok<List<AccessRequestView>>> (ClaimsPrincipal user, AccessRequestSteps steps, AuditLog audit,
            CancellationToken cancellationToken) =>
        {
            var waiting = await steps.ToDecideAsync(user.PractitionerId()!.Value, cancellationToken);
            await audit.ListedAsync("Requests for access to decide", waiting.Select(w => w.Request.ChildId), DeciderBasis, cancellationToken);
            return TypedResults.Ok(waiting.Select(w => AccessRequestView.Of(w.Request)).ToList());
        }).RequireAuthorization(Policies.FrontDoorDecision).WithTags("Access").WithName("AccessRequestsToDecide")
            .WithDescription("Requests for access waiting for this manager's decision.");

        api.MapPost("/access-requests/{id:guid}/decision", async (Guid id, AccessDecisionInput input, ClaimsPrincipal user, AccessRequestSteps steps,
            CancellationToken cancellationToken) =>
        {
            var request = await steps.DecideAsync(user, id, input.Grant, input.Days, input.Reasons, cancellationToken);
            return TypedResults.Ok(AccessRequestView.Of(request));
        }).RequireAuthorization(Policies.FrontDoorDecision).WithTags("Access").WithName("DecideAccessRequest")
            .WithDescription("Grants (for as many days as asked, or fewer) or refuses a request for access, with reasons.");
    }

    /// <summary>The basis on the audit row when a manager reads requests for access to decide them.</summary>
    public const string DeciderBasis = "Manager deciding a request for access to the child's record";
}
