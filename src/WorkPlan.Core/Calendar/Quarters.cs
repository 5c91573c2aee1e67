namespace WorkPlan.Core.Calendar;

/// <summary>The quarters of a plan's year: which months each holds, which quarter a month is in, when each ends.</summary>
public static class Quarters
{
    /// <summary>The quarter (1–4) a month (1–12) belongs to.</summary>
    public static int Of(int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return ((month - 1) / 3) + 1;
    }

    /// <summary>The quarter's first month: 1, 4, 7, 10.</summary>
    public static int FirstMonth(int quarter) => (Check(quarter) * 3) - 2;

    /// <summary>The quarter's last month, where its year to date ends: 3, 6, 9, 12.</summary>
    public static int LastMonth(int quarter) => Check(quarter) * 3;

    /// <summary>The months of a quarter, in order.</summary>
    public static IEnumerable<int> Months(int quarter) => Enumerable.Range(FirstMonth(quarter), 3);

    /// <summary>The quarters a set of months touches, in order, each once.</summary>
    public static IReadOnlyList<int> Touched(IEnumerable<int> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        return [.. months.Select(Of).Distinct().Order()];
    }

    /// <summary>The first day of the quarter.</summary>
    public static DateOnly FirstDay(int year, int quarter) => new(year, FirstMonth(quarter), 1);

    /// <summary>The last day of the quarter.</summary>
    public static DateOnly LastDay(int year, int quarter) => new DateOnly(year, LastMonth(quarter), 1).AddMonths(1).AddDays(-1);

    /// <summary>The quarter's last month has begun: from then on its report can be prepared.</summary>
    public static bool HasReachedLastMonth(int year, int quarter, DateOnly today) => today >= new DateOnly(year, LastMonth(quarter), 1);

    /// <summary>
    /// The latest quarter that has ended by <paramref name="today"/> within <paramref name="year"/> (1 before the first
    /// has ended, 4 for a past year): the quarter a regional page opens on.
    /// </summary>
    public static int LatestEnded(int year, DateOnly today) =>
        today.Year > year ? 4 : today.Year < year ? 1 : Math.Max(1, (today.Month - 1) / 3);

    private static int Check(int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return quarter;
    }
}
