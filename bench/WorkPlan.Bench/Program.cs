using System.Globalization;
using System.Text.Json;
using WorkPlan.Bench;

// The bench tool behind bench/run.sh:
//   seed    --connection CS --districts N --years N --save-workers N --manifest FILE
//   measure --manifest FILE --base URL --app-pid PID --webroot DIR --pages FILE --lua FILE --levels 1,16,64
//           --seconds N --warmup N --save-workers 1,16 --baselines true|false --connection CS --chromium PATH
//           --workdir DIR --out FILE --iterations N --chromium-runs N
//   report  --out docs/PERFORMANCE.md --command "..." --machine "..." --seconds N RESULTS.json...
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: WorkPlan.Bench seed|measure|report [--option value ...]");
    return 2;
}

var (options, rest) = Arguments.Parse(args[1..]);
switch (args[0])
{
    case "seed":
        {
            var size = new DatasetSize(Arguments.Int(options, "districts"), Arguments.Int(options, "years"));
            var manifest = await DatasetGenerator.GenerateAsync(options["connection"], size, Arguments.Int(options, "save-workers"));
            await File.WriteAllTextAsync(options["manifest"], JsonSerializer.Serialize(manifest));
            Console.WriteLine($"  dataset {manifest.Label}: {manifest.MonthlyActuals:N0} monthly actuals in {manifest.SecondsToGenerate:N1} s (target plan {manifest.TargetPlanId})");
            return 0;
        }

    case "measure":
        {
            var settings = new MeasureSettings(
                options["manifest"], new Uri(options["base"]), Arguments.Int(options, "app-pid"), options["webroot"], options["pages"], options["lua"],
                Arguments.Ints(options, "levels"), Arguments.Int(options, "seconds"), Arguments.Int(options, "warmup"), Arguments.Ints(options, "save-workers"),
                bool.Parse(options["baselines"]), options["connection"], options["chromium"], options["workdir"], options["out"],
                Arguments.Int(options, "iterations"), Arguments.Int(options, "chromium-runs"));
            await Measurement.RunAsync(settings);
            return 0;
        }

    case "report":
        {
            var runs = new List<DatasetResults>();
            foreach (var file in rest)
            {
                runs.Add(await DatasetResults.ReadAsync(file));
            }

            var markdown = Report.Write(runs, options["command"], options["machine"], TimeSpan.FromSeconds(Arguments.Int(options, "seconds")));
            await File.WriteAllTextAsync(options["out"], markdown);
            Console.WriteLine($"  wrote {options["out"]}");
            return 0;
        }

    default:
        Console.Error.WriteLine($"unknown command {args[0]}");
        return 2;
}

/// <summary>"--name value" pairs, and the arguments that follow them.</summary>
internal static class Arguments
{
    public static (Dictionary<string, string> Options, List<string> Positional) Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (options, rest);
    }

    public static int Int(Dictionary<string, string> options, string name) => int.Parse(options[name], CultureInfo.InvariantCulture);

    public static List<int> Ints(Dictionary<string, string> options, string name) =>
        [.. options[name].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture))];
}
