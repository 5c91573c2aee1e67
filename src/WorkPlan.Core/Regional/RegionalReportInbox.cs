using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.Core.Regional;

/// <summary>The National Library's inbox lines of the regions' consolidated reports: every one sent, and the ones due but missing.</summary>
public static class RegionalReportInbox
{
    /// <summary>
    /// For the staff of the National Library: each regional centre directly below theirs, for every year its region (its
    /// districts or the centre) has a plan in force, each quarter whose last month has come. Three queries whatever the
    /// number of regions; nothing for anyone else (a region has no regions below it).
    /// </summary>
    public static async Task<IReadOnlyList<InboxLine>> LinesAsync(IAppDbContext db, CurrentUser user, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.OrganisationKind != OrganisationKind.National)
        {
            return [];
        }

        var regions = await db.Organisations.AsNoTracking().Where(AccessRules.RegionsVisibleTo(user)).Where(o => o.ParentId == user.OrganisationId)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var ids = regions.Select(r => r.Id).ToList();
        var years = (await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user)).Where(PlanRules.PlansWithVersionInForce)
                .Where(p => ids.Contains(p.OrganisationId) || (p.Organisation!.RegionId != null && ids.Contains(p.Organisation.RegionId.Value)))
                .Select(p => new { Region = p.Organisation!.RegionId ?? p.OrganisationId, p.Year }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(y => y.Region, y => y.Year);
        var submissions = await db.RegionalReportSubmissions.AsNoTracking().Where(r => ids.Contains(r.RegionId))
            .Select(r => new { r.RegionId, r.Year, r.Quarter, r.Status, r.DueDate, r.SubmittedAt, r.SubmissionCount }).ToListAsync(cancellationToken);
        return
        [
            .. from region in regions
               from year in years[region.Id].Union(submissions.Where(s => s.RegionId == region.Id).Select(s => s.Year))
               from quarter in Enumerable.Range(1, 4)
               where Quarters.HasReachedLastMonth(year, quarter, today)
               let s = submissions.FirstOrDefault(x => x.RegionId == region.Id && x.Year == year && x.Quarter == quarter)
               let due = s?.DueDate ?? ReportTimeliness.DueDate(year, quarter)
               select new InboxLine(0, region.Name, year, quarter, s?.Status ?? ReportStatus.Draft, due, s?.SubmittedAt, ReportTimeliness.IsLate(due, s?.SubmittedAt, today), s?.SubmissionCount ?? 0)
               {
                   RegionId = region.Id,
               },
        ];
    }
}
