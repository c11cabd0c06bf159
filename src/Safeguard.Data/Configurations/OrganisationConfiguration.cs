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
        // Areas made before the target was kept get the default; -1 is never a target, so every value the area sets is written.
        builder.Property(a => a.StrategyDiscussionTargetWorkingDays).HasDefaultValue(LocalAuthorityArea.DefaultStrategyDiscussionTargetWorkingDays).HasSentinel(-1);
        // The local protocol's settings (RC-02, MASA-18).
        builder.Property(a => a.Section17Leads).HasConversion<string>().HasMaxLength(40).HasDefaultValue(Section17Leads.SocialWorkers);
        builder.Property(a => a.LocalProtocolVersion).HasMaxLength(200);
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
        builder.HasOne<CrossAreaAgency>().WithMany().HasForeignKey(a => a.CrossAreaAgencyId).OnDelete(DeleteBehavior.Restrict);
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

public sealed class RoleGrantConfiguration : IEntityTypeConfiguration<Safeguard.Domain.Access.RoleGrant>
{
    public void Configure(EntityTypeBuilder<Safeguard.Domain.Access.RoleGrant> builder)
    {
        builder.PrimitiveCollection(g => g.Roles).HasField("_roles").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.Reason).HasMaxLength(Safeguard.Domain.Access.RoleGrant.MaxReasonLength);
        // One decision per grant: a second approver deciding at the same moment is refused.
        builder.Property(g => g.DecidedAt).IsConcurrencyToken();
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(g => g.PractitionerId);
        builder.HasOne<Agency>().WithMany().HasForeignKey(g => g.AgencyId);
        // The approvers' list (waiting grants of their agency) and an account's grants.
        builder.HasIndex(g => new { g.AreaId, g.AgencyId, g.Status });
        builder.HasIndex(g => new { g.AreaId, g.PractitionerId });
    }
}

public sealed class CrossAreaAgencyConfiguration : IEntityTypeConfiguration<CrossAreaAgency>
{
    public void Configure(EntityTypeBuilder<CrossAreaAgency> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(60);
        builder.Property(a => a.Reach).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => a.Name).IsUnique();
    }
}

public sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasOne<CrossAreaAgency>().WithMany().HasForeignKey(p => p.IntegratedCareBoardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CrossAreaAgency>().WithMany().HasForeignKey(p => p.PoliceForceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Areas).WithOne().HasForeignKey(a => a.PartnershipId);
        builder.Navigation(p => p.Areas).HasField("_areas").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class PartnershipAreaConfiguration : IEntityTypeConfiguration<PartnershipArea>
{
    public void Configure(EntityTypeBuilder<PartnershipArea> builder)
    {
        builder.HasKey(a => new { a.PartnershipId, a.AreaId });
        builder.HasOne<LocalAuthorityArea>().WithMany().HasForeignKey(a => a.AreaId);
        // An area is in one partnership.
        builder.HasIndex(a => a.AreaId).IsUnique();
    }
}

public sealed class AreaMembershipConfiguration : IEntityTypeConfiguration<AreaMembership>
{
    public void Configure(EntityTypeBuilder<AreaMembership> builder)
    {
        builder.HasOne<LocalAuthorityArea>().WithMany().HasForeignKey(m => m.AreaId);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(m => m.PractitionerId);
        builder.Ignore(m => m.IsCurrent);
        // One membership of an area per account; the account's row lives in its own area, so no foreign key reaches it.
        builder.HasIndex(m => new { m.AreaId, m.AccountId }).IsUnique();
    }
}

public sealed class PublishedArrangementsConfiguration : IEntityTypeConfiguration<PublishedArrangements>
{
    public void Configure(EntityTypeBuilder<PublishedArrangements> builder)
    {
        builder.ToTable("PartnershipArrangements");
        builder.Property(a => a.Title).HasMaxLength(PublishedArrangements.MaxTitleLength);
        builder.Property(a => a.Link).HasMaxLength(PublishedArrangements.MaxLinkLength);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId);
        builder.HasIndex(a => new { a.PartnershipId, a.PublishedOn });
    }
}
