using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Regional;

namespace WorkPlan.Core.National;

/// <summary>A month of one region: how many of its districts with values due have entered them all, out of how many.</summary>
public sealed record DistrictsComplete(int Month, int Complete, int Expected)
{
    /// <summary>The share of the districts complete, in percent; null when no district had anything due.</summary>
    public decimal? Percent => Expected == 0 ? null : Math.Round(Complete * 100m / Expected, 0);
}

/// <summary>A region's line of the national timeliness page: its consolidated reports by quarter and its districts' completeness by ended month.</summary>
public sealed record RegionProgress(int RegionId, string Name, int Districts, int DistrictsWithPlan, IReadOnlyList<QuarterCell> Quarters, IReadOnlyList<DistrictsComplete> Months);

/// <summary>Regions × quarters of the regional reports' timeliness, and regions × ended months of the share of districts complete.</summary>
public sealed record NationalTimeliness(int Year, IReadOnlyList<int> Months, IReadOnlyList<RegionProgress> Regions, IReadOnlyList<int> Years);

/// <summary>One national indicator in one region: the sums of the region's districts' figures of the regional code mapped to it.</summary>
public sealed record RegionIndicator(int RegionId, string Region, string? RegionalCode, decimal? Target, decimal? YearToDate, decimal? Percent);

/// <summary>The chosen national indicator across the regions.</summary>
public sealed record AcrossRegions(NationalIndicatorRow Indicator, IReadOnlyList<RegionIndicator> Regions);

/// <summary>A district whose execution at the current pace ends the year short of its plan.</summary>
public sealed record DistrictAtRisk(int PlanId, string District, string Region, decimal? Execution, decimal? Forecast);

/// <summary>The national dashboard: regions ranked by execution, one national indicator across regions, the districts at risk of missing the year.</summary>
public sealed record NationalDashboard(
    int Year,
    int AsOfMonth,
    decimal Expected,
    IReadOnlyList<ExecutionBar> Ranking,
    AcrossRegions? Indicator,
    IReadOnlyList<NationalIndicatorRow> Codes,
    IReadOnlyList<DistrictAtRisk> AtRisk,
    decimal RiskThreshold,
    IReadOnlyList<int> Years);
