using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>The sign-in form at /Account/Login (Uzbek UI).</summary>
public sealed partial class LoginPage(IPage page)
{
    public const string Path = "/Account/Login";

    public ILocator UserName => page.GetByLabel("Login", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Parol", new() { Exact = true });

    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = "Kirish", Exact = true });

    public async Task GotoAsync() => await page.GotoAsync(Path);

    /// <summary>Fills the form, submits it and waits until the browser has left the login page.</summary>
    public async Task SignInAsync(string userName, string password)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        await SubmitButton.ClickAsync();
        await ExpectLeftAsync();
    }

    /// <summary>Signs in with the password, then on the second-factor page with a recovery code.</summary>
    public async Task SignInWithRecoveryCodeAsync(string userName, string password, string recoveryCode)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        await SubmitButton.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/SecondFactor", RegexOptions.IgnoreCase));
        await page.GetByLabel("Kod", new() { Exact = true }).FillAsync(recoveryCode);
        await page.GetByLabel("Bu zaxira kod", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tasdiqlash", Exact = true }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/Account/", RegexOptions.IgnoreCase));
    }

    /// <summary>
    /// Puts the focus in the user name field the way a keyboard user does: it has the focus when the
    /// page opens (autofocus), or Tab reaches it.
    /// </summary>
    public async Task FocusUserNameWithKeyboardAsync(int maxTabs = 20)
    {
        for (var i = 0; i < maxTabs && !await HasFocusAsync(UserName); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(UserName).ToBeFocusedAsync();
    }

    /// <summary>The browser is on the login page, with the form ready.</summary>
    public async Task ExpectShownAsync()
    {
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(UserName).ToBeVisibleAsync();
        await Expect(Password).ToBeVisibleAsync();
    }

    /// <summary>Sign-in succeeded: the browser is no longer on the login page.</summary>
    public async Task ExpectLeftAsync() => await Expect(page).Not.ToHaveURLAsync(LoginUrl());

    private static async Task<bool> HasFocusAsync(ILocator element) =>
        await element.EvaluateAsync<bool>("e => e === document.activeElement");

    [GeneratedRegex(@"/Account/Login(\?|$)", RegexOptions.IgnoreCase)]
    private static partial Regex LoginUrl();
}
