using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlan.Core.Access;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Regional;

namespace WorkPlan.Core.National;

/// <summary>
/// The country at a glance for the National Library: each region's consolidated reports against their due dates and its
/// districts' completeness (the regional completeness rules, <see cref="CompletenessService"/>), and the national dashboard
/// (the regional dashboard's execution and forecast, <see cref="DashboardService"/>). A fixed number of SQL statements
/// whatever the number of regions: the districts, their figures and the reports of every region are each one query.
/// </summary>
public sealed class NationalProgressService(IAppDbContext db, ICurrentUser currentUser, IRegionalFigures figures, TimeProvider clock, IOptions<ActualsOptions> options)
{
    /// <summary>Regions × quarters (the regional reports' timeliness) and regions × ended months (the share of districts complete).</summary>
    public async Task<Result<NationalTimeliness>> TimelinessAsync(int? year, CancellationToken cancellationToken = default)
    {
        if (await ScopeAsync(year, cancellationToken) is not (var user, var today, var chosen, var regions, var ids))
        {
            return Result<NationalTimeliness>.NotFound();
        }

        var months = CompletenessService.EndedMonths(chosen, today);
        var districts = (await RegionScope.DistrictsOfRegionsAsync(db, user, ids, chosen, cancellationToken)).ToLookup(d => d.RegionId);
        var planIds = districts.SelectMany(g => g).Where(d => d.PlanId is not null).Select(d => d.PlanId!.Value).ToList();
        var fill = (await figures.MonthFillAsync(planIds, months.Count, cancellationToken)).ToDictionary(f => (f.PlanId, f.Month));
        var submissions = await db.RegionalReportSubmissions.AsNoTracking().Where(r => r.Year == chosen && ids.Contains(r.RegionId))
            .Select(r => new { r.RegionId, r.Quarter, r.Status, r.DueDate, r.SubmittedAt }).ToListAsync(cancellationToken);
        var years = await YearsAsync(user, cancellationToken);

        var lines = regions.Select(region =>
        {
            var own = districts[region.Id].ToList();
            var quarters = Enumerable.Range(1, 4).Select(q =>
            {
                var s = submissions.FirstOrDefault(x => x.RegionId == region.Id && x.Quarter == q);
                return CompletenessService.QuarterOf(chosen, q, s?.Status, s?.DueDate, s?.SubmittedAt, today);
            }).ToList();
            var shares = months.Select(m =>
            {
                var cells = own.Where(d => d.PlanId is not null).Select(d => CompletenessService.CellOf(fill, d.PlanId, m)).Where(c => c.State != FillState.NotDue).ToList();
                return new DistrictsComplete(m, cells.Count(c => c.State == FillState.Full), cells.Count);
            }).ToList();
            return new RegionProgress(region.Id, region.Name, own.Count, own.Count(d => d.PlanId is not null), quarters, shares);
        }).ToList();
        return Result<NationalTimeliness>.Ok(new NationalTimeliness(chosen, months, lines, years));
    }

