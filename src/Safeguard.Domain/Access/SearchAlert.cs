using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.Access;

/// <summary>
/// Looking for a child's record is not a way to find children: a practitioner who keeps looking for records that do not
/// exist (guessing dates of birth, trying names) may be hunting for a child. After <see cref="DefaultMissesBeforeAlert"/>
/// searches that found nothing within <see cref="Window"/> the data protection officer is alerted, sees every search with
/// what was searched for, and records what they concluded. Searches are also throttled per account
/// (<see cref="DefaultSearchesPerMinute"/>).
/// </summary>
public sealed class SearchAlert
{
    public const int DefaultSearchesPerMinute = 10;
    public const int DefaultMissesBeforeAlert = 5;
    public const int MaxNoteLength = 2_000;

    /// <summary>How far back misses are counted, and how long one alert covers before another is raised.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private SearchAlert()
    {
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    /// <summary>The account that searched.</summary>
    public Guid UserId { get; private set; }

    public Guid PractitionerId { get; private set; }

    public Guid? AgencyId { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>How many searches found nothing in the hour before the alert.</summary>
    public int Misses { get; private set; }

    public Guid? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>What the data protection officer concluded: explained (a typing error, a baby not yet registered), or followed up.</summary>
    public string? ReviewNote { get; private set; }

    public static SearchAlert Raise(Guid id, Guid areaId, Guid userId, Guid practitionerId, Guid? agencyId, int misses, DateTimeOffset at) => new()
    {
        Id = id,
        AreaId = areaId,
        UserId = userId,
        PractitionerId = practitionerId,
        AgencyId = agencyId,
        Misses = misses,
        RaisedAt = at,
    };

    public void Review(Guid officerId, string? note, DateTimeOffset at)
    {
        Require(ReviewedAt is null, "SG-BG-08", "This alert has already been looked at.");
        var text = note?.Trim() ?? string.Empty;
        Require(text.Length > 0, "SG-BG-08", "Say what you concluded: explained, or what you did about it.", nameof(ReviewNote));
        Require(text.Length <= MaxNoteLength, "SG-BG-08", $"The note must be {MaxNoteLength:N0} characters or fewer.", nameof(ReviewNote));
        ReviewedBy = officerId;
        ReviewedAt = at;
        ReviewNote = text;
    }
}
