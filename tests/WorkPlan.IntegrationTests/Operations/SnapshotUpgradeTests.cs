using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Serilog.Core;
using Serilog.Events;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

/// <summary>
/// Signed plan versions and submitted reports stored before schema versions were kept (the fixtures, as the
/// earlier build wrote them): after the upgrade they are schema version 1 and read as they were; a row of a
/// version this build does not know fails loudly, with a logged error and a page that says so.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class SnapshotUpgradeTests(DatabaseFixture database) : IAsyncLifetime
{
    private ScratchDatabase _scratch = null!;
    private int _planId;

    public async Task InitializeAsync()
    {
        // The demo data is seeded by this build, then the schema steps down to the earlier build's, which
        // stored the rows below; later migrations have reversible Downs, so the seeded rows survive the step.
        _scratch = await ScratchDatabase.CreateAsync(database);
        await using (var db = _scratch.CreateContext())
        {
            await db.Database.MigrateAsync();
        }

        await DatabaseFixture.SeedDemoAsync(_scratch.ConnectionString);
        await using (var db = _scratch.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_VersionedDocumentSnapshots", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
        }

        await using var connection = new NpgsqlConnection(_scratch.ConnectionString);
        await connection.OpenAsync();
        _planId = (int)(await Command(connection, "SELECT p.id FROM plans p JOIN organisations o ON o.id = p.organisation_id WHERE o.code = 'xojaobod'").ExecuteScalarAsync())!;
        await using var insert = Command(connection, """
            INSERT INTO plan_versions (plan_id, number, came_into_force_at, reason, snapshot) VALUES (@plan, 1, TIMESTAMPTZ '2022-01-05 10:00+05', NULL, @version::jsonb);
            INSERT INTO report_submissions (plan_id, quarter, status, due_date, submitted_at, submitted_by, submission_count)
                VALUES (@plan, 3, 'Submitted', DATE '2022-10-10', TIMESTAMPTZ '2022-10-03 11:00+05', 'xojaobod.inspektor', 1);
            INSERT INTO report_snapshots (report_submission_id, number, document, submitted_at, submitted_by, outcome)
                SELECT id, 1, @report::jsonb, submitted_at, submitted_by, 'Submitted' FROM report_submissions WHERE plan_id = @plan AND quarter = 3;
            """);
        insert.Parameters.AddWithValue("plan", _planId);
        insert.Parameters.AddWithValue("version", await Fixture("plan-version-today.json"));
        insert.Parameters.AddWithValue("report", await Fixture("report-snapshot-today.json"));
        await insert.ExecuteNonQueryAsync();
        await using (var db = _scratch.CreateContext())
        {
            await db.Database.MigrateAsync();
        }
    }

    public async Task DisposeAsync() => await _scratch.DisposeAsync();

    [Fact]
    public async Task ReadsEveryEarlierVersionAndSubmission_AsSchemaVersionOne_AndExportsItWithoutWriting()
    {
        await using var factory = new WorkPlanFactory(_scratch.ConnectionString);
        var (app, writes) = DatabaseWrites.Record(factory);
        await using var _ = app;
        var director = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        director.DefaultRequestHeaders.Add(TestAuthHandler.Header, "xojaobod.direktor");

        var version = await director.GetStringAsync($"/Plans/Version/{_planId}?number=1");
        var report = await Html.ParseAsync(await director.GetAsync($"/Reports/Quarter?planId={_planId}&quarter=3"));
        var excel = await director.GetAsync($"/Reports/ExportExcel?planId={_planId}&quarter=3");

        await using var connection = new NpgsqlConnection(_scratch.ConnectionString);
        await connection.OpenAsync();
        (await Command(connection, "SELECT string_agg(DISTINCT schema_version::text, ',') FROM (SELECT schema_version FROM plan_versions UNION ALL SELECT schema_version FROM report_snapshots) v").ExecuteScalarAsync())
            .Should().Be("1", "every row stored before is schema version 1");
        version.Should().Contain("Me&#x27;yoriy-uslubiy qo&#x27;llanmalar").And.Contain("M.Mo&#x27;minova", "the stored version shows its rows and signatures");
        report.QuerySelectorAll("tr[data-number]").Should().HaveCount(55, "the page shows the stored submission, every row of it");
        excel.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Command(connection, "SELECT count(*) FROM report_snapshots WHERE excel_file IS NOT NULL OR pdf_file IS NOT NULL").ExecuteScalarAsync()).Should().Be(0L, "a download reads and never stores");
        writes.OfData.Should().BeEmpty();
    }

    [Fact]
    public async Task LogsAnErrorAndSaysTheDocumentCannotBeRead_WhenAStoredVersionHasAnUnknownSchemaVersion()
    {
        await using (var connection = new NpgsqlConnection(_scratch.ConnectionString))
        {
            await connection.OpenAsync();
            await Command(connection, "UPDATE plan_versions SET schema_version = 2; UPDATE report_snapshots SET schema_version = 2").ExecuteNonQueryAsync();
        }

        var log = new Errors();
        await using var factory = new WorkPlanFactory(_scratch.ConnectionString);
        await using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(log)));
        var director = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        director.DefaultRequestHeaders.Add(TestAuthHandler.Header, "xojaobod.direktor");

        var version = await director.GetAsync($"/Plans/Version/{_planId}?number=1");
        var report = await director.GetAsync($"/Reports/Quarter?planId={_planId}&quarter=3");

        foreach (var response in new[] { version, report })
        {
            response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
            (await Html.ParseAsync(response)).QuerySelector("h1")!.Text().Should().Be("Hujjatni o'qib bo'lmadi", "the page says a stored document cannot be read, not that it is empty");
        }

        log.Messages.Should().Contain(m => m.Contains("signed plan version of schema version 2 cannot be read", StringComparison.Ordinal))
            .And.Contain(m => m.Contains("submitted report of schema version 2 cannot be read", StringComparison.Ordinal));
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql) => new(sql, connection);

    private static Task<string> Fixture(string name) => File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Snapshots", "Fixtures", name));

    /// <summary>The errors the app logs with an unreadable document, from its real log pipeline.</summary>
    private sealed class Errors : ILogEventSink
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => [.. _messages];

        public void Emit(LogEvent logEvent)
        {
            if (logEvent.Level >= LogEventLevel.Error && logEvent.Exception is Core.Common.UnreadableDocumentException e)
            {
                _messages.Enqueue(e.Message);
            }
        }
    }
}
