using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>The centre's quarterly reports at /Reports?planId={id}: one line per quarter with its status and due date.</summary>
public sealed class ReportsPage(IPage page)
{
    /// <summary>Quarters as the UI names them.</summary>
    public static readonly string[] QuarterNames = ["I chorak", "II chorak", "III chorak", "IV chorak"];

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public static string PathFor(int planId) => string.Create(CultureInfo.InvariantCulture, $"/Reports?planId={planId}");

    /// <summary>The quarter's line (data-quarter).</summary>
    public ILocator Line(int quarter) => page.Locator($"main table tr[data-quarter='{quarter}']");

    /// <summary>The quarter's status as listed: "Yuborilmagan", "Yuborildi", "Qabul qilindi", "Qaytarildi".</summary>
    public ILocator Status(int quarter) => Line(quarter).Locator("td").Nth(1);

    public async Task GotoAsync(int planId)
    {
        await page.GotoAsync(PathFor(planId));
        await Expect(Heading).ToContainTextAsync("Choraklik hisobot");
    }

    /// <summary>Clicks the quarter's link ("I chorak") and waits for its report.</summary>
    public async Task<QuarterReportPage> OpenQuarterAsync(int quarter)
    {
        await Line(quarter).GetByRole(AriaRole.Link, new() { Name = QuarterNames[quarter - 1], Exact = true }).ClickAsync();
        var report = new QuarterReportPage(page);
        await report.ExpectShownAsync(quarter);
        return report;
    }
}
