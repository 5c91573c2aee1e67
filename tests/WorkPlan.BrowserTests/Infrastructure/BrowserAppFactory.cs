using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WorkPlan.BrowserTests.Infrastructure;

/// <summary>
/// The real application, as an operator would run the demo: it migrates its own (fresh) database and
/// loads the demo organisations, plans and accounts at start-up. Served by Kestrel on a free loopback
/// port, so that a real browser can reach it.
/// </summary>
public sealed class BrowserAppFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;

    public BrowserAppFactory(string connectionString)
    {
        _connectionString = connectionString;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:WorkPlan", _connectionString);
        builder.UseSetting("WorkPlan:DemoMode", "true");
        builder.UseSetting("WorkPlan:MigrateOnStartup", "true");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");

        // Keys are kept unencrypted in the throwaway database; its warning would only add noise here.
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.DataProtection", "Error");
    }
}
