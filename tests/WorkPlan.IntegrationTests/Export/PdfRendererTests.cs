using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkPlan.Infrastructure.Export;
using WorkPlan.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace WorkPlan.IntegrationTests.Export;

/// <summary>
/// Prints real documents with the Debian Chromium and reads them back with poppler-utils
/// (pdftotext, pdfinfo). No database is needed.
/// </summary>
public sealed partial class PdfRendererTests(PdfRendererTests.SharedRenderer shared, ITestOutputHelper output)
    : IClassFixture<PdfRendererTests.SharedRenderer>
{
    private const string PageLabel = "Sahifa";
    private const string HeaderText = "Ustun sarlavhasi";

    [Fact]
    public async Task Prints_uzbek_and_cyrillic_text_a4_landscape_with_repeated_header_and_page_numbers()
    {
        var pdf = await shared.Renderer.RenderAsync(Document(rows: 200), PageLabel);

        pdf.AsSpan(0, 5).ToArray().Should().Equal("%PDF-"u8.ToArray());
        var info = await Poppler.InfoAsync(pdf);
        var text = await Poppler.TextAsync(pdf);
        output.WriteLine($"{info.Pages} pages, {info.Width} x {info.Height} pts ({info.PaperName}), {pdf.Length} bytes");

        // A4 landscape is 841.89 x 595.28 pt; Chromium's print pipeline rounds it to 841.92 x 595.92 pt
        // (0.2 mm more height, whatever the page size is specified as), which pdfinfo still names A4.
        info.PaperName.Should().Be("A4");
        info.Width.Should().BeApproximately(841.89, 1.0, "A4 landscape is 297 mm wide");
        info.Height.Should().BeApproximately(595.28, 1.0, "A4 landscape is 210 mm high");
        info.Pages.Should().BeGreaterThan(2, "200 rows do not fit on one or two pages");

        text.Should().Contain("Xo'jaobod tumani").And.Contain("mo'ljallangan").And.Contain("Xoʻjaobod")
            .And.Contain("Утверждаю").And.Contain("Директор").And.Contain("Qator 200 mo'ljallangan");

        var pages = Pages(text);
        pages.Should().HaveCount(info.Pages);
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].Should().Contain(HeaderText, "the table header repeats on page {0}", i + 1);
            FooterRegex(i + 1, info.Pages).IsMatch(pages[i]).Should().BeTrue(
                "page {0} has the footer \"{1} {0} / {2}\", but its text is:\n{3}", i + 1, PageLabel, info.Pages, pages[i]);
        }
    }

    [Fact]
    public async Task Escapes_the_page_label()
    {
        var pdf = await shared.Renderer.RenderAsync(Document(rows: 3), "<b>Bet</b> & 'Sahifa'");

        var text = await Poppler.TextAsync(pdf);

        FooterRegex(1, 1, "<b>Bet</b> & 'Sahifa'").IsMatch(text).Should().BeTrue(text);
    }

    [Fact]
    public async Task Renders_eight_documents_concurrently()
    {
        var renders = Enumerable.Range(1, 8)
            .Select(n => shared.Renderer.RenderAsync(Document(rows: 40, marker: $"Hujjat raqami {n:D2}"), PageLabel))
            .ToArray();

        var pdfs = await Task.WhenAll(renders);

        for (var n = 1; n <= pdfs.Length; n++)
        {
            var text = await Poppler.TextAsync(pdfs[n - 1]);
            text.Should().Contain($"Hujjat raqami {n:D2}");
            for (var other = 1; other <= pdfs.Length; other++)
            {
                if (other != n)
                {
                    text.Should().NotContain($"Hujjat raqami {other:D2}", "each render has a page of its own");
                }
            }
        }
    }

    [Fact]
    public async Task Blocks_every_request_of_the_document_without_hanging()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        const string Pixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
        var html = $$"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8">
            <link rel="stylesheet" href="http://example.invalid/x.css">
            <link rel="stylesheet" href="http://127.0.0.1:{{port}}/listener.css">
            <style>@import url("http://127.0.0.1:{{port}}/import.css"); body { background: url("file:///etc/hostname"); }</style>
            </head><body>
            <p>Tashqi so'rovlar to'sildi</p>
            <img src="http://127.0.0.1:9/x.png">
            <img src="http://127.0.0.1:{{port}}/listener.png">
            <img src="https://example.invalid/y.png">
            <iframe src="file:///etc/passwd"></iframe>
            <img src="data:image/png;base64,{{Pixel}}">
            <script>document.write('Skript ishladi');</script>
            </body></html>
            """;
        var before = shared.Logger.Entries.Count;

        var watch = Stopwatch.StartNew();
        var pdf = await shared.Renderer.RenderAsync(html, PageLabel);
        watch.Stop();
        output.WriteLine($"Rendered a document with blocked requests in {watch.ElapsedMilliseconds} ms");

        foreach (var entry in shared.Logger.Entries.Skip(before))
        {
            output.WriteLine($"[{entry.Level}] {entry.Message}");
        }

        var text = await Poppler.TextAsync(pdf);
        text.Should().Contain("Tashqi so'rovlar to'sildi").And.NotContain("Skript ishladi", "JavaScript is disabled");
        text.Should().NotContain("root:", "a file: URI is not read into the PDF");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "blocked requests fail at once instead of waiting for a host");
        listener.Pending().Should().BeFalse("the browser never connected to the local listener");
        shared.Logger.Entries.Skip(before).Should().Contain(
            e => e.Level == LogLevel.Warning && e.Message.Contains("blocked", StringComparison.Ordinal),
            "blocked requests are logged");
    }

    [Fact]
    public async Task Honours_a_cancelled_token()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var render = () => shared.Renderer.RenderAsync(Document(rows: 3), PageLabel, cancelled.Token);

        await render.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Reuses_one_browser_and_the_second_render_is_faster()
    {
        var logger = new RecordingLogger(output);
        var renderer = new ChromiumPdfRenderer(Options.Create(new PdfOptions()), logger);
        await using (renderer.ConfigureAwait(true))
        {
            var html = Document(rows: 30);

            var first = Stopwatch.StartNew();
            await renderer.RenderAsync(html, PageLabel);
            first.Stop();

            var second = Stopwatch.StartNew();
            await renderer.RenderAsync(html, PageLabel);
            second.Stop();

            var third = Stopwatch.StartNew();
            await renderer.RenderAsync(html, PageLabel);
            third.Stop();

            output.WriteLine(
                $"First render (launches Chromium): {first.ElapsedMilliseconds} ms; second: {second.ElapsedMilliseconds} ms; third: {third.ElapsedMilliseconds} ms");
            logger.LaunchedProcessIds.Should().ContainSingle("the renders share one browser");
            ChromiumProcess.Of(logger.LaunchedProcessIds[0]).Should().NotBeNull("the browser stays open between renders");
        }
    }

    [Fact]
    public async Task Relaunches_a_crashed_browser_and_cleans_up_its_profiles()
    {
        var logger = new RecordingLogger(output);
        var renderer = new ChromiumPdfRenderer(Options.Create(new PdfOptions()), logger);
        ChromiumProcess first;
        ChromiumProcess second;
        await using (renderer.ConfigureAwait(true))
        {
            await renderer.RenderAsync(Document(rows: 3), PageLabel);
            first = ChromiumProcess.Of(logger.LaunchedProcessIds.Should().ContainSingle().Subject)!;
            first.Should().NotBeNull("the browser runs after the first render");
            Directory.Exists(first.UserDataDir).Should().BeTrue();

            using (var process = Process.GetProcessById(first.Id))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            var pdf = await renderer.RenderAsync(Document(rows: 3, marker: "Qayta ishga tushirildi"), PageLabel);

            (await Poppler.TextAsync(pdf)).Should().Contain("Qayta ishga tushirildi");
            logger.LaunchedProcessIds.Should().HaveCount(2, "the crashed browser was relaunched once");
            second = ChromiumProcess.Of(logger.LaunchedProcessIds[1])!;
            second.Should().NotBeNull();
            second.Id.Should().NotBe(first.Id);
            second.UserDataDir.Should().NotBe(first.UserDataDir, "each launch has a fresh profile");
            Directory.Exists(first.UserDataDir).Should().BeFalse("the crashed browser's profile is deleted");
        }

        Directory.Exists(second.UserDataDir).Should().BeFalse("disposing deletes the profile");
        ChromiumProcess.Of(second.Id).Should().BeNull("disposing closes the browser");
        var render = () => renderer.RenderAsync(Document(rows: 1), PageLabel);
        await render.Should().ThrowAsync<ObjectDisposedException>();
    }

    /// <summary>A print view like the plan's: inline styles only, a long table whose header repeats.</summary>
    private static string Document(int rows, string marker = "Reja hujjati")
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="uz"><head><meta charset="utf-8"><title>Reja</title>
            <style>
              body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; margin: 0; }
              table { width: 100%; border-collapse: collapse; }
              thead { display: table-header-group; }
              th { background: #dde4ee; }
              th, td { border: 1px solid #333; padding: 2px 4px; }
              tr { break-inside: avoid; }
            </style></head><body>
            <p style="text-align:right">Утверждаю<br>Директор</p>
            <h1>Xo'jaobod tumani axborot-kutubxona markazi (Xoʻjaobod)</h1>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<p>{marker}: 2022 yilga mo'ljallangan ish rejasi</p>");
        html.Append(CultureInfo.InvariantCulture, $"<table><thead><tr><th>T/r</th><th>{HeaderText}</th><th>Miqdori</th></tr></thead><tbody>");
        for (var i = 1; i <= rows; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{i}</td><td>Qator {i} mo'ljallangan</td><td>{i * 3}</td></tr>");
        }

        html.Append("</tbody></table></body></html>");
        return html.ToString();
    }

    /// <summary>pdftotext separates pages with a form feed; the last one ends with it.</summary>
    private static List<string> Pages(string text)
    {
        var pages = text.Split('\f').ToList();
        if (pages.Count > 0 && string.IsNullOrWhiteSpace(pages[^1]))
        {
            pages.RemoveAt(pages.Count - 1);
        }

        return pages;
    }

    private static Regex FooterRegex(int page, int total, string label = PageLabel) =>
        new($@"{Regex.Escape(label)}\s+{page}\s*/\s*{total}(?!\d)", RegexOptions.CultureInvariant);

    /// <summary>One renderer for the tests of this class, as the application has one singleton.</summary>
    public sealed class SharedRenderer : IAsyncLifetime
    {
        public SharedRenderer()
        {
            Renderer = new ChromiumPdfRenderer(Options.Create(new PdfOptions()), Logger);
        }

        public RecordingLogger Logger { get; } = new(null);

        public ChromiumPdfRenderer Renderer { get; }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await Renderer.DisposeAsync();
    }

    public sealed record LogEntry(LogLevel Level, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Properties);

    /// <summary>Keeps what the renderer logs and, in a test, shows it in the test output.</summary>
    public sealed class RecordingLogger(ITestOutputHelper? output) : ILogger<ChromiumPdfRenderer>
    {
        private readonly ConcurrentQueue<LogEntry> _entries = new();

        public IReadOnlyCollection<LogEntry> Entries => _entries;

        /// <summary>The browser processes the renderer reported launching, in order.</summary>
        public IReadOnlyList<int> LaunchedProcessIds => [.. _entries
            .Where(e => e.Message.StartsWith("Launched Chromium", StringComparison.Ordinal))
            .Select(e => Convert.ToInt32(e.Properties["ProcessId"], CultureInfo.InvariantCulture))];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var message = formatter(state, exception);
            var properties = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            _entries.Enqueue(new LogEntry(logLevel, message, exception, properties.ToDictionary(p => p.Key, p => p.Value)));
            try
            {
                output?.WriteLine($"[{logLevel}] {message}{(exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})")}");
            }
            catch (InvalidOperationException)
            {
                // The test has finished; its output is closed.
            }
        }
    }

    /// <summary>A running Chromium browser process of this test process, with its profile directory.</summary>
    private sealed record ChromiumProcess(int Id, string UserDataDir)
    {
        /// <summary>The browser with this process id if it still runs as a child of this process, else null.</summary>
        public static ChromiumProcess? Of(int pid) =>
            LinuxProcesses.Of(pid) is { } process && process.ParentId == Environment.ProcessId && process.Argument("--user-data-dir=") is { } profile
                ? new ChromiumProcess(pid, profile)
                : null;
    }

    private sealed record PdfInfo(int Pages, double Width, double Height, string PaperName);

    /// <summary>poppler-utils, which scripts/test.sh installs.</summary>
    private static partial class Poppler
    {
        public static async Task<string> TextAsync(byte[] pdf) => await RunAsync("pdftotext", pdf, "-layout", "-enc", "UTF-8");

        public static async Task<PdfInfo> InfoAsync(byte[] pdf)
        {
            var info = await RunAsync("pdfinfo", pdf);
            var pages = PagesRegex().Match(info);
            var size = PageSizeRegex().Match(info);
            pages.Success.Should().BeTrue($"pdfinfo reports the page count:\n{info}");
            size.Success.Should().BeTrue($"pdfinfo reports the page size:\n{info}");
            return new PdfInfo(
                int.Parse(pages.Groups[1].Value, CultureInfo.InvariantCulture),
                double.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture),
                double.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture),
                size.Groups[3].Value);
        }

        private static async Task<string> RunAsync(string tool, byte[] pdf, params string[] options)
        {
            var file = Path.Combine(Path.GetTempPath(), $"workplan-pdftest-{Guid.NewGuid():N}.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            try
            {
                var start = new ProcessStartInfo(tool)
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    StandardOutputEncoding = Encoding.UTF8,
                    UseShellExecute = false,
                };
                foreach (var option in options)
                {
                    start.ArgumentList.Add(option);
                }

                start.ArgumentList.Add(file);
                if (tool == "pdftotext")
                {
                    start.ArgumentList.Add("-");
                }

                Process process;
                try
                {
                    process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
                }
                catch (Win32Exception ex)
                {
                    throw new InvalidOperationException(
                        $"{tool} is not installed: the PDF tests read PDFs with poppler-utils (apt-get install -y poppler-utils; scripts/test.sh installs it).",
                        ex);
                }

                using (process)
                {
                    var stdout = process.StandardOutput.ReadToEndAsync();
                    var stderr = process.StandardError.ReadToEndAsync();
                    await process.WaitForExitAsync();
                    process.ExitCode.Should().Be(0, $"{tool} reads the PDF: {await stderr}");
                    return await stdout;
                }
            }
            finally
            {
                File.Delete(file);
            }
        }

        [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
        private static partial Regex PagesRegex();

        [GeneratedRegex(@"^Page size:\s+([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?", RegexOptions.Multiline)]
        private static partial Regex PageSizeRegex();
    }
}
