using static Safeguard.Domain.Requirement;

namespace Safeguard.Domain.FamilyHelp;

/// <summary>
/// A visit or piece of direct work with the child (ASM-04, ASM-05): when, who, whether the child was seen and seen
/// alone (or why not), and what was observed. The child's record shows when they were last seen.
/// </summary>
public sealed class Visit
{
    public const int MaxTextLength = 10_000;

    private Visit()
    {
        Observations = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid ChildId { get; private set; }

    public DateOnly VisitedOn { get; private set; }

    public Guid VisitedBy { get; private set; }

    public bool ChildSeen { get; private set; }

    public bool SeenAlone { get; private set; }

    /// <summary>Why the child was not seen, or not seen alone.</summary>
    public string? WhyNot { get; private set; }

    public string Observations { get; private set; }

    /// <summary>The child's wishes and feelings, in their own words, if they gave them.</summary>
    public string? ChildsWords { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static Visit Record(Guid id, Episode episode, Guid visitedBy, DateOnly visitedOn, bool childSeen, bool seenAlone, string? whyNot,
        string observations, string? childsWords, DateOnly today, DateTimeOffset recordedAt)
    {
        Require(episode.IsOpen, "SG-EP-13", "The episode is closed.");
        Require(visitedOn <= today, "SG-VIS-01", "The visit date cannot be in the future.", "VisitedOn");
        Require(visitedOn >= episode.OpenedOn, "SG-VIS-01", "The visit cannot be dated before the episode opened.", "VisitedOn");
        Require(childSeen || !seenAlone, "SG-VIS-02", "A child who was not seen cannot have been seen alone.", "SeenAlone");
        Require(childSeen && seenAlone || !string.IsNullOrWhiteSpace(whyNot), "ASM-04",
            childSeen ? "Say why the child was not seen alone." : "Say why the child was not seen.", "WhyNot");
        Require(!string.IsNullOrWhiteSpace(observations), "ASM-05", "Record what you observed and did.", "Observations");
        foreach (var (field, text) in new[] { ("WhyNot", whyNot), ("Observations", observations), ("ChildsWords", childsWords) })
        {
            Require((text?.Length ?? 0) <= MaxTextLength, "SG-VIS-03", $"This must be {MaxTextLength:N0} characters or fewer.", field);
        }

        return new Visit
        {
            Id = id,
            AreaId = episode.AreaId,
            EpisodeId = episode.Id,
            ChildId = episode.ChildId,
            VisitedOn = visitedOn,
            VisitedBy = visitedBy,
            ChildSeen = childSeen,
            SeenAlone = childSeen && seenAlone,
            WhyNot = childSeen && seenAlone ? null : whyNot!.Trim(),
            Observations = observations.Trim(),
            ChildsWords = string.IsNullOrWhiteSpace(childsWords) ? null : childsWords.Trim(),
            RecordedAt = recordedAt,
        };
    }

    /// <summary>The child turned out to have another record: the visit moves to the surviving record and, if its episode was folded, into theirs.</summary>
    public void MoveToChild(Guid survivorId, Guid episodeId)
    {
        ChildId = survivorId;
        EpisodeId = episodeId;
    }

    /// <summary>Whether the child has gone longer unseen than the plan says (ASM-05): by the plan's own interval, counted in days.</summary>
    public static bool SeenLessOftenThanPlanned(DateOnly? lastSeenOn, DateOnly since, int visitEveryDays, DateOnly today) =>
        today.DayNumber - (lastSeenOn ?? since).DayNumber > visitEveryDays;
}
