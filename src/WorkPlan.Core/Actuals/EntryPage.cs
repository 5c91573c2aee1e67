using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlan.Core.Access;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Actuals;

/// <summary>A plan as the entry page and the home page read it: whose, which year, and whether a version is in force.</summary>
public sealed record EntryPlan(int Id, int Year, string Title, int OrganisationId, PlanStatus Status, int VersionNumber)
{
    public bool InForce => PlanRules.HasVersionInForce(Status, VersionNumber);

    /// <summary>The plan if the user can see it.</summary>
    public static async Task<EntryPlan?> FindAsync(IAppDbContext db, CurrentUser user, int planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user)).Where(p => p.Id == planId)
            .Select(p => new EntryPlan(p.Id, p.Year, p.Title, p.OrganisationId, p.Status, p.VersionNumber))
            .SingleOrDefaultAsync(cancellationToken);
    }
}

/// <summary>
/// The monthly entry page, whole: the month's sheet, the to-do list of missing entries, the completeness
/// table and the month's lock panel, all from one reading of the plan's month states.
/// </summary>
public sealed record EntryPage(EntrySheet Sheet, IReadOnlyList<MissingEntry> Missing, IReadOnlyList<Completeness> Completeness, MonthPanel Panel);

/// <summary>The entry page's query: everything the page shows, in a fixed number of queries whatever the plan's size.</summary>
public sealed class EntryPageService(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, IOptions<ActualsOptions> options, ActualsService actuals, MonthLockService locks)
{
    /// <summary>
    /// The page of a month (the default month when none is asked for) of the plan asked for, or of the user's
    /// default plan; no value when the user has no plan to enter into.
    /// </summary>
    public async Task<Result<EntryPage?>> GetAsync(int? planId, int? month, int? serviceId, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        if ((planId ?? await DefaultPlan.ForAsync(db, user, clock, cancellationToken)) is not { } id)
        {
            return Result<EntryPage?>.Ok(null);
        }

        if (await EntryPlan.FindAsync(db, user, id, cancellationToken) is not { } plan)
        {
            return Result<EntryPage?>.NotFound();
        }

        var states = await MonthLocks.ForPlanAsync(db, plan.Id, plan.Year, plan.InForce, clock.GetUtcNow(), options.Value.ClosingDay, cancellationToken);
        var sheet = await actuals.SheetAsync(plan, month, serviceId, states, cancellationToken);
        return Result<EntryPage?>.Ok(new EntryPage(
            sheet,
            await actuals.MissingAsync(sheet, states, cancellationToken),
            await actuals.CompletenessAsync(plan, cancellationToken),
            await locks.PanelAsync(plan, states[sheet.Month - 1], cancellationToken)));
    }
}
