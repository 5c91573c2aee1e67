using System.Globalization;
using System.Security.Claims;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Infrastructure.Identity;

namespace WorkPlan.Web.Infrastructure;

/// <summary>The signed-in user of the current request, read from the cookie's claims.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private CurrentUser? _user;

    public CurrentUser? User => _user ??= FromPrincipal(accessor.HttpContext?.User);

    public static CurrentUser? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id
            || principal.FindFirstValue(ClaimTypes.Role) is not { } role
            || !int.TryParse(principal.FindFirstValue(WorkPlanClaims.OrganisationId), CultureInfo.InvariantCulture, out var organisation)
            || !Enum.TryParse<OrganisationKind>(principal.FindFirstValue(WorkPlanClaims.OrganisationKind), out var kind))
        {
            return null;
        }

        int? service = int.TryParse(principal.FindFirstValue(WorkPlanClaims.ServiceId), CultureInfo.InvariantCulture, out var s) ? s : null;
        return new CurrentUser(id, principal.Identity.Name ?? id, role, organisation, kind, service, principal.FindFirstValue(WorkPlanClaims.FullName),
            principal.FindFirstValue(WorkPlanClaims.Position));
    }
}
