using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data.Identity;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Children;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.Referrals;
using Safeguard.Domain.Organisation;

namespace Safeguard.Data.Seeding;

/// <summary>
/// The one source of synthetic data, used by <c>./run</c>, the tests and the benchmarks. The same seed gives
/// the same area, people and children every time. Nothing here is a real person.
/// </summary>
public sealed partial class Seeder(SafeguardDbContext db, UserManager<SafeguardUser> users)
{
    private const int BatchSize = 2_000;

    // Roughly the ethnic mix of children in England, so that disproportionality reports have something to show.
    private static readonly (string Code, float Weight)[] EthnicityMix =
    [
        ("WBRI", 0.66f), ("WOTH", 0.06f), ("WIRI", 0.005f), ("WIRT", 0.003f), ("WROM", 0.006f),
        ("MWBC", 0.015f), ("MWBA", 0.008f), ("MWAS", 0.016f), ("MOTH", 0.02f),
        ("AIND", 0.03f), ("APKN", 0.045f), ("ABAN", 0.016f), ("AOTH", 0.015f),
        ("BAFR", 0.04f), ("BCRB", 0.008f), ("BOTH", 0.006f), ("CHNE", 0.005f), ("OOTH", 0.02f),
        ("NOBT", 0.012f), ("REFU", 0.003f),
    ];

