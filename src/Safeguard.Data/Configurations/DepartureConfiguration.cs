using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Domain.Children;
using Safeguard.Domain.Rules;

namespace Safeguard.Data.Configurations;

public sealed class DepartureConfiguration : IEntityTypeConfiguration<Departure>
{
    public void Configure(EntityTypeBuilder<Departure> builder)
    {
        builder.Property(d => d.RuleId).HasMaxLength(20);
        builder.Property(d => d.SourceType).HasMaxLength(40);
        builder.Property(d => d.Reason).HasMaxLength(Departure.MaxTextLength);
        builder.HasOne<Child>().WithMany().HasForeignKey(d => d.ChildId);
        // Managers list the area's departures newest first, and count them by rule for a year.
        builder.HasIndex(d => new { d.AreaId, d.On });
        builder.HasIndex(d => new { d.AreaId, d.ChildId });
        builder.HasIndex(d => new { d.AreaId, d.SourceType, d.SourceId });
    }
}
