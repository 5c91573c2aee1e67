using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Regional;

namespace WorkPlan.Infrastructure.Data.Queries;

/// <summary>
/// The regional aggregates in hand-written SQL (result columns in snake_case, as the model's naming
/// convention maps the row types): each indicator's months combine by its roll-up kind
/// (a sum adds them, a last value takes the latest month, a maximum the highest) in one pass over
/// monthly_actuals, and a region's total adds the districts' combined values, never their months.
/// Only the rows of each plan's version in force count, with their values in force (PlanRules.RowsInForce).
/// </summary>
internal sealed class RegionalFiguresQueries(AppDbContext db) : IRegionalFigures
{
    // Enums are stored by name (AppDbContext's convention): the SQL names them as the C# enum does, so that
    // renaming a kind changes the SQL with it. RegionalRulesMirrorTests runs both on the same table of cases.
    private const string Last = nameof(RollupKind.Last);
    private const string Max = nameof(RollupKind.Max);

    // Per indicator of the plans @p0: the value of months @p1–@p2 and of months 1–@p2, by roll-up kind (Rollup.Combine).
    // Shared with NationalFiguresQueries, which adds its own CTEs and final SELECT after it.
    internal const string Figures = $"""
        WITH ind AS MATERIALIZED (
            SELECT i.id, i.plan_id, i.catalogue_code, i.in_force_parent_id AS parent_id, i.in_force_target AS target, i.in_force_rollup AS rollup
            FROM indicators i
            WHERE i.plan_id = ANY(@p0) AND i.is_in_force -- PlanRules.RowsInForce, with the values in force
        ), agg AS (
            SELECT a.indicator_id,
                   sum(a.value) FILTER (WHERE a.month >= @p1) AS p_sum,
                   max(a.value) FILTER (WHERE a.month >= @p1) AS p_max,
                   (array_agg(a.value ORDER BY a.month DESC) FILTER (WHERE a.month >= @p1))[1] AS p_last,
                   sum(a.value) AS y_sum,
                   max(a.value) AS y_max,
                   (array_agg(a.value ORDER BY a.month DESC))[1] AS y_last,
                   max(a.month) AS last_month
            FROM monthly_actuals a
            JOIN ind ON ind.id = a.indicator_id
            WHERE a.month <= @p2 AND a.value IS NOT NULL -- a note alone has no figure
            GROUP BY a.indicator_id
        ), fig AS (
            SELECT ind.plan_id, ind.id, ind.catalogue_code, ind.parent_id, ind.target, agg.last_month,
                   CASE ind.rollup WHEN '{Last}' THEN agg.p_last WHEN '{Max}' THEN agg.p_max ELSE agg.p_sum END AS period,
                   CASE ind.rollup WHEN '{Last}' THEN agg.y_last WHEN '{Max}' THEN agg.y_max ELSE agg.y_sum END AS ytd
            FROM ind
            LEFT JOIN agg ON agg.indicator_id = ind.id
        )
        """;

