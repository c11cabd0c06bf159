using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Domain.Access;

namespace Safeguard.Data.Configurations;

public sealed class SearchAlertConfiguration : IEntityTypeConfiguration<SearchAlert>
{
    public void Configure(EntityTypeBuilder<SearchAlert> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ReviewNote).HasMaxLength(SearchAlert.MaxNoteLength);
        // The data protection officer's alerts waiting to be looked at; one account's latest alert.
        builder.HasIndex(a => new { a.AreaId, a.ReviewedAt });
        builder.HasIndex(a => new { a.AreaId, a.UserId, a.RaisedAt });
    }
}
