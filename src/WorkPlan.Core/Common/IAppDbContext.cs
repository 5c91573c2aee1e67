using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Auditing;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Common;

/// <summary>
/// The database as the core's services see it: sets of entities, and <see cref="InTransactionAsync{T}"/>, the one
/// transaction a user action runs in (it may save more than once inside it).
/// </summary>
public interface IAppDbContext
{
    DbSet<Organisation> Organisations { get; }

    DbSet<ServiceUnit> Services { get; }

    DbSet<Plan> Plans { get; }

    DbSet<Section> Sections { get; }

    DbSet<Indicator> Indicators { get; }

    DbSet<MonthlyActual> MonthlyActuals { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<PlanEvent> PlanEvents { get; }

    DbSet<PlanVersion> PlanVersions { get; }

    DbSet<PendingImport> PendingImports { get; }

    DbSet<ActualChange> ActualChanges { get; }

    DbSet<MonthReopening> MonthReopenings { get; }

    DbSet<MonthReopenRequest> MonthReopenRequests { get; }

    DbSet<Reports.ReportSubmission> ReportSubmissions { get; }

    DbSet<Reports.ReportSnapshot> ReportSnapshots { get; }

    DbSet<Regional.RegionalReportSubmission> RegionalReportSubmissions { get; }

    DbSet<Regional.RegionalReportSnapshot> RegionalReportSnapshots { get; }

    DbSet<Catalogue.RegionalTemplate> RegionalTemplates { get; }

    DbSet<Catalogue.TemplateIndicator> TemplateIndicators { get; }

    DbSet<Catalogue.NationalCatalogue> NationalCatalogues { get; }

    DbSet<Catalogue.NationalIndicator> NationalIndicators { get; }

    DbSet<Notifications.Notification> Notifications { get; }

    DbSet<Notifications.EmailMessage> EmailMessages { get; }

    /// <summary>For use cases that must save twice in one transaction (e.g. to audit a new row's id).</summary>
    Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database { get; }

    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }

    Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
        where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs one user action in one transaction and commits it. Inside a transaction already open
    /// (a seeder's), the action joins it. The action may run again from its start after a brief
    /// connection fault (with nothing tracked from the failed attempt), so it loads what it needs
    /// itself. An action that returns a failed <see cref="Result"/> is rolled back: it changes nothing.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken = default);

    /// <summary><see cref="InTransactionAsync{T}"/> for an action that returns nothing.</summary>
    Task InTransactionAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken = default);

    /// <summary>
    /// Locks a plan's row until the open transaction ends, so that the use cases that must not interleave on one
    /// plan run one after another: edits of one draft, and a report's submission and the month saves of its quarter.
    /// What the action reads after it includes everything committed before. Call it inside
    /// <see cref="InTransactionAsync{T}"/>, before loading.
    /// </summary>
    Task LockPlanAsync(int planId, CancellationToken cancellationToken = default);
}
