using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>The editor of a draft plan at /PlanEditor/Index/{id}: one row per indicator with its actions.</summary>
public sealed partial class PlanEditorPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The green alert after a change, "Saqlandi.".</summary>
    public ILocator Message => page.Locator("main > .alert-success[role='status']");

    public ILocator BackToDocumentLink => page.GetByRole(AriaRole.Link, new() { Name = "Hujjatga qaytish", Exact = true });

    /// <summary>The indicator's row by its number as shown (data-number).</summary>
    public ILocator Row(string number) => page.Locator($"tr[data-number='{number}']");

    /// <summary>The row's "Tahrirlash" link (named "Tahrirlash: 2" for screen readers).</summary>
    public ILocator EditLink(string number) =>
        Row(number).GetByRole(AriaRole.Link, new() { Name = $"Tahrirlash: {number}", Exact = true });

    public async Task ExpectShownAsync()
    {
        await Expect(page).ToHaveURLAsync(EditorUrl());
        await Expect(Heading).ToContainTextAsync("Rejani tahrirlash");
    }

    /// <summary>Clicks the indicator's "Tahrirlash" and waits for its form.</summary>
    public async Task<IndicatorFormPage> EditIndicatorAsync(string number)
    {
        await EditLink(number).ClickAsync();
        var form = new IndicatorFormPage(page);
        await form.ExpectShownAsync();
        return form;
    }

    /// <summary>Clicks "Hujjatga qaytish" and waits for the plan document.</summary>
    public async Task<PlanDocumentPage> BackToDocumentAsync()
    {
        await BackToDocumentLink.ClickAsync();
        var document = new PlanDocumentPage(page);
        await document.ExpectUrlAsync();
        return document;
    }

    [GeneratedRegex(@"/PlanEditor/Index/\d+$")]
    private static partial Regex EditorUrl();
}
