using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Safeguard.Data.Audit;
using Safeguard.Data.Clocks;
using Safeguard.Data.Identity;
using Safeguard.Domain.Access;
using Safeguard.Domain.ChildProtection;
using Safeguard.Domain.Children;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.DataProtection;
using Safeguard.Domain.FamilyHelp;
using Safeguard.Domain.InformationSharing;
using Safeguard.Domain.LookedAfter;
using Safeguard.Domain.OperationEncompass;
using Safeguard.Domain.Organisation;
using Safeguard.Domain.Participation;
using Safeguard.Domain.Referrals;
using Safeguard.Domain.Rules;

namespace Safeguard.Data;

/// <summary>
/// The one unit of work. Every record that belongs to a local authority area carries its AreaId. Two locks keep
/// each request inside the actor's area: EF query filters here, and on PostgreSQL row-level security policies
/// that read the area this context sets on its connection (<see cref="AreaConnectionInterceptor"/>), so even raw
/// SQL that forgets a filter cannot cross areas. A context with no area sees and writes no area-owned rows.
/// The provider-specific subclasses exist only so that each provider has its own migration set.
/// </summary>
public abstract class SafeguardDbContext(DbContextOptions options, IActor actor)
    : IdentityDbContext<SafeguardUser, IdentityRole<Guid>, Guid>(options)
{
    private Guid? _areaOverride;

    private Guid? _partnershipOverride;

    public DbSet<LocalAuthorityArea> Areas => Set<LocalAuthorityArea>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Practitioner> Practitioners => Set<Practitioner>();

    /// <summary>Agencies serving several areas, each one identity (reference data, no personal data).</summary>
    public DbSet<CrossAreaAgency> CrossAreaAgencies => Set<CrossAreaAgency>();

    /// <summary>Safeguarding partnerships and the areas they cover (reference data, read from every area).</summary>
    public DbSet<Partnership> Partnerships => Set<Partnership>();

    public DbSet<PartnershipArea> PartnershipAreas => Set<PartnershipArea>();

    /// <summary>Accounts' memberships of areas other than their own: who they act as there.</summary>
    public DbSet<AreaMembership> AreaMemberships => Set<AreaMembership>();

    /// <summary>The partnership's published arrangements: partnership-owned, read from any of its areas.</summary>
    public DbSet<PublishedArrangements> PartnershipArrangements => Set<PublishedArrangements>();

    /// <summary>Exchanges between areas: read by the area that sent one and the area it was sent to, nobody else (docs/decisions/0011).</summary>
    public DbSet<Domain.Exchanges.AreaExchange> AreaExchanges => Set<Domain.Exchanges.AreaExchange>();

    public DbSet<Child> Children => Set<Child>();

    public DbSet<FamilyMember> FamilyMembers => Set<FamilyMember>();

    public DbSet<Relationship> Relationships => Set<Relationship>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<EncompassNotification> EncompassNotifications => Set<EncompassNotification>();

    public DbSet<Episode> Episodes => Set<Episode>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<FamilyHelpPlan> Plans => Set<FamilyHelpPlan>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<ChronologyEntry> Chronology => Set<ChronologyEntry>();

    public DbSet<BreakGlassAccess> BreakGlass => Set<BreakGlassAccess>();

    public DbSet<AccessRequest> AccessRequests => Set<AccessRequest>();

    /// <summary>Roles that reach case records, asked for an account and approved (or rejected) by a second person.</summary>
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();

    public DbSet<StrategyDiscussion> StrategyDiscussions => Set<StrategyDiscussion>();

    public DbSet<Section47Enquiry> Section47Enquiries => Set<Section47Enquiry>();

    public DbSet<ChildProtectionConference> Conferences => Set<ChildProtectionConference>();

    public DbSet<ChildProtectionPlan> ChildProtectionPlans => Set<ChildProtectionPlan>();

    public DbSet<ConferenceMeeting> ConferenceMeetings => Set<ConferenceMeeting>();

    public DbSet<EmergencyAction> EmergencyActions => Set<EmergencyAction>();

    public DbSet<PreProceedings> PreProceedings => Set<PreProceedings>();

    public DbSet<LookedAfterPeriod> LookedAfterPeriods => Set<LookedAfterPeriod>();

    public DbSet<InformationSharingRecord> InformationSharing => Set<InformationSharingRecord>();

    /// <summary>Who was told what about a record, when, how and by whom (S47-09, S47-10, ASM-06, ASM-07, DISC-04).</summary>
    public DbSet<Telling> Tellings => Set<Telling>();
    /// <summary>Recorded departures from SHOULD rules (GEN-02).</summary>
    public DbSet<Departure> Departures => Set<Departure>();

    /// <summary>Disabled children's, parent carers' and young carers' assessments on episodes (GRP-03, GRP-04, GRP-05).</summary>
    public DbSet<CarersAndDisabilityAssessment> CarersAndDisabilityAssessments => Set<CarersAndDisabilityAssessment>();

    public DbSet<DataProtectionRequest> DataProtectionRequests => Set<DataProtectionRequest>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ClockRecord> ClockRecords => Set<ClockRecord>();

    /// <summary>What happened to each record, as typed events: append-only, written with the record (docs/decisions/0009).</summary>
    public DbSet<Events.RecordEvent> RecordEvents => Set<Events.RecordEvent>();

    /// <summary>Who takes part in which record, in which role, from when until when: what access checks and "My work" read.</summary>
    public DbSet<Participant> Participants => Set<Participant>();

    /// <summary>Signed-in sessions: a cookie is honoured only while its session has not ended.</summary>
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();

    /// <summary>The keys protecting cookies and forms, shared by every node of the service.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Repeated searches for records that do not exist, for the data protection officer to look at.</summary>
    public DbSet<SearchAlert> SearchAlerts => Set<SearchAlert>();

    /// <summary>Requests sent to the API with an Idempotency-Key, each the caller's own.</summary>
    public DbSet<Idempotency.IdempotentRequest> IdempotentRequests => Set<Idempotency.IdempotentRequest>();

    public IActor Actor => actor;

    /// <summary>Records read by this context whose words were withheld from its actor (<see cref="SensitiveContentInterceptor"/>).</summary>
    internal HashSet<object> Withheld { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The area this context works in, read by the query filters and the connection each time they run.</summary>
    public Guid? CurrentAreaId => _areaOverride ?? actor.AreaId;

    /// <summary>
    /// The partnership of the area this context works in, read by the partnership records' query filter and set on the connection
    /// beside the area (<see cref="AreaConnectionInterceptor"/>). Work in another area than the actor's names its partnership itself.
    /// </summary>
    public Guid? CurrentPartnershipId => _areaOverride is null ? actor.PartnershipId : _partnershipOverride;

    /// <summary>
    /// Works in one area from now on, for work that has no signed-in user: seeding an area, an operator command,
    /// reading an account's own practitioner record at sign-in. Takes effect on the next command sent.
    /// </summary>
    public void WorkInArea(Guid areaId, Guid? partnershipId = null)
    {
        _areaOverride = areaId;
        _partnershipOverride = partnershipId;
    }

    /// <summary>The partnership an area belongs to, if any (reference data, readable from any area).</summary>
    public Task<Guid?> PartnershipOfAsync(Guid areaId, CancellationToken cancellationToken = default) =>
        PartnershipAreas.Where(a => a.AreaId == areaId).Select(a => (Guid?)a.PartnershipId).FirstOrDefaultAsync(cancellationToken);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SafeguardDbContext).Assembly);

        builder.Entity<Agency>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Team>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Practitioner>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Child>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<FamilyMember>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Relationship>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Referral>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<EncompassNotification>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Episode>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Assessment>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<FamilyHelpPlan>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Visit>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<ChronologyEntry>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<StrategyDiscussion>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Section47Enquiry>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<ChildProtectionConference>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<ChildProtectionPlan>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<ConferenceMeeting>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<EmergencyAction>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<PreProceedings>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<LookedAfterPeriod>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<BreakGlassAccess>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<AccessRequest>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<RoleGrant>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<InformationSharingRecord>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Telling>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Departure>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<CarersAndDisabilityAssessment>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<DataProtectionRequest>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<ClockRecord>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Events.RecordEvent>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Participant>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<Idempotency.IdempotentRequest>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<AuditEntry>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<SignInSession>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<SearchAlert>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        builder.Entity<AreaMembership>().HasQueryFilter(e => e.AreaId == CurrentAreaId);
        // Exchanges between areas: the sending area and the receiving area read the one row.
        builder.Entity<Domain.Exchanges.AreaExchange>().HasQueryFilter(e => e.AreaId == CurrentAreaId || e.ToAreaId == CurrentAreaId);
        // Partnership-owned records: kept to the partnership of the area the context works in, whichever of its areas that is.
        builder.Entity<PublishedArrangements>().HasQueryFilter(e => e.PartnershipId == CurrentPartnershipId);

        SensitiveContent.Configure(builder);

        // One-per-parent rules: a unique index each, partial where the rule is about open records (OnePerParent).
        foreach (var rule in OnePerParent.All)
        {
            var entity = builder.Model.GetEntityTypes().Single(e => !e.IsOwned() && e.GetTableName() == rule.Table);
            builder.Entity(entity.ClrType).HasIndex([.. rule.Columns], rule.IndexName).IsUnique().HasFilter(rule.Filter);
        }
    }

    /// <summary>
    /// A save that breaks a one-per-parent rule's unique index fails as that rule (<see cref="RuleConflictException"/>); one that
    /// lost a race to write the same statutory clock fails as an edit conflict (the record changed after it was read); one that
    /// lost a race to append to a record's history fails as the one-per-parent rule the winner's record now holds it to, or
    /// else as an edit conflict.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateException failed) when (failed is not DbUpdateConcurrencyException && OnePerParent.Broken(failed) is { } rule)
        {
            throw new RuleConflictException(rule, failed);
        }
        catch (DbUpdateException failed) when (failed is not DbUpdateConcurrencyException && OnePerParent.IsClockRace(failed))
        {
            throw new DbUpdateConcurrencyException(EditConflictException.Explanation, failed);
        }
        catch (DbUpdateException failed) when (failed is not DbUpdateConcurrencyException && OnePerParent.IsHistoryRace(failed))
        {
            throw OnePerParent.TakenByRaceAsync(this, CancellationToken.None).GetAwaiter().GetResult() is { } rule
                ? new RuleConflictException(rule, failed)
                : new DbUpdateConcurrencyException(EditConflictException.Explanation, failed);
        }
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException failed) when (failed is not DbUpdateConcurrencyException && OnePerParent.Broken(failed) is { } rule)
        {
            throw new RuleConflictException(rule, failed);
        }
        catch (DbUpdateException failed) when (failed is not DbUpdateConcurrencyException && OnePerParent.IsClockRace(failed))
        {
            throw new DbUpdateConcurrencyException(EditConflictException.Explanation, failed);
        }
        catch (DbUpdateException failed) when (failed is not DbUpdateConcurrencyException && OnePerParent.IsHistoryRace(failed))
        {
            throw await OnePerParent.TakenByRaceAsync(this, cancellationToken) is { } rule
                ? new RuleConflictException(rule, failed)
                : new DbUpdateConcurrencyException(EditConflictException.Explanation, failed);
        }
    }
}

public sealed class SqliteSafeguardDbContext(DbContextOptions<SqliteSafeguardDbContext> options, IActor actor)
    : SafeguardDbContext(options, actor)
{
    /// <summary>
    /// SQLite cannot order or compare DateTimeOffset text; every moment is UTC, so stored as a number it sorts truly.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgreSqlSafeguardDbContext(DbContextOptions<PostgreSqlSafeguardDbContext> options, IActor actor)
    : SafeguardDbContext(options, actor);
