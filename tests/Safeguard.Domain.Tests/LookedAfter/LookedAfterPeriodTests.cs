using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Children;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.LookedAfter;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;

namespace Safeguard.Domain.Tests.LookedAfter;

/// <summary>One test (or more) per looked after children's rule: LAC-01 to LAC-06.</summary>
public sealed class LookedAfterPeriodTests
{
    private static readonly DateOnly Today = new(2026, 12, 14);
    private static readonly Guid AreaId = Guid.NewGuid();
    private static readonly Agency SocialCare = new(Guid.NewGuid(), AreaId, "Test children's social care", AgencyKind.LocalAuthorityChildrensSocialCare);

    private static readonly Child Child = new(Guid.NewGuid(), AreaId,
        new ChildDetails("Mia", "Testcase", new DateOnly(2012, 3, 2), null, Sex.Female, null, "WBRI", ["NONE"], "English", null, null), Today);

    private static Practitioner Person(bool socialWorker = true, bool manager = false)
    {
        var p = new Practitioner(Guid.NewGuid(), SocialCare, null, "Sam", "Worker", $"{Guid.NewGuid():N}@test.example", "Social worker",
            socialWorker || manager ? SocialWorkRegistration.Parse("SW" + Random.Shared.Next(1, 999_999)) : null);
        if (socialWorker)
        {
            p.Grant(PractitionerRole.SocialWorker, SocialCare);
        }

        if (manager)
        {
            p.Grant(PractitionerRole.PracticeSupervisor, SocialCare);
        }

        return p;
    }

