using Microsoft.Playwright;
using WorkPlan.BrowserTests.Infrastructure;
using WorkPlan.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Account;

/// <summary>Signing out from the navbar's user menu.</summary>
public sealed class SignOutTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task ShowsLoginPageInsteadOfPlan_WhenUserHasSignedOut() => InBrowserAsync(async () =>
    {
        var planId = await Fixture.GetPlanIdAsync(DemoPlans.XojaobodCode, DemoPlans.Year);
        var login = new LoginPage(Page);
        await login.GotoAsync();
        await login.SignInAsync(DemoAccounts.XojaobodDirector, DemoAccounts.Password);
        var document = new PlanDocumentPage(Page);
        await PlanDocumentPage.GotoAsync(Page, planId);
        await Expect(document.Title).ToHaveTextAsync(DemoPlans.XojaobodTitle);
        var navBar = new NavBar(Page);
        await navBar.ExpectSignedInAsAsync(DemoAccounts.XojaobodDirectorName);

        await navBar.SignOutAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Siz tizimdan chiqdingiz.");
        (await Page.Context.CookiesAsync()).Select(c => c.Name).Should().NotContain("WorkPlan.Auth");

        // Back to the plan page in the browser's history, then reload it: the plan is not shown again.
        await Page.GoBackAsync();
        await login.ExpectShownAsync();
        await Expect(document.Title).ToHaveCountAsync(0);
        await Page.ReloadAsync();
        await login.ExpectShownAsync();
        await Expect(document.Title).ToHaveCountAsync(0);

        // Typing the plan's address or the home page leads to the login page.
        await PlanDocumentPage.GotoAsync(Page, planId);
        await login.ExpectShownAsync();
        await Expect(document.Rows).ToHaveCountAsync(0);
        var plans = new PlansPage(Page);
        await plans.GotoAsync();
        await login.ExpectShownAsync();
        await Expect(plans.PlanLinks).ToHaveCountAsync(0);
        (await Page.ContentAsync()).Should().NotContain(DemoPlans.XojaobodTitle);
    });
}
