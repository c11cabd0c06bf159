using Safeguard.Domain.Children;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;

namespace Safeguard.Domain.Tests.FamilyHelp;

/// <summary>
/// GRP-03, GRP-04, GRP-05 (¶209–214, ¶291): a disabled child's, a parent carer's and a young carer's assessment is a record —
/// for whom, why, when asked for, started and completed, who assessed, what it found and the support decided — not only a prompt.
/// </summary>
public sealed class CarersAndDisabilityAssessmentTests
{
    private static readonly DateOnly Received = new(2026, 11, 24);
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid AreaId = Guid.NewGuid();
    private static readonly Agency SocialCare = new(Guid.NewGuid(), AreaId, "Test children's social care", AgencyKind.LocalAuthorityChildrensSocialCare);
    private static readonly Agency School = new(Guid.NewGuid(), AreaId, "Test primary school", AgencyKind.School);

    private static readonly Child Child = new(Guid.NewGuid(), AreaId,
        new ChildDetails("Kit", "Carertest", new DateOnly(2014, 5, 6), null, Sex.Male, null, "WBRI", ["NONE"], "English", null, null), Received);

    private static readonly Practitioner Teacher = new(Guid.NewGuid(), School, null, "Dee", "Teacher", "dsl@test.example", "DSL");

    private static Practitioner Worker()
    {
        var worker = new Practitioner(Guid.NewGuid(), SocialCare, null, "Sam", "Worker", "w@test.example", "Social worker", SocialWorkRegistration.Parse("SW2"));
        worker.Grant(PractitionerRole.SocialWorker, SocialCare);
        return worker;
    }

    private static Episode Episode()
    {
        var referral = Referral.Receive(Guid.NewGuid(), AreaId, "NM-TEST-9", Child,
            new Referrer(Teacher.Id, School.Id, Teacher.FullName, "Designated safeguarding lead", null, Teacher.Email),
            new ReferralDetails("Kit looks after his mother and is often late.", [HarmType.Neglect], HarmContext.InsideTheHome, null, true, true, null,
                Urgency.Standard, "2A"),
            Now, Received, null);
        return Domain.FamilyHelp.Episode.Open(Guid.NewGuid(), referral);
    }

    private static CarersAndDisabilityAssessment Record(CarersAndDisabilityAssessmentKind? kind = CarersAndDisabilityAssessmentKind.YoungCarer,
        string? forWhom = "Kit Carertest", CarersAssessmentTrigger? trigger = CarersAssessmentTrigger.AppearsToNeedSupport, DateOnly? requestedOn = null,
        DateOnly? startedOn = null, Episode? episode = null) =>
        CarersAndDisabilityAssessment.Record(Guid.NewGuid(), episode ?? Episode(), kind, forWhom, trigger, requestedOn ?? Today.AddDays(-3), startedOn,
            "Combined with the child and family assessment.", Worker(), Today, Now);

