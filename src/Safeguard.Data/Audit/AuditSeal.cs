using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Safeguard.Data.Audit;

/// <summary>
/// Free text in the audit trail that names a child (what was typed into a search that showed them, a break-glass reason)
/// is sealed with a key of the child's own, kept on the child's record. The trail stays append-only; erasing the child
/// destroys the key, and the sealed text can then be read by no one, the database's administrator included, while the
/// row (who looked, when, which record, on what basis) stays. See docs/decisions/0010.
/// </summary>
public static class AuditSeal
{
    /// <summary>How a sealed value starts in <see cref="AuditEntry.Detail"/> or <see cref="AuditEntry.Basis"/>.</summary>
    public const string Prefix = "sealed:";

    /// <summary>What a sealed value reads as once its child's key has been destroyed.</summary>
    public const string Erased = "[erased]";

    /// <summary>The child's key: a column of the child's record, never shown, set to nothing on erasure.</summary>
    public const string KeyColumn = "AuditKey";

    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static bool IsSealed(string? stored) => stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal);

    public static string Seal(string text, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = Encoding.UTF8.GetBytes(text);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length, TagSize));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The text as written: unsealed text as it is, sealed text opened with its child's key, or "[erased]" when the key is gone.</summary>
    public static string? Open(string? stored, byte[]? key)
    {
        if (!IsSealed(stored))
        {
            return stored;
        }

        if (key is null)
        {
            return Erased;
        }

        var sealedBytes = Convert.FromBase64String(stored![Prefix.Length..]);
        var length = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length, TagSize), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return Erased;
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The children's keys, creating one for a child that has none yet (a key is never shown or changed, only destroyed).</summary>
    public static async Task<Dictionary<Guid, byte[]>> KeysAsync(SafeguardDbContext db, IReadOnlyCollection<Guid> childIds, bool create,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = new Dictionary<Guid, byte[]>();
        if (childIds.Count == 0)
        {
            return keys;
        }

        var held = await db.Children.IgnoreQueryFilters().AsNoTracking().Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, Key = EF.Property<byte[]?>(c, KeyColumn) }).ToListAsync(cancellationToken);
        foreach (var row in held)
        {
            if (row.Key is { } key)
            {
                keys[row.Id] = key;
            }
            else if (create)
            {
                var made = RandomNumberGenerator.GetBytes(32);
                var id = row.Id;
                // Only where there is still none: two searches at once agree on the first key written.
                await db.Children.IgnoreQueryFilters().Where(c => c.Id == id && EF.Property<byte[]?>(c, KeyColumn) == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => EF.Property<byte[]?>(c, KeyColumn), made), cancellationToken);
                keys[row.Id] = await db.Children.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == id)
                    .Select(c => EF.Property<byte[]?>(c, KeyColumn)).SingleAsync(cancellationToken) ?? made;
            }
        }

        return keys;
    }
}
