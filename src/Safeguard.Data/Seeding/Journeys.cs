using Safeguard.Domain;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Children;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.Events;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.LookedAfter;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Referrals;
using Safeguard.Domain.Rules;

namespace Safeguard.Data.Seeding;

/// <summary>
/// Whole journeys through children's social care for the demo area and <c>safeguard seed</c>: a referral and the front
/// door's decision, the episode and its lead practitioner, the assessment, Family Help and child in need plans, visits,
/// strategy discussions, section 47 enquiries, initial conferences, child protection plans with core groups and review
/// conferences, pre-proceedings, looked after periods with placements and care plans, and closure. Every step is taken
/// through the domain's own operations, dated on the day it happened, so every rule the domain keeps holds; the clocks are
/// computed by the clock interceptor when the journey is saved, and each step is on the child's chronology.
/// </summary>
/// <remarks>
/// The proportions follow the broad shape of England's published children in need and child protection statistics (our
/// reading of them, rounded): about a quarter of referrals end with no further action at the front door; roughly a third of
/// assessments go with a strategy discussion (one referral in ten goes straight to one, and about a fifth of the other
/// assessments conclude that one is needed); a little under half of section 47 enquiries (here 40%)
/// reach an initial conference, and about 85% of initial conferences make a child protection plan; plans last most often
/// between three months and a year; about one child in ten open to children's social care is looked after. Timescales are
/// mostly met, and a realistic minority are late with a reason recorded. Dates run over the two years before "today".
/// </remarks>
public sealed partial class Seeder
{
    /// <summary>How many synthetic practitioners carry the journeys beside the demo accounts: one social worker for about 15 journeys.</summary>
    private const int JourneysPerWorker = 15;

    private const int JourneysPerManager = 120;

    private const int JourneysPerChair = 250;

    /// <summary>
    /// Adds <paramref name="count"/> journeys, each about a child of the area who has no referral yet (born, under 16).
    /// The first few are led by the demo accounts (social.worker@, family.help@, managed by manager@, chaired by chair@) and
    /// stop at chosen points, so each demo account's "My work" has something to show; the rest are drawn at random with the
    /// proportions above and shared among synthetic practitioners. The same seed on the same data gives the same journeys.
    /// </summary>
    /// <returns>How many journeys were added (fewer than asked when there are not enough children).</returns>
    public async Task<int> AddJourneysAsync(Guid areaId, int count, int seed, DateOnly today, WorkingDayCalendar calendar,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(calendar);
        if (count == 0)
        {
            return 0;
        }

        db.WorkInArea(areaId);
        var staff = await StaffAsync(areaId, count, cancellationToken);
        if (staff is null)
        {
            return 0;
        }

        var youngest = today.AddDays(-60);
        var oldest = today.AddYears(-16);
        var children = await db.Children.AsNoTracking()
            .Where(c => c.DateOfBirth != null && c.DateOfBirth <= youngest && c.DateOfBirth > oldest && !db.Referrals.Any(r => r.ChildId == c.Id))
            .OrderBy(c => c.Id).Take(count).ToListAsync(cancellationToken);
        var firstNumber = await db.Referrals.CountAsync(cancellationToken);
        var faker = new Faker("en_GB") { Random = new Randomizer(seed * 7_919 + 13) };
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var i = 0; i < children.Count; i++)
            {
                var script = i < Showcase.Length && staff.Demo ? Showcase[i] : null;
                var (lead, manager) = script?.FamilyHelpLead == true ? (staff.FamilyHelp, staff.Manager)
                    : script?.ManagerLead == true ? (staff.Manager, staff.Manager)
                    : script is not null ? (staff.Worker, staff.Manager)
                    : staff.Teams[faker.Random.Int(0, staff.Teams.Count - 1)];
                var chair = script is not null ? staff.Chair : staff.Chairs[faker.Random.Int(0, staff.Chairs.Count - 1)];
                var journey = new Journey(this, faker, calendar, today, areaId, children[i], staff, lead, manager, chair, script,
                    $"R-J{firstNumber + i + 1:D6}");
                journey.Run();
                if (db.ChangeTracker.Entries().Count() >= BatchSize)
                {
                    await SaveBatchAsync(cancellationToken);
                }
            }

