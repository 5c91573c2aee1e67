using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlan.Core.Access;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Regional;

/// <summary>
/// Where the plan stands, at a glance: a district's execution by section and service, one indicator
/// against the linear plan, the rows most behind with a year-end forecast; a region's districts
/// ranked, its completeness, one indicator across districts. Execution is the mean of the rows'
/// year-to-date share of their annual target (top-level rows with a target, each capped at 100 %).
/// </summary>
public sealed class DashboardService(IAppDbContext db, ICurrentUser currentUser, IRegionalFigures figures, ActualsService actuals, TimeProvider clock, IOptions<ActualsOptions> options)
{
    private const int BehindCount = 10;

    public async Task<Result<DistrictDashboard>> DistrictAsync(int? planId, int? indicatorId, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        var id = planId ?? await actuals.DefaultPlanAsync(cancellationToken);
        var plan = id is null ? null : await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user)).Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Year, p.Organisation!.Name, p.OrganisationId }).SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Result<DistrictDashboard>.NotFound();
        }

        // The version in force (PlanRules.RowsInForce), as every figure.
        var serviceNames = await db.Services.AsNoTracking().Where(s => s.OrganisationId == plan.OrganisationId)
            .ToDictionaryAsync(s => s.Id, s => new { s.ShortName, s.SortOrder }, cancellationToken);
        var rows = (await db.Indicators.AsNoTracking().InForce().Where(i => i.PlanId == plan.Id).OrderBy(i => i.InForceSortOrder)
            .Select(i => new
            {
                i.Id, Number = i.InForceNumber, Name = i.InForceName, Unit = i.InForceUnit, Measure = i.InForceMeasure, Rollup = i.InForceRollup,
                Target = i.InForceTarget, Schedule = i.InForceSchedule, IsSubRow = i.InForceParentId != null,
                Section = i.InForceSection!.InForceLabel + ". " + i.InForceSection.InForceTitle, SectionOrder = i.InForceSection.InForceSortOrder,
                ServiceIds = i.InForceServices.OrderBy(r => r.Position).Select(r => r.ServiceId).ToList(),
            })
            .ToListAsync(cancellationToken))
            .Select(i => new
            {
                i.Id, i.Number, i.Name, i.Unit, i.Measure, i.Rollup, i.Target, i.Schedule, i.IsSubRow, i.Section, i.SectionOrder,
                Services = i.ServiceIds.Where(serviceNames.ContainsKey).Select(id => serviceNames[id]).ToList(),
            })
            .ToList();
        var (asOf, figuresOfPlan) = await FiguresAsOfAsync([plan.Id], plan.Year, cancellationToken);
        var values = figuresOfPlan.ToDictionary(f => f.IndicatorId);
        var top = rows.Where(r => !r.IsSubRow).Select(r => (Row: r, Ytd: values.GetValueOrDefault(r.Id)?.YearToDate)).ToList();
        var bySection = top.GroupBy(t => (t.Row.SectionOrder, t.Row.Section)).OrderBy(g => g.Key.SectionOrder)
            .Select(g => new ExecutionBar(g.Key.Section, Execution.Mean(g.Select(t => (t.Ytd, t.Row.Target))), g.Count(t => t.Row.Target is > 0))).ToList();
        var byService = top.SelectMany(t => t.Row.Services.Select(s => (Service: s, t.Ytd, t.Row.Target)))
            .GroupBy(t => (t.Service.SortOrder, t.Service.ShortName)).OrderBy(g => g.Key.SortOrder)
            .Select(g => new ExecutionBar(g.Key.ShortName, Execution.Mean(g.Select(t => (t.Ytd, t.Target))), g.Count(t => t.Target is > 0))).ToList();

        var behind = rows.Select(r => (Row: r, Ytd: values.GetValueOrDefault(r.Id)?.YearToDate))
            .Where(r => Execution.IsBehind(r.Row.Rollup, r.Row.Target, r.Ytd, r.Row.Schedule, asOf, options.Value.BehindMargin))
            .Select(r =>
            {
                var forecast = Execution.Forecast(r.Row.Rollup, r.Ytd ?? 0, r.Row.Schedule, asOf);
                return new BehindRow(r.Row.Id, r.Row.Number, r.Row.Name, r.Row.Unit, r.Row.Measure, r.Row.Target, r.Ytd, Execution.Percent(r.Ytd, r.Row.Target), forecast, Execution.Percent(forecast, r.Row.Target));
            })
            .OrderBy(b => b.ForecastPercent).ThenBy(b => b.Number, StringComparer.Ordinal)
            .Take(BehindCount).ToList();

        var chosen = rows.FirstOrDefault(r => r.Id == indicatorId) ?? rows.FirstOrDefault(r => r.Id == behind.FirstOrDefault()?.IndicatorId) ?? rows.FirstOrDefault(r => r.Target is > 0);
        IndicatorSeries? series = null;
        if (chosen is not null)
        {
            var months = await db.MonthlyActuals.AsNoTracking().Where(a => a.IndicatorId == chosen.Id && a.Value != null)
                .Select(a => new { a.Month, Value = a.Value!.Value }).ToDictionaryAsync(a => a.Month, a => a.Value, cancellationToken);
            series = new IndicatorSeries(chosen.Id, chosen.Number, chosen.Name, chosen.Unit, chosen.Measure, chosen.Rollup, chosen.Target, [.. Enumerable.Range(1, 12).Select(m =>
                new MonthPoint(
                    m,
                    months.TryGetValue(m, out var v) ? v : null,
                    m <= asOf ? Rollup.Combine(chosen.Rollup, months.Where(x => x.Key <= m).Select(x => (x.Key, x.Value))) : null,
                    Execution.PlanLine(chosen.Rollup, chosen.Target, chosen.Schedule, m)))]);
        }

        return Result<DistrictDashboard>.Ok(new DistrictDashboard(
            plan.Id, plan.Name, plan.Year, asOf, Execution.Mean(top.Select(t => (t.Ytd, t.Row.Target))), Expected(asOf), bySection, byService, series, behind,
            [.. rows.Where(r => r.Target is > 0).Select(r => new IndicatorChoice(r.Id, r.Number, r.Name))], options.Value.BehindMargin));
    }

    public async Task<Result<RegionDashboard>> RegionAsync(int? regionId, int? year, string? code, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        if (await RegionScope.VisibleRegionAsync(db, user, regionId, cancellationToken) is not { } region)
        {
            return Result<RegionDashboard>.NotFound();
        }

        var today = LocalClock.Today(clock);
        var chosenYear = year ?? today.Year;
        if (!PlanRules.IsPlanYear(chosenYear))
        {
            return Result<RegionDashboard>.NotFound();
        }

        var districts = await RegionScope.DistrictsAsync(db, user, region.Id, chosenYear, cancellationToken);
        var planIds = districts.Where(d => d.PlanId is not null).Select(d => d.PlanId!.Value).ToList();
        var (asOf, values) = await FiguresAsOfAsync(planIds, chosenYear, cancellationToken);
        var byPlan = values.ToLookup(v => v.PlanId);
        var ranking = districts
            .Select(d => new ExecutionBar(
                d.ShortName,
                d.PlanId is { } id ? ExecutionOf(byPlan[id]) : null,
                d.PlanId is { } p ? TargetedRows(byPlan[p]) : 0,
                d.PlanId))
            .OrderByDescending(b => b.Percent ?? -1).ThenBy(b => b.Label, StringComparer.Ordinal).ToList();

        var months = Enumerable.Range(1, asOf).ToList();
        var fill = (await figures.MonthFillAsync(planIds, asOf, cancellationToken)).ToDictionary(f => (f.PlanId, f.Month));
        var heat = districts.Select(d => new CompletenessLine(d.PlanId, d.ShortName, d.PlanId is not null, [.. months.Select(m =>
            d.PlanId is { } id && fill.TryGetValue((id, m), out var f) ? new FillCell(m, f.Due, f.Entered) : new FillCell(m, 0, 0))])).ToList();

        var codes = await db.TemplateIndicators.AsNoTracking().Where(i => i.Template!.RegionId == region.Id).OrderBy(i => i.SortOrder)
            .Select(i => new { Choice = new CatalogueChoice(i.Code, i.Number, i.Name, i.ParentId != null, i.Rollup, i.Measure), i.Unit, i.Measure }).ToListAsync(cancellationToken);
        var picked = codes.FirstOrDefault(c => string.Equals(c.Choice.Code, code, StringComparison.OrdinalIgnoreCase)) ?? codes.FirstOrDefault();
        AcrossDistricts? across = null;
        if (picked is not null)
        {
            var coded = values.Where(v => v.Code == picked.Choice.Code).ToDictionary(v => v.PlanId);
            across = new AcrossDistricts(picked.Choice.Code, picked.Choice.Number, picked.Choice.Name, picked.Unit, picked.Measure, [.. districts.Select(d =>
            {
                var f = d.PlanId is { } id ? coded.GetValueOrDefault(id) : null;
                return (d.ShortName, f?.Target, f?.YearToDate, Execution.Percent(f?.YearToDate, f?.Target));
            })]);
        }

        var years = await RegionScope.YearsAsync(db, user, region.Id, cancellationToken);
        return Result<RegionDashboard>.Ok(new RegionDashboard(
            region.Id, region.Name, chosenYear, asOf, Expected(asOf), ranking, months, heat, across, [.. codes.Select(c => c.Choice)], years)
        {
            Regions = await RegionScope.RegionsAsync(db, user, cancellationToken),
        });
    }

    /// <summary>The execution of a plan's figures, or of several plans' together: the mean over the top-level rows with a target.</summary>
    internal static decimal? ExecutionOf(IEnumerable<IndicatorFigure> figures) =>
        Execution.Mean(figures.Where(v => !v.IsSubRow).Select(v => (v.YearToDate, v.Target)));

    /// <summary>How many top-level rows with a target the execution covers.</summary>
    internal static int TargetedRows(IEnumerable<IndicatorFigure> figures) => figures.Count(v => !v.IsSubRow && v.Target is > 0);

    /// <summary>
    /// Where a plan's execution ends the year at the current pace: the mean over its top-level rows with a target of each
    /// row's forecast (<see cref="Execution.Forecast"/>, as the rows behind plan are forecast) against its target.
    /// </summary>
    internal static decimal? ForecastExecutionOf(IEnumerable<IndicatorFigure> figures, IReadOnlyDictionary<int, (RollupKind Rollup, DueSchedule Schedule)> rows, int asOf) =>
        Execution.Mean(figures.Where(v => !v.IsSubRow && rows.ContainsKey(v.IndicatorId))
            .Select(v => (Execution.Forecast(rows[v.IndicatorId].Rollup, v.YearToDate ?? 0, rows[v.IndicatorId].Schedule, asOf), v.Target)));

    /// <summary>The pace a linear plan would have reached by the end of a month, in percent.</summary>
    internal static decimal Expected(int asOf) => Math.Round(asOf * 100m / 12, 1);

    /// <summary>
    /// The plans' figures and the month they stand at: the latest month with a value in any of the plans,
    /// and never a month that has not ended (for a past year, December at most). One query: the figures
    /// up to the last ended month equal those up to the latest month with a value.
    /// </summary>
    private Task<(int AsOf, IReadOnlyList<IndicatorFigure> Figures)> FiguresAsOfAsync(List<int> planIds, int year, CancellationToken cancellationToken) =>
        FiguresAsOfAsync(figures, clock, planIds, year, cancellationToken);

    /// <summary>As the instance's, for the national pages: one query for all the plans given.</summary>
    internal static async Task<(int AsOf, IReadOnlyList<IndicatorFigure> Figures)> FiguresAsOfAsync(
        IRegionalFigures figures, TimeProvider clock, IReadOnlyList<int> planIds, int year, CancellationToken cancellationToken)
    {
        var today = LocalClock.Today(clock);
        var ended = Execution.AsOfMonth(year, today, 12);
        var values = await figures.IndicatorsAsync(planIds, 1, ended, cancellationToken);
        return (Execution.AsOfMonth(year, today, values.Max(v => v.LastMonth)), values);
    }
}
