using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PuppeteerSharp;

namespace WorkPlan.Infrastructure.Export;

/// <summary>
/// Starts the PDF renderer's Chromium so that it cannot outlive the app. On Linux the browser goes through
/// <see cref="ScriptName"/> beside the app, which sets the parent-death signal (<c>setpriv --pdeathsig KILL</c>)
/// and then becomes Chromium: the kernel kills the browser when the app ends, even by SIGKILL, and the
/// browser's own processes end with it. That signal follows the <em>thread</em> that started the process, not
/// the whole app, so every launch starts on one thread of this launcher's own that lives as long as it does
/// (a thread-pool thread is retired when idle, and would take the browser with it).
/// Without setpriv or the script (not Linux) the browser is started directly, as before, with a warning.
/// </summary>
internal sealed class ChromiumLauncher : IDisposable
{
    /// <summary>The wrapper script, copied beside the app's assemblies.</summary>
    public const string ScriptName = "launch-chromium.sh";

    /// <summary>The variable that tells the script which Chromium to run.</summary>
    public const string ChromiumVariable = "WORKPLAN_CHROMIUM";

    private readonly BlockingCollection<Action> _launches = [];
    private readonly string? _script;

    public ChromiumLauncher(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _script = FindScript(logger);
        var thread = new Thread(() =>
        {
            foreach (var launch in _launches.GetConsumingEnumerable())
            {
                launch();
            }

            _launches.Dispose();
        })
        {
            IsBackground = true,
            Name = "Chromium launcher",
        };
        thread.Start();
    }

    /// <summary>
    /// Launches the browser: the process starts on the launcher's thread (the synchronous part of
    /// <see cref="Puppeteer.LaunchAsync"/> starts it), the rest of the launch continues wherever PuppeteerSharp's
    /// awaits resume.
    /// </summary>
    public Task<IBrowser> LaunchAsync(LaunchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_script is not null && File.Exists(options.ExecutablePath))
        {
            options.Env[ChromiumVariable] = options.ExecutablePath;
            options.ExecutablePath = _script;
        }

        var started = new TaskCompletionSource<Task<IBrowser>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _launches.Add(() =>
        {
            try
            {
                started.SetResult(Puppeteer.LaunchAsync(options));
            }
            catch (Exception ex)
            {
                started.SetException(ex);
            }
        });
        return started.Task.Unwrap();
    }

    /// <summary>Ends the launcher's thread; a browser it started and still running is killed with it.</summary>
    public void Dispose() => _launches.CompleteAdding();

    private static string? FindScript(ILogger logger)
    {
        var script = Path.Combine(AppContext.BaseDirectory, ScriptName);
        string? problem = null;
        if (!OperatingSystem.IsLinux())
        {
            problem = "the parent-death signal exists only on Linux";
        }
        else if (!File.Exists(script) || (File.GetUnixFileMode(script) & UnixFileMode.UserExecute) == 0)
        {
            problem = $"{script} is missing or not executable";
        }
        else if (!OnPath("setpriv"))
        {
            problem = "setpriv (util-linux) is not installed";
        }

        if (problem is null)
        {
            return script;
        }

        logger.LogWarning("Chromium for PDF rendering is started directly ({Problem}): it may outlive the app if the app is killed", problem);
        return null;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
