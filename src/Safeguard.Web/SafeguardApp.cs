using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Safeguard.Data;
using Safeguard.Data.Identity;
using Safeguard.Data.Seeding;
using Safeguard.Web.Account;
using Safeguard.Web.Authorization;
using Safeguard.Web.Children;
using Safeguard.Web.Clocks;
using Safeguard.Web.DataProtection;
using Safeguard.Web.Access;
using Safeguard.Web.ChildProtection;
using Safeguard.Web.Errors;
using Safeguard.Web.FamilyHelp;
using Safeguard.Web.InformationSharing;
using Safeguard.Web.OperationEncompass;
using Safeguard.Web.Referrals;
using Safeguard.Web.Security;

namespace Safeguard.Web;

/// <summary>The web service: its services and its request pipeline, in one place, used by <c>safeguard serve</c> and the tests.</summary>
public static class SafeguardApp
{
    public const string SignInLimit = "sign-in";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(SafeguardApp).Assembly.GetName().Name });
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        AddServices(builder.Services, builder.Configuration);
        configure?.Invoke(builder);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<IActor, HttpActor>();
        services.AddSafeguardDatabase();
        services.AddScoped<Seeder>();
        services.AddScoped<RegisterChild>();
        services.AddScoped<MakeReferral>();
        services.AddSingleton<Forms.ProtectedFormState>();
        services.AddScoped<MergeChildRecords>();
        services.AddScoped<MyClocks>();
        services.AddScoped<SendEncompassNotification>();
        services.AddScoped<RecordReferralDecision>();
        services.AddScoped<EpisodeAccess>();
        services.AddScoped<ChildAccess>();
        services.AddScoped<MeetingAccess>();
        services.AddScoped<CaseManagerAccess>();
        services.AddScoped<ConferenceMeetings>();
        services.AddScoped<FamilyHelpSteps>();
        services.AddScoped<BreakGlassSteps>();
        services.AddScoped<AccessRequestSteps>();
        services.AddScoped<ChildProtectionSteps>();
        services.AddScoped<PreProceedingsSteps>();
        services.AddScoped<LookedAfter.LookedAfterSteps>();
        services.AddScoped<RecordInformationShared>();
        services.AddScoped<DataProtectionSteps>();
        // The local authority's own retention schedule: years per record type (Retention:ChildrensSocialCareCase=25...).
        services.AddSingleton(sp => new Domain.DataProtection.RetentionSchedule(sp.GetRequiredService<IConfiguration>().GetSection("Retention").GetChildren()
            .Where(c => Enum.TryParse<Domain.DataProtection.RetentionRecordType>(c.Key, out _) && int.TryParse(c.Value, System.Globalization.CultureInfo.InvariantCulture, out _))
            .ToDictionary(c => Enum.Parse<Domain.DataProtection.RetentionRecordType>(c.Key), c => int.Parse(c.Value!, System.Globalization.CultureInfo.InvariantCulture))));
        services.AddScoped<AddAccount>();
        services.AddScoped<ManageAccount>();
        services.AddScoped<RoleGrants>();
        services.AddScoped<SetPasswordLinks>();
        services.Configure<AccountLinkOptions>(configuration.GetSection("Accounts"));
        services.AddHostedService<DatabaseStartup>();

        services.AddIdentity<SafeguardUser, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SafeguardDbContext>()
            .AddUserStore<SafeguardUserStore>()
            .AddDefaultTokenProviders()
            .AddSignInManager<SafeguardSignInManager>()
            .AddClaimsPrincipalFactory<SafeguardClaimsFactory>();
        // Each session's account is re-read this often: a locked account, reset two-factor authentication or a
        // changed password (each changes the security stamp) ends its sessions, and changed roles reach them.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = TwoFactor.KeepSignInMethod;
        });
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "safeguard";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Authentication:SessionMinutes", 60));
            o.SlidingExpiration = true;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
            // The API answers 401/403 as problem details; only pages redirect to sign in.
            o.Events.OnRedirectToLogin = context => ApiOr(context.HttpContext, StatusCodes.Status401Unauthorized, () => context.Response.Redirect(context.RedirectUri));
            o.Events.OnRedirectToAccessDenied = context => ApiOr(context.HttpContext, StatusCodes.Status403Forbidden, () => context.Response.Redirect(context.RedirectUri));
        });
        ExternalSignIn.AddIfConfigured(services, configuration);

        // Keys that protect the sign-in cookie survive restarts, so a restart does not sign everyone out.
        services.AddDataProtection().SetApplicationName("Safeguard");
        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, ILoggerFactory>((o, config, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(config["DataProtection:KeysFolder"] ?? Path.Combine("data", "keys")), logs));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddSafeguardPolicies();
        services.AddRazorPages(o =>
            {
                o.Conventions.AllowAnonymousToPage("/Account/SignIn");
                o.Conventions.AllowAnonymousToPage("/Account/External");
                o.Conventions.AllowAnonymousToPage("/Error");
                o.Conventions.AllowAnonymousToPage("/Status");
                o.Conventions.AddPageRoute("/Account/SignIn", "/account/sign-in");
                o.Conventions.AddPageRoute("/ChildProtection/Conference", "/episodes/{id:guid}/transfer-in-conference");
                o.Conventions.AddPageRoute("/Account/SignOut", "/account/sign-out");
                o.Conventions.AddPageRoute("/Account/AccessDenied", "/account/access-denied");
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<RuleViolationPageFilter>();
                // A form post's choice that is a number no option has ("99") is refused by model binding (the value must
                // be a defined member, or for flags a combination of them) and shown in the error summary; nothing is saved.
                o.ModelBindingMessageProvider.SetValueIsInvalidAccessor(value => $"Choose one of the options given: '{value}' is not one of them.");
            });
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
            c.ProblemDetails.Extensions.Remove("exception");
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddValidation();
        // Codes and choices travel as their names ("Section17Assessment"), never numbers, in both directions: a number,
        // a numeric string or a name that is not a member cannot be read, and the request is refused as a 400 problem
        // naming the field (see ApiExceptionHandler). Flags travel as defined names joined by commas ("InsideTheHome, Online").
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(
            new System.Text.Json.Serialization.JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false)));
        // A body that cannot be read throws, in every environment, so the API's one error handler answers it with a
        // problem that names the field instead of a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<SafeguardDbContext>("database", tags: ["ready"]);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Sign-in attempts are throttled per address as well as locked per account, so guessing across many accounts
        // from one place is slowed too. The limit is configurable (Authentication:SignInAttemptsPerMinute).
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, context => !HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Authentication:SignInAttemptsPerMinute", 20),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
    }

    public static void UsePipeline(WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/Error");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseTwoFactorForAdministrators();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // Requests that change records and are signed in with the browser's cookie must come from this service's own pages.
        var api = app.MapGroup("/api/v1").AddEndpointFilter<SameOriginApiFilter>();
        MeApi.Map(api);
        MyClocks.Map(api);
        ChildrenApi.Map(api);
        ReferralsApi.Map(api);
        EncompassApi.Map(api);
        FamilyHelpApi.Map(api);
        BreakGlassSteps.Map(api);
        AccessRequestSteps.Map(api);
        ChildProtectionSteps.Map(api);
        ConferenceMeetings.Map(api);
        PreProceedingsSteps.Map(api);
        LookedAfter.LookedAfterApi.Map(api);
        InformationSharingApi.Map(api);
        AccountsApi.Map(api);
        ApprovalsApi.Map(api);
        DataProtectionApi.Map(api);
        app.MapRazorPages();
    }

    private static Task ApiOr(HttpContext context, int status, Action pageAction)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        pageAction();
        return Task.CompletedTask;
    }
}
