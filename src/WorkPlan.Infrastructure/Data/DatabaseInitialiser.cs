using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkPlan.Infrastructure.Data.Seed;

namespace WorkPlan.Infrastructure.Data;

/// <summary>Brings the database up to date at start-up: migrations, then demo data in demo mode.</summary>
public sealed class DatabaseInitialiser(AppDbContext db, DemoDataSeeder demo, ILogger<DatabaseInitialiser> logger)
{
    public async Task InitialiseAsync(bool migrate, bool demoMode, CancellationToken cancellationToken = default)
    {
        if (migrate)
        {
            logger.LogInformation("Applying database migrations");
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (demoMode)
        {
            await demo.SeedAsync(cancellationToken);
        }
    }
}
