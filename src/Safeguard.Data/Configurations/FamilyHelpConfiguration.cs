using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Domain.Children;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Referrals;

namespace Safeguard.Data.Configurations;

public sealed class EpisodeConfiguration : IEntityTypeConfiguration<Episode>
{
    public void Configure(EntityTypeBuilder<Episode> builder)
    {
        builder.Property(e => e.SourceCode).HasMaxLength(2);
        builder.Property(e => e.PrimaryNeedCode).HasMaxLength(2);
        builder.Property(e => e.ClosureReasonCode).HasMaxLength(3);
        builder.Property(e => e.ClosureSummary).HasMaxLength(Episode.MaxTextLength);
        builder.Property(e => e.Support).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.OwnsMany(e => e.Allocations, a => a.ToJson());
        builder.Navigation(e => e.Allocations).HasField("_allocations").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(e => e.CoWorkers, c => c.ToJson());
        builder.Navigation(e => e.CoWorkers).HasField("_coWorkers").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(e => e.CaseManagerId);
        builder.OwnsOne(e => e.FamilyAgreement, a => a.ToJson());
        builder.OwnsMany(e => e.Milestones, m =>
        {
            m.ToJson();
            m.Property(x => x.Kind).HasConversion<string>();
        });
        builder.Navigation(e => e.Milestones).HasField("_milestones").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(e => e.MovedInOnPlan);
        builder.Property(e => e.SpecificNeeds).HasConversion<int>();
        builder.Property(e => e.ExtraFamilialRisk).HasMaxLength(Episode.MaxTextLength);
        builder.HasOne<Child>().WithMany().HasForeignKey(e => e.ChildId);
        builder.HasOne<Referral>().WithMany().HasForeignKey(e => e.OpeningReferralId);
        // The child's open episode (a referral joins it), and episodes by child for the record page.
        builder.HasIndex(e => new { e.AreaId, e.ChildId, e.ClosedOn });
        builder.HasIndex(e => new { e.AreaId, e.LeadPractitionerId, e.ClosedOn });
    }
}

public sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        foreach (var text in new[]
                 {
                     nameof(Assessment.DevelopmentalNeeds), nameof(Assessment.ParentingCapacity), nameof(Assessment.FamilyAndEnvironment),
                     nameof(Assessment.ChildsWishesAndFeelings), nameof(Assessment.WhyViewsNotObtained), nameof(Assessment.WhyNotSeenAlone),
                     nameof(Assessment.FamilyViews), nameof(Assessment.ConclusionReasons), nameof(Assessment.LateReason), nameof(Assessment.ReturnedWith),
                 })
        {
            builder.Property(text).HasMaxLength(Assessment.MaxTextLength);
        }

        builder.Property(a => a.PrimaryNeedCode).HasMaxLength(2);
        builder.Property(a => a.Conclusion).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(a => a.Factors).HasField("_factors").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Episode>().WithMany().HasForeignKey(a => a.EpisodeId);
        builder.HasOne<Referral>().WithMany().HasForeignKey(a => a.ReferralId);
        builder.HasIndex(a => new { a.AreaId, a.EpisodeId });
        builder.HasIndex(a => new { a.AreaId, a.Status });
        // The child's assessments (child page, subject access export).
        builder.HasIndex(a => new { a.AreaId, a.ChildId });
    }
}

public sealed class FamilyHelpPlanConfiguration : IEntityTypeConfiguration<FamilyHelpPlan>
{
    public void Configure(EntityTypeBuilder<FamilyHelpPlan> builder)
    {
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ExpectationsOfParents).HasMaxLength(FamilyHelpPlan.MaxTextLength);
        builder.Property(p => p.EndReason).HasMaxLength(FamilyHelpPlan.MaxTextLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.OwnsMany(p => p.Outcomes, o => o.ToJson());
        builder.Navigation(p => p.Outcomes).HasField("_outcomes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(p => p.Changes, c => c.ToJson());
        builder.Navigation(p => p.Changes).HasField("_changes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(p => p.Reviews, r =>
        {
            r.ToJson();
            r.OwnsMany(x => x.Progress, p => p.Property(x => x.Progress).HasConversion<string>());
        });
        builder.Navigation(p => p.Reviews).HasField("_reviews").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Episode>().WithMany().HasForeignKey(p => p.EpisodeId);
        builder.HasIndex(p => new { p.AreaId, p.ChildId, p.EndedOn });
        builder.HasIndex(p => new { p.AreaId, p.EpisodeId });
    }
}

public sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> builder)
    {
        builder.Property(v => v.WhyNot).HasMaxLength(Visit.MaxTextLength);
        builder.Property(v => v.Observations).HasMaxLength(Visit.MaxTextLength);
        builder.Property(v => v.ChildsWords).HasMaxLength(Visit.MaxTextLength);
        builder.HasOne<Episode>().WithMany().HasForeignKey(v => v.EpisodeId);
        // When the child was last seen: the latest visit by child.
        builder.HasIndex(v => new { v.AreaId, v.ChildId, v.VisitedOn });
        builder.HasIndex(v => new { v.AreaId, v.EpisodeId });
    }
}

