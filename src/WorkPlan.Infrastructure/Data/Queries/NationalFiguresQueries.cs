using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.National;

namespace WorkPlan.Infrastructure.Data.Queries;

/// <summary>
/// The national aggregate in one SQL statement: the regional <see cref="RegionalFiguresQueries.Figures"/> CTE (each
/// indicator's months combined by its roll-up kind), joined to each region's mapping of its catalogue codes to the
/// published national codes, summed per region and national code and per national code across the country.
/// </summary>
internal sealed class NationalFiguresQueries(AppDbContext db) : INationalFigures
{
    public async Task<IReadOnlyList<NationalFigure>> ConsolidateAsync(IReadOnlyList<NationalPlan> plans, int fromMonth, int toMonth, CancellationToken cancellationToken = default)
    {
        if (plans.Count == 0)
        {
            return [];
        }

        var parameters = RegionalFiguresQueries.Parameters([.. plans.Select(p => p.PlanId)], fromMonth, toMonth)
            .Append(new Npgsql.NpgsqlParameter("p3", plans.Select(p => p.RegionId).ToArray())).ToArray();
        var rows = await db.Database.SqlQueryRaw<NationalRow>(
            RegionalFiguresQueries.Figures + """
            , plan_region AS (
                -- NationalPlan: each plan's region, as NationalConsolidationService found it (RegionScope.DistrictsAsync withCentre:
                -- the region's districts and the regional centre's own plan); @p3 is aligned with @p0
                SELECT pr.plan_id, pr.region_id FROM unnest(@p0, @p3) AS pr(plan_id, region_id)
            ), mapped AS (
                -- NationalMapping.ForRegionsAsync: the region's catalogue code mapped to a published national code;
                -- a region's own indicators (no national code) and plan rows without a catalogue code drop out here
                SELECT pr.region_id, ti.national_code, fig.target, fig.period, fig.ytd
                FROM fig
                JOIN plan_region pr ON pr.plan_id = fig.plan_id
                JOIN regional_templates t ON t.region_id = pr.region_id
                JOIN template_indicators ti ON ti.template_id = t.id AND ti.code = fig.catalogue_code AND ti.national_code IS NOT NULL
                JOIN national_indicators n ON n.code = ti.national_code AND n.published_at IS NOT NULL
            )
            -- Sums of the plans' rolled-up values, never of their months (ConsolidationService's totals); the percent's base
            -- counts only the plans with a target (CodeFigure.TargetedYearToDate, Execution.Percent needs a positive target)
            SELECT region_id, national_code, sum(target) AS target, sum(period) AS period,
                   sum(ytd) AS year_to_date, sum(ytd) FILTER (WHERE target > 0) AS targeted_year_to_date
            FROM mapped
            GROUP BY GROUPING SETS ((region_id, national_code), (national_code))
            """,
            parameters).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new NationalFigure(r.RegionId, r.NationalCode, r.Target, r.Period, r.YearToDate, r.TargetedYearToDate))];
    }

    private sealed class NationalRow
    {
        public int? RegionId { get; set; }

        public string NationalCode { get; set; } = string.Empty;

        public decimal? Target { get; set; }

        public decimal? Period { get; set; }

        public decimal? YearToDate { get; set; }

        public decimal? TargetedYearToDate { get; set; }
    }
}
