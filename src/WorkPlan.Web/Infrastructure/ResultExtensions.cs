using Microsoft.AspNetCore.Mvc;
using WorkPlan.Core.Common;

namespace WorkPlan.Web.Infrastructure;

/// <summary>Maps a use case's outcome onto an HTTP answer; the status-code pages show the friendly page.</summary>
public static class ResultExtensions
{
    public static IActionResult ToActionResult<T>(this Result<T> result, ControllerBase controller, Func<T, IActionResult> ok)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(ok);
        if (result.Status is ResultStatus.NotFound or ResultStatus.Forbidden)
        {
            // A foreign id answers 404 like a missing one; the log tells them apart for the administrator.
            var http = controller.HttpContext;
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ResultExtensions)).LogWarning(
                "Request refused ({Outcome}): {Method} {Path} for user {UserName}",
                result.Status, http.Request.Method, http.Request.Path.Value, http.User.Identity?.Name);
        }

        return result.Status switch
        {
            ResultStatus.Ok => ok(result.Value),
            ResultStatus.NotFound => controller.NotFound(),
            ResultStatus.Forbidden => controller.Forbid(),
            ResultStatus.Conflict => controller.Conflict(),
            _ => controller.BadRequest(),
        };
    }
}