public sealed class ChronologyEntryConfiguration : IEntityTypeConfiguration<ChronologyEntry>
{
    public void Configure(EntityTypeBuilder<ChronologyEntry> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Summary).HasMaxLength(ChronologyEntry.MaxSummaryLength);
        builder.Property(c => c.SourceType).HasMaxLength(40);
        builder.Property(c => c.Sensitivity).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(c => new { c.AreaId, c.ChildId, c.OccurredOn });
    }
}

public sealed class BreakGlassAccessConfiguration : IEntityTypeConfiguration<Safeguard.Domain.Access.BreakGlassAccess>
{
    public void Configure(EntityTypeBuilder<Safeguard.Domain.Access.BreakGlassAccess> builder)
    {
        builder.ToTable("BreakGlass");
        builder.Property(b => b.Reason).HasMaxLength(Safeguard.Domain.Access.BreakGlassAccess.MaxReasonLength);
        builder.Property(b => b.ReviewNote).HasMaxLength(Safeguard.Domain.Access.BreakGlassAccess.MaxReasonLength);
        builder.HasOne<Child>().WithMany().HasForeignKey(b => b.ChildId);
        // A practitioner's live accesses to a child, and the managers' list of accesses to review.
        builder.HasIndex(b => new { b.AreaId, b.PractitionerId, b.ChildId, b.Until });
        builder.HasIndex(b => new { b.AreaId, b.ReviewedAt });
    }
}

