using Microsoft.Extensions.Configuration;

namespace Safeguard.Cli;

/// <summary>
/// The configuration every operator command takes, the same way as <c>serve</c>: an appsettings.json in the current
/// folder, environment variables (<c>Database__Provider=PostgreSql</c>) and, winning over both, arguments written as
/// configuration keys anywhere on the command line (<c>--Database:Provider PostgreSql</c> or
/// <c>--ConnectionStrings:Safeguard=Data Source=x.db</c>). A key is told from a command's own option by its colon.
/// </summary>
public sealed class OperatorConfiguration
{
    private OperatorConfiguration(string[] arguments) => Arguments = arguments;

    /// <summary>The configuration arguments, as the host's own argument parser reads them.</summary>
    public string[] Arguments { get; }

    public static OperatorConfiguration None { get; } = new([]);

    /// <summary>Splits a command line into the command's own tokens and the configuration arguments.</summary>
    public static (string[] Command, OperatorConfiguration Configuration) Split(string[] args)
    {
        var command = new List<string>();
        var configuration = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!IsConfigurationKey(args[i]))
            {
                command.Add(args[i]);
                continue;
            }

            configuration.Add(args[i]);
            if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                configuration.Add(args[++i]);
            }
        }

        return ([.. command], new OperatorConfiguration([.. configuration]));
    }

    /// <summary>The configuration alone (for commands that need no database): appsettings.json, environment, arguments.</summary>
    public IConfiguration Build() => new ConfigurationBuilder()
        .SetBasePath(Directory.GetCurrentDirectory())
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(Arguments)
        .Build();

    private static bool IsConfigurationKey(string token)
    {
        if (!token.StartsWith("--", StringComparison.Ordinal))
        {
            return false;
        }

        var key = token.AsSpan(2);
        var equals = key.IndexOf('=');
        if (equals >= 0)
        {
            key = key[..equals];
        }

        return key.Contains(':');
    }
}