            await SaveBatchAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        return children.Count;
    }

    /// <summary>
    /// The journeys the demo accounts lead, each stopping at a point a person clicking through can pick up: an assessment
    /// under way, a plan with its next meetings due, pre-proceedings, a looked after child, an enquiry just started, a child
    /// in need plan, Family Help, and one closed after its assessment; the team manager holds two cases of their own.
    /// </summary>
    private static readonly Script[] Showcase =
    [
        new(StartedWorkingDaysAgo: 18, Outcome: ReferralOutcome.Section17Assessment, StopAfterAssessmentStarted: true),
        new(StartedWorkingDaysAgo: 70, Outcome: ReferralOutcome.StrategyDiscussion, Section47: true, Substantiated: true, PlanNeeded: true, EndAtReview: false),
        new(StartedWorkingDaysAgo: 210, Outcome: ReferralOutcome.StrategyDiscussion, Section47: true, Substantiated: true, PlanNeeded: true, EndAtReview: false,
            PreProceedings: true),
        new(StartedWorkingDaysAgo: 150, Outcome: ReferralOutcome.Section17Assessment, Conclusion: AssessmentConclusion.ChildInNeed, LookedAfter: true),
        new(StartedWorkingDaysAgo: 3, Outcome: ReferralOutcome.StrategyDiscussion, Section47: true),
        new(StartedWorkingDaysAgo: 110, Outcome: ReferralOutcome.Section17Assessment, Conclusion: AssessmentConclusion.ChildInNeed, LookedAfter: false),
        new(StartedWorkingDaysAgo: 60, Outcome: ReferralOutcome.FamilyHelp, FamilyHelpLead: true),
        new(StartedWorkingDaysAgo: 35, Outcome: ReferralOutcome.FamilyHelp, FamilyHelpLead: true),
        new(StartedWorkingDaysAgo: 120, Outcome: ReferralOutcome.Section17Assessment, Conclusion: AssessmentConclusion.NoFurtherAction),
        new(StartedWorkingDaysAgo: 80, Outcome: ReferralOutcome.Section17Assessment, Conclusion: AssessmentConclusion.ChildInNeed, LookedAfter: false,
            ManagerLead: true),
        new(StartedWorkingDaysAgo: 12, Outcome: ReferralOutcome.StrategyDiscussion, Section47: true, Substantiated: true, ManagerLead: true),
    ];

    /// <summary>Who takes part in the journeys: the demo accounts where the area has them, and synthetic practitioners beside them.</summary>
    private sealed record Staff(bool Demo, Practitioner Manager, Practitioner Worker, Practitioner FamilyHelp, Practitioner Chair, Practitioner? Dsl,
        Practitioner? HealthVisitor, Practitioner? Police, string SocialCareName, List<(Practitioner Lead, Practitioner Manager)> Teams,
        List<Practitioner> Chairs);

    /// <summary>
    /// The area's staff for the journeys. Synthetic social workers, managers and conference chairs (no sign-in accounts) are
    /// added once, as many as the journeys need, with the same ids and names every time.
    /// </summary>
    private async Task<Staff?> StaffAsync(Guid areaId, int journeys, CancellationToken cancellationToken)
    {
        var socialCare = await db.Agencies.FirstOrDefaultAsync(a => a.Kind == AgencyKind.LocalAuthorityChildrensSocialCare, cancellationToken);
        if (socialCare is null)
        {
            return null;
        }

        var practitioners = await db.Practitioners.ToListAsync(cancellationToken);
        Practitioner? Demo(string login) => practitioners.FirstOrDefault(p => p.Email.StartsWith(login + "@", StringComparison.Ordinal));
        var teams = await db.Teams.Where(t => t.AgencyId == socialCare.Id).ToListAsync(cancellationToken);
        Guid? TeamOf(string name) => teams.FirstOrDefault(t => t.Name == name)?.Id;

        var workers = Math.Max(2, (journeys + JourneysPerWorker - 1) / JourneysPerWorker);
        var managers = Math.Max(1, (journeys + JourneysPerManager - 1) / JourneysPerManager);
        var chairs = Math.Max(1, (journeys + JourneysPerChair - 1) / JourneysPerChair);
        var added = false;
        Practitioner Synthetic(string kind, int n, string jobTitle, string? team, params PractitionerRole[] roles)
        {
            var email = $"{kind}{n:D4}.staff@{DemoArea.EmailDomain}";
            if (practitioners.FirstOrDefault(p => p.Email == email) is { } existing)
            {
                return existing;
            }

            // Each synthetic practitioner's name comes from their own number, whatever the seed.
            var names = new Faker("en_GB") { Random = new Randomizer(kind.Length * 100_003 + n) };
            var given = names.Name.FirstName();
            var family = names.Name.LastName();
            var practitioner = new Practitioner(StableId($"staff:{areaId}:{kind}:{n}"), socialCare, team is null ? null : TeamOf(team), given, family, email, jobTitle,
                SocialWorkRegistration.Parse($"SW{(kind.Length * 100_000) + n:D6}"));
            foreach (var role in roles)
            {
                practitioner.Grant(role, socialCare);
            }

            db.Practitioners.Add(practitioner);
            practitioners.Add(practitioner);
            added = true;
            return practitioner;
        }

        var managerPool = Enumerable.Range(1, managers).Select(n => Synthetic("manager", n, "Team manager", n % 2 == 0 ? "Family Help south" : "Family Help north",
            PractitionerRole.SocialWorker, PractitionerRole.PracticeSupervisor)).ToList();
        var workerPool = Enumerable.Range(1, workers).Select(n => (Lead: Synthetic("worker", n, "Social worker",
            n % 3 == 0 ? "Child protection and review" : n % 2 == 0 ? "Family Help south" : "Family Help north", PractitionerRole.SocialWorker),
            Manager: managerPool[(n - 1) % managerPool.Count])).ToList();
        var chairPool = Enumerable.Range(1, chairs).Select(n => Synthetic("chair", n, "Independent reviewing officer", "Child protection and review",
            PractitionerRole.SocialWorker, PractitionerRole.ConferenceChair)).ToList();
        if (added)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var manager = Demo("manager");
        var worker = Demo("social.worker");
        var familyHelp = Demo("family.help");
        var chair = Demo("chair");
        var demo = manager is not null && worker is not null && familyHelp is not null && chair is not null
            && manager.Has(PractitionerRole.PracticeSupervisor) && worker.Has(PractitionerRole.SocialWorker) && chair.Has(PractitionerRole.ConferenceChair);
        if (demo)
        {
            chairPool.Add(chair!);
        }

        return new Staff(demo, manager ?? managerPool[0], worker ?? workerPool[0].Lead, familyHelp ?? workerPool[0].Lead, chair ?? chairPool[0], Demo("dsl"),
            Demo("health.visitor"), Demo("police"), socialCare.Name, workerPool, chairPool);
    }

    /// <summary>A journey told in advance for a demo account; the draws a random journey makes at each turn, fixed.</summary>
    private sealed record Script(
        int StartedWorkingDaysAgo,
        ReferralOutcome Outcome,
        bool FamilyHelpLead = false,
        bool StopAfterAssessmentStarted = false,
        AssessmentConclusion? Conclusion = null,
        bool? Section47 = null,
        bool? Substantiated = null,
        bool? PlanNeeded = null,
        bool? EndAtReview = null,
        bool? PreProceedings = null,
        bool? LookedAfter = null,
        bool ManagerLead = false);

    /// <summary>One child's journey, taken step by step in date order, each step on the day it happened; it stops at today.</summary>
    private sealed class Journey(Seeder seeder, Faker faker, WorkingDayCalendar calendar, DateOnly today, Guid areaId, Child child, Staff staff,
        Practitioner lead, Practitioner manager, Practitioner chair, Script? script, string reference)
    {
        private readonly SafeguardDbContext db = seeder.Db;
        private Referral referral = null!;
        private Episode episode = null!;
        private bool hasAuthorisedAssessment;
        private FamilyHelpPlan? plan;
        private ChildProtectionPlan? cpPlan;
        private LookedAfterPeriod? lookedAfter;
        private PreProceedings? preProceedings;
        private Section47Enquiry? lastEnquiry;

        private DateOnly cursor;

        /// <summary>The latest day any step of the journey reached: the episode closes after it.</summary>
        private DateOnly latest;

        /// <summary>The day the journey has reached; a step dated after today does not happen (yet).</summary>
        private DateOnly Day
        {
            get => cursor;
            set
            {
                cursor = value;
                latest = value > latest ? value : latest;
            }
        }

        public void Run()
        {
            var receivedOn = ReceivedOn();
            if (!Refer(receivedOn))
            {
                return;
            }

            var outcome = script?.Outcome ?? faker.Random.WeightedRandom(
                [ReferralOutcome.NoFurtherAction, ReferralOutcome.UniversalHelp, ReferralOutcome.FamilyHelp, ReferralOutcome.Section17Assessment,
                    ReferralOutcome.StrategyDiscussion],
                [0.15f, 0.10f, 0.15f, 0.50f, 0.10f]);
            Decide(outcome);
            if (!episode.IsOpen)
            {
                return;
            }

            if (!Allocate())
            {
                return;
            }

            switch (outcome)
            {
                case ReferralOutcome.FamilyHelp:
                    FamilyHelp();
                    break;
                case ReferralOutcome.StrategyDiscussion:
                    // Significant harm suspected at the front door: the discussion comes first, and the assessment runs alongside
                    // the enquiry from the day the case was allocated.
                    var allocatedOn = Day;
                    var result = StrategyDiscussion(At(Day, 0, 1));
                    Day = allocatedOn;
                    var conclusion = result is StrategyResult.NoSection47 or StrategyResult.NotSubstantiated && faker.Random.Bool(0.3f)
                        ? AssessmentConclusion.FamilyHelp
                        : AssessmentConclusion.ChildInNeed;
                    var concluded = Assess(conclusion);
                    if (concluded is not null && result is StrategyResult.NoSection47 or StrategyResult.NotSubstantiated or StrategyResult.NoPlan)
                    {
                        AfterAssessment(concluded.Value);
                    }
                    else
                    {
                        CloseWhenDone();
                    }

                    break;
                default:
                    if (Assess(script?.Conclusion ?? faker.Random.WeightedRandom(
                            [AssessmentConclusion.StrategyDiscussion, AssessmentConclusion.ChildInNeed, AssessmentConclusion.FamilyHelp,
                                AssessmentConclusion.StepDownToUniversalHelp, AssessmentConclusion.NoFurtherAction],
                            [0.18f, 0.36f, 0.18f, 0.13f, 0.15f])) is { } done)
                    {
                        AfterAssessment(done);
                    }

                    break;
            }
        }

        private DateOnly ReceivedOn()
        {
            var earliest = child.DateOfBirth!.Value.AddDays(14);
            var latest = today.AddDays(-3);
            var on = script is not null ? calendar.AddWorkingDays(today, -script.StartedWorkingDaysAgo) : today.AddDays(-faker.Random.Int(3, 730));
            on = on < earliest ? earliest : on > latest ? latest : on;
            return calendar.IsWorkingDay(on) ? on : calendar.AddWorkingDays(on, 1) is var next && next <= today ? next : calendar.AddWorkingDays(on, -1);
        }

        private bool Refer(DateOnly receivedOn)
        {
            var referrers = new[] { staff.Dsl, staff.HealthVisitor, staff.Police }.OfType<Practitioner>().ToArray();
            var (concern, harm, source) = Concerns[faker.Random.Int(0, Concerns.Length - 1)];
            var referrer = referrers.Length == 0 ? null : referrers[faker.Random.Int(0, referrers.Length - 1)];
            var receivedAt = At(receivedOn, 9);
            referral = Referral.Receive(NewJourneyId(faker), areaId, reference, child,
                referrer is null
                    ? new Referrer(null, null, faker.Name.FullName(), "Neighbour", "07700 900" + faker.Random.Int(100, 999), null)
                    : new Referrer(referrer.Id, referrer.AgencyId, referrer.FullName, referrer.JobTitle, null, referrer.Email),
                new ReferralDetails($"{child.GivenName} {concern}", [harm], HarmContext.InsideTheHome, null, true, true, null,
                    faker.Random.Bool(0.2f) ? Urgency.Urgent : Urgency.Standard, referrer is null ? "1B" : source),
                receivedAt, receivedOn, null);
            referral.Acknowledge(receivedAt);
            episode = Episode.Open(NewJourneyId(faker), referral);
            referral.BelongTo(episode.Id);
            db.Referrals.Add(referral);
            db.Episodes.Add(episode);
            Note(receivedOn, ChronologyKind.Referral, $"Referral {referral.Reference} from {referral.Referrer.Name}. {referral.Concerns}", nameof(Referral),
                referral.Id, referrer);
            Day = receivedOn;
            return true;
        }

        private void Decide(ReferralOutcome outcome)
        {
            // The decision is due one working day after the referral (REF-04): most are made the same day, a few late with the reason.
            var dueOn = calendar.AddWorkingDays(referral.ReceivedOn, 1);
            var late = script is null && faker.Random.Bool(0.07f);
            var on = late ? calendar.AddWorkingDays(referral.ReceivedOn, faker.Random.Int(2, 4)) : faker.Random.Bool(0.7f) ? referral.ReceivedOn : dueOn;
            on = on > today ? today : on;
            var (reasons, need) = outcome switch
            {
                ReferralOutcome.NoFurtherAction => ("The concern has been looked into with the referrer and the school: no role for children's social care.", "N9"),
                ReferralOutcome.UniversalHelp => ("Universal services can meet the family's needs; the school nurse and the children's centre will offer support.", "N4"),
                ReferralOutcome.FamilyHelp => ("The family would benefit from targeted Family Help with their agreement.", "N5"),
                ReferralOutcome.StrategyDiscussion => ("Reasonable cause to suspect the child is suffering, or likely to suffer, significant harm: a strategy discussion.", "N1"),
                _ => ("The family's needs call for an assessment; a social worker will see the child.", faker.PickRandom("N1", "N3", "N4", "N5")),
            };
            referral.RecordDecision(manager, outcome, reasons, need,
                outcome == ReferralOutcome.UniversalHelp ? "School nurse drop-in; Northmoor children's centre parenting group." : null,
                At(on, 11), on, dueOn, on > dueOn ? "The duty manager was covering two teams after a surge of referrals." : null);
            episode.ReferralDecided(referral);
            Note(on, ChronologyKind.Decision, $"Front door decision on {referral.Reference}: {referral.Outcome!.Value.Describe()}. {referral.DecisionReasons}",
                nameof(Referral), referral.Id, manager);
            if (!episode.IsOpen)
            {
                Note(on, ChronologyKind.EpisodeClosed, $"Episode closed ({episode.ClosureReasonCode}): {episode.ClosureSummary}", "Episode", episode.Id, manager);
            }

            Day = on;
        }

        private bool Allocate()
        {
            var on = At(Day, 0, 1);
            if (on > today)
            {
                return false;
            }

            episode.Allocate(manager, lead, agreed: true, on, null);
            Note(on, ChronologyKind.Allocation, $"{lead.FullName} ({lead.JobTitle}, {staff.SocialCareName}) allocated as lead practitioner by {manager.FullName}, with their agreement.",
                "Episode", episode.Id, manager);
            Day = on;
            return true;
        }

        /// <summary>The assessment from the referral: the child seen, written, submitted, authorised (ASM-03), mostly within 45 working days.</summary>
        private AssessmentConclusion? Assess(AssessmentConclusion conclusion)
        {
            var worker = lead.Has(PractitionerRole.SocialWorker) && lead.IsSocialWorkQualified ? lead : manager;
            if (episode.LeadPractitionerId != worker.Id)
            {
                return null;
            }

            var startedOn = Day > referral.ReceivedOn ? Day : At(referral.ReceivedOn, 0, 1);
            if (startedOn > today)
            {
                return null;
            }

            var assessment = Assessment.Start(NewJourneyId(faker), episode, referral, worker.Id, startedOn, episodeHasUnfinishedAssessment: false);
            db.Assessments.Add(assessment);
            Note(startedOn, ChronologyKind.Assessment, $"Assessment started (referral {referral.Reference}).", nameof(Assessment), assessment.Id, worker);
            var seenOn = At(startedOn, 0, 3);
            if (seenOn > today || script?.StopAfterAssessmentStarted == true)
            {
                seenOn = seenOn > today ? today : seenOn;
                Visit(seenOn, worker, childSeen: true);
                assessment.Save(worker.Id, Content(seenOn, null));
                return null;
            }

            Visit(seenOn, worker, childSeen: true);
            var dueOn = StatutoryRules.Assessment.Due(referral.ReceivedOn, calendar)!.Value;
            var late = script is null && faker.Random.Bool(0.15f);
            var submittedOn = late ? calendar.AddWorkingDays(dueOn, faker.Random.Int(1, 15)) : calendar.AddWorkingDays(referral.ReceivedOn, faker.Random.Int(12, 40));
            submittedOn = submittedOn < seenOn ? seenOn : submittedOn;
            if (submittedOn > today)
            {
                assessment.Save(worker.Id, Content(seenOn, null));
                return null;
            }

            assessment.Save(worker.Id, Content(seenOn, conclusion));
            assessment.Submit(worker.Id, submittedOn, dueOn, submittedOn > dueOn ? LateReasons[faker.Random.Int(0, LateReasons.Length - 1)] : null);
            Note(submittedOn, ChronologyKind.Assessment, $"Assessment submitted for authorisation: {Describe(conclusion)}.", nameof(Assessment), assessment.Id, worker);
            var authorisedOn = At(submittedOn, 0, 2);
            if (authorisedOn > dueOn && submittedOn <= dueOn)
            {
                authorisedOn = submittedOn;
            }

            if (authorisedOn > today)
            {
                return null;
            }

            assessment.Authorise(manager, authorisedOn, dueOn);
            episode.AssessmentAuthorised(assessment);
            hasAuthorisedAssessment = true;
            Note(authorisedOn, ChronologyKind.Assessment, $"Assessment authorised by {manager.FullName}: {Describe(conclusion)}. {assessment.ConclusionReasons}",
                nameof(Assessment), assessment.Id, manager);
            Day = authorisedOn;
            return conclusion;
        }

        private void AfterAssessment(AssessmentConclusion conclusion)
        {
            switch (conclusion)
            {
                case AssessmentConclusion.NoFurtherAction or AssessmentConclusion.StepDownToUniversalHelp:
                    Close(At(Day, 1, 10), conclusion == AssessmentConclusion.NoFurtherAction ? "RC8" : "RC9",
                        conclusion == AssessmentConclusion.NoFurtherAction
                            ? "The assessment found no need for children's social care services; the family know how to ask again."
                            : "The assessment found the family's needs can be met by universal help: the school and the children's centre carry on.");
                    break;
                case AssessmentConclusion.FamilyHelp:
                    FamilyHelp();
                    break;
                case AssessmentConclusion.StrategyDiscussion:
                    var result = StrategyDiscussion(At(Day, 0, 3));
                    if (result is StrategyResult.NoSection47 or StrategyResult.NotSubstantiated or StrategyResult.NoPlan)
                    {
                        ChildInNeed();
                    }
                    else if (result is StrategyResult.Plan)
                    {
                        CloseWhenDone();
                    }

                    break;
                default:
                    ChildInNeed();
                    break;
            }
        }

        private enum StrategyResult
        {
            Stopped,
            NoSection47,
            NotSubstantiated,
            NoPlan,
            Plan,
        }

        /// <summary>
        /// A strategy discussion (SD-02: social work, health and police, or the reason and a manager's confirmation), then the
        /// section 47 enquiry, its outcome, and for substantiated concerns the initial conference (ICPC-01) and the plan.
        /// </summary>
        private StrategyResult StrategyDiscussion(DateOnly heldOn)
        {
            var recorder = lead.Has(PractitionerRole.SocialWorker) && lead.IsSocialWorkQualified ? lead : manager;
            if (heldOn > today)
            {
                return StrategyResult.Stopped;
            }

            var section47 = script?.Section47 ?? faker.Random.Bool(0.85f);
            var shortOfHealth = script is null && section47 && faker.Random.Bool(0.08f);
            var attendees = new List<Attendee>
            {
                new(recorder.FullName, staff.SocialCareName, AttendeeRole.LocalAuthoritySocialWorker),
                new(staff.Police?.FullName ?? "DC " + faker.Name.LastName(), "Northmoor Police", AttendeeRole.Police),
            };
            if (!shortOfHealth)
            {
                attendees.Add(new(staff.HealthVisitor?.FullName ?? faker.Name.FullName(), "Northmoor Community Health NHS Trust", AttendeeRole.Health));
            }

            if (faker.Random.Bool(0.6f))
            {
                attendees.Add(new(staff.Dsl?.FullName ?? faker.Name.FullName(), "Millbrook Primary School", AttendeeRole.EducationOrChildcare));
            }

            var police = faker.Random.WeightedRandom([CriminalInvestigation.Started, CriminalInvestigation.NotStarted, CriminalInvestigation.NotYetDecided],
                [0.3f, 0.55f, 0.15f]);
            var discussion = Safeguard.Domain.ChildProtection.StrategyDiscussion.Record(NewJourneyId(faker), episode, recorder, new StrategyDiscussionRecord(heldOn,
                attendees, "Each agency shared what it knows of the child and the household; the concerns are consistent across agencies.", police,
                police == CriminalInvestigation.Started ? null : "No offence disclosed so far; the police will keep in touch through the enquiry.",
                section47, section47 ? "There is reasonable cause to suspect the child is suffering, or likely to suffer, significant harm."
                    : "The concerns do not reach the threshold for section 47; the child's needs are met through the assessment and a plan.",
                section47 ? [new AgreedAction("See the child alone and talk to the parents", recorder.FullName, calendar.AddWorkingDays(heldOn, 2))] : [],
                false, "The purpose of the enquiry and what happens next.",
                shortOfHealth ? "The health visitor was on leave and no one could cover at short notice; health will send what they hold." : null), heldOn);
            db.StrategyDiscussions.Add(discussion);
            NoteEvent(discussion, ChronologyKind.StrategyDiscussion, recorder);
            Day = heldOn;
            if (discussion.AwaitsConfirmation)
            {
                discussion.ConfirmAttendance(manager, heldOn);
                NoteEvent(discussion, ChronologyKind.StrategyDiscussion, manager);
            }

            if (!section47)
            {
                return StrategyResult.NoSection47;
            }

            return Section47(discussion, recorder);
        }

        private StrategyResult Section47(StrategyDiscussion discussion, Practitioner enquiryLead)
        {
            var familyHelpLead = lead.Has(PractitionerRole.SocialWorker) && lead.IsSocialWorkQualified ? null : lead;
            var enquiry = Section47Enquiry.Start(NewJourneyId(faker), discussion, enquiryLead, familyHelpLead);
            lastEnquiry = enquiry;
            db.Section47Enquiries.Add(enquiry);
            var conferenceDue = StatutoryRules.InitialConference.Due(enquiry.StartedOn, calendar)!.Value;
            NoteEvent(enquiry, ChronologyKind.Section47, enquiryLead);
            var seenOn = At(enquiry.StartedOn, 0, 2);
            if (seenOn > today)
            {
                return StrategyResult.Stopped;
            }

            var alone = faker.Random.Bool(0.8f);
            enquiry.RecordEnquiry(enquiryLead.Id, new EnquiryRecord(seenOn, alone, alone ? null : "The child is too young to be seen apart from their carer.",
                "Said they feel safe at school and worried about home when the adults argue.", true, discussion.PoliceDecision == CriminalInvestigation.Started,
                null, false, null), seenOn);
            Visit(seenOn, enquiryLead, childSeen: true, alone);
            var concludedOn = calendar.AddWorkingDays(enquiry.StartedOn, faker.Random.Int(4, 10));
            if (concludedOn > today || script is { Substantiated: null })
            {
                return StrategyResult.Stopped;
            }

            var substantiated = script?.Substantiated ?? faker.Random.Bool(0.4f);
            enquiry.Conclude(enquiryLead.Id, substantiated ? Section47Outcome.Substantiated : Section47Outcome.NotSubstantiated,
                substantiated ? "The enquiry found the child has suffered, and is likely to suffer, significant harm at home."
                    : "The concerns were not substantiated: the injuries have an innocent explanation the health assessment supports.",
                substantiated ? null : true, substantiated ? null : "Support under a child in need plan; a family group conference offered.", concludedOn);
            discussion.EnquiryConcluded(enquiry);
            NoteEvent(enquiry, ChronologyKind.Section47, enquiryLead);
            Day = concludedOn;
            if (!substantiated)
            {
                return StrategyResult.NotSubstantiated;
            }

            // The initial conference within 15 working days of the discussion (ICPC-01): mostly on time, some late.
            var heldOn = faker.Random.Bool(script is null ? 0.8f : 1f)
                ? calendar.AddWorkingDays(enquiry.StartedOn, faker.Random.Int(Math.Min(15, calendar.WorkingDaysBetween(enquiry.StartedOn, concludedOn) + 1), 15))
                : calendar.AddWorkingDays(conferenceDue, faker.Random.Int(1, 10));
            // A demo case told to stop before its conference waits for it, with the deadline on "My work".
            if (heldOn > today || script is { PlanNeeded: null })
            {
                return StrategyResult.Stopped;
            }

            return InitialConference(discussion, enquiry, heldOn, conferenceDue);
        }

        private StrategyResult InitialConference(StrategyDiscussion discussion, Section47Enquiry enquiry, DateOnly heldOn, DateOnly dueBy)
        {
            var planNeeded = script?.PlanNeeded ?? faker.Random.Bool(0.85f);
            var socialWorker = lead.Has(PractitionerRole.SocialWorker) && lead.IsSocialWorkQualified ? lead : manager;
            var category = faker.Random.WeightedRandom(["NEG", "EMO", "PHY", "SAB"], [0.50f, 0.36f, 0.09f, 0.05f]);
            var withAccounts = script is not null;
            var coreGroup = new List<CoreGroupMember>
            {
                new(socialWorker.FullName, staff.SocialCareName, socialWorker.Id),
                new(staff.Dsl?.FullName ?? faker.Name.FullName(), "Millbrook Primary School", withAccounts ? staff.Dsl?.Id : null),
                new(staff.HealthVisitor?.FullName ?? faker.Name.FullName(), "Northmoor Community Health NHS Trust", withAccounts ? staff.HealthVisitor?.Id : null),
                new(faker.Name.FullName(), "Parent"),
            };
            var (conference, made) = ChildProtectionConference.Hold(NewJourneyId(faker), NewJourneyId(faker), enquiry, episode, chair,
                planNeeded ? socialWorker : null, new ConferenceDecision(heldOn,
                    [new(socialWorker.FullName, staff.SocialCareName, AttendeeRole.LocalAuthoritySocialWorker),
                        new(staff.HealthVisitor?.FullName ?? faker.Name.FullName(), "Northmoor Community Health NHS Trust", AttendeeRole.Health),
                        new(staff.Police?.FullName ?? faker.Name.FullName(), "Northmoor Police", AttendeeRole.Police)],
                    "The child's views were gathered by their social worker beforehand and shared with the conference.",
                    "Both parents attended with an advocate for part of the conference.", planNeeded,
                    planNeeded ? "The child is likely to suffer significant harm without a multi-agency child protection plan."
                        : "The risks can be managed through a child in need plan with the family's cooperation.",
                    planNeeded ? category : null, planNeeded ? socialWorker.Id : null, planNeeded ? coreGroup : [],
                    planNeeded
                        ? [new PlanAction("Parents attend the parenting programme", "Northmoor Family Support Trust", heldOn.AddDays(56)),
                            new PlanAction("Health visitor checks the child's growth and development", "Health visiting", heldOn.AddDays(28))]
                        : []), dueBy, heldOn);
            db.Conferences.Add(conference);
            discussion.InitialConferenceHeld(conference, enquiry);
            NoteEvent(conference, ChronologyKind.Conference, chair);
            Day = heldOn;
            if (made is null)
            {
                return StrategyResult.NoPlan;
            }

            db.ChildProtectionPlans.Add(made);
            cpPlan = made;
            if (plan is { IsOpen: true } folded)
            {
                // A child in need or Family Help plan does not stay open alongside the protection plan (census 4001).
                folded.FoldIntoProtectionPlan(made.Id, made.StartedOn);
                Note(heldOn, ChronologyKind.Plan, $"The plan ended: {folded.EndReason}", "Plan", folded.Id, chair);
            }

            ProtectionPlan(made, socialWorker);
            return StrategyResult.Plan;
        }

        /// <summary>Core groups (the first within 10 working days, CG-01, then about monthly) and reviews (3 months, then 6, RCPC-01/02).</summary>
        private void ProtectionPlan(ChildProtectionPlan protection, Practitioner socialWorker)
        {
            var nextCoreGroup = faker.Random.Bool(0.9f)
                ? calendar.AddWorkingDays(protection.StartedOn, faker.Random.Int(4, 10))
                : calendar.AddWorkingDays(protection.StartedOn, faker.Random.Int(11, 16));
            var nextReview = StatutoryRules.FirstReviewConference.Due(protection.StartedOn, calendar)!.Value.AddDays(-faker.Random.Int(0, 10));
            var reviews = 0;
            // The child on a plan is seen at home about every two weeks, alone where they can be.
            var nextVisit = At(protection.StartedOn, 3, 10);
            while (protection.IsOpen)
            {
                if (nextVisit < nextCoreGroup && nextVisit < nextReview)
                {
                    if (nextVisit > today)
                    {
                        return;
                    }

                    Visit(nextVisit, socialWorker, childSeen: faker.Random.Bool(0.95f), faker.Random.Bool(0.7f));
                    nextVisit = At(nextVisit, 8, 11);
                    continue;
                }

                if (nextCoreGroup < nextReview)
                {
                    if (nextCoreGroup > today)
                    {
                        return;
                    }

                    protection.RecordCoreGroup(socialWorker.Id, nextCoreGroup, CoreGroupDecisions[faker.Random.Int(0, CoreGroupDecisions.Length - 1)],
                        faker.Random.Bool(0.3f) ? "The school sent its update in writing: attendance has improved." : null,
                        protection.CoreGroupMeetings.Count == 1 ? [protection.Actions[1].Id] : [], nextCoreGroup);
                    NoteEvent(protection, ChronologyKind.CoreGroup, socialWorker);
                    Day = nextCoreGroup;
                    nextCoreGroup = calendar.AddWorkingDays(nextCoreGroup, faker.Random.Int(18, 30));
                    continue;
                }

                if (nextReview > today)
                {
                    return;
                }

                reviews++;
                // Plans end at review when the child is no longer likely to suffer significant harm: some at the first, more later.
                var ends = lookedAfter is not null && lookedAfter.StartedOn <= nextReview || (script?.EndAtReview ?? faker.Random.Bool(reviews == 1 ? 0.3f : 0.55f));
                var pre = !ends && preProceedings is null && (script?.PreProceedings ?? faker.Random.Bool(0.15f));
                var reviewDue = protection.Reviews.Count == 0 ? StatutoryRules.FirstReviewConference.Due(protection.StartedOn, calendar)!.Value
                    : StatutoryRules.NextReviewConference.Due(protection.Reviews[^1].HeldOn, calendar)!.Value;
                var review = protection.RecordReview(NewJourneyId(faker), chair, episode, nextReview, !ends, protection.LatestCategory,
                    ends ? lookedAfter is not null && lookedAfter.StartedOn <= nextReview
                            ? "The child is safe in their placement while looked after; the care plan now safeguards them."
                            : "The plan's outcomes are met: the child is no longer likely to suffer significant harm. Support continues."
                        : "Some progress, but the child is still likely to suffer significant harm; the plan continues.",
                    ends ? null : pre ? "Start pre-proceedings: the letter before proceedings will set out what must change."
                        : preProceedings is { IsOpen: true } ? "Pre-proceedings continue." : "Not at this stage: progress is being made.",
                    new ReviewRecord([new(chair.FullName, staff.SocialCareName, AttendeeRole.Other), new(socialWorker.FullName, staff.SocialCareName, AttendeeRole.LocalAuthoritySocialWorker),
                            new(staff.Police?.FullName ?? "DC " + faker.Name.LastName(), "Northmoor Police", AttendeeRole.Police),
                            new(staff.HealthVisitor?.FullName ?? faker.Name.FullName(), "Northmoor Community Health NHS Trust", AttendeeRole.Health)],
                        faker.Random.Bool(0.8f) ? "Given in person with the lead social worker beforehand: the child says home feels calmer." : null,
                        "The child is too young to give views; observed at home with the parents.",
                        "Both parents attended with an advocate and agreed the changes still needed.",
                        "Health, school and police reported on attendance, health appointments and call-outs since the last conference."),
                    reviewDue, nextReview);
                db.Conferences.Add(review);
                NoteEvent(protection, ChronologyKind.Conference, chair, (Records.RecordKinds.Conference.Name, review.Id));
                Day = nextReview;
                if (pre)
                {
                    PreProceedingsFrom(nextReview);
                }

                nextReview = StatutoryRules.NextReviewConference.Due(nextReview, calendar)!.Value.AddDays(-faker.Random.Int(0, 14));
                if (lookedAfter is null && preProceedings is null && protection.IsOpen && script is null && faker.Random.Bool(0.06f))
                {
                    // Some children on plans become looked after by agreement (section 20) while the plan continues to the next review.
                    BecomeLookedAfter(At(Day, 5, 40), LegalStatus.Section20);
                }
            }
        }

        /// <summary>Pre-proceedings (PRE-01, PRE-02): the decision, the letter, family group decision-making, a key discussion, and how they ended.</summary>
        private void PreProceedingsFrom(DateOnly reviewOn)
        {
            var decidedOn = At(reviewOn, 1, 8);
            if (decidedOn > today)
            {
                return;
            }

            var pre = PreProceedings.Decide(NewJourneyId(faker), episode, manager, decidedOn, true,
                "Despite the plan, the child remains likely to suffer significant harm; the parents need to know what must change.",
                "The police, the school and health agree with starting pre-proceedings.", decidedOn);
            preProceedings = pre;
            db.PreProceedings.Add(pre);
            Note(decidedOn, ChronologyKind.PreProceedings, $"{manager.FullName} decided for the local authority to start pre-proceedings: {pre.Reasons}",
                nameof(PreProceedings), pre.Id, manager);
            var sentOn = At(decidedOn, 2, 6);
            if (sentOn > today)
            {
                return;
            }

            pre.SendLetter(manager.Id, sentOn, "Keep the home safe and clean; attend every appointment; no contact with the former partner.",
                "A family support worker twice a week; the parenting programme; legal advice paid for by the local authority.", At(sentOn, 5, 10), sentOn);
            Note(sentOn, ChronologyKind.PreProceedings, $"Letter before proceedings sent. Changes the parents are required to make: {pre.Letter!.ExpectationsOfParents}",
                nameof(PreProceedings), pre.Id, manager);
            var offeredOn = At(sentOn, 3, 8);
            if (offeredOn > today)
            {
                return;
            }

            var accepted = faker.Random.Bool(0.75f);
            pre.OfferFamilyGroupDecisionMaking(manager.Id, offeredOn, accepted, accepted, true, null, null, offeredOn);
            Note(offeredOn, ChronologyKind.PreProceedings, $"Family group decision-making offered; the family {(accepted ? "accepted" : "declined")}.",
                nameof(PreProceedings), pre.Id, manager);
            var talkedOn = At(offeredOn, 5, 15);
            if (talkedOn > today)
            {
                return;
            }

            pre.RecordKeyDiscussion(manager.Id, talkedOn, "Both parents, their solicitor and the social worker",
                "The parents agreed to the family support worker's visits and to a parenting assessment.", talkedOn);
            Note(talkedOn, ChronologyKind.PreProceedings, $"Key discussion with {pre.KeyDiscussions[^1].Who}. Agreed: {pre.KeyDiscussions[^1].WhatWasAgreed}",
                nameof(PreProceedings), pre.Id, manager);
            var endedOn = calendar.AddWorkingDays(decidedOn, faker.Random.Int(60, 80));
            if (endedOn > today || script is not null)
            {
                return;
            }

            var issued = faker.Random.Bool(0.5f);
            pre.Conclude(manager, issued ? PreProceedingsOutcome.ProceedingsIssued : PreProceedingsOutcome.EndedWithoutProceedings, endedOn,
                issued ? "Not enough has changed: care proceedings are issued; an interim care order is sought."
                    : "The parents have made and kept the changes asked of them; the plan continues without proceedings.", endedOn);
            Note(endedOn, ChronologyKind.PreProceedings, (issued ? $"Care proceedings issued on {endedOn:d MMMM yyyy}" : "Pre-proceedings ended without proceedings")
                + $", decided by {manager.FullName}: {pre.OutcomeReasons}", nameof(PreProceedings), pre.Id, manager);
            Day = endedOn;
            if (issued)
            {
                BecomeLookedAfter(At(endedOn, 1, 5), LegalStatus.InterimCareOrder);
            }
        }

        /// <summary>The child becomes looked after: legal status, the first placement, the care plan (LAC-01), its reviews, and some go home.</summary>
        private void BecomeLookedAfter(DateOnly on, LegalStatus status)
        {
            if (on > today || lookedAfter is not null)
            {
                return;
            }

            var type = faker.Random.WeightedRandom([PlacementType.FosterCare, PlacementType.KinshipFosterCare, PlacementType.ChildrensHome],
                [0.7f, 0.2f, 0.1f]);
            var where = type switch
            {
                PlacementType.KinshipFosterCare => $"With {faker.Name.FullName()} (grandparent), Northmoor",
                PlacementType.ChildrensHome => "Oakfield House children's home, Northmoor",
                _ => $"{faker.Name.FirstName()} and {faker.Name.FullName()} (foster carers), Northmoor",
            };
            var period = LookedAfterPeriod.Start(NewJourneyId(faker), NewJourneyId(faker), episode, manager, on, status,
                status == LegalStatus.Section20 ? "The parents asked for the child to be accommodated while the family is in crisis; no one in the wider family can care for them."
                    : "The court made an interim care order; the child cannot safely stay at home.",
                new PlacementDetails(on, type, where, false, null), on);
            lookedAfter = period;
            db.LookedAfterPeriods.Add(period);
            Note(on, ChronologyKind.LookedAfter, $"Became looked after ({period.LegalStatus.Describe()}, {period.LegalStatus.Ssda903Code()}): {period.Reasons}",
                nameof(LookedAfterPeriod), period.Id, manager);
            Day = on;
            var worker = lead.Has(PractitionerRole.SocialWorker) && lead.IsSocialWorkQualified ? lead : manager;
            // The care plan is agreed within days; in the synthetic area a few recent ones are still waiting for it (LAC-01).
            var agreedOn = on.AddDays(faker.Random.Int(1, 10));
            if (agreedOn > today && script is not null)
            {
                agreedOn = today;
            }

            if (agreedOn > today)
            {
                return;
            }

            period.AgreeCarePlan(worker.Id, agreedOn, $"Placed {where}; health assessment booked; stays at the same school; contact with parents twice a week, supervised.",
                "Visits by the social worker every six weeks and the child seen alone; the independent reviewing officer reviews the plan.", agreedOn);
            Note(agreedOn, ChronologyKind.LookedAfter, $"Care plan agreed. How the child is cared for: {period.CarePlan!.Care}", nameof(LookedAfterPeriod), period.Id, worker);
            // Reviews of the care plan: within 20 working days, then three months, then every six months.
            var reviewOn = calendar.AddWorkingDays(on, faker.Random.Int(15, 20));
            var reviews = 0;
            var goesHome = status == LegalStatus.Section20 && script is null && faker.Random.Bool(0.45f);
            var homeOn = calendar.AddWorkingDays(on, faker.Random.Int(40, 160));
            var visitOn = on.AddDays(faker.Random.Int(5, 7));
            var ordered = status == LegalStatus.InterimCareOrder ? calendar.AddWorkingDays(on, faker.Random.Int(110, 140)) : (DateOnly?)null;
            while (true)
            {
                if (ordered is { } orderOn && orderOn <= today && orderOn < reviewOn && period.LegalStatus == LegalStatus.InterimCareOrder)
                {
                    period.ChangeLegalStatus(manager.Id, LegalStatus.CareOrder, orderOn, orderOn);
                    Note(orderOn, ChronologyKind.LookedAfter, $"Legal status changed to {LegalStatus.CareOrder.Describe()} ({LegalStatus.CareOrder.Ssda903Code()}).",
                        nameof(LookedAfterPeriod), period.Id, manager);
                }

                if (goesHome && homeOn < reviewOn && homeOn <= visitOn)
                {
                    ReturnHome(period, worker, homeOn);
                    return;
                }

                // The looked after child is visited where they live about every six weeks.
                if (visitOn < reviewOn)
                {
                    if (visitOn > today)
                    {
                        return;
                    }

                    Visit(visitOn, worker, childSeen: true, faker.Random.Bool(0.8f));
                    visitOn = visitOn.AddDays(faker.Random.Int(35, 42));
                    continue;
                }

                reviewOn = reviewOn < agreedOn ? agreedOn : reviewOn;
                if (reviewOn > today)
                {
                    return;
                }

                period.ReviewCarePlan(NewJourneyId(faker), worker.Id, reviewOn, chair.FullName,
                    "Likes their carers and wants to see their brother more often.", "The placement meets the child's needs; contact with the brother increased.",
                    null, reviewOn);
                Note(reviewOn, ChronologyKind.LookedAfter, $"Care plan reviewed, chaired by {chair.FullName}. Decisions: {period.Reviews[^1].Decisions}",
                    nameof(LookedAfterPeriod), period.Id, worker);
                Day = reviewOn;
                reviews++;
                reviewOn = reviews == 1 ? reviewOn.AddMonths(3) : reviewOn.AddMonths(6);
            }
        }

        /// <summary>A planned return home from section 20: assessed, approved by a manager (LAC-04), the child goes home, reunification planned (LAC-06).</summary>
        private void ReturnHome(LookedAfterPeriod period, Practitioner worker, DateOnly homeOn)
        {
            var assessedOn = homeOn.AddDays(-faker.Random.Int(7, 14));
            assessedOn = assessedOn < period.CarePlan!.AgreedOn ? period.CarePlan.AgreedOn : assessedOn;
            if (assessedOn > today)
            {
                return;
            }

            period.AssessReturnHome(worker, assessedOn, "The crisis that led to care has passed; the parents have kept every appointment and the home is safe.",
                "Family Help twice a week for three months; the school keeps its support in place.", assessedOn);
            var approvedOn = At(assessedOn, 1, 3);
            approvedOn = approvedOn > homeOn ? assessedOn : approvedOn;
            if (approvedOn > today)
            {
                return;
            }

            period.ApproveReturnHome(manager, approvedOn, "The assessment shows the child can return home safely with support.",
                period.IsEligibleChild(child.DateOfBirth!.Value, approvedOn) ? "The young person's needs for leaving care support were assessed with them." : null,
                child.DateOfBirth, approvedOn);
            Note(approvedOn, ChronologyKind.LookedAfter, $"{manager.FullName} approved the return home: {period.ReturnHomeApproval!.Reasons}",
                nameof(LookedAfterPeriod), period.Id, manager);
            var wentOn = homeOn < approvedOn ? approvedOn : homeOn;
            if (wentOn > today)
            {
                return;
            }

            period.ReturnHomeAsPlanned(worker.Id, wentOn, wentOn);
            Note(wentOn, ChronologyKind.LookedAfter, "Returned home as planned; no longer looked after.", nameof(LookedAfterPeriod), period.Id, worker);
            Day = wentOn;
            var plannedOn = At(wentOn, 0, 5);
            if (plannedOn <= today)
            {
                period.PlanReunification(worker.Id, plannedOn, "Family Help visits; a parenting programme; the school's mentor.",
                    "Support for six months, reviewed every six weeks.", true, null, worker, harmOutsideTheHome: false, plannedOn);
                Note(plannedOn, ChronologyKind.LookedAfter, "Reunification plan agreed and explained to the child and family.", nameof(LookedAfterPeriod), period.Id,
                    worker);
            }
        }

        /// <summary>Family Help: the family's agreement (FH-01), the plan, visits, a review, then the plan ends and the episode closes.</summary>
        private void FamilyHelp()
        {
            var agreedOn = At(Day, 1, 5);
            if (agreedOn > today)
            {
                return;
            }

            var agreed = script is not null || faker.Random.Bool(0.88f);
            episode.RecordFamilyAgreement(lead.Id, agreed, "Both parents", agreedOn,
                agreed ? null : "The family declined; they were told about the children's centre and how their information is shared.");
            Note(agreedOn, ChronologyKind.FamilyAgreement, agreed ? "Both parents agreed to Family Help." : $"Both parents declined Family Help: {episode.FamilyAgreement!.Notes}",
                "Episode", episode.Id, lead);
            Day = agreedOn;
            if (!agreed)
            {
                Close(At(agreedOn, 1, 5), "RC7", "The family declined Family Help; universal services carry on.");
                return;
            }

            SupportPlan(PlanKind.FamilyHelp, At(agreedOn, 1, 8), lead);
        }

        /// <summary>A child in need plan (CIN-01), approved by a manager, visited and reviewed (CIN-02); some children become looked after (section 20).</summary>
        private void ChildInNeed()
        {
            var worker = lead.Has(PractitionerRole.SocialWorker) && lead.IsSocialWorkQualified ? lead : manager;
            if (episode.LeadPractitionerId != worker.Id)
            {
                return;
            }

            SupportPlan(PlanKind.ChildInNeed, At(Day, 1, 8), worker);
        }

        private void SupportPlan(PlanKind kind, DateOnly madeOn, Practitioner worker)
        {
            if (madeOn > today)
            {
                return;
            }

            var visitEvery = kind == PlanKind.ChildInNeed ? 20 : 28;
            var made = FamilyHelpPlan.Make(NewJourneyId(faker), episode, kind, worker.Id,
                [new PlanOutcome(0, "The child goes to school every day, on time", "Attendance above 95% for a term", madeOn.AddMonths(4), "Millbrook Primary School",
                    "Attendance mentor and breakfast club"),
                    new PlanOutcome(0, "The parents manage the children's routines without help", "Family support worker's observations", madeOn.AddMonths(6),
                        "Northmoor Family Support Trust", "Parenting programme, weekly")],
                "Keep appointments; tell the lead practitioner about any change in the household.", visitEvery, madeOn.AddMonths(3), madeOn, childHasOpenPlan: false);
            plan = made;
            db.Plans.Add(made);
            Note(madeOn, ChronologyKind.Plan, $"{(kind == PlanKind.ChildInNeed ? "Child in need" : "Family Help")} plan made with 2 outcome(s); first review {made.NextReviewOn:d MMMM yyyy}.",
                "Plan", made.Id, worker);
            Day = madeOn;
            if (kind == PlanKind.ChildInNeed)
            {
                made.Approve(manager, madeOn);
                Note(madeOn, ChronologyKind.Plan, $"Plan approved by {manager.FullName}.", "Plan", made.Id, manager);
            }

            // Support plans run for some months; the child is seen about as often as the plan says.
            var endsOn = script is not null ? DateOnly.MaxValue : madeOn.AddDays(faker.Random.Int(120, 330));
            var lookedAfterOn = kind == PlanKind.ChildInNeed && (script?.LookedAfter ?? faker.Random.Bool(0.12f))
                ? madeOn.AddDays(script is not null ? 30 : faker.Random.Int(20, 120))
                : (DateOnly?)null;
            var visitOn = madeOn.AddDays(faker.Random.Int(5, visitEvery));
            var reviewOn = made.NextReviewOn;
            while (true)
            {
                var next = new[] { visitOn, reviewOn, endsOn, lookedAfterOn ?? DateOnly.MaxValue }.Min();
                if (next > today)
                {
                    return;
                }

                if (next == lookedAfterOn)
                {
                    made.End(worker.Id, next, "The child is looked after: the care plan takes over from the child in need plan.");
                    Note(next, ChronologyKind.Plan, $"Plan ended: {made.EndReason}", "Plan", made.Id, worker);
                    plan = null;
                    BecomeLookedAfter(next, LegalStatus.Section20);
                    CloseWhenDone();
                    return;
                }

                if (next == endsOn)
                {
                    made.End(worker.Id, endsOn, "The plan's outcomes are achieved; the family know how to ask for help again.");
                    Note(endsOn, ChronologyKind.Plan, $"Plan ended: {made.EndReason}", "Plan", made.Id, worker);
                    plan = null;
                    Day = endsOn;
                    Close(At(endsOn, 0, 10), "RC7", "The plan's outcomes are achieved: services ceased, the child no longer in need.");
                    return;
                }

                if (next == reviewOn)
                {
                    made.Review(worker.Id, reviewOn,
                        [new OutcomeProgress(1, faker.PickRandom(Progress.Achieved, Progress.OnTrack), "The school's attendance record."),
                            new OutcomeProgress(2, faker.PickRandom(Progress.OnTrack, Progress.SomeProgress), "The family support worker's notes.")],
                        "Carry on with the plan; the school will report attendance monthly.", reviewOn.AddMonths(3), reviewOn);
                    Note(reviewOn, ChronologyKind.PlanReview, $"Plan reviewed: {made.Reviews[^1].Decisions} Next review {made.NextReviewOn:d MMMM yyyy}.", "Plan",
                        made.Id, worker);
                    Day = reviewOn;
                    reviewOn = made.NextReviewOn;
                    continue;
                }

                Visit(visitOn, worker, childSeen: faker.Random.Bool(0.92f), faker.Random.Bool(0.6f));
                visitOn = visitOn.AddDays(faker.Random.Int(visitEvery - 7, visitEvery + 5));
            }
        }

        /// <summary>After a plan or a period of care ends, the episode closes once nothing is left open.</summary>
        private void CloseWhenDone()
        {
            if (cpPlan is { IsOpen: false } && lookedAfter is null && preProceedings is not { IsOpen: true } && plan is null && script is null)
            {
                Close(At(latest, 5, 40), "RC7", "The child protection plan ended and the family no longer need services from children's social care.");
            }
            else if (lookedAfter is { IsOpen: false } && cpPlan is not { IsOpen: true } && plan is null && preProceedings is not { IsOpen: true } && script is null)
            {
                Close(At(latest, 20, 60), "RC7", "The child went home and the reunification support has ended.");
            }
        }

        private void Close(DateOnly on, string reasonCode, string summary)
        {
            if (on > today || cpPlan is { IsOpen: true } || lookedAfter is { IsOpen: true } || preProceedings is { IsOpen: true }
                || lastEnquiry is { Outcome: null } enquiry && enquiry.EpisodeId == episode.Id)
            {
                return;
            }

            var by = episode.LeadPractitionerId == lead.Id ? lead : manager;
            episode.Close(by, reasonCode, summary, on, hasAuthorisedAssessment,
                plan is { IsOpen: true } open ? [new RelatedRecord("Plan", open.Id, "the plan")] : []);
            Note(on, ChronologyKind.EpisodeClosed, $"Episode closed ({episode.ClosureReasonCode}, {Episode.ClosureReasons[episode.ClosureReasonCode!]}): {episode.ClosureSummary}",
                "Episode", episode.Id, by);
            Day = on;
        }

        private void Visit(DateOnly on, Practitioner by, bool childSeen, bool seenAlone = true)
        {
            seenAlone &= childSeen;
            var visit = Safeguard.Domain.FamilyHelp.Visit.Record(NewJourneyId(faker), episode, by.Id, on, childSeen, seenAlone,
                childSeen && seenAlone ? null : childSeen ? "The child wanted their parent to stay." : "The child was at their grandmother's; the parents were seen.",
                "Home visit: the home was warm and tidy; the child was dressed for the weather.", childSeen ? "Said school is fine and they like their teacher." : null,
                on, At(on, 15));
            db.Visits.Add(visit);
            Note(on, ChronologyKind.Visit, (childSeen ? seenAlone ? "Child seen alone" : "Child seen, not alone" : "Child not seen") + $" by {by.FullName}. {visit.Observations}",
                nameof(Visit), visit.Id, by);
        }

        private AssessmentContent Content(DateOnly seenOn, AssessmentConclusion? conclusion) => new(
            "Meeting milestones; some delay in speech, being looked at by the health visitor.",
            "The parents love the child; routines slip when the household is under stress.",
            "Grandparents nearby help; the family's housing is overcrowded.",
            "Wants things at home to be calmer and likes going to school.", null, seenOn, true, null,
            "The parents agree with most of the assessment and want help with routines.",
            conclusion is null ? [] : [faker.PickRandom("16A", "17A", "3B", "4B", "1B", "2B")], conclusion,
            conclusion is null ? null : $"The assessment concludes: {Describe(conclusion.Value)}.", conclusion is null ? null : referral.PrimaryNeedCode ?? "N1");

        /// <summary>A working day between <paramref name="from"/> and <paramref name="to"/> working days after a date.</summary>
        private DateOnly At(DateOnly date, int from, int to) => calendar.AddWorkingDays(date, faker.Random.Int(from, to));

        private DateTimeOffset At(DateOnly date, int hour) =>
            new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero).AddMinutes(faker.Random.Int(0, 300));

        /// <summary>Notes the latest event the record raised, in the sentence the event renders (as the steps on pages and the API do).</summary>
        private void NoteEvent(IRecordsEvents record, ChronologyKind kind, Practitioner by, (string Kind, Guid Id)? source = null)
        {
            var latest = record.PendingEvents[^1];
            var recordKind = Records.RecordKinds.For(record.GetType())!;
            Note(latest.OccurredOn, kind, latest.Describe(record, new Events.EventNames(calendar, by, lead, manager, chair)), source?.Kind ?? recordKind.Name,
                source?.Id ?? recordKind.SubjectOf(record).Id, by);
        }

        private void Note(DateOnly on, ChronologyKind kind, string summary, string sourceType, Guid sourceId, Practitioner? by)
        {
            var text = summary.Length > ChronologyEntry.MaxSummaryLength ? summary[..(ChronologyEntry.MaxSummaryLength - 1)] + "…" : summary;
            db.Chronology.Add(ChronologyEntry.Record(NewJourneyId(faker), areaId, child.Id, episode.Id, on, At(on, 16), kind, text, by?.Id, by?.AgencyId,
                sourceType, sourceId));
        }

        private static string Describe(AssessmentConclusion conclusion) => conclusion switch
        {
            AssessmentConclusion.ChildInNeed => "child in need (section 17)",
            AssessmentConclusion.FamilyHelp => "Family Help",
            AssessmentConclusion.StepDownToUniversalHelp => "step down to universal help",
            AssessmentConclusion.StrategyDiscussion => "strategy discussion",
            _ => "no further action",
        };
    }

    private static readonly (string Concern, HarmType Harm, string Source)[] Concerns =
    [
        ("came to school hungry for the third day running and said there was no food at home.", HarmType.Neglect, "2A"),
        ("has a bruise on the cheek and said an adult at home hit them.", HarmType.PhysicalAbuse, "2A"),
        ("was present when police attended a domestic abuse incident at the home overnight.", HarmType.DomesticAbuse, "6"),
        ("has missed health appointments and the home was cold and dirty at the last visit.", HarmType.Neglect, "3B"),
        ("is frightened of going home and describes being shouted at and called names every day.", HarmType.EmotionalAbuse, "2A"),
        ("was found alone at home late at night by police called by neighbours.", HarmType.Neglect, "6"),
    ];

    private static readonly string[] LateReasons =
    [
        "The family moved twice during the assessment and the child could not be seen for three weeks.",
        "The specialist health report the assessment depended on came late.",
        "The social worker was off sick and the case was reallocated part way through.",
    ];

    private static readonly string[] CoreGroupDecisions =
    [
        "Actions reviewed: the parenting programme has started; the school reports better attendance.",
        "The health visitor's checks are up to date; the family support worker will visit weekly.",
        "Concerns about the home conditions remain; an extra visit agreed and a referral to housing.",
        "The child was seen alone and said things are calmer at home; the plan's actions carry on.",
    ];

    /// <summary>A journey's record ids come from the seed, so two runs with the same seed make the same records.</summary>
    private static Guid NewJourneyId(Faker faker) => NewId(faker);

    private SafeguardDbContext Db => db;
}
