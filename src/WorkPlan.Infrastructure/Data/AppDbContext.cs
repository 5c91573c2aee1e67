using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;

namespace WorkPlan.Infrastructure.Data;

/// <summary>The application's database: every entity configuration lives in Configurations/.</summary>
public class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options), IAppDbContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Service> Services => Set<Service>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<Section> Sections => Set<Section>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<MonthlyActual> MonthlyActuals => Set<MonthlyActual>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Plan and actual values: up to 16 digits before the point and two after (so'm); counts are checked whole by the rules.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