    private static Episode Episode()
    {
        var referral = Referral.Receive(Guid.NewGuid(), AreaId, "NM-T", Child, new Referrer(null, null, "A neighbour", "Neighbour", null, null),
            new ReferralDetails("Heard screaming.", [HarmType.PhysicalAbuse], HarmContext.InsideTheHome, null, false, null, "Anonymous", Urgency.Urgent, "1B"),
            new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero), new DateOnly(2026, 9, 1), null);
        var episode = Domain.FamilyHelp.Episode.Open(Guid.NewGuid(), referral);
        referral.BelongTo(episode.Id);
        return episode;
    }

    private static PlacementDetails Foster(DateOnly on, bool outOfArea = false, string? receiving = null) =>
        new(on, PlacementType.FosterCare, "Mr and Mrs Shah, Eastbridge", outOfArea, receiving);

    private static LookedAfterPeriod Period(LegalStatus status = LegalStatus.Section20, PlacementDetails? placement = null, Episode? episode = null)
    {
        var on = new DateOnly(2026, 10, 1);
        return LookedAfterPeriod.Start(Guid.NewGuid(), Guid.NewGuid(), episode ?? Episode(), Person(), on, status, "Mother admitted to hospital; no family able to care.",
            placement ?? Foster(on), Today);
    }

    private static void WithCarePlan(LookedAfterPeriod period) =>
        period.AgreeCarePlan(Guid.NewGuid(), new DateOnly(2026, 10, 5), "Stays with her foster carers; same school; contact with mother twice a week.",
            "Foster carers know the risks from her mother's partner; no unsupervised contact with him.", Today);

    [Fact]
    [Trait("Rule", "LAC-01")]
    public void BecomingLookedAfter_NeedsTheLegalBasisAndReasons_AndThereIsNoCarePlanUntilOneIsAgreed()
    {
        var on = new DateOnly(2026, 10, 1);
        Assert.Equal("SG-LAC-03", Assert.Throws<RuleViolationException>(() =>
            LookedAfterPeriod.Start(Guid.NewGuid(), Guid.NewGuid(), Episode(), Person(), on, null, "Reasons.", Foster(on), Today)).RuleId);
        Assert.Equal("SG-LAC-04", Assert.Throws<RuleViolationException>(() =>
            LookedAfterPeriod.Start(Guid.NewGuid(), Guid.NewGuid(), Episode(), Person(), on, LegalStatus.Section20, " ", Foster(on), Today)).RuleId);

        var period = Period();
        Assert.False(period.HasCarePlan);
        Assert.Equal("V2", period.LegalStatus.Ssda903Code());
        var noSafeguarding = Assert.Throws<RuleViolationException>(() => period.AgreeCarePlan(Guid.NewGuid(), Today, "Foster care.", "", Today));
        Assert.Equal("LAC-01", noSafeguarding.RuleId);
        Assert.Equal("Safeguarding", noSafeguarding.Field);
        Assert.Equal("LAC-01", Assert.Throws<RuleViolationException>(() =>
            period.ReviewCarePlan(Guid.NewGuid(), Guid.NewGuid(), Today, "IRO", "Views.", "Decisions.", null, Today)).RuleId);

        WithCarePlan(period);
        Assert.True(period.HasCarePlan);
        period.ReviewCarePlan(Guid.NewGuid(), Guid.NewGuid(), Today, "Jo Reviewing (IRO)", "Mia likes her carers.", "Plan continues.", null, Today);
        Assert.Single(period.Reviews);
    }

    [Fact]
    [Trait("Rule", "LAC-01")]
    public void LegalStatusChanges_AreKeptInOrder()
    {
        var period = Period();
        period.ChangeLegalStatus(Guid.NewGuid(), LegalStatus.InterimCareOrder, new DateOnly(2026, 11, 2), Today);
        Assert.Equal(LegalStatus.InterimCareOrder, period.LegalStatus);
        Assert.Equal("SG-LAC-06", Assert.Throws<RuleViolationException>(() =>
            period.ChangeLegalStatus(Guid.NewGuid(), LegalStatus.InterimCareOrder, Today, Today)).RuleId);
        Assert.Equal("SG-LAC-07", Assert.Throws<RuleViolationException>(() =>
            period.ChangeLegalStatus(Guid.NewGuid(), LegalStatus.CareOrder, new DateOnly(2026, 10, 20), Today)).RuleId);
    }

    [Fact]
    [Trait("Rule", "LAC-02")]
    public void OutOfAreaPlacement_NamesTheReceivingAuthority_AndCallsForItsNotifications()
    {
        var on = new DateOnly(2026, 10, 1);
        var unnamed = Assert.Throws<RuleViolationException>(() => Period(placement: Foster(on, outOfArea: true)));
        Assert.Equal("LAC-02", unnamed.RuleId);
        Assert.Equal("ReceivingAuthority", unnamed.Field);

        var period = Period(placement: Foster(on, outOfArea: true, receiving: "Southvale Council"));
        var due = period.NotificationsDue();
        Assert.Equal(3, due.Count);
        Assert.Contains(due, d => d is { Party: NotifiedParty.ReceivingAuthority, Event: PlacementEvent.Started, ReceivingAuthority: "Southvale Council" });
        Assert.All(due, d => Assert.False(d.IsSent));

        var placementId = period.Placements[0].Id;
        period.RecordNotification(Guid.NewGuid(), placementId, PlacementEvent.Started, NotifiedParty.ReceivingAuthority, on, "Southvale Council", Guid.NewGuid(), Today);
        Assert.Equal("SG-LAC-14", Assert.Throws<RuleViolationException>(() => period.RecordNotification(Guid.NewGuid(), placementId, PlacementEvent.Started,
            NotifiedParty.ReceivingAuthority, on, "Southvale Council", Guid.NewGuid(), Today)).RuleId);
        Assert.Equal("LAC-02", Assert.Throws<RuleViolationException>(() => period.RecordNotification(Guid.NewGuid(), placementId, PlacementEvent.Ended,
            NotifiedParty.ReceivingAuthority, on, "Southvale Council", Guid.NewGuid(), Today)).RuleId);
        Assert.Equal(2, period.NotificationsDue().Count(d => !d.IsSent));

        // A move back into the area: the receiving authority is told the placement ended; the GP and the board of the new placement.
        period.MovePlacement(Guid.NewGuid(), Guid.NewGuid(), new PlacementDetails(new DateOnly(2026, 11, 1), PlacementType.KinshipFosterCare, "Aunt, Northmoor", false, "ignored"),
            Today);
        Assert.Null(period.Placements[^1].ReceivingAuthority);
        Assert.Equal(new DateOnly(2026, 11, 1), period.Placements[0].EndedOn);
        var afterMove = period.NotificationsDue();
        Assert.Contains(afterMove, d => d is { Party: NotifiedParty.ReceivingAuthority, Event: PlacementEvent.Ended, IsSent: false });
        Assert.Equal(2, afterMove.Count(d => d.PlacementId == period.Placements[^1].Id));
    }

    [Fact]
    [Trait("Rule", "LAC-02")]
    public void InAreaPlacement_CallsOnlyForTheGpAndTheBoard_AndTheEndTellsThemToo()
    {
        var period = Period();
        Assert.DoesNotContain(period.NotificationsDue(), d => d.Party == NotifiedParty.ReceivingAuthority);
        WithCarePlan(period);
        period.Cease(Person(manager: true), Today, "Special guardianship order to her grandmother.", Today);
        var due = period.NotificationsDue();
        Assert.Contains(due, d => d is { Party: NotifiedParty.GeneralPractitioner, Event: PlacementEvent.Ended });
        Assert.Contains(due, d => d is { Party: NotifiedParty.IntegratedCareBoard, Event: PlacementEvent.Ended });
    }

    [Fact]
    [Trait("Rule", "LAC-03")]
    public void Section47ForALookedAfterChild_WaitsForACarePlanReviewAlongsideIt()
    {
        var episode = Episode();
        var period = Period(episode: episode);
        WithCarePlan(period);
        var enquiryId = Guid.NewGuid();
        IEnumerable<(Guid, DateOnly, DateOnly?)> enquiries = [(enquiryId, new DateOnly(2026, 12, 1), null), (Guid.NewGuid(), new DateOnly(2026, 9, 2), new DateOnly(2026, 9, 20))];
        Assert.Equal([enquiryId], period.EnquiriesWithoutReview(enquiries));

        var other = Section47(Episode());
        Assert.Equal("LAC-03", Assert.Throws<RuleViolationException>(() =>
            period.ReviewCarePlan(Guid.NewGuid(), Guid.NewGuid(), Today, "IRO", "Views.", "Decisions.", other, Today)).RuleId);

        var enquiry = Section47(episode);
        period.ReviewCarePlan(Guid.NewGuid(), Guid.NewGuid(), Today, "Jo Reviewing (IRO)", "Mia says she feels safe at her carers'.",
            "Carers' supervision increased while the enquiry runs; the enquiry's actions are monitored here.", enquiry, Today);
        Assert.Equal(enquiry.Id, period.Reviews[^1].Section47EnquiryId);
        Assert.Empty(period.EnquiriesWithoutReview([(enquiry.Id, enquiry.StartedOn, null)]));
    }

    [Fact]
    [Trait("Rule", "LAC-04")]
    public void PlannedReturnHome_IsAssessed_IntoTheCarePlan_ThenApprovedByAManager_ThenHappens()
    {
        var period = Period();
        var worker = Person();
        Assert.Equal("LAC-01", Assert.Throws<RuleViolationException>(() =>
            period.AssessReturnHome(worker, Today, "Mother recovered.", "Family Help.", Today)).RuleId);
        WithCarePlan(period);
        Assert.Equal("LAC-04", Assert.Throws<RuleViolationException>(() => period.ApproveReturnHome(Person(manager: true), Today, "Safe.", null, null, Today)).RuleId);
        Assert.Equal("LAC-04", Assert.Throws<RuleViolationException>(() => period.ReturnHomeAsPlanned(worker.Id, Today, Today)).RuleId);

        period.AssessReturnHome(worker, Today, "Mother has recovered and her partner has left; the needs that led to care are met.",
            "Family Help worker weekly; school nurse; grandmother after school.", Today);
        Assert.Contains("Return home assessed", period.CarePlan!.ReturnHome, StringComparison.Ordinal);
        Assert.Equal(2, period.CarePlans.Count);

        Assert.Equal("LAC-04", Assert.Throws<RuleViolationException>(() => period.ApproveReturnHome(worker, Today, "Safe.", null, null, Today)).RuleId);
        period.ApproveReturnHome(Person(manager: true), Today, "The assessment shows the needs are met; support is in place.", null, Child.DateOfBirth, Today);
        period.ReturnHomeAsPlanned(worker.Id, Today, Today);
        Assert.False(period.IsOpen);
        Assert.Equal(LookedAfterEndReason.PlannedReturnHome, period.EndReason);
        Assert.Equal(Today, period.Placements[^1].EndedOn);
    }

    [Fact]
    [Trait("Rule", "LAC-04")]
    public void UnderACareOrder_OnlyASocialWorkerAssessesTheReturn_AndAnEligibleChildNeedsTheLeavingCareAssessment()
    {
        var period = Period(LegalStatus.CareOrder);
        WithCarePlan(period);
        var notASocialWorker = Person(socialWorker: false);
        Assert.Equal("LAC-04", Assert.Throws<RuleViolationException>(() =>
            period.AssessReturnHome(notASocialWorker, Today, "Assessment.", "Support.", Today)).RuleId);
        period.AssessReturnHome(Person(), Today, "Assessment.", "Support.", Today);

        // Born 2010-03-01: 16 on the return, looked after since 1 October 2026 — under 13 weeks, so not yet eligible.
        Assert.False(period.IsEligibleChild(new DateOnly(2010, 3, 1), Today));
        Assert.True(period.IsEligibleChild(new DateOnly(2010, 3, 1), new DateOnly(2027, 1, 5)));
        var manager = Person(manager: true);
        var later = new DateOnly(2027, 1, 5);
        var missing = Assert.Throws<RuleViolationException>(() => period.ApproveReturnHome(manager, later, "Safe.", null, new DateOnly(2010, 3, 1), later));
        Assert.Equal("LAC-04", missing.RuleId);
        Assert.Equal("LeavingCareAssessment", missing.Field);
        period.ApproveReturnHome(manager, later, "Safe.", "Needs assessed: a personal adviser and a pathway plan.", new DateOnly(2010, 3, 1), later);
    }

    [Fact]
    [Trait("Rule", "LAC-05")]
    public void UnplannedReturnFromSection20_NeedsTheSafetyCheck_AndTheActionWhenHarmIsSuspected()
    {
        Assert.Equal("LAC-05", Assert.Throws<RuleViolationException>(() =>
            Period(LegalStatus.InterimCareOrder).ReturnHomeUnplanned(Guid.NewGuid(), Today, "Mother took her home.", "Seen.", false, null, Today)).RuleId);
        var period = Period();
        var noCheck = Assert.Throws<RuleViolationException>(() => period.ReturnHomeUnplanned(Guid.NewGuid(), Today, "Mother took her home.", "", false, null, Today));
        Assert.Equal(("LAC-05", "SafetyCheck"), (noCheck.RuleId, noCheck.Field));
        var noAction = Assert.Throws<RuleViolationException>(() =>
            period.ReturnHomeUnplanned(Guid.NewGuid(), Today, "Mother took her home.", "Seen at home with police.", true, null, Today));
        Assert.Equal(("LAC-05", "ActionTaken"), (noAction.RuleId, noAction.Field));

        period.ReturnHomeUnplanned(Guid.NewGuid(), Today, "Mother took her home from school.", "Seen at home the same evening with police; no risk outside the home found.",
            true, "Strategy discussion held the next morning; section 47 enquiries started.", Today);
        Assert.Equal(LookedAfterEndReason.UnplannedReturnHome, period.EndReason);
        Assert.NotNull(period.UnplannedReturn);
    }

    [Fact]
    [Trait("Rule", "LAC-06")]
    public void AfterReunification_APlanThenReviewsWithTheChildSeenAloneOrWhyNot()
    {
        var period = Period();
        Assert.Equal("LAC-06", Assert.Throws<RuleViolationException>(() =>
            period.PlanReunification(Guid.NewGuid(), Today, "Services.", "Timeline.", true, null, null, false, Today)).RuleId);
        period.ReturnHomeUnplanned(Guid.NewGuid(), Today, "Mother took her home.", "Seen at home; safe.", false, null, Today);
        Assert.Equal("LAC-06", Assert.Throws<RuleViolationException>(() =>
            period.ReviewReunification(Guid.NewGuid(), Today, true, true, null, "Happy.", "Good.", Today)).RuleId);
        Assert.Equal("WhyNotExplained", Assert.Throws<RuleViolationException>(() =>
            period.PlanReunification(Guid.NewGuid(), Today, "Services.", "Timeline.", false, null, null, false, Today)).Field);
        period.PlanReunification(Guid.NewGuid(), Today, "Family Help weekly for 12 weeks; school nurse.", "Review at 6 and 12 weeks; then step down.", true, null, null,
            false, Today);

        var notAlone = Assert.Throws<RuleViolationException>(() =>
            period.ReviewReunification(Guid.NewGuid(), Today, true, false, null, "Happy at home.", "Routines better.", Today));
        Assert.Equal(("LAC-06", "WhyNotSeenAlone"), (notAlone.RuleId, notAlone.Field));
        period.ReviewReunification(Guid.NewGuid(), Today, true, true, null, "She wants the Family Help worker to keep coming.", "School attendance up to 96%.", Today);
        Assert.True(period.ReunificationReviews[^1].SeenAlone);
    }

    [Fact]
    [Trait("Rule", "LAC-06")]
    public void AfterAnOutOfAreaPlacementForHarmOutsideTheHome_TheLeadPractitionerIsASocialWorker()
    {
        var on = new DateOnly(2026, 10, 1);
        var period = Period(placement: Foster(on, true, "Southvale Council"));
        period.ReturnHomeUnplanned(Guid.NewGuid(), Today, "She left the placement and went home.", "Seen at home; safe.", false, null, Today);
        Assert.Equal("LAC-06", Assert.Throws<RuleViolationException>(() =>
            period.PlanReunification(Guid.NewGuid(), Today, "Services.", "Timeline.", true, null, Person(socialWorker: false), true, Today)).RuleId);
        period.PlanReunification(Guid.NewGuid(), Today, "Services.", "Timeline.", true, null, Person(), true, Today);
    }

    private static Section47Enquiry Section47(Episode episode)
    {
        var discussion = StrategyDiscussion.Record(Guid.NewGuid(), episode, Person(), new StrategyDiscussionRecord(Today,
            [.. StrategyDiscussion.MinimumAttendance.Select(r => new Attendee($"{r} person", $"{r} agency", r))], "A new bruise seen at school.",
            CriminalInvestigation.Started, null, true, "Reasonable cause to suspect physical abuse.",
            [new AgreedAction("Child protection medical", "Community paediatrician", Today.AddDays(1))], false, null, null), Today);
        return Section47Enquiry.Start(Guid.NewGuid(), discussion, Person(), null);
    }
}
