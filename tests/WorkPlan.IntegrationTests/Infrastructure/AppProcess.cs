using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace WorkPlan.IntegrationTests.Infrastructure;

/// <summary>
/// The built app (WorkPlan.Web.dll beside the tests) run as a process of its own with `dotnet`, on a free
/// loopback port, in production mode over a test database: for what only a real process shows (being killed).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Id = process.Id;
        Address = address;
    }

    public Uri Address { get; }

    public int Id { get; }

    /// <summary>What the app wrote to its console so far (for a failing test's message).</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>
    /// Starts the app with the settings a deployment gives it (connection string, key-encryption key, production
    /// mode) plus <paramref name="environment"/>, and waits until it answers its live check.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string> environment, ITestOutputHelper output)
    {
        var app = Launch(connectionString, environment, output, []);
        try
        {
            await app.WaitUntilLiveAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>Runs the app with <paramref name="arguments"/> (e.g. --migrate-only) until it exits by itself; its exit code.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(
        string connectionString, IReadOnlyDictionary<string, string> environment, ITestOutputHelper output, params string[] arguments)
    {
        await using var app = Launch(connectionString, environment, output, arguments);
        if (!await Task.Run(() => app._process.WaitForExit(StartTimeout)))
        {
            throw new TimeoutException($"The app did not exit within {StartTimeout.TotalSeconds} s:\n{app.Output}");
        }

        return (app._process.ExitCode, app.Output);
    }

    /// <summary>Asks the app to stop as a container runtime or systemd does: SIGTERM.</summary>
    public void Terminate()
    {
        if (_process.HasExited)
        {
            return;
        }

        using var kill = Process.Start("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {Id} failed with exit code {kill.ExitCode}.");
        }
    }

    /// <summary>Waits until the app has exited by itself; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        if (!await Task.Run(() => _process.WaitForExit(timeout)))
        {
            throw new TimeoutException($"The app (process {Id}) did not exit within {timeout.TotalSeconds} s:\n{Output}");
        }

        return _process.ExitCode;
    }

    public bool HasExited => _process.HasExited;

    private static AppProcess Launch(string connectionString, IReadOnlyDictionary<string, string> environment, ITestOutputHelper output, string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "WorkPlan.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__WorkPlan"] = connectionString;
        start.Environment["DataProtection__KeyEncryptionKey"] = WorkPlanFactory.KeyEncryptionKey;
        start.Environment["WorkPlan__DemoMode"] = "false";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(process, address);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data, output);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data, output);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>A client of this app with its own cookies, following no redirects (tests see the 302s).</summary>
    public HttpClient CreateClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Address };

    /// <summary>Ends the app as a crash does: SIGKILL, nothing runs on the way out.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        // Not WaitForExitAsync: it also waits for the end of the app's output, which a process that outlives the
        // app (holding the same pipe) would put off for ever.
        if (!await Task.Run(() => _process.WaitForExit(StartTimeout)))
        {
            throw new TimeoutException($"The app (process {Id}) did not end after SIGKILL.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilLiveAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                if ((await client.GetAsync(new Uri("/healthz/live", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"The app did not answer /healthz/live within {StartTimeout.TotalSeconds} s:\n{Output}");
            }

            await Task.Delay(200);
        }
    }

    private void Keep(string? line, ITestOutputHelper output)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        try
        {
            output.WriteLine($"[app {Id}] {line}");
        }
        catch (InvalidOperationException)
        {
            // The test has finished; its output is closed.
        }
    }
}
