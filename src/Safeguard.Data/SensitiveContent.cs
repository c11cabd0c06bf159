using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Safeguard.Data.Records;
using Safeguard.Domain.Chronology;
using Safeguard.Domain.Organisation;

namespace Safeguard.Data;

/// <summary>
/// Sensitivity belongs to the record the words live in. A social work qualified manager marks an entry on the child's
/// chronology (police intelligence, sexual health, a safe address, adoption); the mark goes onto the record the entry came
/// from — the referral, the visit, the assessment — and onto every entry from that record. Whenever a marked record is read
/// by someone the mark does not allow (<see cref="IActor.MaySee"/>), its words are withheld as it is read from the database
/// (<see cref="SensitiveContentInterceptor"/>), so every page, API response, export and package built from it shows that
/// something is withheld and never what it says: there is one redaction path, not one per page.
/// </summary>
public static class SensitiveContent
{
    /// <summary>The column that holds a record's mark: a real property on a chronology entry, a shadow property on the rest.</summary>
    public const string Mark = "Sensitivity";

    /// <summary>
    /// The kinds of record whose words can be marked: every kind a chronology entry comes from that holds practitioners'
    /// words about a child, and the chronology entry itself.
    /// </summary>
    public static readonly IReadOnlyList<RecordKind> Markable =
    [
        RecordKinds.Referral, RecordKinds.Episode, RecordKinds.Assessment, RecordKinds.Plan, RecordKinds.Visit, RecordKinds.StrategyDiscussion,
        RecordKinds.Section47Enquiry, RecordKinds.Conference, RecordKinds.ConferenceMeeting, RecordKinds.ChildProtectionPlan,
        RecordKinds.EmergencyAction, RecordKinds.LookedAfterPeriod, RecordKinds.PreProceedings, RecordKinds.InformationSharing,
        RecordKinds.Departure, RecordKinds.CarersAndDisabilityAssessment, RecordKinds.ChronologyEntry,
    ];

    /// <summary>
    /// Kinds a chronology entry may come from whose words are not marked, and why. Marking an entry from one of these marks
    /// the entry alone.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotMarkable = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RecordKinds.Child.Name] = "A child's safe address has its own rule (Child.SafeAddress); the rest of the child's details are who the child is.",
        [RecordKinds.EncompassNotification.Name] =
            "The police's notification to one school: read only by the officer who sent it and the school's designated safeguarding lead.",
        [RecordKinds.DataProtectionRequest.Name] = "Read only by the data protection officer.",
        [RecordKinds.Telling.Name] =
            "Who was told about a record, when and how: its chronology entries come from the record it belongs to (the enquiry, the assessment, the plan), whose mark covers them.",
        [RecordKinds.FamilyMember.Name] = "Who an adult is: names and contact details, read with the child's record.",
        [RecordKinds.Relationship.Name] = "How an adult is related to the child: no practitioner's words.",
        [RecordKinds.AccessRequest.Name] = "A practitioner's reason for asking, read by the case's manager who decides it.",
        [RecordKinds.BreakGlass.Name] = "A practitioner's reason for breaking the glass, read by the case's manager who reviews it.",
        [RecordKinds.Practitioner.Name] = "A practitioner's name and roles: not about a child.",
        [RecordKinds.Account.Name] = "A sign-in account: not about a child.",
        [RecordKinds.RoleGrant.Name] = "Roles asked for and given to a practitioner: not about a child.",
        [RecordKinds.AreaMembership.Name] = "Which area an account also works in: not about a child.",
        [RecordKinds.AreaExchange.Name] =
            "What one area sent another: a copy made for the receiving area when it was sent, from what the sender could read (marked words are already withheld in it), read by children's social care of the two areas.",
        [RecordKinds.PartnershipArrangements.Name] = "A published document's title, date and address: public, not about a child.",
    };

    /// <summary>
    /// Text columns of a markable kind that are not practitioners' words — references, codes, the names of authorities and
    /// agencies — and so are shown even when the record is marked. Every other text column is withheld.
    /// </summary>
    public static readonly IReadOnlySet<string> NotWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "Reference", "SourceCode", "PrimaryNeedCode", "ClosureReasonCode", "InitialCategory", "LatestCategory", "SourceType", "ActingAgency",
        "FromAuthority", "ResponsibleAuthority", "RuleId", ReferralConfigurationSubmissionKey,
    };

    private const string ReferralConfigurationSubmissionKey = Configurations.ReferralConfiguration.SubmissionKey;

    private static readonly ConcurrentDictionary<IEntityType, (IProperty? Mark, IProperty[] Words)> Shapes = new();

    /// <summary>What a reader the mark does not allow reads in place of the words.</summary>
    public static string Withheld(Sensitivity sensitivity) =>
        $"[Withheld: marked as {sensitivity.Describe()}. Only {sensitivity.WhoMaySee()} may read it.]";

    /// <summary>Gives each markable kind its mark (a nullable column: null is not marked).</summary>
    internal static void Configure(ModelBuilder builder)
    {
        foreach (var kind in Markable)
        {
            if (kind.EntityType.GetProperty(Mark) is null)
            {
                builder.Entity(kind.EntityType).Property<Sensitivity?>(Mark).HasConversion<string>().HasMaxLength(30);
            }
        }
    }

    /// <summary>The mark and the withheld text columns of an entity type; no mark for a kind that cannot be marked.</summary>
    public static (IProperty? Mark, IProperty[] Words) ShapeOf(IEntityType type) => Shapes.GetOrAdd(type, static t =>
    {
        if (!Markable.Any(k => k.EntityType == t.ClrType) || t.FindProperty(Mark) is not { } mark)
        {
            return (null, []);
        }

        return (mark, [.. t.GetProperties().Where(p => p.ClrType == typeof(string) && !p.IsShadowProperty() && !NotWords.Contains(p.Name))]);
    });

    /// <summary>The mark a record carries (None when it carries none or cannot be marked).</summary>
    public static Sensitivity MarkOf(this SafeguardDbContext db, object record)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entry = db.Entry(record);
        return ShapeOf(entry.Metadata).Mark is { } mark && entry.Property(mark).CurrentValue is Sensitivity s ? s : Sensitivity.None;
    }

    /// <summary>
    /// A manager marks (or unmarks) an entry: the mark goes onto the record it came from and every entry from that record,
    /// in one save. A reader the mark does not allow then reads none of the record's words, wherever they read it.
    /// </summary>
    public static async Task MarkAsync(this SafeguardDbContext db, ChronologyEntry entry, Practitioner manager, Sensitivity sensitivity,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);
        entry.Mark(manager, sensitivity);
        if (Markable.FirstOrDefault(k => k.Name == entry.SourceType && k != RecordKinds.ChronologyEntry) is not { } kind)
        {
            return;
        }

        if (await db.FindAsync(kind.EntityType, [entry.SourceId], cancellationToken) is { } source)
        {
            db.Entry(source).Property(Mark).CurrentValue = sensitivity == Sensitivity.None ? null : sensitivity;
        }

        var siblings = await db.Chronology.Where(c => c.SourceType == entry.SourceType && c.SourceId == entry.SourceId && c.Id != entry.Id)
            .ToListAsync(cancellationToken);
        foreach (var sibling in siblings)
        {
            sibling.Mark(manager, sensitivity);
        }
    }

    /// <summary>A new entry from a marked record carries the record's mark (the record is in this save, as the step that notes it changed it).</summary>
    internal static Sensitivity SourceMark(SafeguardDbContext db, string sourceType, Guid sourceId)
    {
        if (Markable.FirstOrDefault(k => k.Name == sourceType && k != RecordKinds.ChronologyEntry) is not { } kind)
        {
            return Sensitivity.None;
        }

        var source = db.ChangeTracker.Entries().FirstOrDefault(e => e.Metadata.ClrType == kind.EntityType && e.Property("Id").CurrentValue is Guid id && id == sourceId);
        return source is null ? Sensitivity.None : db.MarkOf(source.Entity);
    }
}

