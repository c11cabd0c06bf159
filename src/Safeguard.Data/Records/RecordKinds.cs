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
using Safeguard.Domain.Referrals;
using Safeguard.Domain.Rules;

namespace Safeguard.Data.Records;

/// <summary>
/// Which check decides who may see a record of a kind (the checks themselves live with the web application's access rules).
/// </summary>
public enum AccessRule
{
    /// <summary>Not said: a kind must name its rule (a test fails otherwise).</summary>
    Unset,

    /// <summary>Whoever may see the child's record: children's social care, the lead practitioner, break-glass and granted access, the core group.</summary>
    Child,

    /// <summary>Case work on the child's episode: children's social care and the episode's lead practitioner.</summary>
    Episode,

    /// <summary>Case work on the episode, and reading by the child protection plan's core group while the plan lasts.</summary>
    EpisodeAndCoreGroup,

    /// <summary>A conference's papers: children's social care, the lead practitioner, the invitees with an account and the plan's core group.</summary>
    Meeting,

    /// <summary>A referral: children's social care and the referrer who made it.</summary>
    Referral,

    /// <summary>An Operation Encompass notification: the setting's designated safeguarding lead and the police who sent it.</summary>
    Encompass,

    /// <summary>Children's social care of the area only.</summary>
    ChildrensSocialCare,

    /// <summary>The manager of the child's case (a social work qualified manager of the area when there is none).</summary>
    CaseManager,

    /// <summary>The data protection officer.</summary>
    DataProtection,

    /// <summary>The area's administrators, with their second factor.</summary>
    Administrator,

    /// <summary>Who approves roles that reach case records for the account's agency (a social work qualified manager, a named safeguarding lead).</summary>
    AccessApprover,

    /// <summary>The partnership's members (its delegated safeguarding partners and child death review coordinators), from any of its areas.</summary>
    Partnership,
}

/// <summary>How the audit trail writes a change to a record of a kind.</summary>
public enum AuditDetail
{
    /// <summary>One row naming the record and its child; what changed is in the record itself.</summary>
    RecordOnly,

    /// <summary>
    /// Who may do what (a practitioner's roles, an account's lockout): the row says what changed, secrets by name only, and a
    /// change of nothing but sign-in bookkeeping (or one made before anyone is known to act in the area) writes no row.
    /// </summary>
    WhatChanged,

    /// <summary>A row naming the record; a change to an existing record also says which fields changed and to what.</summary>
    ChangedFields,
}

/// <summary>One statutory clock a record of a kind runs, and who answers for it.</summary>
/// <param name="Rule">The timed rule from the catalogue (<see cref="StatutoryRules"/>).</param>
/// <param name="Role">
/// The role that answers for it until a named practitioner does. The managers' role (<see cref="PractitionerRole.PracticeSupervisor"/>)
/// keeps answering for it alongside the named practitioner: it stays on every manager's "My work".
/// </param>
/// <param name="Practitioner">The named practitioner who answers for it once there is one, in words (e.g. "the episode's lead practitioner").</param>
/// <param name="DoneOnEpisode">The work that meets it is done on the child's episode (the assessment, seeing the child), not on the record itself.</param>
public sealed record ClockDuty(StatutoryRule Rule, PractitionerRole Role, string? Practitioner, bool DoneOnEpisode = false);

/// <summary>
/// One kind of record Safeguard keeps: its name (the record type in the audit trail and the source type on a chronology entry),
/// its entity type, how the audit row names it and its child, who answers for its clocks, and which check guards it. Its page
/// and API addresses are registered with the web application.
/// </summary>
public sealed class RecordKind
{
    private readonly Func<object, (Guid Id, Guid? ChildId, Guid? AreaId)> _subject;

    internal RecordKind(string name, string describe, Type entityType, Func<object, (Guid Id, Guid? ChildId, Guid? AreaId)> subject, AccessRule access,
        AuditDetail audit = AuditDetail.RecordOnly, IReadOnlyList<ClockDuty>? clocks = null)
    {
        Name = name;
        Describe = describe;
        EntityType = entityType;
        _subject = subject;
        Access = access;
        Audit = audit;
        Clocks = clocks ?? [];
    }

