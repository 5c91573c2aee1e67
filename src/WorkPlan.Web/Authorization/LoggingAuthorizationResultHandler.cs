using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace WorkPlan.Web.Authorization;

/// <summary>Logs every request that authorization turns away, as a structured event, then answers as usual.</summary>
public sealed class LoggingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden)
        {
            Infrastructure.AccessRefusals.Log(context, Infrastructure.AccessRefusals.Forbidden);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
