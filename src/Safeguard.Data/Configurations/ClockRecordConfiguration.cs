using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Data.Clocks;

namespace Safeguard.Data.Configurations;

public sealed class ClockRecordConfiguration : IEntityTypeConfiguration<ClockRecord>
{
    public void Configure(EntityTypeBuilder<ClockRecord> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.RuleId).HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ResponsibleRole).HasMaxLength(60);
        // "What is due or overdue for me, my team, my role": open clocks by due date, within the area.
        builder.HasIndex(c => new { c.AreaId, c.IsOpen, c.DueOn, c.ResponsibleRole });
        builder.HasIndex(c => new { c.AreaId, c.IsOpen, c.ResponsibleTeamId, c.DueOn });
        builder.HasIndex(c => new { c.AreaId, c.IsOpen, c.ResponsiblePractitionerId, c.DueOn });
        builder.HasIndex(c => new { c.AreaId, c.SubjectId });
    }
}