    public async Task<IReadOnlyList<IndicatorFigure>> IndicatorsAsync(IReadOnlyList<int> planIds, int fromMonth, int toMonth, CancellationToken cancellationToken = default)
    {
        if (planIds.Count == 0)
        {
            return [];
        }

        var rows = await db.Database.SqlQueryRaw<IndicatorRow>(
            Figures + """
            SELECT plan_id, id AS indicator_id, catalogue_code AS code, parent_id IS NOT NULL AS is_sub_row,
                   target, period, ytd AS year_to_date, last_month
            FROM fig
            """,
            Parameters(planIds, fromMonth, toMonth)).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new IndicatorFigure(r.PlanId, r.IndicatorId, r.Code, r.IsSubRow, r.Target, r.Period, r.YearToDate, r.LastMonth))];
    }

    public async Task<IReadOnlyList<CodeFigure>> ConsolidateAsync(IReadOnlyList<int> planIds, int fromMonth, int toMonth, CancellationToken cancellationToken = default)
    {
        if (planIds.Count == 0)
        {
            return [];
        }

        var rows = await db.Database.SqlQueryRaw<CodeRow>(
            Figures + """
            SELECT plan_id, catalogue_code AS code, sum(target) AS target, sum(period) AS period,
                   sum(ytd) AS year_to_date, sum(ytd) FILTER (WHERE target > 0) AS targeted_year_to_date
            FROM fig
            WHERE catalogue_code IS NOT NULL
            GROUP BY GROUPING SETS ((plan_id, catalogue_code), (catalogue_code))
            """,
            Parameters(planIds, fromMonth, toMonth)).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new CodeFigure(r.PlanId, r.Code, r.Target, r.Period, r.YearToDate, r.TargetedYearToDate))];
    }

    public async Task<IReadOnlyList<MonthFill>> MonthFillAsync(IReadOnlyList<int> planIds, int toMonth, CancellationToken cancellationToken = default)
    {
        if (planIds.Count == 0 || toMonth < 1)
        {
            return [];
        }

        var rows = await db.Database.SqlQueryRaw<FillRow>(
            $"""
            WITH ind AS MATERIALIZED (
                SELECT i.id, i.plan_id, i.in_force_schedule_due_months AS schedule_due_months, (i.in_force_rollup = '{Max}' OR i.in_force_target = 1) AS one_off -- PlanRules.IsOneOff
                FROM indicators i
                WHERE i.plan_id = ANY(@p0) AND i.is_in_force AND i.in_force_target IS NOT NULL -- PlanRules.RowsInForce, PlanRules.ExpectsActual
            ), entered AS (
                -- each indicator's months with a value as bits, and its first such month: one row per indicator
                SELECT a.indicator_id, bit_or(1 << a.month) AS months, min(a.month) AS first_month
                FROM ind
                JOIN monthly_actuals a ON a.indicator_id = ind.id AND a.month <= @p1 AND a.value IS NOT NULL
                GROUP BY a.indicator_id
            )
            SELECT ind.plan_id, m AS month, count(*)::int AS due,
                   count(*) FILTER (WHERE (e.months & (1 << m)) <> 0 OR (ind.one_off AND e.first_month < m))::int AS entered -- PlanRules.Answers
            FROM ind
            CROSS JOIN generate_series(1, @p1) AS m
            LEFT JOIN entered e ON e.indicator_id = ind.id
            -- PlanRules.ExpectsActual: a due month of the schedule; a one-off task only its deadline's last month
            WHERE (ind.schedule_due_months & (1 << m)) <> 0 AND (NOT ind.one_off OR (ind.schedule_due_months >> (m + 1)) = 0)
            GROUP BY ind.plan_id, m
            """,
            new Npgsql.NpgsqlParameter("p0", planIds.ToArray()), new Npgsql.NpgsqlParameter("p1", Math.Min(toMonth, 12))).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new MonthFill(r.PlanId, r.Month, r.Due, r.Entered))];
    }

    internal static object[] Parameters(IReadOnlyList<int> planIds, int fromMonth, int toMonth) =>
    [
        new Npgsql.NpgsqlParameter("p0", planIds.ToArray()),
        new Npgsql.NpgsqlParameter("p1", Math.Clamp(fromMonth, 1, 12)),
        new Npgsql.NpgsqlParameter("p2", Math.Clamp(toMonth, 0, 12)),
    ];

    private sealed class IndicatorRow
    {
        public int PlanId { get; set; }

        public int IndicatorId { get; set; }

        public string? Code { get; set; }

        public bool IsSubRow { get; set; }

        public decimal? Target { get; set; }

        public decimal? Period { get; set; }

        public decimal? YearToDate { get; set; }

        public int? LastMonth { get; set; }
    }

    private sealed class CodeRow
    {
        public int? PlanId { get; set; }

        public string Code { get; set; } = string.Empty;

        public decimal? Target { get; set; }

        public decimal? Period { get; set; }

        public decimal? YearToDate { get; set; }

        public decimal? TargetedYearToDate { get; set; }
    }

    private sealed class FillRow
    {
        public int PlanId { get; set; }

        public int Month { get; set; }

        public int Due { get; set; }

        public int Entered { get; set; }
    }
}
