using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace WorkPlan.Infrastructure.Export;

/// <summary>
/// The profile folders of the PDF renderer's Chromium, in one folder (the temporary folder by default):
/// <c>workplan-pdf-&lt;app process id&gt;-&lt;its start time&gt;-&lt;random&gt;</c>. The owner in the name lets a later
/// start tell the folders of an app that has ended (crashed, killed) from those of one that still runs, even
/// when a new process got the old id, and remove only the first.
/// </summary>
public sealed partial class ChromiumProfiles(string root, ILogger logger)
{
    private const string Prefix = "workplan-pdf-";

    /// <summary>The folder the profiles live in.</summary>
    public string Root { get; } = root;

    /// <summary>The profiles in the temporary folder (TMPDIR, /tmp by default), where the renderer keeps them.</summary>
    public static ChromiumProfiles InTempFolder(ILogger logger) => new(Path.GetTempPath(), logger);

    /// <summary>Creates a fresh, empty profile folder owned by this process.</summary>
    public string Create()
    {
        var path = Path.Combine(Root, $"{Prefix}{OwnerOf(Environment.ProcessId)}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Removes the profile folders whose owner has ended; the folders of running apps (this one included) and
    /// anything not named as ours stay. Only on Linux, where a process's start time can be read.
    /// </summary>
    /// <returns>How many folders were removed.</returns>
    public int RemoveStale()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(Root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var path in Directory.EnumerateDirectories(Root, Prefix + "*"))
        {
            var match = NameRegex().Match(Path.GetFileName(path));
            if (!match.Success
                || !int.TryParse(match.Groups["pid"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
                || OwnerOf(owner) == match.Groups["owner"].Value)
            {
                continue;
            }

            if (Delete(path))
            {
                removed++;
            }
        }

        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} Chromium profile folder(s) left in {Root} by an app that has ended", removed, Root);
        }

        return removed;
    }

    /// <summary>Deletes a profile folder, retrying briefly: a closing Chromium may still write to it for a moment.</summary>
    /// <returns>Whether the folder is gone.</returns>
    public bool Delete(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (attempt == 3)
                {
                    logger.LogWarning(ex, "Could not delete the Chromium profile directory {UserDataDir}", path);
                    return false;
                }

                Thread.Sleep(100 * attempt);
            }
        }
    }

    /// <summary>
    /// "&lt;id&gt;-&lt;start time&gt;" of a running process (its start in clock ticks since boot, from /proc), or an
    /// empty string when no such process runs (a zombie has ended too).
    /// </summary>
    private static string OwnerOf(int processId)
    {
        var id = processId.ToString(CultureInfo.InvariantCulture);
        if (!OperatingSystem.IsLinux())
        {
            return $"{id}-0";
        }

        try
        {
            // /proc/<id>/stat: "id (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] is "Z" or "X" ? string.Empty : $"{id}-{fields[19]}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    [GeneratedRegex("^workplan-pdf-(?<owner>(?<pid>[0-9]{1,10})-[0-9]{1,20})-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex NameRegex();
}
