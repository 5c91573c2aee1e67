using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;
using WorkPlan.Infrastructure.Data;
using WorkPlan.Infrastructure.Data.Seed;

namespace WorkPlan.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The name of the connection string (environment: ConnectionStrings__WorkPlan).</summary>
    public const string ConnectionStringName = "WorkPlan";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"The connection string '{ConnectionStringName}' is not configured (ConnectionStrings__{ConnectionStringName}).");

        services.AddDbContext<AppDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName))
            .UseSnakeCaseNamingConvention());
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DatabaseInitialiser>();
        services.AddScoped<PlanService>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return services;
    }
}
