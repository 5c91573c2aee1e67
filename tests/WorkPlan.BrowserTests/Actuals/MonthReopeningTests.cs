using WorkPlan.BrowserTests.Infrastructure;
using WorkPlan.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WorkPlan.BrowserTests.Actuals;

/// <summary>
/// On the demo (3 October 2022): July is locked since 6 August; the lending service's head reads why and
/// asks the director to reopen it; the director reopens it from the home page; the head finds it open
/// with the director's reason.
/// </summary>
public sealed class MonthReopeningTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const int July = 7;

    [Fact]
    public Task ReopensALockedMonth_WhenAServiceHeadAsksAndTheDirectorAgreesFromTheHomePage() => InBrowserAsync(async () =>
    {
        var planId = await Fixture.GetPlanIdAsync(DemoPlans.XojaobodCode, DemoPlans.Year);
        var login = new LoginPage(Page);
        var navBar = new NavBar(Page);
        var entry = new ActualsEntryPage(Page);
        var panel = new MonthLockPanel(Page);
        const string Reason = "Iyul ko'chma kutubxona qatnovlari kech topshirildi";

        await login.GotoAsync();
        await login.SignInAsync(DemoAccounts.XojaobodLendingHead, DemoAccounts.Password);
        await navBar.ExpectSignedInAsAsync(DemoAccounts.XojaobodLendingHeadName);
        await entry.GotoAsync(planId, July);
        await Expect(panel.LockMessage).ToContainTextAsync("2022 yil \"6\" avgust");
        await Expect(panel.LockMessage).ToContainTextAsync("markaz direktori");
        await Expect(entry.Cells).ToHaveCountAsync(0);
        await panel.RequestReopeningAsync(Reason);
        await Expect(panel.Request).ToContainTextAsync("Direktorda kutmoqda");
        await navBar.SignOutAsync();

        await login.SignInAsync(DemoAccounts.XojaobodDirector, DemoAccounts.Password);
        await navBar.ExpectSignedInAsAsync(DemoAccounts.XojaobodDirectorName);
        var todo = new ReopenRequestsCard(Page);
        await Expect(todo.Card).ToContainTextAsync(Reason);
        await todo.ReopenFirstAsync();
        await Expect(panel.ReopenedBanner).ToContainTextAsync(Reason);
        await navBar.SignOutAsync();

        await login.SignInAsync(DemoAccounts.XojaobodLendingHead, DemoAccounts.Password);
        await entry.GotoAsync(planId, July);
        await Expect(panel.ReopenedBanner).ToContainTextAsync(Reason);
        await Expect(panel.ReopenedBanner).ToContainTextAsync(DemoAccounts.XojaobodDirectorName);
        await Expect(entry.Cell("16")).ToBeVisibleAsync();
    });
}
