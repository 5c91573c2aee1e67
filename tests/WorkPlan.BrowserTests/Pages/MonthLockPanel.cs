using Microsoft.Playwright;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>
/// The entry page's lock panel: why the month is locked (since when, who can reopen it), the banner of a
/// reopened month with its reason, "Qayta ochishni so'rash" for a service head, the month's history.
/// </summary>
public sealed class MonthLockPanel(IPage page)
{
    public ILocator LockMessage => page.Locator(".month-lock");

    public ILocator ReopenedBanner => page.Locator(".month-reopened");

    /// <summary>The requests of the month shown, each with its status (data-status: Pending, Declined...).</summary>
    public ILocator Request => page.Locator(".reopen-request");

    /// <summary>Opens "Qayta ochishni so'rash", types the reason and sends it.</summary>
    public async Task RequestReopeningAsync(string reason)
    {
        await page.Locator("summary", new() { HasText = "Qayta ochishni so'rash" }).ClickAsync();
        await page.Locator("#reopen-request-reason").FillAsync(reason);
        await page.RunAndWaitForResponseAsync(
            () => page.Locator("form.reopen-request-form button[type=submit]").ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Request.Method == "GET");
    }
}

/// <summary>The director's home: the to-do of requests to reopen months, each with "Oyni qayta ochish".</summary>
public sealed class ReopenRequestsCard(IPage page)
{
    public ILocator Card => page.Locator("section.reopen-requests");

    public async Task ReopenFirstAsync()
    {
        await page.RunAndWaitForResponseAsync(
            () => Card.Locator("li.reopen-request").First.GetByRole(AriaRole.Button, new() { Name = "Oyni qayta ochish", Exact = true }).ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Request.Method == "GET");
    }
}
