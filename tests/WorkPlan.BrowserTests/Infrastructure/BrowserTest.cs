using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace WorkPlan.BrowserTests.Infrastructure;

/// <summary>
/// Base of every browser test: a fresh browser context (no cookies, Uzbek UI) and page per test, over
/// the shared app and browser of the collection's fixture. Test bodies run through <see cref="InBrowserAsync"/>,
/// which saves a screenshot to screenshots/ in the test output folder when the test fails.
/// Derive from <see cref="BrowserTest"/> (the demo) or <see cref="OwnClockBrowserTest"/> (own data and clock).
/// </summary>
public abstract class BrowserTest<TFixture>(TFixture fixture, ITestOutputHelper output) : IAsyncLifetime
    where TFixture : BrowserAppFixture
{
    /// <summary>How long a single step (navigation, wait for an element) may take before the test fails.</summary>
    private const float StepTimeoutMs = 10_000;

    private IBrowserContext? _context;

    protected TFixture Fixture { get; } = fixture;

    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Fixture.BaseUrl });
        _context.SetDefaultTimeout(StepTimeoutMs);
        _context.SetDefaultNavigationTimeout(StepTimeoutMs);
        Page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
    }

    /// <summary>Runs the test body; on failure saves a full-page screenshot and names it in the test output.</summary>
    protected async Task InBrowserAsync(Func<Task> body, [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            await body();
        }
        catch (Exception)
        {
            await SaveScreenshotAsync(testName);
            throw;
        }
    }

    /// <summary>Signs a demo account in through the login form and waits for the menu to name the user.</summary>
    protected async Task SignInAsync(string userName, string fullName)
    {
        var login = new Pages.LoginPage(Page);
        await login.GotoAsync();
        await login.SignInAsync(userName, DemoAccounts.Password);
        await new Pages.NavBar(Page).ExpectSignedInAsAsync(fullName);
    }

    /// <summary>A figure as a page writes it (thousands separated by spaces, a decimal comma) as a number.</summary>
    protected static double Number(string text) =>
        double.Parse(new string([.. text.Where(c => char.IsDigit(c) || c == ',')]).Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Downloads a workbook through <paramref name="download"/> (given the path to save to), checks that it came whole, and hands its first sheet to <paramref name="check"/>.</summary>
    protected static async Task CheckDownloadedSheetAsync(Func<string, Task<IDownload>> download, Action<ClosedXML.Excel.IXLWorksheet> check)
    {
        ArgumentNullException.ThrowIfNull(download);
        ArgumentNullException.ThrowIfNull(check);
        var folder = Directory.CreateTempSubdirectory("workplan-browser-").FullName;
        try
        {
            var path = Path.Combine(folder, "download.xlsx");
            var file = await download(path);
            (await file.FailureAsync()).Should().BeNull();
            using var workbook = new ClosedXML.Excel.XLWorkbook(path);
            check(workbook.Worksheets.First());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task SaveScreenshotAsync(string testName)
    {
        try
        {
            var path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"{GetType().Name}.{testName}.png");
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Timeout = 5_000 });
            output.WriteLine($"Screenshot: {path} (page {Page.Url})");
        }
        catch (PlaywrightException e)
        {
            output.WriteLine($"No screenshot: {e.Message}");
        }
    }
}

/// <summary>A browser test on the demo: demo data, demo accounts, the demo's clock (<see cref="BrowserFixture"/>).</summary>
[Collection(BrowserCollectionDefinition.Name)]
public abstract class BrowserTest(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest<BrowserFixture>(fixture, output);

/// <summary>
/// A browser test on its own data and clock: the demo plans and accounts without any actuals, the app's
/// clock on 2 April 2022 (<see cref="OwnClockFixture"/>).
/// </summary>
[Collection(OwnClockCollectionDefinition.Name)]
public abstract class OwnClockBrowserTest(OwnClockFixture fixture, ITestOutputHelper output) : BrowserTest<OwnClockFixture>(fixture, output);
