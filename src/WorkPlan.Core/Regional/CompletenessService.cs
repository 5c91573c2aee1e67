using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.Core.Regional;

/// <summary>How fully a month's due values are entered.</summary>
public enum FillState
{
    NotDue,
    None,
    Partial,
    Full,
}

/// <summary>A month of one district (or service): values due and entered.</summary>
public sealed record FillCell(int Month, int Due, int Entered)
{
    public FillState State => Due == 0 ? FillState.NotDue : Entered == 0 ? FillState.None : Entered >= Due ? FillState.Full : FillState.Partial;

    public decimal? Percent => Due == 0 ? null : Math.Round(Entered * 100m / Due, 0);
}

/// <summary>A quarter's report of one district: its status and how it stands against the due date.</summary>
public sealed record QuarterCell(int Quarter, ReportStatus? Status, Timeliness Timeliness, DateOnly DueDate, DateOnly? SubmittedOn);

/// <summary>A line of the matrix: a district (regional view) or a service (district view).</summary>
public sealed record CompletenessLine(int? PlanId, string Name, bool HasPlan, IReadOnlyList<FillCell> Months);

/// <summary>Districts × months and districts × quarters for a region, or services × months and the quarters for a district.</summary>
public sealed record CompletenessMatrix(
    string Title, int Year, bool IsRegion, int? RegionId, int? PlanId, IReadOnlyList<int> Months, IReadOnlyList<CompletenessLine> Lines,
    IReadOnlyList<(string Name, int? PlanId, IReadOnlyList<QuarterCell> Quarters)> Reports, IReadOnlyList<int> Years)
{
    /// <summary>The regions the user may choose among (the region picker shows when there is more than one).</summary>
    public IReadOnlyList<RegionRef> Regions { get; init; } = [];
}

/// <summary>Completeness of monthly entries and timeliness of quarterly reports.</summary>
public sealed class CompletenessService(IAppDbContext db, ICurrentUser currentUser, IRegionalFigures figures, ActualsService actuals, TimeProvider clock)
{
    /// <summary>The region's matrices: a fixed number of queries whatever the number of districts.</summary>
    public async Task<Result<CompletenessMatrix>> RegionAsync(int? regionId, int? year, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        if (await RegionScope.VisibleRegionAsync(db, user, regionId, cancellationToken) is not { } region)
        {
            return Result<CompletenessMatrix>.NotFound();
        }

        var today = LocalClock.Today(clock);
        var chosen = year ?? today.Year;
        if (!PlanRules.IsPlanYear(chosen))
        {
            return Result<CompletenessMatrix>.NotFound();
        }

        var months = EndedMonths(chosen, today);
        var districts = await RegionScope.DistrictsAsync(db, user, region.Id, chosen, cancellationToken);
        var planIds = districts.Where(d => d.PlanId is not null).Select(d => d.PlanId!.Value).ToList();
        var fill = (await figures.MonthFillAsync(planIds, months.Count, cancellationToken)).ToDictionary(f => (f.PlanId, f.Month));
        var quarters = await QuartersAsync(planIds, chosen, today, cancellationToken);
        var years = await RegionScope.YearsAsync(db, user, region.Id, cancellationToken);
        return Result<CompletenessMatrix>.Ok(new CompletenessMatrix(
            region.Name, chosen, true, region.Id, null, months,
            [.. districts.Select(d => new CompletenessLine(d.PlanId, d.Name, d.PlanId is not null, [.. months.Select(m => CellOf(fill, d.PlanId, m))]))],
            [.. districts.Select(d => (d.Name, d.PlanId, d.PlanId is { } id ? quarters[id] : (IReadOnlyList<QuarterCell>)[]))],
            years)
        {
            Regions = await RegionScope.RegionsAsync(db, user, cancellationToken),
        });
    }

    /// <summary>A district plan's matrix: services × months, and its four quarterly reports.</summary>
    public async Task<Result<CompletenessMatrix>> DistrictAsync(int? planId, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        var id = planId ?? await actuals.DefaultPlanAsync(cancellationToken);
        var plan = id is null ? null : await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user)).Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Year, p.Organisation!.Name }).SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Result<CompletenessMatrix>.NotFound();
        }

        var today = LocalClock.Today(clock);
        var months = EndedMonths(plan.Year, today);
        var cells = await actuals.CompletenessAsync(plan.Id, cancellationToken);
        var lines = cells.GroupBy(c => c.ServiceName)
            .Select(g => new CompletenessLine(plan.Id, g.Key, true, [.. months.Select(m => g.FirstOrDefault(c => c.Month == m) is { } c ? new FillCell(m, c.Due, c.Entered) : new FillCell(m, 0, 0))]))
            .ToList();
        var quarters = await QuartersAsync([plan.Id], plan.Year, today, cancellationToken);
        return Result<CompletenessMatrix>.Ok(new CompletenessMatrix(plan.Name, plan.Year, false, null, plan.Id, months, lines, [(plan.Name, plan.Id, quarters[plan.Id])], [plan.Year]));
    }

    /// <summary>The months of the year that have ended by today (all twelve for a past year).</summary>
    internal static List<int> EndedMonths(int year, DateOnly today) =>
        [.. Enumerable.Range(1, 12).Where(m => new DateOnly(year, m, 1).AddMonths(1) <= today)];

    /// <summary>A plan's month from the plans' fill (one query for all of them): nothing due when the plan has none, or no plan.</summary>
    internal static FillCell CellOf(IReadOnlyDictionary<(int PlanId, int Month), MonthFill> fill, int? planId, int month) =>
        planId is { } id && fill.TryGetValue((id, month), out var f) ? new FillCell(month, f.Due, f.Entered) : new FillCell(month, 0, 0);

    /// <summary>A quarter's report as it stands on a day (a district's or a region's): its status, timeliness, due date and the day it was sent.</summary>
    internal static QuarterCell QuarterOf(int year, int quarter, ReportStatus? stored, DateOnly? storedDue, DateTimeOffset? submittedAt, DateOnly today)
    {
        var due = storedDue ?? ReportTimeliness.DueDate(year, quarter);
        var status = stored ?? ReportStatus.Draft;
        DateOnly? on = status != ReportStatus.Draft && submittedAt is { } at ? LocalClock.DateOf(at) : null;
        return new QuarterCell(quarter, status, ReportTimeliness.Of(year, quarter, status, due, submittedAt, today), due, on);
    }

    private async Task<Dictionary<int, IReadOnlyList<QuarterCell>>> QuartersAsync(List<int> planIds, int year, DateOnly today, CancellationToken cancellationToken)
    {
        var submissions = await db.ReportSubmissions.AsNoTracking().Where(r => planIds.Contains(r.PlanId))
            .Select(r => new { r.PlanId, r.Quarter, r.Status, r.DueDate, r.SubmittedAt }).ToListAsync(cancellationToken);
        return planIds.ToDictionary(id => id, id => (IReadOnlyList<QuarterCell>)[.. Enumerable.Range(1, 4).Select(q =>
        {
            var s = submissions.FirstOrDefault(x => x.PlanId == id && x.Quarter == q);
            return QuarterOf(year, q, s?.Status, s?.DueDate, s?.SubmittedAt, today);
        })]);
    }
}
