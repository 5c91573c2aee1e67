using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>The top navigation bar: the signed-in user's menu (with sign-out) and the language switch.</summary>
public sealed class NavBar(IPage page)
{
    private ILocator Root => page.Locator("header nav.navbar");

    /// <summary>The dropdown toggle that shows the signed-in user's full name.</summary>
    public ILocator UserMenu => Root.Locator(".user-menu");

    public ILocator SignOutButton => Root.GetByRole(AriaRole.Button, new() { Name = "Chiqish", Exact = true });

    /// <summary>A link of the main menu by its text, e.g. "Tumanlar hisobotlari" (the regional centre's report inbox).</summary>
    public ILocator MenuLink(string label) => Root.Locator(".navbar-nav").GetByRole(AriaRole.Link, new() { Name = label, Exact = true });

    public ILocator LanguageButton(string label) => Root.GetByRole(AriaRole.Button, new() { Name = label, Exact = true });

    /// <summary>Opens the user menu, presses "Chiqish" and waits for the login page it leads to.</summary>
    public async Task SignOutAsync()
    {
        await UserMenu.ClickAsync();
        await SignOutButton.ClickAsync();
        await new LoginPage(page).ExpectShownAsync();
    }

    public async Task ExpectSignedInAsAsync(string fullName) => await Expect(UserMenu).ToHaveTextAsync(fullName);
}