    /// <summary>The record type in the audit trail, and the source type of chronology entries that come from it.</summary>
    public string Name { get; }

    /// <summary>What it is called in words ("child protection plan").</summary>
    public string Describe { get; }

    public Type EntityType { get; }

    public AccessRule Access { get; }

    public AuditDetail Audit { get; }

    /// <summary>The clocks a record of this kind runs (its history starts them), and who answers for each; empty when it runs none.</summary>
    public IReadOnlyList<ClockDuty> Clocks { get; }

    /// <summary>The record's id, its child's id (none for a record not about one child) and its area, for the audit row.</summary>
    public (Guid Id, Guid? ChildId, Guid? AreaId) SubjectOf(object entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return _subject(entity);
    }

    /// <summary>The rules of <see cref="Clocks"/>.</summary>
    public IReadOnlyList<StatutoryRule> ClockRules => [.. Clocks.Select(c => c.Rule)];

    public override string ToString() => Name;
}

/// <summary>
/// The one registry of the kinds of record Safeguard keeps. The audit trail writes a row for every change to a record of a
/// registered kind (and refuses to save a change it cannot audit), the clocks read who answers for them, the chronology links
/// each entry to its source through the kind's page, and the tests walk the kinds, so a new kind is registered here once.
/// </summary>
public static class RecordKinds
{
    private const string LeadPractitioner = "the episode's lead practitioner";

    public static readonly RecordKind Child = Kind<Child>("Child", "child's record", c => (c.Id, c.Id, c.AreaId), AccessRule.Child);

    /// <summary>An adult in the family network: linked to children through <see cref="Relationship"/>, so the row names no child.</summary>
    public static readonly RecordKind FamilyMember = Kind<FamilyMember>("FamilyMember", "family member", f => (f.Id, null, f.AreaId), AccessRule.Child);

    public static readonly RecordKind Relationship = Kind<Relationship>("Relationship", "relationship with the child", r => (r.Id, r.ChildId, r.AreaId),
        AccessRule.Child);

    public static readonly RecordKind Referral = Kind<Referral>("Referral", "referral", r => (r.Id, r.ChildId, r.AreaId), AccessRule.Referral, clocks:
    [
        new(StatutoryRules.ReferralDecision, PractitionerRole.PracticeSupervisor, null),
        new(StatutoryRules.Assessment, PractitionerRole.SocialWorker, LeadPractitioner, DoneOnEpisode: true),
        new(StatutoryRules.SeeTheChild, PractitionerRole.SocialWorker, LeadPractitioner, DoneOnEpisode: true),
        // A decision that something must happen is work for the lead practitioner and the managers until it has: the emergency
        // action (IP-01), and the strategy discussion within the area's own target (SD-01, A-26).
        new(StatutoryRules.ImmediateProtection, PractitionerRole.PracticeSupervisor, LeadPractitioner, DoneOnEpisode: true),
        new(StatutoryRules.StrategyDiscussionTarget, PractitionerRole.PracticeSupervisor, LeadPractitioner, DoneOnEpisode: true),
    ]);

    public static readonly RecordKind EncompassNotification = Kind<EncompassNotification>("EncompassNotification", "Operation Encompass notification",
        n => (n.Id, n.ChildId, n.AreaId), AccessRule.Encompass);

    public static readonly RecordKind Episode = Kind<Episode>("Episode", "episode", e => (e.Id, e.ChildId, e.AreaId), AccessRule.Episode, clocks:
    [
        new(StatutoryRules.NationalReferralMechanism, PractitionerRole.SocialWorker, LeadPractitioner),
        new(StatutoryRules.ProbationSameDay, PractitionerRole.SocialWorker, LeadPractitioner),
        new(StatutoryRules.ShareOnPermanentMove, PractitionerRole.SocialWorker, LeadPractitioner),
        new(StatutoryRules.TransferInConference, PractitionerRole.SocialWorker, LeadPractitioner),
    ]);

    public static readonly RecordKind Assessment = Kind<Assessment>("Assessment", "assessment", a => (a.Id, a.ChildId, a.AreaId), AccessRule.Episode);

