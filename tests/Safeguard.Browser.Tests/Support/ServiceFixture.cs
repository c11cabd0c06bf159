using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Web;

namespace Safeguard.Browser.Tests.Support;

/// <summary>
/// The real service on Kestrel on a free loopback port, with a fresh SQLite database and the synthetic demo area,
/// and Debian's Chromium driven by Playwright. Started once for all browser tests.
/// </summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("safeguard-browser-").FullName;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>
    /// The service's clock: the real time, moved forward only by a test that needs a later day (a review conference after the
    /// conference that made the plan). Browser tests run one at a time; such a test moves it back when it ends.
    /// </summary>
    public ShiftedClock Clock { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public static string RepositoryRoot { get; } = FindRoot();

    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        _app = SafeguardApp.Build([
            "--urls", "http://127.0.0.1:0",
            "--Database:Provider", "Sqlite",
            "--ConnectionStrings:Safeguard", $"Data Source={Path.Combine(_folder, "safeguard.db")}",
            "--Seed:Children", "20",
            "--Authentication:SignInAttemptsPerMinute", "10000",
        ], builder => builder.Services.AddSingleton<TimeProvider>(Clock));
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own cookies). Axe is injected as a script, so the page's CSP is bypassed for it.</summary>
    public Task<IBrowserContext> NewContextAsync(bool javaScript = true) => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseUrl,
        BypassCSP = true,
        JavaScriptEnabled = javaScript,
        ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
    });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Safeguard.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Safeguard.slnx) above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class ServiceGroup : ICollectionFixture<ServiceFixture>
{
    public const string Name = "Service";
}

/// <summary>The real time plus an offset a test sets.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
