using Safeguard.Domain.Calendar;
using Safeguard.Domain.Children;
using Safeguard.Domain.Clocks;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;
using Safeguard.Domain.Rules;

namespace Safeguard.Domain.Tests.FamilyHelp;

/// <summary>The rules of Family Help and child in need work, in the guidance's terms, each test naming its rule.</summary>
public sealed class FamilyHelpTests
{
    private static readonly DateOnly Received = new(2026, 11, 24);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid AreaId = Guid.NewGuid();
    private static readonly Agency SocialCare = new(Guid.NewGuid(), AreaId, "Test children's social care", AgencyKind.LocalAuthorityChildrensSocialCare);
    private static readonly Agency School = new(Guid.NewGuid(), AreaId, "Test primary school", AgencyKind.School);
    private static readonly Agency FamilyHub = new(Guid.NewGuid(), AreaId, "Test family hub", AgencyKind.VoluntarySector);
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.England;

    private static readonly Child Child = new(Guid.NewGuid(), AreaId,
        new ChildDetails("Mia", "Testcase", new DateOnly(2018, 3, 2), null, Sex.Female, null, "WBRI", ["NONE"], "English", null, null), Received);

    private static readonly Practitioner Teacher = new(Guid.NewGuid(), School, null, "Dee", "Teacher", "dsl@test.example", "DSL");

    private static Practitioner Manager()
    {
        var manager = new Practitioner(Guid.NewGuid(), SocialCare, null, "Max", "Manager", "m@test.example", "Team manager", SocialWorkRegistration.Parse("SW1"));
        manager.Grant(PractitionerRole.PracticeSupervisor, SocialCare);
        return manager;
    }

    private static Practitioner SocialWorker()
    {
        var worker = new Practitioner(Guid.NewGuid(), SocialCare, null, "Sam", "Worker", "w@test.example", "Social worker", SocialWorkRegistration.Parse("SW2"));
        worker.Grant(PractitionerRole.SocialWorker, SocialCare);
        return worker;
    }

    private static Practitioner FamilyHubWorker() => new(Guid.NewGuid(), FamilyHub, null, "Fran", "Hub", "f@test.example", "Family support worker");

    private static Referral Referral()
    {
        var referral = Domain.Referrals.Referral.Receive(Guid.NewGuid(), AreaId, "NM-TEST-1", Child,
            new Referrer(Teacher.Id, School.Id, Teacher.FullName, "Designated safeguarding lead", null, Teacher.Email),
            new ReferralDetails("Mia comes to school hungry.", [HarmType.Neglect], HarmContext.InsideTheHome, null, true, true, null, Urgency.Standard, "2A"),
            Now, Received, null);
        return referral;
    }

    private static (Episode Episode, Referral Referral) Decided(ReferralOutcome outcome)
    {
        var referral = Referral();
        var episode = Episode.Open(Guid.NewGuid(), referral);
        referral.BelongTo(episode.Id);
        referral.RecordDecision(Manager(), outcome, "Reasons given to the referrer.", outcome is ReferralOutcome.NoFurtherAction or ReferralOutcome.UniversalHelp ? null : "N1",
            outcome == ReferralOutcome.UniversalHelp ? "The family hub's parenting group." : null, Now, Received, Received);
        episode.ReferralDecided(referral);
        return (episode, referral);
    }

    private static (Episode, Referral, Practitioner Lead) Allocated()
    {
        var (episode, referral) = Decided(ReferralOutcome.Section17Assessment);
        var lead = SocialWorker();
        episode.Allocate(Manager(), lead, agreed: true, Received, null);
        return (episode, referral, lead);
    }

    private static AssessmentContent Complete(DateOnly seenOn, bool seenAlone = true, string? whyNotAlone = null, string? wishes = "I like school.",
        string? whyNoViews = null, IReadOnlyCollection<string>? factors = null) =>
        new("Growing well; attendance 91%.", "Mother is warm but struggles with money.", "Lives with mother and brother; no wider family nearby.", wishes,
            whyNoViews, seenOn, seenAlone, whyNotAlone, "Mother wants help with food and routines.", factors ?? ["16A"], AssessmentConclusion.ChildInNeed,
            "Mia's needs are met only with support.", "N1");

    private static T Refused<T>(Func<T> step, string ruleId)
    {
        var error = Assert.Throws<RuleViolationException>(() => step());
        Assert.Equal(ruleId, error.RuleId);
        return default!;
    }

