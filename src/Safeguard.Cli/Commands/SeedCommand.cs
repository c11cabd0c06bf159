using System.CommandLine;
using Safeguard.Data;
using Safeguard.Data.Seeding;
using Safeguard.Domain.Calendar;

namespace Safeguard.Cli.Commands;

/// <summary>
/// <c>safeguard seed --children N [--seed S] [--journeys J]</c>: add synthetic children to the demo area, and whole journeys
/// through children's social care for J of them (a quarter of the new children unless given).
/// </summary>
public static class SeedCommand
{
    public static Command Create(OperatorConfiguration configuration)
    {
        var children = new Option<int>("--children") { Description = "How many synthetic children to add.", Required = true };
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed gives the same children.", DefaultValueFactory = _ => 1 };
        var journeys = new Option<int?>("--journeys")
        {
            Description = "How many of the children have a whole journey (referral, assessment, child protection, looked after, closure); a quarter if not given.",
        };
        var command = new Command("seed", "Migrate, create the synthetic demo area if missing, and add N synthetic children and their journeys to it.")
        {
            children, seed, journeys,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(children) is < 0 or > 10_000_000)
            {
                result.AddError("--children must be between 0 and 10,000,000.");
            }

            if (result.GetValue(journeys) is < 0 || result.GetValue(journeys) > result.GetValue(children))
            {
                result.AddError("--journeys must be between 0 and the number of children.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = OperatorHost.Build(configuration);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            await DatabaseStartup.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<IConfiguration>(),
                scope.ServiceProvider.GetRequiredService<ILogger<SafeguardDbContext>>(), cancellationToken);
            var seeder = scope.ServiceProvider.GetRequiredService<Seeder>();
            await seeder.EnsureDemoAreaAsync(cancellationToken);
            await seeder.EnsureSecondDemoAreaAsync(cancellationToken);
            var today = EnglandClock.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var added = await seeder.AddChildrenAsync(DemoArea.AreaId, parse.GetValue(children), parse.GetValue(seed), today, cancellationToken);
            var journeyCount = await seeder.AddJourneysAsync(DemoArea.AreaId, parse.GetValue(journeys) ?? added / 4, parse.GetValue(seed), today,
                scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>(), cancellationToken);
            Console.WriteLine($"Added {added} synthetic children to {DemoArea.Name}, {journeyCount} of them with a journey, in "
                + $"{System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s.");
            return 0;
        });
        return command;
    }
}
