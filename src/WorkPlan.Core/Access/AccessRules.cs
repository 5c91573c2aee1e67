using System.Linq.Expressions;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Access;

/// <summary>How far a user's reading reaches in the tree of centres.</summary>
public enum Reach
{
    /// <summary>Their own centre only.</summary>
    OwnCentre,

    /// <summary>Their regional centre and its districts.</summary>
    Region,

    /// <summary>Every centre of the country.</summary>
    Everything,
}

/// <summary>
/// Who may see and change what, written once. Services apply the "VisibleTo" expressions to every
/// list, lookup by id and export, so a foreign id finds nothing (404); the "Can…" checks decide
/// actions on what is visible. Who may choose what inside a page (a region, a service, a template)
/// is in <see cref="AccessRules"/>' other part, AccessRules.Scopes.cs.
/// </summary>
public static partial class AccessRules
{
    /// <summary>
    /// Whether the user's reach extends below their own organisation: regional staff read their
    /// region's districts; administrators manage their organisation's whole branch of the tree.
    /// District staff see only their own centre.
    /// </summary>
    public static bool ReachesBranch(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Administrator) || Roles.Regional.Contains(user.Role);
    }

    /// <summary>
    /// How far the user reads: a branch reaches the whole country from the national centre and the region from a
    /// regional one; everyone else reads their own centre.
    /// </summary>
    public static Reach ReachOf(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!ReachesBranch(user))
        {
            return Reach.OwnCentre;
        }

        return user.OrganisationKind switch
        {
            OrganisationKind.National => Reach.Everything,
            OrganisationKind.Regional => Reach.Region,
            _ => Reach.OwnCentre,
        };
    }

    /// <summary>
    /// Organisations the user may read, by the stored region of each centre (<see cref="Organisation.RegionId"/>):
    /// no walking up the tree. Plans and indicators follow from the same rule (<see cref="CentresVisibleTo"/>).
    /// </summary>
    public static Expression<Func<Organisation, bool>> OrganisationsVisibleTo(CurrentUser user) =>
        Apply(CentresVisibleTo(user), (Organisation o) => o.Id, o => o.RegionId);

    /// <summary>Organisations the user may administer (administrators only): their own branch of the tree.</summary>
    public static Expression<Func<Organisation, bool>> OrganisationsAdministeredBy(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Administrator) ? OrganisationsVisibleTo(user) : o => false;
    }

    /// <summary>Plans the user may read: those of the organisations they see.</summary>
    public static Expression<Func<Plan, bool>> PlansVisibleTo(CurrentUser user) =>
        Apply(CentresVisibleTo(user), (Plan p) => p.OrganisationId, p => p.Organisation!.RegionId);

    /// <summary>Indicators the user may read: those of the plans they see.</summary>
    public static Expression<Func<Indicator, bool>> IndicatorsVisibleTo(CurrentUser user) =>
        Apply(CentresVisibleTo(user), (Indicator i) => i.Plan!.OrganisationId, i => i.Plan!.Organisation!.RegionId);

    /// <summary>The roles that write a centre's plan (<see cref="CanEditPlan"/>), for the web's coarse policy too.</summary>
    public static IReadOnlyList<string> RolesThatWritePlans { get; } = [Roles.Director, Roles.Inspector];

    /// <summary>Directors and inspectors write their own centre's plan; nobody else does.</summary>
    public static bool CanEditPlan(CurrentUser user, int planOrganisationId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.OrganisationId == planOrganisationId && RolesThatWritePlans.Contains(user.Role);
    }

    /// <summary>Only the centre's director approves (TASDIQLAYMAN) its plan.</summary>
    public static bool CanApprovePlan(CurrentUser user, int planOrganisationId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.OrganisationId == planOrganisationId && user.IsInRole(Roles.Director);
    }

    /// <summary>The centre's director reopens its locked months and decides the requests to reopen them.</summary>
    public static bool CanReopenMonths(CurrentUser user, int planOrganisationId) => CanApprovePlan(user, planOrganisationId);

    /// <summary>A centre's service heads and inspector may ask its director to reopen a locked month.</summary>
    public static bool CanRequestReopening(CurrentUser user, int planOrganisationId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.OrganisationId == planOrganisationId && (user.IsInRole(Roles.ServiceHead) || user.IsInRole(Roles.Inspector));
    }

    /// <summary>
    /// The regional centre acts on its districts only through the regional steps: agree a plan
    /// (KELISHILDI), accept or return a report. It never edits district data. <paramref name="districtRegionId"/>
    /// is the district's <see cref="Organisation.RegionId"/>.
    /// </summary>
    public static bool CanActAsRegion(CurrentUser user, int? districtRegionId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return districtRegionId == user.OrganisationId && Roles.Regional.Contains(user.Role);
    }

    /// <summary>
    /// Who may take a step of a plan's workflow, for the page's buttons and the POST alike: its director and
    /// inspector submit; the region's director or methodologist signs KELISHILDI; the centre's director
    /// signs TASDIQLAYMAN, opens an amendment and discards one; either signer may return it.
    /// </summary>
    public static bool CanTakePlanStep(CurrentUser user, PlanAction step, int planOrganisationId, int? regionId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return step switch
        {
            PlanAction.Submitted => CanEditPlan(user, planOrganisationId),
            PlanAction.Agreed => CanActAsRegion(user, regionId),
            PlanAction.Approved or PlanAction.AmendmentOpened or PlanAction.AmendmentDiscarded => CanApprovePlan(user, planOrganisationId),
            PlanAction.Returned => CanActAsRegion(user, regionId) || CanApprovePlan(user, planOrganisationId),
            _ => false,
        };
    }

    /// <summary>
    /// Monthly actuals: a service head writes those of indicators their service is responsible for;
    /// the centre's director and inspector correct any of their centre's.
    /// </summary>
    public static bool CanWriteActual(CurrentUser user, int planOrganisationId, IEnumerable<int> responsibleServiceIds)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(responsibleServiceIds);
        if (user.OrganisationId != planOrganisationId)
        {
            return false;
        }

        return user.IsInRole(Roles.Director) || user.IsInRole(Roles.Inspector)
            || (user.IsInRole(Roles.ServiceHead) && user.ServiceId is { } service && responsibleServiceIds.Contains(service));
    }

    /// <summary>The regional centre's director and methodologist keep its template plan and indicator catalogue.</summary>
    public static bool CanManageTemplate(CurrentUser user, int regionId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.OrganisationId == regionId && Roles.Regional.Contains(user.Role);
    }

    /// <summary>
    /// The one visibility rule, on a centre's id and its region's id: the user's reach decides which it compares. Written
    /// on the two keys rather than on the organisation, so that a plan's rule reads its own organisation id (no join)
    /// where the region is not needed.
    /// </summary>
    private static Expression<Func<int, int?, bool>> CentresVisibleTo(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.OrganisationId;
        return ReachOf(user) switch
        {
            Reach.Everything => (centre, region) => true,
            Reach.Region => (centre, region) => centre == id || region == id,
            _ => (centre, region) => centre == id,
        };
    }

    /// <summary>The rule on (centre, region) applied to something that has both, so that it is written once.</summary>
    private static Expression<Func<T, bool>> Apply<T>(
        Expression<Func<int, int?, bool>> rule, Expression<Func<T, int>> centre, Expression<Func<T, int?>> region)
    {
        var item = centre.Parameters[0];
        var regionOfItem = new Substitution(region.Parameters[0], item).Visit(region.Body);
        var body = new Substitution(rule.Parameters[1], regionOfItem).Visit(new Substitution(rule.Parameters[0], centre.Body).Visit(rule.Body));
        return Expression.Lambda<Func<T, bool>>(body, item);
    }

    private sealed class Substitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