    private static void Refused(Action step, string ruleId)
    {
        var error = Assert.Throws<RuleViolationException>(step);
        Assert.Equal(ruleId, error.RuleId);
    }

    [Fact]
    public void NoFurtherActionOnTheOpeningReferral_ClosesTheEpisodeAsAReferralWithNoFurtherAction()
    {
        var (episode, _) = Decided(ReferralOutcome.NoFurtherAction);

        Assert.False(episode.IsOpen);
        Assert.True(episode.IsReferralNoFurtherAction);
        Assert.Equal(Received, episode.ClosedOn);
        Assert.Equal("RC7", episode.ClosureReasonCode);
    }

    [Fact]
    public void FamilyHelpDecision_KeepsTheEpisodeOpenForFamilyHelp()
    {
        var (episode, _) = Decided(ReferralOutcome.FamilyHelp);

        Assert.True(episode.IsOpen);
        Assert.Equal(SupportKind.FamilyHelp, episode.Support);
        Assert.Equal("N1", episode.PrimaryNeedCode);
    }

    [Fact]
    [Trait("Rule", "RC-01")]
    public void Allocation_ByASocialWorkerWhoIsNotAManager_IsRefused()
    {
        var (episode, _) = Decided(ReferralOutcome.Section17Assessment);

        Refused(() => episode.Allocate(SocialWorker(), SocialWorker(), true, Received, null), "RC-01");
        Assert.Null(episode.LeadPractitionerId);
    }

    [Fact]
    [Trait("Rule", "RC-02")]
    public void Allocation_WithoutThePractitionersAgreement_IsRefused()
    {
        var (episode, _) = Decided(ReferralOutcome.Section17Assessment);

        Refused(() => episode.Allocate(Manager(), SocialWorker(), agreed: false, Received, null), "RC-02");
    }

    [Fact]
    [Trait("Rule", "RC-02")]
    public void AFamilyHubWorker_CanLeadFamilyHelp_ButNotASection17Assessment()
    {
        var (familyHelp, _) = Decided(ReferralOutcome.FamilyHelp);
        var (section17, _) = Decided(ReferralOutcome.Section17Assessment);
        var hubWorker = FamilyHubWorker();

        familyHelp.Allocate(Manager(), hubWorker, true, Received, null);

        Assert.Equal(hubWorker.Id, familyHelp.LeadPractitionerId);
        Refused(() => section17.Allocate(Manager(), hubWorker, true, Received, null), "RC-02");
    }

    [Fact]
    [Trait("Rule", "ASM-01")]
    public void Reallocation_NeedsAReason_AndKeepsTheHistory()
    {
        var (episode, _, first) = Allocated();
        var second = SocialWorker();

        Refused(() => episode.Allocate(Manager(), second, true, Received.AddDays(7), null), "SG-EP-05");
        episode.Allocate(Manager(), second, true, Received.AddDays(7), "Sam is leaving the team.");

        Assert.Equal(second.Id, episode.LeadPractitionerId);
        Assert.Equal(2, episode.Allocations.Count);
        Assert.Equal(first.Id, episode.Allocations[0].PractitionerId);
        Assert.Equal(Received.AddDays(7), episode.Allocations[0].Until);
        Assert.Null(episode.Allocations[1].Until);
    }

    [Fact]
    [Trait("Rule", "ASM-01")]
    public void Assessment_CannotStartBeforeALeadPractitionerIsAllocated()
    {
        var (episode, referral) = Decided(ReferralOutcome.Section17Assessment);

        Refused(() => Assessment.Start(Guid.NewGuid(), episode, referral, Guid.NewGuid(), Received, false), "ASM-01");
    }

    [Fact]
    public void OnlyOneUnfinishedAssessmentPerEpisode()
    {
        var (episode, referral, lead) = Allocated();

        Refused(() => Assessment.Start(Guid.NewGuid(), episode, referral, lead.Id, Received, episodeHasUnfinishedAssessment: true), "SG-ASM-01");
    }

