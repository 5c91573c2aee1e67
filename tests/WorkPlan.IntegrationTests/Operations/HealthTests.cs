using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

[Collection(DatabaseTests.Name)]
public sealed class HealthTests(DatabaseFixture database)
{
    [Fact]
    public async Task IsReady_WhenTheDatabaseAnswersWithThisBuildsSchema()
    {
        var response = await database.Factory.CreateClient().GetAsync("/healthz");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var report = await ReportAsync(response);
        report.GetProperty("status").GetString().Should().BeOneOf("Healthy", "Degraded");
        report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().Should().Be("Healthy");
        report.GetProperty("checks").GetProperty("schema").GetProperty("status").GetString().Should().Be("Healthy");
        report.GetProperty("checks").TryGetProperty("pdf", out var pdf).Should().BeTrue("the PDF engine's state is reported");
        pdf.GetProperty("data").GetProperty("chromium").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task AnswersServiceUnavailable_WhenTheDatabaseDoesNotAnswer_WhileTheLiveCheckStaysUp()
    {
        // Nothing listens on port 1; the app starts without migrating and reports the database as down.
        await using var factory = new WorkPlanFactory("Host=127.0.0.1;Port=1;Database=none;Username=postgres;Timeout=2");
        var client = factory.CreateClient();

        (await client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/healthz/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/healthz/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task IsNotReady_WhenTheDatabaseLacksTheLatestMigration()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(database);
        await using (var db = scratch.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
        }

        await using var factory = new WorkPlanFactory(scratch.ConnectionString);
        var response = await factory.CreateClient().GetAsync("/healthz");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var schema = (await ReportAsync(response)).GetProperty("checks").GetProperty("schema");
        schema.GetProperty("status").GetString().Should().Be("Unhealthy");
        schema.GetProperty("description").GetString().Should().Contain("lacks 1 migration");
    }

    [Fact]
    public async Task IsNotReady_WhenTheDatabaseHoldsAMigrationThisBuildDoesNotKnow()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(database);
        await using (var db = scratch.CreateContext())
        {
            await db.Database.MigrateAsync();
            var history = db.GetService<IHistoryRepository>();
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow("29991231000000_FromANewerBuild", "10.0.0")));
        }

        await using var factory = new WorkPlanFactory(scratch.ConnectionString);
        var response = await factory.CreateClient().GetAsync("/healthz");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var schema = (await ReportAsync(response)).GetProperty("checks").GetProperty("schema");
        schema.GetProperty("status").GetString().Should().Be("Unhealthy");
        schema.GetProperty("description").GetString().Should().Contain("29991231000000_FromANewerBuild");
    }

    private static async Task<JsonElement> ReportAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