/// <summary>
/// Withholds the words of a marked record as it is read, for a reader its mark does not allow; and keeps a save from writing
/// the withheld text back over the words (a page that read a marked record and saved another change to it).
/// </summary>
public sealed class SensitiveContentInterceptor : IMaterializationInterceptor, ISaveChangesInterceptor
{
    /// <summary>
    /// The one instance: it holds no state, and EF Core builds its internal services once per distinct materialization
    /// interceptor, so a new instance per host would make a new set of internal services each time.
    /// </summary>
    public static readonly SensitiveContentInterceptor Instance = new();

    private SensitiveContentInterceptor()
    {
    }

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        var (mark, words) = SensitiveContent.ShapeOf(materializationData.EntityType);
        if (mark is null || materializationData.Context is not SafeguardDbContext db
            || materializationData.GetPropertyValue(mark) is not Sensitivity sensitivity || sensitivity == Sensitivity.None
            || db.Actor.MaySee(sensitivity))
        {
            return entity;
        }

        var withheld = SensitiveContent.Withheld(sensitivity);
        foreach (var word in words)
        {
            if (word.GetGetter().GetClrValue(entity) is string)
            {
                if (word.FieldInfo is { } field)
                {
                    field.SetValue(entity, withheld);
                }
                else
                {
                    word.PropertyInfo!.SetValue(entity, withheld);
                }
            }
        }

        db.Withheld.Add(entity);
        return entity;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        KeepWords(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        KeepWords(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>A withheld record's words are never written: what the reader holds is the notice, not the words.</summary>
    private static void KeepWords(DbContext? context)
    {
        if (context is not SafeguardDbContext db || db.Withheld.Count == 0)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Modified && db.Withheld.Contains(e.Entity)).ToList())
        {
            foreach (var word in SensitiveContent.ShapeOf(entry.Metadata).Words)
            {
                var property = entry.Property(word);
                if (property.IsModified)
                {
                    // Unmodified, not restored: the instance keeps the notice, so nothing built from it after the save shows the words.
                    property.IsModified = false;
                }
            }
        }
    }
}
