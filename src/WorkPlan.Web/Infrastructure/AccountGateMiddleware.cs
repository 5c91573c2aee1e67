using WorkPlan.Core.Access;
using WorkPlan.Infrastructure.Identity;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// Keeps a signed-in user on the account pages until the account is in order: a password chosen by an
/// administrator must be changed, and an account that must use a second factor (<see cref="SecondFactorRules"/>)
/// must set up an authenticator.
/// </summary>
public sealed class AccountGateMiddleware(RequestDelegate next, SecondFactorPolicy secondFactor)
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

        if (secondFactor.MustSetUpFor(user))
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
