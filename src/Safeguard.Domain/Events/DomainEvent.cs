using Safeguard.Domain.Clocks;

namespace Safeguard.Domain.Events;

/// <summary>
/// Something that happened to a record, as a domain operation says it happened: stored append-only with the record in the same
/// save, against the record it concerns. Its stored fields are ids, dates, codes, rule ids and enum values only — never a name or
/// words a person typed — so erasing or correcting a person never rewrites an event: whatever renders one looks the words up
/// from the records (<see cref="IEventNames"/>), which erasure can change.
/// </summary>
public abstract record DomainEvent
{
    /// <summary>The date in England it happened: the day the clocks count from or to.</summary>
    public required DateOnly OccurredOn { get; init; }

    /// <summary>The event's stable name, stored with it (<see cref="DomainEventTypes"/>); never renamed once stored.</summary>
    public abstract string Type { get; }

    /// <summary>
    /// What it contributes to its record's clocks (<see cref="ClockEngine"/>), in order; none for an event no rule reads.
    /// <paramref name="record"/> is the record it concerns, read for words the event itself does not hold (a late reason).
    /// </summary>
    public virtual IEnumerable<ClockEvent> ClockEvents(object record) => [];

    /// <summary>The sentence for the child's chronology, in the guidance's words, with names and words looked up when rendered.</summary>
    public abstract string Describe(object record, IEventNames names);
}

/// <summary>Names an event refers to by id, looked up when it is rendered (so an erased or corrected name is never shown from an event).</summary>
public interface IEventNames
{
    /// <summary>A practitioner's name as it is now recorded; something neutral when unknown.</summary>
    string Practitioner(Guid? practitionerId);

    /// <summary>When a rule's timescale started on <paramref name="from"/> falls due, for a sentence that says so; null when not known.</summary>
    DateOnly? Due(Rules.StatutoryRule rule, DateOnly from) => null;
}

/// <summary>A record that says what happened to it as events: the save that stores the record stores them (and clears them).</summary>
public interface IRecordsEvents
{
    /// <summary>The child's episode the record belongs to, if any, stored with each event.</summary>
    Guid? EpisodeId { get; }

    /// <summary>Events raised since the record was last saved, in the order they happened.</summary>
    IReadOnlyList<DomainEvent> PendingEvents { get; }

    /// <summary>Called by the save that stores them.</summary>
    void ClearPendingEvents();
}
