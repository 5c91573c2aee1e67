using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.Core.Home;

/// <summary>What waits for a district's director or inspector: the plan, this month's entries, the quarter's report.</summary>
public sealed record DistrictHome(int PlanId, string PlanTitle, PlanStatus PlanStatus, int Month, int Entered, int Due, int BehindPlan, IReadOnlyList<(int Quarter, ReportStatus Status, bool Late, Timeliness Timeliness)> Reports);

/// <summary>What waits for the regional centre: plans to agree, reports to accept, districts that are late.</summary>
public sealed record RegionHome(IReadOnlyList<(int PlanId, string Organisation, int Year, PlanStatus Status)> PlansToAgree, IReadOnlyList<InboxLine> ReportsToAccept, IReadOnlyList<InboxLine> Late);

/// <summary>The start page's answer to "what do I have to do now?", role by role.</summary>
public sealed class HomeService(IAppDbContext db, ICurrentUser currentUser, ActualsService actuals, QuarterlyReportService reports)
{
    public async Task<DistrictHome?> DistrictAsync(CancellationToken cancellationToken = default)
    {
        if (await actuals.DefaultPlanAsync(cancellationToken) is not { } planId)
        {
            return null;
        }

        var sheet = await actuals.GetSheetAsync(planId, null, null, cancellationToken);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Title, p.Status }).SingleAsync(cancellationToken);
        var quarters = new List<(int, ReportStatus, bool, Timeliness)>();
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            var page = await reports.GetAsync(planId, quarter, cancellationToken);
            if (page.IsOk)
            {
                quarters.Add((quarter, page.Value.Status, page.Value.IsLate && page.Value.Status is ReportStatus.Draft or ReportStatus.Returned, page.Value.Timeliness));
            }
        }

        var rows = sheet.Value.Rows;
        return new DistrictHome(
            planId, plan.Title, plan.Status, sheet.Value.Month,
            rows.Count(r => r.Due && r.Value is not null), rows.Count(r => r.Due), rows.Count(r => r.BehindPlan), quarters);
    }

    public async Task<RegionHome> RegionAsync(CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        var plans = await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user))
            .Where(p => p.Organisation!.ParentId == user.OrganisationId && (p.Status == PlanStatus.Submitted || p.Status == PlanStatus.Approved))
            .OrderBy(p => p.Organisation!.Name)
            .Select(p => new { p.Id, p.Organisation!.Name, p.Year, p.Status })
            .ToListAsync(cancellationToken);
        var inbox = await reports.InboxAsync(cancellationToken);
        return new RegionHome(
            [.. plans.Select(p => (p.Id, p.Name, p.Year, p.Status))],
            [.. inbox.Where(l => l.Status == ReportStatus.Submitted)],
            [.. inbox.Where(l => l.IsLate && l.Status is ReportStatus.Draft or ReportStatus.Returned)]);
    }
}
