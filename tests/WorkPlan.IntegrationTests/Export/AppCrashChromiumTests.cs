using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Infrastructure.Data.Seed;
using WorkPlan.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace WorkPlan.IntegrationTests.Export;

/// <summary>
/// The app as a real process, killed with SIGKILL after a PDF export started its Chromium: the browser and
/// every process of it end with the app, and the profile folder the dead app left is removed when the app
/// starts again. One app process at a time.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class AppCrashChromiumTests(DatabaseFixture database, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan BoundedWait = TimeSpan.FromSeconds(20);

    private int _planId;

    public async Task InitializeAsync()
    {
        await database.ResetWithDemoDataAsync();
        await using var db = database.CreateContext();
        _planId = await db.Plans.Where(p => p.Organisation!.Code == "xojaobod").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Chromium_ends_with_a_killed_app_and_its_profile_folder_is_removed_at_the_next_start()
    {
        // The app's temporary folder is the test's own, so its profile folders are told apart from everyone else's.
        var temp = Directory.CreateTempSubdirectory("workplan-crash-test-");
        var environment = new Dictionary<string, string> { ["TMPDIR"] = temp.FullName };
        IReadOnlyList<LinuxProcesses.Info> chromium = [];
        try
        {
            string profile;
            await using (var app = await AppProcess.StartAsync(database.ConnectionString, environment, output))
            {
                using var client = app.CreateClient();
                (await Forms.SignInAsync(client, "xojaobod.fond", DemoUserSeeder.Password)).IsRedirectTo("/").Should().BeTrue(app.Output);
                using var pdf = await client.GetAsync(new Uri($"/Plans/ExportPdf/{_planId}", UriKind.Relative));
                pdf.StatusCode.Should().Be(HttpStatusCode.OK, app.Output);
                pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");

                chromium = LinuxProcesses.DescendantsOf(app.Id);
                var browser = chromium.Should().ContainSingle(p => p.ParentId == app.Id, "one browser prints the PDFs").Subject;
                profile = browser.Argument("--user-data-dir=")!;
                Path.GetDirectoryName(profile).Should().Be(temp.FullName.TrimEnd('/'), "profiles live in the app's temporary folder");
                Directory.Exists(profile).Should().BeTrue();

                await app.KillAsync();
            }

            var left = await WaitUntilAsync(() => chromium.Where(LinuxProcesses.IsRunning).ToList(), l => l.Count == 0);
            output.WriteLine(
                $"The app had {chromium.Count} Chromium processes; {left.Count} still ran {BoundedWait.TotalSeconds:0} s after it was killed; "
                + $"its profile folder {profile} holds {SizeInMegabytes(profile):0.0} MB");
            left.Should().BeEmpty("Chromium's processes end with the app that started them");
            Directory.Exists(profile).Should().BeTrue("a killed app removes nothing");

            await using (await AppProcess.StartAsync(database.ConnectionString, environment, output))
            {
                var removed = await WaitUntilAsync(() => !Directory.Exists(profile), gone => gone);
                output.WriteLine($"After the restart the dead app's profile folder is {(removed ? "gone" : "still there")}");
                removed.Should().BeTrue("the next start removes the profile folders of apps that have ended");
            }
        }
        finally
        {
            LinuxProcesses.Kill(chromium);
            try
            {
                temp.Delete(recursive: true);
            }
            catch (IOException ex)
            {
                output.WriteLine($"Could not remove {temp.FullName}: {ex.Message}");
            }
        }
    }

    private static async Task<T> WaitUntilAsync<T>(Func<T> probe, Func<T, bool> done)
    {
        var watch = Stopwatch.StartNew();
        var value = probe();
        while (!done(value) && watch.Elapsed < BoundedWait)
        {
            await Task.Delay(100);
            value = probe();
        }

        return value;
    }

    private static double SizeInMegabytes(string folder)
    {
        try
        {
            return new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1024.0 / 1024.0;
        }
        catch (IOException)
        {
            return 0; // Gone, or changing under a Chromium that still runs.
        }
    }
}
