using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.Infrastructure.Identity;

namespace WorkPlan.Infrastructure.Data;

/// <summary>
/// Brings the database up to date at start-up: migrations, then demo data and accounts in demo mode,
/// or the configured first administrator otherwise.
/// </summary>
public sealed class DatabaseInitialiser(
    AppDbContext db, DemoDataSeeder demo, DemoUserSeeder demoUsers, DemoActualsSeeder demoActuals, DemoRegionSeeder demoRegion,
    BootstrapAdministrator bootstrap,
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
            await demo.SeedAsync(cancellationToken);
            await demoUsers.SeedAsync(cancellationToken);
            await demoActuals.SeedAsync(cancellationToken);
            await demoRegion.SeedAsync(cancellationToken);
        }
        else
        {
            await bootstrap.EnsureAsync(bootstrapOptions, cancellationToken);
        }
    }
}