    [Theory]
    [Trait("Rule", "ASM-04")]
    [InlineData(null, null, "ASM-04")]
    [InlineData(null, "She is a baby: observed with her mother.", null)]
    public void Submission_NeedsTheChildsViews_OrWhyTheyCouldNotBeObtained(string? wishes, string? whyNot, string? refusedBy)
    {
        var (episode, referral, lead) = Allocated();
        var assessment = Assessment.Start(Guid.NewGuid(), episode, referral, lead.Id, Received, false);
        assessment.Save(lead.Id, Complete(Received.AddDays(2), wishes: wishes, whyNoViews: whyNot));

        if (refusedBy is null)
        {
            assessment.Submit(lead.Id, Received.AddDays(10), Received.AddDays(60), null);
            Assert.Equal(AssessmentStatus.Submitted, assessment.Status);
        }
        else
        {
            Refused(() => assessment.Submit(lead.Id, Received.AddDays(10), Received.AddDays(60), null), refusedBy);
            Assert.Equal(AssessmentStatus.InProgress, assessment.Status);
        }
    }

    [Fact]
    [Trait("Rule", "ASM-06")]
    [Trait("Rule", "ASM-07")]
    public void TheAssessmentsOutcome_IsToldInWriting_AndOnlyOnceAuthorised()
    {
        var (episode, referral, lead) = Allocated();
        var assessment = Assessment.Start(Guid.NewGuid(), episode, referral, lead.Id, Received, false);
        assessment.Save(lead.Id, Complete(Received.AddDays(2)));
        var today = Received.AddDays(12);
        var toFamily = new Domain.InformationSharing.TellingRecord(Domain.InformationSharing.TellingTopic.AssessmentOutcomeToFamily, "Mia's mother", null, today,
            Domain.InformationSharing.TellingMethod.Letter, "The assessment's findings, the decision on a child in need plan, and what happens next.", null);
        Domain.InformationSharing.Telling Tell(Domain.InformationSharing.TellingRecord record) =>
            Domain.InformationSharing.Telling.AboutAssessment(Guid.NewGuid(), assessment, record, lead.Id, lead.FullName, today, Now);

        Refused(() => Tell(toFamily), "ASM-06");
        assessment.Submit(lead.Id, Received.AddDays(10), Received.AddDays(60), null);
        assessment.Authorise(Manager(), Received.AddDays(11), Received.AddDays(60));

        Refused(() => Tell(toFamily with { Method = Domain.InformationSharing.TellingMethod.Phone }), "ASM-07");
        Refused(() => Tell(toFamily with { Topic = Domain.InformationSharing.TellingTopic.AssessmentOutcomeToAgency }), "ASM-07");
        Refused(() => Tell(toFamily with { ToldOn = Received.AddDays(10) }), "ASM-06");
        Refused(() => Tell(toFamily with { ToldOn = today.AddDays(1) }), "ASM-06");
        Refused(() => Tell(toFamily with { Who = " " }), "ASM-06");
        Refused(() => Tell(toFamily with { Topic = Domain.InformationSharing.TellingTopic.PlanEnded }), "SG-TOLD-01");
        var told = Tell(toFamily);
        Assert.True(told.InWriting);
        Assert.Equal("ASM-06", told.RuleId);
        Assert.Equal(lead.FullName, told.ToldBy);
        Assert.Equal((nameof(Assessment), assessment.Id), (told.SourceType, told.SourceId));
        var toSchool = Tell(toFamily with { Topic = Domain.InformationSharing.TellingTopic.AssessmentOutcomeToAgency, Who = "Dee Teacher", Agency = "Millbrook Primary",
            Method = Domain.InformationSharing.TellingMethod.SecureEmail, ToldBy = "Sam Worker" });
        Assert.Equal(("ASM-07", "Sam Worker"), (toSchool.RuleId, toSchool.ToldBy));
    }

    [Fact]
    [Trait("Rule", "ASM-04")]
    public void Submission_OfAChildNotSeenAlone_NeedsTheReason()
    {
        var (episode, referral, lead) = Allocated();
        var assessment = Assessment.Start(Guid.NewGuid(), episode, referral, lead.Id, Received, false);
        assessment.Save(lead.Id, Complete(Received.AddDays(2), seenAlone: false));

        Refused(() => assessment.Submit(lead.Id, Received.AddDays(10), Received.AddDays(60), null), "ASM-04");

        assessment.Save(lead.Id, Complete(Received.AddDays(2), seenAlone: false, whyNotAlone: "Mia uses signing; her interpreter was present."));
        assessment.Submit(lead.Id, Received.AddDays(10), Received.AddDays(60), null);
        Assert.Equal(AssessmentStatus.Submitted, assessment.Status);
    }

