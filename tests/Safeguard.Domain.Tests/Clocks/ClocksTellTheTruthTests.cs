using Safeguard.Domain.Calendar;
using Safeguard.Domain.Children;
using Safeguard.Domain.Clocks;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.OperationEncompass;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;
using Safeguard.Domain.Rules;

namespace Safeguard.Domain.Tests.Clocks;

/// <summary>
/// Clocks that run from what really happened: the assessment's 45 working days met by a concluded section 47 enquiry and never
/// started by a referral that opens Family Help, a phoned concern's time of receipt, its acknowledgement as sent, and the police's
/// Operation Encompass timescale counted from the incident's time — each across England's bank holidays.
/// </summary>
public sealed class ClocksTellTheTruthTests
{
    private static readonly WorkingDayCalendar England = WorkingDayCalendar.England;
    private static readonly Guid AreaId = Guid.NewGuid();
    private static readonly Agency SocialCare = new(Guid.NewGuid(), AreaId, "Test children's social care", AgencyKind.LocalAuthorityChildrensSocialCare);
    private static readonly Child Child = new(Guid.NewGuid(), AreaId,
        new ChildDetails("Robin", "Clocktest", new DateOnly(2018, 3, 2), null, Sex.Female, null, "WBRI", ["NONE"], "English", null, null), new DateOnly(2026, 3, 1));

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

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

    private static Referral Phoned(DateTimeOffset receivedAt, DateTimeOffset? keyedAt = null) =>
        Referral.Receive(Guid.NewGuid(), AreaId, "NM-TEST-1", Child, new Referrer(null, null, "Pat Neighbour", "neighbour", "01000 000000", null),
            new ReferralDetails("Robin was heard screaming late at night.", [HarmType.Neglect], HarmContext.InsideTheHome, null, false, null,
                "The caller did not want the family told.", Urgency.Standard, "1A"),
            receivedAt, EnglandClock.ToEnglandDate(receivedAt), null, keyedAt: keyedAt ?? receivedAt);

    private static (Episode Episode, Referral Referral) Decided(ReferralOutcome outcome, DateTimeOffset receivedAt)
    {
        var referral = Phoned(receivedAt);
        var episode = Episode.Open(Guid.NewGuid(), referral);
        referral.BelongTo(episode.Id);
        var on = referral.ReceivedOn;
        referral.RecordDecision(Manager(), outcome, "Reasons given to the referrer.", outcome is ReferralOutcome.NoFurtherAction or ReferralOutcome.UniversalHelp ? null : "N1",
            outcome == ReferralOutcome.UniversalHelp ? "The family hub's parenting group." : null, receivedAt, on, on);
        episode.ReferralDecided(referral);
        return (episode, referral);
    }

    private static void Refused(Action step, string ruleId)
    {
        var error = Assert.Throws<RuleViolationException>(step);
        Assert.Equal(ruleId, error.RuleId);
    }

    // ASM-03 / S47-03: a concluded section 47 enquiry is the assessment.

    [Theory]
    [Trait("Rule", "ASM-03")]
    [Trait("Rule", "S47-03")]
    // Referral on the Thursday before Easter 2026: 45 working days (Good Friday and Easter Monday, the May bank holidays) end Wednesday 10 June.
    [InlineData("2026-04-02", "2026-06-10", "Met")]
    [InlineData("2026-04-02", "2026-06-11", "MetLate")]
    // Christmas Eve 2026: Christmas Day, Boxing Day's substitute on Monday 28th and New Year's Day are not working days.
    [InlineData("2026-12-24", "2027-03-02", "Met")]
    [InlineData("2026-12-24", "2027-03-03", "MetLate")]
    public void ConcludedSection47Enquiry_MeetsTheAssessmentClock_AcrossBankHolidays(string received, string concluded, string status)
    {
        var due = StatutoryRules.Assessment.Due(D(received), England);
        var clock = Assert.Single(ClockEngine.Compute(Guid.NewGuid(),
            [new(EventKind.ReferralReceived, D(received)), new(EventKind.Section47Concluded, D(concluded))], [StatutoryRules.Assessment], England, D("2027-06-01")));

        Assert.Equal(Enum.Parse<ClockStatus>(status), clock.Status);
        Assert.Equal(D(concluded), clock.CompletedOn);
        Assert.Equal(status == "MetLate", clock.NeedsReason);
        Assert.True(D(concluded) > due == (status == "MetLate"));
    }

