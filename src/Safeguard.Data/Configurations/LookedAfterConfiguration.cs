using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.LookedAfter;

namespace Safeguard.Data.Configurations;

/// <summary>A period of care keeps its history (legal statuses, care plan versions, reviews, placements, notifications) as JSON on its row.</summary>
public sealed class LookedAfterPeriodConfiguration : IEntityTypeConfiguration<LookedAfterPeriod>
{
    public void Configure(EntityTypeBuilder<LookedAfterPeriod> builder)
    {
        builder.ToTable("LookedAfterPeriods");
        builder.Property(p => p.Reasons).HasMaxLength(LookedAfterPeriod.MaxTextLength);
        builder.Property(p => p.EndReason).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.EndNotes).HasMaxLength(LookedAfterPeriod.MaxTextLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.LegalStatus);
        builder.Ignore(p => p.CarePlan);
        builder.Ignore(p => p.CurrentPlacement);
        builder.Ignore(p => p.ReunificationPlan);
        builder.OwnsMany(p => p.LegalStatuses, s =>
        {
            s.ToJson();
            s.Property(x => x.Status).HasConversion<string>();
        });
        builder.Navigation(p => p.LegalStatuses).HasField("_legalStatuses").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(p => p.CarePlans, c => c.ToJson());
        builder.Navigation(p => p.CarePlans).HasField("_carePlans").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(p => p.Reviews, r => r.ToJson());
        builder.Navigation(p => p.Reviews).HasField("_reviews").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(p => p.Placements, pl =>
        {
            pl.ToJson();
            pl.Property(x => x.Type).HasConversion<string>();
        });
        builder.Navigation(p => p.Placements).HasField("_placements").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(p => p.Notifications, n =>
        {
            n.ToJson();
            n.Property(x => x.Event).HasConversion<string>();
            n.Property(x => x.Party).HasConversion<string>();
        });
        builder.Navigation(p => p.Notifications).HasField("_notifications").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsOne(p => p.ReturnHomeAssessment, a => a.ToJson());
        builder.OwnsOne(p => p.ReturnHomeApproval, a => a.ToJson());
        builder.OwnsOne(p => p.UnplannedReturn, u => u.ToJson());
        builder.OwnsMany(p => p.ReunificationPlans, r => r.ToJson());
        builder.Navigation(p => p.ReunificationPlans).HasField("_reunificationPlans").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(p => p.ReunificationReviews, r => r.ToJson());
        builder.Navigation(p => p.ReunificationReviews).HasField("_reunificationReviews").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Episode>().WithMany().HasForeignKey(p => p.EpisodeId);
        // The child's current period (one open at a time) and the episode's periods for its page.
        builder.HasIndex(p => new { p.AreaId, p.ChildId, p.EndedOn });
        builder.HasIndex(p => new { p.AreaId, p.EpisodeId });
    }
}

public sealed class PreProceedingsConfiguration : IEntityTypeConfiguration<PreProceedings>
{
    public void Configure(EntityTypeBuilder<PreProceedings> builder)
    {
        builder.ToTable("PreProceedings");
        builder.Property(p => p.Reasons).HasMaxLength(PreProceedings.MaxTextLength);
        builder.Property(p => p.AgencyViews).HasMaxLength(PreProceedings.MaxTextLength);
        builder.Property(p => p.OutcomeReasons).HasMaxLength(PreProceedings.MaxTextLength);
        builder.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.ProceedingsIssuedOn);
        builder.OwnsOne(p => p.Letter, l => l.ToJson());
        builder.OwnsMany(p => p.FamilyGroupOffers, f => f.ToJson());
        builder.Navigation(p => p.FamilyGroupOffers).HasField("_familyGroupOffers").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(p => p.KeyDiscussions, k => k.ToJson());
        builder.Navigation(p => p.KeyDiscussions).HasField("_keyDiscussions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Episode>().WithMany().HasForeignKey(p => p.EpisodeId);
        builder.HasIndex(p => new { p.AreaId, p.EpisodeId });
        builder.HasIndex(p => new { p.AreaId, p.ChildId });
    }
}
