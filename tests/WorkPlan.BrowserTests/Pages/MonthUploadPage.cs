using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>
/// The form at /MonthSheet/Upload?planId={id}&amp;month={m}, reached by "Exceldan yuklash" on the entry page: a file
/// field labelled "Fayl (.xlsx)" and "Faylni o'qish", which reads the file into the preview (<see cref="MonthUploadPreviewPage"/>).
/// </summary>
public sealed partial class MonthUploadPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The file field, found by its label as a screen reader announces it.</summary>
    public ILocator File => page.GetByLabel("Fayl (.xlsx)", new() { Exact = true });

    public ILocator ReadButton => page.GetByRole(AriaRole.Button, new() { Name = "Faylni o'qish", Exact = true });

    /// <summary>The upload form is shown.</summary>
    public async Task ExpectShownAsync()
    {
        await Expect(page).ToHaveURLAsync(UploadUrl());
        await Expect(Heading).ToContainTextAsync("Oylik jadvalni yuklash");
    }

    /// <summary>Chooses the file in the field and presses "Faylni o'qish"; the preview of what it holds follows.</summary>
    public async Task<MonthUploadPreviewPage> ReadAsync(string path)
    {
        await File.SetInputFilesAsync(path);
        await ReadButton.ClickAsync();
        var preview = new MonthUploadPreviewPage(page);
        await preview.ExpectShownAsync();
        return preview;
    }

    [GeneratedRegex(@"/MonthSheet/Upload\?", RegexOptions.IgnoreCase)]
    private static partial Regex UploadUrl();
}