    [Fact]
    [Trait("Rule", "ASM-03")]
    public void TheAssessmentDueDates_AreTheGuidancesWorkedExamples()
    {
        Assert.Equal(D("2026-06-10"), StatutoryRules.Assessment.Due(D("2026-04-02"), England));
        Assert.Contains(EventKind.Section47Concluded, StatutoryRules.Assessment.SatisfiedBy);
    }

    // Family Help: no 45-day clock, no late reason.

    [Fact]
    [Trait("Rule", "ASM-03")]
    public void AReferralThatOpensFamilyHelp_ClosesNothing_AndItsAssessmentHasNoDueDate_NorAsksAReasonWhenLong()
    {
        var (episode, referral) = Decided(ReferralOutcome.FamilyHelp, Utc("2026-12-24T10:00:00Z"));

        Assert.True(referral.OpensFamilyHelp);
        Assert.False(referral.AsksForAssessment);
        Assert.DoesNotContain(referral.History(), e => e.Kind == EventKind.EpisodeClosed);
        var lead = SocialWorker();
        episode.Allocate(Manager(), lead, agreed: true, referral.ReceivedOn, null);
        var assessment = Assessment.Start(Guid.NewGuid(), episode, referral, lead.Id, referral.ReceivedOn, false);
        Assert.True(assessment.IsFamilyHelp);
        Assert.Null(assessment.DueOn(England));

        // A year on, with no reason: a Family Help assessment has no 45 working days to be late against.
        var muchLater = D("2027-12-24");
        assessment.Save(lead.Id, new AssessmentContent("Needs met with help.", "Warm, tired.", "Grandparents near.", "I like my bike.", null, muchLater, true, null,
            "Parents want help.", ["21"], AssessmentConclusion.FamilyHelp, "Family Help continues.", null));
        assessment.Submit(lead.Id, muchLater, assessment.DueOn(England), null);
        assessment.Authorise(Manager(), muchLater, assessment.DueOn(England));
        Assert.True(assessment.IsAuthorised);
        Assert.Null(assessment.LateReason);
    }

    [Fact]
    [Trait("Rule", "ASM-03")]
    public void ASection17Assessment_StillAsksTheReasonAfterDayFortyFive()
    {
        var (episode, referral) = Decided(ReferralOutcome.Section17Assessment, Utc("2026-04-02T09:00:00Z"));
        var lead = SocialWorker();
        episode.Allocate(Manager(), lead, agreed: true, referral.ReceivedOn, null);
        var assessment = Assessment.Start(Guid.NewGuid(), episode, referral, lead.Id, referral.ReceivedOn, false);
        Assert.False(assessment.IsFamilyHelp);
        Assert.Equal(D("2026-06-10"), assessment.DueOn(England));
        assessment.Save(lead.Id, new AssessmentContent("Needs met with help.", "Warm, tired.", "Grandparents near.", "I like my bike.", null, D("2026-06-09"), true,
            null, "Parents want help.", ["21"], AssessmentConclusion.ChildInNeed, "A child in need.", "N1"));

        Refused(() => assessment.Submit(lead.Id, D("2026-06-11"), assessment.DueOn(England), null), "ASM-03");
        assessment.Submit(lead.Id, D("2026-06-10"), assessment.DueOn(England), null);
    }

    // An assessment attaches to the referral that asked for it.

