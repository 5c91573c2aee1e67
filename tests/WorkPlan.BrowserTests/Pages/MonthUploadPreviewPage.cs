using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>
/// The preview of an uploaded month's sheet ("Yuklangan fayl: oldindan ko'rish"): a line per row the file changes
/// (tr.upload-line.upload-change), per row someone else saved since the download (upload-conflict, with the radios
/// "Fayldagi" and "Saqlangani"), per row refused (upload-problem); and "Tasdiqlash va saqlash (N)".
/// </summary>
public sealed partial class MonthUploadPreviewPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>Every line of the preview, top to bottom.</summary>
    public ILocator Lines => page.Locator("tr.upload-line");

    /// <summary>The lines of rows whose file value will be saved.</summary>
    public ILocator Changes => page.Locator("tr.upload-line.upload-change");

    /// <summary>The lines of rows saved by someone else since the download, each with its choice.</summary>
    public ILocator Conflicts => page.Locator("tr.upload-line.upload-conflict");

    /// <summary>The lines of rows the file cannot save (a bad number, another service's row).</summary>
    public ILocator Problems => page.Locator("tr.upload-line.upload-problem");

    public ILocator ConfirmButton => page.GetByRole(AriaRole.Button, new() { NameRegex = ConfirmName() });

    /// <summary>The warning above the preview when a confirmation still leaves a conflict unchosen.</summary>
    public ILocator Warning => page.Locator("main .alert-warning[role='alert']");

    /// <summary>The row's line by its number as shown (data-number), e.g. "22.1".</summary>
    public ILocator Line(string number) => page.Locator($"tr.upload-line[data-number='{number}']");

    /// <summary>The conflict's choices of the row: a group named by its legend ("M.Mo'minova (...) boshqa qiymat saqlagan. ...").</summary>
    public ILocator ConflictGroup(string number) => Line(number).GetByRole(AriaRole.Group);

    /// <summary>"Fayldagi: 11 900", the radio that keeps the file's value, found by its label.</summary>
    public ILocator KeepFile(string number) => ConflictGroup(number).GetByLabel(KeepFileName());

    /// <summary>"Saqlangani: 12 000", the radio that keeps the value saved meanwhile, found by its label.</summary>
    public ILocator KeepStored(string number) => ConflictGroup(number).GetByLabel(KeepStoredName());

    /// <summary>The preview is shown.</summary>
    public async Task ExpectShownAsync()
    {
        await Expect(page).ToHaveURLAsync(PreviewUrl());
        await Expect(Heading).ToContainTextAsync("Yuklangan fayl: oldindan ko'rish");
    }

    /// <summary>The row's line as text, plain spaces (the page writes thousands with narrow no-break spaces).</summary>
    public async Task<string> LineTextAsync(string number) => PlanDocumentPage.PlainSpaces(await Line(number).InnerTextAsync());

    /// <summary>Presses "Tasdiqlash va saqlash (N)" and waits for the entry page it returns to.</summary>
    public async Task<ActualsEntryPage> ConfirmAsync(int month)
    {
        await ConfirmButton.ClickAsync();
        var entry = new ActualsEntryPage(page);
        await entry.ExpectMonthAsync(month);
        return entry;
    }

    [GeneratedRegex(@"^Tasdiqlash va saqlash \(\d+\)$")]
    private static partial Regex ConfirmName();

    [GeneratedRegex(@"^Fayldagi:")]
    private static partial Regex KeepFileName();

    [GeneratedRegex(@"^Saqlangani:")]
    private static partial Regex KeepStoredName();

    [GeneratedRegex(@"/MonthSheet/(Preview|Confirm)\?", RegexOptions.IgnoreCase)]
    private static partial Regex PreviewUrl();
}
