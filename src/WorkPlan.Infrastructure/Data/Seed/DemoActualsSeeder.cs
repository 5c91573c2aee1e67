using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.Infrastructure.Data.Seed;

/// <summary>
/// Demo mode only: plausible monthly actuals for the Xo'jaobod 2022 plan from January to August,
/// entered as the demo service heads, so that the year is in progress on the demo's 3 October 2022.
/// Values follow each indicator's target, roll-up kind and schedule; "of which" rows add up to their
/// parent. Added only when the plan has no actual yet.
/// </summary>
public sealed class DemoActualsSeeder(AppDbContext db, ILogger<DemoActualsSeeder> logger)
{
    public const int LastMonth = 8;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.Include(p => p.Indicators).ThenInclude(i => i.ResponsibleServices)
            .SingleOrDefaultAsync(p => p.Organisation!.Code == "xojaobod" && p.Year == 2022, cancellationToken);
        if (plan is null || await db.MonthlyActuals.AnyAsync(a => a.Indicator!.PlanId == plan.Id, cancellationToken))
        {
            return;
        }

        var heads = await db.Users.Where(u => u.OrganisationId == plan.OrganisationId && u.ServiceId != null && u.IsDemo)
            .ToDictionaryAsync(u => u.ServiceId!.Value, u => (u.Id, u.UserName!), cancellationToken);
        var count = AddActuals(db, plan, heads, 0m, (_, month) => month <= LastMonth);
        await db.SaveChangesAsync(cancellationToken);
        await SubmitEarlierQuartersAsync(plan, cancellationToken);
        logger.LogInformation("Demo actuals created: {ActualCount}; Q1 and Q2 submitted and accepted", count);
    }

    /// <summary>
    /// Adds plausible actuals to a plan for the months <paramref name="entered"/> admits (each due month of
    /// each row with a target), as the service heads in <paramref name="heads"/>; "of which" rows add up to
    /// a partitioned parent. <paramref name="paceShift"/> moves the whole plan ahead or behind its targets.
    /// </summary>
    internal static int AddActuals(
        AppDbContext db, Plan plan, IReadOnlyDictionary<int, (string Id, string Name)> heads, decimal paceShift, Func<Indicator, int, bool> entered)
    {
        var count = 0;
        var values = new Dictionary<(int Indicator, int Month), decimal>();
        foreach (var indicator in plan.Indicators.OrderByDescending(i => i.ParentId is not null).ThenBy(i => i.SortOrder))
        {
            var children = plan.Indicators.Where(c => c.ParentId == indicator.Id).ToList();
            for (var month = 1; month <= 12; month++)
            {
                if (!entered(indicator, month))
                {
                    continue;
                }

                decimal? value = children.Count > 0 && indicator.ChildrenPartition
                    ? children.Sum(c => values.GetValueOrDefault((c.Id, month)))
                    : Plausible(indicator, month, paceShift);
                if (value is not { } v || !indicator.Schedule.IsDue(month))
                {
                    continue;
                }

                values[(indicator.Id, month)] = v;
                var service = indicator.ResponsibleServices.OrderBy(r => r.Position).Select(r => r.ServiceId).FirstOrDefault();
                var (userId, userName) = heads.GetValueOrDefault(service, ("demo", "demo"));
                var enteredAt = new DateTimeOffset(plan.Year, month, 1, 10, 0, 0, LocalClock.Offset).AddMonths(1).AddDays(1).ToUniversalTime();
                db.MonthlyActuals.Add(new MonthlyActual(indicator, month, v, null, userId, enteredAt));
                db.ActualChanges.Add(new ActualChange(indicator.Id, month, null, v, null, null, userId, userName, enteredAt));
                count++;
            }
        }

        return count;
    }

    /// <summary>Q1 and Q2 were submitted by the inspector and accepted by the regional methodologist, in time.</summary>
    private async Task SubmitEarlierQuartersAsync(Plan plan, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.Where(o => o.Id == plan.OrganisationId).Select(o => new { o.Id, o.ParentId }).SingleAsync(cancellationToken);
        var inspector = await db.Users.Where(u => u.OrganisationId == organisation.Id && u.Role == Roles.Inspector).Select(u => new { u.Id, u.UserName, u.FullName, u.Position }).FirstAsync(cancellationToken);
        var methodologist = await db.Users.Where(u => u.OrganisationId == organisation.ParentId && u.Role == Roles.RegionalMethodologist).Select(u => new { u.Id, u.UserName, u.FullName, u.Position }).FirstAsync(cancellationToken);
        var asInspector = ReportSubmissionService.WithoutFiles(
            db, new FixedCurrentUser(new CurrentUser(inspector.Id, inspector.UserName!, Roles.Inspector, organisation.Id, OrganisationKind.District, null, inspector.FullName, inspector.Position)), TimeProvider.System, new Identity.People(db));
        var asRegion = ReportSubmissionService.WithoutFiles(
            db, new FixedCurrentUser(new CurrentUser(methodologist.Id, methodologist.UserName!, Roles.RegionalMethodologist, organisation.ParentId!.Value, OrganisationKind.Regional, null, methodologist.FullName, methodologist.Position)), TimeProvider.System, new Identity.People(db));
        foreach (var (quarter, submitted, accepted) in new[] { (1, new DateTime(2022, 4, 7), new DateTime(2022, 4, 12)), (2, new DateTime(2022, 7, 8), new DateTime(2022, 7, 14)) })
        {
            await asInspector.SubmitAsync(plan.Id, quarter, new DateTimeOffset(submitted.AddHours(11), LocalClock.Offset).ToUniversalTime(), cancellationToken);
            await asRegion.AcceptAsOfAsync(plan.Id, quarter, new DateTimeOffset(accepted.AddHours(15), LocalClock.Offset).ToUniversalTime(), cancellationToken);
        }
    }

    /// <summary>
    /// A month's value that keeps the year to date near the linear pace of the target (each indicator a
    /// little ahead or behind, always the same): the cumulative pace is rounded and the month gets the
    /// difference, so that small targets see a 1 now and then instead of 0 every month.
    /// </summary>
    private static decimal? Plausible(Indicator indicator, int month, decimal paceShift)
    {
        if (indicator.Target is not { } target)
        {
            return null;
        }

        if (target <= 0)
        {
            // Planned as zero: the month's actual is 0.
            return 0;
        }

        var pace = 0.7m + paceShift + (indicator.Number.Sum(c => c) * 37 % 36 / 100m);
        var due = indicator.Schedule.Months.ToList();
        decimal Cumulative(int m)
        {
            var done = due.Count(d => d <= m);
            var jitter = ((m * 7919) + indicator.Number.Length) % 9 / 100m;
            var value = target * done / due.Count * (pace + jitter);
            return indicator.Measure == Measure.Money ? Math.Round(value, 2) : Math.Floor(value);
        }

        return indicator.Rollup switch
        {
            // A stock grows from last year's level towards the target.
            RollupKind.Last => Math.Round((indicator.PreviousFact ?? 0) + ((target - (indicator.PreviousFact ?? 0)) * month / 12m * pace), 0),

            // A one-off state: done once, mid-year.
            RollupKind.Max => month >= 6 ? target : 0,
            _ => Math.Max(0, Cumulative(month) - Cumulative(month - 1)),
        };
    }
}
