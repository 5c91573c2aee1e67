using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Catalogue;

/// <summary>A regional catalogue code and the national code it is counted in.</summary>
public sealed record NationalMappingRow(int RegionId, string RegionalCode, string NationalCode);

/// <summary>A published national indicator, in the national set's document order.</summary>
public sealed record NationalIndicatorRow(int Id, string Code, string SectionLabel, string SectionTitle, string Number, string Name, string? Unit, Measure Measure, RollupKind Rollup, int SortOrder);

/// <summary>
/// What the national figures are built from: which regional codes each national indicator adds up, and the national
/// indicators themselves. Each is one SQL statement whatever the number of regions. The caller has checked which
/// regions the user may see (<see cref="Access.AccessRules.RegionsVisibleTo"/>): these queries apply no access rule.
/// </summary>
public static class NationalMapping
{
    /// <summary>
    /// For the given regions, every regional code mapped to a published national code (a region's own indicators,
    /// without a national code, are left out). A national code has at most one regional code per region.
    /// </summary>
    public static async Task<IReadOnlyList<NationalMappingRow>> ForRegionsAsync(IAppDbContext db, IReadOnlyCollection<int> regionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(regionIds);
        var ids = regionIds.Distinct().ToList();
        var published = db.NationalIndicators.Where(n => n.PublishedAt != null).Select(n => n.Code);
        return await db.TemplateIndicators.AsNoTracking()
            .Where(i => i.NationalCode != null && ids.Contains(i.Template!.RegionId) && published.Contains(i.NationalCode))
            .OrderBy(i => i.Template!.RegionId).ThenBy(i => i.SortOrder)
            .Select(i => new NationalMappingRow(i.Template!.RegionId, i.Code, i.NationalCode!))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The published national indicators in document order (sections as they come, then each section's order).</summary>
    public static async Task<IReadOnlyList<NationalIndicatorRow>> IndicatorsAsync(IAppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await Published(db).ToListAsync(cancellationToken);
    }

    internal static IQueryable<NationalIndicatorRow> Published(IAppDbContext db) =>
        db.NationalIndicators.AsNoTracking().Where(n => n.PublishedAt != null).OrderBy(n => n.SortOrder)
            .Select(n => new NationalIndicatorRow(n.Id, n.Code, n.SectionLabel, n.SectionTitle, n.Number, n.Name, n.Unit, n.Measure, n.Rollup, n.SortOrder));
}