    public static readonly RecordKind Plan = Kind<FamilyHelpPlan>("Plan", "Family Help or child in need plan", p => (p.Id, p.ChildId, p.AreaId),
        AccessRule.Episode);

    public static readonly RecordKind Visit = Kind<Visit>("Visit", "visit", v => (v.Id, v.ChildId, v.AreaId), AccessRule.Episode);

    /// <summary>
    /// A discussion that decided on section 47 runs the initial conference's 15 working days from its date (ICPC-01), whether or not the
    /// enquiry has its record yet; the managers confirm a decision made without the minimum attendance (RC-05) and see that the enquiry starts (S47-01).
    /// </summary>
    public static readonly RecordKind StrategyDiscussion = Kind<StrategyDiscussion>("StrategyDiscussion", "strategy discussion",
        d => (d.Id, d.ChildId, d.AreaId), AccessRule.Episode, clocks:
        [
            new(StatutoryRules.InitialConference, PractitionerRole.SocialWorker, "the enquiry's lead (the episode's lead practitioner until the enquiry starts)"),
            new(StatutoryRules.ConfirmSection47, PractitionerRole.PracticeSupervisor, null),
            new(StatutoryRules.StartSection47, PractitionerRole.PracticeSupervisor, null),
        ]);

    public static readonly RecordKind Section47Enquiry = Kind<Section47Enquiry>("Section47Enquiry", "section 47 enquiry", q => (q.Id, q.ChildId, q.AreaId),
        AccessRule.Episode);

    public static readonly RecordKind Conference = Kind<ChildProtectionConference>("ChildProtectionConference", "child protection conference",
        c => (c.Id, c.ChildId, c.AreaId), AccessRule.Episode);

    public static readonly RecordKind ConferenceMeeting = Kind<ConferenceMeeting>("ConferenceMeeting", "arranged conference",
        m => (m.Id, m.ChildId, m.AreaId), AccessRule.Meeting);

    public static readonly RecordKind ChildProtectionPlan = Kind<ChildProtectionPlan>("ChildProtectionPlan", "child protection plan",
        p => (p.Id, p.ChildId, p.AreaId), AccessRule.EpisodeAndCoreGroup, clocks:
        [
            new(StatutoryRules.FirstCoreGroup, PractitionerRole.SocialWorker, "the plan's lead social worker"),
            new(StatutoryRules.FirstReviewConference, PractitionerRole.SocialWorker, "the plan's lead social worker"),
            new(StatutoryRules.NextReviewConference, PractitionerRole.SocialWorker, "the plan's lead social worker"),
            new(StatutoryRules.TransferInConference, PractitionerRole.SocialWorker, "the plan's lead social worker"),
            new(StatutoryRules.PlanEndsByEighteen, PractitionerRole.SocialWorker, "the plan's lead social worker"),
        ]);

    public static readonly RecordKind EmergencyAction = Kind<EmergencyAction>("EmergencyAction", "immediate protection",
        e => (e.Id, e.ChildId, e.AreaId), AccessRule.Episode, clocks:
        [
            new(StatutoryRules.StrategyDiscussionAfterEmergency, PractitionerRole.PracticeSupervisor, null, DoneOnEpisode: true),
        ]);

    public static readonly RecordKind LookedAfterPeriod = Kind<LookedAfterPeriod>("LookedAfterPeriod", "period of being looked after",
        l => (l.Id, l.ChildId, l.AreaId), AccessRule.Episode);

    public static readonly RecordKind PreProceedings = Kind<PreProceedings>("PreProceedings", "pre-proceedings", p => (p.Id, p.ChildId, p.AreaId),
        AccessRule.Episode);

    /// <summary>Entries are written once; marking one sensitive (or clearing the mark) is a change the row describes.</summary>
    public static readonly RecordKind ChronologyEntry = Kind<ChronologyEntry>("ChronologyEntry", "chronology entry", c => (c.Id, c.ChildId, c.AreaId),
        AccessRule.Child, AuditDetail.ChangedFields);

