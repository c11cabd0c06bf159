using System.CommandLine;
using System.Globalization;
using Safeguard.Domain.Rules;

namespace Safeguard.Cli.Commands;

/// <summary>
/// <c>safeguard rules list</c>: every timed rule, one tab-separated line each (id, paragraph, timescale, short name);
/// <c>safeguard rules due RULE-ID YYYY-MM-DD</c>: the due date for a clock started that day, as one plain line.
/// </summary>
public static class RulesCommand
{
    public static Command Create(OperatorConfiguration configuration)
    {
        var list = new Command("list", "Every timed statutory rule: id, paragraph, timescale, short name.");
        list.SetAction(_ =>
        {
            foreach (var rule in StatutoryRules.All)
            {
                Console.WriteLine(string.Join('\t', rule.Id, rule.Paragraph, rule.Timescale, rule.ShortName));
            }

            return 0;
        });

        var id = new Argument<string>("rule") { Description = "A rule id, like REF-04." };
        var start = new Argument<string>("start") { Description = "The day its clock starts (day 0), YYYY-MM-DD." };
        var due = new Command("due", "The due date of a rule's clock started on a given day.") { id, start };
        due.SetAction(parse => WorkdaysCommand.Run(() =>
        {
            var rule = StatutoryRules.Find(parse.GetValue(id) ?? string.Empty)
                ?? throw new FormatException($"There is no rule '{parse.GetValue(id)}'. 'safeguard rules list' shows them all.");
            var date = rule.Due(WorkdaysCommand.ParseDate(parse.GetValue(start)), CalendarCommand.Load(configuration));
            Console.WriteLine(date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? rule.Timescale.ToString());
        }));

        return new Command("rules", "The statutory rules and their timescales.") { list, due };
    }
}
