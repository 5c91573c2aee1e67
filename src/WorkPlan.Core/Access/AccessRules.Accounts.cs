using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Access;

/// <summary>
/// Who administers which account: an administrator, the accounts of the organisations they administer
/// (<see cref="OrganisationsAdministeredBy"/>, a foreign account is not found), with the roles each kind of centre holds,
/// and never their own access or activity.
/// </summary>
public static partial class AccessRules
{
    /// <summary>
    /// Whether a role may be given to someone of an organisation of this kind: a district's director in districts; an
    /// inspector and service heads wherever a centre keeps a plan of its own (districts and regional centres); regional
    /// roles in regions (the regional director directs the centre's own plan too), national roles at the National
    /// Library; an administrator anywhere; an unknown role nowhere.
    /// </summary>
    public static bool CanHoldRole(string role, OrganisationKind kind) => role switch
    {
        Roles.Administrator => true,
        Roles.Director => kind == OrganisationKind.District,
        Roles.Inspector or Roles.ServiceHead => kind is OrganisationKind.District or OrganisationKind.Regional,
        Roles.RegionalDirector or Roles.RegionalMethodologist => kind == OrganisationKind.Regional,
        Roles.NationalDirector or Roles.NationalMethodologist => kind == OrganisationKind.National,
        _ => false,
    };

    /// <summary>
    /// Whether the administrator may change the role, organisation or service of this account: of anyone's but their
    /// own, since they would otherwise make themself the director (and sign as them) or move into another branch.
    /// Another administrator of the branch does it.
    /// </summary>
    public static bool CanChangeAccessOf(CurrentUser administrator, string userId)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        return administrator.UserId != userId;
    }

    /// <summary>Whether the administrator may deactivate this account: anyone's but their own.</summary>
    public static bool CanDeactivate(CurrentUser administrator, string userId)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        return administrator.UserId != userId;
    }
}
