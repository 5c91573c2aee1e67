namespace WorkPlan.Core.Plans;

/// <summary>Everything that describes one row of the plan table, apart from where it sits.</summary>
public sealed record IndicatorDefinition(
    string Number,
    string Name,
    string? Unit,
    Measure Measure,
    decimal? PreviousFact,
    decimal? Target,
    IReadOnlyList<string> Mechanism,
    string? Deadline,
    DueSchedule Schedule,
    RollupKind Rollup,
    bool ChildrenPartition);
