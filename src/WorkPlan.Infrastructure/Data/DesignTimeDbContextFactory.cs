using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WorkPlan.Infrastructure.Data;

/// <summary>Lets `dotnet ef` build the model without starting the web app (no database is contacted to add a migration).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__WorkPlan") ?? "Host=127.0.0.1;Port=55432;Database=workplan;Username=postgres")
        .UseSnakeCaseNamingConvention()
        .Options);
}
