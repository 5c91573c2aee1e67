using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkPlan.Infrastructure.Export;
using WorkPlan.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace WorkPlan.IntegrationTests.Export;

/// <summary>
/// The PDF renderer's Chromium against faults of its own processes, with the real browser: a page renderer
/// killed mid-render, the thread that asked for the first render ending, profile folders of ended apps.
/// </summary>
public sealed class ChromiumLifetimeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BoundedWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_render_whose_page_renderer_is_killed_is_tried_once_more_and_gives_the_pdf()
    {
        var logger = new PdfRendererTests.RecordingLogger(output);
        var renderer = new ChromiumPdfRenderer(Options.Create(new PdfOptions()), logger);
        await using (renderer.ConfigureAwait(true))
        {
            var killed = new List<LinuxProcesses.Info>();
            renderer.PageOpened = _ =>
            {
                if (killed.Count == 0)
                {
                    killed.AddRange(KillRenderers(logger.LaunchedProcessIds[^1]));
                }

                return Task.CompletedTask;
            };

            var pdf = await renderer.RenderAsync(Document("Qayta chop etildi"), "Sahifa");

            killed.Should().NotBeEmpty("the first attempt's renderer was killed");
            (await PdfText.ReadAsync(pdf)).Should().Contain("Qayta chop etildi");
            logger.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains("renderer crashed", StringComparison.Ordinal));
            logger.LaunchedProcessIds.Should().HaveCount(2, "the retry runs in a new browser, as after a browser crash");
        }
    }

    [Fact]
    public async Task A_render_whose_renderer_crashes_twice_fails_with_an_error_and_the_next_render_works()
    {
        var logger = new PdfRendererTests.RecordingLogger(output);
        var renderer = new ChromiumPdfRenderer(Options.Create(new PdfOptions()), logger);
        await using (renderer.ConfigureAwait(true))
        {
            var attempts = 0;
            renderer.PageOpened = _ =>
            {
                attempts++;
                KillRenderers(logger.LaunchedProcessIds[^1]);
                return Task.CompletedTask;
            };

            var watch = Stopwatch.StartNew();
            var render = () => renderer.RenderAsync(Document("Chop etilmaydi"), "Sahifa");

            await render.Should().ThrowAsync<PageCrashedException>();
            output.WriteLine($"Failed after {attempts} attempts in {watch.ElapsedMilliseconds} ms");
            attempts.Should().Be(2, "a crashed render is tried once more, not again and again");

            renderer.PageOpened = null;
            var pdf = await renderer.RenderAsync(Document("Keyingi hujjat"), "Sahifa");
            (await PdfText.ReadAsync(pdf)).Should().Contain("Keyingi hujjat");
        }
    }

    [Fact]
    public async Task The_browser_keeps_running_after_the_thread_that_asked_for_it_has_ended()
    {
        var logger = new PdfRendererTests.RecordingLogger(output);
        var renderer = new ChromiumPdfRenderer(Options.Create(new PdfOptions()), logger);
        await using (renderer.ConfigureAwait(true))
        {
            // The first render (which launches the browser) runs on a thread of its own that then ends, as a
            // thread-pool thread does when the pool retires it.
            string? task = null;
            var thread = new Thread(() =>
            {
                task = new DirectoryInfo("/proc/thread-self").ResolveLinkTarget(returnFinalTarget: false)!.FullName;
                renderer.RenderAsync(Document("Birinchi"), "Sahifa").GetAwaiter().GetResult();
            });
            thread.Start();
            thread.Join();
            var browser = LinuxProcesses.Of(logger.LaunchedProcessIds.Single());
            browser.Should().NotBeNull();
            (await WaitUntilAsync(() => !Directory.Exists(task!))).Should().BeTrue("the thread has ended");

            var pdf = await renderer.RenderAsync(Document("Ikkinchi"), "Sahifa");

            (await PdfText.ReadAsync(pdf)).Should().Contain("Ikkinchi");
            LinuxProcesses.IsRunning(browser!).Should().BeTrue("the browser is the app's, not the thread's");
            logger.LaunchedProcessIds.Should().ContainSingle("the second render used the same browser");
        }
    }

    [Fact]
    public void Removes_only_the_profile_folders_of_apps_that_have_ended()
    {
        var root = Directory.CreateTempSubdirectory("workplan-profiles-test-");
        try
        {
            var profiles = new ChromiumProfiles(root.FullName, new PdfRendererTests.RecordingLogger(output));
            var own = profiles.Create();
            var self = LinuxProcesses.Of(Environment.ProcessId)!;
            var init = LinuxProcesses.Of(1)!;
            var ended = EndedProcessId();
            string Folder(string name) => Directory.CreateDirectory(Path.Combine(root.FullName, name)).FullName;
            var live = Folder($"workplan-pdf-1-{init.StartTicks}-{Guid.NewGuid():N}");
            var endedApp = Folder($"workplan-pdf-{ended}-{self.StartTicks}-{Guid.NewGuid():N}");
            var reusedId = Folder($"workplan-pdf-{self.Id}-{self.StartTicks + 1}-{Guid.NewGuid():N}");
            var unowned = Folder($"workplan-pdf-{Guid.NewGuid():N}");
            var other = Folder("workplan-pdf-notes");
            File.WriteAllText(Path.Combine(endedApp, "Local State"), "{}");

            var removed = profiles.RemoveStale();

            removed.Should().Be(2);
            Directory.Exists(endedApp).Should().BeFalse("its app has ended");
            Directory.Exists(reusedId).Should().BeFalse("its app has ended; another process has the same id now");
            Directory.Exists(own).Should().BeTrue("this process runs");
            Directory.Exists(live).Should().BeTrue("its process runs");
            Directory.Exists(unowned).Should().BeTrue("without an owner in the name it may belong to a running app");
            Directory.Exists(other).Should().BeTrue("it is not named as a profile");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>SIGKILLs the page renderers of the browser with this process id (as the kernel's out-of-memory killer would).</summary>
    private static List<LinuxProcesses.Info> KillRenderers(int browserId)
    {
        var renderers = LinuxProcesses.DescendantsOf(browserId).Where(p => p.CommandLine.Contains(" --type=renderer", StringComparison.Ordinal)).ToList();
        LinuxProcesses.Kill(renderers);
        return renderers;
    }

    private static int EndedProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> done)
    {
        var watch = Stopwatch.StartNew();
        while (!done() && watch.Elapsed < BoundedWait)
        {
            await Task.Delay(50);
        }

        return done();
    }

    private static string Document(string marker) => string.Create(
        CultureInfo.InvariantCulture,
        $"<!DOCTYPE html><html lang=\"uz\"><head><meta charset=\"utf-8\"></head><body><h1>{marker}</h1><p>Xo'jaobod tumani</p></body></html>");
}
