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
/// the footer). One browser is shared by all requests (a DI singleton): it is launched on first use,
/// relaunched if it crashed, and each render gets a page of its own with JavaScript disabled and every
/// request except <c>data:</c> URIs aborted, so text in a plan can never make the server fetch a URL.
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
    }

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
                catch (PuppeteerException ex) when (!token.IsCancellationRequested && !IsUsable(browser))
                {
                    // The browser died under this render (crash, killed): start a new one and try once more.
                    _logger.LogWarning(ex, "Chromium went away during a render; relaunching");
                    return await PrintAsync(await GetBrowserAsync(token), html, pageLabel, token);
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

    private async Task<byte[]> PrintAsync(IBrowser browser, string html, string pageLabel, CancellationToken token)
    {
        var timeoutMilliseconds = (int)_timeout.TotalMilliseconds;
        var blocked = 0;
        string? firstBlocked = null;

        var page = await browser.NewPageAsync().WaitAsync(token);
        try
        {
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
        finally
        {
            await ClosePageAsync(page);
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

    private async Task<IBrowser> GetBrowserAsync(CancellationToken token)
    {
        var current = _browser;
        if (IsUsable(current))
        {
            return current!;
        }

        await _launchLock.WaitAsync(token);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (IsUsable(_browser))
            {
                return _browser!;
            }

            await DiscardBrowserAsync();
            var browser = await LaunchAsync();
            _browser = browser;
            return browser;
        }
        finally
        {
            _launchLock.Release();
        }
    }

    /// <summary>Launches Chromium with a fresh profile directory. Called under <see cref="_launchLock"/>.</summary>
    private async Task<IBrowser> LaunchAsync()
    {
        var userDataDir = Path.Combine(Path.GetTempPath(), $"workplan-pdf-{Guid.NewGuid():N}");
        Directory.CreateDirectory(userDataDir);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var browser = await Puppeteer.LaunchAsync(new LaunchOptions
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
            TryDeleteDirectory(userDataDir);
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
            TryDeleteDirectory(userDataDir);
        }
    }

    private void OnDisconnected(object? sender, EventArgs e)
    {
        if (!_disposed)
        {
            _logger.LogWarning("Chromium for PDF rendering disconnected (closed or crashed); it is relaunched on the next render");
        }
    }

    private void TryDeleteDirectory(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A closing Chromium may still write to its profile for a moment.
                if (attempt == 3)
                {
                    _logger.LogWarning(ex, "Could not delete the Chromium profile directory {UserDataDir}", path);
                    return;
                }

                Thread.Sleep(100 * attempt);
            }
        }
    }

    private static string? Truncate(string? url) => url is { Length: > 200 } ? url[..200] + "…" : url;
}
