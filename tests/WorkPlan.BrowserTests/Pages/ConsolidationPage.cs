using Microsoft.Playwright;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>The regional consolidation: its filter form, the districts' statuses, the table and its exports.</summary>
public sealed class ConsolidationPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Viloyat bo'yicha jamlanma", Level = 1 });

    public ILocator Quarter => page.GetByLabel("Chorak", new() { Exact = true });

    public ILocator ShowButton => page.GetByRole(AriaRole.Button, new() { Name = "Ko'rsatish", Exact = true });

    public ILocator Title => page.Locator("#consolidation-title");

    /// <summary>The header cells of the districts whose figures the table shows.</summary>
    public ILocator DistrictColumns => page.Locator(".consolidation-table th.district-column");

    public ILocator StatusTable => page.Locator(".status-table");

    public ILocator ExcelLink => page.GetByRole(AriaRole.Link, new() { Name = "Excel", Exact = true });

    public ILocator CompletenessLink => page.GetByRole(AriaRole.Link, new() { Name = "To'liqlik va muddatlar", Exact = true });

    /// <summary>The figures of a catalogue row: each district's, then the region's target, quarter, year to date and percent.</summary>
    public async Task<IReadOnlyList<string>> FiguresAsync(string code) =>
        [.. (await page.Locator($"tr[data-code='{code}'] td.cell-value").AllInnerTextsAsync()).Select(t => t.Trim())];

    public async Task ShowQuarterAsync(int quarter)
    {
        await Quarter.SelectOptionAsync(quarter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.RunAndWaitForResponseAsync(() => ShowButton.ClickAsync(), r => r.Request.IsNavigationRequest && r.Url.Contains("/Consolidation", StringComparison.Ordinal));
    }

    /// <summary>Clicks "Excel" and saves the file the browser downloads to <paramref name="path"/>.</summary>
    public async Task<IDownload> DownloadExcelAsync(string path)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => ExcelLink.ClickAsync());
        await download.SaveAsAsync(path);
        return download;
    }
}
