using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Domain.Exchanges;

namespace Safeguard.Data.Configurations;

/// <summary>
/// Exchanges between areas: one row read by the two areas it is between (the query filter here, the exchange policies on
/// PostgreSQL, <see cref="DatabaseGuards.PostgreSqlExchangePolicies"/>), added by the sender and acknowledged by the receiver.
/// </summary>
public sealed class AreaExchangeConfiguration : IEntityTypeConfiguration<AreaExchange>
{
    public void Configure(EntityTypeBuilder<AreaExchange> builder)
    {
        builder.ToTable("AreaExchanges");
        builder.Property(e => e.Reference).HasMaxLength(40);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Shared).HasConversion<string>().HasMaxLength(200);
        builder.Property(e => e.LawfulBasis).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Sex).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.FromAreaName).HasMaxLength(AreaExchange.MaxNameLength);
        builder.Property(e => e.ToAreaName).HasMaxLength(AreaExchange.MaxNameLength);
        builder.Property(e => e.SentByName).HasMaxLength(AreaExchange.MaxNameLength);
        builder.Property(e => e.SentByAgency).HasMaxLength(AreaExchange.MaxNameLength);
        builder.Property(e => e.AcknowledgedByName).HasMaxLength(AreaExchange.MaxNameLength);
        builder.Property(e => e.RecordedByName).HasMaxLength(AreaExchange.MaxNameLength);
        builder.Property(e => e.ChildGivenName).HasMaxLength(100);
        builder.Property(e => e.ChildFamilyName).HasMaxLength(100);
        builder.Property(e => e.EthnicityCode).HasMaxLength(10);
        builder.Property(e => e.NhsNumber).HasMaxLength(10);
        builder.Property(e => e.Package).HasMaxLength(AreaExchange.MaxTextLength);
        builder.Ignore(e => e.IsAcknowledged);
        builder.Ignore(e => e.ChildName);
        builder.HasIndex(e => e.Reference).IsUnique();
        // Each side lists its exchanges newest first: the sender by its area, the receiver by the area sent to.
        builder.HasIndex(e => new { e.AreaId, e.SentAt });
        builder.HasIndex(e => new { e.ToAreaId, e.SentAt });
    }
}
