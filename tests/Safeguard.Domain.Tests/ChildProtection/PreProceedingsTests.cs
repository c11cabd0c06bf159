using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Children;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;

namespace Safeguard.Domain.Tests.ChildProtection;

/// <summary>PRE-01 (the decision, by a social work qualified manager, with reasons and agencies' views) and PRE-02 (letter, family group decision-making, key discussions).</summary>
public sealed class PreProceedingsTests
{
    private static readonly DateOnly Today = new(2026, 12, 14);
    private static readonly Guid AreaId = Guid.NewGuid();
    private static readonly Agency SocialCare = new(Guid.NewGuid(), AreaId, "Test children's social care", AgencyKind.LocalAuthorityChildrensSocialCare);

    private static Practitioner Person(bool manager)
    {
        var p = new Practitioner(Guid.NewGuid(), SocialCare, null, "Sam", "Worker", $"{Guid.NewGuid():N}@test.example", "Social worker",
            SocialWorkRegistration.Parse("SW" + Random.Shared.Next(1, 999_999)));
        p.Grant(PractitionerRole.SocialWorker, SocialCare);
        if (manager)
        {
            p.Grant(PractitionerRole.PracticeSupervisor, SocialCare);
        }

        return p;
    }

    private static Episode Episode()
    {
        var child = new Child(Guid.NewGuid(), AreaId,
            new ChildDetails("Mia", "Testcase", new DateOnly(2018, 3, 2), null, Sex.Female, null, "WBRI", ["NONE"], "English", null, null), Today);
        var referral = Referral.Receive(Guid.NewGuid(), AreaId, "NM-T", child, new Referrer(null, null, "A neighbour", "Neighbour", null, null),
            new ReferralDetails("Heard screaming.", [HarmType.PhysicalAbuse], HarmContext.InsideTheHome, null, false, null, "Anonymous", Urgency.Urgent, "1B"),
            new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero), new DateOnly(2026, 9, 1), null);
        var episode = Domain.FamilyHelp.Episode.Open(Guid.NewGuid(), referral);
        referral.BelongTo(episode.Id);
        return episode;
    }

    private static PreProceedings Started() => PreProceedings.Decide(Guid.NewGuid(), Episode(), Person(manager: true), Today, true,
        "Neglect continues after nine months on a plan; threshold met in principle.", "Health visitor and school agree; police have no objection.", Today);

    [Fact]
    [Trait("Rule", "PRE-01")]
    public void TheDecision_IsAManagers_WithReasonsAndTheOtherAgenciesViews()
    {
        Assert.Equal("PRE-01", Assert.Throws<RuleViolationException>(() =>
            PreProceedings.Decide(Guid.NewGuid(), Episode(), Person(manager: false), Today, true, "Reasons.", "Views.", Today)).RuleId);
        var noViews = Assert.Throws<RuleViolationException>(() =>
            PreProceedings.Decide(Guid.NewGuid(), Episode(), Person(manager: true), Today, true, "Reasons.", " ", Today));
        Assert.Equal(("PRE-01", "AgencyViews"), (noViews.RuleId, noViews.Field));
        Assert.Equal("Start", Assert.Throws<RuleViolationException>(() =>
            PreProceedings.Decide(Guid.NewGuid(), Episode(), Person(manager: true), Today, null, "Reasons.", "Views.", Today)).Field);

        var notStarted = PreProceedings.Decide(Guid.NewGuid(), Episode(), Person(manager: true), Today, false, "Progress on the plan is enough for now.",
            "The school sees improvement.", Today);
        Assert.False(notStarted.IsOpen);
        Assert.Equal(PreProceedingsOutcome.NotStarted, notStarted.Outcome);
        Assert.Equal("SG-PRE-11", Assert.Throws<RuleViolationException>(() =>
            notStarted.SendLetter(Guid.NewGuid(), Today, "Expectations.", "Support.", null, Today)).RuleId);
        Assert.True(Started().IsOpen);
    }

    [Fact]
    [Trait("Rule", "PRE-02")]
    public void TheLetter_SetsClearExpectationsOfTheParents_AndTheSupportInPlace()
    {
        var pre = Started();
        Assert.Equal(("PRE-02", "ExpectationsOfParents"), Rule(() => pre.SendLetter(Guid.NewGuid(), Today, "", "Support.", null, Today)));
        Assert.Equal(("PRE-02", "Support"), Rule(() => pre.SendLetter(Guid.NewGuid(), Today, "Expectations.", "", null, Today)));
        Assert.Equal("SG-PRE-03", Rule(() => pre.SendLetter(Guid.NewGuid(), Today.AddDays(1), "Expectations.", "Support.", null, Today)).RuleId);
        pre.SendLetter(Guid.NewGuid(), Today, "Keep the home clean and safe; take Mia to school every day.", "Family support worker twice a week.", Today, Today);
        Assert.Equal("SG-PRE-02", Rule(() => pre.SendLetter(Guid.NewGuid(), Today, "Again.", "Again.", null, Today)).RuleId);
    }

    [Fact]
    [Trait("Rule", "PRE-02")]
    public void FamilyGroupDecisionMaking_IsOffered_WithPrivateFamilyTimeUnlessUnsafe()
    {
        var pre = Started();
        Assert.Equal(("PRE-02", "Accepted"), Rule(() => pre.OfferFamilyGroupDecisionMaking(Guid.NewGuid(), Today, null, true, true, null, null, Today)));
        Assert.Equal(("PRE-02", "WhyNoPrivateFamilyTime"), Rule(() => pre.OfferFamilyGroupDecisionMaking(Guid.NewGuid(), Today, true, true, false, null, null, Today)));
        pre.OfferFamilyGroupDecisionMaking(Guid.NewGuid(), Today, false, true, true, null, "Mother wants time to think.", Today);
        pre.OfferFamilyGroupDecisionMaking(Guid.NewGuid(), Today, true, true, false, "The father's brother has threatened the mother.", null, Today);
        Assert.Equal(2, pre.FamilyGroupOffers.Count);
    }

    [Fact]
    [Trait("Rule", "PRE-02")]
    public void KeyDiscussions_RecordWhoAndWhatWasAgreed_AndEndWithTheProceedings()
    {
        var pre = Started();
        Assert.Equal(("PRE-02", "Who"), Rule(() => pre.RecordKeyDiscussion(Guid.NewGuid(), Today, "", "Agreed.", Today)));
        Assert.Equal(("PRE-02", "WhatWasAgreed"), Rule(() => pre.RecordKeyDiscussion(Guid.NewGuid(), Today, "Mother, her solicitor", "", Today)));
        pre.RecordKeyDiscussion(Guid.NewGuid(), Today, "Mother, her solicitor, the social worker", "Mother will attend the parenting course from January.", Today);
        Assert.Equal("PRE-01", Rule(() => pre.Conclude(Person(manager: false), PreProceedingsOutcome.ProceedingsIssued, Today, "No change.", Today)).RuleId);
        pre.Conclude(Person(manager: true), PreProceedingsOutcome.ProceedingsIssued, Today, "No change after twelve weeks.", Today);
        Assert.Equal(Today, pre.ProceedingsIssuedOn);
        Assert.Equal("SG-PRE-11", Rule(() => pre.RecordKeyDiscussion(Guid.NewGuid(), Today, "Mother", "Agreed.", Today)).RuleId);
    }

    private static (string RuleId, string? Field) Rule(Action step)
    {
        var e = Assert.Throws<RuleViolationException>(step);
        return (e.RuleId, e.Field);
    }
}
