namespace Safeguard.Data.Identity;

/// <summary>
/// One signed-in session, kept in the database so that every node of the service agrees whether it is live: the sign-in
/// cookie carries only the session's id, and a request is answered only while its row has not ended. Signing out, signing
/// in again, and a change to the account (password, two-factor authentication, lock) end it for every node at once.
/// </summary>
public sealed class SignInSession
{
    public const int MaxReasonLength = 100;

    public Guid Id { get; init; }

    public Guid AreaId { get; init; }

    public Guid UserId { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Why it ended: signed out, signed in again, and so on.</summary>
    public string? EndedBecause { get; private set; }

    public void End(DateTimeOffset at, string because)
    {
        if (EndedAt is null)
        {
            EndedAt = at;
            EndedBecause = because.Length > MaxReasonLength ? because[..MaxReasonLength] : because;
        }
    }
}

/// <summary>
/// A key that protects sign-in cookies and forms, as ASP.NET Core data protection writes it (XML). Kept in the database so
/// that every node of the service reads the cookies the others wrote.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; init; }

    public string? FriendlyName { get; init; }

    public required string Xml { get; init; }
}
