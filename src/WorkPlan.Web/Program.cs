using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Options;
using Serilog;
using WorkPlan.Core.Common;
using WorkPlan.Infrastructure;
using WorkPlan.Infrastructure.Data;
using WorkPlan.Infrastructure.Identity;
using WorkPlan.Web.Authorization;
using WorkPlan.Web.Infrastructure;

// "--migrate-only": bring the database up to date (migrations, then the first administrator or the demo's data)
// and exit, for a deployment that migrates in a step of its own before starting instances with
// WorkPlan__MigrateOnStartup=false.
var migrateOnly = args.Contains("--migrate-only", StringComparer.Ordinal);
var builder = WebApplication.CreateBuilder([.. args.Where(a => a != "--migrate-only")]);

// Static assets from the build output too (scripts/run.sh, tests), in every environment; a published app
// has no build manifest and serves its own published, precompressed files.
builder.WebHost.UseStaticWebAssets();

// Request bodies: small by default, larger only where an endpoint says so (RequestSizeMiddleware, [RequestSizeLimit]).
// No "Server: Kestrel" header: it tells a prober what answers.
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = RequestLimits.FormBytes;
    kestrel.AddServerHeader = false;
});
builder.Services.Configure<Microsoft.AspNetCore.Builder.IISServerOptions>(iis => iis.MaxRequestBodySize = RequestLimits.FormBytes);
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form =>
{
    form.ValueLengthLimit = (int)RequestLimits.FormBytes;
    form.MultipartBodyLengthLimit = RequestLimits.FormBytes;
});

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .Filter.ByExcluding(DatabaseOutageLog.IsEcho),
    // Each app instance logs through its own logger, not the process-wide static one (several hosts in one
    // process, as in the tests, would otherwise all write to the one that started last).
    preserveStaticLogger: true);

builder.Services.Configure<WorkPlanOptions>(builder.Configuration.GetSection(WorkPlanOptions.SectionName));
builder.Services.Configure<BootstrapOptions>(builder.Configuration.GetSection($"{WorkPlanOptions.SectionName}:Bootstrap"));
builder.Services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.SectionName));
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddHealthChecks().AddCheck<ShutdownHealthCheck>("shutdown", tags: [WorkPlan.Infrastructure.Operations.HealthTags.Ready]);

// Graceful shutdown: on SIGTERM the ready check fails at once, the instance keeps serving for the drain
// (so that a proxy checking /healthz/ready moves away), then stops taking connections and gives the
// requests in flight up to the shutdown timeout.
var drain = TimeSpan.FromSeconds(builder.Configuration.GetValue($"{WorkPlanOptions.SectionName}:ShutdownDrainSeconds", 0));
builder.Services.Configure<HostOptions>(host =>
    host.ShutdownTimeout = drain + TimeSpan.FromSeconds(builder.Configuration.GetValue($"{WorkPlanOptions.SectionName}:ShutdownTimeoutSeconds", 30)));
var instanceName = builder.Configuration[$"{WorkPlanOptions.SectionName}:InstanceName"];
builder.Services.AddScoped<DocumentFormatter>();
builder.Services.AddScoped<PlanExportTexts>();
builder.Services.AddSingleton<WorkPlan.Core.Plans.IPlanTitles, ResourcePlanTitles>();
builder.Services.AddSingleton<WorkPlan.Core.Notifications.INotificationText, WorkPlan.Web.Infrastructure.NotificationText>();
builder.Services.AddScoped<ViewRenderer>();
builder.Services.AddScoped<WorkPlan.Core.Reports.IReportFileRenderer, WorkPlan.Web.Features.Reports.ReportFileRenderer>();
builder.Services.AddScoped<WorkPlan.Web.Features.Consolidation.ConsolidationFileRenderer>();
builder.Services.AddScoped<WorkPlan.Web.Features.NationalConsolidation.NationalConsolidationFileRenderer>();
builder.Services.AddScoped<WorkPlan.Core.Regional.IConsolidationFileRenderer>(services => services.GetRequiredService<WorkPlan.Web.Features.Consolidation.ConsolidationFileRenderer>());
builder.Services.AddSingleton<PrintStyles>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();

var security = builder.Configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
builder.Services.AddSingleton(new WorkPlan.Core.Access.SecondFactorPolicy(
    security.RequireTwoFactor, builder.Configuration.GetValue<bool>($"{WorkPlanOptions.SectionName}:{nameof(WorkPlanOptions.DemoMode)}")));
builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/Account/Login";
    options.LogoutPath = "/Account/Logout";
    options.AccessDeniedPath = "/Account/AccessDenied";
    options.Cookie.Name = "WorkPlan.Auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    options.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
    options.SlidingExpiration = true;
    options.Events.OnSigningIn = SessionLifetime.StampSessionStart;
    options.Events.OnValidatePrincipal = context => SessionLifetime.ValidateAsync(context, TimeSpan.FromHours(security.AbsoluteLifetimeHours));
});
builder.Services.Configure<SecurityStampValidatorOptions>(options =>
    options.ValidationInterval = TimeSpan.FromMinutes(security.SecurityStampValidationMinutes));
builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(options => ReverseProxy.Configure(options, builder.Configuration));
builder.Services.AddAuthorization(Policies.Register);
builder.Services.AddSingleton<SignInFailureThrottle>();
builder.Services.AddSingleton<DatabaseOutageLog>();
builder.Services.AddRateLimiter(options =>
{
    ExportLimits.Register(options);
    SignInLimits.Register(options);
});
builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, LoggingAuthorizationResultHandler>();
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "WorkPlan.Antiforgery";
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});

builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
builder.Services.Configure<RequestLocalizationOptions>(options =>
{
    options.DefaultRequestCulture = new RequestCulture(Cultures.Uzbek);
    options.SupportedCultures = [.. Cultures.All];
    options.SupportedUICultures = [.. Cultures.All];
    options.RequestCultureProviders =
    [
        new QueryStringRequestCultureProvider(),
        new CookieRequestCultureProvider(),
    ];
});

builder.Services
    .AddControllersWithViews(options =>
    {
        options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        options.Filters.Add(new AccessRefusalFilter());

        // A sheet of the largest plan binds one element per row; each endpoint's form value count keeps it bounded.
        options.MaxModelBindingCollectionSize = RequestLimits.SheetFormValues;
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options =>
        options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(WorkPlan.Web.SharedResource)));
builder.Services.AddOptions<MvcOptions>().Configure<Microsoft.Extensions.Localization.IStringLocalizerFactory>((options, factory) =>
{
    // Model binding's own messages ("The value '' is invalid.") in the user's language.
    var localizer = factory.Create(typeof(WorkPlan.Web.SharedResource));
    var messages = options.ModelBindingMessageProvider;
    messages.SetAttemptedValueIsInvalidAccessor((_, _) => localizer["Validation.Invalid"]);
    messages.SetMissingBindRequiredValueAccessor(_ => localizer["Validation.Required"]);
    messages.SetMissingKeyOrValueAccessor(() => localizer["Validation.Required"]);
    messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer["Validation.Required"]);
    messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => localizer["Validation.Invalid"]);
    messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["Validation.Invalid"]);
    messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer["Validation.Invalid"]);
    messages.SetUnknownValueIsInvalidAccessor(_ => localizer["Validation.Invalid"]);
    messages.SetValueIsInvalidAccessor(_ => localizer["Validation.Invalid"]);
    messages.SetValueMustBeANumberAccessor(_ => localizer["Validation.Invalid"]);
    messages.SetValueMustNotBeNullAccessor(_ => localizer["Validation.Required"]);
});
builder.Services.Configure<RazorViewEngineOptions>(options =>
{
    options.ViewLocationFormats.Insert(0, "/Features/{1}/{0}.cshtml");
    options.ViewLocationFormats.Insert(1, "/Features/Shared/{0}.cshtml");
});

var app = builder.Build();

// First: the scheme (HTTPS at the proxy), client address and host as the configured proxy saw them, so that
// HSTS, Secure cookies and redirects follow the browser's request.
app.UseForwardedHeaders();
if (drain > TimeSpan.Zero)
{
    app.Lifetime.ApplicationStopping.Register(() => Thread.Sleep(drain));
}

// Which instance answered, when several run behind a proxy and each is given a name (WorkPlan:InstanceName).
if (!string.IsNullOrWhiteSpace(instanceName))
{
    app.Use((context, next) =>
    {
        context.Response.Headers["X-WorkPlan-Instance"] = instanceName;
        return next(context);
    });
}
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseSerilogRequestLogging(options =>
{
    options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    options.GetLevel = DatabaseOutageMiddleware.RequestLogLevel;
});
app.UseMiddleware<ClientAbortMiddleware>();

// Inside the exception handler and the request log, before anything that may reach the database (the session
// lookup included): a database outage gets the self-contained outage page, any other failure goes on to /Error.
app.UseMiddleware<DatabaseOutageMiddleware>();
app.UseRequestLocalization();
app.UseRouting();
app.UseMiddleware<RequestSizeMiddleware>();

// Files of wwwroot known at build time are served by MapStaticAssets below: compressed at build (gzip; Brotli
// too when published), with fingerprinted URLs cached for a year. Files put into wwwroot after the build
// (the benchmark's baseline file) fall back to the plain static file middleware.
app.UseStaticFiles();
app.UseAuthentication();
app.UseMiddleware<AccountGateMiddleware>();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<SignInFailureThrottleMiddleware>();

app.MapHealthEndpoints();

// Static assets answer straight from routing (no session lookup, no account gate): they are public.
app.MapStaticAssets().ShortCircuit();
app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");

// The views' asp-append-version links point at the fingerprinted URLs (the convention builder of all controllers;
// on MapControllerRoute's builder WithStaticAssets has no effect).
app.MapControllers().WithStaticAssets();

using (var scope = app.Services.CreateScope())
{
    var options = scope.ServiceProvider.GetRequiredService<IOptions<WorkPlanOptions>>().Value;
    await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>()
        .InitialiseAsync(options.MigrateOnStartup || migrateOnly, options.DemoMode, scope.ServiceProvider.GetRequiredService<IOptions<BootstrapOptions>>().Value);
}

if (migrateOnly)
{
    app.Logger.LogInformation("The database is up to date; --migrate-only exits");
    return;
}

await app.RunAsync();

/// <summary>The web application's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