    [Theory]
    [Trait("Rule", "ASM-03")]
    [InlineData(ReferralOutcome.NoFurtherAction)]
    [InlineData(ReferralOutcome.UniversalHelp)]
    public void AnAssessment_NeverBelongsToAReferralWithNoFurtherAction(ReferralOutcome outcome)
    {
        // The no-further-action referral joined an episode another referral opened, so the episode is still open.
        var (episode, opening) = Decided(ReferralOutcome.Section17Assessment, Utc("2026-12-21T10:00:00Z"));
        var joining = Phoned(Utc("2026-12-22T10:00:00Z"));
        joining.BelongTo(episode.Id);
        joining.RecordDecision(Manager(), outcome, "Nothing new.", null, outcome == ReferralOutcome.UniversalHelp ? "The family hub." : null,
            Utc("2026-12-22T11:00:00Z"), D("2026-12-22"), D("2026-12-23"));
        var lead = SocialWorker();
        episode.Allocate(Manager(), lead, agreed: true, D("2026-12-22"), null);

        Refused(() => Assessment.Start(Guid.NewGuid(), episode, joining, lead.Id, D("2026-12-22"), false), Assessment.BelongsToReferralRule);
        Assert.Equal(opening.Id, Assessment.Start(Guid.NewGuid(), episode, opening, lead.Id, D("2026-12-22"), false).ReferralId);
    }

    // REF-04: a phoned concern keeps the time it was received; the acknowledgement is recorded as sent.

    [Fact]
    [Trait("Rule", "REF-04")]
    public void APhonedConcernKeyedLater_KeepsTheTimeItWasReceived_AndItsDecisionIsDueFromThen()
    {
        // Phoned in on Christmas Eve at 16:45, keyed after the Christmas break.
        var referral = Phoned(Utc("2026-12-24T16:45:00Z"), keyedAt: Utc("2026-12-29T09:10:00Z"));

        Assert.Equal(D("2026-12-24"), referral.ReceivedOn);
        Assert.Equal(Utc("2026-12-29T09:10:00Z"), referral.KeyedAt);
        Assert.Equal(D("2026-12-29"), StatutoryRules.ReferralDecision.Due(referral.ReceivedOn, England));
        Assert.True(referral.AwaitsAcknowledgement);
    }

    [Fact]
    [Trait("Rule", "REF-04")]
    public void AConcern_CannotBeReceivedAfterItIsKeyed()
    {
        Refused(() => Phoned(Utc("2026-12-29T09:11:00Z"), keyedAt: Utc("2026-12-29T09:10:00Z")), Referral.ReceivedInFutureRule);
    }

    [Fact]
    [Trait("Rule", "REF-04")]
    public void TheAcknowledgement_IsRecordedWhenSent_NotInTheFuture_NotBeforeReceipt_AndOnce()
    {
        var referral = Phoned(Utc("2026-12-24T16:45:00Z"), keyedAt: Utc("2026-12-29T09:10:00Z"));
        var manager = Manager();
        var now = Utc("2026-12-29T09:30:00Z");

        Refused(() => referral.RecordAcknowledgement(manager, AcknowledgementMethod.Phone, now.AddMinutes(1), now), Referral.AcknowledgementRule);
        Refused(() => referral.RecordAcknowledgement(manager, AcknowledgementMethod.Phone, Utc("2026-12-24T16:44:00Z"), now), Referral.AcknowledgementRule);
        Refused(() => referral.RecordAcknowledgement(manager, AcknowledgementMethod.Confirmation, now, now), Referral.AcknowledgementRule);
        Assert.Null(referral.AcknowledgedAt);

        referral.RecordAcknowledgement(manager, AcknowledgementMethod.Phone, Utc("2026-12-24T17:00:00Z"), now);
        Assert.Equal(Utc("2026-12-24T17:00:00Z"), referral.AcknowledgedAt);
        Assert.Equal(AcknowledgementMethod.Phone, referral.AcknowledgedHow);
        Assert.Equal(manager.Id, referral.AcknowledgedBy);
        Refused(() => referral.RecordAcknowledgement(manager, AcknowledgementMethod.Email, now, now), Referral.AcknowledgementRule);
    }

    [Fact]
    [Trait("Rule", "REF-04")]
    public void AReferralSentThroughSafeguard_IsAcknowledgedByItsConfirmation()
    {
        var referral = Phoned(Utc("2026-12-24T16:45:00Z"));
        referral.Acknowledge(Utc("2026-12-24T16:45:00Z"));
        Assert.Equal(AcknowledgementMethod.Confirmation, referral.AcknowledgedHow);
        Assert.Null(referral.AcknowledgedBy);
    }

