using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace WorkPlan.Bench;

/// <summary>Settings of one measuring pass against a running app.</summary>
internal sealed record MeasureSettings(
    string ManifestFile,
    Uri BaseAddress,
    int AppPid,
    string WebRoot,
    string PagesFile,
    string LuaScript,
    IReadOnlyList<int> Levels,
    int Seconds,
    int WarmupSeconds,
    IReadOnlyList<int> SaveWorkers,
    bool Baselines,
    string ConnectionString,
    string Chromium,
    string WorkDir,
    string OutputFile,
    int BaselineIterations,
    int ChromiumRuns);

/// <summary>One line of bench/pages.tsv.</summary>
internal sealed record PageSpec(string Key, string User, string Method, string PathTemplate, string Title)
{
    public const string StaticKey = "static";

    public static IReadOnlyList<PageSpec> Read(string file) =>
    [
        .. File.ReadAllLines(file)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => new PageSpec(f[0], f[1], f[2], f[3], f[4])),
    ];

    public string Path(DatasetManifest manifest, int quarter, int month) => PathTemplate
        .Replace("{planId}", manifest.TargetPlanId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{year}", manifest.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{quarter}", quarter.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{month}", month.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{regionId}", manifest.RegionId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

/// <summary>
/// Measures one dataset: signs the users in, checks every page of the table, loads each present page and a static
/// file of the plan page's size with wrk at each concurrency, runs the real save loop, the baselines, and reads the
/// app's peak memory.
/// </summary>
internal static class Measurement
{
    /// <summary>The live quarter (not submitted yet, so exports are built rather than served from the stored files) and the open month.</summary>
    private const int Quarter = 4;
    private const int Month = 12;

    public static async Task<DatasetResults> RunAsync(MeasureSettings settings)
    {
        var manifest = JsonSerializer.Deserialize<DatasetManifest>(await File.ReadAllTextAsync(settings.ManifestFile))
            ?? throw new InvalidDataException("Empty manifest.");
        Directory.CreateDirectory(settings.WorkDir);
        using var chromiumMemory = new ChildMemorySampler(settings.AppPid);

        var accounts = new Dictionary<string, string>
        {
            ["director"] = manifest.DirectorUser,
            ["inspector"] = manifest.InspectorUser,
            ["servicehead"] = manifest.ServiceHeadUser,
            ["regional"] = manifest.RegionalUser,
            ["national"] = manifest.NationalUser,
        };
        var clients = new Dictionary<string, AppClient>();
        foreach (var (role, user) in accounts)
        {
            clients[role] = await AppClient.SignInAsync(settings.BaseAddress, user, manifest.Password);
        }

        var pages = PageSpec.Read(settings.PagesFile);
        var statuses = new List<PageStatus>();
        var runnable = new List<(PageSpec Page, string Path, string? Body)>();
        foreach (var page in pages)
        {
            var path = page.Path(manifest, Quarter, Month);
            var client = clients[page.User];
            string? bodyFile = null;
            (HttpStatusCode Status, long Bytes, string? Location) probe;
            if (page.Method == "POST-ENTRY")
            {
                probe = await client.ProbeAsync("GET", path);
                if (probe.Status == HttpStatusCode.OK)
                {
                    var form = AppClient.ParseEntryForm(await client.GetStringAsync(path))
                        ?? throw new InvalidOperationException($"{path} shows no entry form.");
                    bodyFile = Path.Combine(settings.WorkDir, $"{page.Key}.body");
                    using (var content = new FormUrlEncodedContent(form.Fields(v => v)))
                    {
                        await File.WriteAllBytesAsync(bodyFile, await content.ReadAsByteArrayAsync());
                    }

                    path = WebUtility.HtmlDecode(form.Action);
                    using var body = new ByteArrayContent(await File.ReadAllBytesAsync(bodyFile));
                    body.Headers.ContentType = new("application/x-www-form-urlencoded");
                    probe = await client.ProbeAsync("POST", path, body);
                }
            }
            else
            {
                probe = await client.ProbeAsync("GET", path);
            }

            var expected = page.Method == "POST-ENTRY" ? HttpStatusCode.Redirect : HttpStatusCode.OK;
            var status = probe.Status == expected ? "measured"
                : probe.Status == HttpStatusCode.NotFound ? "not present"
                : $"answered {(int)probe.Status} {probe.Location}";
            statuses.Add(new PageStatus(page.Key, page.Title, path, status, probe.Bytes));
            Console.WriteLine($"  {page.Key,-20} {status} ({probe.Bytes:N0} bytes) {path}");
            if (status == "measured")
            {
                runnable.Add((page, path, bodyFile));
            }
        }

        // The static baseline: the plan page's HTML as a file of the same size, served by the same Kestrel (the app's own static files).
        var planHtml = await clients["director"].GetBytesAsync(pages.First(p => p.Key == "plan").Path(manifest, Quarter, Month));
        var staticDir = Path.Combine(settings.WebRoot, "bench-static");
        Directory.CreateDirectory(staticDir);
        await File.WriteAllBytesAsync(Path.Combine(staticDir, "plan.html"), planHtml);
        var staticProbe = await clients["director"].ProbeAsync("GET", "/bench-static/plan.html");
        if (staticProbe.Status != HttpStatusCode.OK || staticProbe.Bytes != planHtml.LongLength)
        {
            throw new InvalidOperationException($"The static copy of the plan page answered {(int)staticProbe.Status} with {staticProbe.Bytes} bytes.");
        }

        statuses.Insert(0, new PageStatus(PageSpec.StaticKey, "Static file, same size as the plan page", "/bench-static/plan.html", "measured", staticProbe.Bytes));

        var wrk = new Wrk(settings.LuaScript);
        var loads = new List<LoadResult>();
        var targets = new List<(string Key, string Path, string? Cookie, string? Body)> { (PageSpec.StaticKey, "/bench-static/plan.html", null, null) };
        targets.AddRange(runnable.Select(r => (r.Page.Key, r.Path, (string?)clients[r.Page.User].CookieHeader, r.Body)));
        foreach (var (key, path, cookie, body) in targets)
        {
            var url = new Uri(settings.BaseAddress, path);
            if (settings.WarmupSeconds > 0)
            {
                await wrk.RunAsync(key, manifest.Label, url, 4, settings.WarmupSeconds, cookie, body);
            }

            foreach (var level in settings.Levels)
            {
                var result = await wrk.RunAsync(key, manifest.Label, url, level, settings.Seconds, cookie, body);
                loads.Add(result);
                Console.WriteLine($"  {key,-20} c={level,-3} {result.RequestsPerSecond,9:N1} req/s  p50 {result.P50Ms,8:N1} ms  p95 {result.P95Ms,8:N1} ms  p99 {result.P99Ms,8:N1} ms  errors {result.Errors}");
            }
        }

        foreach (var workers in settings.SaveWorkers)
        {
            var result = await SaveLoopAsync(settings, manifest, workers);
            loads.Add(result);
            Console.WriteLine($"  {result.Key,-20} w={workers,-3} {result.RequestsPerSecond,9:N1} saves/s  p50 {result.P50Ms,8:N1} ms  p95 {result.P95Ms,8:N1} ms  p99 {result.P99Ms,8:N1} ms  errors {result.Errors}");
        }

        var timings = new List<TimingResult>();
        if (settings.Baselines)
        {
            timings.Add(await Baselines.ConsolidationAsync(settings.ConnectionString, manifest.Year, Quarter, manifest.RegionId, settings.BaselineIterations,
                "sql-regional", "Hand-written SQL: regional consolidation (one region's districts)"));
            timings.Add(await Baselines.NationalAsync(settings.ConnectionString, manifest.Year, Quarter, Math.Max(3, settings.BaselineIterations / 2),
                "sql-national", "Hand-written SQL: national consolidation (national indicators × regions, every plan)"));
            var (total, writeOnly, _) = await Baselines.MiniExcelAsync(settings.ConnectionString, manifest.TargetPlanId, Quarter, settings.BaselineIterations);
            timings.Add(total);
            timings.Add(writeOnly);

            var quarterPath = pages.First(p => p.Key == "quarter").Path(manifest, Quarter, Month);
            var css = await File.ReadAllTextAsync(Path.Combine(settings.WebRoot, "css", "site.css"));
            var htmlFile = Path.Combine(settings.WorkDir, "report.html");
            await File.WriteAllTextAsync(htmlFile, Baselines.SelfContained(await clients["inspector"].GetStringAsync(quarterPath), css), Encoding.UTF8);
            timings.Add(await Baselines.ChromiumColdAsync(settings.Chromium, htmlFile, settings.ChromiumRuns, settings.WorkDir));
            foreach (var timing in timings)
            {
                Console.WriteLine($"  {timing.Key,-20} n={timing.Iterations,-4} p50 {timing.P50Ms,8:N1} ms  p95 {timing.P95Ms,8:N1} ms  ({timing.Note})");
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        var results = new DatasetResults(manifest, settings.Baselines, statuses, loads, timings,
            ChildMemorySampler.PeakRssKb(settings.AppPid), chromiumMemory.PeakKb, DateTimeOffset.UtcNow);
        await results.WriteAsync(settings.OutputFile);
        return results;
    }

    /// <summary>
    /// Real saves: each worker is the head of a service of another district and, in a loop, opens the entry sheet
    /// of the open month, changes every value it may write and posts it (the page's versions, so no conflict).
    /// Only the POST is timed; a save answers 302 back to the sheet.
    /// </summary>
    private static async Task<LoadResult> SaveLoopAsync(MeasureSettings settings, DatasetManifest manifest, int workers)
    {
        var chosen = manifest.SaveWorkers.Take(workers).ToList();
        var clients = new List<(AppClient Client, SaveWorker Worker)>();
        foreach (var worker in chosen)
        {
            clients.Add((await AppClient.SignInAsync(settings.BaseAddress, worker.UserName, manifest.Password), worker));
        }

        var latencies = new List<double>();
        long errors = 0;
        var deadline = 0L;
        var started = 0L;
        using var ready = new CountdownEvent(clients.Count);
        var go = new TaskCompletionSource();
        var loops = clients.Select(async c =>
        {
            var path = $"/Actuals?planId={c.Worker.PlanId}&month={Month}";
            var step = 0;
            var warm = true;
            while (warm || Stopwatch.GetTimestamp() < deadline)
            {
                var form = AppClient.ParseEntryForm(await c.Client.GetStringAsync(path));
                if (form is null || form.Cells.Count == 0)
                {
                    Interlocked.Increment(ref errors);
                    if (warm)
                    {
                        ready.Signal();
                    }

                    return;
                }

                step++;
                var fields = form.Fields(v => Bump(v, step));
                var posted = Stopwatch.GetTimestamp();
                var status = await c.Client.PostFormAsync(WebUtility.HtmlDecode(form.Action), fields);
                var elapsed = Stopwatch.GetElapsedTime(posted).TotalMilliseconds;
                if (warm)
                {
                    // One untimed save per worker first; the clock starts when every worker has made it.
                    warm = false;
                    ready.Signal();
                    await go.Task;
                    continue;
                }

                lock (latencies)
                {
                    latencies.Add(elapsed);
                }

                if (status != HttpStatusCode.Redirect)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToList();
        await Task.Run(ready.Wait);
        started = Stopwatch.GetTimestamp();
        deadline = started + (long)(settings.Seconds * (double)Stopwatch.Frequency);
        go.SetResult();
        await Task.WhenAll(loops);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        foreach (var (client, _) in clients)
        {
            client.Dispose();
        }

        latencies.Sort();
        return new LoadResult("entry-save", manifest.Label, workers, seconds, latencies.Count, latencies.Count / seconds,
            Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95), Percentiles.Of(latencies, 99), latencies.Count == 0 ? 0 : latencies[^1], errors, "bench loop");
    }

    /// <summary>A new value for a cell: the shown value moved by one, alternating up and down so values stay near the pace.</summary>
    private static string Bump(string shown, int step)
    {
        var compact = shown.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal)
            .Replace("\u202f", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        if (!decimal.TryParse(compact, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            value = 10;
        }

        value += step % 2 == 0 ? -1 : 1;
        return Math.Max(0, value).ToString("0.##", CultureInfo.InvariantCulture);
    }
}

/// <summary>The app's memory: its own peak (VmHWM) and the peak of the summed proportional memory (PSS) of its child processes (Chromium).</summary>
internal sealed class ChildMemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakKb;

    public ChildMemorySampler(int pid)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var total = Descendants(pid).Sum(ProportionalKb);
                InterlockedMax(ref _peakKb, total);
                try
                {
                    await Task.Delay(500, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
    }

    public long PeakKb => Interlocked.Read(ref _peakKb);

    public static long PeakRssKb(int pid) => StatusField(pid, "VmHWM:");

    public void Dispose()
    {
        _stop.Cancel();
        _loop.Wait(TimeSpan.FromSeconds(2));
        _stop.Dispose();
    }

    /// <summary>Proportional set size: shared pages (Chromium's processes share most of theirs) counted once overall.</summary>
    private static long ProportionalKb(int pid) => Field($"/proc/{pid}/smaps_rollup", "Pss:");

    private static long StatusField(int pid, string field) => Field($"/proc/{pid}/status", field);

    private static long Field(string file, string field)
    {
        try
        {
            var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static List<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
            }
        }

        var result = new List<int>();
        var queue = new Queue<int>([root]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var (pid, parent) in parents)
            {
                if (parent == current)
                {
                    result.Add(pid);
                    queue.Enqueue(pid);
                }
            }
        }

        return result;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                break;
            }
        }
    }
}
