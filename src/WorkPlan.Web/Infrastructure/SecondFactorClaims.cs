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
            && SecondFactorRules.IsRequired(policy, user.Role, user.OrganisationKind, IsDemo(principal));
    }

    /// <summary>Whether the signed-in user must set up an authenticator before anything else.</summary>
    public static bool MustSetUpFor(this SecondFactorPolicy policy, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return HttpCurrentUser.FromPrincipal(principal) is { } user
            && SecondFactorRules.MustSetUp(
                policy, user.Role, user.OrganisationKind, IsDemo(principal), principal.HasClaim(WorkPlanClaims.TwoFactorEnabled, "true"));
    }

    private static bool IsDemo(ClaimsPrincipal principal) => principal.HasClaim(WorkPlanClaims.Demo, "true");
}
