using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Data.Idempotency;

namespace Safeguard.Data.Configurations;

public sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.Property(r => r.Caller).HasMaxLength(IdempotentRequest.MaxCallerLength);
        builder.Property(r => r.Key).HasMaxLength(IdempotentRequest.MaxKeyLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Location).HasMaxLength(500);
        builder.Property(r => r.RecordType).HasMaxLength(100);
        // A key is the caller's own: unique for the caller, never looked up without them.
        builder.HasIndex(r => new { r.AreaId, r.Caller, r.Key }).IsUnique();
    }
}
