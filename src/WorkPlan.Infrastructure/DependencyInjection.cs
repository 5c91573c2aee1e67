using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkPlan.Core.Account;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Administration;
using WorkPlan.Core.Auditing;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;
using WorkPlan.Infrastructure.Data;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.Infrastructure.Export;
using WorkPlan.Infrastructure.Identity;
using WorkPlan.Infrastructure.Import;

namespace WorkPlan.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The name of the connection string (environment: ConnectionStrings__WorkPlan).</summary>
    public const string ConnectionStringName = "WorkPlan";

    /// <summary>PBKDF2 iterations for password hashes (OWASP: at least 210,000 for HMAC-SHA512).</summary>
    public const int PasswordHashIterations = 210_000;

    /// <summary>The demo's "today" when none is configured.</summary>
    public static readonly DateTimeOffset DemoToday = new(2022, 10, 3, 9, 0, 0, LocalClock.Offset);

    /// <summary>
    /// The app's one clock: the system's, or, when "WorkPlan:Today" is set (and by default in demo mode),
    /// a clock that starts on that day and runs on.
    /// </summary>
    /// <summary>
    /// Reads <c>WorkPlan:Today</c>: a moment with its offset as written, and one without an offset (or a date
    /// alone) as Uzbekistan's local time, as the users would mean it.
    /// </summary>
    public static DateTimeOffset? ParseToday(string? value)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (!DateTime.TryParse(value, invariant, System.Globalization.DateTimeStyles.RoundtripKind, out var written))
        {
            return null;
        }

        return written.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(written, LocalClock.Offset)
            : DateTimeOffset.Parse(value!, invariant, System.Globalization.DateTimeStyles.AssumeUniversal);
    }

    public static TimeProvider Clock(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (ParseToday(configuration["WorkPlan:Today"]) is { } today)
        {
            return new OffsetTimeProvider(today);
        }

        return configuration.GetValue<bool>("WorkPlan:DemoMode") ? new OffsetTimeProvider(DemoToday) : TimeProvider.System;
    }

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"The connection string '{ConnectionStringName}' is not configured (ConnectionStrings__{ConnectionStringName}).");

        var database = DatabaseOptions.From(configuration);
        services.AddDbContext<AppDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsAssembly(typeof(AppDbContext).Assembly.FullName)
                .EnableRetryOnFailure(database.MaxRetryCount, database.MaxRetryDelay, errorCodesToAdd: null))
            .UseSnakeCaseNamingConvention()

            // A connection that cannot be opened is logged by EF at Error on every attempt, without the exception;
            // the exception itself reaches the app's outage or error handling, which logs it once.
            .ConfigureWarnings(warnings => warnings.Log((RelationalEventId.ConnectionError, LogLevel.Debug))));
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddSingleton(Clock(configuration));

        services.AddIdentityCore<AppUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OnceOnlyAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddScoped<IUserStore<AppUser>, ProtectedUserStore>();
        services.Configure<PasswordHasherOptions>(options =>
        {
            options.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            options.IterationCount = PasswordHashIterations;
        });
        var keyEncryption = KeyEncryptionKey.FromConfiguration(configuration);
        services.AddSingleton(keyEncryption);
        services.AddDataProtection().SetApplicationName("WorkPlan").PersistKeysToDbContext<AppDbContext>();
        services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(options =>
            options.XmlEncryptor = new AesGcmXmlEncryptor(keyEncryption));

        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoUserSeeder>();
        services.AddScoped<DemoActualsSeeder>();
        services.AddScoped<DemoRegionSeeder>();
        services.AddScoped<DemoTreeSeeder>();
        services.AddScoped<BootstrapAdministrator>();
        services.AddScoped<DatabaseInitialiser>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditQueryService>();
        services.AddScoped<PlanService>();
        services.AddScoped<PlanWorkflowService>();
        services.AddScoped<PlanEditService>();
        services.AddScoped<PlanSectionEditService>();
        services.AddScoped<PlanFamilyEditService>();
        services.AddScoped<PlanHistoryService>();
        services.AddScoped<PlanPageService>();
        services.AddScoped<NewPlanService>();
        services.AddSingleton<IPlanExcelWriter, ClosedXmlPlanWriter>();
        services.AddSingleton<IQuarterlyReportExcelWriter, ClosedXmlQuarterlyReportWriter>();
        services.AddSingleton<IPlanImportReader, XlsxPlanImportReader>();
        services.AddSingleton<IMonthWorkbookWriter, ClosedXmlMonthWorkbookWriter>();
        services.AddSingleton<IMonthWorkbookReader, XlsxMonthWorkbookReader>();
        services.AddScoped<PlanImportService>();
        services.Configure<ActualsOptions>(configuration.GetSection(ActualsOptions.SectionName));
        services.Configure<Core.Reminders.ReminderOptions>(configuration.GetSection(Core.Reminders.ReminderOptions.SectionName));
        services.AddScoped<Core.Reminders.ReminderService>();
        services.AddScoped<ActualsService>();
        services.AddScoped<MonthUploadService>();
        services.AddScoped<EntryPageService>();
        services.AddScoped<MonthLockService>();
        services.AddScoped<QuarterlyReportService>();
        services.AddScoped<ReportSubmissionService>();
        services.AddScoped<DocumentLanguageService>();
        services.AddScoped<WorkPlan.Core.Home.HomeService>();
        services.AddScoped<WorkPlan.Core.Catalogue.CatalogueService>();
        services.AddScoped<WorkPlan.Core.Catalogue.CatalogueMappingService>();
        services.AddScoped<WorkPlan.Core.Catalogue.NationalCatalogueService>();
        services.AddScoped<WorkPlan.Core.Catalogue.NationalMappingService>();
        services.AddScoped<WorkPlan.Core.Regional.IRegionalFigures, Data.Queries.RegionalFiguresQueries>();
        services.AddScoped<WorkPlan.Core.Regional.ConsolidationService>();
        services.AddScoped<WorkPlan.Core.Regional.RegionalReportService>();
        services.AddScoped<WorkPlan.Core.Regional.CompletenessService>();
        services.AddScoped<WorkPlan.Core.Regional.DashboardService>();
        services.AddScoped<WorkPlan.Core.National.NationalProgressService>();
        services.AddSingleton<WorkPlan.Core.Regional.IConsolidationExcelWriter, ClosedXmlConsolidationWriter>();
        services.AddScoped<WorkPlan.Core.National.INationalFigures, Data.Queries.NationalFiguresQueries>();
        services.AddScoped<WorkPlan.Core.National.NationalConsolidationService>();
        services.AddSingleton<WorkPlan.Core.National.INationalConsolidationExcelWriter, ClosedXmlNationalConsolidationWriter>();
        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.SectionName));
        services.AddSingleton<ChromiumPdfRenderer>();
        services.AddSingleton<IPdfRenderer>(sp => sp.GetRequiredService<ChromiumPdfRenderer>());
        services.AddHostedService<ChromiumProfileCleanup>();
        services.AddScoped<OrganisationAdminService>();
        services.AddScoped<IServiceUsage, ServiceUsage>();
        services.AddScoped<WorkPlan.Core.Common.IPeople, People>();
        services.AddScoped<WorkPlan.Core.Notifications.INotificationRecipients, NotificationRecipients>();
        services.AddScoped<WorkPlan.Core.Notifications.INotifier, WorkPlan.Core.Notifications.Notifier>();
        services.AddScoped<WorkPlan.Core.Notifications.EventNotifications>();
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.SectionName));
        services.AddSingleton<WorkPlan.Core.Notifications.IEmailChannel, MailKitEmailChannel>();
        services.AddSingleton<EmailDelivery>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailDelivery>());
        services.AddScoped<WorkPlan.Core.Notifications.NotificationService>();
        services.AddScoped<WorkPlan.Core.Notifications.INotificationSettingsStore, NotificationSettingsStore>();
        services.AddScoped<IUserAccounts, IdentityUserAccounts>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<IAccountCredentials, IdentityAccountCredentials>();
        services.AddScoped<AccountService>();
        services.AddSingleton<DummyPasswordCheck>();
        services.AddSingleton<DbTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DbTicketStore>((options, store) => options.SessionStore = store);
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [Operations.HealthTags.Ready])
            .AddCheck<Operations.SchemaHealthCheck>("schema", tags: [Operations.HealthTags.Ready])
            .AddCheck<Operations.PdfEngineHealthCheck>("pdf", tags: [Operations.HealthTags.Ready]);
        return services;
    }
}
