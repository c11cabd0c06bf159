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
        services.AddScoped<ChildEndings>();
        services.AddScoped<MakeReferral>();
        services.AddSingleton<Forms.ProtectedFormState>();
        services.AddScoped<MergeChildRecords>();
        services.AddScoped<Safeguard.Web.OperationEncompass.EncompassMatches>();
        services.AddScoped<MyClocks>();
        services.AddScoped<SendEncompassNotification>();
        services.AddScoped<RecordReferralDecision>();
        services.AddScoped<RecordReferralAcknowledgement>();
        services.AddScoped<ReferralEscalations>();
        services.AddScoped<EpisodeAccess>();
        services.AddScoped<ChildAccess>();
        services.AddScoped<RecordReads>();
        services.AddScoped<MeetingAccess>();
        services.AddScoped<CaseManagerAccess>();
        services.AddScoped<ConferenceMeetings>();
        services.AddScoped<FamilyHelpSteps>();
        services.AddScoped<Organisation.LocalProtocolSteps>();
        services.AddScoped<Organisation.PartnershipSteps>();
        services.AddScoped<Exchanges.ExchangeSteps>();
        services.AddScoped<Departures.DepartureSteps>();
        services.AddScoped<FamilyHelp.CarersAssessmentSteps>();
        services.AddScoped<Children.CommunicationNeedsSteps>();
        services.AddScoped<BreakGlassSteps>();
        services.AddScoped<AccessRequestSteps>();
        services.AddScoped<ChildProtectionSteps>();
        services.AddScoped<TellingSteps>();
        services.AddScoped<Plans.PlanChangeSteps>();
        services.AddScoped<PreProceedingsSteps>();
        services.AddScoped<LookedAfter.LookedAfterSteps>();
        services.AddScoped<RecordInformationShared>();
        services.AddScoped<DataProtectionSteps>();
        services.AddScoped<SearchAlerts>();
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
            o.OnRefreshingPrincipal = context =>
            {
                Sessions.KeepSession(context);
                return TwoFactor.KeepSignInMethod(context);
            };
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
            // Secure whenever the request came over HTTPS, including through a proxy that ends TLS and is listed in
            // ForwardedHeaders:KnownProxies or :KnownNetworks (see UseForwardedHeaders below).
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            // A cookie is honoured only while its session in the database is live (Sessions), then Identity re-reads the account.
            var identityCheck = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = context => Sessions.ValidateAsync(context, identityCheck);
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

        // Keys that protect the sign-in cookie are kept in the database: they survive restarts, so a restart does not sign
        // everyone out, and every node of the service reads the cookies the others wrote.
        services.AddDataProtection().SetApplicationName("Safeguard");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new DatabaseKeyRepository(scopes));
        services.Configure<ForwardedHeadersOptions>(o => ForwardedFrom(o, configuration));

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
            // Looking for a child's record is throttled per account (Search:PerMinute, 10 by default): searching is not a way
            // to find children by trying names and dates of birth. An empty form is not a search.
            o.AddPolicy(BreakGlassSteps.SearchLimit, context => context.Request.QueryString.HasValue
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "anonymous",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Search:PerMinute", Domain.Access.SearchAlert.DefaultSearchesPerMinute),
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter("empty form"));
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });
    }

    /// <summary>
    /// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies the operator lists
    /// (<c>ForwardedHeaders:KnownProxies</c>, addresses, and <c>ForwardedHeaders:KnownNetworks</c>, CIDR ranges, each a list
    /// or one value separated by commas); with none listed, only from this machine. From anywhere else they change nothing,
    /// so no one can make the service believe a request came over HTTPS, or from another address, by sending a header.
    /// This also holds when ASPNETCORE_FORWARDEDHEADERS_ENABLED is set (which on its own would believe any sender).
    /// </summary>
    public static void ForwardedFrom(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        var proxies = Listed(configuration, "ForwardedHeaders:KnownProxies");
        var networks = Listed(configuration, "ForwardedHeaders:KnownNetworks");
        if (proxies.Count == 0 && networks.Count == 0)
        {
            options.KnownProxies.Add(System.Net.IPAddress.Loopback);
            options.KnownProxies.Add(System.Net.IPAddress.IPv6Loopback);
            return;
        }

        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(System.Net.IPAddress.TryParse(proxy, out var address) ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range) ? range
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a CIDR range such as 10.0.0.0/8."));
        }
    }

    private static List<string> Listed(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        IEnumerable<string?> values = section.Value is { } one ? [one] : section.GetChildren().Select(c => c.Value);
        return [.. values.SelectMany(v => (v ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }

    public static void UsePipeline(WebApplication app)
    {
        // First, so that the scheme and the caller's address are right for everything after (cookies' Secure flag, the
        // same-origin check, the sign-in throttle, the audit trail's "from where").
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/Error");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseStaticFiles();
        // A request with an Idempotency-Key is remembered by a hash of its body, so the body stays readable after the endpoint reads it.
        app.Use((context, next) =>
        {
            IdempotencyFilter.KeepBodyReadable(context);
            return next(context);
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseWorkingArea();
        app.UseTwoFactorForAdministrators();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // Requests that change records and are signed in with the browser's cookie must come from this service's own pages.
        // Every POST honours an Idempotency-Key, which belongs to its caller (IdempotencyFilter).
        var api = app.MapGroup("/api/v1").AddEndpointFilter<SameOriginApiFilter>().AddEndpointFilter<IdempotencyFilter>();
        MeApi.Map(api);
        MyClocks.Map(api);
        StrategyDiscussionTargetApi.Map(api);
        ChildrenApi.Map(api);
        ChildEndings.Map(api);
        ReferralsApi.Map(api);
        EncompassApi.Map(api);
        FamilyHelpApi.Map(api);
        BreakGlassSteps.Map(api);
        AccessRequestSteps.Map(api);
        ChildProtectionSteps.Map(api);
        TellingSteps.Map(api);
        Plans.PlanChangeSteps.Map(api);
        ConferenceMeetings.Map(api);
        PreProceedingsSteps.Map(api);
        LookedAfter.LookedAfterApi.Map(api);
        InformationSharingApi.Map(api);
        AccountsApi.Map(api);
        ApprovalsApi.Map(api);
        DataProtectionApi.Map(api);
        SearchAlerts.Map(api);
        Organisation.LocalProtocolSteps.Map(api);
        Organisation.PartnershipSteps.Map(api);
        Exchanges.ExchangeSteps.Map(api);
        WorkingAreaApi.Map(api);
        Departures.DepartureSteps.Map(api);
        FamilyHelp.CarersAssessmentSteps.Map(api);
        Children.CommunicationNeedsSteps.Map(api);
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
