using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Respawn;
using WorkPlan.Infrastructure.Data;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.Infrastructure.Identity;

namespace WorkPlan.IntegrationTests.Infrastructure;

/// <summary>
/// A real PostgreSQL database of its own, created from the migrations once per test run and reset
/// between tests. The server comes from WORKPLAN_TEST_DB (scripts/test.sh starts one).
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly string _serverConnectionString;
    private Respawner? _respawner;
    private WorkPlanFactory? _factory;
    private WorkPlanFactory? _octoberFactory;
    private WorkPlanFactory? _demoFactory;

    public DatabaseFixture()
    {
        _serverConnectionString = Environment.GetEnvironmentVariable("WORKPLAN_TEST_DB")
            ?? "Host=127.0.0.1;Port=55433;Username=postgres";
        DatabaseName = $"workplan_test_{Guid.NewGuid():N}";
        ConnectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = DatabaseName }.ConnectionString;
    }

    public string DatabaseName { get; }

    public string ConnectionString { get; }

    /// <summary>The web application over this database, started on first use and shared by the collection.</summary>
    public WorkPlanFactory Factory => _factory ??= new WorkPlanFactory(ConnectionString);

    /// <summary>The demo's "today", 3 October 2022 (September still open, August locked): for monthly entry.</summary>
    public static readonly DateTimeOffset October3 = new(2022, 10, 3, 9, 0, 0, TimeSpan.FromHours(5));

    /// <summary>The web application with its clock starting on <see cref="October3"/>.</summary>
    public WorkPlanFactory OctoberFactory => _octoberFactory ??= new WorkPlanFactory(
        ConnectionString, settings: new Dictionary<string, string?> { ["WorkPlan:Today"] = October3.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>
    /// The web application running as the demo (WorkPlan:DemoMode), where demo accounts sign in with a password
    /// alone. Its start-up loads the demo data into whatever the database holds then (idempotent); tests reset first.
    /// </summary>
    public WorkPlanFactory DemoFactory => _demoFactory ??= new WorkPlanFactory(
        ConnectionString, settings: new Dictionary<string, string?> { ["WorkPlan:DemoMode"] = "true" });

    public AppDbContext CreateContext() => CreateContext(ConnectionString);

    /// <summary>The demo region's seeder over a context, with the app's own plan titles (from its resources).</summary>
    public static DemoRegionSeeder RegionSeeder(AppDbContext db) => new(db, PlanTitles, NullLogger<DemoRegionSeeder>.Instance);

    /// <summary>New plans' titles as the app words them, from its resources (no web host needed).</summary>
    public static WorkPlan.Core.Plans.IPlanTitles PlanTitles { get; } = new WorkPlan.Web.Infrastructure.ResourcePlanTitles(
        new Microsoft.Extensions.Localization.StringLocalizer<WorkPlan.Web.SharedResource>(new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
            Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)));

    /// <summary>A context over any test database (no retries: a test sees the first fault).</summary>
    public static AppDbContext CreateContext(string connectionString) => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseNpgsql(connectionString)
        .UseSnakeCaseNamingConvention()
        .Options);

    public async Task InitializeAsync()
    {
        await using (var db = CreateContext())
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__EFMigrationsHistory"],
        });
    }

    /// <summary>Empties every table, so that a test starts from a known state.</summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
    }

    /// <summary>
    /// Empties every table and loads the demo data and accounts, as demo mode does at start-up. The
    /// accounts' password hash uses few PBKDF2 iterations here, to keep resets fast; the app's own
    /// hasher (210,000 iterations) is checked by its own test.
    /// </summary>
    public async Task ResetWithDemoDataAsync()
    {
        await ResetAsync();
        await SeedDemoAsync(ConnectionString);
    }

    /// <summary>The demo data with the year's monthly actuals and the rest of the Andijon region (its template and districts).</summary>
    public async Task ResetWithDemoRegionAsync()
    {
        await ResetWithDemoDataAsync();
        await using var db = CreateContext();
        await new DemoActualsSeeder(db, NullLogger<DemoActualsSeeder>.Instance).SeedAsync();
        await RegionSeeder(db).SeedAsync();
    }

    /// <summary>The demo region and the rest of the demo tree: two more regions, the regional centres' own plans, the national catalogue and the regional reports.</summary>
    public async Task ResetWithDemoTreeAsync()
    {
        await ResetWithDemoRegionAsync();
        await using var db = CreateContext();
        await TreeSeeder(db).SeedAsync();
    }

    /// <summary>The demo tree's seeder over a context, with the app's plan titles and fast password hashes.</summary>
    public static DemoTreeSeeder TreeSeeder(AppDbContext db) => new(
        db, PlanTitles, new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 })), NullLogger<DemoTreeSeeder>.Instance);

    /// <summary>Loads the demo data and accounts (fast password hashes) into an empty, migrated database.</summary>
    public static async Task SeedDemoAsync(string connectionString)
    {
        await using var db = CreateContext(connectionString);
        await new DemoDataSeeder(db, NullLogger<DemoDataSeeder>.Instance).SeedAsync();
        var hasher = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
        await new DemoUserSeeder(db, hasher, TimeProvider.System, NullLogger<DemoUserSeeder>.Instance).SeedAsync();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_octoberFactory is not null)
        {
            await _octoberFactory.DisposeAsync();
        }

        if (_demoFactory is not null)
        {
            await _demoFactory.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseTests : ICollectionFixture<DatabaseFixture>
{
    public const string Name = "db";
}
