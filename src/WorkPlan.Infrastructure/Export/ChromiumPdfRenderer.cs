using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuppeteerSharp;
using PuppeteerSharp.Media;
using WorkPlan.Core.Reports;
using PuppeteerPdfOptions = PuppeteerSharp.PdfOptions;

namespace WorkPlan.Infrastructure.Export;

/// <summary>
/// Prints self-contained HTML print views to PDF with headless Chromium (A4 landscape, page numbers in
/// the footer). One browser is shared by all requests (a DI singleton): it is launched on first use, by
/// <see cref="ChromiumLauncher"/> so that it dies with the app, relaunched if it crashed, and each render gets a
/// page of its own with JavaScript disabled and every request except <c>data:</c> URIs aborted, so text in a
/// plan can never make the server fetch a URL. A render whose browser or page renderer crashed under it is
/// tried once more.
/// </summary>
public sealed class ChromiumPdfRenderer : IPdfRenderer, IAsyncDisposable
{
    /// <summary>Headless flags that keep Chromium from dialling out (this network refuses it) or needing a GPU or sandbox.</summary>
    public static IReadOnlyList<string> LaunchArgs { get; } =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
    ];

    private static readonly TimeSpan PageCloseTimeout = TimeSpan.FromSeconds(5);

    private readonly PdfOptions _options;
    private readonly ILogger<ChromiumPdfRenderer> _logger;
    private readonly TimeSpan _timeout;
    private readonly SemaphoreSlim _launchLock = new(1, 1);
    private readonly SemaphoreSlim _renderSlots;
    private readonly ChromiumProfiles _profiles;
    private readonly ChromiumLauncher _launcher;
    private volatile IBrowser? _browser;
    private string? _userDataDir;
    private volatile bool _disposed;

    public ChromiumPdfRenderer(IOptions<PdfOptions> options, ILogger<ChromiumPdfRenderer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        ArgumentException.ThrowIfNullOrWhiteSpace(_options.ChromiumPath, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConcurrentRenders, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.TimeoutSeconds, 1, nameof(options));
        _logger = logger;
        _timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds);
        _renderSlots = new SemaphoreSlim(_options.MaxConcurrentRenders, _options.MaxConcurrentRenders);
        _profiles = ChromiumProfiles.InTempFolder(logger);
        _launcher = new ChromiumLauncher(logger);
    }

    /// <summary>For tests: runs on each render's page before the document is set on it (to crash its renderer).</summary>
    internal Func<IPage, Task>? PageOpened { get; set; }

    /// <summary>Whether a browser is running and connected now (for the readiness report).</summary>
    public bool IsBrowserRunning => IsUsable(_browser);

    public async Task<byte[]> RenderAsync(string html, string pageLabel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageLabel);
        ObjectDisposedException.ThrowIf(_disposed, this);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        var token = timeout.Token;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _renderSlots.WaitAsync(token);
            try
            {
                var browser = await GetBrowserAsync(token);
                try
                {
                    return await PrintAsync(browser, html, pageLabel, token);
                }
                catch (PuppeteerException ex) when (!token.IsCancellationRequested && (ex is PageCrashedException || !IsUsable(browser)))
                {
                    // The browser or the page's renderer died under this render (crash, killed, out of memory):
                    // try once more in a new browser. A browser whose renderer was killed may hang on its next new
                    // page, so it is replaced as if it had crashed itself.
                    if (ex is PageCrashedException)
                    {
                        _logger.LogWarning(ex, "A Chromium page renderer crashed during a render; relaunching and trying once more");
                    }
                    else
                    {
                        _logger.LogWarning(ex, "Chromium went away during a render; relaunching");
                    }

                    var replaced = (await ReplaceBrowserAsync(browser, token))!;
                    try
                    {
                        return await PrintAsync(replaced, html, pageLabel, token);
                    }
                    catch (PageCrashedException)
                    {
                        // Crashed twice: give up on this render, and let the next one start in a new browser.
                        await ReplaceBrowserAsync(replaced, CancellationToken.None, launch: false);
                        throw;
                    }
                }
            }
            finally
            {
                _renderSlots.Release();
            }
        }
        catch (Exception ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(ex, "PDF render timed out after {TimeoutSeconds} s", _options.TimeoutSeconds);
            throw new TimeoutException($"The PDF was not rendered within {_options.TimeoutSeconds} s.", ex);
        }
        catch (PuppeteerException ex)
        {
            _logger.LogError(ex, "PDF render failed after {ElapsedMilliseconds} ms", (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await _launchLock.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await DiscardBrowserAsync();
            _launcher.Dispose();
        }
        finally
        {
            _launchLock.Release();
        }
    }

    private static bool IsUsable(IBrowser? browser) => browser is { IsClosed: false, IsConnected: true };

    private static string FooterTemplate(string pageLabel) =>
        "<div style=\"box-sizing:border-box;width:100%;padding:0 10mm;font-family:'DejaVu Sans',Arial,sans-serif;"
        + "font-size:8px;text-align:right;\">"
        + WebUtility.HtmlEncode(pageLabel)
        + " <span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></div>";

    private static bool IsAllowed(string url) =>
        url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
        || url.Equals("about:blank", StringComparison.OrdinalIgnoreCase);

    private async Task<byte[]> PrintAsync(IBrowser browser, string html, string pageLabel, CancellationToken cancellationToken)
    {
        var timeoutMilliseconds = (int)_timeout.TotalMilliseconds;
        var blocked = 0;
        string? firstBlocked = null;

        var page = await browser.NewPageAsync().WaitAsync(cancellationToken);

        // A crashed renderer answers nothing more: every wait below ends at once instead of at the timeout.
        using var crash = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = crash.Token;
        var crashed = 0;
        EventHandler<PuppeteerSharp.ErrorEventArgs> onCrash = (_, _) =>
        {
            if (Interlocked.Exchange(ref crashed, 1) == 0)
            {
                CancelQuietly(crash);
            }
        };
        page.Error += onCrash;
        try
        {
            if (PageOpened is { } opened)
            {
                await opened(page).WaitAsync(token);
            }

            page.DefaultTimeout = timeoutMilliseconds;
            page.DefaultNavigationTimeout = timeoutMilliseconds;
            page.Request += (_, e) =>
            {
                if (IsAllowed(e.Request.Url))
                {
                    _ = ContinueAsync(e.Request);
                    return;
                }

                if (Interlocked.Increment(ref blocked) == 1)
                {
                    firstBlocked = e.Request.Url;
                }

                _ = AbortAsync(e.Request);
            };

            await page.SetJavaScriptEnabledAsync(false).WaitAsync(token);
            await page.SetRequestInterceptionAsync(true).WaitAsync(token);
            await page.SetContentAsync(html, new SetContentOptions
            {
                WaitUntil = [WaitUntilNavigation.Load],
                Timeout = timeoutMilliseconds,
                CancellationToken = token,
            });

            var pdf = await page.PdfDataAsync(new PuppeteerPdfOptions
            {
                Format = PaperFormat.A4,
                Landscape = true,
                PrintBackground = true,
                PreferCSSPageSize = false,
                MarginOptions = new MarginOptions { Top = "12mm", Bottom = "14mm", Left = "10mm", Right = "10mm" },
                DisplayHeaderFooter = true,
                HeaderTemplate = "<span></span>",
                FooterTemplate = FooterTemplate(pageLabel),
                Timeout = timeoutMilliseconds,
            }).WaitAsync(token);

            if (blocked > 0)
            {
                _logger.LogWarning(
                    "PDF render blocked {BlockedCount} outgoing request(s) of the print view, the first to {BlockedUrl}",
                    blocked,
                    Truncate(firstBlocked));
            }

            return pdf;
        }
        catch (Exception ex) when (Volatile.Read(ref crashed) == 1 && ex is OperationCanceledException or PuppeteerException)
        {
            throw new PageCrashedException("The page's renderer crashed during the render.", ex);
        }
        finally
        {
            page.Error -= onCrash;
            await ClosePageAsync(page);
        }
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The render has ended meanwhile.
        }
    }

    private async Task ContinueAsync(IRequest request)
    {
        try
        {
            await request.ContinueAsync();
        }
        catch (PuppeteerException ex)
        {
            _logger.LogDebug(ex, "Could not let a request of the print view through");
        }
    }

    private async Task AbortAsync(IRequest request)
    {
        try
        {
            await request.AbortAsync(RequestAbortErrorCode.BlockedByClient);
        }
        catch (PuppeteerException ex)
        {
            _logger.LogDebug(ex, "Could not abort a request of the print view");
        }
    }

    private async Task ClosePageAsync(IPage page)
    {
        try
        {
            await page.CloseAsync().WaitAsync(PageCloseTimeout);
        }
        catch (Exception ex) when (ex is PuppeteerException or TimeoutException or ObjectDisposedException)
        {
            _logger.LogDebug(ex, "Could not close a PDF render page");
        }
    }

    /// <summary>
    /// A browser in place of <paramref name="failed"/> (none yet, or one that crashed): a new one, unless another
    /// render replaced it already; with <paramref name="launch"/> false the failed one is only closed, and the next
    /// render launches its successor.
    /// </summary>
    private async Task<IBrowser?> ReplaceBrowserAsync(IBrowser? failed, CancellationToken token, bool launch = true)
    {
        await _launchLock.WaitAsync(token);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (ReferenceEquals(_browser, failed) || !IsUsable(_browser))
            {
                await DiscardBrowserAsync();
                if (launch)
                {
                    _browser = await LaunchAsync();
                }
            }

            return _browser;
        }
        finally
        {
            _launchLock.Release();
        }
    }

    private async Task<IBrowser> GetBrowserAsync(CancellationToken token)
    {
        var current = _browser;
        return IsUsable(current) ? current! : (await ReplaceBrowserAsync(current, token))!;
    }

    /// <summary>Launches Chromium with a fresh profile directory. Called under <see cref="_launchLock"/>.</summary>
    private async Task<IBrowser> LaunchAsync()
    {
        var userDataDir = _profiles.Create();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var browser = await _launcher.LaunchAsync(new LaunchOptions
            {
                Browser = SupportedBrowser.Chromium,
                ExecutablePath = _options.ChromiumPath,
                HeadlessMode = HeadlessMode.True,
                UserDataDir = userDataDir,
                Args = [.. LaunchArgs],
                Timeout = (int)_timeout.TotalMilliseconds,
            });
            browser.Disconnected += OnDisconnected;
            _userDataDir = userDataDir;
            _logger.LogInformation(
                "Launched Chromium {ExecutablePath} (process {ProcessId}) for PDF rendering in {ElapsedMilliseconds} ms",
                _options.ChromiumPath,
                browser.Process?.Id,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return browser;
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not launch Chromium {ExecutablePath} for PDF rendering", _options.ChromiumPath);
            _profiles.Delete(userDataDir);
            throw;
        }
    }

    /// <summary>Closes the current browser, if any, and deletes its profile. Called under <see cref="_launchLock"/>.</summary>
    private async Task DiscardBrowserAsync()
    {
        var browser = _browser;
        _browser = null;
        if (browser is not null)
        {
            browser.Disconnected -= OnDisconnected;
            try
            {
                await browser.DisposeAsync();
            }
            catch (Exception ex) when (ex is PuppeteerException or InvalidOperationException or IOException)
            {
                _logger.LogWarning(ex, "Could not close Chromium cleanly");
            }
        }

        if (_userDataDir is { } userDataDir)
        {
            _userDataDir = null;
            _profiles.Delete(userDataDir);
        }
    }

    private void OnDisconnected(object? sender, EventArgs e)
    {
        if (!_disposed)
        {
            _logger.LogWarning("Chromium for PDF rendering disconnected (closed or crashed); it is relaunched on the next render");
        }
    }

    private static string? Truncate(string? url) => url is { Length: > 200 } ? url[..200] + "…" : url;
}
