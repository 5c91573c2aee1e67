using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace WorkPlan.Web.Authorization;

/// <summary>Logs every request that authorization turns away, as a structured event, then answers as usual.</summary>
public sealed class LoggingAuthorizationResultHandler(ILogger<LoggingAuthorizationResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden)
        {
            logger.LogWarning(
                "Access denied: {Method} {Path} for user {UserName}",
                context.Request.Method, context.Request.Path.Value, context.User.Identity?.Name);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
