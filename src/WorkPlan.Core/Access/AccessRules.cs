using System.Linq.Expressions;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Access;

/// <summary>
/// Who may see and change what, written once. Services apply the "VisibleTo" expressions to every
/// list, lookup by id and export, so a foreign id finds nothing (404); the "Can…" checks decide
/// actions on what is visible.
/// </summary>
public static class AccessRules
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

    /// <summary>Organisations the user may read.</summary>
    public static Expression<Func<Organisation, bool>> OrganisationsVisibleTo(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.OrganisationId;
        return ReachesBranch(user)
            ? o => o.Id == id || o.ParentId == id || o.Parent!.ParentId == id
            : o => o.Id == id;
    }

    /// <summary>Organisations the user may administer (administrators only): their own branch of the tree.</summary>
    public static Expression<Func<Organisation, bool>> OrganisationsAdministeredBy(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsInRole(Roles.Administrator))
        {
            return o => false;
        }

        var id = user.OrganisationId;
        return o => o.Id == id || o.ParentId == id || o.Parent!.ParentId == id;
    }

    /// <summary>Plans the user may read: those of the organisations they see.</summary>
    public static Expression<Func<Plan, bool>> PlansVisibleTo(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.OrganisationId;
        return ReachesBranch(user)
            ? p => p.OrganisationId == id || p.Organisation!.ParentId == id || p.Organisation.Parent!.ParentId == id
            : p => p.OrganisationId == id;
    }

    /// <summary>Indicators the user may read: those of the plans they see.</summary>
    public static Expression<Func<Indicator, bool>> IndicatorsVisibleTo(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.OrganisationId;
        return ReachesBranch(user)
            ? i => i.Plan!.OrganisationId == id || i.Plan.Organisation!.ParentId == id || i.Plan.Organisation.Parent!.ParentId == id
            : i => i.Plan!.OrganisationId == id;
    }

    /// <summary>Directors and inspectors write their own centre's plan; nobody else does.</summary>
    public static bool CanEditPlan(CurrentUser user, int planOrganisationId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.OrganisationId == planOrganisationId && (user.IsInRole(Roles.Director) || user.IsInRole(Roles.Inspector));
    }

    /// <summary>Only the centre's director approves (TASDIQLAYMAN) its plan.</summary>
    public static bool CanApprovePlan(CurrentUser user, int planOrganisationId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.OrganisationId == planOrganisationId && user.IsInRole(Roles.Director);
    }

    /// <summary>A centre's service heads and inspector may ask its director to reopen a locked month.</summary>
    public static bool CanRequestReopening(CurrentUser user, int planOrganisationId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.OrganisationId == planOrganisationId && (user.IsInRole(Roles.ServiceHead) || user.IsInRole(Roles.Inspector));
    }

    /// <summary>
    /// The regional centre acts on its districts only through the regional steps: agree a plan
    /// (KELISHILDI), accept or return a report. It never edits district data.
    /// </summary>
    public static bool CanActAsRegion(CurrentUser user, int? districtParentId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return districtParentId == user.OrganisationId && Roles.Regional.Contains(user.Role);
    }

    /// <summary>
    /// Who may take a step of a plan's workflow, for the page's buttons and the POST alike: its director and
    /// inspector submit; the parent centre's director or methodologist signs KELISHILDI; the centre's director
    /// signs TASDIQLAYMAN and opens an amendment; either signer may return it.
    /// </summary>
    public static bool CanTakePlanStep(CurrentUser user, PlanAction step, int planOrganisationId, int? parentOrganisationId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return step switch
        {
            PlanAction.Submitted => CanEditPlan(user, planOrganisationId),
            PlanAction.Agreed => CanActAsRegion(user, parentOrganisationId),
            PlanAction.Approved or PlanAction.AmendmentOpened => CanApprovePlan(user, planOrganisationId),
            PlanAction.Returned => CanActAsRegion(user, parentOrganisationId) || CanApprovePlan(user, planOrganisationId),
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
}