    /// <summary>Regions ranked by execution, one national indicator across the regions, and the districts at risk of missing the year.</summary>
    public async Task<Result<NationalDashboard>> DashboardAsync(int? year, string? code, CancellationToken cancellationToken = default)
    {
        if (await ScopeAsync(year, cancellationToken) is not (var user, _, var chosen, var regions, var ids))
        {
            return Result<NationalDashboard>.NotFound();
        }

        var districts = await RegionScope.DistrictsOfRegionsAsync(db, user, ids, chosen, cancellationToken);
        var planIds = districts.Where(d => d.PlanId is not null).Select(d => d.PlanId!.Value).ToList();
        var (asOf, values) = await DashboardService.FiguresAsOfAsync(figures, clock, planIds, chosen, cancellationToken);
        var byPlan = values.ToLookup(v => v.PlanId);
        var byRegion = districts.ToLookup(d => d.RegionId);

        // The region's execution: the mean over every top-level row with a target of its districts' plans.
        var ranking = regions
            .Select(r =>
            {
                var own = byRegion[r.Id].Where(d => d.PlanId is not null).SelectMany(d => byPlan[d.PlanId!.Value]).ToList();
                return new ExecutionBar(r.Name, DashboardService.ExecutionOf(own), DashboardService.TargetedRows(own), r.Id);
            })
            .OrderByDescending(b => b.Percent ?? -1).ThenBy(b => b.Label, StringComparer.Ordinal).ToList();

        var codes = await NationalMapping.IndicatorsAsync(db, cancellationToken);
        var picked = codes.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)) ?? (codes.Count > 0 ? codes[0] : null);
        AcrossRegions? across = null;
        if (picked is not null)
        {
            var mapped = (await NationalMapping.ForRegionsAsync(db, ids, cancellationToken)).Where(m => m.NationalCode == picked.Code)
                .ToDictionary(m => m.RegionId, m => m.RegionalCode);
            across = new AcrossRegions(picked, [.. regions.Select(r =>
            {
                if (!mapped.TryGetValue(r.Id, out var regional))
                {
                    return new RegionIndicator(r.Id, r.Name, null, null, null, null);
                }

                var coded = byRegion[r.Id].Where(d => d.PlanId is not null).SelectMany(d => byPlan[d.PlanId!.Value]).Where(v => v.Code == regional).ToList();
                var target = coded.Any(v => v.Target is not null) ? coded.Sum(v => v.Target ?? 0) : (decimal?)null;
                var ytd = coded.Any(v => v.YearToDate is not null) ? coded.Sum(v => v.YearToDate ?? 0) : (decimal?)null;
                var targetedYtd = coded.Where(v => v.Target is > 0).Sum(v => v.YearToDate ?? 0);
                return new RegionIndicator(r.Id, r.Name, regional, target, ytd, Execution.Percent(targetedYtd, target));
            })]);
        }

        // At risk: the forecast at the current pace, row by row as the rows behind plan are forecast, ends the year below
        // the plan by more than the margin that makes a row behind plan.
        var rows = (await db.Indicators.AsNoTracking().InForce().Where(i => planIds.Contains(i.PlanId) && i.InForceParentId == null)
                .Select(i => new { i.Id, Rollup = i.InForceRollup, Schedule = i.InForceSchedule }).ToListAsync(cancellationToken))
            .ToDictionary(i => i.Id, i => (i.Rollup, i.Schedule));
        var threshold = 100m * (1 - options.Value.BehindMargin);
        var names = regions.ToDictionary(r => r.Id, r => r.Name);
        var atRisk = asOf == 0 ? [] : districts.Where(d => d.PlanId is not null)
            .Select(d => new DistrictAtRisk(
                d.PlanId!.Value, d.Name, names[d.RegionId], DashboardService.ExecutionOf(byPlan[d.PlanId!.Value]),
                DashboardService.ForecastExecutionOf(byPlan[d.PlanId!.Value], rows, asOf)))
            .Where(d => d.Forecast is { } f && f < threshold)
            .OrderBy(d => d.Forecast).ThenBy(d => d.District, StringComparer.Ordinal).ToList();

        var years = await YearsAsync(user, cancellationToken);
        return Result<NationalDashboard>.Ok(new NationalDashboard(chosen, asOf, DashboardService.Expected(asOf), ranking, across, codes, atRisk, threshold, years));
    }

    /// <summary>The years the country's centres have plans for, latest first (for the year chooser).</summary>
    /// <summary>
    /// The user, today, the year chosen (this year by default), and the regions the user sees with their ids; null (not
    /// found) unless the user reads the whole country and the year is a plan year.
    /// </summary>
    private async Task<(CurrentUser User, DateOnly Today, int Year, IReadOnlyList<RegionRef> Regions, List<int> Ids)?> ScopeAsync(int? year, CancellationToken cancellationToken)
    {
        var user = currentUser.Required;
        var today = LocalClock.Today(clock);
        var chosen = year ?? today.Year;
        if (!AccessRules.ReadsCountry(user) || !PlanRules.IsPlanYear(chosen))
        {
            return null;
        }

        var regions = await RegionScope.RegionsAsync(db, user, cancellationToken);
        return (user, today, chosen, regions, regions.Select(r => r.Id).ToList());
    }

    private async Task<IReadOnlyList<int>> YearsAsync(CurrentUser user, CancellationToken cancellationToken) =>
        await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user)).Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
}
