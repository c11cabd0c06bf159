using System.CommandLine;
using Safeguard.Data;
using Safeguard.Data.Seeding;
using Safeguard.Domain.Calendar;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard seed --children N [--seed S]</c>: add synthetic children to the demo area.</summary>
public static class SeedCommand
{
    public static Command Create(OperatorConfiguration configuration)
    {
        var children = new Option<int>("--children") { Description = "How many synthetic children to add.", Required = true };
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed gives the same children.", DefaultValueFactory = _ => 1 };
        var command = new Command("seed", "Migrate, create the synthetic demo area if missing, and add N synthetic children to it.") { children, seed };
        command.Validators.Add(result =>
        {
            if (result.GetValue(children) is < 0 or > 10_000_000)
            {
                result.AddError("--children must be between 0 and 10,000,000.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = OperatorHost.Build(configuration);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            await DatabaseStartup.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<ILogger<SafeguardDbContext>>(), cancellationToken);
            var seeder = scope.ServiceProvider.GetRequiredService<Seeder>();
            await seeder.EnsureDemoAreaAsync(cancellationToken);
            var today = EnglandClock.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
            var added = await seeder.AddChildrenAsync(DemoArea.AreaId, parse.GetValue(children), parse.GetValue(seed), today, cancellationToken);
            Console.WriteLine($"Added {added} synthetic children to {DemoArea.Name}.");
            return 0;
        });
        return command;
    }
}
