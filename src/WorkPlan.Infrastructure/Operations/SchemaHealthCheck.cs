using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.Infrastructure.Operations;

/// <summary>
/// Ready only when the database holds exactly the schema this build was made for: no migration of
/// this build is missing from it (an older schema) and it holds none this build does not know (a
/// newer schema, after a rollback of the app). Either way pages would fail, so the instance must not
/// take traffic.
/// </summary>
public sealed class SchemaHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = await AppliedAsync(cancellationToken);
        var pending = known.Where(m => !applied.Contains(m)).Order(StringComparer.Ordinal).ToList();
        var unknown = applied.Where(m => !known.Contains(m)).Order(StringComparer.Ordinal).ToList();
        var data = new Dictionary<string, object>
        {
            ["applied"] = applied.Count,
            ["pending"] = pending,
            ["unknown"] = unknown,
        };
        return (pending.Count, unknown.Count) switch
        {
            (0, 0) => HealthCheckResult.Healthy($"{applied.Count} migrations applied", data),
            (_, 0) => HealthCheckResult.Unhealthy($"the database lacks {pending.Count} migration(s) of this build, the first {pending[0]}", data: data),
            _ => HealthCheckResult.Unhealthy($"the database holds {unknown.Count} migration(s) this build does not know, the first {unknown[0]}", data: data),
        };
    }

    private async Task<HashSet<string>> AppliedAsync(CancellationToken cancellationToken)
    {
        // GetAppliedMigrationsAsync treats a missing history table as "nothing applied".
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return [];
        }

        return (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(m => m.MigrationId).ToHashSet(StringComparer.Ordinal);
    }
}