    // POL-01 / A-21: before the start of the next school day, 08:30 on the next working day, counted from the incident's time.

    [Theory]
    [Trait("Rule", "POL-01")]
    // A working day: before 08:30 the school day about to start; at or after 08:30, the next one.
    [InlineData("2026-11-24T03:00:00Z", "2026-11-24T08:30:00Z")]
    [InlineData("2026-11-24T08:29:00Z", "2026-11-24T08:30:00Z")]
    [InlineData("2026-11-24T08:30:00Z", "2026-11-25T08:30:00Z")]
    [InlineData("2026-11-24T21:30:00Z", "2026-11-25T08:30:00Z")]
    // Friday night and the weekend: Monday.
    [InlineData("2026-11-20T21:30:00Z", "2026-11-23T08:30:00Z")]
    [InlineData("2026-11-21T07:00:00Z", "2026-11-23T08:30:00Z")]
    [InlineData("2026-11-23T07:00:00Z", "2026-11-23T08:30:00Z")]
    // Christmas Eve after 08:30: Christmas Day, the weekend and Boxing Day's substitute Monday pass: Tuesday 29 December.
    [InlineData("2026-12-24T10:00:00Z", "2026-12-29T08:30:00Z")]
    [InlineData("2026-12-24T08:00:00Z", "2026-12-24T08:30:00Z")]
    // Early on a bank holiday: the next working day.
    [InlineData("2026-12-28T03:00:00Z", "2026-12-29T08:30:00Z")]
    // Easter, in British Summer Time: 08:30 BST is 07:30 UTC on Tuesday 7 April.
    [InlineData("2026-04-02T20:00:00Z", "2026-04-07T07:30:00Z")]
    [InlineData("2026-04-03T06:00:00Z", "2026-04-07T07:30:00Z")]
    // 00:30 BST on 1 July is 23:30 UTC on 30 June: a Wednesday morning in England, so 08:30 that day.
    [InlineData("2026-06-30T23:30:00Z", "2026-07-01T07:30:00Z")]
    // The clocks go forward on Sunday 29 March 2026: Monday 08:30 is in summer time.
    [InlineData("2026-03-28T22:00:00Z", "2026-03-30T07:30:00Z")]
    // Late May bank holiday 2026 is Monday 25 May.
    [InlineData("2026-05-22T18:00:00Z", "2026-05-26T07:30:00Z")]
    public void TheNextSchoolDayStarts_At0830OnTheNextWorkingDay_CountedFromTheIncidentsTime(string incident, string shareBy)
    {
        Assert.Equal(Utc(shareBy), SchoolDayStart.NextAfter(Utc(incident), England));
    }

    [Fact]
    [Trait("Rule", "POL-01")]
    public void ANotificationSharedAfterTheSchoolDayStarted_IsLateByThePolicesTimescale()
    {
        var police = new Agency(Guid.NewGuid(), AreaId, "Test police", AgencyKind.Police);
        var school = new Agency(Guid.NewGuid(), AreaId, "Test primary", AgencyKind.School);
        var officer = new Practitioner(Guid.NewGuid(), police, null, "Jo", "Officer", "jo@test.example", "Detective constable");
        var incident = Utc("2026-12-24T03:00:00Z");
        var shareBy = SchoolDayStart.NextAfter(incident, England);

        var inTime = EncompassNotification.Send(Guid.NewGuid(), Child, school, officer, police, incident, D("2026-12-24"), true, "Robin was present.",
            Utc("2026-12-24T08:00:00Z"), shareBy);
        var late = EncompassNotification.Send(Guid.NewGuid(), Child, school, officer, police, incident, D("2026-12-24"), true, "Robin was present.",
            Utc("2026-12-24T09:15:00Z"), shareBy);

        Assert.False(inTime.SharedLate);
        Assert.True(late.SharedLate);
        Assert.Equal(D("2026-12-24"), late.DueBy);
        Assert.Equal(Utc("2026-12-24T08:30:00Z"), late.ShareBy);
    }
}
