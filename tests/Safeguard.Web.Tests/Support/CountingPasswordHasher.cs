using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Safeguard.Data.Identity;

namespace Safeguard.Web.Tests.Support;

/// <summary>Counts, per password given, how often the service checked it against a hash.</summary>
public sealed class PasswordChecks
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Of(string password) => _counts.GetValueOrDefault(password);

    internal void Add(string password) => _counts.AddOrUpdate(password, 1, (_, n) => n + 1);
}

/// <summary>The service's own password hasher, counting each check it makes (tests use a password of their own).</summary>
public sealed class CountingPasswordHasher(IPasswordHasher<SafeguardUser> inner, PasswordChecks checks) : IPasswordHasher<SafeguardUser>
{
    public string HashPassword(SafeguardUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(SafeguardUser user, string hashedPassword, string providedPassword)
    {
        checks.Add(providedPassword);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
