using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Regional;

/// <summary>
/// Completeness, timeliness and dashboards on the demo's Andijon region as of 3 October 2022: seven
/// districts, six with plans in force made from the region's template, reports on time, late,
/// missing and returned.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class RegionalDemoTests(DatabaseFixture database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetWithDemoRegionAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ShowsEachDistrictsQuartersAsOnTimeLateMissingOrReturned()
    {
        var page = await Html.ParseAsync(await Region().GetAsync("/Completeness"));

        Quarters(page, "Xo'jaobod").Should().Equal("OnTime", "OnTime", "Pending", "NotDue");
        Quarters(page, "Bo'z").Should().Equal("Late", "Returned", "Pending", "NotDue");
        Quarters(page, "Izboskan").Should().Equal("OnTime", "Late", "Pending", "NotDue");
        Quarters(page, "Marhamat").Should().Equal("OnTime", "Overdue", "Pending", "NotDue");
        page.QuerySelector(".quarters-matrix")!.Text().Should().Contain("Qaytarilgan").And.Contain("Kechikib").And.Contain("Yuborilmagan, muddati o'tgan");
        Row(page, ".quarters-matrix", "Asaka").Text().Should().Contain("Amaldagi reja yo'q");
    }

    [Fact]
    public async Task ShowsWhichMonthsEachDistrictEnteredFullyPartlyOrNot()
    {
        var page = await Html.ParseAsync(await Region().GetAsync("/Completeness"));

        page.QuerySelectorAll(".months-matrix thead th").Should().HaveCount(10, "the district column and January to September, the months that have ended");
        Months(page, "Baliqchi").Should().Equal("Full", "Full", "Full", "Full", "Full", "Full", "Full", "Full", "None");
        Months(page, "Izboskan")[6..8].Should().Equal("Full", "Partial");
        Months(page, "Marhamat")[5..8].Should().Equal("Full", "None", "None");
        Months(page, "Shahrixon")[5].Should().Be("Partial");
        Months(page, "Asaka").Should().OnlyContain(s => s == "NotDue");
    }

    [Fact]
    public async Task ShowsADistrictItsServicesMonthByMonth()
    {
        var page = await Html.ParseAsync(await database.OctoberFactory.CreateClientAs("xojaobod.direktor").GetAsync("/Completeness"));

        page.QuerySelectorAll(".months-matrix tbody tr").Should().HaveCount(6, "one line per service");
        page.QuerySelectorAll(".months-matrix tbody td[data-state='Full']").Should().NotBeEmpty();
        page.QuerySelectorAll(".quarters-matrix tbody tr").Should().ContainSingle();
        page.QuerySelector(".quarters-matrix")!.Text().Should().NotContain("Baliqchi");
    }

    [Fact]
    public async Task RanksTheDistrictsAndMapsTheirCompleteness()
    {
        var page = await Html.ParseAsync(await Region().GetAsync("/Dashboard"));

        var ranking = page.QuerySelectorAll("#ranking tbody tr").Select(r => r.QuerySelector("th")!.Text()).ToList();
        var percents = page.QuerySelectorAll("#ranking tbody tr td:nth-child(2)").Select(c => c.GetAttribute("data-value")).ToList();
        ranking.Should().HaveCount(7).And.StartWith("Baliqchi TAKM").And.EndWith("Asaka TAKM");
        ranking.IndexOf("Marhamat TAKM").Should().BeGreaterThan(ranking.IndexOf("Xo'jaobod TAKM"), "Marhamat has entered nothing since June");
        percents.Take(6).Select(p => decimal.Parse(p!, System.Globalization.CultureInfo.InvariantCulture)).Should().BeInDescendingOrder();
        page.QuerySelectorAll(".heat-map tbody tr").Should().HaveCount(7);
        page.QuerySelectorAll(".heat-map thead th").Should().HaveCount(9, "January to August, the months with figures");
        page.QuerySelector("#across-table")!.QuerySelectorAll("tbody tr").Should().HaveCount(7);
    }

    [Fact]
    public async Task ShowsADistrictItsExecution_AndAnIndicatorsMonthsAgainstThePlanLine()
    {
        var client = database.OctoberFactory.CreateClientAs("xojaobod.direktor");
        await using var db = database.CreateContext();
        var row16 = await db.Indicators.Where(i => i.Plan!.Organisation!.Code == "xojaobod" && i.Number == "16").Select(i => new { i.Id, i.PlanId }).SingleAsync();
        var months = await db.MonthlyActuals.Where(a => a.IndicatorId == row16.Id).OrderBy(a => a.Month).Select(a => a.Value).ToListAsync();

        var page = await Html.ParseAsync(await client.GetAsync($"/Dashboard/District?planId={row16.PlanId}&indicatorId={row16.Id}"));

        page.QuerySelectorAll("#by-section tbody tr").Should().HaveCount(4);
        page.QuerySelectorAll("#by-service tbody tr").Should().HaveCount(6);
        var series = page.QuerySelectorAll("#series-table tbody tr").ToList();
        series.Should().HaveCount(12);
        Value(series[0], 2).Should().Be(months[0]);
        Value(series[7], 3).Should().Be(months.Sum(), "the year to date of a sum adds the months");
        Value(series[5], 4).Should().Be(52_500m, "half of 105 000 by the end of June");
        Value(series[8], 2).Should().BeNull("September is not entered yet");
        page.QuerySelectorAll(".behind-table tbody tr").Should().HaveCountLessThanOrEqualTo(10);
    }

    /// <summary>
    /// "Behind plan" is one rule: the rows the dashboard lists as most behind are flagged on the entry sheet of the month
    /// the figures stand at, and the home page counts the same rows (its month, September, is not entered yet, so it
    /// stands at August as the dashboard does).
    /// </summary>
    [Theory]
    [InlineData("xojaobod")]
    [InlineData("boz")]
    public async Task CallsTheSameRowsBehindPlanOnTheEntrySheetTheHomePageAndTheDashboard(string district)
    {
        var client = database.OctoberFactory.CreateClientAs($"{district}.direktor");
        await using var db = database.CreateContext();
        var planId = await db.Plans.Where(p => p.Organisation!.Code == district).Select(p => p.Id).SingleAsync();
        var latest = await db.MonthlyActuals.Where(a => a.Indicator!.PlanId == planId && a.Value != null).MaxAsync(a => a.Month);
        var asOf = Math.Min(latest, 9);

        var dashboard = await Html.ParseAsync(await client.GetAsync($"/Dashboard/District?planId={planId}"));
        var sheet = await Html.ParseAsync(await client.GetAsync($"/Actuals?planId={planId}&month={asOf}"));
        var home = await Html.ParseAsync(await client.GetAsync("/"));

        var listed = dashboard.QuerySelectorAll(".behind-table tbody tr").Select(r => r.GetAttribute("data-number")!).ToList();
        var flagged = sheet.QuerySelectorAll("tr.behind-plan").Select(r => r.GetAttribute("data-number")!).ToList();
        flagged.Should().NotBeEmpty("the demo's districts are behind on some rows in {0}", asOf);
        flagged.Should().Contain(listed);
        listed.Should().HaveCount(Math.Min(10, flagged.Count));
        var count = System.Text.RegularExpressions.Regex.Match(home.Body!.TextContent, @"Rejadan orqada: (\d+)");
        count.Success.Should().BeTrue();
        int.Parse(count.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).Should().Be(flagged.Count);
    }

    [Fact]
    public async Task NeverShowsADistrictAnotherDistrictsDashboard()
    {
        await using var db = database.CreateContext();
        var baliqchi = await db.Plans.Where(p => p.Organisation!.Code == "baliqchi").Select(p => p.Id).SingleAsync();

        var response = await database.OctoberFactory.CreateClientAs("xojaobod.direktor").GetAsync($"/Dashboard/District?planId={baliqchi}");
        var completeness = await database.OctoberFactory.CreateClientAs("xojaobod.direktor").GetAsync($"/Completeness/Plan?planId={baliqchi}");
        var byRegion = await Region().GetAsync($"/Dashboard/District?planId={baliqchi}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        completeness.StatusCode.Should().Be(HttpStatusCode.NotFound);
        byRegion.StatusCode.Should().Be(HttpStatusCode.OK, "the region sees its districts");
    }

    private HttpClient Region() => database.OctoberFactory.CreateClientAs("andijon.direktor");

    private static IElement Row(IDocument page, string table, string district) =>
        page.QuerySelectorAll($"{table} tbody tr").Single(r => r.QuerySelector("th")!.Text().Contains($" {district} ", StringComparison.Ordinal));

    private static List<string> Quarters(IDocument page, string district) =>
        [.. Row(page, ".quarters-matrix", district).QuerySelectorAll("td[data-timeliness]").Select(c => c.GetAttribute("data-timeliness")!)];

    private static List<string> Months(IDocument page, string district) =>
        [.. Row(page, ".months-matrix", district).QuerySelectorAll("td[data-state]").Select(c => c.GetAttribute("data-state")!)];

    private static decimal? Value(IElement row, int column) =>
        row.QuerySelector($"td:nth-child({column})")?.GetAttribute("data-value") is { Length: > 0 } v ? decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : null;
}
