using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>The list of plans the user may see, at /Plans (Uzbek UI).</summary>
public sealed class PlansPage(IPage page)
{
    public const string Path = "/Plans";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The links of the list's rows, one per plan; each opens the plan document.</summary>
    public ILocator PlanLinks => page.Locator("main table tbody a[href*='/Plans/Details/']");

    public async Task GotoAsync() => await page.GotoAsync(Path);

    public async Task ExpectShownAsync() => await Expect(Heading).ToHaveTextAsync("Ish rejalari");

    /// <summary>Opens the list from the navigation bar (users land on their own work after signing in).</summary>
    public async Task OpenFromMenuAsync()
    {
        await page.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "Ish rejalari", Exact = true }).ClickAsync();
        await ExpectShownAsync();
    }

    /// <summary>The titles listed (call once the page is shown).</summary>
    public async Task<IReadOnlyList<string>> PlanTitlesAsync() =>
        [.. (await PlanLinks.AllInnerTextsAsync()).Select(t => t.Trim())];

    /// <summary>Clicks the plan's link and waits for its document page.</summary>
    public async Task<PlanDocumentPage> OpenPlanAsync(string title)
    {
        await PlanLinks.Filter(new() { HasTextString = title }).ClickAsync();
        var document = new PlanDocumentPage(page);
        await document.ExpectUrlAsync();
        return document;
    }
}
