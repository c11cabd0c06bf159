using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Domain.Children;
using Safeguard.Domain.OperationEncompass;
using Safeguard.Domain.Organisation;

namespace Safeguard.Data.Configurations;

public sealed class EncompassNotificationConfiguration : IEntityTypeConfiguration<EncompassNotification>
{
    public void Configure(EntityTypeBuilder<EncompassNotification> builder)
    {
        builder.Property(n => n.Summary).HasMaxLength(EncompassNotification.MaxSummaryLength);
        builder.HasOne<Child>().WithMany().HasForeignKey(n => n.ChildId);
        builder.HasOne<Agency>().WithMany().HasForeignKey(n => n.SettingAgencyId);
        // The designated safeguarding lead's list: their setting's notifications, unseen first.
        builder.HasIndex(n => new { n.AreaId, n.SettingAgencyId, n.SeenAt, n.IncidentAt });
        // The police officer's own notifications.
        builder.HasIndex(n => new { n.AreaId, n.RecordedBy });
        builder.OwnsOne(n => n.ChildAsSent, sent =>
        {
            sent.Property(x => x.GivenName).HasMaxLength(100);
            sent.Property(x => x.FamilyName).HasMaxLength(100);
        });
        // The front door's list of notifications whose child may be one already held.
        builder.HasIndex(n => new { n.AreaId, n.PossiblyHeldChildId });
    }
}
