using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Auditing;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;
using WorkPlan.Infrastructure.Identity;

namespace WorkPlan.Infrastructure.Data;

/// <summary>
/// The application's database: domain entities, Identity's users (one role per user, kept on the
/// user row, so no role tables), and the data-protection keys that several app instances share.
/// Every entity configuration lives in Configurations/.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityUserContext<AppUser>(options), IAppDbContext, IDataProtectionKeyContext
{
    public Task InTransactionAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return InTransactionAsync(async ct =>
        {
            await action(ct);
            return true;
        }, cancellationToken);
    }

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await action(cancellationToken);
        }

        var strategy = Database.CreateExecutionStrategy();
        var attempt = 0;
        return await strategy.ExecuteAsync(async token =>
        {
            if (attempt++ > 0)
            {
                // A retry after a brief fault starts again from what the database holds.
                ChangeTracker.Clear();
            }

            await using var transaction = await Database.BeginTransactionAsync(token);
            var result = await action(token);
            if (result is Result { IsOk: false })
            {
                // An action that ends in anything but success changes nothing.
                await transaction.RollbackAsync(token);
                ChangeTracker.Clear();
                return result;
            }

            await transaction.CommitAsync(token);
            return result;
        }, cancellationToken);
    }

    public async Task LockPlanAsync(int planId, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A plan is locked inside a transaction (InTransactionAsync).");
        }

        // NO KEY UPDATE: edits of the plan wait for each other; rows that merely reference the plan are not held up.
        await Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM plans WHERE id = {planId} FOR NO KEY UPDATE", cancellationToken);
    }

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<ServiceUnit> Services => Set<ServiceUnit>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<Section> Sections => Set<Section>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<MonthlyActual> MonthlyActuals => Set<MonthlyActual>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PlanEvent> PlanEvents => Set<PlanEvent>();

    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();

    public DbSet<PendingImport> PendingImports => Set<PendingImport>();

    public DbSet<ActualChange> ActualChanges => Set<ActualChange>();

    public DbSet<MonthReopening> MonthReopenings => Set<MonthReopening>();

    public DbSet<MonthReopenRequest> MonthReopenRequests => Set<MonthReopenRequest>();

    public DbSet<Core.Reports.ReportSubmission> ReportSubmissions => Set<Core.Reports.ReportSubmission>();

    public DbSet<Core.Reports.ReportSnapshot> ReportSnapshots => Set<Core.Reports.ReportSnapshot>();

    public DbSet<Core.Regional.RegionalReportSubmission> RegionalReportSubmissions => Set<Core.Regional.RegionalReportSubmission>();

    public DbSet<Core.Regional.RegionalReportSnapshot> RegionalReportSnapshots => Set<Core.Regional.RegionalReportSnapshot>();

    public DbSet<Core.Catalogue.RegionalTemplate> RegionalTemplates => Set<Core.Catalogue.RegionalTemplate>();

    public DbSet<Core.Catalogue.TemplateIndicator> TemplateIndicators => Set<Core.Catalogue.TemplateIndicator>();

    public DbSet<Core.Catalogue.NationalCatalogue> NationalCatalogues => Set<Core.Catalogue.NationalCatalogue>();

    public DbSet<Core.Catalogue.NationalIndicator> NationalIndicators => Set<Core.Catalogue.NationalIndicator>();

    public DbSet<Core.Notifications.Notification> Notifications => Set<Core.Notifications.Notification>();

    public DbSet<Core.Notifications.EmailMessage> EmailMessages => Set<Core.Notifications.EmailMessage>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<ClockStart> ClockStarts => Set<ClockStart>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Plan and actual values: up to 16 digits before the point and two after (so'm); counts are checked whole by the rules.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(FieldLimits.EnumName);
    }
}