    public static readonly RecordKind InformationSharing = Kind<InformationSharingRecord>(AuditInterceptor.InformationSharingRecordType,
        "record of information shared", s => (s.Id, s.ChildId, s.AreaId), AccessRule.ChildrensSocialCare);

    /// <summary>Who was told what about an enquiry, an assessment or a plan, when and how: written when it happens, never assumed.</summary>
    public static readonly RecordKind Telling = Kind<Telling>("Telling", "record of telling", t => (t.Id, t.ChildId, t.AreaId), AccessRule.Episode);
    /// <summary>A departure from a SHOULD rule with its reason and who agreed it (GEN-02): written once, never changed.</summary>
    public static readonly RecordKind Departure = Kind<Departure>("Departure", "recorded departure from a rule", d => (d.Id, d.ChildId, d.AreaId),
        AccessRule.Episode);

    /// <summary>A disabled child's, parent carer's or young carer's assessment with its outcome and the support decided (GRP-03, GRP-04, GRP-05).</summary>
    public static readonly RecordKind CarersAndDisabilityAssessment = Kind<CarersAndDisabilityAssessment>("CarersAndDisabilityAssessment",
        "disabled child's or carer's assessment", a => (a.Id, a.ChildId, a.AreaId), AccessRule.Episode);

    public static readonly RecordKind AccessRequest = Kind<AccessRequest>("AccessRequest", "request for access", r => (r.Id, r.ChildId, r.AreaId),
        AccessRule.CaseManager);

    public static readonly RecordKind BreakGlass = Kind<BreakGlassAccess>("BreakGlass", "break-glass access", b => (b.Id, b.ChildId, b.AreaId),
        AccessRule.CaseManager);

    public static readonly RecordKind DataProtectionRequest = Kind<DataProtectionRequest>("DataProtectionRequest", "data protection request",
        d => (d.Id, d.ChildId, d.AreaId), AccessRule.DataProtection);

    public static readonly RecordKind Practitioner = Kind<Practitioner>("Practitioner", "practitioner", p => (p.Id, null, p.AreaId), AccessRule.Administrator,
        AuditDetail.WhatChanged);

    public static readonly RecordKind Account = Kind<SafeguardUser>(AuditInterceptor.AccountRecordType, "sign-in account", u => (u.Id, null, u.AreaId),
        AccessRule.Administrator, AuditDetail.WhatChanged);

    /// <summary>Roles asked for an account, and who approved or rejected them: the row says what changed.</summary>
    public static readonly RecordKind RoleGrant = Kind<RoleGrant>("RoleGrant", "grant of roles", g => (g.Id, null, g.AreaId), AccessRule.AccessApprover,
        AuditDetail.WhatChanged);

    /// <summary>Every registered kind.</summary>
    /// <summary>An account's membership of an area other than its own: who it acts as there.</summary>
    public static readonly RecordKind AreaMembership = Kind<AreaMembership>("AreaMembership", "membership of an area", m => (m.Id, null, m.AreaId),
        AccessRule.Administrator, AuditDetail.WhatChanged);

    /// <summary>The partnership's published arrangements: partnership-owned, audited in the area it was recorded in.</summary>
    public static readonly RecordKind PartnershipArrangements = Kind<PublishedArrangements>("PartnershipArrangements", "published arrangements",
        a => (a.Id, null, a.RecordedInAreaId), AccessRule.Partnership);

    /// <summary>
    /// What one area sent another (a child's transfer package): read by the two areas, audited in the area that acted on it, naming
    /// that area's record of the child (the sender's child, or the receiver's once recorded).
    /// </summary>
    public static readonly RecordKind AreaExchange = Kind<Domain.Exchanges.AreaExchange>("AreaExchange", "exchange between areas",
        e => (e.Id, e.ActedInAreaId == e.AreaId ? e.SourceChildId : e.RecordedChildId, e.ActedInAreaId), AccessRule.ChildrensSocialCare);

