using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Access;

/// <summary>A region the user may look at, and its districts.</summary>
public sealed record RegionRef(int Id, string Name);

public static class RegionScope
{
    /// <summary>
    /// The region a regional page is about: the user's own regional centre, or one chosen among the
    /// regions they see (the national level). District staff see no region's figures: null.
    /// </summary>
    public static async Task<RegionRef?> VisibleRegionAsync(IAppDbContext db, CurrentUser user, int? regionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var id = regionId ?? AccessRules.DefaultRegionOf(user);
        return await db.Organisations.AsNoTracking().Where(AccessRules.RegionsVisibleTo(user))
            .Where(o => id == null || o.Id == id).OrderBy(o => o.Name)
            .Select(o => new RegionRef(o.Id, o.Name)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The regions the user may look at, in name order (for the region pickers; one for a regional centre's staff, none for a district's).</summary>
    public static async Task<IReadOnlyList<RegionRef>> RegionsAsync(IAppDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        return await db.Organisations.AsNoTracking().Where(AccessRules.RegionsVisibleTo(user)).OrderBy(o => o.Name)
            .Select(o => new RegionRef(o.Id, o.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The region whose template a user works with: as <see cref="VisibleRegionAsync"/>, and for those who read only their
    /// own centre (district staff, a regional centre's inspector and service heads) their own region.
    /// </summary>
    public static async Task<RegionRef?> TemplateRegionAsync(IAppDbContext db, CurrentUser user, int? regionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (AccessRules.ReachOf(user) != Reach.OwnCentre)
        {
            return await VisibleRegionAsync(db, user, regionId, cancellationToken);
        }

        var ownRegion = db.Organisations.Where(o => o.Id == user.OrganisationId).Select(Organisation.RegionOrSelf);
        var own = await db.Organisations.AsNoTracking().Where(r => ownRegion.Contains(r.Id))
            .Select(r => new RegionRef(r.Id, r.Name)).SingleOrDefaultAsync(cancellationToken);
        return own is null || (regionId is not null && regionId != own.Id) ? null : own;
    }

    /// <summary>
    /// A region's districts in name order, each with its plan for the year when that plan is in force (one query).
    /// With <paramref name="withCentre"/>, the regional centre itself comes first (<c>IsCentre</c>), with its own
    /// plan when it keeps one in force for the year: the region's consolidation counts it beside its districts.
    /// </summary>
    public static async Task<IReadOnlyList<(int Id, string Name, string ShortName, int? PlanId, bool IsCentre)>> DistrictsAsync(
        IAppDbContext db, CurrentUser user, int regionId, int year, CancellationToken cancellationToken, bool withCentre = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var plans = db.Plans.Where(AccessRules.PlansVisibleTo(user))
            .Where(p => p.Year == year).Where(PlanRules.PlansWithVersionInForce);
        var rows = await db.Organisations.AsNoTracking().Where(AccessRules.OrganisationsVisibleTo(user))
            .Where(o => (o.RegionId == regionId && o.Kind == OrganisationKind.District) || (withCentre && o.Id == regionId))
            .OrderBy(o => o.Kind == OrganisationKind.District).ThenBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.ShortName, o.Kind, PlanId = plans.Where(p => p.OrganisationId == o.Id).Select(p => (int?)p.Id).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Name, r.ShortName, r.PlanId, r.Kind != OrganisationKind.District))];
    }

    /// <summary>
    /// The districts of several regions at once (one query whatever their number), by region and name, each with its plan
    /// for the year when that plan is in force: as <see cref="DistrictsAsync(IAppDbContext, CurrentUser, int, int, CancellationToken, bool)"/> for the national pages.
    /// </summary>
    internal static async Task<IReadOnlyList<(int RegionId, int Id, string Name, string ShortName, int? PlanId)>> DistrictsOfRegionsAsync(
        IAppDbContext db, CurrentUser user, IReadOnlyCollection<int> regionIds, int year, CancellationToken cancellationToken)
    {
        var plans = db.Plans.Where(AccessRules.PlansVisibleTo(user))
            .Where(p => p.Year == year).Where(PlanRules.PlansWithVersionInForce);
        var ids = regionIds.ToList();
        var rows = await db.Organisations.AsNoTracking().Where(AccessRules.OrganisationsVisibleTo(user))
            .Where(o => o.Kind == OrganisationKind.District && o.RegionId != null && ids.Contains(o.RegionId.Value))
            .OrderBy(o => o.RegionId).ThenBy(o => o.Name)
            .Select(o => new { RegionId = o.RegionId!.Value, o.Id, o.Name, o.ShortName, PlanId = plans.Where(p => p.OrganisationId == o.Id).Select(p => (int?)p.Id).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.RegionId, r.Id, r.Name, r.ShortName, r.PlanId))];
    }

    /// <summary>The ids of a region's centres, its districts and the regional centre itself, as a subquery.</summary>
    public static IQueryable<int> CentresOf(IAppDbContext db, int regionId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Organisations.Where(Organisation.OfRegion(regionId)).Select(o => o.Id);
    }

    /// <summary>The years the region's centres have plans for, latest first (for the year choosers).</summary>
    public static async Task<IReadOnlyList<int>> YearsAsync(IAppDbContext db, CurrentUser user, int regionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        return await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user))
            .Where(p => CentresOf(db, regionId).Contains(p.OrganisationId))
            .Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
    }
}
