using System.CommandLine;
using Safeguard.Cli.Commands;
using Safeguard.Data.Seeding;
using Safeguard.Domain.Organisation;
using Safeguard.Web;

namespace Safeguard.Cli;

/// <summary>
/// The <c>safeguard</c> command. With no verb, or with only host options such as <c>--urls</c>, it serves the
/// web app, so that the host's own arguments (and the test host's) reach ASP.NET Core unchanged.
/// </summary>
public static class SafeguardCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (operatorArgs, configuration) = OperatorConfiguration.Split(args);
        var root = new RootCommand("Safeguard: help, support and protect children, together (Working Together to Safeguard Children 2026).")
        {
            ServeCommand.Create(configuration),
            MigrateCommand.Create(configuration),
            SeedCommand.Create(configuration),
            UsersCommand.Create(configuration),
            WorkdaysCommand.Create(configuration),
            CalendarCommand.Create(configuration),
            RulesCommand.Create(configuration),
            StrategyDiscussionTargetCommand.Create(configuration),
        };

        if (operatorArgs.Length == 0 || (operatorArgs[0].StartsWith('-') && operatorArgs[0] is not ("-h" or "--help" or "-?" or "--version")))
        {
            await ServeCommand.ServeAsync(args);
            return 0;
        }

        return await root.Parse(operatorArgs).InvokeAsync();
    }
}

/// <summary><c>safeguard serve [host options]</c>: migrate, seed the demo area the first time, and serve.</summary>
public static class ServeCommand
{
    public static Command Create(OperatorConfiguration configuration)
    {
        var command = new Command("serve", "Migrate the database, seed the demo area the first time, and serve the web app. " +
            "Host options such as --urls http://127.0.0.1:5080 pass through to ASP.NET Core.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parse, _) =>
        {
            await ServeAsync([.. configuration.Arguments, .. parse.UnmatchedTokens]);
            return 0;
        });
        return command;
    }

    public static async Task ServeAsync(string[] hostArgs)
    {
        var app = SafeguardApp.Build(hostArgs);
        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app));
        await app.RunAsync();
    }

    private static void PrintWelcome(WebApplication app)
    {
        Console.WriteLine();
        Console.WriteLine($"Safeguard is serving at {string.Join(", ", app.Urls)}");
        if (app.Configuration.GetValue("Seed:DemoArea", true))
        {
            Console.WriteLine($"Demo area: {DemoArea.Name} (synthetic). Every demo account's password is {DemoArea.Password}");
            foreach (var account in DemoArea.Accounts)
            {
                var roles = account.Roles.Length == 0 ? "Practitioner" : string.Join(", ", account.Roles.Select(r => r.DisplayName()));
                Console.WriteLine($"  {DemoArea.EmailOf(account),-36} {account.JobTitle} ({roles})");
            }
        }

        Console.WriteLine("Press Ctrl+C to stop.");
    }
}
