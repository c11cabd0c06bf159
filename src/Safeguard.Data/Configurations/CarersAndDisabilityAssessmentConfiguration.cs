using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Domain.Children;
using Safeguard.Domain.FamilyHelp;

namespace Safeguard.Data.Configurations;

public sealed class CarersAndDisabilityAssessmentConfiguration : IEntityTypeConfiguration<CarersAndDisabilityAssessment>
{
    public void Configure(EntityTypeBuilder<CarersAndDisabilityAssessment> builder)
    {
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Trigger).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.ForWhom).HasMaxLength(CarersAndDisabilityAssessment.MaxNameLength);
        builder.Property(a => a.Outcome).HasMaxLength(CarersAndDisabilityAssessment.MaxTextLength);
        builder.Property(a => a.SupportDecided).HasMaxLength(CarersAndDisabilityAssessment.MaxTextLength);
        builder.Property(a => a.CombinedWith).HasMaxLength(CarersAndDisabilityAssessment.MaxTextLength);
        builder.Ignore(a => a.IsCompleted);
        builder.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId);
        builder.HasOne<Episode>().WithMany().HasForeignKey(a => a.EpisodeId);
        builder.HasIndex(a => new { a.AreaId, a.EpisodeId });
    }
}
