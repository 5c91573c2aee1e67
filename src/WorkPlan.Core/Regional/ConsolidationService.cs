using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;

namespace WorkPlan.Core.Regional;

/// <summary>
/// The region's consolidated quarterly report, computed in the database: the districts' plans in
/// force, mapped to the region's catalogue, each indicator combined by its roll-up kind and summed
/// across districts. A fixed number of queries, whatever the number of districts.
/// </summary>
public sealed class ConsolidationService(IAppDbContext db, ICurrentUser currentUser, IRegionalFigures figures, TimeProvider clock)
{
    /// <summary>The regions the user may choose among on the page (one query; a region's staff see only their own).</summary>
    public Task<IReadOnlyList<RegionRef>> RegionsAsync(CancellationToken cancellationToken = default) =>
        RegionScope.RegionsAsync(db, currentUser.Required, cancellationToken);

    public async Task<Result<ConsolidationDocument>> BuildAsync(int? regionId, int? year, int? quarter, bool onlyReported, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        if (await RegionScope.VisibleRegionAsync(db, user, regionId, cancellationToken) is not { } region)
        {
            return Result<ConsolidationDocument>.NotFound();
        }

        var today = LocalClock.Today(clock);
        var chosenYear = year ?? today.Year;
        var chosenQuarter = quarter ?? Quarters.LatestEnded(chosenYear, today);
        if (chosenQuarter is < 1 or > 4 || !PlanRules.IsPlanYear(chosenYear))
        {
            return Result<ConsolidationDocument>.NotFound();
        }

        var districts = await RegionScope.DistrictsAsync(db, user, region.Id, chosenYear, cancellationToken, withCentre: true);
        var planIds = districts.Where(d => d.PlanId is not null).Select(d => d.PlanId!.Value).ToList();
        var submissions = await db.ReportSubmissions.AsNoTracking().Where(r => planIds.Contains(r.PlanId) && r.Quarter == chosenQuarter)
            .Select(r => new { r.PlanId, r.Status, r.DueDate, r.SubmittedAt }).ToDictionaryAsync(r => r.PlanId, cancellationToken);
        var due = ReportTimeliness.DueDate(chosenYear, chosenQuarter);
        var columns = districts.Select(d =>
        {
            var s = d.PlanId is { } id ? submissions.GetValueOrDefault(id) : null;
            var status = d.PlanId is null ? (ReportStatus?)null : s?.Status ?? ReportStatus.Draft;
            Timeliness? timeliness = d.PlanId is null ? null : ReportTimeliness.Of(chosenYear, chosenQuarter, status, s?.DueDate ?? due, s?.SubmittedAt, today);
            var included = d.PlanId is not null && (!onlyReported || status is { } sent && sent.IsSent());
            return new ConsolidationDistrict(d.Id, d.Name, d.ShortName, d.PlanId, status, timeliness, included, d.IsCentre);
        }).ToList();

        var catalogue = await db.TemplateIndicators.AsNoTracking().Where(i => i.Template!.RegionId == region.Id).OrderBy(i => i.SortOrder)
            .Select(i => new { i.Code, i.SectionLabel, i.SectionTitle, i.Number, i.Name, i.Unit, i.Measure, i.Rollup, IsSubRow = i.ParentId != null })
            .ToListAsync(cancellationToken);
        var included = columns.Where(c => c.Included).Select(c => c.PlanId!.Value).ToList();
        var sums = await figures.ConsolidateAsync(included, Quarters.FirstMonth(chosenQuarter), Quarters.LastMonth(chosenQuarter), cancellationToken);
        var byPlan = sums.Where(s => s.PlanId is not null).ToDictionary(s => (s.PlanId!.Value, s.Code));
        var totals = sums.Where(s => s.PlanId is null).ToDictionary(s => s.Code, StringComparer.Ordinal);

        var rows = catalogue.Select(c =>
        {
            var cells = columns.Select(d => d.Included && byPlan.TryGetValue((d.PlanId!.Value, c.Code), out var f)
                ? new ConsolidationCell(f.Target, f.Period, f.YearToDate, Execution.Percent(f.YearToDate, f.Target))
                : ConsolidationCell.Empty).ToList();
            var total = totals.TryGetValue(c.Code, out var t)
                ? new ConsolidationCell(t.Target, t.Period, t.YearToDate, Execution.Percent(t.TargetedYearToDate, t.Target))
                : ConsolidationCell.Empty;
            return (c.SectionLabel, c.SectionTitle, Row: new ConsolidationRow(c.Code, c.Number, c.Name, c.Unit, c.Measure, c.Rollup, c.IsSubRow, cells, total));
        }).ToList();
        var sections = rows.GroupBy(r => (r.SectionLabel, r.SectionTitle))
            .Select(g => new ConsolidationSection(g.Key.SectionLabel, g.Key.SectionTitle, [.. g.Select(r => r.Row)])).ToList();
        var years = await RegionScope.YearsAsync(db, user, region.Id, cancellationToken);
        return Result<ConsolidationDocument>.Ok(new ConsolidationDocument(region.Id, region.Name, chosenYear, chosenQuarter, onlyReported, columns, sections, years));
    }
}
