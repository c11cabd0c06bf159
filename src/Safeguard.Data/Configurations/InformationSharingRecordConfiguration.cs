using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Domain.Children;
using Safeguard.Domain.InformationSharing;

namespace Safeguard.Data.Configurations;

public sealed class InformationSharingRecordConfiguration : IEntityTypeConfiguration<InformationSharingRecord>
{
    public void Configure(EntityTypeBuilder<InformationSharingRecord> builder)
    {
        builder.Property(r => r.WhatWasShared).HasMaxLength(InformationSharingRecord.MaxTextLength);
        builder.Property(r => r.SharedBy).HasMaxLength(InformationSharingRecord.MaxNameLength);
        builder.Property(r => r.SharedWith).HasMaxLength(InformationSharingRecord.MaxNameLength);
        builder.Property(r => r.WhyNoConsent).HasMaxLength(InformationSharingRecord.MaxTextLength);
        builder.Property(r => r.Basis).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.SourceType).HasMaxLength(40);
        builder.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId);
        // The child's record lists what was shared, newest first.
        builder.HasIndex(r => new { r.AreaId, r.ChildId, r.SharedOn });
        // What was shared by one record: the agencies told a plan ended, a conference's invitations.
        builder.HasIndex(r => new { r.AreaId, r.SourceType, r.SourceId });
    }
}

public sealed class TellingConfiguration : IEntityTypeConfiguration<Telling>
{
    public void Configure(EntityTypeBuilder<Telling> builder)
    {
        builder.ToTable("Tellings");
        builder.Property(t => t.SourceType).HasMaxLength(40);
        builder.Property(t => t.Topic).HasConversion<string>().HasMaxLength(40);
        builder.Property(t => t.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Who).HasMaxLength(Telling.MaxNameLength);
        builder.Property(t => t.Agency).HasMaxLength(Telling.MaxNameLength);
        builder.Property(t => t.ToldBy).HasMaxLength(Telling.MaxNameLength);
        builder.Property(t => t.What).HasMaxLength(Telling.MaxTextLength);
        builder.Ignore(t => t.InWriting);
        builder.Ignore(t => t.RuleId);
        builder.HasOne<Child>().WithMany().HasForeignKey(t => t.ChildId);
        // Who was told about one record (the enquiry's, the assessment's, the plan's page), in the order they were told.
        builder.HasIndex(t => new { t.AreaId, t.SourceType, t.SourceId, t.ToldOn });
        builder.HasIndex(t => new { t.AreaId, t.ChildId });
    }
}
