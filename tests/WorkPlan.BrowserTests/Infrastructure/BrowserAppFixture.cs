using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.BrowserTests.Infrastructure;

/// <summary>
/// What every browser fixture starts once for its collection: the app on Kestrel over a database of its own
/// (created empty here, migrated by the app at start-up, dropped at the end) and one headless Chromium.
/// Subclasses choose the app's settings (<see cref="AppSettings"/>) and may load data after start-up
/// (<see cref="SeedAsync"/>). Each test opens its own browser context (cookies and storage of its own) from
/// <see cref="Browser"/>. The PostgreSQL server comes from WORKPLAN_TEST_DB (scripts/test.sh starts one);
/// the browser is Debian's /usr/bin/chromium (WORKPLAN_CHROMIUM overrides it), since Playwright's download fails here.
/// </summary>
public abstract class BrowserAppFixture : IAsyncLifetime
{
    private readonly string _serverConnectionString;
    private BrowserAppFactory? _factory;
    private IPlaywright? _playwright;
    private Task<IBrowser>? _launch;

    protected BrowserAppFixture()
    {
        _serverConnectionString = Environment.GetEnvironmentVariable("WORKPLAN_TEST_DB")
            ?? "Host=127.0.0.1;Port=55433;Username=postgres";
        DatabaseName = $"workplan_browser_{Guid.NewGuid():N}";
        ConnectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = DatabaseName }.ConnectionString;
    }

    public string DatabaseName { get; }

    public string ConnectionString { get; }

    /// <summary>The app's root address, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The running app's services (its DbContext, clock, ...), once started.</summary>
    protected IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>Settings on top of <see cref="BrowserAppFactory"/>'s defaults (demo mode, migrate on start-up).</summary>
    protected virtual IReadOnlyDictionary<string, string>? AppSettings => null;

    public async Task InitializeAsync()
    {
        // The browser starts while the app migrates the new (empty) database and loads its data.
        _launch = LaunchBrowserAsync();
        await ExecuteOnServerAsync($"CREATE DATABASE \"{DatabaseName}\"");
        _factory = new BrowserAppFactory(ConnectionString, AppSettings);
        await Task.Run(_factory.StartServer);
        await SeedAsync();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');
        Browser = await _launch;
    }

    /// <summary>The id of an organisation's plan for the year, read from the app's database.</summary>
    public async Task<int> GetPlanIdAsync(string organisationCode, int year)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Plans
            .Where(p => p.Organisation!.Code == organisationCode && p.Year == year)
            .Select(p => p.Id)
            .SingleAsync();
    }

    /// <summary>Also runs when start-up failed half-way (xunit disposes every fixture it created).</summary>
    public async Task DisposeAsync()
    {
        try
        {
            if (_launch is not null)
            {
                await (await _launch).CloseAsync();
            }
        }
        finally
        {
            _playwright?.Dispose();
            await DisposeAppAndDatabaseAsync();
        }
    }

    /// <summary>Runs once the app has started (and migrated its database), before any test.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    private async Task DisposeAppAndDatabaseAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<IBrowser> LaunchBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = Environment.GetEnvironmentVariable("WORKPLAN_CHROMIUM") ?? "/usr/bin/chromium",
            Args = [.. WorkPlan.Infrastructure.Export.ChromiumPdfRenderer.LaunchArgs],
        });
    }
}
