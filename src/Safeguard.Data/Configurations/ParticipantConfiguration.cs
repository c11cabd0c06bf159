using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Domain.Participation;

namespace Safeguard.Data.Configurations;

public sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.RecordKind).HasMaxLength(Participant.MaxRecordKindLength);
        builder.Property(p => p.Name).HasMaxLength(Participant.MaxNameLength);
        builder.Property(p => p.AgencyName).HasMaxLength(Participant.MaxNameLength);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(p => p.IsCurrent);
        // "My records": what a practitioner currently takes part in, in a role.
        builder.HasIndex(p => new { p.AreaId, p.PractitionerId, p.Role, p.Until });
        // Who takes part in one record.
        builder.HasIndex(p => new { p.AreaId, p.RecordKind, p.RecordId });
        // Who takes part in anything about one child.
        builder.HasIndex(p => new { p.AreaId, p.ChildId });
    }
}
