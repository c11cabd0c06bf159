namespace Safeguard.Data.Idempotency;

/// <summary>Where a request sent with an Idempotency-Key has got to.</summary>
public enum IdempotentRequestState
{
    /// <summary>The first request with the key is being handled: a second one with it now is told so (409).</summary>
    InFlight,

    /// <summary>The first request succeeded: a retry with the same key and the same request gets the same answer again.</summary>
    Completed,
}

/// <summary>
/// A request sent to the API with an <c>Idempotency-Key</c>. A key belongs to its caller: it is unique for the caller (an
/// account today, a machine client later) and means nothing to anyone else, so another caller's same key is simply a
/// different key. It remembers a hash of the request (method, path and body), never the body itself: the same key with
/// another request is refused. Once the request succeeds, the answer the caller was given is kept for replaying to them.
/// </summary>
public sealed class IdempotentRequest
{
    public const int MaxKeyLength = 100;

    public const int MaxCallerLength = 100;

    private IdempotentRequest()
    {
        Caller = Key = RequestHash = string.Empty;
    }

    public IdempotentRequest(Guid id, Guid areaId, string caller, string key, string requestHash, DateTimeOffset receivedAt)
    {
        Id = id;
        AreaId = areaId;
        Caller = caller;
        Key = key;
        RequestHash = requestHash;
        ReceivedAt = receivedAt;
        State = IdempotentRequestState.InFlight;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    /// <summary>Who sent it: <c>account:{id}</c> for a signed-in account (a machine client will have its own prefix).</summary>
    public string Caller { get; private set; }

    /// <summary>The caller's key, as they sent it.</summary>
    public string Key { get; private set; }

    /// <summary>SHA-256 (hex) of the method, the path and the body: what the key was first used for.</summary>
    public string RequestHash { get; private set; }

    public IdempotentRequestState State { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The status code of the answer given (201 for a record made).</summary>
    public int? StatusCode { get; private set; }

    /// <summary>The answer's Location header, when it had one.</summary>
    public string? Location { get; private set; }

    /// <summary>The answer's JSON body, replayed to the same caller only.</summary>
    public string? ResponseBody { get; private set; }

    /// <summary>The record the request made (its kind in the audit trail), so a replay is audited as a read of it.</summary>
    public string? RecordType { get; private set; }

    public Guid? RecordId { get; private set; }

    public Guid? ChildId { get; private set; }

    public bool IsFor(string requestHash) => string.Equals(RequestHash, requestHash, StringComparison.Ordinal);

    public void Complete(DateTimeOffset at, int statusCode, string? location, string? responseBody, string? recordType, Guid? recordId, Guid? childId)
    {
        State = IdempotentRequestState.Completed;
        CompletedAt = at;
        StatusCode = statusCode;
        Location = location;
        ResponseBody = responseBody;
        RecordType = recordType;
        RecordId = recordId;
        ChildId = childId;
    }
}
