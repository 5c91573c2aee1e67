using Microsoft.Playwright;
using WorkPlan.BrowserTests.Infrastructure;
using WorkPlan.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Account;

/// <summary>Signing in on the login page.</summary>
public sealed class SignInTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task SignsIn_WhenFormIsFilledAndSubmittedWithKeyboardOnly() => InBrowserAsync(async () =>
    {
        var login = new LoginPage(Page);
        await login.GotoAsync();

        await login.FocusUserNameWithKeyboardAsync();
        await Page.Keyboard.TypeAsync(DemoAccounts.XojaobodDirector);
        await Page.Keyboard.PressAsync("Tab");
        await Expect(login.Password).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(DemoAccounts.Password);
        await Page.Keyboard.PressAsync("Tab");
        await Expect(login.SubmitButton).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");

        await login.ExpectLeftAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bugungi ishlar");
        await new NavBar(Page).ExpectSignedInAsAsync(DemoAccounts.XojaobodDirectorName);
    });
}
