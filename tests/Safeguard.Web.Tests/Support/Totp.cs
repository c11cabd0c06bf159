using System.Security.Cryptography;

namespace Safeguard.Web.Tests.Support;

/// <summary>
/// An authenticator app in a few lines (RFC 6238: HMAC-SHA1 over 30-second steps, 6 digits), written from the RFC
/// rather than borrowed from Identity, so the tests check Identity against the standard and not against itself.
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var step = (ulong)(at.ToUnixTimeSeconds() / 30);
        var counter = new byte[8];
        for (var i = 7; i >= 0; i--, step >>= 8)
        {
            counter[i] = (byte)(step & 0xff);
        }

#pragma warning disable CA5350 // RFC 6238's authenticator apps use HMAC-SHA1; it is the standard, not our choice.
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Now(string base32Key) => Code(base32Key, TimeProvider.System.GetUtcNow());

    /// <summary>A code that is certainly wrong now: Identity accepts codes up to 90 seconds either side, so one from an hour ago.</summary>
    public static string Wrong(string base32Key)
    {
        var now = Now(base32Key);
        var old = Code(base32Key, TimeProvider.System.GetUtcNow().AddHours(-1));
        return old == now ? (int.Parse(now, System.Globalization.CultureInfo.InvariantCulture) ^ 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture) : old;
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xff));
            }
        }

        return [.. bytes];
    }
}
