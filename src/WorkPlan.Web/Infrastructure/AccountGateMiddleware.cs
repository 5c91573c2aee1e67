using Microsoft.Extensions.Options;
using WorkPlan.Infrastructure.Identity;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// Keeps a signed-in user on the account pages until the account is in order: a password chosen by an
/// administrator must be changed, and roles that require two-factor sign-in must set up an authenticator.
/// </summary>
public sealed class AccountGateMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || IsAlwaysAllowed(context.Request.Path))
        {
            return next(context);
        }

        if (user.HasClaim(WorkPlanClaims.MustChangePassword, "true"))
        {
            context.Response.Redirect("/Account/ChangePassword");
            return Task.CompletedTask;
        }

        var requiresSecondFactor = options.Value.EffectiveTwoFactorRoles.Any(user.IsInRole)
            && !user.HasClaim(WorkPlanClaims.TwoFactorEnabled, "true")
            && !user.HasClaim(WorkPlanClaims.Demo, "true");
        if (requiresSecondFactor)
        {
            context.Response.Redirect("/Account/EnableAuthenticator");
            return Task.CompletedTask;
        }

        return next(context);
    }

    private static bool IsAlwaysAllowed(PathString path) =>
        path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/Language", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/Error", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase);
}
