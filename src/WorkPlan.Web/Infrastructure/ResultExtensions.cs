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
