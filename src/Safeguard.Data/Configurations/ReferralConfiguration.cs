using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Domain.Children;
using Safeguard.Domain.Referrals;

namespace Safeguard.Data.Configurations;

public sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    /// <summary>
    /// The referral form's own id, for a page submission: sending the same form again finds this referral instead of making
    /// a second one. The form's sender's own (looked up with <see cref="Referral.RecordedBy"/>); kept out of the domain, where
    /// it means nothing. The API's Idempotency-Key is kept, per caller, with the request (IdempotentRequest).
    /// </summary>
    public const string SubmissionKey = nameof(SubmissionKey);

    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.Reference).HasMaxLength(20);
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property<string?>(SubmissionKey).HasMaxLength(100);
        builder.HasIndex("AreaId", nameof(Referral.RecordedBy), SubmissionKey).IsUnique();
        builder.OwnsOne(r => r.ChildAsSent, sent =>
        {
            sent.Property(x => x.GivenName).HasMaxLength(100);
            sent.Property(x => x.FamilyName).HasMaxLength(100);
        });
        builder.OwnsOne(r => r.Referrer, referrer =>
        {
            referrer.Property(x => x.Name).HasMaxLength(200);
            referrer.Property(x => x.Role).HasMaxLength(200);
            referrer.Property(x => x.Phone).HasMaxLength(40);
            referrer.Property(x => x.Email).HasMaxLength(254);
            referrer.HasIndex(x => x.PractitionerId);
        });
        builder.Property(r => r.Concerns).HasMaxLength(Referral.MaxTextLength);
        builder.Property(r => r.ChildsViews).HasMaxLength(Referral.MaxTextLength);
        builder.Property(r => r.WhyFamilyNotToldOrAgreed).HasMaxLength(Referral.MaxTextLength);
        builder.Property(r => r.DecisionReasons).HasMaxLength(Referral.MaxTextLength);
        builder.Property(r => r.SuggestedServices).HasMaxLength(Referral.MaxTextLength);
        builder.Property(r => r.SourceCode).HasMaxLength(2);
        builder.Property(r => r.PrimaryNeedCode).HasMaxLength(2);
        builder.Property(r => r.Urgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(30);
        // One decision per referral: a decision saved while another was being made (both read it undecided) is refused.
        builder.Property(r => r.DecidedAt).IsConcurrencyToken();
        builder.Property(r => r.HarmContexts).HasConversion<int>();
        builder.PrimitiveCollection(r => r.HarmTypes).HasField("_harmTypes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(r => r.Escalations, e => e.ToJson());
        builder.Ignore(r => r.PendingEvents);
        builder.OwnsMany(r => r.Adults, a =>
        {
            a.ToJson();
            a.Property(x => x.Relationship).HasConversion<string>();
        });
        builder.Navigation(r => r.Adults).HasField("_adults").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(r => r.HouseholdChildren, c => c.ToJson());
        builder.Navigation(r => r.HouseholdChildren).HasField("_householdChildren").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Escalations).HasField("_escalations").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId);
        // The front door's queue: undecided referrals in receipt order.
        builder.HasIndex(r => new { r.AreaId, r.DecidedAt, r.ReceivedAt });
        builder.HasIndex(r => new { r.AreaId, r.ChildId, r.ReceivedOn });
        // The episode's referrals (episode page, starting an assessment).
        builder.HasIndex(r => new { r.AreaId, r.EpisodeId, r.ReceivedAt });
    }
}
