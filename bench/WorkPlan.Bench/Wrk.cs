using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace WorkPlan.Bench;

/// <summary>Runs wrk for a bounded time against one URL and reads the summary line of bench/wrk/load.lua.</summary>
internal sealed class Wrk(string luaScript)
{
    public async Task<LoadResult> RunAsync(string key, string dataset, Uri url, int connections, int seconds, string? cookie, string? postBodyFile)
    {
        var threads = Math.Min(connections, 2);
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s",
            "--timeout", "30s",
            "-s", luaScript,
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (cookie is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"Cookie: {cookie}");
        }

        start.ArgumentList.Add(url.ToString());
        start.Environment["WRK_METHOD"] = postBodyFile is null ? "GET" : "POST";
        start.Environment["WRK_BODY_FILE"] = postBodyFile ?? string.Empty;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {await stderr}{output}");
        }

        return Parse(key, dataset, connections, output);
    }

    /// <summary>Reads the WRK_JSON line that load.lua's done() prints (latencies in microseconds).</summary>
    public static LoadResult Parse(string key, string dataset, int connections, string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("WRK_JSON ", StringComparison.Ordinal))
            ?? throw new InvalidDataException($"wrk printed no summary line:\n{output}");
        using var json = JsonDocument.Parse(line["WRK_JSON ".Length..]);
        var root = json.RootElement;
        long Get(string name) => root.GetProperty(name).GetInt64();
        var seconds = Get("duration_us") / 1e6;
        var requests = Get("requests");
        var errors = Get("connect") + Get("read") + Get("write") + Get("status") + Get("timeout");
        return new LoadResult(
            key, dataset, connections, seconds, requests, seconds > 0 ? requests / seconds : 0,
            Get("p50") / 1000.0, Get("p95") / 1000.0, Get("p99") / 1000.0, Get("max") / 1000.0, errors, "wrk");
    }
}
