using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Safeguard.Data;

/// <summary>
/// A rule that a parent record has at most one of something (one section 47 enquiry per strategy discussion, one open
/// episode per child...), kept by a unique index of its own. The step checks the rule first and refuses with the rule's
/// id; the index is the backstop for two requests that both passed the check at the same moment: the second save fails,
/// and the user is told which rule it broke (<see cref="RuleConflictException"/>), instead of a second record.
/// </summary>
/// <param name="IndexName">The unique index's name in both databases (PostgreSQL reports it on a violation).</param>
/// <param name="Table">Its table.</param>
/// <param name="Columns">Its columns, in order (SQLite reports the table and columns on a violation).</param>
/// <param name="Filter">For "one open ..." rules, the rows the index covers: SQL both databases read (column names in double quotes).</param>
public sealed record OnePerParentRule(string IndexName, string Table, IReadOnlyList<string> Columns, string? Filter, string RuleId, string Message);

/// <summary>Every one-per-parent rule the database keeps, and the translation of a violation of its index into the rule.</summary>
public static class OnePerParent
{
    public static readonly OnePerParentRule OneOpenEpisodePerChild = new("UX_Episodes_OneOpenPerChild", "Episodes", ["ChildId"],
        "\"ClosedOn\" IS NULL", "SG-EP-19", "The child already has an open episode: this referral's work joins it.");

    public static readonly OnePerParentRule OneEnquiryPerDiscussion = new("UX_Section47Enquiries_OnePerDiscussion", "Section47Enquiries",
        ["StrategyDiscussionId"], null, "SG-S47-05", "The section 47 enquiry from this discussion has already started.");

    public static readonly OnePerParentRule OneInitialConferencePerEnquiry = new("UX_ChildProtectionConferences_OnePerEnquiry", "ChildProtectionConferences",
        ["Section47EnquiryId"], "\"Section47EnquiryId\" IS NOT NULL", "SG-CP-06", "The initial conference for this enquiry has already been recorded.");

    public static readonly OnePerParentRule OneTransferInConferencePerEpisode = new("UX_ChildProtectionConferences_OneTransferInPerEpisode",
        "ChildProtectionConferences", ["EpisodeId"], "\"Kind\" = 'TransferIn'", "SG-CP-06", "The transfer-in conference has already been recorded.");

    public static readonly OnePerParentRule OneOpenChildProtectionPlanPerChild = new("UX_ChildProtectionPlans_OneOpenPerChild", "ChildProtectionPlans",
        ["ChildId"], "\"EndedOn\" IS NULL", "SG-CP-08", "The child is already on a child protection plan: review it at a review conference instead.");

    public static readonly OnePerParentRule OneInitialMeetingPerEnquiry = new("UX_ConferenceMeetings_OnePerEnquiry", "ConferenceMeetings",
        ["Section47EnquiryId"], "\"Section47EnquiryId\" IS NOT NULL", "SG-CM-07", "The initial conference for this enquiry is already arranged.");

    public static readonly OnePerParentRule OneArrangedReviewPerPlan = new("UX_ConferenceMeetings_OneArrangedReviewPerPlan", "ConferenceMeetings",
        ["PlanId"], "\"PlanId\" IS NOT NULL AND \"HeldOn\" IS NULL", "SG-CM-07", "The next review conference for this plan is already arranged.");

    public static readonly OnePerParentRule OneOpenPreProceedingsPerEpisode = new("UX_PreProceedings_OneOpenPerEpisode", "PreProceedings",
        ["EpisodeId"], "\"Started\" AND \"EndedOn\" IS NULL", "SG-PRE-13", "Pre-proceedings are already under way for this child.");

    public static readonly OnePerParentRule OneOpenLookedAfterPeriodPerChild = new("UX_LookedAfterPeriods_OneOpenPerChild", "LookedAfterPeriods",
        ["ChildId"], "\"EndedOn\" IS NULL", "SG-LAC-29",
        "The child is already looked after: record a change of legal status or placement on their looked after record.");

    public static readonly OnePerParentRule OneUnfinishedAssessmentPerEpisode = new("UX_Assessments_OneUnfinishedPerEpisode", "Assessments",
        ["EpisodeId"], "\"Status\" <> 'Authorised'", "SG-ASM-01", "This episode already has an assessment in progress.");

    public static readonly OnePerParentRule OneOpenPlanPerChild = new("UX_Plans_OneOpenPerChild", "Plans", ["ChildId"], "\"EndedOn\" IS NULL",
        "SG-PLAN-01", "The child already has an open plan: review or end it instead.");

