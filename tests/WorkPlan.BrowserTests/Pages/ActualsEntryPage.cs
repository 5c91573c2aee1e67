using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>
/// The monthly entry sheet at /Actuals?planId={id}&amp;month={m}: one row per indicator the user sees (a service
/// head: their service's only), the month's editable cells (input.cell-input, while the month is open and the
/// quarter not reported), the other months' values, the year to date, and "Oyni saqlash".
/// </summary>
public sealed partial class ActualsEntryPage(IPage page)
{
    /// <summary>Children of a row: №, name, unit, target, the twelve months, year to date, %, note.</summary>
    private const int FirstMonthChild = 5;

    private const int YearToDateChild = FirstMonthChild + 12;

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The green alert after saving, "Saqlandi: 3 ta qiymat.".</summary>
    public ILocator Message => page.Locator("main > .alert-success[role='status']");

    /// <summary>The red alert or validation summary of a save that failed.</summary>
    public ILocator Errors => page.Locator("main .alert-danger");

    /// <summary>
    /// The month's badge beside the heading: "Kiritish ochiq: ... gacha" while it takes entries, "Oy yopilgan"
    /// once locked (its closing day passed, or its quarter's report submitted).
    /// </summary>
    public ILocator MonthBadge => page.Locator("main h1 ~ .badge");

    public ILocator MonthSelect => page.Locator("select#month");

