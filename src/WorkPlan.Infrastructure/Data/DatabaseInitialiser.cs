using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.Infrastructure.Identity;

namespace WorkPlan.Infrastructure.Data;

/// <summary>
/// Brings the database up to date at start-up: migrations, then (in demo mode) the demo's clock continued
/// from its first start and demo data and accounts, or the configured first administrator otherwise.
/// </summary>
public sealed class DatabaseInitialiser(
    AppDbContext db, DemoDataSeeder demo, DemoUserSeeder demoUsers, DemoActualsSeeder demoActuals, DemoRegionSeeder demoRegion, DemoTreeSeeder demoTree,
    BootstrapAdministrator bootstrap, TimeProvider clock,
    ILogger<DatabaseInitialiser> logger)
{
    public async Task InitialiseAsync(bool migrate, bool demoMode, BootstrapOptions bootstrapOptions, CancellationToken cancellationToken = default)
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
