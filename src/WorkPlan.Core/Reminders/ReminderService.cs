using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.Core.Reminders;

/// <summary>A service of a centre that still owes values for a month about to close: how many rows, and until when.</summary>
public sealed record MonthOwed(int PlanId, int OrganisationId, int ServiceId, int Year, int Month, DateOnly Closes, int Count);

/// <summary>A centre's quarterly report that is due today or overdue.</summary>
public sealed record ReportOwed(int PlanId, int OrganisationId, int Year, int Quarter, DateOnly Due, ReportReminderKind Kind);

/// <summary>
/// What the calendar's reminders are about, across every centre, from a fixed number of queries: the values still owed
/// for a month about to close (rows that expect no value that month never count) and the reports due or overdue.
/// Who is told (the service's heads, the centre's inspector and director) is for the notifications.
/// </summary>
public sealed class ReminderService(IAppDbContext db, TimeProvider clock, IOptions<ReminderOptions> reminders, IOptions<ActualsOptions> actuals)
{
    /// <summary>Per service of each plan in force whose month closes soon, the rows it answers for that still expect a value.</summary>
    public async Task<IReadOnlyList<MonthOwed>> MonthsClosingAsync(CancellationToken cancellationToken = default)
    {
        var today = LocalClock.DateOf(clock.GetUtcNow());
        var closingDay = actuals.Value.ClosingDay;

        // A month closes in the next year at the latest: this year's plans, and last year's while December is open.
        int[] years = [today.Year, today.Year - 1];
        var months = years.Select(y => (Year: y, Month: ReminderCalendar.MonthClosingSoon(y, today, closingDay, reminders.Value.DaysBeforeMonthCloses)))
            .Where(m => m.Month is not null).ToDictionary(m => m.Year, m => m.Month!.Value);
        if (months.Count == 0)
        {
            return [];
        }

        var plans = await db.Plans.AsNoTracking().Where(PlanRules.PlansWithVersionInForce).Where(p => months.Keys.Contains(p.Year))
            .Select(p => new { p.Id, p.Year, p.OrganisationId }).ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var locked = (await db.ReportSubmissions.AsNoTracking().Where(s => planIds.Contains(s.PlanId))
                .Select(s => new { s.PlanId, s.Quarter, s.Status }).ToListAsync(cancellationToken))
            .Where(s => s.Status.LocksMonths()).Select(s => (s.PlanId, s.Quarter)).ToHashSet();
        var rows = await db.Indicators.AsNoTracking().InForce().Where(i => planIds.Contains(i.PlanId))
            .Select(i => new
            {
                i.Id, i.PlanId, Target = i.InForceTarget, Schedule = i.InForceSchedule, Rollup = i.InForceRollup,
                Services = i.InForceServices.Select(r => r.ServiceId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var entered = (await db.MonthlyActuals.AsNoTracking().Where(a => planIds.Contains(a.Indicator!.PlanId) && a.Value != null)
                .Select(a => new { a.IndicatorId, a.Month }).ToListAsync(cancellationToken))
            .ToLookup(a => a.IndicatorId, a => a.Month);

        return
        [
            .. plans.Where(p => !locked.Contains((p.Id, Quarters.Of(months[p.Year])))).SelectMany(plan =>
            {
                var month = months[plan.Year];
                var owed = rows.Where(r => r.PlanId == plan.Id
                    && PlanRules.ExpectsActual(r.Target, r.Schedule, r.Rollup, month)
                    && !entered[r.Id].Any(k => k <= month && PlanRules.Answers(r.Target, r.Rollup, month, k)));
                return owed.SelectMany(r => r.Services.Distinct())
                    .GroupBy(s => s)
                    .Select(g => new MonthOwed(plan.Id, plan.OrganisationId, g.Key, plan.Year, month, EntryWindow.Closes(plan.Year, month, closingDay), g.Count()));
            })
            .OrderBy(o => o.PlanId).ThenBy(o => o.ServiceId),
        ];
    }

    /// <summary>Every plan in force of this year (and last year's, for its fourth quarter) whose quarterly report is due today or overdue.</summary>
    public async Task<IReadOnlyList<ReportOwed>> ReportsOwedAsync(CancellationToken cancellationToken = default)
    {
        var today = LocalClock.DateOf(clock.GetUtcNow());
        int[] years = [today.Year, today.Year - 1];
        var plans = await db.Plans.AsNoTracking().Where(PlanRules.PlansWithVersionInForce).Where(p => years.Contains(p.Year))
            .Select(p => new { p.Id, p.Year, p.OrganisationId }).ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var submissions = (await db.ReportSubmissions.AsNoTracking().Where(s => planIds.Contains(s.PlanId)).ToListAsync(cancellationToken)).ToLookup(s => s.PlanId);
        return
        [
            .. plans.SelectMany(plan => ReportYear.QuartersOf(plan.Year, [.. submissions[plan.Id]], today)
                .Select(q => (Standing: q, Kind: ReminderCalendar.ReportReminder(q, today)))
                .Where(q => q.Kind is not null)
                .Select(q => new ReportOwed(plan.Id, plan.OrganisationId, plan.Year, q.Standing.Quarter, q.Standing.DueDate, q.Kind!.Value))),
        ];
    }
}
