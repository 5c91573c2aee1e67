using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

/// <summary>
/// A save the database refuses for a reason other than a stale row or a unique value taken first (here a check
/// constraint, raised by a trigger the test installs) is a bug: it is answered as a server error and logged, never
/// shown to the user as a conflict or as "this already exists".
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class ConstraintViolationTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string CheckViolation = "23514";

    public Task InitializeAsync() => database.ResetWithDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Saves => ["a new plan", "a section added in the editor", "a month's actuals"];

    [Theory]
    [MemberData(nameof(Saves))]
    public async Task AnswersAServerErrorAndLogsIt_NotAConflict_WhenTheDatabaseRefusesTheSaveForAnotherReason(string save)
    {
        var (table, user, formUrl, postUrl, fields) = await CaseAsync(save);
        var (app, events) = SecurityEvents.Capture(database.OctoberFactory);
        await using var _ = app;
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, user);
        var token = await Forms.TokenAsync(client, formUrl);
        var before = await CountAsync(table);

        HttpResponseMessage response;
        await using (await RefusingInsertsAsync(table))
        {
            response = await client.PostAsync(postUrl, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
        }

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError, "{0} refused by a bug is not someone else's change nor an existing record", save);
        (await CountAsync(table)).Should().Be(before, "nothing is saved");
        events.Errors.Select(e => e.Exception).OfType<DbUpdateException>().Select(e => (e.InnerException as PostgresException)?.SqlState)
            .Should().NotBeEmpty("the refusal is logged as a server error").And.OnlyContain(state => state == CheckViolation);
    }

    private async Task<(string Table, string User, string FormUrl, string PostUrl, Dictionary<string, string> Fields)> CaseAsync(string save)
    {
        await using var db = database.CreateContext();
        var xojaobod = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
        var asaka = await db.Plans.Where(p => p.Organisation!.Code == "asaka").Select(p => p.Id).SingleAsync();
        var row = await db.Indicators.Where(i => i.PlanId == xojaobod && i.Number == "1").Select(i => i.Id).SingleAsync();
        return save switch
        {
            "a new plan" => ("plans", "xojaobod.inspektor", "/Plans", "/Plans/Create", new() { ["year"] = "2023" }),
            "a section added in the editor" => ("sections", "asaka.direktor", $"/PlanEditor/Index/{asaka}", $"/PlanEditor/AddSection/{asaka}",
                new() { ["Label"] = "IX", ["Title"] = "YANGI BO'LIM" }),
            _ => ("monthly_actuals", "xojaobod.direktor", $"/Actuals?planId={xojaobod}&month=9", $"/Actuals/Save?planId={xojaobod}&month=9",
                new() { ["cells[0].IndicatorId"] = row.ToString(CultureInfo.InvariantCulture), ["cells[0].Value"] = "7" }),
        };
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A trigger that refuses every insert into the table with a check violation, until disposed.</summary>
    private async Task<IAsyncDisposable> RefusingInsertsAsync(string table)
    {
        await ExecuteAsync($"""
            CREATE OR REPLACE FUNCTION test_refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'refused by the test' USING ERRCODE = 'check_violation'; END $$;
            CREATE TRIGGER test_refuse_insert BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION test_refuse_insert();
            """);
        return new Cleanup(() => ExecuteAsync($"DROP TRIGGER test_refuse_insert ON {table}; DROP FUNCTION test_refuse_insert();"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Cleanup(Func<Task> dispose) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await dispose();
    }
}