    [Fact]
    [Trait("Rule", "FH-02")]
    public void Submission_NeedsAllThreeDomains()
    {
        var (episode, referral, lead) = Allocated();
        var assessment = Assessment.Start(Guid.NewGuid(), episode, referral, lead.Id, Received, false);
        assessment.Save(lead.Id, Complete(Received.AddDays(2)) with { ParentingCapacity = "  " });

        var error = Assert.Throws<RuleViolationException>(() => assessment.Submit(lead.Id, Received.AddDays(10), Received.AddDays(60), null));

        Assert.Equal("FH-02", error.RuleId);
        Assert.Equal(nameof(Assessment.ParentingCapacity), error.Field);
    }

    [Fact]
    public void NoFactorsIdentified_CannotGoWithOtherFactors()
    {
        var (episode, referral, lead) = Allocated();
        var assessment = Assessment.Start(Guid.NewGuid(), episode, referral, lead.Id, Received, false);
        assessment.Save(lead.Id, Complete(Received.AddDays(2), factors: ["21", "16A"]));

        Refused(() => assessment.Submit(lead.Id, Received.AddDays(10), Received.AddDays(60), null), "SG-ASM-05");
        Refused(() => assessment.Save(lead.Id, Complete(Received.AddDays(2), factors: ["18A"])), "SG-ASM-05");
    }

    [Fact]
    [Trait("Rule", "ASM-03")]
    public void TheFortyFiveWorkingDays_CrossChristmasAndNewYear_AndDayFortySixNeedsTheReason()
    {
        // 24 November 2026 + 45 working days, skipping 25 and 28 December (Boxing Day falls on a Saturday: substitute
        // Monday 28th) and 1 January 2027: 29 January 2027.
        var due = StatutoryRules.Assessment.Due(Received, Calendar)!.Value;
        Assert.Equal(new DateOnly(2027, 1, 29), due);

        var (episode, referral, lead) = Allocated();
        var assessment = Assessment.Start(Guid.NewGuid(), episode, referral, lead.Id, Received, false);
        assessment.Save(lead.Id, Complete(Received.AddDays(2)));
        var dayFortySix = Calendar.AddWorkingDays(due, 1);

        var error = Assert.Throws<RuleViolationException>(() => assessment.Submit(lead.Id, dayFortySix, due, null));
        Assert.Equal("ASM-03", error.RuleId);
        Assert.Contains("29 January 2027", error.Message, StringComparison.Ordinal);

        assessment.Submit(lead.Id, dayFortySix, due, "The family was abroad for three weeks.");
        assessment.Authorise(Manager(), dayFortySix, due);
        Assert.Equal("The family was abroad for three weeks.", assessment.LateReason);
    }

    [Fact]
    [Trait("Rule", "ASM-03")]
    public void SubmittedOnTime_ButAuthorisedLate_TheManagerRecordsWhy()
    {
        var (episode, referral, lead) = Allocated();
        var due = StatutoryRules.Assessment.Due(Received, Calendar)!.Value;
        var assessment = Assessment.Start(Guid.NewGuid(), episode, referral, lead.Id, Received, false);
        assessment.Save(lead.Id, Complete(Received.AddDays(2)));
        assessment.Submit(lead.Id, due, due, null);
        var late = Calendar.AddWorkingDays(due, 2);

        Refused(() => assessment.Authorise(Manager(), late, due), "ASM-03");
        assessment.Authorise(Manager(), late, due, "Authorising manager was on leave.");

        Assert.True(assessment.IsAuthorised);
        Assert.Equal("Authorising manager was on leave.", assessment.LateReason);
    }

    [Fact]
    [Trait("Rule", "RC-01")]
    public void OnlyASocialWorkQualifiedManager_AuthorisesTheAssessment_AndTheEpisodeBecomesChildInNeed()
    {
        var (episode, referral, lead) = Allocated();
        var assessment = Assessment.Start(Guid.NewGuid(), episode, referral, lead.Id, Received, false);
        assessment.Save(lead.Id, Complete(Received.AddDays(2)));
        assessment.Submit(lead.Id, Received.AddDays(10), Received.AddDays(60), null);

        Refused(() => assessment.Authorise(lead, Received.AddDays(11), Received.AddDays(60)), "RC-01");
        assessment.Authorise(Manager(), Received.AddDays(11), Received.AddDays(60));
        episode.AssessmentAuthorised(assessment);

        Assert.Equal(SupportKind.ChildInNeed, episode.Support);
    }

