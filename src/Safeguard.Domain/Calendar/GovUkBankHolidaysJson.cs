using System.Globalization;
using System.Text.Json;

namespace Safeguard.Domain.Calendar;

/// <summary>Reads gov.uk's published bank holidays file (bank-holidays.json): the england-and-wales division only.</summary>
public static class GovUkBankHolidaysJson
{
    /// <exception cref="FormatException">The text is not that file's shape.</exception>
    public static IReadOnlyList<DateOnly> Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var events = document.RootElement.GetProperty("england-and-wales").GetProperty("events");
            return [.. events.EnumerateArray()
                .Select(e => DateOnly.ParseExact(e.GetProperty("date").GetString() ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Order()];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException("This is not gov.uk's bank-holidays.json: it needs an \"england-and-wales\" division with events that have dates (yyyy-MM-dd).", e);
        }
    }
}
