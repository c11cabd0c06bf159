using System.CommandLine;
using Safeguard.Data;

namespace Safeguard.Cli.Commands;

/// <summary>
/// <c>safeguard migrate</c>: apply the database migrations for the configured provider — on PostgreSQL as the owner role
/// when <c>ConnectionStrings:Migrations</c> is set — then give older records their participant rows on the service's connection.
/// </summary>
public static class MigrateCommand
{
    public static Command Create(OperatorConfiguration configuration)
    {
        var command = new Command("migrate", "Apply database migrations (SQLite by default; PostgreSQL with Database:Provider=PostgreSql).");
        command.SetAction(async (_, cancellationToken) =>
        {
            using var host = OperatorHost.Build(configuration);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var logger = scope.ServiceProvider.GetRequiredService<ILogger<SafeguardDbContext>>();
            await DatabaseStartup.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<IConfiguration>(), logger, cancellationToken);
            await Data.Participation.ParticipantBackfill.RunAsync(db, logger, cancellationToken);
            Console.WriteLine("The database is up to date.");
            return 0;
        });
        return command;
    }
}