    public static readonly OnePerParentRule OneWaitingAccessRequestPerPractitioner = new("UX_AccessRequests_OneWaitingPerPractitionerAndChild",
        "AccessRequests", ["ChildId", "RequestedBy"], "\"DecidedAt\" IS NULL", "SG-AC-09",
        "You have already asked for access to this record: wait for the manager's decision.");

    public static readonly IReadOnlyList<OnePerParentRule> All =
    [
        OneOpenEpisodePerChild, OneEnquiryPerDiscussion, OneInitialConferencePerEnquiry, OneTransferInConferencePerEpisode,
        OneOpenChildProtectionPlanPerChild, OneInitialMeetingPerEnquiry, OneArrangedReviewPerPlan, OneOpenPreProceedingsPerEpisode,
        OneOpenLookedAfterPeriodPerChild, OneUnfinishedAssessmentPerEpisode, OneOpenPlanPerChild, OneWaitingAccessRequestPerPractitioner,
    ];

    /// <summary>The rule whose index a failed save broke, or null when the failure is something else.</summary>
    public static OnePerParentRule? Broken(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => All.FirstOrDefault(r => r.IndexName == pg.ConstraintName),
            SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 } sqlite => FromSqliteMessage(sqlite.Message),
            _ => null,
        };
    }

    /// <summary>
    /// Two saves moved the same statutory clock at the same moment (a clock's id comes from its subject and rule, so both
    /// tried to write it first): the later one was working on a record that changed after it read it.
    /// </summary>
    public static bool IsClockRace(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => pg.ConstraintName == "PK_ClockRecords",
            SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 1555 or 2067 } sqlite =>
                sqlite.Message.Contains("UNIQUE constraint failed: ClockRecords.", StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>
    /// Two saves appended the same place in one record's history at the same moment (the record event store's unique index on
    /// record and sequence): the later one was working on a record whose history changed after it read it.
    /// </summary>
    public static bool IsHistoryRace(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => pg.ConstraintName == "IX_RecordEvents_AreaId_RecordKind_RecordId_Sequence",
            SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 } sqlite =>
                sqlite.Message.Contains("UNIQUE constraint failed: RecordEvents.", StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>
    /// After a history race: the one-per-parent rule the failed save's new records would now break, because the save that won
    /// made the record first (two starts of one enquiry both append to its strategy discussion's history, and the history's
    /// index may refuse the second before the enquiries' own index does). Null when no rule is now broken: the loser was
    /// simply working on a record that changed.
    /// </summary>
    public static async Task<OnePerParentRule?> TakenByRaceAsync(SafeguardDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sqlite = db.Database.IsSqlite();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
        {
            foreach (var rule in All.Where(r => r.Table == entry.Metadata.GetTableName()))
            {
                var values = rule.Columns.Select(c => entry.Property(c).CurrentValue)
                    .Select(v => sqlite && v is Guid g ? g.ToString().ToUpperInvariant() : v).ToArray();
                var where = string.Join(" AND ", rule.Columns.Select((c, i) => $"\"{c}\" = {{{i}}}"))
                    + (rule.Filter is null ? string.Empty : $" AND ({rule.Filter})");
                // The table, columns and filter are the rule's own (this file), never input; the values are parameters.
#pragma warning disable EF1002
                var taken = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{rule.Table}\" WHERE {where}", values!)
                    .SingleAsync(cancellationToken);
#pragma warning restore EF1002
                if (taken > 0)
                {
                    return rule;
                }
            }
        }

        return null;
    }

    /// <summary>SQLite names the table and columns: "UNIQUE constraint failed: Section47Enquiries.StrategyDiscussionId".</summary>
    private static OnePerParentRule? FromSqliteMessage(string message)
    {
        const string marker = "UNIQUE constraint failed: ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var failed = message[(at + marker.Length)..].Split('\'')[0].Trim().TrimEnd('.')
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return All.FirstOrDefault(r => r.Columns.Count == failed.Length && r.Columns.Select(c => $"{r.Table}.{c}").SequenceEqual(failed, StringComparer.Ordinal));
    }
}

/// <summary>
/// A step lost a race to a rule only one record may satisfy: another request made the record a moment earlier. Nothing
/// was saved. Pages show the rule's message in the error summary; the API answers 409 with the rule id.
/// </summary>
public sealed class RuleConflictException(OnePerParentRule rule, DbUpdateException inner)
    : DbUpdateException(rule?.Message ?? string.Empty, inner)
{
    public OnePerParentRule Rule { get; } = rule ?? throw new ArgumentNullException(nameof(rule));

    public string RuleId => Rule.RuleId;
}
