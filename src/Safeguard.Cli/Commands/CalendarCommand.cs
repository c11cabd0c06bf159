using System.CommandLine;
using System.Globalization;
using Safeguard.Data;
using Safeguard.Domain.Calendar;

namespace Safeguard.Cli.Commands;

/// <summary>
/// <c>safeguard calendar import FILE</c>: takes gov.uk's bank-holidays.json so that newly proclaimed bank holidays
/// count without a release. The file is kept at <see cref="ImportedFile"/> and read by every clock from then on.
/// </summary>
public static class CalendarCommand
{
    /// <summary>Where the imported list is kept (<c>Calendar:ImportedFile</c>; relative to the folder the service runs in, like the database).</summary>
    public static string ImportedFile(OperatorConfiguration configuration) => ImportedCalendar.FileFrom(configuration.Build());

    /// <summary>England's calendar with the imported list, if there is one.</summary>
    public static WorkingDayCalendar Load(OperatorConfiguration configuration) => ImportedCalendar.Load(ImportedFile(configuration));

    public static Command Create(OperatorConfiguration configuration)
    {
        var file = new Argument<string>("file") { Description = "gov.uk's bank-holidays.json." };
        var import = new Command("import", "Import gov.uk's bank-holidays.json (England and Wales).") { file };
        import.SetAction(parse => WorkdaysCommand.Run(() =>
        {
            var path = parse.GetValue(file)!;
            var importedFile = ImportedFile(configuration);
            var text = File.ReadAllText(path);
            var dates = GovUkBankHolidaysJson.Parse(text);
            var differences = dates.Select(d => d.Year).Distinct()
                .Where(year => year >= WorkingDayCalendar.FirstDay.Year && year <= WorkingDayCalendar.LastDay.Year)
                .SelectMany(year => dates.Where(d => d.Year == year).Except(EnglandBankHolidays.For(year)).Select(d => (Date: d, InFile: true))
                    .Concat(EnglandBankHolidays.For(year).Except(dates).Select(d => (Date: d, InFile: false))))
                .OrderBy(d => d.Date)
                .ToList();
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(importedFile))!);
            File.WriteAllText(importedFile, text);
            Console.WriteLine($"Imported {dates.Count.ToString(CultureInfo.InvariantCulture)} England and Wales bank holidays to {importedFile}; " +
                (differences.Count == 0 ? "they agree with the rules." : "for the years it covers, it differs from the rules on:"));
            foreach (var (date, inFile) in differences)
            {
                Console.WriteLine($"{date:yyyy-MM-dd}\t{(inFile ? "a bank holiday in the file, not in the rules" : "a bank holiday in the rules, not in the file")}");
            }
        }));
        return new Command("calendar", "The bank holiday calendar.") { import };
    }
}
