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

    /// <summary>The quarters a schedule covers (for the deadline picker).</summary>
    public static IReadOnlyList<int> QuartersOf(DueSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return [.. schedule.Months.Select(m => ((m - 1) / 3) + 1).Distinct()];
    }

    private static string Quarters(List<int> months)
    {
        var quarters = months.Select(m => (m - 1) / 3).Distinct().Order().ToList();
        var contiguous = quarters.Count > 1 && quarters[^1] - quarters[0] == quarters.Count - 1;
        return contiguous ? $"{Roman[quarters[0]]}-{Roman[quarters[^1]]}" : string.Join(", ", quarters.Select(q => Roman[q]));
    }
}
