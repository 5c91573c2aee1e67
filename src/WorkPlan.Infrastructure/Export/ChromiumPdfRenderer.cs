using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuppeteerSharp;
using WorkPlan.Core.Reports;

namespace WorkPlan.Infrastructure.Export;

/// <summary>
/// Prints self-contained HTML print views to PDF with headless Chromium (A4 landscape, page numbers in
/// the footer). One browser is shared by all requests (a DI singleton): it is launched on first use, by
/// <see cref="ChromiumLauncher"/> so that it dies with the app, relaunched if it crashed, and each render gets a
/// page of its own with JavaScript disabled and every request except <c>data:</c> URIs aborted, so text in a
/// plan can never make the server fetch a URL. A render whose browser or page renderer crashed under it is
/// tried once more.
/// </summary>
public sealed partial class ChromiumPdfRenderer : IPdfRenderer, IAsyncDisposable
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
}
