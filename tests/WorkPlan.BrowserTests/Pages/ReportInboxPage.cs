using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>
/// The regional centre's inbox at /Reports/Inbox ("Tumanlar hisobotlari"): one line per district and
/// quarter begun — organisation (a link to the report), "2022, I chorak", status, submitted, due.
/// </summary>
public sealed class ReportInboxPage(IPage page)
{
    public const string MenuLabel = "Tumanlar hisobotlari";

    /// <summary>The National Library's inbox: the regions' consolidated reports and their centres' own.</summary>
    public const string NationalMenuLabel = "Viloyatlar hisobotlari";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Lines => page.Locator("main table.inbox-table tbody tr");

    /// <summary>The line of the organisation's report for the year's quarter.</summary>
    public ILocator Line(string organisationName, int year, int quarter) => Lines
        .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = organisationName, Exact = true }) })
        .Filter(new() { Has = page.Locator("td", new() { HasTextString = $"{year}, {ReportsPage.QuarterNames[quarter - 1]}" }) });

    /// <summary>The line of a region's consolidated report for the year's quarter (beside its centre's own report, in the National Library's inbox).</summary>
    public ILocator RegionalLine(string regionName, int year, int quarter) => Line(regionName, year, quarter).Filter(new() { Has = page.Locator("td.inbox-regional") });

    /// <summary>The line's status: "Yuborilmagan", "Yuborildi", "Qabul qilindi", "Qaytarildi".</summary>
    public ILocator Status(string organisationName, int year, int quarter) => Line(organisationName, year, quarter).Locator("td").Nth(2);

    public async Task ExpectShownAsync() => await Expect(Heading).ToHaveTextAsync(MenuLabel);

    /// <summary>Clicks the line's organisation and waits for the report.</summary>
    public async Task<QuarterReportPage> OpenAsync(string organisationName, int year, int quarter)
    {
        await Line(organisationName, year, quarter).GetByRole(AriaRole.Link, new() { Name = organisationName, Exact = true }).ClickAsync();
        var report = new QuarterReportPage(page);
        await report.ExpectShownAsync(quarter);
        return report;
    }
}
