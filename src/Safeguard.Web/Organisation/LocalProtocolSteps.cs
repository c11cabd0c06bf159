using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Domain;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Organisation;

/// <summary>The area's local protocol for assessment and support as its settings say it (MASA-18, RC-02).</summary>
public sealed record LocalProtocolView(Section17Leads Section17Leads, string? Version, DateTimeOffset? ChangedAt, string? ChangedBy);

public sealed record LocalProtocolInput(Section17Leads? Section17Leads, string? Version);

/// <summary>
/// Reads and changes the area's local protocol settings: a social work qualified manager of children's social care or an
/// administrator of the area. A change is written to the audit trail with what it was and what it became.
/// </summary>
public sealed class LocalProtocolSteps(SafeguardDbContext db, AuditLog audit, TimeProvider time)
{
    public const string RecordType = nameof(LocalAuthorityArea);

    public static readonly IReadOnlyDictionary<Section17Leads, string> Describe = new Dictionary<Section17Leads, string>
    {
        [Section17Leads.SocialWorkers] = "A registered social worker only",
        [Section17Leads.ChildrensServicesPractitioners] = "A registered social worker, or a practitioner of the local authority's children's services (a Family Hub practitioner)",
        [Section17Leads.AnyPractitioner] = "Any practitioner, a partner agency's too (the Family Help practitioner continuing with the family)",
    };

    public async Task<LocalProtocolView> ReadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var area = await db.Areas.AsNoTracking().SingleAsync(a => a.Id == user.AreaId(), cancellationToken);
        var changedBy = area.LocalProtocolChangedBy is { } by
            ? await db.Practitioners.Where(p => p.Id == by).Select(p => p.GivenName + " " + p.FamilyName).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new LocalProtocolView(area.Section17Leads, area.LocalProtocolVersion, area.LocalProtocolChangedAt, changedBy);
    }

    public async Task<LocalProtocolView> ChangeAsync(ClaimsPrincipal user, LocalProtocolInput input, CancellationToken cancellationToken)
    {
        var area = await db.Areas.SingleAsync(a => a.Id == user.AreaId(), cancellationToken);
        var me = await db.Practitioners.SingleAsync(p => p.Id == user.PractitionerId(), cancellationToken);
        Requirement.Require(input.Section17Leads is not null, "RC-02", "Select who may lead an assessment under section 17.", nameof(input.Section17Leads));
        var before = $"section 17 leads: {area.Section17Leads}; protocol: {area.LocalProtocolVersion ?? "none"}";
        var now = time.GetUtcNow();
        area.SetLocalProtocol(me, user.Has(PractitionerRole.Administrator), input.Section17Leads!.Value, input.Version, now);
        audit.Changed(RecordType, area.Id, "The area's local protocol",
            $"Local protocol changed from ({before}) to (section 17 leads: {area.Section17Leads}; protocol: {area.LocalProtocolVersion})");
        await db.SaveChangesAsync(cancellationToken);
        return await ReadAsync(user, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/area/local-protocol").WithTags("Local protocol").RequireAuthorization(Policies.LocalProtocol);
        group.MapGet("/", async (ClaimsPrincipal user, LocalProtocolSteps steps, CancellationToken cancellationToken) =>
            TypedResults.Ok(await steps.ReadAsync(user, cancellationToken)));
        group.MapPut("/", async Task<Ok<LocalProtocolView>> (LocalProtocolInput input, ClaimsPrincipal user, LocalProtocolSteps steps,
            CancellationToken cancellationToken) => TypedResults.Ok(await steps.ChangeAsync(user, input, cancellationToken)));
    }
}