public sealed class StrategyDiscussionConfiguration : IEntityTypeConfiguration<Safeguard.Domain.ChildProtection.StrategyDiscussion>
{
    public void Configure(EntityTypeBuilder<Safeguard.Domain.ChildProtection.StrategyDiscussion> builder)
    {
        const int max = Safeguard.Domain.ChildProtection.StrategyDiscussion.MaxTextLength;
        builder.Ignore(s => s.PendingEvents);
        builder.Property(s => s.InformationShared).HasMaxLength(max);
        builder.Property(s => s.PoliceReasons).HasMaxLength(max);
        builder.Property(s => s.Section47Reasons).HasMaxLength(max);
        builder.Property(s => s.WhatToShareWithFamily).HasMaxLength(max);
        builder.Property(s => s.WhyAttendanceShort).HasMaxLength(max);
        builder.Property(s => s.PoliceDecision).HasConversion<string>().HasMaxLength(20);
        builder.OwnsMany(s => s.Attendees, a =>
        {
            a.ToJson();
            a.Property(x => x.Role).HasConversion<string>();
        });
        builder.Navigation(s => s.Attendees).HasField("_attendees").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(s => s.Actions, a => a.ToJson());
        builder.Navigation(s => s.Actions).HasField("_actions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(s => s.AttendanceMet);
        builder.Ignore(s => s.Section47Initiated);
        builder.Ignore(s => s.MissingAttendance);
        builder.Ignore(s => s.AwaitsConfirmation);
        builder.HasOne<Episode>().WithMany().HasForeignKey(s => s.EpisodeId);
        builder.HasIndex(s => new { s.AreaId, s.EpisodeId });
        builder.HasIndex(s => new { s.AreaId, s.ChildId });
    }
}

public sealed class Section47EnquiryConfiguration : IEntityTypeConfiguration<Safeguard.Domain.ChildProtection.Section47Enquiry>
{
    public void Configure(EntityTypeBuilder<Safeguard.Domain.ChildProtection.Section47Enquiry> builder)
    {
        const int max = Safeguard.Domain.ChildProtection.Section47Enquiry.MaxTextLength;
        builder.ToTable("Section47Enquiries");
        builder.Ignore(s => s.PendingEvents);
        builder.Property(s => s.WhyNotSeenAlone).HasMaxLength(max);
        builder.Property(s => s.ChildsWishesAndFeelings).HasMaxLength(max);
        builder.Property(s => s.SpecialistAssessments).HasMaxLength(max);
        builder.Property(s => s.HealthRepresentative).HasMaxLength(max);
        builder.Property(s => s.OutcomeReasons).HasMaxLength(max);
        builder.Property(s => s.OngoingSupport).HasMaxLength(max);
        builder.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Episode>().WithMany().HasForeignKey(s => s.EpisodeId);
        builder.HasOne<Safeguard.Domain.ChildProtection.StrategyDiscussion>().WithMany().HasForeignKey(s => s.StrategyDiscussionId);
        builder.OwnsMany(s => s.ConferenceRequests, r => r.ToJson());
        builder.Navigation(s => s.ConferenceRequests).HasField("_conferenceRequests").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(s => s.ConferenceAgreedOnRequest);
        builder.HasIndex(s => new { s.AreaId, s.EpisodeId });
        builder.HasIndex(s => new { s.AreaId, s.ChildId });
    }
}

public sealed class ChildProtectionConferenceConfiguration : IEntityTypeConfiguration<Safeguard.Domain.ChildProtection.ChildProtectionConference>
{
    public void Configure(EntityTypeBuilder<Safeguard.Domain.ChildProtection.ChildProtectionConference> builder)
    {
        builder.Ignore(x => x.PendingEvents);
        const int max = Safeguard.Domain.ChildProtection.ChildProtectionConference.MaxTextLength;
        builder.ToTable("ChildProtectionConferences");
        builder.Property(c => c.ChildsViews).HasMaxLength(max);
        builder.Property(c => c.FamilyParticipation).HasMaxLength(max);
        builder.Property(c => c.Reasons).HasMaxLength(max);
        builder.Property(c => c.WhyChildsViewsNotObtained).HasMaxLength(max);
        builder.Property(c => c.AgencyReports).HasMaxLength(max);
        // A plan's review conferences (its page and the conference page's link back to it).
        builder.HasIndex(c => new { c.AreaId, c.PlanId });
        builder.OwnsMany(c => c.Attendees, a =>
        {
            a.ToJson();
            a.Property(x => x.Role).HasConversion<string>();
        });
        builder.Navigation(c => c.Attendees).HasField("_attendees").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20).HasDefaultValue(Safeguard.Domain.ChildProtection.ConferenceKind.Initial);
        builder.Property(c => c.FromAuthority).HasMaxLength(200);
        builder.HasOne<Safeguard.Domain.ChildProtection.Section47Enquiry>().WithMany().HasForeignKey(c => c.Section47EnquiryId);
        builder.HasIndex(c => new { c.AreaId, c.EpisodeId });
        builder.HasIndex(c => new { c.AreaId, c.ChildId });
    }
}

