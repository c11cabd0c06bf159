using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Data.Audit;
using Safeguard.Domain.Calendar;
using Safeguard.Domain.Rules;
using Safeguard.Web.Authorization;
using Safeguard.Web.Departures;

namespace Safeguard.Web.Pages.Departures;

/// <summary>Managers see the area's recorded departures from SHOULD rules, and how many of each rule in the yearly report's year (GEN-02).</summary>
[Authorize(Policy = Policies.FrontDoorDecision)]
public sealed class IndexModel(DepartureSteps steps, AuditLog audit, TimeProvider time) : PageModel
{
    public IReadOnlyList<DepartureView> Departures { get; private set; } = [];

    public DepartureCounts Counts { get; private set; } = null!;

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public string? RuleId { get; private set; }

    public async Task OnGetAsync(int? year, string? ruleId, CancellationToken cancellationToken)
    {
        var today = EnglandClock.Today(time);
        var reportYear = year is >= 2000 and <= 2100 ? year.Value : Departure.ReportYearOf(today);
        Counts = await steps.CountAsync(reportYear, cancellationToken);
        From = Counts.From;
        To = Counts.To;
        RuleId = string.IsNullOrWhiteSpace(ruleId) ? null : ruleId;
        Departures = await steps.ListAsync(From, To, RuleId, cancellationToken);
        await audit.ListedAsync("Recorded departures from rules", Departures.Select(d => d.ChildId), Policies.ChildrenSocialCareBasis, cancellationToken);
    }
}
