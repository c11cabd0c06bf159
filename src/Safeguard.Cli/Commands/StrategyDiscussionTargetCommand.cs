using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Seeding;
using Safeguard.Domain;

namespace Safeguard.Cli.Commands;

/// <summary>
/// <c>safeguard strategy-discussion-target [--area 999] [--working-days N]</c>: prints the area's own target for holding a strategy discussion
/// the front door decided, in working days, and with <c>--working-days</c> sets it (0, the same day, to 10). The guidance sets no national
/// timescale (A-26): it is a local target, never reported as a statutory breach. Discussions still waiting are then due by the new target.
/// </summary>
public static class StrategyDiscussionTargetCommand
{
    public static Command Create(OperatorConfiguration configuration)
    {
        var area = new Option<string>("--area") { Description = "The area's 3-digit LA number.", DefaultValueFactory = _ => DemoArea.LaNumber };
        var workingDays = new Option<int?>("--working-days") { Description = "The new target in working days: 0 (the same day) to 10." };
        var command = new Command("strategy-discussion-target",
            "The area's own target for holding a strategy discussion the front door decided (a local target; the guidance sets none).") { area, workingDays };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = OperatorHost.Build(configuration);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var laNumber = parse.GetValue(area)!;
            var record = await db.Areas.SingleOrDefaultAsync(a => a.LaNumber == laNumber, cancellationToken);
            if (record is null)
            {
                await Console.Error.WriteLineAsync($"No area with LA number {laNumber}.");
                return 1;
            }

            db.WorkInArea(record.Id);
            if (parse.GetValue(workingDays) is { } days)
            {
                try
                {
                    record.SetStrategyDiscussionTarget(days);
                }
                catch (RuleViolationException refused)
                {
                    await Console.Error.WriteLineAsync($"{refused.RuleId}: {refused.Message}");
                    return 2;
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            Console.WriteLine($"{record.StrategyDiscussionTargetWorkingDays} working day{(record.StrategyDiscussionTargetWorkingDays == 1 ? "" : "s")} (local target)");
            return 0;
        });
        return command;
    }
}
