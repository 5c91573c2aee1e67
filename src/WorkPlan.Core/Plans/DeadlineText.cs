using WorkPlan.Core.Common;

namespace WorkPlan.Core.Plans;

/// <summary>The printed deadline for a schedule, as the plans write it ("2022-yil davomida", "2022 yil I-III-chorak").</summary>
public static class DeadlineText
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    private static readonly string[] Months =
        ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentyabr", "oktyabr", "noyabr", "dekabr"];

    public static string For(DueSchedule schedule, int year)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var months = schedule.Months.ToList();
        return schedule.Kind switch
        {
            ScheduleKind.DuringYear => $"{year}-yil davomida",
            ScheduleKind.Monthly => "Har oyda",
            ScheduleKind.EveryQuarter => $"{year}-yil har chorakda",
            ScheduleKind.Quarters => $"{year} yil {Quarters(months)}-chorak",
            _ => months.Count == 1 ? $"{year}-yil {Months[months[0] - 1]}" : $"{year}-yil {Months[months[0] - 1]}-{Months[months[^1] - 1]}",
        };
    }

    /// <summary>
    /// The schedule a printed deadline describes (for imported plans): "Har oyda" → monthly, "har chorakda"
    /// → every quarter, "I-III-chorak" → those quarters, "sentyabr-dekabr" → that range; anything else
    /// ("davomida", free text) → during the year.
    /// </summary>
    public static DueSchedule Parse(string? text)
    {
        var t = UzbekText.FoldApostrophes((text ?? string.Empty).ToLowerInvariant());
        if (t.Contains("har oy", StringComparison.Ordinal))
        {
            return DueSchedule.Monthly();
        }

        if (t.Contains("har chorak", StringComparison.Ordinal))
        {
            return DueSchedule.EveryQuarter();
        }

        var quarter = System.Text.RegularExpressions.Regex.Match(t, @"\b(iv|i{1,3})(?:\s*-\s*(iv|i{1,3}))?\s*-?\s*chorak");
        if (quarter.Success)
        {
            var from = RomanValue(quarter.Groups[1].Value);
            var to = quarter.Groups[2].Success ? RomanValue(quarter.Groups[2].Value) : from;
            return DueSchedule.Quarters(Enumerable.Range(from, Math.Max(1, to - from + 1)));
        }

        var months = Months.Select((name, index) => (index: index + 1, at: t.IndexOf(name, StringComparison.Ordinal))).Where(m => m.at >= 0).OrderBy(m => m.at).ToList();
        if (months.Count > 0 && months[^1].index >= months[0].index)
        {
            return DueSchedule.MonthRange(months[0].index, months[^1].index);
        }

        return DueSchedule.DuringYear();
    }

    /// <summary>The quarters a schedule covers (for the deadline picker).</summary>
    public static IReadOnlyList<int> QuartersOf(DueSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return Calendar.Quarters.Touched(schedule.Months);
    }

    private static int RomanValue(string roman) => Array.IndexOf(Roman, roman.ToUpperInvariant()) + 1;

    private static string Quarters(List<int> months)
    {
        var quarters = Calendar.Quarters.Touched(months).Select(q => q - 1).ToList();
        var contiguous = quarters.Count > 1 && quarters[^1] - quarters[0] == quarters.Count - 1;
        return contiguous ? $"{Roman[quarters[0]]}-{Roman[quarters[^1]]}" : string.Join(", ", quarters.Select(q => Roman[q]));
    }
}
