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
    /// Whether the user's reach extends below their own organisation: regional and national staff read their
    /// branch; administrators manage their organisation's whole branch of the tree. A centre's own plan staff
    /// (director of a district, inspector, service head) see only their own centre.
    /// </summary>
    public static bool ReachesBranch(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Administrator) || Roles.Overseeing.Contains(user.Role);
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

    /// <summary>
    /// The roles that direct a centre with a plan of its own: a district's director, and the regional director, who
    /// is the regional centre's director as well as the one who agrees its districts' plans.
    /// </summary>
    public static IReadOnlyList<string> CentreDirectors { get; } = [Roles.Director, Roles.RegionalDirector];

    /// <summary>The roles that write a centre's plan (<see cref="CanEditPlan"/>), for the web's coarse policy too: its director and inspector.</summary>
    public static IReadOnlyList<string> RolesThatWritePlans { get; } = [.. CentreDirectors, Roles.Inspector];

    /// <summary>Directors and inspectors write their own centre's plan (a district's or a regional centre's); nobody else does.</summary>
    public static bool CanEditPlan(CurrentUser user, int planOrganisationId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.OrganisationId == planOrganisationId && RolesThatWritePlans.Contains(user.Role);
    }

    /// <summary>Only the centre's director approves (TASDIQLAYMAN) its plan.</summary>
    public static bool CanApprovePlan(CurrentUser user, int planOrganisationId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.OrganisationId == planOrganisationId && CentreDirectors.Contains(user.Role);
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
    /// The centre above acts on the centres directly below it only through its steps: agree a plan (KELISHILDI),
    /// accept or return a report. The regional centre does so for its districts, the National Library for the
    /// regional centres; neither edits their data. <paramref name="parentId"/> is the centre's <see cref="Organisation.ParentId"/>.
    /// </summary>
    public static bool CanActAsCentreAbove(CurrentUser user, int? parentId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return parentId == user.OrganisationId && Roles.Overseeing.Contains(user.Role);
    }

    /// <summary>
    /// Who may take a step of a plan's workflow, for the page's buttons and the POST alike: its director and
    /// inspector submit; the director or methodologist of the centre above (the region for a district, the National
    /// Library for a regional centre) signs KELISHILDI; the centre's director signs TASDIQLAYMAN, opens an amendment
    /// and discards one; either signer may return it. <paramref name="parentId"/> is the plan's centre's parent.
    /// </summary>
    public static bool CanTakePlanStep(CurrentUser user, PlanAction step, int planOrganisationId, int? parentId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return step switch
        {
            PlanAction.Submitted => CanEditPlan(user, planOrganisationId),
            PlanAction.Agreed => CanActAsCentreAbove(user, parentId),
            PlanAction.Approved or PlanAction.AmendmentOpened or PlanAction.AmendmentDiscarded => CanApprovePlan(user, planOrganisationId),
            PlanAction.Returned => CanActAsCentreAbove(user, parentId) || CanApprovePlan(user, planOrganisationId),
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

        return RolesThatWritePlans.Contains(user.Role)
            || (user.IsInRole(Roles.ServiceHead) && user.ServiceId is { } service && responsibleServiceIds.Contains(service));
    }

    /// <summary>The regional centre's director and methodologist keep its template plan and indicator catalogue.</summary>
    public static bool CanManageTemplate(CurrentUser user, int regionId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.OrganisationId == regionId && Roles.Regional.Contains(user.Role);
    }

    /// <summary>The National Library's director and methodologist keep the national indicator catalogue.</summary>
    public static bool CanManageNationalCatalogue(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.OrganisationKind == OrganisationKind.National && Roles.National.Contains(user.Role);
    }

    /// <summary>
    /// The regional centre's director and methodologist send their region's consolidated quarterly report to the National
    /// Library (their own region only); the National Library decides on it as the centre above (<see cref="CanActAsCentreAbove"/>).
    /// </summary>
    public static bool CanSubmitRegionalReport(CurrentUser user, int regionId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.OrganisationId == regionId && user.OrganisationKind == OrganisationKind.Regional && Roles.Regional.Contains(user.Role);
    }

    /// <summary>
    /// Who reads the national catalogue: those who read a region or the whole country (regional and national directors and
    /// methodologists, and the administrators of those levels). A centre's own staff do not.
    /// </summary>
    public static bool ReadsNationalCatalogue(CurrentUser user) => ReachOf(user) != Reach.OwnCentre;

    /// <summary>
    /// Who reads the whole country's pages (the national consolidation, every region's reports and completeness, the national
    /// dashboard): those whose reading reaches every centre, the National Library's staff and administrators. Others get 404.
    /// </summary>
    public static bool ReadsCountry(CurrentUser user) => ReachOf(user) == Reach.Everything;

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
