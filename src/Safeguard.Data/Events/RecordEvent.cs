using System.Text.Json;
using Safeguard.Domain.Events;

namespace Safeguard.Data.Events;

/// <summary>
/// One event in a record's history as stored: append-only (the database refuses UPDATE and DELETE, see
/// <see cref="DatabaseGuards.PostgreSqlRecordEventsAppendOnly"/>), written in the same save as the record by
/// <see cref="RecordEventInterceptor"/>. <see cref="Data"/> is the typed event as JSON, which holds ids, dates, codes and enum
/// values only (docs/decisions/0009).
/// </summary>
public sealed class RecordEvent
{
    public const int MaxNameLength = 60;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid Id { get; set; }

    public Guid AreaId { get; set; }

    /// <summary>The kind of the record it concerns, by its name in <see cref="Records.RecordKinds"/>.</summary>
    public required string RecordKind { get; set; }

    public Guid RecordId { get; set; }

    /// <summary>Its place in the record's history (0 for the first): the order the record's events happened in, unique per record.</summary>
    public int Sequence { get; set; }

    /// <summary>The child the record is about; null for a record about no one child.</summary>
    public Guid? ChildId { get; set; }

    public Guid? EpisodeId { get; set; }

    /// <summary>The event type's stable name (<see cref="DomainEventTypes"/>).</summary>
    public required string Type { get; set; }

    public DateOnly OccurredOn { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public Guid? RecordedBy { get; set; }

    public Guid? AgencyId { get; set; }

    public required string Data { get; set; }

    public static RecordEvent Of(DomainEvent domainEvent, Guid id, string recordKind, Guid recordId, int sequence, Guid areaId, Guid? childId, Guid? episodeId,
        DateTimeOffset recordedAt, Guid? recordedBy, Guid? agencyId)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return new RecordEvent
        {
            Id = id,
            AreaId = areaId,
            RecordKind = recordKind,
            RecordId = recordId,
            Sequence = sequence,
            ChildId = childId,
            EpisodeId = episodeId,
            Type = domainEvent.Type,
            OccurredOn = domainEvent.OccurredOn,
            RecordedAt = recordedAt,
            RecordedBy = recordedBy,
            AgencyId = agencyId,
            Data = JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Json),
        };
    }

    /// <summary>The typed event it stores.</summary>
    public DomainEvent ToDomainEvent() => DomainEventTypes.ByName.TryGetValue(Type, out var type)
        ? (DomainEvent)JsonSerializer.Deserialize(Data, type, Json)!
        : throw new InvalidOperationException($"No event type is named '{Type}' (Safeguard.Domain.Events.DomainEventTypes).");
}
