using Microsoft.Extensions.Configuration;
using Safeguard.Domain.Calendar;

namespace Safeguard.Data;

/// <summary>
/// The working-day calendar the service uses: England's rules, with gov.uk's bank-holidays.json laid over them when
/// an operator has imported one (<c>safeguard calendar import</c>), so a newly proclaimed bank holiday counts
/// without a release.
/// </summary>
public static class ImportedCalendar
{
    public static string FileFrom(IConfiguration? configuration) =>
        configuration?["Calendar:ImportedFile"] ?? Environment.GetEnvironmentVariable("SAFEGUARD_BANK_HOLIDAYS") ?? Path.Combine("data", "bank-holidays.json");

    public static WorkingDayCalendar Load(string path) => File.Exists(path)
        ? WorkingDayCalendar.WithImported(GovUkBankHolidaysJson.Parse(File.ReadAllText(path)))
        : WorkingDayCalendar.England;
}
