// Table and column names in the SQL below come from the EF model, never from input; every value is a parameter.
#pragma warning disable EF1002, CA2100
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Data.Audit;
using Safeguard.Domain.Children;
using Safeguard.Domain.Chronology;

namespace Safeguard.Data.DataProtection;

/// <summary>What was done to honour an erasure or a rectification, in counts only (for the audit row naming the decision).</summary>
public sealed record ErasureDone(int ValuesRewritten, int ChronologyEntriesReplaced, bool AuditKeyDestroyed)
{
    public string Describe() => $"{ValuesRewritten} value(s) rewritten; {ChronologyEntriesReplaced} chronology entr(ies) replaced by the erasure notice"
        + (AuditKeyDestroyed ? "; the child's audit key destroyed" : string.Empty);
}

/// <summary>
/// Honours an erasure or rectification decision over the whole database, in the caller's transaction (docs/decisions/0010):
/// the mutable records are overwritten (the person's own row loses its identifying fields; their names, identifiers and
/// date of birth are replaced wherever they appear in any text or JSON column of the area); a child's chronology entries are
/// replaced by the erasure notice, the one rewrite an entry may have; the audit trail is never touched, and what it holds
/// about the child in words is sealed with the child's key (<see cref="AuditSeal"/>), which erasure destroys.
/// </summary>
public static class SubjectErasure
{
    public const string Erased = "[erased]";

    private const int MinimumPartLength = 2;

    /// <summary>
    /// Stores never rewritten: the append-only audit trail (sealed instead), the append-only record event store (which holds
    /// ids, dates and codes only, docs/decisions/0009, and which the database refuses to update), exchanges between areas
    /// (what one area sent another stays as it was sent, and the database refuses to change it: the receiving area holds it as
    /// its own record; telling that area of an erasure, UK GDPR article 19, is a step still to build), and the migrations' own history.
    /// </summary>
    private static readonly HashSet<string> Untouched =
        [nameof(SafeguardDbContext.AuditEntries), nameof(SafeguardDbContext.RecordEvents), nameof(SafeguardDbContext.AreaExchanges), "__EFMigrationsHistory"];

    /// <summary>
    /// The service's own people and organisations — areas, agencies, teams, practitioners and their accounts, roles and
    /// sign-ins, partnerships, their areas, members and published arrangements, the keys that protect cookies — are never
    /// rewritten by the word replacement: they hold no data about a child or their family, and a practitioner who shares a
    /// given name with an erased child keeps their own name (and their email, and so their sign-in). A new table, whatever
    /// it holds, is rewritten unless it is added here.
    /// </summary>
    private static readonly HashSet<string> PeopleAndOrganisations =
    [
        nameof(SafeguardDbContext.Areas), nameof(SafeguardDbContext.Agencies), nameof(SafeguardDbContext.Teams), nameof(SafeguardDbContext.Practitioners),
        nameof(SafeguardDbContext.CrossAreaAgencies), nameof(SafeguardDbContext.Partnerships), nameof(SafeguardDbContext.PartnershipAreas),
        nameof(SafeguardDbContext.AreaMemberships), nameof(SafeguardDbContext.PartnershipArrangements), nameof(SafeguardDbContext.RoleGrants),
        nameof(SafeguardDbContext.SignInSessions), nameof(SafeguardDbContext.DataProtectionKeys),
    ];

    private static bool IsPeopleOrOrganisations(string table) =>
        PeopleAndOrganisations.Contains(table) || table.StartsWith("AspNet", StringComparison.Ordinal);

    /// <summary>Erases a child: everything identifying them, everywhere it is readable.</summary>
    public static async Task<ErasureDone> EraseChildAsync(SafeguardDbContext db, Guid childId, string notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var child = await db.Children.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == childId, cancellationToken);
        var others = await OtherFamilyNamesAsync(db, child.AreaId, childId, null, cancellationToken);
        var terms = Names(child.GivenName, child.FamilyName, others);
        foreach (var address in child.Addresses)
        {
            Add(terms, address.Line1, Erased);
            Add(terms, address.Line2, Erased);
            Add(terms, address.Postcode, Erased);
        }