    private static void Refused(Action step, string rule, string? field)
    {
        var error = Assert.Throws<RuleViolationException>(step);
        Assert.Equal(rule, error.RuleId);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    [Trait("Rule", "GRP-03")]
    public void ADisabledChildsAssessment_RecordsTheDecisionOnSection2Support()
    {
        var assessment = Record(CarersAndDisabilityAssessmentKind.DisabledChild, trigger: CarersAssessmentTrigger.Requested, startedOn: Today.AddDays(-2));
        var assessor = Worker();
        Refused(() => assessment.Complete(null, Today, assessor, "Kit needs help with personal care.", " ", Today), "GRP-03",
            nameof(CarersAndDisabilityAssessment.SupportDecided));
        Assert.False(assessment.IsCompleted);

        assessment.Complete(null, Today, assessor, "  Kit needs help with personal care.  ", "Short breaks provided under section 2.", Today);

        Assert.True(assessment.IsCompleted);
        Assert.Equal(Today, assessment.CompletedOn);
        Assert.Equal(Today.AddDays(-2), assessment.StartedOn);
        Assert.Equal(assessor.Id, assessment.AssessedBy);
        Assert.Equal("Kit needs help with personal care.", assessment.Outcome);
        Assert.Equal("Short breaks provided under section 2.", assessment.SupportDecided);
        Refused(() => assessment.Complete(null, Today, assessor, "Again.", "Again.", Today), "GRP-03", null);
    }

    [Fact]
    [Trait("Rule", "GRP-04")]
    public void AParentCarerNeedsAssessment_NamesTheParentCarer_AndIsCompletedWithWhatItFoundAndWhoAssessed()
    {
        Refused(() => Record(CarersAndDisabilityAssessmentKind.ParentCarer, forWhom: " "), "GRP-04", nameof(CarersAndDisabilityAssessment.ForWhom));
        Refused(() => Record(CarersAndDisabilityAssessmentKind.ParentCarer, trigger: null), "GRP-04", nameof(CarersAndDisabilityAssessment.Trigger));
        var assessment = Record(CarersAndDisabilityAssessmentKind.ParentCarer, forWhom: "Jo Carertest", trigger: CarersAssessmentTrigger.Requested);
        Assert.Equal("Jo Carertest", assessment.ForWhom);
        Assert.Equal(AreaId, assessment.AreaId);
        Assert.Equal(CarersAssessmentTrigger.Requested, assessment.Trigger);

        // Not started yet: the day it started is needed to complete it, and it cannot end before it began.
        Refused(() => assessment.Complete(null, Today, Worker(), "Jo is exhausted.", "Carer's break weekly.", Today), "GRP-04",
            nameof(CarersAndDisabilityAssessment.StartedOn));
        Refused(() => assessment.Complete(Today, Today.AddDays(-1), Worker(), "Jo is exhausted.", "Carer's break weekly.", Today), "GRP-04",
            nameof(CarersAndDisabilityAssessment.CompletedOn));
        Refused(() => assessment.Complete(Today, Today, null, "Jo is exhausted.", "Carer's break weekly.", Today), "GRP-04",
            nameof(CarersAndDisabilityAssessment.AssessedBy));
        Refused(() => assessment.Complete(Today, Today, Worker(), "", "Carer's break weekly.", Today), "GRP-04",
            nameof(CarersAndDisabilityAssessment.Outcome));
        Assert.False(assessment.IsCompleted);
    }

    [Fact]
    [Trait("Rule", "GRP-05")]
    public void AYoungCarersAssessment_KeepsItsDaysInOrder_AndWhatItWasCombinedWith()
    {
        Refused(() => CarersAndDisabilityAssessment.Record(Guid.NewGuid(), Episode(), CarersAndDisabilityAssessmentKind.YoungCarer, "Kit",
            CarersAssessmentTrigger.Requested, null, null, null, Worker(), Today, Now), "GRP-05", nameof(CarersAndDisabilityAssessment.RequestedOn));
        Refused(() => Record(requestedOn: Today.AddDays(1)), "GRP-05", nameof(CarersAndDisabilityAssessment.RequestedOn));
        Refused(() => Record(requestedOn: Today.AddDays(-1), startedOn: Today.AddDays(-2)), "GRP-05", nameof(CarersAndDisabilityAssessment.StartedOn));
        Refused(() => Record(kind: null), "GRP-03", nameof(CarersAndDisabilityAssessment.Kind));

        var assessment = Record();
        Assert.Equal("GRP-05", CarersAndDisabilityAssessment.RuleOf(assessment.Kind));
        Assert.Equal("Combined with the child and family assessment.", assessment.CombinedWith);
    }

    [Fact]
    [Trait("Rule", "GRP-05")]
    public void AnAssessment_IsRecordedByAPractitionerOfTheArea()
    {
        var elsewhere = new Agency(Guid.NewGuid(), Guid.NewGuid(), "Another area's children's social care", AgencyKind.LocalAuthorityChildrensSocialCare);
        var outsider = new Practitioner(Guid.NewGuid(), elsewhere, null, "Oz", "Other", "oo@test.example", "Social worker", SocialWorkRegistration.Parse("SW77"));
        Refused(() => CarersAndDisabilityAssessment.Record(Guid.NewGuid(), Episode(), CarersAndDisabilityAssessmentKind.YoungCarer, "Kit",
            CarersAssessmentTrigger.Requested, Today, null, null, outsider, Today, Now), "GRP-05", null);
        var assessment = Record(startedOn: Today);
        Refused(() => assessment.Complete(null, Today, outsider, "Found.", "Support.", Today), "GRP-05", nameof(CarersAndDisabilityAssessment.AssessedBy));
    }
}
