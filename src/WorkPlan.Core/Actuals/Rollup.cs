using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Actuals;

/// <summary>Combines monthly values into a period's value by the indicator's roll-up kind.</summary>
public static class Rollup
{
    /// <summary>
    /// The value of a period from the months entered in it; null when no month has a value.
    /// Sum adds the months, Last takes the latest month's value, Max the highest.
    /// </summary>
    public static decimal? Combine(RollupKind kind, IEnumerable<(int Month, decimal Value)> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var list = months.ToList();
        if (list.Count == 0)
        {
            return null;
        }

        return kind switch
        {
            RollupKind.Sum => list.Sum(m => m.Value),
            RollupKind.Last => list.MaxBy(m => m.Month).Value,
            RollupKind.Max => list.Max(m => m.Value),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