public sealed class ChildProtectionPlanConfiguration : IEntityTypeConfiguration<Safeguard.Domain.ChildProtection.ChildProtectionPlan>
{
    public void Configure(EntityTypeBuilder<Safeguard.Domain.ChildProtection.ChildProtectionPlan> builder)
    {
        builder.Ignore(x => x.PendingEvents);
        builder.ToTable("ChildProtectionPlans");
        builder.Property(p => p.InitialCategory).HasMaxLength(3);
        builder.Property(p => p.LatestCategory).HasMaxLength(3);
        builder.Property(p => p.EndReason).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.EndNotes).HasMaxLength(Safeguard.Domain.ChildProtection.ChildProtectionConference.MaxTextLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.OwnsMany(p => p.CoreGroup, m => m.ToJson());
        builder.Navigation(p => p.CoreGroup).HasField("_coreGroup").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.CurrentCoreGroup);
        builder.OwnsMany(p => p.Actions, a => a.ToJson());
        builder.Navigation(p => p.Actions).HasField("_actions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(p => p.CoreGroupMeetings, m => m.ToJson());
        builder.Navigation(p => p.CoreGroupMeetings).HasField("_meetings").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(p => p.Reviews, r => r.ToJson());
        builder.Navigation(p => p.Reviews).HasField("_reviews").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(p => p.Changes, c => c.ToJson());
        builder.Navigation(p => p.Changes).HasField("_changes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Safeguard.Domain.ChildProtection.ChildProtectionConference>().WithMany().HasForeignKey(p => p.ConferenceId);
        builder.HasIndex(p => new { p.AreaId, p.ChildId, p.EndedOn });
        // The episode's plans, and the plan a conference made (conference and enquiry pages).
        builder.HasIndex(p => new { p.AreaId, p.EpisodeId });
        builder.HasIndex(p => new { p.AreaId, p.ConferenceId });
        builder.Property(p => p.MovingTo).HasMaxLength(200);
        builder.Property(p => p.TransferInOutcome).HasMaxLength(Safeguard.Domain.ChildProtection.ChildProtectionConference.MaxTextLength);
    }
}

public sealed class ConferenceMeetingConfiguration : IEntityTypeConfiguration<Safeguard.Domain.ChildProtection.ConferenceMeeting>
{
    public void Configure(EntityTypeBuilder<Safeguard.Domain.ChildProtection.ConferenceMeeting> builder)
    {
        const int max = Safeguard.Domain.ChildProtection.ConferenceMeeting.MaxTextLength;
        builder.ToTable("ConferenceMeetings");
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.ChildPreparation).HasMaxLength(max);
        builder.Property(m => m.LeadReport).HasMaxLength(max);
        builder.Property(m => m.WhyReportNotShared).HasMaxLength(max);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.OwnsMany(m => m.Invitations, i => i.ToJson());
        builder.Navigation(m => m.Invitations).HasField("_invitations").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Episode>().WithMany().HasForeignKey(m => m.EpisodeId);
        builder.HasIndex(m => new { m.AreaId, m.EpisodeId });
        // A plan's review conferences, the meeting a conference was held at, and the child's next conference (child page).
        builder.HasIndex(m => new { m.AreaId, m.PlanId, m.HeldOn });
        builder.HasIndex(m => new { m.AreaId, m.ConferenceId });
        builder.HasIndex(m => new { m.AreaId, m.ChildId, m.HeldOn });
    }
}

public sealed class EmergencyActionConfiguration : IEntityTypeConfiguration<Safeguard.Domain.ChildProtection.EmergencyAction>
{
    public void Configure(EntityTypeBuilder<Safeguard.Domain.ChildProtection.EmergencyAction> builder)
    {
        const int max = Safeguard.Domain.ChildProtection.EmergencyAction.MaxTextLength;
        builder.Property(a => a.Power).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.ActingAgency).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(max);
        builder.Property(a => a.ChildSeenBy).HasMaxLength(200);
        builder.Property(a => a.OtherChildrenConsidered).HasMaxLength(max);
        builder.Property(a => a.WhyNoLegalAdvice).HasMaxLength(max);
        builder.Property(a => a.ResponsibleAuthority).HasMaxLength(200);
        builder.Property(a => a.AcceptedBy).HasMaxLength(200);
        builder.HasOne<Episode>().WithMany().HasForeignKey(a => a.EpisodeId);
        builder.HasIndex(a => new { a.AreaId, a.EpisodeId });
    }
}

public sealed class AccessRequestConfiguration : IEntityTypeConfiguration<Safeguard.Domain.Access.AccessRequest>
{
    public void Configure(EntityTypeBuilder<Safeguard.Domain.Access.AccessRequest> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(Safeguard.Domain.Access.AccessRequest.MaxReasonLength);
        builder.Property(r => r.DecisionReasons).HasMaxLength(Safeguard.Domain.Access.AccessRequest.MaxReasonLength);
        builder.Ignore(r => r.Status);
        // One decision per request: a second manager deciding at the same moment is refused.
        builder.Property(r => r.DecidedAt).IsConcurrencyToken();
        builder.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId);
        // A practitioner's granted access to a child (checked on every look), and the managers' list of requests to decide.
        builder.HasIndex(r => new { r.AreaId, r.RequestedBy, r.ChildId, r.Until });
        builder.HasIndex(r => new { r.AreaId, r.DecidedAt });
    }
}
