using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Data.Audit;

namespace Safeguard.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.RecordType).HasMaxLength(60);
        builder.Property(a => a.Basis).HasMaxLength(AuditLog.MaxBasisLength);
        builder.Property(a => a.Origin).HasMaxLength(100);
        builder.Property(a => a.Detail).HasMaxLength(500);
        builder.HasIndex(a => new { a.AreaId, a.ChildId, a.At });
        builder.HasIndex(a => new { a.AreaId, a.PractitionerId, a.At });
    }
}
