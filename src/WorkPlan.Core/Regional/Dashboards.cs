using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Regional;

/// <summary>A bar of an execution chart: a section, a service or a district, with its mean execution and how many rows it covers.</summary>
public sealed record ExecutionBar(string Label, decimal? Percent, int Rows, int? PlanId = null);

/// <summary>A month of the chosen indicator: its value, the year to date, and the linear plan line.</summary>
public sealed record MonthPoint(int Month, decimal? Value, decimal? YearToDate, decimal? PlanLine);

/// <summary>The chosen indicator's months against the linear plan line.</summary>
public sealed record IndicatorSeries(int IndicatorId, string Number, string Name, string? Unit, Measure Measure, RollupKind Rollup, decimal? Target, IReadOnlyList<MonthPoint> Months);

/// <summary>An indicator behind plan, with where the year will end at the current pace.</summary>
public sealed record BehindRow(int IndicatorId, string Number, string Name, string? Unit, Measure Measure, decimal? Target, decimal? YearToDate, decimal? Percent, decimal? Forecast, decimal? ForecastPercent);

/// <summary>An indicator the user may pick for the monthly chart.</summary>
public sealed record IndicatorChoice(int Id, string Number, string Name);

/// <summary>A district's dashboard: execution by section and by service, one indicator's months, and the rows most behind plan.</summary>
public sealed record DistrictDashboard(
    int PlanId,
    string OrganisationName,
    int Year,
    int AsOfMonth,
    decimal? Overall,
    decimal Expected,
    IReadOnlyList<ExecutionBar> BySection,
    IReadOnlyList<ExecutionBar> ByService,
    IndicatorSeries? Series,
    IReadOnlyList<BehindRow> Behind,
    IReadOnlyList<IndicatorChoice> Indicators,
    decimal BehindMargin);

/// <summary>One catalogue indicator in every district: target, year to date and percent.</summary>
public sealed record AcrossDistricts(string Code, string Number, string Name, string? Unit, Measure Measure, IReadOnlyList<(string District, decimal? Target, decimal? YearToDate, decimal? Percent)> Districts);

/// <summary>A region's dashboard: districts ranked by execution, the completeness heat map, one indicator across districts.</summary>
public sealed record RegionDashboard(
    int RegionId,
    string RegionName,
    int Year,
    int AsOfMonth,
    decimal Expected,
    IReadOnlyList<ExecutionBar> Ranking,
    IReadOnlyList<int> Months,
    IReadOnlyList<CompletenessLine> Heat,
    AcrossDistricts? Indicator,
    IReadOnlyList<CatalogueChoice> Codes,
    IReadOnlyList<int> Years)
{
    /// <summary>The regions the user may choose among (the region picker shows when there is more than one).</summary>
    public IReadOnlyList<Access.RegionRef> Regions { get; init; } = [];
}
