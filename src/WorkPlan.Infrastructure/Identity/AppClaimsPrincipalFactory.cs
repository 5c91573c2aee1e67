using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.Infrastructure.Identity;

/// <summary>Puts the user's role, organisation (and its kind), service and account flags into the cookie.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var kind = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Kind).SingleAsync();
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(WorkPlanClaims.OrganisationId, user.OrganisationId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(WorkPlanClaims.OrganisationKind, kind.ToString()));
        identity.AddClaim(new Claim(WorkPlanClaims.FullName, user.FullName));
        if (!string.IsNullOrWhiteSpace(user.Position))
        {
            identity.AddClaim(new Claim(WorkPlanClaims.Position, user.Position));
        }
        if (user.ServiceId is { } service)
        {
            identity.AddClaim(new Claim(WorkPlanClaims.ServiceId, service.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(WorkPlanClaims.MustChangePassword, "true"));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(WorkPlanClaims.TwoFactorEnabled, "true"));
        }

        if (user.IsDemo)
        {
            identity.AddClaim(new Claim(WorkPlanClaims.Demo, "true"));
        }

        return identity;
    }
}
