using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Data.Idempotency;
using Safeguard.Web.Account;

namespace Safeguard.Web.Security;

/// <summary>
/// Every POST to the API may carry an <c>Idempotency-Key</c>, and every one honours it the same way, so a retried create
/// never makes a second record. The key belongs to its caller: it is stored as (caller, key), so another caller sending
/// the same key has simply sent a different key and is never given the first caller's answer. The first request's
/// method, path and body are remembered as a hash: the same key with a different request is a 422 problem; the same
/// request while the first is still being handled is a 409 problem; after it succeeded, the same request gets the first
/// answer again (with <c>Idempotent-Replayed: true</c>), after the endpoint's own authorisation has run again, and the
/// replay is written to the audit trail as a read of the record it made. A request that fails frees its key for a retry.
/// </summary>
public sealed class IdempotencyFilter(IServiceScopeFactory scopes, TimeProvider time, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The key was first used for a different request.</summary>
    public const string ReusedKeyRule = "SG-API-01";

    /// <summary>The first request with the key has not finished yet.</summary>
    public const string InFlightRule = "SG-API-02";

    public const string ReplayBasis = "The caller's own request, sent again with the same Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(Header, out var values))
        {
            return await next(context);
        }

        var key = values.Count == 1 ? values[0]?.Trim() ?? string.Empty : string.Empty;
        if (key.Length is 0 or > IdempotentRequest.MaxKeyLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [Header] = [$"Send one {Header} of 1 to {IdempotentRequest.MaxKeyLength} characters."] },
                detail: $"Send one {Header} of 1 to {IdempotentRequest.MaxKeyLength} characters. Nothing was saved.",
                title: "The Idempotency-Key header could not be used.");
        }

        if (CallerOf(http.User) is not { } caller || http.User.AreaId() is not { } areaId)
        {
            return await next(context);
        }

        var hash = await HashAsync(http.Request);
        var (row, earlier) = await ClaimAsync(areaId, caller, key, hash, http.RequestAborted);
        if (earlier is not null)
        {
            return await AnswerAgainAsync(http, earlier, hash);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await ForgetAsync(row!.Id);
            throw;
        }

        var (status, location, value) = Unwrap(result);
        if (status is < 200 or >= 300)
        {
            await ForgetAsync(row!.Id);
            return result;
        }

        var body = value is null ? null : JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions);
        var (recordType, recordId, childId) = RecordMade(http, location);
        await CompleteAsync(row!.Id, status, location, body, recordType, recordId, childId);
        return result;
    }

    /// <summary>The caller a key belongs to: the signed-in account (a machine client will be a caller of its own kind).</summary>
    public static string? CallerOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? $"account:{id}" : null;

    /// <summary>SHA-256 of the method, the path and the body as sent (the request body is kept readable for this).</summary>
    public static async Task<string> HashAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            await request.Body.CopyToAsync(body);
            request.Body.Position = 0;
        }

        return Hash(request.Method, request.Path.Value ?? string.Empty, body.ToArray());
    }

    /// <summary>What a key remembers of its request: SHA-256 (hex) of the method, the path (case and a final slash aside) and the body.</summary>
    public static string Hash(string method, string path, byte[] body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()} {path.TrimEnd('/').ToLowerInvariant()}\n"));
        sha.AppendData(body);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Keeps the body readable again for the hash; called before the endpoint reads it.</summary>
    public static void KeepBodyReadable(HttpContext http)
    {
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.Headers.ContainsKey(Header) && http.Request.Path.StartsWithSegments("/api"))
        {
            http.Request.EnableBuffering();
        }
    }

    /// <summary>
    /// Claims the key for this request in a save of its own (so a second request with it sees it at once), or finds the
    /// caller's earlier request with the key.
    /// </summary>
    private async Task<(IdempotentRequest? Claimed, IdempotentRequest? Earlier)> ClaimAsync(Guid areaId, string caller, string key, string hash,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var earlier = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, cancellationToken);
        if (earlier is not null)
        {
            return (null, earlier);
        }

        var row = new IdempotentRequest(Guid.CreateVersion7(time.GetUtcNow()), areaId, caller, key, hash, time.GetUtcNow());
        db.IdempotentRequests.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (row, null);
        }
        catch (DbUpdateException)
        {
            // The same caller's same key arrived a moment ago on another request.
            db.ChangeTracker.Clear();
            return (null, await db.IdempotentRequests.AsNoTracking().SingleAsync(r => r.Caller == caller && r.Key == key, cancellationToken));
        }
    }

    private static async Task<IResult> AnswerAgainAsync(HttpContext http, IdempotentRequest earlier, string hash)
    {
        if (!earlier.IsFor(hash))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "This Idempotency-Key was used for a different request.",
                detail: "You sent this Idempotency-Key before with a different method, address or body. Use a new key for a new request. Nothing was saved.",
                extensions: new Dictionary<string, object?> { ["ruleId"] = ReusedKeyRule });
        }

        if (earlier.State == IdempotentRequestState.InFlight)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The first request with this Idempotency-Key is still being handled.",
                detail: "Wait a moment and send it again: you will then be given its answer. Nothing was saved.",
                extensions: new Dictionary<string, object?> { ["ruleId"] = InFlightRule });
        }

        // The endpoint's authorisation has run again for this request; the replay shows the record again, so it is audited.
        if (earlier.RecordType is { } recordType && earlier.RecordId is { } recordId)
        {
            await http.RequestServices.GetRequiredService<AuditLog>().ReadAsync(recordType, recordId, earlier.ChildId, ReplayBasis, http.RequestAborted);
        }

        return new Replay(earlier.StatusCode ?? StatusCodes.Status200OK, earlier.Location, earlier.ResponseBody);
    }

    private async Task CompleteAsync(Guid id, int status, string? location, string? body, string? recordType, Guid? recordId, Guid? childId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var row = await db.IdempotentRequests.SingleAsync(r => r.Id == id);
        row.Complete(time.GetUtcNow(), status, location, body, recordType, recordId, childId);
        await db.SaveChangesAsync();
    }

    /// <summary>A request that failed or was refused leaves nothing behind, so the caller can send it again with the same key.</summary>
    private async Task ForgetAsync(Guid id)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        await db.IdempotentRequests.Where(r => r.Id == id).ExecuteDeleteAsync();
    }

    /// <summary>The status, Location and value of an endpoint's result, looking inside <c>Results&lt;…&gt;</c>.</summary>
    private static (int Status, string? Location, object? Value) Unwrap(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : result is null or not IResult ? StatusCodes.Status200OK : 0;
        var location = result?.GetType().GetProperty("Location")?.GetValue(result) as string;
        var value = result is IValueHttpResult valued ? valued.Value : result is IResult ? null : result;
        return (status, location, value);
    }

    /// <summary>
    /// The record the request made, from the audit rows its save wrote: the one its Location names, or else the first
    /// record made about a child.
    /// </summary>
    private static (string? Type, Guid? Id, Guid? ChildId) RecordMade(HttpContext http, string? location)
    {
        var db = http.RequestServices.GetRequiredService<SafeguardDbContext>();
        var made = db.ChangeTracker.Entries<AuditEntry>().Select(e => e.Entity)
            .Where(a => a.Action is AuditAction.Created or AuditAction.Changed && a.RecordId is not null).ToList();
        var named = location?.Split('/').Select(part => Guid.TryParse(part, out var id) ? id : (Guid?)null).LastOrDefault(id => id is not null);
        var entry = made.FirstOrDefault(a => a.RecordId == named) ?? made.FirstOrDefault(a => a.ChildId is not null) ?? made.FirstOrDefault();
        return (entry?.RecordType, entry?.RecordId, entry?.ChildId);
    }

    /// <summary>The first answer, given again.</summary>
    private sealed class Replay(int status, string? location, string? body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers[ReplayedHeader] = "true";
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }

            if (body is not null)
            {
                httpContext.Response.ContentType = "application/json; charset=utf-8";
                await httpContext.Response.WriteAsync(body, httpContext.RequestAborted);
            }
        }
    }
}
