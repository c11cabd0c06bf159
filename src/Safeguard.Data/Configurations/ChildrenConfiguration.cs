using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Domain.Children;
using Safeguard.Domain.Organisation;

namespace Safeguard.Data.Configurations;

public sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> builder)
    {
        // The child's own key for the audit trail's sealed text (Audit.AuditSeal): never shown, destroyed when the child is erased.
        builder.Property<byte[]?>(Audit.AuditSeal.KeyColumn);
        builder.Property(c => c.GivenName).HasMaxLength(100);
        builder.Property(c => c.FamilyName).HasMaxLength(100);
        builder.Property(c => c.Gender).HasMaxLength(100);
        builder.Property(c => c.Sex).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.EthnicityCode).HasMaxLength(4);
        builder.Property(c => c.FirstLanguage).HasMaxLength(CommunicationNeeds.MaxLanguageLength);
        builder.Property(c => c.CommunicationMethod).HasMaxLength(CommunicationNeeds.MaxMethodLength);
        builder.Ignore(c => c.CommunicationNeeds);
        builder.Property(c => c.NhsNumber).HasMaxLength(10);
        builder.Property(c => c.Upn).HasMaxLength(13);
        builder.Property(c => c.LeftUkEvidence).HasMaxLength(2_000);
        builder.Property(c => c.NextStepAtEighteen).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.NextStepNotes).HasMaxLength(2_000);
        builder.PrimitiveCollection(c => c.DisabilityCodes).HasField("_disabilities").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(c => c.Addresses, a => a.ToJson());
        builder.Navigation(c => c.Addresses).HasField("_addresses").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<LocalAuthorityArea>().WithMany().HasForeignKey(c => c.AreaId);
        // Finding the child's existing record before creating a new one: by NHS number, by name and birth date.
        builder.HasIndex(c => new { c.AreaId, c.NhsNumber });
        builder.HasIndex(c => new { c.AreaId, c.FamilyName, c.DateOfBirth });
    }
}

public sealed class FamilyMemberConfiguration : IEntityTypeConfiguration<FamilyMember>
{
    public void Configure(EntityTypeBuilder<FamilyMember> builder)
    {
        builder.Property(f => f.GivenName).HasMaxLength(100);
        builder.Property(f => f.FamilyName).HasMaxLength(100);
        builder.Property(f => f.Phone).HasMaxLength(40);
        builder.Property(f => f.FirstLanguage).HasMaxLength(CommunicationNeeds.MaxLanguageLength);
        builder.Property(f => f.CommunicationMethod).HasMaxLength(CommunicationNeeds.MaxMethodLength);
        builder.Ignore(f => f.CommunicationNeeds);
        builder.HasIndex(f => new { f.AreaId, f.FamilyName });
    }
}

public sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        builder.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId);
        builder.HasOne<FamilyMember>().WithMany().HasForeignKey(r => r.FamilyMemberId);
        builder.HasIndex(r => new { r.AreaId, r.ChildId });
    }
}
