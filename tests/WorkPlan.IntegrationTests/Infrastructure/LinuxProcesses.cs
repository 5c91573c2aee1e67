using System.Globalization;

namespace WorkPlan.IntegrationTests.Infrastructure;

/// <summary>Processes as Linux's /proc shows them: parent, start time (so a reused id is not mistaken for the same process), command line.</summary>
public static class LinuxProcesses
{
    /// <summary>One process; <see cref="StartTicks"/> is its start in clock ticks since boot.</summary>
    public sealed record Info(int Id, int ParentId, long StartTicks, IReadOnlyList<string> Arguments)
    {
        /// <summary>The arguments in one line: a process that rewrites its title (Chromium's zygote children do) has them in one.</summary>
        public string CommandLine => string.Join(' ', Arguments);

        public string? Argument(string prefix) =>
            Arguments.FirstOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal)) is { } found ? found[prefix.Length..] : null;
    }

    /// <summary>Every live process (zombies left out: they have ended, only their exit status waits to be collected).</summary>
    public static IReadOnlyList<Info> All() =>
    [
        .. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? Of(id) : null)
            .OfType<Info>(),
    ];

    /// <summary>The children of a process, their children and so on.</summary>
    public static IReadOnlyList<Info> DescendantsOf(int id)
    {
        var all = All();
        var result = new List<Info>();
        var parents = new HashSet<int> { id };
        for (var added = true; added;)
        {
            added = false;
            foreach (var process in all)
            {
                if (parents.Contains(process.ParentId) && parents.Add(process.Id))
                {
                    result.Add(process);
                    added = true;
                }
            }
        }

        return result;
    }

    /// <summary>Whether this very process still runs (the same id and start time, not a zombie).</summary>
    public static bool IsRunning(Info process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return Of(process.Id) is { } now && now.StartTicks == process.StartTicks;
    }

    /// <summary>The live process with this id, or null when there is none (or only a zombie).</summary>
    public static Info? Of(int id)
    {
        var dir = Path.Combine("/proc", id.ToString(CultureInfo.InvariantCulture));
        try
        {
            // /proc/<id>/stat: "id (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText(Path.Combine(dir, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[0] is "Z" or "X")
            {
                return null;
            }

            var arguments = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
            return new Info(
                id,
                int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[19], CultureInfo.InvariantCulture),
                arguments);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // It has ended meanwhile.
        }
    }

    /// <summary>Sends SIGKILL to whichever of these processes still run (clean-up after a test).</summary>
    public static void Kill(IEnumerable<Info> processes)
    {
        ArgumentNullException.ThrowIfNull(processes);
        foreach (var process in processes.Where(IsRunning))
        {
            try
            {
                using var running = System.Diagnostics.Process.GetProcessById(process.Id);
                running.Kill();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // It ended meanwhile.
            }
        }
    }
}
