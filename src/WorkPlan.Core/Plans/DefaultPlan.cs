using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Plans;

/// <summary>The plan a district user's pages open by default (entry, reports, home).</summary>
public static class DefaultPlan
{
    /// <summary>The user's centre's plan of the current year that has a version in force (or the latest such plan).</summary>
    public static async Task<int?> ForAsync(IAppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var year = LocalClock.Today(clock).Year;
        return await db.Plans.Where(AccessRules.PlansVisibleTo(user))
            .Where(p => p.OrganisationId == user.OrganisationId).Where(PlanRules.PlansWithVersionInForce)
            .OrderBy(p => p.Year == year ? 0 : 1).ThenByDescending(p => p.Year)
            .Select(p => (int?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
