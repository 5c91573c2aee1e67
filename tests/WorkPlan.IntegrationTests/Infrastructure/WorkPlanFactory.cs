using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WorkPlan.IntegrationTests.Infrastructure;

/// <summary>The real application over a test database; demo mode off unless a test seeds it.</summary>
public sealed class WorkPlanFactory(string connectionString, bool migrateOnStartup = false) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:WorkPlan", connectionString);
        builder.UseSetting("WorkPlan:DemoMode", "false");
        builder.UseSetting("WorkPlan:MigrateOnStartup", migrateOnStartup ? "true" : "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }
}
