using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Domain.Organisation;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.Children;
using Safeguard.Web.Errors;
using Safeguard.Web.OperationEncompass;

namespace Safeguard.Web.Pages.Encompass;

[Authorize(Policy = Policies.Police)]
public sealed class NewModel(SafeguardDbContext db, SendEncompassNotification send) : PageModel, IMapsRuleFields
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [BindProperty]
    public EncompassForm Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Settings { get; private set; } = [];

    public string FormKeyFor(string domainField) => domainField switch
    {
        "DateOfBirth" => "Input.DobDay",
        "IncidentAt" => "Input.IncidentDate",
        _ => "Input." + domainField,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadSettingsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadSettingsAsync(cancellationToken);
        DateOnly? born = null;
        if (!DateOnly.TryParseExact($"{Input.DobYear}-{Input.DobMonth?.PadLeft(2, '0')}-{Input.DobDay?.PadLeft(2, '0')}", "yyyy-MM-dd",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var dob))
        {
            ModelState.AddModelError("Input.DobDay", "Date of birth must be a real date, like 27 3 2019");
        }
        else
        {
            born = dob;
        }

        DateTimeOffset? incidentAt = null;
        if (!DateTime.TryParseExact($"{Input.IncidentDate} {Input.IncidentTime}", "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var local))
        {
            ModelState.AddModelError("Input.IncidentDate", "Enter the date (like 2026-11-21) and time (like 21:30) the police attended");
        }
        else
        {
            incidentAt = new DateTimeOffset(local, London.GetUtcOffset(local));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await send.HandleAsync(User.AreaId()!.Value, User.PractitionerId()!.Value, new EncompassInput
        {
            Child = new ChildInput { GivenName = Input.GivenName, FamilyName = Input.FamilyName, DateOfBirth = born, Sex = "U", EthnicityCode = "NOBT",
                NhsNumber = Input.NhsNumber },
            SettingAgencyId = Input.SettingAgencyId,
            IncidentAt = incidentAt,
            ChildPresent = Input.ChildPresent == true,
            Summary = Input.Summary,
        }, HttpContext.RequestAborted);
        return RedirectToPage("/Encompass/Index");
    }

    private async Task LoadSettingsAsync(CancellationToken cancellationToken) =>
        Settings = [.. (await db.Agencies.Where(a => a.Kind == AgencyKind.School || a.Kind == AgencyKind.College || a.Kind == AgencyKind.EarlyYears)
            .OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken)).Select(a => (a.Id, a.Name))];

    public sealed class EncompassForm
    {
        [Required(ErrorMessage = "Enter the child's first name")]
        [MaxLength(100, ErrorMessage = "First name must be 100 characters or fewer")]
        public string? GivenName { get; set; }

        [Required(ErrorMessage = "Enter the child's last name")]
        [MaxLength(100, ErrorMessage = "Last name must be 100 characters or fewer")]
        public string? FamilyName { get; set; }

        public string? DobDay { get; set; }

        public string? DobMonth { get; set; }

        public string? DobYear { get; set; }

        [MaxLength(20, ErrorMessage = "NHS number must be 10 digits")]
        public string? NhsNumber { get; set; }

        [Required(ErrorMessage = "Choose the child's school, college or early years setting")]
        public Guid? SettingAgencyId { get; set; }

        public string? IncidentDate { get; set; }

        public string? IncidentTime { get; set; }

        [Required(ErrorMessage = "Select whether the child was present")]
        public bool? ChildPresent { get; set; }

        [Required(ErrorMessage = "Say what the setting needs to know to support the child")]
        [MaxLength(2_000, ErrorMessage = "The summary must be 2,000 characters or fewer")]
        public string? Summary { get; set; }
    }
}
