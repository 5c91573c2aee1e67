using System.Globalization;
using System.Text;

namespace WorkPlan.Bench;

/// <summary>Writes docs/PERFORMANCE.md from the results of the datasets measured in one run.</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(IReadOnlyList<DatasetResults> runs, string command, string machine, TimeSpan wallTime)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var main = runs.FirstOrDefault(r => r.Baselines) ?? runs[0];
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line("# Performance");
        Line();
        Line("Measured by `bench/run.sh` (see README, \"Benchmarks\"). The figures below are one run's; the machine is shared, so");
        Line("treat differences under about 20 % as noise. Each load run is bounded in time; latencies are per request.");
        Line();
        Line($"- Date: {main.MeasuredAt:yyyy-MM-dd HH:mm} UTC; whole run {wallTime.TotalMinutes:N1} min");
        Line($"- Machine: {machine}");
        Line($"- Reproduce: `{command}`");
        Line($"- App: Release build (`dotnet publish -c Release`), not in demo mode, on 127.0.0.1; its clock set to 20 December {main.Manifest.Year} " +
            "(December open for entry, Q4 not yet submitted, so the report and its exports are built live); PostgreSQL 15 cluster of its own.");
        Line("- Load: wrk (`-t min(2,c) -c c -d …`, keep-alive) with the session cookie of a user signed in through the login form; " +
            "a short warm-up before each URL.");
        Line();

        Line("## Datasets");
        Line();
        Line("| Dataset | Districts | Years | Plans | Monthly actuals | Generated in |");
        Line("|---|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            var m = run.Manifest;
            Line($"| {m.Label} | {m.Districts} | {m.Years} | {m.Districts * m.Years:N0} | {m.MonthlyActuals:N0} | {m.SecondsToGenerate:N1} s |");
        }

        Line();
        Line("Each district plan: 5 sections, 45 top-level rows and 15 \"of which\" rows (60), roll-up kinds Sum, Last and Max, one or two " +
            "responsible services of six; every plan in force; 12 months of actuals per row; quarterly reports submitted and accepted " +
            "(all but the last quarter of the last year). 14 regions; the measured district is in the region with 20 of the 186 districts.");
        Line();

        Line($"## Pages under load ({main.Manifest.Label})");
        Line();
        Line("Targets: requests/s ≥ 0.4 × the static file's at the same concurrency; p99 ≤ 3 × the static file's p99.");
        Line();
        Line("| Page | Conns | Req/s | p50 ms | p95 ms | p99 ms | Errors | × static req/s (≥ 0.4) | p99 / static p99 (≤ 3) |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var titles = main.Pages.ToDictionary(p => p.Key, p => p.Title);
        foreach (var group in main.Loads.Where(l => l.Tool == "wrk").GroupBy(l => l.Key))
        {
            foreach (var load in group.OrderBy(l => l.Connections))
            {
                var baseline = main.Loads.FirstOrDefault(l => l.Key == PageSpec.StaticKey && l.Connections == load.Connections);
                var isStatic = load.Key == PageSpec.StaticKey;
                var rpsRatio = isStatic || baseline is null ? "" : Verdict(load.RequestsPerSecond / baseline.RequestsPerSecond, 0.4, higherIsBetter: true);
                var p99Ratio = isStatic || baseline is null ? "" : Verdict(load.P99Ms / baseline.P99Ms, 3, higherIsBetter: false);
                Line($"| {titles.GetValueOrDefault(load.Key, load.Key)} | {load.Connections} | {load.RequestsPerSecond:N1} | {Ms(load.P50Ms)} | {Ms(load.P95Ms)} | {Ms(load.P99Ms)} | {load.Errors} | {rpsRatio} | {p99Ratio} |");
            }
        }

        Line();
        var saves = main.Loads.Where(l => l.Key == "entry-save").OrderBy(l => l.Connections).ToList();
        if (saves.Count > 0)
        {
            Line("Real saves of monthly entries (the bench tool's loop: each worker is a service head of another district who opens the sheet, " +
                "changes every value of the open month and posts it with the page's versions; only the POST is timed, the sheet GET between saves is not):");
            Line();
            Line("| Workers | Saves/s | p50 ms | p95 ms | p99 ms | Failed saves |");
            Line("|---:|---:|---:|---:|---:|---:|");
            foreach (var save in saves)
            {
                Line($"| {save.Connections} | {save.RequestsPerSecond:N1} | {Ms(save.P50Ms)} | {Ms(save.P95Ms)} | {Ms(save.P99Ms)} | {save.Errors} |");
            }

            Line();
        }

        var absent = main.Pages.Where(p => p.Status != "measured").ToList();
        if (absent.Count > 0)
        {
            Line("Pages of the table (bench/pages.tsv) not measured in this run:");
            Line();
            foreach (var page in absent)
            {
                Line($"- {page.Title} (`{page.Path}`): {page.Status}");
            }

            Line();
        }

        if (main.Timings.Count > 0)
        {
            Line("## Against hand-made baselines");
            Line();
            Line("| Work | App (1 connection, p50) | Baseline (p50) | Ratio | Target |");
            Line("|---|---:|---:|---:|---|");
            var timings = main.Timings.ToDictionary(t => t.Key);
            var one = main.Loads.Where(l => l.Connections == 1 && l.Tool == "wrk").ToDictionary(l => l.Key);
            Compare(Line, "Consolidation (regional page vs SQL)", one.GetValueOrDefault("consolidation"), timings.GetValueOrDefault("sql-regional"), 1.5, "≤ 1.5 × SQL");
            Compare(Line, "National consolidation (national page vs SQL)", one.GetValueOrDefault("national"), timings.GetValueOrDefault("sql-national"), 1.5, "≤ 1.5 × SQL");
            Compare(Line, "Quarterly report Excel (ClosedXML vs MiniExcel, both incl. reading)", one.GetValueOrDefault("quarter-xlsx"), timings.GetValueOrDefault("miniexcel"), 3, "≤ 3 × MiniExcel");
            Compare(Line, "Quarterly report PDF (shared browser vs cold Chromium)", one.GetValueOrDefault("quarter-pdf"), timings.GetValueOrDefault("chromium-cold"), 0.5, "≤ 0.5 × cold print");
            Line();
            Line("| Baseline | Runs | p50 ms | p95 ms | Mean ms | Note |");
            Line("|---|---:|---:|---:|---:|---|");
            foreach (var timing in main.Timings)
            {
                Line($"| {timing.Title} | {timing.Iterations} | {Ms(timing.P50Ms)} | {Ms(timing.P95Ms)} | {Ms(timing.MeanMs)} | {timing.Note} |");
            }

            Line();
        }

        if (runs.Count > 1)
        {
            Line("## Cost growth with data");
            Line();
            var ordered = runs.OrderBy(r => r.Manifest.MonthlyActuals).ToList();
            // The highest concurrency that every dataset was measured at.
            var level = ordered
                .Select(r => r.Loads.Where(l => l.Tool == "wrk").Select(l => l.Connections).ToHashSet())
                .Aggregate((common, next) => [.. common.Intersect(next)])
                .DefaultIfEmpty(1).Max();
            Line($"p95 in ms at {level} connections on each dataset. Target: 10 × the data grows a page's p95 by ≤ 1.2 ×; the largest dataset here holds " +
                $"{Ratio((double)ordered[^1].Manifest.MonthlyActuals / ordered[0].Manifest.MonthlyActuals)} the smallest's monthly actuals " +
                "(last column: p95 on the largest over p95 on the smallest).");
            Line();
            Line("The static file's row is the control: its cost does not depend on the data, so when its p95 moves between datasets " +
                "the machine's load moved. The verdict is therefore on the growth over the control's (a page's growth divided by the " +
                "static file's); the raw growth is shown beside it. A district's and a region's pages are judged from the smallest " +
                "dataset to the largest (the measured region is the same size in each, so only other regions' data grows). The national " +
                "pages read every district by design, so they are judged between the datasets with the same districts and more years " +
                "(their year's work is the same; only past years' data grows).");
            Line();
            var sameDistricts = ordered.Where(r => r.Manifest.Districts == ordered[^1].Manifest.Districts).ToList();
            var years = sameDistricts.Count > 1 ? $"{sameDistricts[0].Manifest.Label} → {sameDistricts[^1].Manifest.Label}" : null;
            Line($"| Page | {string.Join(" | ", ordered.Select(r => r.Manifest.Label))} | Raw growth | Growth over the control | {(years is null ? "" : $"Over the control, {years} |")} Verdict (≤ 1.2) |");
            Line($"|---|{string.Concat(ordered.Select(_ => "---:|"))}---:|---:|{(years is null ? "" : "---:|")}---:|");
            LoadResult? At(DatasetResults run, string key) => run.Loads.FirstOrDefault(l => l.Key == key && l.Connections == level && l.Tool == "wrk");
            double? Growth(DatasetResults from, DatasetResults to, string key) =>
                At(from, key) is { } a && At(to, key) is { } b && a.P95Ms > 0 ? b.P95Ms / a.P95Ms : null;
            double? OverControl(DatasetResults from, DatasetResults to, string key) =>
                Growth(from, to, key) is { } page && Growth(from, to, "static") is { } control && control > 0 ? page / control : null;
            foreach (var key in ordered[0].Loads.Where(l => l.Tool == "wrk" && l.Connections == level).Select(l => l.Key))
            {
                var raw = Growth(ordered[0], ordered[^1], key);
                var full = key == "static" ? null : OverControl(ordered[0], ordered[^1], key);
                var overYears = key == "static" || years is null ? null : OverControl(sameDistricts[0], sameDistricts[^1], key);
                var judged = key.StartsWith("national", StringComparison.Ordinal) ? overYears : full;
                Line($"| {titles.GetValueOrDefault(key, key)} | {string.Join(" | ", ordered.Select(r => At(r, key) is { } c ? Ms(c.P95Ms) : "–"))} | " +
                    $"{(raw is null ? "" : Ratio(raw.Value))} | {(full is null ? "" : Ratio(full.Value))} | " +
                    $"{(years is null ? "" : $"{(overYears is null ? "" : Ratio(overYears.Value))} | ")}{(judged is null ? "" : Verdict(judged.Value, 1.2, higherIsBetter: false))} |");
            }

            Line();
        }

        Line("## Memory");
        Line();
        Line("| Dataset | App peak RSS (VmHWM) | Target | Chromium children, peak summed PSS |");
        Line("|---|---:|---|---:|");
        foreach (var run in runs)
        {
            var mb = run.AppPeakRssKb / 1024.0;
            Line($"| {run.Manifest.Label} | {mb:N0} MB | {(mb <= 400 ? "met" : "**missed**")} (≤ 400 MB) | {run.ChromiumPeakRssKb / 1024.0:N0} MB |");
        }

        Line();
        Line("The app's figure is the .NET process alone (its peak over the whole run, load and exports included); the shared Chromium " +
            "runs as child processes and is shown apart (proportional set size, sampled every 0.5 s, so shared pages count once).");
        Line();
        return text.ToString();
    }

    private static void Compare(Action<string> line, string title, LoadResult? app, TimingResult? baseline, double target, string targetText)
    {
        if (app is null || baseline is null)
        {
            line($"| {title} | {(app is null ? "not present" : Ms(app.P50Ms))} | {(baseline is null ? "–" : Ms(baseline.P50Ms))} | – | {targetText} |");
            return;
        }

        line($"| {title} | {Ms(app.P50Ms)} | {Ms(baseline.P50Ms)} | {Verdict(app.P50Ms / baseline.P50Ms, target, higherIsBetter: false)} | {targetText} |");
    }

    private static string Verdict(double ratio, double target, bool higherIsBetter)
    {
        var met = higherIsBetter ? ratio >= target : ratio <= target;
        return met ? Ratio(ratio) : $"**{Ratio(ratio)}** ✗";
    }

    private static string Ratio(double ratio) => ratio.ToString(ratio < 10 ? "0.00" : "0.0", Invariant) + " ×";

    private static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms.ToString(ms < 10 ? "0.00" : ms < 100 ? "0.0" : "0", Invariant);
}
