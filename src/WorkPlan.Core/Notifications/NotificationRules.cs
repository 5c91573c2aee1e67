using WorkPlan.Core.Access;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Notifications;

/// <summary>
/// Who is told of each event, by role and organisation: the people whose work the event is. The actor is
/// never told of their own step (<see cref="EventNotifications"/> leaves them out).
/// </summary>
public static class NotificationRules
{
    private static readonly string[] DirectorAndInspector = [.. AccessRules.CentreDirectors, Roles.Inspector];

    /// <summary>
    /// A plan sent for signatures: the centre above, who agrees it (KELISHILDI), and the centre's director, who approves
    /// it (TASDIQLAYMAN): the two signatures may come in either order.
    /// </summary>
    public static IReadOnlyList<Audience> PlanSubmitted(int planOrganisationId, int? parentId) =>
        [.. Above(parentId), new Audience(planOrganisationId, AccessRules.CentreDirectors)];

    /// <summary>A plan agreed, approved or returned (with the reason): the centre's director and inspector, whose plan it is.</summary>
    public static IReadOnlyList<Audience> PlanDecided(int planOrganisationId) => [new Audience(planOrganisationId, DirectorAndInspector)];

    /// <summary>A report submitted: the centre above, who accepts or returns it.</summary>
    public static IReadOnlyList<Audience> ReportSubmitted(int? parentId) => Above(parentId);

    /// <summary>A report accepted or returned (with the reason): the centre's director and inspector, who submitted it.</summary>
    public static IReadOnlyList<Audience> ReportDecided(int organisationId) => [new Audience(organisationId, DirectorAndInspector)];

    /// <summary>A month reopened (with the reason): the heads of the services whose rows are in the plan, and the inspector.</summary>
    public static IReadOnlyList<Audience> MonthReopened(int planOrganisationId, IReadOnlyList<int> serviceIds) =>
        [new Audience(planOrganisationId, [Roles.ServiceHead], serviceIds), new Audience(planOrganisationId, [Roles.Inspector])];

    /// <summary>A reopening asked for: the centre's director, who decides it.</summary>
    public static IReadOnlyList<Audience> ReopeningRequested(int planOrganisationId) => [new Audience(planOrganisationId, AccessRules.CentreDirectors)];

    private static IReadOnlyList<Audience> Above(int? parentId) => parentId is { } parent ? [new Audience(parent, Roles.Overseeing)] : [];
}
