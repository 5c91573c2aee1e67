using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Actuals;

/// <summary>How far a plan is carried out: percentages of targets, the pace, and where the year will end at that pace.</summary>
public static class Execution
{
    /// <summary>Percent of the target reached (one decimal), or null without a positive target or a value.</summary>
    public static decimal? Percent(decimal? value, decimal? target) =>
        value is { } v && target is > 0 ? Math.Round(v * 100 / target.Value, 1) : null;

    /// <summary>
    /// The mean execution of a set of rows, each capped at 100 % so that one row far ahead does not hide
    /// others behind; rows without a target are left out. Null when no row has a target.
    /// </summary>
    public static decimal? Mean(IEnumerable<(decimal? Value, decimal? Target)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var percents = rows.Where(r => r.Target is > 0).Select(r => Math.Min(100m, Percent(r.Value ?? 0, r.Target) ?? 0)).ToList();
        return percents.Count == 0 ? null : Math.Round(percents.Average(), 1);
    }

    /// <summary>
    /// The year-end value at the current pace. A sum grows in proportion to the due months still to
    /// come; a last value or a maximum stays where it is.
    /// </summary>
    public static decimal? Forecast(RollupKind rollup, decimal? yearToDate, DueSchedule schedule, int asOfMonth)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (yearToDate is not { } value)
        {
            return null;
        }

        if (rollup != RollupKind.Sum)
        {
            return value;
        }

        var dueSoFar = schedule.Months.Count(m => m <= asOfMonth);
        var dueInYear = schedule.Months.Count();
        return dueSoFar == 0 ? value : Math.Round(value * dueInYear / dueSoFar, 1);
    }

    /// <summary>
    /// The month a plan's figures stand at, for "behind plan" and the dashboards: the latest month with a value in the
    /// plan, and never a month that has not ended (for a past year December at most; 0 before anything is entered).
    /// So a month being entered does not make every row look behind until its values are in.
    /// </summary>
    public static int AsOfMonth(int year, DateOnly today, int? latestMonthWithValue)
    {
        var ended = today.Year > year ? 12 : today.Year < year ? 0 : today.Month - 1;
        return Math.Min(ended, latestMonthWithValue ?? 0);
    }

    /// <summary>
    /// "Behind plan", the one definition for the entry sheet, the home page and the dashboards: a row with a positive
    /// target whose value so far is below its plan line at <paramref name="asOfMonth"/> (<see cref="PlanLine"/>: by the
    /// months its deadline makes due, so a quarterly row is not behind in a month that expects nothing) by more than
    /// <paramref name="margin"/> (<see cref="ActualsOptions.BehindMargin"/>). Nothing is behind before its first due month.
    /// </summary>
    public static bool IsBehind(RollupKind rollup, decimal? target, decimal? yearToDate, DueSchedule schedule, int asOfMonth, decimal margin)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (target is not > 0 || !schedule.Months.Any(m => m <= asOfMonth))
        {
            return false;
        }

        return (yearToDate ?? 0) < PlanLine(rollup, target, schedule, asOfMonth)!.Value * (1 - margin);
    }

    /// <summary>The linear plan line: the share of a sum's target due by the end of a month (by due months); a level's target throughout.</summary>
    public static decimal? PlanLine(RollupKind rollup, decimal? target, DueSchedule schedule, int month)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (target is not { } t)
        {
            return null;
        }

        if (rollup != RollupKind.Sum)
        {
            return t;
        }

        var dueInYear = schedule.Months.Count();
        return dueInYear == 0 ? t : Math.Round(t * schedule.Months.Count(m => m <= month) / dueInYear, 1);
    }
}
