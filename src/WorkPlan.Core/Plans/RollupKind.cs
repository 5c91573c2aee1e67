namespace WorkPlan.Core.Plans;

/// <summary>How monthly values of an indicator combine into a quarter, the year to date or a year.</summary>
public enum RollupKind
{
    /// <summary>A flow: the period's value is the sum of its months.</summary>
    Sum,

    /// <summary>A stock measured at a date: the period's value is the latest month's value.</summary>
    Last,

    /// <summary>A one-off state: the period's value is the highest monthly value.</summary>
    Max,
}
