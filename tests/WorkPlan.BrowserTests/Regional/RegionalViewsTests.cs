using Microsoft.Playwright;
using WorkPlan.BrowserTests.Infrastructure;
using WorkPlan.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Regional;

/// <summary>
/// The regional centre's views on the demo (3 October 2022, seven Andijon districts): the regional director
/// consolidates Q2, exports it and opens the completeness matrix; a district director's dashboard draws its charts.
/// </summary>
public sealed class RegionalViewsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task ConsolidatesTheSecondQuarter_ExportsIt_AndShowsWhoIsLate() => InBrowserAsync(async () =>
    {
        var consolidation = new ConsolidationPage(Page);
        await SignInAsync(DemoAccounts.AndijonDirector, DemoAccounts.AndijonDirectorName);

        await new NavBar(Page).MenuLink("Viloyat bo'yicha jamlanma").ClickAsync();
        await Expect(consolidation.Heading).ToBeVisibleAsync();
        await consolidation.ShowQuarterAsync(2);
        await Expect(consolidation.Title).ToContainTextAsync("2022 yil II chorak");
        await Expect(consolidation.StatusTable).ToContainTextAsync("Qaytarilgan");
        await Expect(consolidation.StatusTable).ToContainTextAsync("Kechikib");
        // Six districts and the regional centre itself have a plan in force in the demo (Asaka's too, once another test has approved it).
        var districts = await consolidation.DistrictColumns.CountAsync();
        districts.Should().BeInRange(7, 8);
        var figures = await consolidation.FiguresAsync("K016");
        figures.Should().HaveCount(districts + 4, "one figure per district in force and the region's four");

        await CheckDownloadedSheetAsync(consolidation.DownloadExcelAsync, sheet =>
        {
            var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "16");
            var totalColumn = 3 + (districts * 4) + 1;
            sheet.Cell(5, totalColumn).GetString().Should().Be("Viloyat bo'yicha jami");
            Number(figures[districts]).Should().Be(row.Cell(totalColumn).GetDouble(), "the region's target is the same on the page and in Excel");
            Number(figures[districts + 2]).Should().Be(row.Cell(totalColumn + 2).GetDouble(), "so is the year to date");
        });

        await consolidation.CompletenessLink.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "To'liqlik va muddatlar", Level = 1 })).ToBeVisibleAsync();
        // Row by row: other browser tests may bring Asaka's plan into force, and with it overdue reports.
        await Expect(Page.Locator(".quarters-matrix tr", new() { HasText = "Bo'z" }).Locator("td[data-timeliness='Returned']")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".quarters-matrix tr", new() { HasText = "Marhamat" }).Locator("td[data-timeliness='Overdue']")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".months-matrix td[data-state='Partial']").First).ToBeVisibleAsync();
    });

    [Fact]
    public Task DrawsTheDirectorsDashboardCharts() => InBrowserAsync(async () =>
    {
        var problems = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add(message.Text);
            }
        };
        Page.PageError += (_, error) => problems.Add(error);
        await SignInAsync(DemoAccounts.XojaobodDirector, DemoAccounts.XojaobodDirectorName);

        await new NavBar(Page).MenuLink("Panel").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Ko'rsatkichlar paneli", Level = 1 })).ToBeVisibleAsync();

        var charts = Page.Locator("figure[data-chart-ready]");
        await Expect(charts).ToHaveCountAsync(3);
        foreach (var canvas in await Page.Locator("figure[data-chart] canvas").AllAsync())
        {
            var box = await canvas.BoundingBoxAsync();
            box.Should().NotBeNull();
            box!.Width.Should().BeGreaterThan(100);
            box.Height.Should().BeGreaterThan(100);
        }

        // The chart is drawn: some of its pixels are not blank.
        var drawn = await Page.EvaluateAsync<bool>("() => { const c = document.querySelector('figure[data-chart] canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; return d.some(v => v !== 0); }");
        drawn.Should().BeTrue();
        await Page.Locator("figure[data-chart] details summary").First.ClickAsync();
        await Expect(Page.Locator("#by-section tbody tr")).ToHaveCountAsync(4);
        problems.Should().BeEmpty("the page draws its charts without script errors or blocked content");
    });
}
