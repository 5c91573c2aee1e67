using WorkPlan.Core.Access;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Home;

/// <summary>
/// The parts of the app a user's menu offers, decided from the access rules so that it lists every page the user may
/// open and none they may not: their own centre's work (monthly entry, reports, its dashboard), the inbox of the centre
/// above, one region's pages, the whole country's, and administration.
/// </summary>
public sealed record Menu(bool OwnCentre, bool Inbox, bool Region, bool Country, bool Administer)
{
    /// <summary>The roles that work on their own centre's plan: its director, inspector and service heads.</summary>
    private static readonly string[] OwnCentreRoles = [.. AccessRules.RolesThatWritePlans, Roles.ServiceHead];

    /// <summary>Whether the centre's own pages and a region's both show, so that the centre's own go under one heading.</summary>
    public bool GroupsOwnCentre => OwnCentre && (Region || Country);

    public static Menu For(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var reach = AccessRules.ReachOf(user);
        var keepsPlan = user.OrganisationKind != OrganisationKind.National;
        var ownCentre = keepsPlan && (OwnCentreRoles.Contains(user.Role) || (user.IsInRole(Roles.Administrator) && reach == Reach.OwnCentre));
        return new Menu(
            ownCentre,
            Roles.Overseeing.Contains(user.Role),
            reach == Reach.Region,
            AccessRules.ReadsCountry(user),
            user.IsInRole(Roles.Administrator));
    }
}
