using Safeguard.Domain.Calendar;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Children;
using Safeguard.Domain.Clocks;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;
using Safeguard.Domain.Rules;

namespace Safeguard.Domain.Tests.ChildProtection;

public sealed class StrategyDiscussionTests
{
    internal static readonly DateOnly Today = new(2026, 12, 14);
    internal static readonly Guid AreaId = Guid.NewGuid();
    internal static readonly Agency SocialCare = new(Guid.NewGuid(), AreaId, "Test children's social care", AgencyKind.LocalAuthorityChildrensSocialCare);
    internal static readonly Agency Hub = new(Guid.NewGuid(), AreaId, "Test family hub", AgencyKind.VoluntarySector);

    internal static readonly Child Child = new(Guid.NewGuid(), AreaId,
        new ChildDetails("Mia", "Testcase", new DateOnly(2018, 3, 2), null, Sex.Female, null, "WBRI", ["NONE"], "English", null, null), Today);

    internal static Practitioner Person(PractitionerRole? role = PractitionerRole.SocialWorker, bool manager = false, Agency? agency = null)
    {
        var p = new Practitioner(Guid.NewGuid(), agency ?? SocialCare, null, "Sam", "Worker", $"{Guid.NewGuid():N}@test.example", "Social worker",
            role is null ? null : SocialWorkRegistration.Parse("SW" + Random.Shared.Next(1, 999_999)));
        if (role is { } r)
        {
            p.Grant(r, agency ?? SocialCare);
        }

        if (manager)
        {
            p.Grant(PractitionerRole.PracticeSupervisor, agency ?? SocialCare);
        }

        return p;
    }

