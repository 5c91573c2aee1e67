using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Regional;
using WorkPlan.Core.Reports;

namespace WorkPlan.Core.National;

/// <summary>
/// The country's consolidated quarterly report, computed in the database: for each region the user sees, its plans in
/// force (its districts' and the regional centre's own, as the regional consolidation counts them), each indicator whose
/// regional code is mapped to a national code combined by its roll-up kind and summed across the region's plans; and the
/// country's total. A fixed number of queries, whatever the number of regions and districts.
/// </summary>
public sealed class NationalConsolidationService(IAppDbContext db, ICurrentUser currentUser, INationalFigures figures, TimeProvider clock)
{
    public async Task<Result<NationalConsolidationDocument>> BuildAsync(int? year, int? quarter, bool onlyAccepted, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        if (!AccessRules.ReadsCountry(user))
        {
            return Result<NationalConsolidationDocument>.NotFound();
        }

        var today = LocalClock.Today(clock);
        var chosenYear = year ?? today.Year;
        var chosenQuarter = quarter ?? Quarters.LatestEnded(chosenYear, today);
        if (chosenQuarter is < 1 or > 4 || !PlanRules.IsPlanYear(chosenYear))
        {
            return Result<NationalConsolidationDocument>.NotFound();
        }

        var regions = await db.Organisations.AsNoTracking().Where(AccessRules.RegionsVisibleTo(user)).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.ShortName }).ToListAsync(cancellationToken);
        var regionIds = regions.Select(r => r.Id).ToList();

        // The plans in force of each region's centres, as RegionScope.DistrictsAsync(withCentre) finds them, in one query for all regions.
        var plans = await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user))
            .Where(p => p.Year == chosenYear).Where(PlanRules.PlansWithVersionInForce)
            .Where(p => (p.Organisation!.Kind == OrganisationKind.District && p.Organisation.RegionId != null && regionIds.Contains(p.Organisation.RegionId.Value))
                || (p.Organisation!.Kind == OrganisationKind.Regional && regionIds.Contains(p.OrganisationId)))
            .Select(p => new
            {
                p.Id,
                RegionId = p.Organisation!.Kind == OrganisationKind.Regional ? p.OrganisationId : p.Organisation.RegionId!.Value,
                Accepted = db.ReportSubmissions.Any(r => r.PlanId == p.Id && r.Quarter == chosenQuarter && r.Status == ReportStatus.Accepted),
            })
            .ToListAsync(cancellationToken);
        var counted = plans.Where(p => !onlyAccepted || p.Accepted).ToList();

        var reports = await db.RegionalReportSubmissions.AsNoTracking()
            .Where(r => regionIds.Contains(r.RegionId) && r.Year == chosenYear && r.Quarter == chosenQuarter)
            .Select(r => new { r.RegionId, r.Status }).ToDictionaryAsync(r => r.RegionId, r => r.Status, cancellationToken);

        var columns = regions.Select(r => new NationalRegion(
            r.Id, r.Name, r.ShortName, plans.Count(p => p.RegionId == r.Id), counted.Count(p => p.RegionId == r.Id),
            reports.GetValueOrDefault(r.Id, ReportStatus.Draft))).ToList();

        var indicators = await NationalMapping.IndicatorsAsync(db, cancellationToken);
        var sums = await figures.ConsolidateAsync(
            [.. counted.Select(p => new NationalPlan(p.Id, p.RegionId))], Quarters.FirstMonth(chosenQuarter), Quarters.LastMonth(chosenQuarter), cancellationToken);
        var byRegion = sums.Where(s => s.RegionId is not null).ToDictionary(s => (s.RegionId!.Value, s.NationalCode));
        var totals = sums.Where(s => s.RegionId is null).ToDictionary(s => s.NationalCode, StringComparer.Ordinal);

        // A region's figure and the country's total each add several plans: the percent's base counts only those with a target.
        var rows = indicators.Select(n =>
        {
            var cells = columns.Select(r => byRegion.TryGetValue((r.RegionId, n.Code), out var f)
                ? new ConsolidationCell(f.Target, f.Period, f.YearToDate, Execution.Percent(f.TargetedYearToDate, f.Target))
                : ConsolidationCell.Empty).ToList();
            var total = totals.TryGetValue(n.Code, out var t)
                ? new ConsolidationCell(t.Target, t.Period, t.YearToDate, Execution.Percent(t.TargetedYearToDate, t.Target))
                : ConsolidationCell.Empty;
            return (n.SectionLabel, n.SectionTitle, Row: new NationalRow(n.Code, n.Number, n.Name, n.Unit, n.Measure, n.Rollup, cells, total));
        }).ToList();
        var sections = rows.GroupBy(r => (r.SectionLabel, r.SectionTitle))
            .Select(g => new NationalSection(g.Key.SectionLabel, g.Key.SectionTitle, [.. g.Select(r => r.Row)])).ToList();

        var years = await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user)).Select(p => p.Year).Distinct()
            .OrderByDescending(y => y).ToListAsync(cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        return Result<NationalConsolidationDocument>.Ok(new NationalConsolidationDocument(user.OrganisationId, organisation, chosenYear, chosenQuarter, onlyAccepted, columns, sections, years));
    }
}