    public ILocator ShowButton => page.GetByRole(AriaRole.Button, new() { Name = "Ko'rsatish", Exact = true });

    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "Oyni saqlash", Exact = true });

    /// <summary>Every editable cell of the month, top to bottom.</summary>
    public ILocator Cells => page.Locator("tr[data-number] input.cell-input");

    /// <summary>The grid's frame, which scrolls sideways when the grid is wider than the screen.</summary>
    public ILocator Frame => page.Locator("form.entry-form .doc-frame");

    /// <summary>The "Saqlanmagan o'zgarishlar bor." line, shown while a value or note differs from the saved one.</summary>
    public ILocator UnsavedLabel => page.Locator("[data-dirty-count]");

    /// <summary>
    /// The alert of a save that did not reach the server (no connection, timeout, a server error, or a session
    /// that ended): "Qiymatlar saqlanmadi: ...", with "Qayta urinish".
    /// </summary>
    public ILocator SaveFailed => page.Locator("[data-save-failed][role='alert']");

    public ILocator RetryButton => page.GetByRole(AriaRole.Button, new() { Name = "Qayta urinish", Exact = true });

    /// <summary>The banner of values kept in this browser from a last visit, with "Hozir saqlash" and "Voz kechish".</summary>
    public ILocator KeptBanner => page.Locator("[data-kept-banner][role='status']");

    /// <summary>The kept values listed, not posted, when their month has closed ("16: 8 200 — saqlanmagan: oy yopilgan").</summary>
    public ILocator KeptList => KeptBanner.Locator("[data-kept-list] li");

    public ILocator KeptSaveButton => page.GetByRole(AriaRole.Button, new() { Name = "Hozir saqlash", Exact = true });

    public ILocator DiscardButton => page.GetByRole(AriaRole.Button, new() { Name = "Voz kechish", Exact = true });

    /// <summary>"Excelga yuklab olish": the month's sheet as an .xlsx file, to fill in Excel.</summary>
    public ILocator DownloadSheetLink => page.GetByRole(AriaRole.Link, new() { Name = "Excelga yuklab olish", Exact = true });

    /// <summary>"Exceldan yuklash": the form that takes the filled sheet back (<see cref="MonthUploadPage"/>).</summary>
    public ILocator UploadSheetLink => page.GetByRole(AriaRole.Link, new() { Name = "Exceldan yuklash", Exact = true });

    /// <summary>The address the sheet's form posts to, for blocking or answering it in a test.</summary>
    [GeneratedRegex(@"/Actuals/Save\?", RegexOptions.IgnoreCase)]
    public static partial Regex SaveUrl();

    /// <summary>What this browser keeps of unsaved entries: the number of storage entries of the sheet's kind.</summary>
    public Task<int> KeptEntriesAsync() =>
        page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('workplan.entry.')).length");

    /// <summary>The row's note of the month shown.</summary>
    public ILocator Note(string number) => Row(number).Locator("input.note-input");

    /// <summary>The row's link to the history of its value.</summary>
    public ILocator HistoryLink(string number) => Row(number).Locator("a.history-link");

    /// <summary>The row's № cell and name cell (the columns that stay in view).</summary>
    public ILocator NumberCell(string number) => Row(number).Locator("td.cell-number");

    public ILocator NameCell(string number) => Row(number).Locator("th.cell-name");

    /// <summary>The row's "%" cell (the year to date's share of the target).</summary>
    public ILocator PercentCell(string number) => Row(number).Locator($":scope > :nth-child({YearToDateChild + 1})");

    /// <summary>Scrolls the grid's frame sideways to its right end, as a swipe would.</summary>
    public Task ScrollToRightEndAsync() => Frame.EvaluateAsync("frame => { frame.scrollLeft = frame.scrollWidth; }");

    public static string PathFor(int planId, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"/Actuals?planId={planId}&month={month}");

    /// <summary>The indicator's row by its number as shown (data-number), e.g. "16" or "15.1".</summary>
    public ILocator Row(string number) => page.Locator($"tr[data-number='{number}']");

    /// <summary>The row's editable cell of the month shown.</summary>
    public ILocator Cell(string number) => Row(number).Locator("input.cell-input");

    public async Task GotoAsync(int planId, int month)
    {
        await page.GotoAsync(PathFor(planId, month));
        await ExpectMonthAsync(month);
    }

    /// <summary>The sheet of <paramref name="month"/> is shown (the month chosen in the selector, its number in the address).</summary>
    public async Task ExpectMonthAsync(int month)
    {
        await Expect(page).ToHaveURLAsync(SheetUrl());
        await Expect(MonthSelect).ToHaveValueAsync(month.ToString(CultureInfo.InvariantCulture));
        await Expect(Heading).ToContainTextAsync("Oylik ma'lumotlar");
    }

    /// <summary>Chooses the month in the selector and presses "Ko'rsatish".</summary>
    public async Task ShowMonthAsync(int month)
    {
        var value = month.ToString(CultureInfo.InvariantCulture);
        await MonthSelect.SelectOptionAsync(value);
        await ShowButton.ClickAsync();
        // The document is enough: the checks that follow wait for what they need (a busy machine can delay "load").
        // A busy machine (the whole suite on two cores) has been seen to take over 10 s for this navigation.
        await page.WaitForURLAsync(url => url.Contains($"month={value}", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 30_000 });
        await ExpectMonthAsync(month);
    }

    /// <summary>Clicks "Excelga yuklab olish" and saves the file the browser downloads to <paramref name="path"/>.</summary>
    public async Task<IDownload> DownloadSheetAsync(string path)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => DownloadSheetLink.ClickAsync());
        await download.SaveAsAsync(path);
        return download;
    }

    /// <summary>Clicks "Exceldan yuklash" and waits for its form.</summary>
    public async Task<MonthUploadPage> OpenUploadAsync()
    {
        await UploadSheetLink.ClickAsync();
        var upload = new MonthUploadPage(page);
        await upload.ExpectShownAsync();
        return upload;
    }

    /// <summary>Presses "Oyni saqlash" and waits for the sheet it returns to, saying what it saved.</summary>
    public async Task SaveAsync(int expectedCount)
    {
        await SaveButton.ClickAsync();
        await Expect(Message).ToHaveTextAsync($"Saqlandi: {expectedCount} ta qiymat.");
        await Expect(Errors).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Pastes <paramref name="text"/> into the row's cell the way a user does with a column copied from Excel:
    /// the text goes to the (headless browser's own) clipboard, the cell gets the focus, Control+V. The page then
    /// fills the cells downwards. Allows the page's origin to use the clipboard first.
    /// </summary>
    public async Task PasteAsync(string number, string text)
    {
        var origin = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = origin });
        await page.EvaluateAsync("text => navigator.clipboard.writeText(text)", text);
        await Cell(number).FocusAsync();
        await page.Keyboard.PressAsync("Control+V");
    }

    /// <summary>A month's value in the row as shown (another month's column, read-only), plain spaces: "8 000".</summary>
    public async Task<string> MonthTextAsync(string number, int month) =>
        PlanDocumentPage.PlainSpaces(await Row(number).Locator($":scope > :nth-child({FirstMonthChild + month - 1})").InnerTextAsync());

    /// <summary>The row's year to date as shown, plain spaces: "25 100".</summary>
    public async Task<string> YearToDateTextAsync(string number) =>
        PlanDocumentPage.PlainSpaces(await Row(number).Locator($":scope > :nth-child({YearToDateChild})").InnerTextAsync());

    [GeneratedRegex(@"/Actuals(/Index)?\?", RegexOptions.IgnoreCase)]
    private static partial Regex SheetUrl();
}