    [Fact]
    public void AReturnedAssessment_GoesBackToTheLeadPractitionerWithWhatToChange()
    {
        var (episode, referral, lead) = Allocated();
        var assessment = Assessment.Start(Guid.NewGuid(), episode, referral, lead.Id, Received, false);
        assessment.Save(lead.Id, Complete(Received.AddDays(2)));
        assessment.Submit(lead.Id, Received.AddDays(10), Received.AddDays(60), null);

        assessment.Return(Manager(), "Add the brother's views.");

        Assert.Equal(AssessmentStatus.InProgress, assessment.Status);
        Assert.Equal("Add the brother's views.", assessment.ReturnedWith);
        Refused(() => assessment.Authorise(Manager(), Received.AddDays(11), Received.AddDays(60)), "SG-ASM-08");
    }

    private static IReadOnlyList<PlanOutcome> Outcomes() =>
        [new PlanOutcome(0, "Mia eats breakfast every school day", "School breakfast log shows 5 of 5 days", Received.AddDays(60), "Family hub", "Breakfast club")];

    [Fact]
    [Trait("Rule", "CIN-01")]
    [Trait("Rule", "FH-03")]
    public void APlansOutcomes_AreAddedChangedAndAchieved_EachChangeKeptWithWhatItWasBefore()
    {
        var (episode, _, lead) = Allocated();
        var plan = FamilyHelpPlan.Make(Guid.NewGuid(), episode, PlanKind.ChildInNeed, lead.Id, Outcomes(), "Routines", 14, Received.AddDays(28), Received, false);
        var at = Now.AddDays(7);
        var today = Received.AddDays(7);
        var version = plan.Version;

        Refused(() => plan.AddOutcome(lead.Id, Outcomes()[0] with { Measure = " " }, null, at, today), "CIN-01");
        Refused(() => plan.AddOutcome(lead.Id, Outcomes()[0] with { ByWhen = today.AddDays(-1) }, null, at, today), "CIN-01");
        Assert.Equal(version, plan.Version);
        var added = plan.AddOutcome(lead.Id, new PlanOutcome(0, "Mia sleeps in her own bed", "Sleep diary: 6 nights of 7", today.AddDays(42), "Health visiting",
            "Sleep clinic"), "Agreed with mother at the visit.", at, today);

        Assert.Equal(2, added.Number);
        var outcome = plan.Outcomes[0];
        Refused(() => plan.ChangeOutcome(lead.Id, 1, outcome, null, at, today), "SG-PLAN-09");
        Refused(() => plan.ChangeOutcome(lead.Id, 9, outcome, null, at, today), "SG-PLAN-09");
        plan.ChangeOutcome(lead.Id, 1, outcome with { Measure = "School breakfast log shows 4 of 5 days" }, "A realistic first step.", at, today);
        Refused(() => plan.AchieveOutcome(lead.Id, 2, today, " ", at, today), "CIN-02");
        Refused(() => plan.AchieveOutcome(lead.Id, 2, today.AddDays(1), "Diary.", at, today), "SG-PLAN-05");
        plan.AchieveOutcome(lead.Id, 2, today, "Sleep diary shows 7 of 7 nights for two weeks.", at, today);

        Assert.Equal(today, plan.Outcomes[1].AchievedOn);
        Assert.Equal("School breakfast log shows 4 of 5 days", plan.Outcomes[0].Measure);
        Assert.Equal([Domain.Plans.PlanChangeKind.OutcomeAdded, Domain.Plans.PlanChangeKind.OutcomeChanged, Domain.Plans.PlanChangeKind.OutcomeAchieved],
            plan.Changes.Select(c => c.Kind));
        Assert.Equal(outcome.ToString(), plan.Changes[1].Before);
        Assert.Equal(("1", lead.Id, at, "A realistic first step."), (plan.Changes[1].Subject, plan.Changes[1].By, plan.Changes[1].At, plan.Changes[1].Reason));
        Refused(() => plan.ChangeOutcome(lead.Id, 2, plan.Outcomes[1] with { Service = "Another clinic" }, null, at, today), "SG-PLAN-10");
        Refused(() => plan.AchieveOutcome(lead.Id, 2, today, "Again.", at, today), "SG-PLAN-10");
        plan.End(lead.Id, today, "Needs met; the family hub carries on with breakfast club.");
        Refused(() => plan.AddOutcome(lead.Id, Outcomes()[0], null, at, today), "SG-PLAN-03");
        Assert.Equal(3, plan.Changes.Count);
    }

