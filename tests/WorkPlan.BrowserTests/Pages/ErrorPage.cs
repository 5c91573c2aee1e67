using Microsoft.Playwright;

namespace WorkPlan.BrowserTests.Pages;

/// <summary>The app's friendly error page (e.g. 404 "Sahifa topilmadi").</summary>
public sealed class ErrorPage(IPage page)
{
    public const string NotFoundTitle = "Sahifa topilmadi";

    /// <summary>The page's only h1.</summary>
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
}
