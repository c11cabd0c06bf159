using System.Text.RegularExpressions;

namespace Safeguard.Domain.DataProtection;

/// <summary>
/// Redacts third parties from what is released to a person who asked for their data (UK GDPR article 15(4), Data
/// Protection Act 2018 schedule 2 paragraph 16): each name is replaced by a label saying what the person was ("[Referrer]",
/// "[Mother]", "[Another child]"), so the requester can follow the record without learning who others are. It is a
/// first pass for the data protection officer to review, not a guarantee: a nickname or a description can still identify
/// someone, which is why an export is marked reviewed before it is released.
/// </summary>
public sealed class Redaction
{
    private const int MinimumPartLength = 3;

    private readonly Dictionary<string, string> _whole = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _parts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _kept = new(StringComparer.OrdinalIgnoreCase);
    private Regex? _pattern;

    /// <summary>Names that are never redacted on their own (the child's and the requester's own names).</summary>
    public void Keep(string? name)
    {
        foreach (var part in Parts(name))
        {
            _kept.Add(part);
        }

        _pattern = null;
    }

    /// <summary>
    /// Replaces <paramref name="identifier"/> (a full name, a phone number, an email address) wherever it appears, in any
    /// case, and each part of a name on its own (as written, capitalised) unless it is also a kept name: a shared family
    /// name stays, a first name goes. A description (a referrer's "neighbour") is replaced only whole: <paramref name="withParts"/> false.
    /// </summary>
    public void Redact(string? identifier, string label, bool withParts = true)
    {
        var text = identifier?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        _whole.TryAdd(text, label);
        if (withParts && !text.Contains('@', StringComparison.Ordinal) && !text.Any(char.IsDigit))
        {
            foreach (var part in Parts(text))
            {
                _parts.TryAdd(part, label);
            }
        }

        _pattern = null;
    }

    /// <summary>The labels used, with how many identifiers each stands for, for the reviewer.</summary>
    public IReadOnlyDictionary<string, int> Labels => _whole.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Count());

    public string? Apply(string? text)
    {
        if (string.IsNullOrEmpty(text) || _whole.Count == 0)
        {
            return text;
        }

        _pattern ??= Build();
        return _pattern.Replace(text, m => "[" + (_whole.TryGetValue(m.Value, out var whole) ? whole : _parts[m.Value]) + "]");
    }

    private Regex Build()
    {
        // One pass, longest first, so a replaced label is never matched again and a full name wins over its parts.
        var alternatives = _whole.Keys.Select(k => (Text: k, Pattern: "(?i:" + Bounded(k) + ")"))
            .Concat(_parts.Keys.Where(p => !_kept.Contains(p) && !_whole.ContainsKey(p)).Select(p => (Text: p, Pattern: Bounded(p))))
            .OrderByDescending(a => a.Text.Length)
            .Select(a => a.Pattern);
        return new Regex(string.Join('|', alternatives), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    }

    private static string Bounded(string text) => @"(?<![\p{L}\p{N}])" + Regex.Escape(text) + @"(?![\p{L}\p{N}])";

    private static IEnumerable<string> Parts(string? name) =>
        (name ?? string.Empty).Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(p => p.Length >= MinimumPartLength);
}
