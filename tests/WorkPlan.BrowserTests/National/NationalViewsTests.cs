using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WorkPlan.BrowserTests.Infrastructure;
using WorkPlan.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.National;

/// <summary>
/// The National Library's methodologist on the demo tree (3 October 2022): accepts Namangan's consolidated report for the
/// second quarter from the inbox, consolidates the country from the menu, drills down from Namangan's column to the
/// region's consolidation and from a district's column to its plan, and exports the country's figures to Excel.
/// </summary>
public sealed partial class NationalViewsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task AcceptsARegionsReport_ConsolidatesTheCountry_DrillsDownToADistrict_AndExportsExcel() => InBrowserAsync(async () =>
    {
        await SignInAsync(DemoNational.Methodologist, DemoNational.MethodologistName);
        var navBar = new NavBar(Page);

        await navBar.MenuLink(ReportInboxPage.NationalMenuLabel).ClickAsync();
        var inbox = new ReportInboxPage(Page);
        var line = inbox.RegionalLine(DemoNational.NamanganCentre, 2022, 2);
        await Expect(line.Locator("td").Nth(2)).ToContainTextAsync("Yuborildi");
        await line.GetByRole(AriaRole.Link, new() { Name = DemoNational.NamanganCentre, Exact = true }).ClickAsync();
        var accept = Page.GetByRole(AriaRole.Button, new() { Name = "Qabul qilish", Exact = true });
        var question = await ConfirmDialog.ClickAndAcceptAsync(Page, accept, RegionalReportUrl());
        question.Should().Contain("qabul qilinsinmi");
        await Expect(Page.GetByText("Jamlanma hisobot qabul qilindi.")).ToBeVisibleAsync();
        await Expect(accept).ToHaveCountAsync(0);

        await navBar.MenuLink(ReportInboxPage.NationalMenuLabel).ClickAsync();
        await Expect(line.Locator("td").Nth(2)).ToContainTextAsync("Qabul qilindi");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Respublika", Exact = true }).ClickAsync();
        await navBar.MenuLink(NationalConsolidationPage.MenuLabel).ClickAsync();
        var national = new NationalConsolidationPage(Page);
        await Expect(national.Heading).ToBeVisibleAsync();
        await national.ShowQuarterAsync(2);
        var regions = await national.RegionColumns.CountAsync();
        regions.Should().Be(3, "the demo tree has Andijon, Namangan and Samarqand");
        var figures = await national.FiguresAsync(DemoNational.IssuedCode);
        figures.Should().HaveCount(regions + 4, "one figure per region and the country's four");

        await CheckDownloadedSheetAsync(national.DownloadExcelAsync, sheet =>
        {
            var totalColumn = 3 + (regions * 4) + 1;
            sheet.Cell(5, totalColumn).GetString().Should().Be("Respublika bo'yicha jami");
            var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "3" && r.Cell(2).GetString().StartsWith("Foydalanuvchilarga berilgan kitoblar", StringComparison.Ordinal));
            Number(figures[regions]).Should().Be(row.Cell(totalColumn).GetDouble(), "the country's target is the same on the page and in Excel");
            Number(figures[regions + 2]).Should().Be(row.Cell(totalColumn + 2).GetDouble(), "so is the year to date");
        });

        await national.RegionColumns.GetByRole(AriaRole.Link, new() { Name = DemoNational.NamanganShortName, Exact = true }).ClickAsync();
        var regional = new ConsolidationPage(Page);
        await Expect(regional.Heading).ToBeVisibleAsync();
        await Expect(regional.Title).ToContainTextAsync("2022 yil II chorak");
        await Expect(Page.Locator(".region-picker select[name='regionId'] option:checked")).ToHaveTextAsync(DemoNational.NamanganCentre);
        var district = regional.DistrictColumns.GetByRole(AriaRole.Link).Filter(new() { HasText = "Chust" });
        await district.ClickAsync();
        await Expect(new PlanDocumentPage(Page).Title).ToContainTextAsync("Chust");
    });

    [GeneratedRegex("/RegionalReports", RegexOptions.IgnoreCase)]
    private static partial Regex RegionalReportUrl();
}
