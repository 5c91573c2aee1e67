using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// Every refused access as one structured security event (category <see cref="Category"/>, event
/// <see cref="RefusedEvent"/>): who (user, organisation), what (method, path) and the outcome. A record of another
/// organisation answers 404 like a missing one, since the services look everything up through the user's reach and
/// cannot tell the two apart without a second query: the outcome says "NotFound" for both, "Forbidden" for a
/// step or page the user's role may not take. Only a log line is written, never the database.
/// </summary>
public static class AccessRefusals
{
    public const string Category = "WorkPlan.Security";

    public static readonly EventId RefusedEvent = new(4030, "AccessRefused");

    public const string NotFound = "NotFound";

    public const string Forbidden = "Forbidden";

    public static void Log(HttpContext http, string outcome)
    {
        ArgumentNullException.ThrowIfNull(http);
        var user = HttpCurrentUser.FromPrincipal(http.User);
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        logger.LogWarning(
            RefusedEvent,
            "Security: access refused ({Outcome}): {Method} {Path} for user {UserName} ({UserId}) of organisation {OrganisationId}",
            outcome, http.Request.Method, http.Request.Path.Value, user?.UserName ?? http.User.Identity?.Name, user?.UserId, user?.OrganisationId);
    }
}

/// <summary>
/// Logs each action's 404 and 403 answer (a controller's NotFound() or Forbid(), or a refused use case's Result), in
/// one place for every controller. The status pages themselves are left out: they only show what was already logged.
/// </summary>
public sealed class AccessRefusalFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = context.Result switch
        {
            ForbidResult => AccessRefusals.Forbidden,
            IStatusCodeActionResult { StatusCode: StatusCodes.Status403Forbidden } => AccessRefusals.Forbidden,
            IStatusCodeActionResult { StatusCode: StatusCodes.Status404NotFound } => AccessRefusals.NotFound,
            _ => null,
        };
        if (outcome is not null)
        {
            AccessRefusals.Log(context.HttpContext, outcome);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