    [Fact]
    [Trait("Rule", "FH-01")]
    public void AFamilyHelpPlan_NeedsTheFamilysAgreementFirst()
    {
        var (episode, _) = Decided(ReferralOutcome.FamilyHelp);
        var hub = FamilyHubWorker();
        episode.Allocate(Manager(), hub, true, Received, null);

        Refused(() => FamilyHelpPlan.Make(Guid.NewGuid(), episode, PlanKind.FamilyHelp, hub.Id, Outcomes(), "Get Mia to school on time.", 14, Received.AddDays(28),
            Received, false), "FH-01");
        Refused(() => episode.RecordFamilyAgreement(hub.Id, false, "Mother", Received, null), "FH-04");
        episode.RecordFamilyAgreement(hub.Id, true, "Mother and Mia", Received, null);
        var plan = FamilyHelpPlan.Make(Guid.NewGuid(), episode, PlanKind.FamilyHelp, hub.Id, Outcomes(), "Get Mia to school on time.", 14, Received.AddDays(28),
            Received, false);

        Assert.Equal(1, plan.Outcomes[0].Number);
    }

    [Fact]
    [Trait("Rule", "CIN-01")]
    public void AChildInNeedPlan_NeedsMeasurableOutcomesWithDatesAndProviders_AndIsApprovedBeforeReview()
    {
        var (episode, _, lead) = Allocated();
        Refused(() => FamilyHelpPlan.Make(Guid.NewGuid(), episode, PlanKind.ChildInNeed, lead.Id, [Outcomes()[0] with { Measure = "" }], "Routines", 14,
            Received.AddDays(28), Received, false), "CIN-01");
        Refused(() => FamilyHelpPlan.Make(Guid.NewGuid(), episode, PlanKind.ChildInNeed, lead.Id, Outcomes(), "Routines", 14, Received.AddDays(28), Received,
            childHasOpenPlan: true), "SG-PLAN-01");
        var plan = FamilyHelpPlan.Make(Guid.NewGuid(), episode, PlanKind.ChildInNeed, lead.Id, Outcomes(), "Routines", 14, Received.AddDays(28), Received, false);
        var progress = new[] { new OutcomeProgress(1, Progress.OnTrack, "4 of 5 days this week.") };

        Refused(() => plan.Review(lead.Id, Received.AddDays(28), progress, "Carry on.", Received.AddDays(56), Received.AddDays(28)), "CIN-01");
        Refused(() => plan.Approve(lead, Received.AddDays(1)), "RC-01");
        plan.Approve(Manager(), Received.AddDays(1));
        plan.Review(lead.Id, Received.AddDays(28), progress, "Carry on.", Received.AddDays(56), Received.AddDays(28));

        Assert.Equal(Received.AddDays(56), plan.NextReviewOn);
        Assert.Equal(Progress.OnTrack, plan.Reviews[0].Progress[0].Progress);
    }

    [Fact]
    [Trait("Rule", "CIN-02")]
    public void AReview_RecordsProgressAgainstEveryOutcomeWithEvidence()
    {
        var (episode, _, lead) = Allocated();
        var plan = FamilyHelpPlan.Make(Guid.NewGuid(), episode, PlanKind.ChildInNeed, lead.Id,
            [.. Outcomes(), new PlanOutcome(0, "Mother attends parenting course", "Attendance register", Received.AddDays(90), "Family hub", "Course")],
            "Routines", 14, Received.AddDays(28), Received, false);
        plan.Approve(Manager(), Received);

        Refused(() => plan.Review(lead.Id, Received.AddDays(28), [new OutcomeProgress(1, Progress.OnTrack, "Good week.")], "Carry on.", Received.AddDays(56),
            Received.AddDays(28)), "CIN-02");
        var error = Assert.Throws<RuleViolationException>(() => plan.Review(lead.Id, Received.AddDays(28),
            [new OutcomeProgress(1, Progress.OnTrack, "Good week."), new OutcomeProgress(2, Progress.NoProgress, " ")], "Carry on.", Received.AddDays(56),
            Received.AddDays(28)));
        Assert.Equal("Progress[1].Evidence", error.Field);
        Assert.Empty(plan.Reviews);
    }