    public static readonly IReadOnlyList<RecordKind> All =
    [
        Child, FamilyMember, Relationship, Referral, EncompassNotification, Episode, Assessment, Plan, Visit, StrategyDiscussion, Section47Enquiry,
        Conference, ConferenceMeeting, ChildProtectionPlan, EmergencyAction, LookedAfterPeriod, PreProceedings, ChronologyEntry, InformationSharing, Telling,
        Departure, CarersAndDisabilityAssessment, AccessRequest, BreakGlass, DataProtectionRequest, Practitioner, Account, RoleGrant,
        AreaMembership, PartnershipArrangements, AreaExchange,
    ];

    /// <summary>
    /// Entity types that hold no personal data of a child or a person acting, or that are the bookkeeping of records already
    /// audited, each with the reason. Every other entity type in the model is a registered kind (a test enumerates the model).
    /// </summary>
    public static readonly IReadOnlyDictionary<Type, string> NotAudited = new Dictionary<Type, string>
    {
        [typeof(AuditEntry)] = "The audit trail itself: append-only, refused UPDATE and DELETE by the database.",
        [typeof(Events.RecordEvent)] =
            "A record's history as events, written in the same save as the audited change that raised them; append-only, refused UPDATE and DELETE by the database, and holding ids, dates and codes only.",
        [typeof(ClockRecord)] = "Derived from the records that move the clock, recomputed in the same save as the audited change.",
        [typeof(Domain.Participation.Participant)] =
            "Derived from the record that names who takes part (an allocation, a core group, an invitation), written in the same save as its audited change.",
        [typeof(Idempotency.IdempotentRequest)] =
            "A request sent with an Idempotency-Key and the answer its caller was given, replayed to that caller only: the record it made is audited when made, and each replay writes a read row naming it.",
        [typeof(LocalAuthorityArea)] = "Reference data: the local authority area, no personal data.",
        [typeof(Agency)] = "Reference data: an organisation, no personal data.",
        [typeof(Team)] = "Reference data: a team's name, no personal data.",
        [typeof(CrossAreaAgency)] = "Reference data: an agency serving several areas, one identity, no personal data.",
        [typeof(Partnership)] = "Reference data: a safeguarding partnership's name and lead partners, no personal data.",
        [typeof(PartnershipArea)] = "Reference data: which areas a partnership covers, no personal data.",
        [typeof(Microsoft.AspNetCore.Identity.IdentityRole<Guid>)] = "Identity's roles table, unused: roles are the practitioner's, audited with it.",
        [typeof(Microsoft.AspNetCore.Identity.IdentityRoleClaim<Guid>)] = "Identity's role claims, unused.",
        [typeof(Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>)] = "Identity's user roles, unused: roles are the practitioner's, audited with it.",
        [typeof(Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>)] = "Identity's user claims, unused.",
        [typeof(Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>)] =
            "The link to an organisation's identity provider: sign-in bookkeeping of an account, whose own changes are audited.",
        [typeof(Identity.SignInSession)] =
            "Sign-in bookkeeping: which sessions of an account are live; signing in and out is in the log, changes to the account are audited.",
        [typeof(Identity.DataProtectionKey)] = "The service's keys protecting cookies and forms: secrets of the service, no personal data.",
        [typeof(Domain.Access.SearchAlert)] =
            "Derived from the audit trail's own rows for searches that found nothing, which it points the data protection officer to; written with them.",
        [typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>)] =
            "An account's authenticator key and recovery codes: secrets, never shown; turning two-factor authentication on or off changes the audited account.",
    };

    private static readonly Dictionary<Type, RecordKind> ByType = All.ToDictionary(k => k.EntityType);

    private static readonly Dictionary<string, RecordKind> ByName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>The kind of an entity type; null when it is not registered.</summary>
    public static RecordKind? For(Type entityType) => ByType.GetValueOrDefault(entityType);

    /// <summary>The kind with this name (a chronology entry's source type, an audit row's record type); null when there is none.</summary>
    public static RecordKind? Named(string name) => ByName.GetValueOrDefault(name);

    private static RecordKind Kind<T>(string name, string describe, Func<T, (Guid Id, Guid? ChildId, Guid? AreaId)> subject, AccessRule access,
        AuditDetail audit = AuditDetail.RecordOnly, IReadOnlyList<ClockDuty>? clocks = null) =>
        new(name, describe, typeof(T), e => subject((T)e), access, audit, clocks);
}
