using System.Diagnostics;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using Npgsql;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Plans;

namespace WorkPlan.Bench;

/// <summary>
/// What the app's work costs when done by hand: the consolidation as one SQL statement, the quarterly
/// report's cells written by MiniExcel, and the report's HTML printed by a cold Chromium.
/// </summary>
internal static partial class Baselines
{
    /// <summary>An indicator's quarter (months @from–@to) and year to date (months 1–@to) by its roll-up kind: Sum adds the months, Last takes the latest month's value, Max the highest.</summary>
    private const string RolledUpMonths = """
        CASE i.in_force_rollup
            WHEN 'Sum' THEN sum(m.value) FILTER (WHERE m.month BETWEEN @from AND @to)
            WHEN 'Max' THEN max(m.value) FILTER (WHERE m.month BETWEEN @from AND @to)
            ELSE (array_agg(m.value ORDER BY m.month DESC) FILTER (WHERE m.month BETWEEN @from AND @to))[1]
        END AS quarter_actual,
        CASE i.in_force_rollup
            WHEN 'Sum' THEN sum(m.value)
            WHEN 'Max' THEN max(m.value)
            ELSE (array_agg(m.value ORDER BY m.month DESC))[1]
        END AS year_to_date
        """;

    /// <summary>
    /// Annual target, the quarter's actual and the year to date of every catalogue indicator of every district
    /// (of one region, or of the whole country), each by its roll-up kind: Sum adds the months, Last takes the
    /// latest month's value, Max the highest.
    /// </summary>
    public const string ConsolidationSql = $"""
        SELECT o.parent_id AS region_id, o.id AS district_id, i.number, i.in_force_rollup AS rollup, i.in_force_target AS target,
               {RolledUpMonths}
        FROM organisations o
        JOIN plans p ON p.organisation_id = o.id AND p.year = @year AND p.status = 'InForce'
        JOIN indicators i ON i.plan_id = p.id
        LEFT JOIN monthly_actuals m ON m.indicator_id = i.id AND m.month <= @to
        WHERE o.kind = 'District' AND (@region = 0 OR o.parent_id = @region)
        GROUP BY o.parent_id, o.id, i.id, i.number, i.in_force_rollup, i.in_force_target
        ORDER BY i.number, o.parent_id, o.id
        """;

    /// <summary>
    /// The national consolidation: every plan in force of the year, each indicator's months combined by its roll-up kind,
    /// then added per region and national code (through the region's catalogue mapping; a region's own codes drop out) and
    /// per national code for the country.
    /// </summary>
    public const string NationalSql = $"""
        WITH fig AS (
            SELECT coalesce(o.region_id, o.id) AS region_id, i.catalogue_code, i.in_force_target AS target,
                   {RolledUpMonths}
            FROM organisations o
            JOIN plans p ON p.organisation_id = o.id AND p.year = @year AND p.status = 'InForce'
            JOIN indicators i ON i.plan_id = p.id AND i.is_in_force AND i.catalogue_code IS NOT NULL
            LEFT JOIN monthly_actuals m ON m.indicator_id = i.id AND m.month <= @to AND m.value IS NOT NULL
            GROUP BY o.region_id, o.id, i.id
        )
        SELECT f.region_id, t.national_code, sum(f.target) AS target, sum(f.quarter_actual) AS quarter_actual, sum(f.year_to_date) AS year_to_date
        FROM fig f
        JOIN regional_templates rt ON rt.region_id = f.region_id
        JOIN template_indicators t ON t.template_id = rt.id AND t.code = f.catalogue_code AND t.national_code IS NOT NULL
        GROUP BY GROUPING SETS ((f.region_id, t.national_code), (t.national_code))
        ORDER BY t.national_code, f.region_id
        """;

    public static Task<TimingResult> ConsolidationAsync(string connectionString, int year, int quarter, int regionId, int iterations, string key, string title) =>
        TimeAsync(ConsolidationSql, connectionString, year, quarter, regionId, iterations, key, title, "indicator × district");