    [Fact]
    [Trait("Rule", "ASM-04")]
    public void AVisit_WhereTheChildWasNotSeen_RecordsWhy_AndCannotBeInTheFuture()
    {
        var (episode, _, lead) = Allocated();

        Refused(() => Visit.Record(Guid.NewGuid(), episode, lead.Id, Received, false, false, null, "No answer at the door.", null, Received, Now), "ASM-04");
        Refused(() => Visit.Record(Guid.NewGuid(), episode, lead.Id, Received.AddDays(1), true, true, null, "Played with Mia.", null, Received, Now), "SG-VIS-01");
        var visit = Visit.Record(Guid.NewGuid(), episode, lead.Id, Received, true, true, null, "Played with Mia.", "I want my own bed.", Received, Now);

        Assert.True(visit.SeenAlone);
        Assert.Null(visit.WhyNot);
    }

    [Theory]
    [InlineData(null, 10, false)]
    [InlineData(null, 11, true)]
    [InlineData(5, 15, false)]
    [InlineData(5, 16, true)]
    public void TheChildIsFlagged_WhenUnseenForLongerThanThePlanSays(int? seenDaysAfterStart, int todayDaysAfterStart, bool flagged)
    {
        DateOnly? lastSeen = seenDaysAfterStart is { } d ? Received.AddDays(d) : null;

        Assert.Equal(flagged, Visit.SeenLessOftenThanPlanned(lastSeen, Received, 10, Received.AddDays(todayDaysAfterStart)));
    }

    [Fact]
    public void Closure_AfterAssessmentReasons_NeedAnAuthorisedAssessment_AndNoOpenPlan()
    {
        var (episode, _, lead) = Allocated();

        Refused(() => episode.Close(Manager(), "RC8", "No further action after assessment.", Received.AddDays(30), hasAuthorisedAssessment: false, []), "SG-EP-09");
        Refused(() => episode.Close(Manager(), "RC7", "Needs met.", Received.AddDays(30), true, [new RelatedRecord("Plan", Guid.NewGuid(), "the child in need plan")]), "SG-EP-10");
        Refused(() => episode.Close(Manager(), "RC99", "Needs met.", Received.AddDays(30), true, []), "SG-EP-08");
        episode.Close(lead, "RC8", "No further action after assessment.", Received.AddDays(30), true, []);

        Assert.False(episode.IsOpen);
        Assert.Null(episode.LeadPractitionerId);
        Assert.Equal(Received.AddDays(30), episode.Allocations[^1].Until);
        Refused(() => episode.Allocate(Manager(), SocialWorker(), true, Received.AddDays(31), null), "SG-EP-13");
    }

    [Fact]
    [Trait("Rule", "ASM-09")]
    public void HarmOutsideTheHome_NeedsWhereTheRiskIsLocated()
    {
        var (episode, _, lead) = Allocated();

        Refused(() => episode.RecordSpecificNeeds(lead.Id, SpecificNeed.HarmOutsideTheHome | SpecificNeed.Missing, " "), "ASM-09");
        episode.RecordSpecificNeeds(lead.Id, SpecificNeed.HarmOutsideTheHome | SpecificNeed.Missing, "The park behind the station; older peers; Snapchat.");

        Assert.True(episode.SpecificNeeds.HasFlag(SpecificNeed.Missing));
        Assert.Equal("The park behind the station; older peers; Snapchat.", episode.ExtraFamilialRisk);
    }

    [Fact]
    public void ABabyAndADisabledChild_AreRecognisedFromTheRecord()
    {
        var baby = new Child(Guid.NewGuid(), AreaId, new ChildDetails("Baby", "Testcase", Received.AddMonths(-3), null, Sex.Male, null, "WBRI", ["NONE"], null, null, null), Received);
        var disabled = new Child(Guid.NewGuid(), AreaId, new ChildDetails("Sam", "Testcase", new DateOnly(2015, 1, 1), null, Sex.Male, null, "WBRI", ["AUT"], null, null, null), Received);

        Assert.Equal(SpecificNeed.UnbornOrBaby, SpecificNeeds.Inferred(baby, Received));
        Assert.Equal(SpecificNeed.Disabled, SpecificNeeds.Inferred(disabled, Received));
        Assert.Equal(SpecificNeed.None, SpecificNeeds.Inferred(Child, Received));
    }

