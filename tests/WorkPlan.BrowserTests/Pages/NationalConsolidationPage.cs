using Microsoft.Playwright;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>The national consolidation: national indicators × regions and the country's total, its filters and exports.</summary>
public sealed class NationalConsolidationPage(IPage page)
{
    public const string MenuLabel = "Respublika jamlanmasi";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = MenuLabel, Level = 1 });

    public ILocator Quarter => page.GetByLabel("Chorak", new() { Exact = true });

    public ILocator ShowButton => page.GetByRole(AriaRole.Button, new() { Name = "Ko'rsatish", Exact = true });

    /// <summary>The header cells of the regions, each a link to that region's consolidation.</summary>
    public ILocator RegionColumns => page.Locator(".consolidation-table th.region-column");

    public ILocator ExcelLink => page.GetByRole(AriaRole.Link, new() { Name = "Excel", Exact = true });

    /// <summary>The figures of a national indicator's row: each region's, then the country's target, quarter, year to date and percent.</summary>
    public async Task<IReadOnlyList<string>> FiguresAsync(string code) =>
        [.. (await page.Locator($"tr[data-code='{code}'] td.cell-value").AllInnerTextsAsync()).Select(t => t.Trim())];

    public async Task ShowQuarterAsync(int quarter)
    {
        await Quarter.SelectOptionAsync(quarter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.RunAndWaitForResponseAsync(() => ShowButton.ClickAsync(), r => r.Request.IsNavigationRequest && r.Url.Contains("/NationalConsolidation", StringComparison.Ordinal));
    }

    /// <summary>Clicks "Excel" and saves the file the browser downloads to <paramref name="path"/>.</summary>
    public async Task<IDownload> DownloadExcelAsync(string path)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => ExcelLink.ClickAsync());
        await download.SaveAsAsync(path);
        return download;
    }
}
