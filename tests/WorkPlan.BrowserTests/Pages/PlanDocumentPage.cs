using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>
/// A plan document at /Plans/Details/{id}: status badge, workflow actions, signature blocks, title,
/// the indicator table and the export links.
/// </summary>
public sealed partial class PlanDocumentPage(IPage page)
{
    /// <summary>How long the PDF may take: the app's own Chromium may have to start for the first export.</summary>
    private const float PdfTimeoutMs = 60_000;

    public ILocator Title => page.Locator("h1.plan-title");

    /// <summary>The plan's status ("Loyiha", "Kelishishga yuborildi", ..., "Kuchda"): the first badge of the page.</summary>
    public ILocator StatusBadge => page.Locator("main .badge").First;

    /// <summary>The green alert that says what the last step did, e.g. "Reja kelishildi.".</summary>
    public ILocator Message => page.Locator("main > .alert-success[role='status']");

    /// <summary>The red alert of a step that failed.</summary>
    public ILocator Error => page.Locator("main > .alert-danger[role='alert']");

    /// <summary>"Tahrirlash": opens the editor (the centre's director or inspector, draft plans only).</summary>
    public ILocator EditLink => page.GetByRole(AriaRole.Link, new() { Name = "Tahrirlash", Exact = true });

    /// <summary>"Kelishishga yuborish" (the centre; asks for confirmation).</summary>
    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = "Kelishishga yuborish", Exact = true });

    /// <summary>"Kelishish (KELISHILDI)" (the region; asks for confirmation).</summary>
    public ILocator AgreeButton => page.GetByRole(AriaRole.Button, new() { Name = "Kelishish (KELISHILDI)", Exact = true });

    /// <summary>"Tasdiqlash (TASDIQLAYMAN)" (the centre's director; asks for confirmation).</summary>
    public ILocator ApproveButton => page.GetByRole(AriaRole.Button, new() { Name = "Tasdiqlash (TASDIQLAYMAN)", Exact = true });

    public ILocator PdfLink => page.GetByRole(AriaRole.Link, new() { Name = "PDF", Exact = true });

    public ILocator SignatureBlocks => page.Locator(".signature-block");

    /// <summary>The blocks' headings, KELISHILDI and TASDIQLAYMAN.</summary>
    public ILocator SignatureHeadings => SignatureBlocks.Locator(".signature-heading");

    /// <summary>The signers' names, KELISHILDI's first.</summary>
    public ILocator SignatureNames => SignatureBlocks.Locator(".signature-name");

    /// <summary>The blocks' date lines: 2022 yil "____" ________ until signed, then e.g. 2026 yil "28" noyabr.</summary>
    public ILocator SignatureDates => SignatureBlocks.Locator(".signature-date");

    /// <summary>The indicator rows (numbered rows and their sub-rows; not section or "of which" rows).</summary>
    public ILocator Rows => page.Locator("tr[data-number]");

    /// <summary>The plan's id, read from the page's address.</summary>
    public int PlanId => int.Parse(DetailsUrl().Match(page.Url).Groups["id"].Value, CultureInfo.InvariantCulture);

    public static string PathFor(int planId) => $"/Plans/Details/{planId}";

    /// <summary>Navigates to the plan's address and returns the response (its status tells 200 from 404).</summary>
    public static async Task<IResponse?> GotoAsync(IPage page, int planId)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.GotoAsync(PathFor(planId));
    }

    /// <summary>The indicator's row by its number as shown (data-number), e.g. "2" or "2.1".</summary>
    public ILocator Row(string number) => page.Locator($"tr[data-number='{number}']");

    /// <summary>The row's target (the plan year's column) as shown, its group separators made plain spaces: "65 000".</summary>
    public async Task<string> TargetTextAsync(string number) =>
        PlainSpaces(await Row(number).Locator("td.cell-value").Nth(1).InnerTextAsync());

    public async Task ExpectUrlAsync() => await Expect(page).ToHaveURLAsync(DetailsUrl());

    /// <summary>The rows' numbers as shown (data-number), in document order.</summary>
    public async Task<IReadOnlyList<string>> RowNumbersAsync() =>
        await Rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.number)");

    /// <summary>Clicks "Tahrirlash" and waits for the editor.</summary>
    public async Task<PlanEditorPage> OpenEditorAsync()
    {
        await EditLink.ClickAsync();
        var editor = new PlanEditorPage(page);
        await editor.ExpectShownAsync();
        return editor;
    }

    /// <summary>Presses "Kelishishga yuborish", accepts the confirmation and waits for the plan page after the step.</summary>
    /// <returns>The confirmation's question.</returns>
    public Task<string> SubmitAsync() => ConfirmAsync(SubmitButton);

    /// <summary>Presses "Kelishish (KELISHILDI)", accepts the confirmation and waits for the plan page after the step.</summary>
    /// <returns>The confirmation's question.</returns>
    public Task<string> AgreeAsync() => ConfirmAsync(AgreeButton);

    /// <summary>Presses "Tasdiqlash (TASDIQLAYMAN)", accepts the confirmation and waits for the plan page after the step.</summary>
    /// <returns>The confirmation's question.</returns>
    public Task<string> ApproveAsync() => ConfirmAsync(ApproveButton);

    /// <summary>Clicks "PDF" and saves the file the browser downloads to <paramref name="path"/>.</summary>
    public async Task<IDownload> DownloadPdfAsync(string path)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => PdfLink.ClickAsync(), new() { Timeout = PdfTimeoutMs });
        await download.SaveAsAsync(path);
        return download;
    }

    /// <summary>Group separators in numbers are non-breaking spaces (U+00A0, or U+202F in some cultures).</summary>
    public static string PlainSpaces(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace('\u00A0', ' ').Replace('\u202F', ' ').Trim();
    }

    /// <summary>Clicks a button that asks confirm() first, accepts it and waits for the plan page after the step.</summary>
    private Task<string> ConfirmAsync(ILocator button) => ConfirmDialog.ClickAndAcceptAsync(page, button, DetailsUrl());

    [GeneratedRegex(@"/Plans/Details/(?<id>\d+)$")]
    private static partial Regex DetailsUrl();
}