    [Fact]
    [Trait("Rule", "NRM-01")]
    public void APotentialVictimOfModernSlavery_StartsTheNrmClock_MetByTheReferralWithItsReference()
    {
        var (episode, _, lead) = Allocated();
        episode.RecordMilestone(lead.Id, MilestoneKind.PotentialVictimIdentified, Received, "Found working in a car wash with older males.", null, Received);

        var urgent = ClockEngine.Compute(episode.Id, episode.History(), [StatutoryRules.NationalReferralMechanism], Calendar, Received);
        Assert.Equal(ClockStatus.Urgent, Assert.Single(urgent).Status);
        Assert.True(episode.SpecificNeeds.HasFlag(SpecificNeed.ModernSlavery));

        Refused(() => episode.RecordMilestone(lead.Id, MilestoneKind.NrmReferralMade, Received, "Referred.", null, Received), "NRM-01");
        episode.RecordMilestone(lead.Id, MilestoneKind.NrmReferralMade, Received.AddDays(1), "Referred by the lead practitioner.", "NRM-2026-0042", Received.AddDays(1));

        var met = ClockEngine.Compute(episode.Id, episode.History(), [StatutoryRules.NationalReferralMechanism], Calendar, Received.AddDays(1));
        Assert.Equal(ClockStatus.Met, Assert.Single(met).Status);
    }

    [Fact]
    [Trait("Rule", "PROB-01")]
    public void AProbationEnquiry_IsAnsweredTheSameDay_EachAnswerMeetingItsOwnEnquiry()
    {
        var (episode, _, lead) = Allocated();
        episode.RecordMilestone(lead.Id, MilestoneKind.ProbationEnquiryReceived, Received, "Sentencing advice on the father.", "PDU-1", Received);
        episode.RecordMilestone(lead.Id, MilestoneKind.ProbationEnquiryReceived, Received, "Second enquiry, about the uncle.", "PDU-2", Received);

        Refused(() => episode.RecordMilestone(lead.Id, MilestoneKind.EnquiryAnswered, Received, "Answered.", "PDU-9", Received), "PROB-01");
        episode.RecordMilestone(lead.Id, MilestoneKind.EnquiryAnswered, Received, "Known to us; concerns shared.", "PDU-1", Received);
        var nextDay = Calendar.AddWorkingDays(Received, 1);
        episode.RecordMilestone(lead.Id, MilestoneKind.EnquiryAnswered, nextDay, "Not known.", "PDU-2", nextDay);

        var clocks = ClockEngine.Compute(episode.Id, episode.History(), [StatutoryRules.ProbationSameDay], Calendar, nextDay);
        Assert.Equal([ClockStatus.Met, ClockStatus.MetLate], clocks.Select(c => c.Status));
        Refused(() => episode.RecordMilestone(lead.Id, MilestoneKind.EnquiryAnswered, nextDay, "Again.", "PDU-1", nextDay), "PROB-01");
        Assert.True(episode.SpecificNeeds.HasFlag(SpecificNeed.ParentInPrison));
    }

    [Fact]
    [Trait("Rule", "CIN-04")]
    public void SharingWithTheReceivingAuthority_FollowsTheMove_AndMeetsCin04()
    {
        var (episode, _, lead) = Allocated();

        Refused(() => episode.RecordMilestone(lead.Id, MilestoneKind.InformationSharedWithReceivingArea, Received, "Sent.", null, Received), "CIN-04");
        episode.RecordMilestone(lead.Id, MilestoneKind.MovedToAnotherArea, Received, "Moved to Southvale with her mother.", null, Received);
        episode.RecordMilestone(lead.Id, MilestoneKind.InformationSharedWithReceivingArea, Received, "Package sent to Southvale.", null, Received);

        var clock = Assert.Single(ClockEngine.Compute(episode.Id, episode.History(), [StatutoryRules.ShareOnPermanentMove], Calendar, Received));
        Assert.Equal(ClockStatus.Met, clock.Status);
        Assert.True(episode.IsOpen);
    }
}
