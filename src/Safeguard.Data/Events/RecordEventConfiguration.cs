using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Safeguard.Data.Events;

public sealed class RecordEventConfiguration : IEntityTypeConfiguration<RecordEvent>
{
    public void Configure(EntityTypeBuilder<RecordEvent> builder)
    {
        builder.ToTable("RecordEvents");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.RecordKind).HasMaxLength(RecordEvent.MaxNameLength);
        builder.Property(e => e.Type).HasMaxLength(RecordEvent.MaxNameLength);
        // One record's history, in order; two saves appending the same place at once cannot both succeed.
        builder.HasIndex(e => new { e.AreaId, e.RecordKind, e.RecordId, e.Sequence }).IsUnique();
        // Everything that happened about one child, in date order (the chronology).
        builder.HasIndex(e => new { e.AreaId, e.ChildId, e.OccurredOn });
    }
}
