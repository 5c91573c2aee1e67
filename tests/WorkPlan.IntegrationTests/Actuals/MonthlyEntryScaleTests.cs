using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Actuals;

/// <summary>How monthly entry behaves at size and under load: a fixed number of queries, and no lost value.</summary>
[Collection(DatabaseTests.Name)]
public sealed class MonthlyEntryScaleTests(DatabaseFixture database) : IAsyncLifetime
{
    private int _planId;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        await new DemoActualsSeeder(db, NullLogger<DemoActualsSeeder>.Instance).SeedAsync();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunsTheSameNumberOfQueries_WhateverTheNumberOfRows()
    {
        var small = database.OctoberFactory.CreateClientAs("xojaobod.kadrlar");
        var large = database.OctoberFactory.CreateClientAs("xojaobod.direktor");
        await small.GetAsync($"/Actuals?planId={_planId}&month=9");
        using var counter = new SqlCounter();

        counter.Reset();
        var fewRows = await Html.ParseAsync(await small.GetAsync($"/Actuals?planId={_planId}&month=9"));
        var fewQueries = counter.Count;
        counter.Reset();
        var allRows = await Html.ParseAsync(await large.GetAsync($"/Actuals?planId={_planId}&month=9"));
        var allQueries = counter.Count;

        fewRows.QuerySelectorAll("tr[data-number]").Length.Should().BeLessThan(10);
        allRows.QuerySelectorAll("tr[data-number]").Should().HaveCount(55);
        allQueries.Should().Be(fewQueries, "the sheet's queries do not grow with its rows");
        allQueries.Should().BeLessThanOrEqualTo(25, "the sheet, the to-do list and the completeness table are a fixed handful of queries");
    }

    [Fact]
    public async Task SavesAMonthInAFixedNumberOfRoundTrips_WhateverTheNumberOfCells()
    {
        var client = database.OctoberFactory.CreateClientAs("xojaobod.direktor");
        using var counter = new SqlCounter();

        var fewCells = await SaveCountingAsync(client, counter, ["1"], 5);
        var manyCells = await SaveCountingAsync(client, counter, ["2", "4", "5", "6", "7", "8", "11", "12", "16", "17", "18", "19", "20", "21", "25", "26", "28", "29", "32", "33", "34", "35"], 7);

        manyCells.Should().Be(fewCells, "one save is one transaction whose statements go in one batch");
    }

    [Fact]
    public async Task LosesNoAcknowledgedValue_WhenTwentyServiceHeadsSaveAtOnceForThirtySeconds()
    {
        // Twenty writers: the six demo service heads and fourteen more spread over the six services.
        var services = new[] { "bibliography", "acquisition", "lending", "ict", "reading-rooms", "hr" };
        var writers = new List<(string User, string Service)>();
        for (var i = 0; i < 20; i++)
        {
            var service = services[i % services.Length];
            var name = $"xojaobod.yuk{i:00}";
            await TestUsers.CreateAsync(database, name, Core.Common.Roles.ServiceHead, "xojaobod", isDemo: true, serviceCode: service);
            writers.Add((name, service));
        }

        var acknowledged = new ConcurrentDictionary<(int Indicator, int Month), (decimal Value, DateTimeOffset At)>();
        var failures = new ConcurrentBag<string>();
        var saves = 0;
        var conflicts = 0;
        var until = DateTime.UtcNow.AddSeconds(30);
        await Task.WhenAll(writers.Select(async (writer, n) =>
        {
            var client = database.OctoberFactory.CreateClientAs(writer.User);
            var round = 0;
            while (DateTime.UtcNow < until)
            {
                round++;
                var page = await Html.ParseAsync(await client.GetAsync($"/Actuals?planId={_planId}&month=9"));
                var cells = page.QuerySelectorAll("input.cell-input").Length;
                if (cells == 0)
                {
                    failures.Add($"{writer.User}: no cell to write");
                    return;
                }

                var fields = MonthlyEntryForm.Fields(page, row => (n * 1000) + round);
                var response = await client.PostAsync($"/Actuals/Save?planId={_planId}&month=9", new FormUrlEncodedContent(fields.Fields));
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{writer.User}: {(int)response.StatusCode}");
                }
                else if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    Interlocked.Increment(ref saves);
                    var at = DateTimeOffset.UtcNow;
                    foreach (var (indicator, value) in fields.Typed)
                    {
                        acknowledged.AddOrUpdate((indicator, 9), (value, at), (_, old) => old.At > at ? old : (value, at));
                    }
                }
                else
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        }));

        failures.Should().BeEmpty();
        saves.Should().BeGreaterThan(20);
        await using var db = database.CreateContext();
        var stored = await db.MonthlyActuals.Where(a => a.Indicator!.PlanId == _planId && a.Month == 9).ToDictionaryAsync(a => a.IndicatorId, a => a.Value);
        var history = await db.ActualChanges.Where(c => c.Month == 9).Select(c => new { c.IndicatorId, c.ValueAfter }).ToListAsync();
        foreach (var ((indicator, _), (value, _)) in acknowledged)
        {
            stored.Should().ContainKey(indicator);
            history.Should().Contain(h => h.IndicatorId == indicator && h.ValueAfter == value, "every acknowledged save is in the table's history");
        }

        Console.WriteLine($"Concurrency: {writers.Count} writers, 30 s, {saves} acknowledged saves, {conflicts} conflicts shown, {acknowledged.Count} cells, 0 lost, {failures.Count} errors");
    }

    private async Task<int> SaveCountingAsync(HttpClient client, SqlCounter counter, string[] numbers, decimal value)
    {
        var page = await Html.ParseAsync(await client.GetAsync($"/Actuals?planId={_planId}&month=9"));
        var fields = MonthlyEntryForm.Fields(page, row => numbers.Contains(row) ? value : null);
        counter.Reset();
        var response = await client.PostAsync($"/Actuals/Save?planId={_planId}&month=9", new FormUrlEncodedContent(fields.Fields));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return counter.Count;
    }
}

/// <summary>Fills the entry form as a browser would: the page's own fields, with some cells typed in.</summary>
public static class MonthlyEntryForm
{
    public static (List<KeyValuePair<string, string>> Fields, List<(int Indicator, decimal Value)> Typed) Fields(AngleSharp.Dom.IDocument page, Func<string, decimal?> value)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(value);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", page.QuerySelector("form.entry-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        };
        var typed = new List<(int, decimal)>();
        foreach (var row in page.QuerySelectorAll("tr[data-number]"))
        {
            var number = row.GetAttribute("data-number")!;
            var indicator = row.QuerySelector("input[name$='.IndicatorId']")?.GetAttribute("value");
            foreach (var input in row.QuerySelectorAll("input[name^='cells[']"))
            {
                var name = input.GetAttribute("name")!;
                var current = input.GetAttribute("value") ?? string.Empty;
                if (input.GetAttribute("type") == "radio" && !input.HasAttribute("checked"))
                {
                    continue; // a browser sends no unchecked choice
                }

                if (name.EndsWith(".Value", StringComparison.Ordinal) && value(number) is { } v)
                {
                    current = v.ToString(CultureInfo.InvariantCulture);
                    typed.Add((int.Parse(indicator!, CultureInfo.InvariantCulture), v));
                }

                fields.Add(new(name, current));
            }
        }

        return (fields, typed);
    }
}
