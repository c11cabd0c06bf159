using Microsoft.AspNetCore.Identity;
using Safeguard.Data;
using Safeguard.Data.Identity;
using Safeguard.Data.Seeding;

namespace Safeguard.Cli;

/// <summary>
/// The services an operator command needs (database, accounts, seeder) without the web server, configured
/// the same way as the service: environment variables, an appsettings.json in the current folder, and
/// <c>--Database:Provider</c>-style arguments.
/// </summary>
public static class OperatorHost
{
    public static IHost Build(OperatorConfiguration configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configuration.Arguments });
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IActor>(new OperatorActor("safeguard " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Take(2))));
        builder.Services.AddSafeguardDatabase();
        builder.Services.AddIdentityCore<SafeguardUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<SafeguardDbContext>()
            .AddUserStore<SafeguardUserStore>();
        builder.Services.AddScoped<Seeder>();
        return builder.Build();
    }
}
