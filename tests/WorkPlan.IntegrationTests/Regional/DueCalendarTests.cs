using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Regional;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Regional;

/// <summary>
/// When a row expects a monthly actual: "davomida" and "har oyda" rows every month, a one-off task
/// (row 27 "Xatlov", row 3 with target 1) only by its deadline; the C# rule and its SQL mirror agree.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class DueCalendarTests(DatabaseFixture database) : IAsyncLifetime
{
    private int _planId;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AgreesBetweenTheRuleAndItsSqlMirror_OnEveryRowAndMonthOfThePlan()
    {
        // A flow entered some months, a one-off done early (27 in June), one done in its deadline (3 in March),
        // a one-off of Q3 not done, a quarterly row, and a "-" row with a value anyway.
        await RegionalFixture.AddActualsAsync(database, _planId,
            ("16", 1, 8_000), ("16", 2, 8_100), ("16", 5, 9_000), ("16", 9, 9_500),
            ("27", 6, 1), ("3", 3, 1), ("37", 3, 1), ("37", 9, 1), ("14", 4, 40), ("13", 2, 5), ("30", 10, 2));
        await using var db = database.CreateContext();
        var rows = await db.Indicators.AsNoTracking().Where(i => i.PlanId == _planId).ToListAsync();
        var entered = (await db.MonthlyActuals.AsNoTracking().Where(a => a.Indicator!.PlanId == _planId).Select(a => new { a.IndicatorId, a.Month }).ToListAsync())
            .Select(a => (a.IndicatorId, a.Month)).ToHashSet();

        using var scope = database.Factory.Services.CreateScope();
        var sql = (await scope.ServiceProvider.GetRequiredService<IRegionalFigures>().MonthFillAsync([_planId], 12)).ToDictionary(f => f.Month);

        foreach (var month in Enumerable.Range(1, 12))
        {
            var due = rows.Where(i => PlanRules.ExpectsActual(i.Target, i.Schedule, i.Rollup, month)).ToList();
            var answered = due.Count(i => Enumerable.Range(1, month).Any(k => entered.Contains((i.Id, k)) && PlanRules.Answers(i.Target, i.Rollup, month, k)));
            var fill = sql.GetValueOrDefault(month);
            (fill?.Due ?? 0, fill?.Entered ?? 0).Should().Be((due.Count, answered), $"month {month}: C# and SQL count the same due and entered values");
        }

        var byNumber = rows.ToDictionary(i => i.Number);
        Months(byNumber["27"]).Should().Equal([12], "an inventory done once is due by its deadline (\"davomida\": December)");
        Months(byNumber["3"]).Should().Equal([3], "a one-off of the first quarter is due in March");
        Months(byNumber["16"]).Should().Equal(Enumerable.Range(1, 12), "a \"davomida\" flow expects every month");
        Months(byNumber["14"]).Should().Equal(Enumerable.Range(1, 12), "\"Har oyda\" expects every month");
        Months(byNumber["37"]).Should().Equal([3, 6, 9, 12]);
        Months(byNumber["13"]).Should().BeEmpty("\"-\" expects nothing");
        sql[12].Entered.Should().BeGreaterThan(0, "27 done in June answers December");
    }

    [Fact]
    public async Task ListsAOneOffAsMissingOnlyInItsDeadlineMonth_NotEveryMonth()
    {
        var acquisition = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("xojaobod.fond").GetAsync($"/Actuals?planId={_planId}&month=9"));
        var bibliography = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("xojaobod.bibliografiya").GetAsync($"/Actuals?planId={_planId}&month=9"));

        static List<string> Missing(AngleSharp.Dom.IDocument page, string number) =>
            [.. page.QuerySelectorAll(".missing-entries li").Select(li => li.Text().Trim()).Where(t => t.Contains($" {number}. ", StringComparison.Ordinal))];
        Missing(acquisition, "27").Should().BeEmpty("the inventory is due by December, not every month");
        Missing(acquisition, "11").Should().NotBeEmpty("a \"davomida\" flow is missing from January");
        Missing(bibliography, "3").Should().ContainSingle("a one-off of the first quarter is due in March only").Which.Should().StartWith("Mart");
        acquisition.QuerySelector("tr[data-number='27'] .cell-name")!.Text().Should().Contain("bu oy kutilmaydi");
    }

    [Fact]
    public async Task ReadsTheFourthQuarterAsNotYetDue_InOctober()
    {
        var director = database.OctoberFactory.CreateClientAs("xojaobod.direktor");

        var home = await Html.ParseAsync(await director.GetAsync("/"));
        var reports = await Html.ParseAsync(await director.GetAsync($"/Reports?planId={_planId}"));
        var fourth = await Html.ParseAsync(await director.GetAsync($"/Reports/Quarter?planId={_planId}&quarter=4"));

        home.QuerySelector("li[data-quarter='4']")!.Text().Should().Contain("Muddati kelmagan").And.NotContain("Yuborilmagan");
        home.QuerySelector("li[data-quarter='3']")!.Text().Should().NotContain("Muddati kelmagan", "the third quarter has ended");
        reports.QuerySelector("tr[data-quarter='4']")!.Text().Should().Contain("Muddati kelmagan");
        fourth.QuerySelector("main .badge")!.Text().Should().Be("Muddati kelmagan");
    }

    private static List<int> Months(Indicator row) => [.. Enumerable.Range(1, 12).Where(m => PlanRules.ExpectsActual(row.Target, row.Schedule, row.Rollup, m))];
}
