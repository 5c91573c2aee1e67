using WorkPlan.BrowserTests.Infrastructure;
using WorkPlan.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Actuals;

/// <summary>
/// The monthly entry grid as a spreadsheet, on the demo's September (open on 3 October 2022), as the lending
/// service's head. Nothing is saved: the cells are typed into and left, so the demo stays as it is.
/// </summary>
public sealed class EntryGridTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const int September = 9;

    [Fact]
    public Task ReplacesTheValue_WhenTypingIntoAFocusedCell() => InBrowserAsync(async () =>
    {
        var entry = await OpenSeptemberAsync();

        await entry.Cell("16").ClickAsync();
        await Page.Keyboard.TypeAsync("123");
        await Page.Keyboard.PressAsync("Enter");
        await Page.Keyboard.PressAsync("ArrowUp");
        await Expect(entry.Cell("16")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("45");
        await Expect(entry.Cell("16")).ToHaveValueAsync("45");

        await entry.Cell("17").ClickAsync();
        await Page.Keyboard.TypeAsync("9");
        await entry.Cell("16").ClickAsync();
        await Page.Keyboard.TypeAsync("7");

        await Expect(entry.Cell("16")).ToHaveValueAsync("7"); // a click then typing replaces, as in a spreadsheet
        await Expect(entry.Cell("17")).ToHaveValueAsync("9");
    });

    [Fact]
    public Task MovesAcrossTheRowWithLeftAndRight_AndStopsOncePerRowWithTab() => InBrowserAsync(async () =>
    {
        var entry = await OpenSeptemberAsync();

        await entry.Cell("16").FocusAsync();
        await Page.Keyboard.PressAsync("ArrowRight");
        await Expect(entry.Note("16")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("ArrowRight");
        await Expect(entry.HistoryLink("16")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("ArrowRight");
        await Expect(entry.Cell("17")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("ArrowLeft");
        await Expect(entry.HistoryLink("16")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("ArrowLeft");
        await Page.Keyboard.PressAsync("ArrowLeft");
        await Expect(entry.Cell("16")).ToBeFocusedAsync();

        await Page.Keyboard.PressAsync("Tab");
        await Expect(entry.Cell("17")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(entry.Cell("18")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Shift+Tab");
        await Expect(entry.Cell("17")).ToBeFocusedAsync();
    });

    [Fact]
    public Task ShowsThousandsSpaces_OnceAValueIsEntered() => InBrowserAsync(async () =>
    {
        var entry = await OpenSeptemberAsync();

        await entry.Cell("16").FocusAsync();
        await Page.Keyboard.TypeAsync("1234567");
        await Page.Keyboard.PressAsync("Tab");
        await entry.Cell("17").FillAsync("25000");
        await entry.Cell("17").BlurAsync();

        await Expect(entry.Cell("16")).ToHaveValueAsync("1 234 567");
        await Expect(entry.Cell("17")).ToHaveValueAsync("25 000");
        await Expect(entry.UnsavedLabel).ToBeVisibleAsync();
    });

    [Fact]
    public Task KeepsNumberAndNameInView_WhileAPhoneScrollsToThePercentNoteAndHistory() => InBrowserAsync(async () =>
    {
        await Page.SetViewportSizeAsync(375, 740);
        var entry = await OpenSeptemberAsync();

        // Row 16 may start below a phone's first screen (what sits above the grid varies); the columns are what is checked.
        await entry.NumberCell("16").ScrollIntoViewIfNeededAsync();
        var numberBefore = (await entry.NumberCell("16").BoundingBoxAsync())!;
        var nameBefore = (await entry.NameCell("16").BoundingBoxAsync())!;

        await entry.ScrollToRightEndAsync();

        var numberAfter = (await entry.NumberCell("16").BoundingBoxAsync())!;
        var nameAfter = (await entry.NameCell("16").BoundingBoxAsync())!;
        numberAfter.X.Should().BeApproximately(numberBefore.X, 1, "the № column stays in view");
        nameAfter.X.Should().BeApproximately(nameBefore.X, 1, "the name column stays in view");
        (nameAfter.X + nameAfter.Width).Should().BeLessThan(375 * 0.6f, "the name leaves room for the values on a phone");
        await Expect(entry.Note("16")).ToBeInViewportAsync();
        await Expect(entry.HistoryLink("16")).ToBeInViewportAsync();
        (await UncoveredAsync(entry.Note("16"))).Should().BeTrue("the note is not hidden under the columns that stay");
        (await UncoveredAsync(entry.HistoryLink("16"))).Should().BeTrue();
        await entry.PercentCell("16").ScrollIntoViewIfNeededAsync();
        await Expect(entry.PercentCell("16")).ToBeInViewportAsync();
        (await UncoveredAsync(entry.PercentCell("16"))).Should().BeTrue("the % column is reachable by scrolling");
        (await UncoveredAsync(entry.NameCell("16"))).Should().BeTrue();
        var pageWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        pageWidth.Should().BeLessThanOrEqualTo(375, "the page itself never scrolls sideways");
    });

    [Fact]
    public Task AsksBeforeLeaving_WhenOnlyANoteWasEdited() => InBrowserAsync(async () =>
    {
        var entry = await OpenSeptemberAsync();
        var asked = new TaskCompletionSource<string>();
        Page.Dialog += async (_, dialog) =>
        {
            asked.TrySetResult(dialog.Type);
            await dialog.DismissAsync();
        };

        await entry.Note("16").ClickAsync();
        await Page.Keyboard.TypeAsync("Kitob bayrami");
        await Expect(entry.UnsavedLabel).ToBeVisibleAsync();
        await Page.Locator("header a.navbar-brand").ClickAsync();

        (await asked.Task.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be("beforeunload");
        await Expect(entry.Note("16")).ToHaveValueAsync("Kitob bayrami"); // staying keeps the note typed
    });

    /// <summary>Whether the element's right edge is what the screen shows there (not something drawn over it).</summary>
    private static Task<bool> UncoveredAsync(Microsoft.Playwright.ILocator element) =>
        element.EvaluateAsync<bool>("el => { const r = el.getBoundingClientRect(); const hit = document.elementFromPoint(r.right - 3, r.top + r.height / 2); return el === hit || el.contains(hit); }");

    private async Task<ActualsEntryPage> OpenSeptemberAsync()
    {
        var planId = await Fixture.GetPlanIdAsync(DemoPlans.XojaobodCode, DemoPlans.Year);
        var login = new LoginPage(Page);
        await login.GotoAsync();
        await login.SignInAsync(DemoAccounts.XojaobodLendingHead, DemoAccounts.Password);
        var entry = new ActualsEntryPage(Page);
        await entry.GotoAsync(planId, September);
        await Expect(entry.Cell("16")).ToBeEditableAsync();
        return entry;
    }
}
