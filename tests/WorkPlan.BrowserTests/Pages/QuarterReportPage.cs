using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>
/// A quarterly report at /Reports/Quarter?planId={id}&amp;quarter={q}: its status badge, the Excel and PDF links,
/// "Viloyat AKMga yuborish" (the centre) or "Qabul qilish" (the regional centre), and the report table
/// (№, name, unit, annual target, the quarter's actual, year to date, %, notes).
/// </summary>
public sealed partial class QuarterReportPage(IPage page)
{
    /// <summary>How long the PDF may take: the app's own Chromium may have to start for the first export.</summary>
    private const float PdfTimeoutMs = 60_000;

    /// <summary>"2022 yil I chorak bo'yicha ish rejasi bajarilishi to'g'risida hisobot".</summary>
    public ILocator Title => page.Locator("h1#report-title");

    /// <summary>The report's status ("Yuborilmagan", "Yuborildi", "Qabul qilindi", "Qaytarildi"): the first badge of the page.</summary>
    public ILocator StatusBadge => page.Locator("main .badge").First;

    /// <summary>The green alert that says what the last step did, e.g. "Hisobot viloyat AKMga yuborildi.".</summary>
    public ILocator Message => page.Locator("main > .alert-success[role='status']");

    /// <summary>The red alert of a step that failed.</summary>
    public ILocator Error => page.Locator("main > .alert-danger[role='alert']");

    public ILocator ExcelLink => page.GetByRole(AriaRole.Link, new() { Name = "Excel", Exact = true });

    public ILocator PdfLink => page.GetByRole(AriaRole.Link, new() { Name = "PDF", Exact = true });

    /// <summary>"Viloyat AKMga yuborish" (the centre's director or inspector; asks for confirmation).</summary>
    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = "Viloyat AKMga yuborish", Exact = true });

    /// <summary>The list of the quarter's expected values not entered yet, by service and row (shown before submitting).</summary>
    public ILocator MissingValues => page.Locator("section.missing-values");

    /// <summary>The second confirmation a report with missing values needs: "Ha, hisobotni kiritilmagan qiymatlarsiz (N) yuboraman".</summary>
    public ILocator ConfirmMissing => page.Locator("#confirm-missing");

    /// <summary>"Qabul qilish" (the regional centre, while the report is with it).</summary>
    public ILocator AcceptButton => page.GetByRole(AriaRole.Button, new() { Name = "Qabul qilish", Exact = true });

    /// <summary>The indicator's row by its number as shown (data-number).</summary>
    public ILocator Row(string number) => page.Locator($"table.report-table tr[data-number='{number}']");

    public async Task ExpectShownAsync(int quarter)
    {
        await Expect(page).ToHaveURLAsync(QuarterUrl());
        await Expect(Title).ToContainTextAsync($"{ReportsPage.QuarterNames[quarter - 1]} bo'yicha");
    }

    /// <summary>
    /// The row's figures as shown, group separators made plain spaces: annual target, the quarter's actual,
    /// year to date, % of the target — e.g. ["105 000", "25 100", "25 100", "23,9 %"].
    /// </summary>
    public async Task<IReadOnlyList<string>> FiguresAsync(string number) =>
        [.. (await Row(number).Locator("td.cell-value").AllInnerTextsAsync()).Select(PlanDocumentPage.PlainSpaces)];

    /// <summary>Presses "Viloyat AKMga yuborish", accepts the confirmation and waits for the report after the step.</summary>
    /// <returns>The confirmation's question.</returns>
    public Task<string> SubmitAsync() => ConfirmDialog.ClickAndAcceptAsync(page, SubmitButton, QuarterUrl());

    /// <summary>Presses "Qabul qilish", accepts the confirmation and waits for the report after the step.</summary>
    /// <returns>The confirmation's question.</returns>
    public Task<string> AcceptAsync() => ConfirmDialog.ClickAndAcceptAsync(page, AcceptButton, QuarterUrl());

    /// <summary>Clicks "Excel" and saves the file the browser downloads to <paramref name="path"/>.</summary>
    public async Task<IDownload> DownloadExcelAsync(string path)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => ExcelLink.ClickAsync());
        await download.SaveAsAsync(path);
        return download;
    }

    /// <summary>Clicks "PDF" and saves the file the browser downloads to <paramref name="path"/>.</summary>
    public async Task<IDownload> DownloadPdfAsync(string path)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => PdfLink.ClickAsync(), new() { Timeout = PdfTimeoutMs });
        await download.SaveAsAsync(path);
        return download;
    }

    [GeneratedRegex(@"/Reports/Quarter\?planId=\d+&quarter=[1-4]$")]
    private static partial Regex QuarterUrl();
}
