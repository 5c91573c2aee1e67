using System.Text.Json;

namespace WorkPlan.Bench;

/// <summary>One bounded load run of one URL at one concurrency.</summary>
internal sealed record LoadResult(
    string Key,
    string Dataset,
    int Connections,
    double Seconds,
    long Requests,
    double RequestsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    long Errors,
    string Tool);

/// <summary>Whether a page of the table was there, and how big its answer was.</summary>
internal sealed record PageStatus(string Key, string Title, string Path, string Status, long Bytes);

/// <summary>A timed loop outside HTTP (hand-written SQL, MiniExcel, cold Chromium): latency over its iterations.</summary>
internal sealed record TimingResult(string Key, string Title, int Iterations, double P50Ms, double P95Ms, double MeanMs, string Note);

/// <summary>Everything measured against one dataset.</summary>
internal sealed record DatasetResults(
    DatasetManifest Manifest,
    bool Baselines,
    IReadOnlyList<PageStatus> Pages,
    IReadOnlyList<LoadResult> Loads,
    IReadOnlyList<TimingResult> Timings,
    long AppPeakRssKb,
    long ChromiumPeakRssKb,
    DateTimeOffset MeasuredAt)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<DatasetResults> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<DatasetResults>(stream) ?? throw new InvalidDataException($"{path} is empty.");
    }

    public async Task WriteAsync(string path)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, this, Indented);
    }
}

/// <summary>Percentiles of a set of latencies in milliseconds (nearest rank).</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double percentile)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static TimingResult Timing(string key, string title, List<double> millis, string note)
    {
        millis.Sort();
        return new TimingResult(key, title, millis.Count, Of(millis, 50), Of(millis, 95), millis.Count == 0 ? double.NaN : millis.Average(), note);
    }
}
