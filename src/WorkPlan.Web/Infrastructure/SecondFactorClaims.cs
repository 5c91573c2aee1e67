using System.Security.Claims;
using WorkPlan.Core.Access;
using WorkPlan.Infrastructure.Identity;

namespace WorkPlan.Web.Infrastructure;

/// <summary><see cref="SecondFactorRules"/> applied to the signed-in user of a request.</summary>
public static class SecondFactorClaims
{
    /// <summary>Whether the signed-in user's account must use a second factor.</summary>
    public static bool IsRequiredFor(this SecondFactorPolicy policy, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return HttpCurrentUser.FromPrincipal(principal) is { } user
            && SecondFactorRules.IsRequired(policy, user.Role, user.OrganisationKind, principal.HasClaim(WorkPlanClaims.Demo, "true"));
    }
}
