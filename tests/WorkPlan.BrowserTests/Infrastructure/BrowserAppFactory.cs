using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WorkPlan.BrowserTests.Infrastructure;

/// <summary>
/// The real application, served by Kestrel on a free loopback port, so that a real browser can reach it.
/// By default it runs as an operator would run the demo: it migrates its own (fresh) database and loads
/// the demo organisations, plans and accounts at start-up; <c>settings</c> override that (e.g.
/// WorkPlan:DemoMode=false and WorkPlan:Today for a fixture that brings its own data and clock).
/// </summary>
public sealed class BrowserAppFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public BrowserAppFactory(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        _connectionString = connectionString;
        _settings = settings ?? new Dictionary<string, string>();
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

        // The stored Data Protection keys are encrypted with a key of this run (never one in the repository).
        builder.UseSetting("DataProtection:KeyEncryptionKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
