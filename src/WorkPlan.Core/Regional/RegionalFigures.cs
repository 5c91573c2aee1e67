namespace WorkPlan.Core.Regional;

/// <summary>
/// One indicator's figures for a period: the annual target, the period's value and the year to date,
/// each combined from the months by the indicator's roll-up kind (in the database).
/// </summary>
public sealed record IndicatorFigure(int PlanId, int IndicatorId, string? Code, bool IsSubRow, decimal? Target, decimal? Period, decimal? YearToDate, int? LastMonth);

/// <summary>
/// A catalogue code's figures for one plan, or for all the plans given (<see cref="PlanId"/> null): sums of
/// each plan's rolled-up values. <see cref="TargetedYearToDate"/> counts only the plans with a target, the
/// base of the percentage.
/// </summary>
public sealed record CodeFigure(int? PlanId, string Code, decimal? Target, decimal? Period, decimal? YearToDate, decimal? TargetedYearToDate);

/// <summary>How many of a plan's indicators expect a value in a month, and how many have one.</summary>
public sealed record MonthFill(int PlanId, int Month, int Due, int Entered);

/// <summary>
/// The aggregate queries behind consolidation, completeness and dashboards: each is one SQL statement
/// whatever the number of plans. Callers pass only plans the user may see.
/// </summary>
public interface IRegionalFigures
{
    /// <summary>Every indicator of the plans, with its value for months <paramref name="fromMonth"/>–<paramref name="toMonth"/> and for 1–<paramref name="toMonth"/>.</summary>
    Task<IReadOnlyList<IndicatorFigure>> IndicatorsAsync(IReadOnlyList<int> planIds, int fromMonth, int toMonth, CancellationToken cancellationToken = default);

    /// <summary>The catalogue-coded indicators of the plans, per plan and code and per code across all the plans.</summary>
    Task<IReadOnlyList<CodeFigure>> ConsolidateAsync(IReadOnlyList<int> planIds, int fromMonth, int toMonth, CancellationToken cancellationToken = default);

    /// <summary>Due and entered values per plan and month, months 1–<paramref name="toMonth"/>.</summary>
    Task<IReadOnlyList<MonthFill>> MonthFillAsync(IReadOnlyList<int> planIds, int toMonth, CancellationToken cancellationToken = default);
}