        Add(terms, child.NhsNumber, Erased);
        Add(terms, child.Upn, Erased);
        var born = child.DateOfBirth ?? child.ExpectedDateOfBirth;
        if (born is { } dob)
        {
            AddDate(terms, dob);
        }

        var chronology = TableOf<ChronologyEntry>(db);
        var replaced = await db.Database.ExecuteSqlRawAsync(
            $"UPDATE {Quote(chronology)} SET \"{nameof(ChronologyEntry.Summary)}\" = {{0}} WHERE \"{nameof(ChronologyEntry.ChildId)}\" = {{1}}",
            [notice, childId], cancellationToken);
        var rewritten = await ClearOwnRowAsync(db, TableOf<Child>(db), "Id", childId, born, cancellationToken);
        if (born is { } b)
        {
            rewritten += await BlurDatesOfBirthAsync(db, childId, b, cancellationToken);
        }

        rewritten += await ReplaceEverywhereAsync(db, child.AreaId, terms, cancellationToken);
        await db.Children.IgnoreQueryFilters().Where(c => c.Id == childId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => EF.Property<byte[]?>(c, AuditSeal.KeyColumn), (byte[]?)null), cancellationToken);
        return new ErasureDone(rewritten, replaced, AuditKeyDestroyed: true);
    }

    /// <summary>Erases an adult in a child's family: their row loses what identifies them, and their name and phone go from every record.</summary>
    public static async Task<ErasureDone> EraseFamilyMemberAsync(SafeguardDbContext db, Guid familyMemberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var member = await db.FamilyMembers.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Id == familyMemberId, cancellationToken);
        var others = await OtherFamilyNamesAsync(db, member.AreaId, null, familyMemberId, cancellationToken);
        var terms = Names(member.GivenName, member.FamilyName, others);
        Add(terms, member.Phone, Erased);
        var rewritten = await ClearOwnRowAsync(db, TableOf<FamilyMember>(db), "Id", familyMemberId, member.DateOfBirth, cancellationToken);
        rewritten += await ReplaceEverywhereAsync(db, member.AreaId, terms, cancellationToken);
        return new ErasureDone(rewritten, 0, AuditKeyDestroyed: false);
    }

    /// <summary>Erases the person who made a referral (a member of the public): their name, phone and email go from every record.</summary>
    public static async Task<ErasureDone> EraseReferrerAsync(SafeguardDbContext db, Guid referralId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var referral = await db.Referrals.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == referralId, cancellationToken);
        var terms = Names(referral.Referrer.Name, null, []);
        Add(terms, referral.Referrer.Phone, Erased);
        Add(terms, referral.Referrer.Email, Erased);
        return new ErasureDone(await ReplaceEverywhereAsync(db, referral.AreaId, terms, cancellationToken), 0, AuditKeyDestroyed: false);
    }

    /// <summary>
    /// Rectifies a child's name or date of birth: the record takes the right value, and the wrong one is replaced by it
    /// wherever it is written (the audit trail excepted, where words about the child are sealed).
    /// </summary>
    public static async Task<(ErasureDone Done, IReadOnlyList<string> Fields)> RectifyChildAsync(SafeguardDbContext db, Guid childId, string? givenName,
        string? familyName, DateOnly? dateOfBirth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var child = await db.Children.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == childId, cancellationToken);
        var terms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        List<string> fields = [];
        var given = string.IsNullOrWhiteSpace(givenName) || givenName.Trim() == child.GivenName ? child.GivenName : givenName.Trim();
        var family = string.IsNullOrWhiteSpace(familyName) || familyName.Trim() == child.FamilyName ? child.FamilyName : familyName.Trim();
        if (given != child.GivenName)
        {
            fields.Add("given name");
        }

        if (family != child.FamilyName)
        {
            fields.Add("family name");
        }

        if (fields.Count > 0)
        {
            Add(terms, $"{child.GivenName} {child.FamilyName}", $"{given} {family}");
            if (given != child.GivenName)
            {
                Add(terms, child.GivenName, given);
            }

            if (family != child.FamilyName)
            {
                Add(terms, child.FamilyName, family);
            }
        }

        var rewritten = 0;
        if (dateOfBirth is { } right && child.DateOfBirth is { } wrong && right != wrong)
        {
            fields.Add("date of birth");
            foreach (var (text, _) in DateForms(wrong))
            {
                Add(terms, text, DateForms(right).First(f => f.Format == DateForms(wrong).First(w => w.Text == text).Format).Text);
            }

            rewritten += await SetDateAsync(db, childId, wrong, right, cancellationToken);
        }

        if (fields.Count == 0)
        {
            return (new ErasureDone(0, 0, false), fields);
        }

        rewritten += await db.Children.IgnoreQueryFilters().Where(c => c.Id == childId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.GivenName, given).SetProperty(c => c.FamilyName, family), cancellationToken);
        // The chronology is rewritten too: it must not go on showing the wrong name, and the correction note records what changed.
        rewritten += await ReplaceEverywhereAsync(db, child.AreaId, terms, cancellationToken);
        return (new ErasureDone(rewritten, 0, false), fields);
    }

    private static Dictionary<string, string> Names(string given, string? family, HashSet<string> sharedFamilyNames)
    {
        var terms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Add(terms, family is null ? given : $"{given} {family}", Erased);
        foreach (var part in Parts(given))
        {
            Add(terms, part, Erased);
        }

        // A family name also carried by someone not erased is theirs too: it goes only as part of the erased person's full name.
        foreach (var part in Parts(family).Where(p => !sharedFamilyNames.Contains(p)))
        {
            Add(terms, part, Erased);
        }

        return terms;
    }

    private static IEnumerable<string> Parts(string? name) =>
        (name ?? string.Empty).Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(p => p.Length >= MinimumPartLength && !p.Equals(Erased, StringComparison.OrdinalIgnoreCase) && p != "[erased]");

    private static async Task<HashSet<string>> OtherFamilyNamesAsync(SafeguardDbContext db, Guid areaId, Guid? childId, Guid? memberId,
        CancellationToken cancellationToken)
    {
        var children = await db.Children.IgnoreQueryFilters().AsNoTracking().Where(c => c.AreaId == areaId && c.Id != childId)
            .Select(c => c.FamilyName).Distinct().ToListAsync(cancellationToken);
        var members = await db.FamilyMembers.IgnoreQueryFilters().AsNoTracking().Where(m => m.AreaId == areaId && m.Id != memberId)
            .Select(m => m.FamilyName).Distinct().ToListAsync(cancellationToken);
        return [.. children.Concat(members).SelectMany(Parts)];
    }

    private static void Add(Dictionary<string, string> terms, string? text, string with)
    {
        var value = text?.Trim();
        if (!string.IsNullOrEmpty(value) && value.Length >= MinimumPartLength)
        {
            terms.TryAdd(value, with);
        }
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "dd/MM/yyyy", "d/M/yyyy"];

    private static IEnumerable<(string Format, string Text)> DateForms(DateOnly date) =>
        DateFormats.Select(f => (f, date.ToString(f, CultureInfo.GetCultureInfo("en-GB")))).DistinctBy(x => x.Item2);

    /// <summary>
    /// A date of birth written as a date (in JSON, a form's answers) becomes the first of January of its year, so that the
    /// record still reads and the child's age in years still counts; written in words it is erased.
    /// </summary>
    private static void AddDate(Dictionary<string, string> terms, DateOnly born)
    {
        var blurred = new DateOnly(born.Year, 1, 1);
        foreach (var (format, text) in DateForms(born))
        {
            Add(terms, text, format == "yyyy-MM-dd" ? blurred.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Erased);
        }
    }

    /// <summary>
    /// A column holding words: a string, or a JSON document (an owned collection stored as JSON, such as a referral's
    /// adults, whose column in the relational model does not have a string provider type).
    /// </summary>
    private static bool HoldsText(IColumn column) =>
        column.ProviderClrType == typeof(string) || column.GetType().Name.StartsWith("JsonColumn", StringComparison.Ordinal);

    private static string TableOf<T>(SafeguardDbContext db) => db.Model.FindEntityType(typeof(T))!.GetTableName()!;

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static bool IsPostgres(SafeguardDbContext db) => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    /// <summary>The person's own row: every optional text field emptied; the date of birth blurred to its year.</summary>
    private static async Task<int> ClearOwnRowAsync(SafeguardDbContext db, string tableName, string keyColumn, Guid id, DateOnly? born,
        CancellationToken cancellationToken)
    {
        var table = db.Model.GetRelationalModel().FindTable(tableName, null) ?? db.Model.GetRelationalModel().Tables.Single(t => t.Name == tableName);
        var columns = table.Columns.Where(c => c.IsNullable && c.ProviderClrType == typeof(string) && c.Name != AuditSeal.KeyColumn).ToList();
        var count = 0;
        if (columns.Count > 0)
        {
            count += await db.Database.ExecuteSqlRawAsync(
                $"UPDATE {Quote(tableName)} SET {string.Join(", ", columns.Select(c => Quote(c.Name) + " = NULL"))} WHERE {Quote(keyColumn)} = {{0}}",
                [id], cancellationToken);
        }

        foreach (var column in table.Columns.Where(c => c.Name.Contains("DateOfBirth", StringComparison.Ordinal) && c.ProviderClrType != typeof(string)))
        {
            if (born is { } b)
            {
                count += await db.Database.ExecuteSqlRawAsync(
                    $"UPDATE {Quote(tableName)} SET {Quote(column.Name)} = {{0}} WHERE {Quote(keyColumn)} = {{1}} AND {Quote(column.Name)} IS NOT NULL",
                    [new DateOnly(b.Year, 1, 1), id], cancellationToken);
            }
        }

        return count;
    }

    /// <summary>The child's date of birth in the child's own records' date columns (a referral's copy of the child as sent), blurred to its year.</summary>
    private static Task<int> BlurDatesOfBirthAsync(SafeguardDbContext db, Guid childId, DateOnly born, CancellationToken cancellationToken) =>
        SetDateAsync(db, childId, born, new DateOnly(born.Year, 1, 1), cancellationToken);

    private static async Task<int> SetDateAsync(SafeguardDbContext db, Guid childId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var table in db.Model.GetRelationalModel().Tables.Where(t => !Untouched.Contains(t.Name)))
        {
            var owner = table.Name == TableOf<Child>(db) ? "Id" : table.FindColumn("ChildId") is not null ? "ChildId" : null;
            if (owner is null)
            {
                continue;
            }

            foreach (var column in table.Columns.Where(c => c.Name.Contains("DateOfBirth", StringComparison.Ordinal) && c.ProviderClrType != typeof(string)))
            {
                count += await db.Database.ExecuteSqlRawAsync(
                    $"UPDATE {Quote(table.Name)} SET {Quote(column.Name)} = {{0}} WHERE {Quote(owner)} = {{1}} AND {Quote(column.Name)} = {{2}}",
                    [to, childId, from], cancellationToken);
            }
        }

        return count;
    }

    /// <summary>
    /// Every text and JSON column of every table but the audit trail, within the area: each term (matched whole, in any case)
    /// replaced by what it stands for. Returns how many values changed.
    /// </summary>
    private static async Task<int> ReplaceEverywhereAsync(SafeguardDbContext db, Guid areaId, Dictionary<string, string> terms,
        CancellationToken cancellationToken)
    {
        if (terms.Count == 0)
        {
            return 0;
        }

        var pattern = new Regex(string.Join('|', terms.Keys.OrderByDescending(k => k.Length)
            .Select(k => @"(?<![\p{L}\p{N}])" + Regex.Escape(k) + @"(?![\p{L}\p{N}])")), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(5));
        var postgres = IsPostgres(db);
        var like = postgres ? "ILIKE" : "LIKE";
        var guidMapping = db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(Guid))!;
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var changed = 0;
        try
        {
            foreach (var table in db.Model.GetRelationalModel().Tables.Where(t => !Untouched.Contains(t.Name) && !IsPeopleOrOrganisations(t.Name)
                && t.PrimaryKey is not null))
            {
                var keys = table.PrimaryKey!.Columns.ToList();
                var texts = table.Columns.Where(c => HoldsText(c) && !keys.Contains(c)).ToList();
                if (texts.Count == 0)
                {
                    continue;
                }

                List<(object[] Key, Dictionary<string, string> Values)> rows = [];
                await using (var select = connection.CreateCommand())
                {
                    select.Transaction = transaction;
                    var conditions = new List<string>();
                    var n = 0;
                    foreach (var term in terms.Keys)
                    {
                        var p = select.CreateParameter();
                        p.ParameterName = "@t" + n;
                        p.Value = "%" + term + "%";
                        select.Parameters.Add(p);
                        conditions.AddRange(texts.Select(c => $"CAST({Quote(c.Name)} AS TEXT) {like} @t{n}"));
                        n++;
                    }

                    var where = "(" + string.Join(" OR ", conditions) + ")";
                    if (table.FindColumn("AreaId") is not null)
                    {
                        select.Parameters.Add(guidMapping.CreateParameter(select, "@area", areaId));
                        where += " AND \"AreaId\" = @area";
                    }

                    select.CommandText = $"SELECT {string.Join(", ", keys.Select(k => Quote(k.Name)))}, "
                        + $"{string.Join(", ", texts.Select(c => $"CAST({Quote(c.Name)} AS TEXT)"))} FROM {Quote(table.Name)} WHERE {where}";
                    await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        var key = keys.Select((_, i) => reader.GetValue(i)).ToArray();
                        var values = new Dictionary<string, string>();
                        for (var i = 0; i < texts.Count; i++)
                        {
                            if (!reader.IsDBNull(keys.Count + i) && reader.GetString(keys.Count + i) is var text
                                && pattern.Replace(text, m => terms[m.Value]) is var replaced && replaced != text)
                            {
                                values[texts[i].Name] = replaced;
                            }
                        }

                        if (values.Count > 0)
                        {
                            rows.Add((key, values));
                        }
                    }
                }

                foreach (var (key, values) in rows)
                {
                    await using var update = connection.CreateCommand();
                    update.Transaction = transaction;
                    var sets = new List<string>();
                    var n = 0;
                    foreach (var (column, value) in values)
                    {
                        var p = update.CreateParameter();
                        p.ParameterName = "@v" + n;
                        p.Value = value;
                        update.Parameters.Add(p);
                        var storeType = table.FindColumn(column)!.StoreType;
                        sets.Add(postgres && storeType.StartsWith("json", StringComparison.OrdinalIgnoreCase)
                            ? $"{Quote(column)} = CAST(@v{n} AS {storeType})" : $"{Quote(column)} = @v{n}");
                        n++;
                    }

                    var matches = new List<string>();
                    for (var i = 0; i < keys.Count; i++)
                    {
                        var p = update.CreateParameter();
                        p.ParameterName = "@k" + i;
                        p.Value = key[i];
                        update.Parameters.Add(p);
                        matches.Add($"{Quote(keys[i].Name)} = @k{i}");
                    }

                    update.CommandText = $"UPDATE {Quote(table.Name)} SET {string.Join(", ", sets)} WHERE {string.Join(" AND ", matches)}";
                    changed += await update.ExecuteNonQueryAsync(cancellationToken) * values.Count;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return changed;
    }
}
