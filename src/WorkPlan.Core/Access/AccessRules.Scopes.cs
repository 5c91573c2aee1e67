using System.Linq.Expressions;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Access;

/// <summary>Who may choose what inside a page: the region a regional page is about, the services of an entry sheet, the template.</summary>
public static partial class AccessRules
{
    /// <summary>
    /// The regions whose figures (consolidation, dashboards, completeness) a user may look at: the regional centres
    /// among the organisations they read. Whoever reads only their own centre (district staff, a regional centre's
    /// inspector and service heads) sees no region's figures, not even their own region's.
    /// </summary>
    public static Expression<Func<Organisation, bool>> RegionsVisibleTo(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var reach = ReachOf(user);
        if (reach == Reach.OwnCentre)
        {
            return o => false;
        }

        var id = user.OrganisationId;
        return reach == Reach.Everything
            ? o => o.Kind == OrganisationKind.Regional
            : o => o.Kind == OrganisationKind.Regional && o.Id == id;
    }

    /// <summary>The region a regional page is about when none is chosen: a regional centre's own; otherwise none (the first one visible).</summary>
    public static int? DefaultRegionOf(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.OrganisationKind == OrganisationKind.Regional && ReachOf(user) == Reach.Region ? user.OrganisationId : null;
    }

    /// <summary>
    /// Whether the user reads a region's template as it stands: those who see the region do, drafts included;
    /// a centre's own staff (district staff, a regional centre's inspector) read their region's template only once it is published.
    /// </summary>
    public static bool ReadsTemplate(CurrentUser user, bool published)
    {
        ArgumentNullException.ThrowIfNull(user);
        return published || ReachOf(user) != Reach.OwnCentre;
    }

    /// <summary>
    /// District and regional centres have plans of their own (the National Library has no centre above it to agree one): their
    /// director and inspector create them (empty, imported, next year's, from the template).
    /// </summary>
    public static bool CanCreatePlan(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.OrganisationKind != OrganisationKind.National && CanEditPlan(user, user.OrganisationId);
    }

    /// <summary>Whether the user chooses which service's rows an entry page shows: everyone but a service head, who sees their own service's.</summary>
    public static bool ChoosesService(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsInRole(Roles.ServiceHead);
    }

    /// <summary>
    /// The service whose rows the user's entry pages (the sheet, completeness) are limited to: a service head's own whatever
    /// was asked for; for the others the one they chose, or null for every row.
    /// </summary>
    public static int? ServiceScope(CurrentUser user, int? chosen) => ChoosesService(user) ? chosen : user.ServiceId;

    /// <summary>The services an entry page lists for the user when none is chosen (<see cref="ServiceScope"/>): a service head's own, or all.</summary>
    public static Expression<Func<ServiceUnit, bool>> ServicesInScopeOf(CurrentUser user)
    {
        var scope = ServiceScope(user, null);
        return s => scope == null || s.Id == scope;
    }
}
