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
    private static readonly DateOnly Today = new(2026, 12, 14);
    private static readonly Guid AreaId = Guid.NewGuid();
    private static readonly Agency SocialCare = new(Guid.NewGuid(), AreaId, "Test children's social care", AgencyKind.LocalAuthorityChildrensSocialCare);
    private static readonly Agency Hub = new(Guid.NewGuid(), AreaId, "Test family hub", AgencyKind.VoluntarySector);

    private static readonly Child Child = new(Guid.NewGuid(), AreaId,
        new ChildDetails("Mia", "Testcase", new DateOnly(2018, 3, 2), null, Sex.Female, null, "WBRI", ["NONE"], "English", null, null), Today);

    private static Practitioner Person(PractitionerRole? role = PractitionerRole.SocialWorker, bool manager = false, Agency? agency = null)
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

    private static Episode Episode()
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
        Assert.Equal("SD-02", missing.RuleId);
        Assert.Contains("health", missing.Message, StringComparison.Ordinal);

        var discussion = StrategyDiscussion.Record(Guid.NewGuid(), Episode(), worker,
            Record(whyShort: "The named nurse was in clinic; health information was given by phone beforehand.", roles: [AttendeeRole.LocalAuthoritySocialWorker, AttendeeRole.Police]), Today);
        Assert.False(discussion.Section47Initiated);
        Assert.Equal("SD-02", Assert.Throws<RuleViolationException>(() => Section47Enquiry.Start(Guid.NewGuid(), discussion, worker, null)).RuleId);
        Assert.Equal("RC-05", Assert.Throws<RuleViolationException>(() => discussion.ConfirmSection47(worker)).RuleId);

        discussion.ConfirmSection47(Person(manager: true));
        Assert.True(discussion.Section47Initiated);
        Assert.NotNull(Section47Enquiry.Start(Guid.NewGuid(), discussion, worker, null));
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
}
