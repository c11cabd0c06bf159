using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Audit;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Audit;

/// <summary>"Who has looked at this child's record", for the data protection officer, on screen and as CSV.</summary>
[Authorize(Policy = Policies.AuditTrail)]
public sealed class ChildModel(SafeguardDbContext db, AuditLog audit) : PageModel
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public Guid Id { get; private set; }

    public string ChildName { get; private set; } = string.Empty;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var csv = new StringBuilder("When,Who,Agency,What,Why,From\n");
        foreach (var r in Rows)
        {
            csv.AppendJoin(',', new[] { r.When, r.Who, r.Agency, r.What, r.Why, r.Origin }.Select(Cell)).Append('\n');
        }

        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"audit-{id}.csv");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var name = await db.Children.Where(c => c.Id == id).Select(c => c.GivenName + " " + c.FamilyName).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return false;
        }

        await audit.ReadAsync("AuditTrail", id, id, Policies.AuditTrailBasis, cancellationToken);
        Id = id;
        ChildName = name;
        var rows = await (from a in db.AuditEntries
                          where a.ChildId == id
                          join p in db.Practitioners on a.PractitionerId equals p.Id into practitioners
                          from p in practitioners.DefaultIfEmpty()
                          join g in db.Agencies on a.AgencyId equals g.Id into agencies
                          from g in agencies.DefaultIfEmpty()
                          orderby a.Id descending
                          select new { a.At, Who = p == null ? null : p.GivenName + " " + p.FamilyName, Agency = g == null ? null : g.Name, a.Action, a.RecordType, a.Detail, a.Basis, a.Origin })
            .ToListAsync(cancellationToken);
        // Search terms and break-glass reasons are sealed with the child's key: read here with it, or "[erased]" once it is destroyed.
        var key = rows.Any(r => AuditSeal.IsSealed(r.Detail) || AuditSeal.IsSealed(r.Basis))
            ? (await AuditSeal.KeysAsync(db, [id], create: false, cancellationToken)).GetValueOrDefault(id)
            : null;
        Rows = [.. rows.Select(r => new Row(
            TimeZoneInfo.ConvertTime(r.At, London).ToString("d MMM yyyy HH:mm:ss", CultureInfo.GetCultureInfo("en-GB")),
            r.Who ?? "Operator command",
            r.Agency ?? string.Empty,
            Describe(r.Action, r.RecordType, AuditSeal.Open(r.Detail, key)),
            AuditSeal.Open(r.Basis, key) ?? string.Empty,
            r.Origin ?? string.Empty))];
        return true;
    }

    private static string Describe(AuditAction action, string recordType, string? detail) => action switch
    {
        AuditAction.Read when recordType == "AuditTrail" => "Viewed this audit trail",
        AuditAction.Read when recordType == Safeguard.Web.DataProtection.DataProtectionSteps.ExportRecordType => "Produced a subject access export",
        AuditAction.Read when recordType == "DataProtectionRequest" => "Viewed a data protection request about the record",
        AuditAction.Read => "Viewed the record",
        AuditAction.Searched => $"Saw the child in search results ({detail})",
        AuditAction.Created => $"Created {Words(recordType)}",
        AuditAction.Changed => $"Changed {Words(recordType)}",
        AuditAction.Removed => $"Removed {Words(recordType)}",
        AuditAction.BreakGlass => "Broke the glass to view the record",
        _ => action.ToString(),
    };

    private static string Words(string recordType) => recordType switch
    {
        "Child" => "the child's record",
        "Relationship" => "a family relationship",
        "FamilyMember" => "a family member's record",
        AuditInterceptor.InformationSharingRecordType => "a record of information shared",
        "DataProtectionRequest" => "a data protection request",
        _ => recordType,
    };

    /// <summary>A CSV cell, quoted, and made inert in a spreadsheet (a leading = + - @ is not read as a formula).</summary>
    private static string Cell(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public sealed record Row(string When, string Who, string Agency, string What, string Why, string Origin);
}
