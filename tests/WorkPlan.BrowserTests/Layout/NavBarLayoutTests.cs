using Microsoft.Playwright;
using WorkPlan.BrowserTests.Infrastructure;
using WorkPlan.BrowserTests.Pages;
using Xunit.Abstractions;

namespace WorkPlan.BrowserTests.Layout;

/// <summary>The navigation bar on a common office screen (1366 × 768): every item on one line, in every language.</summary>
public sealed class NavBarLayoutTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly string[] Languages = ["Русский", "English", "O'zbekcha"];

    [Theory]
    [InlineData(DemoAccounts.AndijonMethodologist, DemoAccounts.AndijonMethodologistName)]
    [InlineData(DemoAccounts.XojaobodInspector, DemoAccounts.XojaobodInspectorName)]
    [InlineData("andijon.admin", "Andijon viloyat administratori")]
    public Task KeepsTheNavigationBarOnOneLine_At1366PixelsWide_InEveryLanguage(string userName, string fullName) => InBrowserAsync(async () =>
    {
        await Page.SetViewportSizeAsync(1366, 768);
        var login = new LoginPage(Page);
        await login.GotoAsync();
        await login.SignInAsync(userName, DemoAccounts.Password);
        var navBar = new NavBar(Page);
        await navBar.ExpectSignedInAsAsync(fullName);

        foreach (var language in Languages)
        {
            await navBar.LanguageButton(language).ClickAsync();
            await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            var rows = await Page.EvaluateAsync<double[]>(
                "() => [...document.querySelectorAll('header nav.navbar .navbar-brand, header nav.navbar .nav-link, header nav.navbar form button')]" +
                ".filter(e => e.offsetParent !== null && !e.closest('.dropdown-menu')).map(e => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2))");
            rows.Should().NotBeEmpty();
            (rows.Max() - rows.Min()).Should().BeLessThanOrEqualTo(4, "every item of the bar sits on one line in {0} ({1})", language, string.Join(", ", rows));
            var overflow = await Page.EvaluateAsync<double>(
                "() => Math.max(...[...document.querySelectorAll('header nav.navbar .nav-link, header nav.navbar form button')]" +
                ".filter(e => e.offsetParent !== null && !e.closest('.dropdown-menu')).map(e => e.getBoundingClientRect().right)) - document.documentElement.clientWidth");
            overflow.Should().BeLessThanOrEqualTo(0, "nothing of the bar runs past the screen's edge in {0}", language);
            var height = await Page.Locator("header nav.navbar").EvaluateAsync<double>("n => n.getBoundingClientRect().height");
            height.Should().BeLessThan(72, "the bar is one line high in {0}", language);
        }
    });
}
