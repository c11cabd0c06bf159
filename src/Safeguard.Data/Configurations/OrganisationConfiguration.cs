using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Domain.Organisation;

namespace Safeguard.Data.Configurations;

public sealed class LocalAuthorityAreaConfiguration : IEntityTypeConfiguration<LocalAuthorityArea>
{
    public void Configure(EntityTypeBuilder<LocalAuthorityArea> builder)
    {
        builder.Property(a => a.LaNumber).HasMaxLength(3);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasIndex(a => a.LaNumber).IsUnique();
    }
}

public sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(60);
        builder.HasOne<LocalAuthorityArea>().WithMany().HasForeignKey(a => a.AreaId);
        builder.HasIndex(a => new { a.AreaId, a.Name }).IsUnique();
    }
}

public sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasOne<Agency>().WithMany().HasForeignKey(t => t.AgencyId);
        builder.HasIndex(t => new { t.AreaId, t.AgencyId });
    }
}

public sealed class PractitionerConfiguration : IEntityTypeConfiguration<Practitioner>
{
    public void Configure(EntityTypeBuilder<Practitioner> builder)
    {
        builder.Property(p => p.GivenName).HasMaxLength(100);
        builder.Property(p => p.FamilyName).HasMaxLength(100);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.JobTitle).HasMaxLength(200);
        builder.Property(p => p.Registration).HasMaxLength(9);
        builder.PrimitiveCollection(p => p.Roles).HasField("_roles").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId);
        builder.HasOne<Team>().WithMany().HasForeignKey(p => p.TeamId);
        builder.HasIndex(p => new { p.AreaId, p.Email }).IsUnique();
    }
}
