using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.Infrastructure.Identity;

namespace WorkPlan.Infrastructure.Data;

/// <summary>
/// Brings the database up to date at start-up: migrations, then (in demo mode) the demo's clock continued
/// from its first start and demo data and accounts, or the configured first administrator otherwise.
/// Several instances may start together on one database: the whole initialisation runs under a PostgreSQL
/// session advisory lock (<see cref="LockKey"/>) held on a connection of its own, so one instance migrates and
/// seeds while the others wait, then find nothing pending.
/// </summary>
public sealed class DatabaseInitialiser(
    AppDbContext db, DemoDataSeeder demo, DemoUserSeeder demoUsers, DemoActualsSeeder demoActuals, DemoRegionSeeder demoRegion, DemoTreeSeeder demoTree,
    BootstrapAdministrator bootstrap, TimeProvider clock,
    ILogger<DatabaseInitialiser> logger)
{
    /// <summary>The advisory lock's key: fixed, the same in every instance and build ("WorkPlan" in ASCII).</summary>
    public const long LockKey = 0x576F726B506C616E;

    public async Task InitialiseAsync(bool migrate, bool demoMode, BootstrapOptions bootstrapOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bootstrapOptions);
        var bootstrapping = !string.IsNullOrWhiteSpace(bootstrapOptions.AdminUserName) && !string.IsNullOrEmpty(bootstrapOptions.AdminPassword);
        if (!migrate && !demoMode && !bootstrapping)
        {
            return; // Nothing to write: the database need not even answer yet.
        }

        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database has no connection string.");

        // Not pooled: the lock is released when this connection closes, even if the process dies holding it.
        await using var lockConnection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 }.ConnectionString);
        await lockConnection.OpenAsync(cancellationToken);
        logger.LogInformation("Waiting for the database's initialisation lock");
        await using (var acquire = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", lockConnection))
        {
            await acquire.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await InitialiseLockedAsync(migrate, demoMode, bootstrapOptions, cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", lockConnection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task InitialiseLockedAsync(bool migrate, bool demoMode, BootstrapOptions bootstrapOptions, CancellationToken cancellationToken)
    {
        if (migrate)
        {
            logger.LogInformation("Applying database migrations");
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (demoMode)
        {
            if (clock is OffsetTimeProvider demoClock)
            {
                await ContinueClockAsync(demoClock, cancellationToken);
            }

            await demo.SeedAsync(cancellationToken);
            await demoUsers.SeedAsync(cancellationToken);
            await demoActuals.SeedAsync(cancellationToken);
            await demoRegion.SeedAsync(cancellationToken);
            await demoTree.SeedAsync(cancellationToken);
        }
        else
        {
            await bootstrap.EnsureAsync(bootstrapOptions, cancellationToken);
        }
    }

    /// <summary>
    /// The demo's clock runs on from its first start, across restarts and on every instance: the first start of
    /// each configured "today" is stored once (the first instance to start wins), and every start continues it.
    /// A new <c>WorkPlan:Today</c> starts a new clock.
    /// </summary>
    private async Task ContinueClockAsync(OffsetTimeProvider demoClock, CancellationToken cancellationToken)
    {
        var configured = demoClock.Start.ToUniversalTime();
        var startedAt = demoClock.RealStart.ToUniversalTime();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO clock_starts (configured_start, first_started_at) VALUES ({configured}, {startedAt}) ON CONFLICT DO NOTHING",
            cancellationToken);
        var firstStartedAt = await db.ClockStarts.AsNoTracking().Where(c => c.ConfiguredStart == configured)
            .Select(c => c.FirstStartedAt).SingleAsync(cancellationToken);
        demoClock.ContinueFrom(firstStartedAt);
        logger.LogInformation("The demo clock started at {ConfiguredStart} on {FirstStartedAt} and now reads {Now}",
            demoClock.Start, firstStartedAt, demoClock.GetUtcNow());
    }
}
