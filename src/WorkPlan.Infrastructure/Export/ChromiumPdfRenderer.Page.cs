using System.Net;
using Microsoft.Extensions.Logging;
using PuppeteerSharp;
using PuppeteerSharp.Media;
using PuppeteerPdfOptions = PuppeteerSharp.PdfOptions;

namespace WorkPlan.Infrastructure.Export;

/// <summary>
/// One render's page: opened on the shared browser with JavaScript off and every request but <c>data:</c>
/// aborted, printed to A4 landscape with page numbers, and closed whatever happens. A renderer crash ends
/// every wait at once and is reported as <see cref="PageCrashedException"/>, which the caller retries.
/// </summary>
public sealed partial class ChromiumPdfRenderer
{
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

    private static string? Truncate(string? url) => url is { Length: > 200 } ? url[..200] + "…" : url;
}
