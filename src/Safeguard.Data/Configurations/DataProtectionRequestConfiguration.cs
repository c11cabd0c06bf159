using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Domain.Children;
using Safeguard.Domain.DataProtection;

namespace Safeguard.Data.Configurations;

public sealed class DataProtectionRequestConfiguration : IEntityTypeConfiguration<DataProtectionRequest>
{
    public void Configure(EntityTypeBuilder<DataProtectionRequest> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Relationship).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.RequesterName).HasMaxLength(DataProtectionRequest.MaxNameLength);
        builder.Property(r => r.Details).HasMaxLength(DataProtectionRequest.MaxTextLength);
        builder.Property(r => r.ExtensionReason).HasMaxLength(DataProtectionRequest.MaxTextLength);
        builder.Property(r => r.DecisionReasons).HasMaxLength(DataProtectionRequest.MaxTextLength);
        builder.Property(r => r.WhatChanged).HasMaxLength(DataProtectionRequest.MaxTextLength);
        builder.Property(r => r.PersonsStatement).HasMaxLength(DataProtectionRequest.MaxTextLength);
        builder.Property(r => r.IdentityCheck).HasMaxLength(DataProtectionRequest.MaxTextLength);
        builder.Ignore(r => r.DueOn);
        builder.Ignore(r => r.IsOpen);
        builder.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId);
        // The officer's list: open requests, oldest received first.
        builder.HasIndex(r => new { r.AreaId, r.DecidedOn, r.ReceivedOn });
    }
}
