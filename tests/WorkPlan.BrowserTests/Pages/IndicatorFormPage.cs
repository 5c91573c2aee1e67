using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>The form of one indicator at /PlanEditor/EditIndicator/{id} (or AddIndicator).</summary>
public sealed partial class IndicatorFormPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Number => page.Locator("input[name='Input.Number']");

    public ILocator Name => page.Locator("textarea[name='Input.Name']");

    /// <summary>The plan year's target; accepts "60 000" as well as "60000".</summary>
    public ILocator Target => page.Locator("input[name='Input.Target']");

    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "Saqlash", Exact = true });

    public async Task ExpectShownAsync()
    {
        await Expect(page).ToHaveURLAsync(FormUrl());
        await Expect(Heading).ToHaveTextAsync("Ko'rsatkichni tahrirlash");
    }

    /// <summary>Presses "Saqlash" and waits for the editor it returns to.</summary>
    public async Task<PlanEditorPage> SaveAsync()
    {
        await SaveButton.ClickAsync();
        var editor = new PlanEditorPage(page);
        await editor.ExpectShownAsync();
        return editor;
    }

    [GeneratedRegex(@"/PlanEditor/(EditIndicator|AddIndicator)/\d+$")]
    private static partial Regex FormUrl();
}