    internal static Episode Episode()
    {
        var referral = Referral.Receive(Guid.NewGuid(), AreaId, "NM-T", Child, new Referrer(null, null, "A neighbour", "Neighbour", null, null),
            new ReferralDetails("Heard screaming.", [HarmType.PhysicalAbuse], HarmContext.InsideTheHome, null, false, null, "Anonymous", Urgency.Urgent, "1B"),
            new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero), new DateOnly(2026, 12, 10), null);
        var episode = Domain.FamilyHelp.Episode.Open(Guid.NewGuid(), referral);
        referral.BelongTo(episode.Id);
        return episode;
    }

    private static StrategyDiscussionRecord Record(bool section47 = true, string? whyShort = null, params AttendeeRole[] roles) => new(
        Today,
        [.. (roles.Length == 0 ? StrategyDiscussion.MinimumAttendance.ToArray() : roles).Select(r => new Attendee($"{r} person", $"{r} agency", r))],
        "Bruising to the upper arm seen at school; police hold two previous call-outs.",
        CriminalInvestigation.Started, null, section47, "Reasonable cause to suspect physical abuse.",
        section47 ? [new AgreedAction("Child protection medical", "Community paediatrician", Today.AddDays(1))] : [], false, "Tell mother of the enquiry; not of the police interview.",
        whyShort);

    [Fact]
    [Trait("Rule", "SD-02")]
    [Trait("Rule", "RC-05")]
    public void Section47WithoutHealthOrPolice_NeedsTheReason_AndAManagersConfirmation()
    {
        var worker = Person();
        var missing = Assert.Throws<RuleViolationException>(() =>
            StrategyDiscussion.Record(Guid.NewGuid(), Episode(), worker, Record(roles: [AttendeeRole.LocalAuthoritySocialWorker, AttendeeRole.Police]), Today));
        Assert.Equal("RC-05", missing.RuleId);
        Assert.Contains("health", missing.Message, StringComparison.Ordinal);

        var discussion = StrategyDiscussion.Record(Guid.NewGuid(), Episode(), worker,
            Record(whyShort: "The named nurse was in clinic; health information was given by phone beforehand.", roles: [AttendeeRole.LocalAuthoritySocialWorker, AttendeeRole.Police]), Today);
        Assert.False(discussion.Section47Initiated);
        Assert.Equal("SD-02", Assert.Throws<RuleViolationException>(() => Section47Enquiry.Start(Guid.NewGuid(), discussion, worker, null)).RuleId);
        Assert.Equal("RC-05", Assert.Throws<RuleViolationException>(() => discussion.ConfirmSection47(worker, Today)).RuleId);

        discussion.ConfirmSection47(Person(manager: true), Today);
        Assert.True(discussion.Section47Initiated);
        Assert.NotNull(Section47Enquiry.Start(Guid.NewGuid(), discussion, worker, null));
    }

    [Fact]
    [Trait("Rule", "RC-05")]
    public void NoSection47_WithoutThePolice_StillNeedsTheReason_AndAManagersConfirmation()
    {
        var worker = Person();
        var shortOfPolice = Record(section47: false, roles: [AttendeeRole.LocalAuthoritySocialWorker, AttendeeRole.Health]);

        var missing = Assert.Throws<RuleViolationException>(() => StrategyDiscussion.Record(Guid.NewGuid(), Episode(), worker, shortOfPolice, Today));
        Assert.Equal("RC-05", missing.RuleId);
        Assert.Equal(nameof(StrategyDiscussionRecord.WhyAttendanceShort), missing.Field);
        Assert.Contains("police", missing.Message, StringComparison.Ordinal);

        var discussion = StrategyDiscussion.Record(Guid.NewGuid(), Episode(), worker,
            shortOfPolice with { WhyAttendanceShort = "The police were at another incident and sent their checks in writing." }, Today);
        Assert.True(discussion.AwaitsConfirmation);
        Assert.Equal([AttendeeRole.Police], discussion.MissingAttendance);
        Assert.Equal("RC-05", Assert.Throws<RuleViolationException>(() => discussion.ConfirmAttendance(worker, Today)).RuleId);

        discussion.ConfirmAttendance(Person(manager: true), Today);
        Assert.False(discussion.AwaitsConfirmation);
        Assert.False(discussion.Section47Initiated);
        Assert.Equal("SG-SD-03", Assert.Throws<RuleViolationException>(() => discussion.ConfirmAttendance(Person(manager: true), Today)).RuleId);
    }

    [Fact]
    [Trait("Rule", "RC-05")]
    public void ALookedAfterChild_AsksForTheResidentialOrFosteringService()
    {
        var worker = Person();
        var threeRoles = Record();

        Assert.True(StrategyDiscussion.Record(Guid.NewGuid(), Episode(), worker, threeRoles, Today).AttendanceMet);
        var missing = Assert.Throws<RuleViolationException>(() => StrategyDiscussion.Record(Guid.NewGuid(), Episode(), worker, threeRoles, Today, childLookedAfter: true));
        Assert.Equal("RC-05", missing.RuleId);
        Assert.Contains("residential or fostering service", missing.Message, StringComparison.Ordinal);

        var withCarer = StrategyDiscussion.Record(Guid.NewGuid(), Episode(), worker,
            Record(roles: [.. StrategyDiscussion.MinimumAttendanceLookedAfter]), Today, childLookedAfter: true);
        Assert.True(withCarer.AttendanceMet);
        Assert.True(withCarer.Section47Initiated);

        var confirmedByRecorder = StrategyDiscussion.Record(Guid.NewGuid(), Episode(), Person(manager: true),
            threeRoles with { WhyAttendanceShort = "The foster carer could not be reached; the fostering team will be told today." }, Today, childLookedAfter: true);
        Assert.False(confirmedByRecorder.AwaitsConfirmation);
        Assert.True(confirmedByRecorder.Section47Initiated);
    }

    [Fact]
    [Trait("Rule", "SD-06")]
    public void NoCriminalInvestigation_NeedsThePolicesReasons()
    {
        var record = Record() with { PoliceDecision = CriminalInvestigation.NotStarted };

        Assert.Equal("SD-06", Assert.Throws<RuleViolationException>(() => StrategyDiscussion.Record(Guid.NewGuid(), Episode(), Person(), record, Today)).RuleId);
    }

    [Fact]
    [Trait("Rule", "SD-04")]
    public void Section47_NeedsTheActionsAgreed_WithWhoAndByWhen()
    {
        var record = Record() with { Actions = [] };

        Assert.Equal("SD-04", Assert.Throws<RuleViolationException>(() => StrategyDiscussion.Record(Guid.NewGuid(), Episode(), Person(), record, Today)).RuleId);
    }

    [Fact]
    [Trait("Rule", "S47-02")]
    [Trait("Rule", "RC-03")]
    public void TheEnquiry_IsLedByASocialWorker_AndByAManagerWhenTheLeadPractitionerIsNotOne()
    {
        var discussion = StrategyDiscussion.Record(Guid.NewGuid(), Episode(), Person(), Record(), Today);
        var hubWorker = Person(role: null, agency: Hub);

        Assert.Equal("RC-03", Assert.Throws<RuleViolationException>(() => Section47Enquiry.Start(Guid.NewGuid(), discussion, hubWorker, null)).RuleId);
        Assert.Equal("RC-03", Assert.Throws<RuleViolationException>(() => Section47Enquiry.Start(Guid.NewGuid(), discussion, Person(), hubWorker)).RuleId);
        var enquiry = Section47Enquiry.Start(Guid.NewGuid(), discussion, Person(manager: true), hubWorker);

        Assert.Equal(hubWorker.Id, enquiry.FamilyHelpLeadPractitionerId);
    }

    [Fact]
    [Trait("Rule", "S47-09")]
    [Trait("Rule", "S47-10")]
    public void TheReferrerIsToldTheOutcome_OnlyOnceThereIsOne_AndThePolicesReasonsGoToAnAgency()
    {
        var (enquiry, lead) = Started();
        var now = new DateTimeOffset(2026, 12, 14, 15, 0, 0, TimeSpan.Zero);
        var toReferrer = new Safeguard.Domain.InformationSharing.TellingRecord(Safeguard.Domain.InformationSharing.TellingTopic.Section47OutcomeToReferrer,
            "The referrer", null, Today, Safeguard.Domain.InformationSharing.TellingMethod.Phone, "Concerns not substantiated; Family Help offered.", null);
        Safeguard.Domain.InformationSharing.Telling Tell(Safeguard.Domain.InformationSharing.TellingRecord record) =>
            Safeguard.Domain.InformationSharing.Telling.AboutEnquiry(Guid.NewGuid(), enquiry, record, lead.Id, lead.FullName, Today, now);

        Assert.Equal("S47-10", Assert.Throws<RuleViolationException>(() => Tell(toReferrer)).RuleId);
        var police = toReferrer with { Topic = Safeguard.Domain.InformationSharing.TellingTopic.PoliceReasonsNoCriminalInvestigation, Who = "Dee Teacher" };
        var noAgency = Assert.Throws<RuleViolationException>(() => Tell(police));
        Assert.Equal(("S47-09", "Agency"), (noAgency.RuleId, noAgency.Field));
        Assert.Equal("S47-09", Assert.Throws<RuleViolationException>(() => Tell(police with { Agency = "School", What = "" })).RuleId);
        Assert.Equal("S47-09", Tell(police with { Agency = "School" }).RuleId);

        enquiry.RecordEnquiry(lead.Id, new EnquiryRecord(Today, true, null, "It was an accident at the park.", true, false, null, false, null), Today);
        enquiry.Conclude(lead.Id, Section47Outcome.NotSubstantiated, "The injury has an innocent explanation.", true, "Family Help", Today);
        var told = Tell(toReferrer);
        Assert.Equal(("S47-10", false, now), (told.RuleId, told.InWriting, told.RecordedAt));
        Assert.Contains("by phone", told.Summary(), StringComparison.Ordinal);
    }

    private static (Section47Enquiry Enquiry, Practitioner Lead) Started()
    {
        var lead = Person();
        var discussion = StrategyDiscussion.Record(Guid.NewGuid(), Episode(), lead, Record(), Today);
        return (Section47Enquiry.Start(Guid.NewGuid(), discussion, lead, null), lead);
    }

    [Fact]
    [Trait("Rule", "S47-04")]
    [Trait("Rule", "RC-13")]
    public void Concluding_NeedsTheChildSeenAndHeard_AndForSexualAbuseAHealthRepresentative()
    {
        var (enquiry, lead) = Started();

        Assert.Equal("S47-04", Assert.Throws<RuleViolationException>(() =>
            enquiry.Conclude(lead.Id, Section47Outcome.Substantiated, "Injuries consistent with the account.", null, null, Today)).RuleId);
        enquiry.RecordEnquiry(lead.Id, new EnquiryRecord(Today, true, null, "I don't want to go home when he's there.", true, true, "CP medical.", true, null), Today);
        Assert.Equal("RC-13", Assert.Throws<RuleViolationException>(() =>
            enquiry.Conclude(lead.Id, Section47Outcome.Substantiated, "Injuries consistent with the account.", null, null, Today)).RuleId);
        enquiry.RecordEnquiry(lead.Id, new EnquiryRecord(Today, true, null, "I don't want to go home when he's there.", true, true, "CP medical.", true,
            "Dr A Example, named doctor for safeguarding"), Today);
        enquiry.Conclude(lead.Id, Section47Outcome.Substantiated, "Injuries consistent with the account.", null, null, Today);

        Assert.Equal(Section47Outcome.Substantiated, enquiry.Outcome);
    }

    [Fact]
    [Trait("Rule", "S47-08")]
    public void NotSubstantiated_NeedsTheReasonsShared_AndTheSupportConsidered()
    {
        var (enquiry, lead) = Started();
        enquiry.RecordEnquiry(lead.Id, new EnquiryRecord(Today, false, "Mia asked for her teacher to stay.", "Mum shouts but nobody hits me.", true, false, null, false, null), Today);

        Assert.Equal("S47-08", Assert.Throws<RuleViolationException>(() =>
            enquiry.Conclude(lead.Id, Section47Outcome.NotSubstantiated, "Bruise explained by a fall at football.", null, null, Today)).RuleId);
        Assert.Equal("S47-08", Assert.Throws<RuleViolationException>(() =>
            enquiry.Conclude(lead.Id, Section47Outcome.NotSubstantiated, "Bruise explained by a fall at football.", true, " ", Today)).RuleId);
        enquiry.Conclude(lead.Id, Section47Outcome.NotSubstantiated, "Bruise explained by a fall at football.", true, "Family Help offered; family group conference.", Today);

        Assert.True(enquiry.ReasonsShared);
    }

    [Fact]
    [Trait("Rule", "ICPC-01")]
    public void TheInitialConference_IsDueFifteenWorkingDaysAfterTheDiscussion_AcrossChristmas()
    {
        // 14 December 2026 + 15 working days, skipping Christmas Day and the substitute Boxing Day (28th) and New Year's Day: 7 January 2027.
        Assert.Equal(new DateOnly(2027, 1, 7), StatutoryRules.InitialConference.Due(Today, WorkingDayCalendar.England));
        var clocks = ClockEngine.Compute(Guid.NewGuid(), [new ClockEvent(EventKind.Section47Initiated, Today), new ClockEvent(EventKind.Section47NotSubstantiated, Today.AddDays(3))],
            [StatutoryRules.InitialConference], WorkingDayCalendar.England, Today.AddDays(3));

        Assert.Equal(ClockStatus.Stopped, Assert.Single(clocks).Status);
    }

    internal static (Section47Enquiry Enquiry, Episode Episode, Practitioner Lead, Practitioner Manager) Substantiated()
    {
        var episode = Episode();
        var manager = Person(manager: true);
        var lead = Person();
        episode.ReferralDecided(ReferralFor(episode));
        episode.Allocate(manager, lead, true, Today, null);
        var discussion = StrategyDiscussion.Record(Guid.NewGuid(), episode, lead, Record(), Today);
        var enquiry = Section47Enquiry.Start(Guid.NewGuid(), discussion, lead, lead);
        enquiry.RecordEnquiry(lead.Id, new EnquiryRecord(Today, true, null, "He hurts me when Mum is out.", true, true, "CP medical.", false, null), Today);
        enquiry.Conclude(lead.Id, Section47Outcome.Substantiated, "Injuries and account consistent with physical abuse.", null, null, Today);
        return (enquiry, episode, lead, manager);
    }

    private static Referral ReferralFor(Episode episode)
    {
        var referral = Referral.Receive(episode.OpeningReferralId, AreaId, "NM-T", Child, new Referrer(null, null, "A neighbour", "Neighbour", null, null),
            new ReferralDetails("Heard screaming.", [HarmType.PhysicalAbuse], HarmContext.InsideTheHome, null, false, null, "Anonymous", Urgency.Urgent, "1B"),
            new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero), new DateOnly(2026, 12, 10), null);
        referral.BelongTo(episode.Id);
        referral.RecordDecision(Person(manager: true), ReferralOutcome.StrategyDiscussion, "Reasonable cause.", "N1", null,
            new DateTimeOffset(2026, 12, 10, 10, 0, 0, TimeSpan.Zero), new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 11));
        return referral;
    }

    internal static ConferenceDecision Decision(bool plan = true, string? category = "PHY", Guid? lead = null) => new(
        Today.AddDays(7), [new Attendee("Chair", "Children's social care", AttendeeRole.LocalAuthoritySocialWorker)], "Mia told her advocate she wants to feel safe at home.",
        "Mother attended with her sister as supporter.", plan, "Mia is likely to suffer significant harm without a plan.", category, lead,
        [new CoreGroupMember("Dee Teacher", "Northmoor Primary"), new CoreGroupMember("Lee Nurse", "Health visiting")],
        [new PlanAction("Mother attends the parenting course", "Family hub", Today.AddDays(60))]);

    internal static Practitioner Chair()
    {
        var chair = Person();
        chair.Grant(PractitionerRole.ConferenceChair, SocialCare);
        return chair;
    }

    [Fact]
    [Trait("Rule", "RC-06")]
    [Trait("Rule", "ICPC-03")]
    public void TheChair_IsAConferenceChair_IndependentOfTheCase()
    {
        var (enquiry, episode, lead, manager) = Substantiated();
        lead.Grant(PractitionerRole.ConferenceChair, SocialCare);
        manager.Grant(PractitionerRole.ConferenceChair, SocialCare);

        Assert.Equal("ICPC-03", Assert.Throws<RuleViolationException>(() =>
            ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, Person(), lead, Decision(lead: lead.Id), Today.AddDays(15), Today.AddDays(7))).RuleId);
        Assert.Equal("RC-06", Assert.Throws<RuleViolationException>(() =>
            ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, lead, lead, Decision(lead: lead.Id), Today.AddDays(15), Today.AddDays(7))).RuleId);
        Assert.Equal("RC-06", Assert.Throws<RuleViolationException>(() =>
            ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, manager, lead, Decision(lead: lead.Id), Today.AddDays(15), Today.AddDays(7))).RuleId);

        var (conference, plan) = ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, Chair(), lead, Decision(lead: lead.Id), Today.AddDays(15), Today.AddDays(7));
        Assert.True(conference.PlanNeeded);
        Assert.Equal("PHY", plan!.InitialCategory);
        Assert.Equal(Today.AddDays(7), plan.StartedOn);
    }

    [Fact]
    [Trait("Rule", "ICPC-01")]
    public void NoConference_WithoutASubstantiatedEnquiry()
    {
        var (enquiry, lead) = Started();

        Assert.Equal("ICPC-01", Assert.Throws<RuleViolationException>(() =>
            ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, Episode(), Chair(), lead, Decision(lead: lead.Id), Today.AddDays(15), Today)).RuleId);
    }

    [Fact]
    [Trait("Rule", "RC-04")]
    [Trait("Rule", "ICPC-05")]
    public void APlan_NeedsACategoryALeadSocialWorkerACoreGroupAndAnOutlinePlan()
    {
        var (enquiry, episode, lead, _) = Substantiated();
        var hubWorker = Person(role: null, agency: Hub);

        Assert.Equal("ICPC-05", Assert.Throws<RuleViolationException>(() =>
            ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, Chair(), lead, Decision(category: "MUL", lead: lead.Id), Today.AddDays(15), Today.AddDays(7))).RuleId);
        Assert.Equal("RC-04", Assert.Throws<RuleViolationException>(() =>
            ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, Chair(), hubWorker, Decision(lead: hubWorker.Id), Today.AddDays(15), Today.AddDays(7))).RuleId);
        Assert.Equal("ICPC-05", Assert.Throws<RuleViolationException>(() =>
            ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, Chair(), lead, Decision(lead: lead.Id) with { CoreGroup = [] }, Today.AddDays(15), Today.AddDays(7))).RuleId);
        var (_, none) = ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, Chair(), null, Decision(plan: false, category: null), Today.AddDays(15), Today.AddDays(7));
        Assert.Null(none);
    }

    [Fact]
    [Trait("Rule", "CG-01")]
    [Trait("Rule", "RCPC-01")]
    public void TheFirstCoreGroupWithinTenWorkingDays_AndTheFirstReviewWithinThreeMonths()
    {
        var (enquiry, episode, lead, _) = Substantiated();
        var (_, plan) = ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, Chair(), lead, Decision(lead: lead.Id), Today.AddDays(15), Today.AddDays(7));
        var conferenceDay = Today.AddDays(7);
        // 21 December 2026 + 10 working days, over Christmas, Boxing Day's substitute and New Year's Day: 7 January 2027.
        Assert.Equal(new DateOnly(2027, 1, 7), StatutoryRules.FirstCoreGroup.Due(conferenceDay, WorkingDayCalendar.England));
        Assert.Equal(new DateOnly(2027, 3, 21), StatutoryRules.FirstReviewConference.Due(conferenceDay, WorkingDayCalendar.England));

        plan!.RecordCoreGroup(lead.Id, new DateOnly(2027, 1, 6), "Detailed plan agreed.", "School: attendance improving.", [plan.Actions[0].Id], new DateOnly(2027, 1, 6));

        Assert.Equal(new DateOnly(2027, 1, 6), plan.Actions[0].DoneOn);
        var history = new List<ClockEvent> { new(EventKind.PlanMade, conferenceDay), new(EventKind.CoreGroupHeld, new DateOnly(2027, 1, 6)) };
        var clocks = ClockEngine.Compute(plan.Id, history, [StatutoryRules.FirstCoreGroup, StatutoryRules.FirstReviewConference], WorkingDayCalendar.England,
            new DateOnly(2027, 1, 6));
        Assert.Equal([ClockStatus.Met, ClockStatus.Running], clocks.Select(c => c.Status));
        Assert.Equal("FH-08", Assert.Throws<RuleViolationException>(() => plan.End(PlanEndReason.LeftTheUk, " ", new DateOnly(2027, 1, 6), new DateOnly(2027, 1, 6), leftUkOn: new DateOnly(2027, 1, 6))).RuleId);
    }

    /// <summary>A review as an initial conference records it: who took part for which agency, the child's views, the family's part, the reports.</summary>
    private static readonly ReviewRecord Held = new(
        [new("Helen Chair", "Independent reviewing service", AttendeeRole.Other), new("Sam Worker", "Children's social care", AttendeeRole.LocalAuthoritySocialWorker),
            new("DS Jo Example", "Police", AttendeeRole.Police)],
        "Told her social worker she feels safer at home.", null, "Mother attended with an advocate; father sent his views in writing.",
        "School: attendance up to 96%. Health: all appointments kept.");

    [Fact]
    [Trait("Rule", "RCPC-03")]
    public void AReview_RecordsWhatAnInitialConferenceRecords_OrIsRefusedAndChangesNothing()
    {
        var (enquiry, episode, lead, _) = Substantiated();
        var chair = Chair();
        var (_, plan) = ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, chair, lead, Decision(lead: lead.Id), Today.AddDays(15), Today.AddDays(7));
        var on = new DateOnly(2027, 3, 18);
        string Refused(ReviewRecord record, string field)
        {
            var refused = Assert.Throws<RuleViolationException>(() =>
                plan!.RecordReview(Guid.NewGuid(), chair, episode, on, true, "PHY", "Some progress; risk remains.", "Not now.", record, on, on));
            Assert.Equal(field, refused.Field);
            return refused.RuleId;
        }

        Assert.Equal("RCPC-03", Refused(Held with { Attendees = [] }, "Attendees"));
        Assert.Equal("RCPC-03", Refused(Held with { Attendees = [new("Sam Worker", " ", AttendeeRole.LocalAuthoritySocialWorker)] }, "Attendees[0].Name"));
        Assert.Equal("RCPC-03", Refused(Held with { ChildsViews = null }, "ChildsViews"));
        Assert.Equal("RCPC-03", Refused(Held with { FamilyParticipation = " " }, "FamilyParticipation"));
        Assert.Equal("RCPC-03", Refused(Held with { AgencyReports = null }, "AgencyReports"));
        Assert.Empty(plan!.Reviews);
        Assert.True(plan.IsOpen);

        // Views that could not be obtained, with why; the reports sent beforehand through the arranged conference.
        var review = plan.RecordReview(Guid.NewGuid(), chair, episode, on, true, "PHY", "Some progress; risk remains.", "Not now.",
            Held with { ChildsViews = null, WhyChildsViewsNotObtained = "She is 18 months old: observed with her mother.", AgencyReports = null, ReportsReceivedBeforehand = true },
            on, on);
        Assert.Equal(("", "She is 18 months old: observed with her mother."), (review.ChildsViews, review.WhyChildsViewsNotObtained));
        Assert.Single(plan.Reviews);
    }

    [Fact]
    [Trait("Rule", "RCPC-03")]
    [Trait("Rule", "RCPC-04")]
    [Trait("Rule", "RCPC-02")]
    public void AReview_ContinuesThePlanWithADecisionOnProceedings_OrEndsIt_AndTheNextReviewIsDueSixMonthsOn()
    {
        var (enquiry, episode, lead, _) = Substantiated();
        var chair = Chair();
        var (_, plan) = ChildProtectionConference.Hold(Guid.NewGuid(), Guid.NewGuid(), enquiry, episode, chair, lead, Decision(lead: lead.Id), Today.AddDays(15), Today.AddDays(7));
        var firstReview = new DateOnly(2027, 3, 18);
        lead.Grant(PractitionerRole.ConferenceChair, SocialCare);

        Assert.Equal("RC-06", Assert.Throws<RuleViolationException>(() =>
            plan!.RecordReview(Guid.NewGuid(), lead, episode, firstReview, true, "PHY", "Some progress.", "No proceedings.", Held, firstReview, firstReview)).RuleId);
        Assert.Equal("RCPC-04", Assert.Throws<RuleViolationException>(() =>
            plan!.RecordReview(Guid.NewGuid(), chair, episode, firstReview, true, "PHY", "Some progress; risk remains.", null, Held, firstReview, firstReview)).RuleId);
        var review = plan!.RecordReview(Guid.NewGuid(), chair, episode, firstReview, true, "EMO", "Physical risk reduced; emotional harm continues.",
            "Not now, for either child; review at the next conference.", Held, new DateOnly(2027, 3, 21), firstReview);
        Assert.Equal((ConferenceKind.Review, plan.Id, true, review.Id), (review.Kind, review.PlanId, review.PlanNeeded, plan.Reviews[^1].ConferenceId));
        Assert.Equal("Told her social worker she feels safer at home.", review.ChildsViews);
        Assert.Equal(3, review.Attendees.Count);
        Assert.Equal("EMO", plan.LatestCategory);
        Assert.Equal("PHY", plan.InitialCategory);

        var history = new List<ClockEvent> { new(EventKind.PlanMade, plan.StartedOn), new(EventKind.ReviewConferenceHeld, firstReview) };
        var clocks = ClockEngine.Compute(plan.Id, history, [StatutoryRules.FirstReviewConference, StatutoryRules.NextReviewConference], WorkingDayCalendar.England, firstReview);
        Assert.Equal([ClockStatus.Met, ClockStatus.Running], clocks.Select(c => c.Status));
        Assert.Equal(new DateOnly(2027, 9, 18), clocks[1].DueOn);

        plan.RecordReview(Guid.NewGuid(), chair, episode, new DateOnly(2027, 9, 1), false, "EMO", "No longer likely to suffer significant harm.", null, Held,
            new DateOnly(2027, 9, 18), new DateOnly(2027, 9, 1));
        Assert.False(plan.IsOpen);
        Assert.Equal(PlanEndReason.NoLongerAtRiskOfSignificantHarm, plan.EndReason);
    }

    [Fact]
    [Trait("Rule", "RC-12")]
    [Trait("Rule", "IP-02")]
    [Trait("Rule", "IP-04")]
    public void EmergencyAction_NeedsTheChildSeenByTheActingAgency_LegalAdviceOrWhyNot_AndExplicitAcceptanceByTheResponsibleAuthority()
    {
        var episode = Episode();
        var record = new EmergencyActionRecord(Today, EmergencyPower.PolicePowersOfProtection, "Northmoor Police", "Removed to her grandmother's home.",
            "PC Example", "Her brother was at school; he goes to the grandmother's too.", false, null, "Southvale Council");

        Assert.Equal("IP-02", Assert.Throws<RuleViolationException>(() => EmergencyAction.Record(Guid.NewGuid(), episode, Person(), record, Today)).RuleId);
        Assert.Equal("RC-12", Assert.Throws<RuleViolationException>(() =>
            EmergencyAction.Record(Guid.NewGuid(), episode, Person(), record with { ChildSeenBy = " ", WhyNoLegalAdvice = "Night-time, immediate danger." }, Today)).RuleId);
        var action = EmergencyAction.Record(Guid.NewGuid(), episode, Person(), record with { WhyNoLegalAdvice = "Night-time, immediate danger." }, Today);

        Assert.Null(action.AcceptedOn);
        Assert.Equal("IP-04", Assert.Throws<RuleViolationException>(() => action.RecordAcceptance(" ", Today, Today)).RuleId);
        action.RecordAcceptance("Southvale duty team manager, by email", Today, Today);
        Assert.Equal(Today, action.AcceptedOn);
    }

    [Fact]
    [Trait("Rule", "S47-11")]
    public void APractitionerCanAskForAConference_AfterTheDecisionNotToHoldOne_AndARefusalCanBeEscalated()
    {
        var (enquiry, lead) = Started();
        Assert.Equal("S47-11", Assert.Throws<RuleViolationException>(() => enquiry.RequestConference("Dee Teacher", "School", "Bruises again.", Today, Today)).RuleId);
        enquiry.RecordEnquiry(lead.Id, new EnquiryRecord(Today, true, null, "I fell over.", true, false, null, false, null), Today);
        enquiry.Conclude(lead.Id, Section47Outcome.NotSubstantiated, "Consistent with a fall.", true, "Family Help offered.", Today);

        enquiry.RequestConference("Dee Teacher", "Northmoor Primary", "Third injury this term; the account keeps changing.", Today, Today);
        Assert.Equal("S47-11", Assert.Throws<RuleViolationException>(() => enquiry.RequestConference("Someone", "Health", "Also worried.", Today, Today)).RuleId);
        Assert.Equal("RC-01", Assert.Throws<RuleViolationException>(() => enquiry.AnswerConferenceRequest(lead, false, "No.", Today)).RuleId);
        enquiry.AnswerConferenceRequest(Person(manager: true), false, "The medical found no non-accidental injury.", Today);
        enquiry.EscalateRefusal(Today);
        Assert.True(enquiry.ConferenceRequests[0].Escalated);
        Assert.False(enquiry.ConferenceAgreedOnRequest);

        enquiry.RequestConference("Lee Nurse", "Health visiting", "New disclosure to the health visitor.", Today, Today);
        enquiry.AnswerConferenceRequest(Person(manager: true), true, "Agreed in the light of the new disclosure.", Today);
        Assert.True(enquiry.ConferenceAgreedOnRequest);
    }
}