    /// <summary>Creates the demo area, its agencies, teams, practitioners and demo accounts if they are not there.</summary>
    /// <returns>True when the area was created now; false when it already existed.</returns>
    public async Task<bool> EnsureDemoAreaAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Areas.AnyAsync(a => a.Id == DemoArea.AreaId, cancellationToken))
        {
            return false;
        }

        db.WorkInArea(DemoArea.AreaId);
        var area = new LocalAuthorityArea(DemoArea.AreaId, DemoArea.LaNumber, DemoArea.Name);
        db.Areas.Add(area);
        var agencies = new Dictionary<AgencyKind, Agency>();
        var teams = new Dictionary<string, Team>();
        foreach (var (kind, name, teamNames) in DemoArea.Agencies)
        {
            var agency = new Agency(StableId($"agency:{kind}"), area.Id, name, kind);
            agencies[kind] = agency;
            db.Agencies.Add(agency);
            foreach (var teamName in teamNames)
            {
                var team = new Team(StableId($"team:{teamName}"), area.Id, agency.Id, teamName);
                teams[teamName] = team;
                db.Teams.Add(team);
            }
        }

        var accounts = new List<(DemoAccount Account, Practitioner Practitioner)>();
        foreach (var account in DemoArea.Accounts)
        {
            var agency = agencies[account.Agency];
            var practitioner = new Practitioner(StableId($"practitioner:{account.Login}"), agency,
                account.Team is null ? null : teams[account.Team].Id, account.GivenName, account.FamilyName,
                DemoArea.EmailOf(account), account.JobTitle,
                account.Registration is null ? null : SocialWorkRegistration.Parse(account.Registration));
            foreach (var role in account.Roles)
            {
                practitioner.Grant(role, agency);
            }

            db.Practitioners.Add(practitioner);
            accounts.Add((account, practitioner));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (account, practitioner) in accounts)
        {
            // Synthetic demo accounts, approved as the area is seeded, sign in with the demo password alone.
            await AddAccountAsync(practitioner, DemoArea.Password, twoFactorOptional: true);
        }

        return true;
    }

    /// <summary>
    /// Creates a sign-in account for a practitioner. Fails with Identity's own messages (e.g. a weak password). Two-factor authentication
    /// is required of it when its roles reach case records, unless <paramref name="twoFactorOptional"/> — which only the synthetic demo area
    /// and the tests' own accounts ask for.
    /// </summary>
    public async Task<SafeguardUser> AddAccountAsync(Practitioner practitioner, string password, bool twoFactorOptional = false)
    {
        var user = new SafeguardUser
        {
            Id = StableId($"user:{practitioner.Email}"),
            UserName = practitioner.Email,
            Email = practitioner.Email,
            EmailConfirmed = true,
            AreaId = practitioner.AreaId,
            PractitionerId = practitioner.Id,
            LockoutEnabled = true,
            TwoFactorOptional = twoFactorOptional,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create the account {practitioner.Email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        return user;
    }

    /// <summary>
    /// Adds <paramref name="count"/> synthetic children to an area, in households with the adults who care for
    /// them: ages 0 to 17 and some unborn, plausible English names, an ethnicity mix, valid test-range NHS numbers.
    /// </summary>
    public async Task<int> AddChildrenAsync(Guid areaId, int count, int seed, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        db.WorkInArea(areaId);
        var faker = new Faker("en_GB") { Random = new Randomizer(seed) };
        var weights = EthnicityMix.Select(e => e.Weight / EthnicityMix.Sum(x => x.Weight)).ToArray();
        var codes = EthnicityMix.Select(e => e.Code).ToArray();
        var added = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        while (added < count)
        {
            var familyName = faker.Name.LastName();
            var address = new Address(faker.Address.StreetAddress(), null, faker.Address.City(), faker.Address.ZipCode(),
                today.AddDays(-faker.Random.Int(30, 3_000)));
            var mother = new FamilyMember(NewId(faker), areaId, faker.Name.FirstName(Bogus.DataSets.Name.Gender.Female), familyName,
                today.AddYears(-faker.Random.Int(19, 45)).AddDays(-faker.Random.Int(0, 364)), faker.Phone.PhoneNumber("07### ######"));
            db.FamilyMembers.Add(mother);
            FamilyMember? father = null;
            if (faker.Random.Bool(0.6f))
            {
                father = new FamilyMember(NewId(faker), areaId, faker.Name.FirstName(Bogus.DataSets.Name.Gender.Male),
                    faker.Random.Bool(0.7f) ? familyName : faker.Name.LastName(),
                    today.AddYears(-faker.Random.Int(20, 50)).AddDays(-faker.Random.Int(0, 364)), null);
                db.FamilyMembers.Add(father);
            }

            var ethnicity = faker.Random.WeightedRandom(codes, weights);
            var siblings = Math.Min(faker.Random.WeightedRandom([1, 2, 3, 4], [0.45f, 0.35f, 0.15f, 0.05f]), count - added);
            for (var i = 0; i < siblings; i++)
            {
                var child = new Child(NewId(faker), areaId, NextChild(faker, familyName, ethnicity, today), today);
                child.MoveTo(address);
                db.Children.Add(child);
                db.Relationships.Add(new Relationship(NewId(faker), child, mother, RelationshipKind.Mother, true, true));
                if (father is not null)
                {
                    db.Relationships.Add(new Relationship(NewId(faker), child, father, RelationshipKind.Father,
                        faker.Random.Bool(0.8f), faker.Random.Bool(0.6f)));
                }

                added++;
            }

            if (db.ChangeTracker.Entries().Count() >= BatchSize)
            {
                await SaveBatchAsync(cancellationToken);
            }
        }

        await SaveBatchAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return added;
    }

    /// <summary>
    /// Adds synthetic referrals about some of the area's children, received over the last few working days, so the
    /// front door queue, the decisions and the clocks on "My work" have something to show: some waiting (one of them
    /// past its one-working-day decision date), some decided with reasons.
    /// </summary>
    public async Task<int> AddReferralsAsync(Guid areaId, int count, int seed, DateOnly today, WorkingDayCalendar calendar,
        CancellationToken cancellationToken = default)
    {
        db.WorkInArea(areaId);
        var faker = new Faker("en_GB") { Random = new Randomizer(seed) };
        // The chronology's ids come from a generator of their own, so the referrals are the same as before and the same seed gives the same entries.
        var ids = new Faker("en_GB") { Random = new Randomizer(seed + 1) };
        var children = await db.Children.Where(c => c.DateOfBirth != null).OrderBy(c => c.Id).Take(count).ToListAsync(cancellationToken);
        var referrers = await db.Practitioners.Where(p => p.Email.StartsWith("dsl@") || p.Email.StartsWith("health.visitor@") || p.Email.StartsWith("police@"))
            .ToListAsync(cancellationToken);
        var manager = await db.Practitioners.FirstOrDefaultAsync(p => p.Email.StartsWith("manager@"), cancellationToken);
        var socialWorker = await db.Practitioners.FirstOrDefaultAsync(p => p.Email.StartsWith("social.worker@"), cancellationToken);
        if (referrers.Count == 0 || manager is null)
        {
            return 0;
        }

        var concerns = new (string Concern, HarmType Harm)[]
        {
            ("Came to school hungry for the third day running and said there was no food at home.", HarmType.Neglect),
            ("Has a bruise on the cheek and said an adult at home hit them.", HarmType.PhysicalAbuse),
            ("Police attended a domestic abuse incident at the home overnight; the child was present.", HarmType.DomesticAbuse),
            ("Seen getting into cars with older young people after school; new phone and trainers.", HarmType.CriminalExploitation),
            ("Told a teacher that messages from an online 'friend' are making them scared.", HarmType.OnlineHarm),
        };
        var added = 0;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            var referrer = referrers[i % referrers.Count];
            var receivedOn = calendar.AddWorkingDays(today, -(i % 4));
            var receivedAt = new DateTimeOffset(receivedOn.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero).AddMinutes(faker.Random.Int(0, 420));
            var (concern, harm) = concerns[i % concerns.Length];
            var referral = Referral.Receive(NewId(faker), areaId, $"R-{receivedOn.Year}-DEMO{i:D2}", child,
                new Referrer(referrer.Id, referrer.AgencyId, referrer.FullName, referrer.JobTitle, null, referrer.Email),
                new ReferralDetails($"{child.GivenName} {concern.ToLowerInvariant()}", [harm], HarmContext.InsideTheHome, null, true, true, null,
                    i % 5 == 0 ? Urgency.Urgent : Urgency.Standard, "2A"),
                receivedAt, receivedOn, null);
            referral.Acknowledge(receivedAt);
            var episode = Episode.Open(NewId(faker), referral);
            referral.BelongTo(episode.Id);
            Note(ids, areaId, child.Id, episode.Id, receivedOn, receivedAt, ChronologyKind.Referral, $"Referral {referral.Reference} from {referrer.FullName}. {referral.Concerns}",
                nameof(Referral), referral.Id, referrer.AgencyId, referrer.Id);
            if (i % 3 == 0 && receivedOn < today)
            {
                var dueOn = calendar.AddWorkingDays(receivedOn, 1);
                referral.RecordDecision(manager, i % 2 == 0 ? ReferralOutcome.Section17Assessment : ReferralOutcome.FamilyHelp,
                    "The family's needs call for an assessment; a social worker will see the child.", "N1", null, receivedAt.AddHours(3), receivedOn, dueOn);
                episode.ReferralDecided(referral);
                Note(ids, areaId, child.Id, episode.Id, receivedOn, receivedAt.AddHours(3), ChronologyKind.Decision,
                    $"Front door decision on {referral.Reference}: {referral.Outcome!.Value.Describe()}. {referral.DecisionReasons}", nameof(Referral), referral.Id,
                    manager.AgencyId, manager.Id);
                if (socialWorker is not null)
                {
                    // The demo social worker leads these, so their "My work" shows the assessments and visits due.
                    episode.Allocate(manager, socialWorker, agreed: true, receivedOn, null);
                    Note(ids, areaId, child.Id, episode.Id, receivedOn, receivedAt.AddHours(4), ChronologyKind.Allocation,
                        $"{socialWorker.FullName} allocated as lead practitioner by {manager.FullName}, with their agreement.", "Episode", episode.Id, manager.AgencyId, manager.Id);
                }
            }

            db.Referrals.Add(referral);
            db.Episodes.Add(episode);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>Notes a step on the child's chronology, as <see cref="ChronologyWriter.Note"/> does, with an id from the seed.</summary>
    private void Note(Faker ids, Guid areaId, Guid childId, Guid? episodeId, DateOnly occurredOn, DateTimeOffset recordedAt, ChronologyKind kind, string summary,
        string sourceType, Guid sourceId, Guid? agencyId, Guid? recordedBy) =>
        db.Chronology.Add(ChronologyEntry.Record(NewId(ids), areaId, childId, episodeId, occurredOn, recordedAt, kind, summary, recordedBy, agencyId, sourceType, sourceId));

    private async Task SaveBatchAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static ChildDetails NextChild(Faker faker, string familyName, string ethnicity, DateOnly today)
    {
        var unborn = faker.Random.Bool(0.03f);
        var sex = unborn ? Sex.Unknown : faker.PickRandom(Sex.Male, Sex.Female);
        var givenName = unborn ? string.Empty : faker.Name.FirstName(sex == Sex.Male ? Bogus.DataSets.Name.Gender.Male : Bogus.DataSets.Name.Gender.Female);
        DateOnly? born = unborn ? null : today.AddDays(-faker.Random.Int(0, (18 * 365) - 2));
        DateOnly? expected = unborn ? today.AddDays(faker.Random.Int(7, 250)) : null;
        var disabilities = faker.Random.Bool(0.12f)
            ? faker.PickRandom(DfeCodes.Disability.Keys.Where(k => k != "NONE"), faker.Random.Int(1, 2)).ToArray()
            : ["NONE"];
        return new ChildDetails(givenName, familyName, born, expected, sex, null, ethnicity, unborn ? [] : disabilities,
            faker.Random.Bool(0.85f) ? "English" : faker.PickRandom("Polish", "Urdu", "Punjabi", "Bengali", "Romanian", "Arabic", "Somali"),
            unborn ? null : SyntheticNhsNumber(faker), null);
    }

    /// <summary>An NHS number in the range 999 000 0000 to 999 999 9999, which the NHS keeps for testing.</summary>
    public static NhsNumber SyntheticNhsNumber(Faker faker)
    {
        while (true)
        {
            var nine = "999" + faker.Random.Int(0, 999_999).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            if (NhsNumber.CheckDigit(nine) is { } check)
            {
                return NhsNumber.Parse(nine + check.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static Guid NewId(Faker faker) => new(faker.Random.Bytes(16));

    /// <summary>The same id for the same name on every run, so demo links and tests can rely on it.</summary>
    private static Guid StableId(string name)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("northmoor:" + name));
        return new Guid(hash.AsSpan(0, 16));
    }
}