    public static Task<TimingResult> NationalAsync(string connectionString, int year, int quarter, int iterations, string key, string title) =>
        TimeAsync(NationalSql, connectionString, year, quarter, 0, iterations, key, title, "national indicator × region, and the country");

    private static async Task<TimingResult> TimeAsync(string sql, string connectionString, int year, int quarter, int regionId, int iterations, string key, string title, string rowsAre)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var millis = new List<double>();
        var rows = 0;
        for (var i = -2; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("year", year);
            command.Parameters.AddWithValue("from", Quarters.FirstMonth(quarter));
            command.Parameters.AddWithValue("to", Quarters.LastMonth(quarter));
            command.Parameters.AddWithValue("region", regionId);
            rows = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows++;
                }
            }

            if (i >= 0)
            {
                millis.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return Percentiles.Timing(key, title, millis, $"{rows:N0} rows ({rowsAre}), read through Npgsql");
    }

    /// <summary>
    /// The quarterly report's cells (title lines, header, section rows, indicator rows with target, quarter,
    /// year to date, percentage and notes, the signature lines) read with two queries as the app does and written
    /// by MiniExcel; the time covers reading and writing.
    /// </summary>
    public static async Task<(TimingResult Total, TimingResult WriteOnly, long Bytes)> MiniExcelAsync(string connectionString, int planId, int quarter, int iterations)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var total = new List<double>();
        var writeOnly = new List<double>();
        long bytes = 0;
        for (var i = -3; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var rows = await ReportRowsAsync(connection, planId, quarter);
            var written = Stopwatch.GetTimestamp();
            using var stream = new MemoryStream();
            await stream.SaveAsAsync(rows, printHeader: false, sheetName: $"Report Q{quarter}");
            bytes = stream.Length;
            if (i >= 0)
            {
                total.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                writeOnly.Add(Stopwatch.GetElapsedTime(written).TotalMilliseconds);
            }
        }

        return (
            Percentiles.Timing("miniexcel", "MiniExcel: the report's cells (read + write)", total, $"{bytes:N0} bytes"),
            Percentiles.Timing("miniexcel-write", "MiniExcel: writing only", writeOnly, "cells already in memory"),
            bytes);
    }

    /// <summary>
    /// Cold Chromium: a new headless browser per print of the saved report HTML, as a process would do without
    /// a shared browser (<c>chromium --headless --print-to-pdf</c>).
    /// </summary>
    public static async Task<TimingResult> ChromiumColdAsync(string chromium, string htmlFile, int runs, string workDir)
    {
        var millis = new List<double>();
        long bytes = 0;
        for (var i = -1; i < runs; i++)
        {
            var profile = Path.Combine(workDir, $"chromium-profile-{i + 1}");
            var pdf = Path.Combine(workDir, "cold.pdf");
            File.Delete(pdf);
            var start = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                $"--user-data-dir={profile}", "--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(htmlFile).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            var started = Stopwatch.GetTimestamp();
            using (var process = Process.Start(start) ?? throw new InvalidOperationException($"{chromium} did not start."))
            {
                var drainOut = process.StandardOutput.ReadToEndAsync();
                var drainErr = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                await drainOut;
                await drainErr;
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            bytes = File.Exists(pdf) ? new FileInfo(pdf).Length : 0;
            if (bytes == 0)
            {
                throw new InvalidOperationException("Chromium printed no PDF.");
            }

            if (i >= 0)
            {
                millis.Add(elapsed);
            }

            Directory.Delete(profile, recursive: true);
        }

        return Percentiles.Timing("chromium-cold", "Cold Chromium --print-to-pdf of the saved report HTML", millis, $"{bytes:N0} bytes; one browser launch per PDF");
    }

    /// <summary>The report page as self-contained HTML: scripts and stylesheet links removed, the print stylesheet inlined.</summary>
    public static string SelfContained(string pageHtml, string css)
    {
        ArgumentNullException.ThrowIfNull(pageHtml);
        var html = ScriptPattern().Replace(pageHtml, string.Empty);
        html = LinkPattern().Replace(html, string.Empty);
        return html.Replace("</head>", $"<style>{css}</style></head>", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<List<Dictionary<string, object?>>> ReportRowsAsync(NpgsqlConnection connection, int planId, int quarter)
    {
        var indicators = new List<(int Id, int SectionId, string Number, string Name, string? Unit, decimal? Target, RollupKind Rollup)>();
        await using (var command = new NpgsqlCommand("SELECT id, section_id, number, name, unit, target, rollup FROM indicators WHERE plan_id = @plan ORDER BY sort_order", connection))
        {
            command.Parameters.AddWithValue("plan", planId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indicators.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetDecimal(5), Enum.Parse<RollupKind>(reader.GetString(6))));
            }
        }

        var sections = new List<(int Id, string Label, string Title)>();
        await using (var command = new NpgsqlCommand("SELECT id, label, title FROM sections WHERE plan_id = @plan ORDER BY sort_order", connection))
        {
            command.Parameters.AddWithValue("plan", planId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sections.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var actuals = new List<(int IndicatorId, int Month, decimal Value, string? Note)>();
        await using (var command = new NpgsqlCommand(
            "SELECT m.indicator_id, m.month, m.value, m.note FROM monthly_actuals m JOIN indicators i ON i.id = m.indicator_id WHERE i.plan_id = @plan AND m.month <= @to", connection))
        {
            command.Parameters.AddWithValue("plan", planId);
            command.Parameters.AddWithValue("to", Quarters.LastMonth(quarter));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                actuals.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetDecimal(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        var byIndicator = actuals.ToLookup(a => a.IndicatorId);
        var months = Quarters.Months(quarter).ToList();
        var cells = new List<Dictionary<string, object?>>
        {
            Row("Tuman AKM", null, null, null, null, null, null, null),
            Row($"Ish rejasining bajarilishi, {quarter}-chorak", null, null, null, null, null, null, null),
            Row(null, null, null, null, null, null, null, null),
            Row("№", "Ko'rsatkich", "O'lchov birligi", "Yillik reja", $"{quarter}-chorak", "Yil boshidan", "%", "Izoh"),
        };
        foreach (var section in sections)
        {
            cells.Add(Row($"{section.Label}. {section.Title}", null, null, null, null, null, null, null));
            foreach (var indicator in indicators.Where(i => i.SectionId == section.Id))
            {
                var values = byIndicator[indicator.Id].ToList();
                var quarterValue = Rollup.Combine(indicator.Rollup, values.Where(v => months.Contains(v.Month)).Select(v => (v.Month, v.Value)));
                var ytd = Rollup.Combine(indicator.Rollup, values.Select(v => (v.Month, v.Value)));
                decimal? percent = ytd is { } y && indicator.Target is > 0 ? Math.Round(y * 100 / indicator.Target.Value, 1) : null;
                var notes = string.Join("; ", values.Where(v => months.Contains(v.Month) && v.Note is not null).OrderBy(v => v.Month).Select(v => v.Note));
                cells.Add(Row(indicator.Number, indicator.Name, indicator.Unit, indicator.Target, quarterValue, ytd, percent, notes.Length == 0 ? null : notes));
            }
        }

        cells.Add(Row(null, null, null, null, null, null, null, null));
        cells.Add(Row(null, "Direktor ____________", null, null, null, null, null, null));
        cells.Add(Row(null, "Inspektor ____________", null, null, null, null, null, null));
        return cells;
    }

    private static Dictionary<string, object?> Row(object? a, object? b, object? c, object? d, object? e, object? f, object? g, object? h) =>
        new() { ["A"] = a, ["B"] = b, ["C"] = c, ["D"] = d, ["E"] = e, ["F"] = f, ["G"] = g, ["H"] = h };

    [GeneratedRegex("<script\\b[^>]*>.*?</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptPattern();

    [GeneratedRegex("<link\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();
}
