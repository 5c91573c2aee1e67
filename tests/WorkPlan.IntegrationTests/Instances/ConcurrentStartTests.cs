using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlan.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace WorkPlan.IntegrationTests.Instances;

/// <summary>
/// Several instances of the app, as real processes, starting at once on one empty database: one migrates
/// under the advisory lock, the others wait and find nothing pending; none aborts.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class ConcurrentStartTests(DatabaseFixture database, ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Production = new()
    {
        ["WorkPlan__MigrateOnStartup"] = "true",
        ["WorkPlan__Bootstrap__AdminUserName"] = "bosh.admin",
        ["WorkPlan__Bootstrap__AdminPassword"] = "Birinchi-kirish-paroli-1",
    };

    [Fact]
    public async Task Three_instances_started_together_on_an_empty_database_all_become_ready_with_the_whole_schema_and_one_administrator()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(database);

        var starts = Enumerable.Range(0, 3).Select(_ => AppProcess.StartAsync(scratch.ConnectionString, Production, output)).ToList();
        var apps = new List<AppProcess>();
        try
        {
            foreach (var start in starts)
            {
                apps.Add(await start);
            }

            foreach (var app in apps)
            {
                using var client = app.CreateClient();
                var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
                ready.StatusCode.Should().Be(HttpStatusCode.OK, app.Output);
                app.Output.Should().NotContain("already exists");
            }

            await using var db = scratch.CreateContext();
            (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
            (await db.Database.GetAppliedMigrationsAsync()).Should().HaveCount(db.Database.GetMigrations().Count());
            (await db.Users.CountAsync()).Should().Be(1, "the first administrator is created once, not once per instance");
        }
        finally
        {
            foreach (var start in starts)
            {
                try
                {
                    await (await start).DisposeAsync();
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
                {
                    // It failed to start; the assertion above reports it.
                }
            }
        }
    }

    [Fact]
    public async Task Migrate_only_brings_an_empty_database_up_to_date_and_exits_and_instances_then_start_without_migrating()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(database);

        var (exitCode, log) = await AppProcess.RunToExitAsync(scratch.ConnectionString, Production, output, "--migrate-only");

        exitCode.Should().Be(0, log);
        await using (var db = scratch.CreateContext())
        {
            (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        }

        var instance = new Dictionary<string, string> { ["WorkPlan__MigrateOnStartup"] = "false" };
        await using var app = await AppProcess.StartAsync(scratch.ConnectionString, instance, output);
        using var client = app.CreateClient();
        (await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, app.Output);
    }
}
