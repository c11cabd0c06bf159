using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Web.Authorization;
using Safeguard.Web.DataProtection;

namespace Safeguard.Web.Pages.DataProtection;

/// <summary>The subject access export, redacted for review: printable, or as a JSON download. Each is audited.</summary>
[Authorize(Policy = Policies.DataProtection)]
public sealed class ExportModel(DataProtectionSteps steps) : PageModel, Errors.IMapsRuleFields
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public SubjectAccessExport Export { get; private set; } = null!;

    /// <summary>The export was refused (the requester's identity check is not recorded yet): the page says why.</summary>
    public bool Refused => Export is null;

    /// <summary>A refusal is about the request, not a field of this page.</summary>
    public string FormKeyFor(string domainField) => string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Export = await steps.ExportAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(Guid id, CancellationToken cancellationToken)
    {
        var export = await steps.ExportAsync(id, cancellationToken);
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", $"subject-access-{id}.json");
    }
}
