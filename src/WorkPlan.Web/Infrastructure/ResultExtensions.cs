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
        // A refused record or step is logged as a security event by AccessRefusalFilter, like every 404 and 403 of an action.
        return result.Status switch
        {
            ResultStatus.Ok => ok(result.Value),
            ResultStatus.NotFound => controller.NotFound(),
            ResultStatus.Forbidden => controller.Forbid(),
            ResultStatus.Conflict => controller.Conflict(),
            _ => controller.BadRequest(),
        };
    }

    /// <summary>
    /// After a POST that changes state: a notice saying what happened (or why not) and a redirect back;
    /// a record out of reach answers 404, a step the user may not take 403.
    /// </summary>
    public static IActionResult AfterStep(
        this Result result, Controller controller, Microsoft.Extensions.Localization.IStringLocalizer localizer, string doneKey, Func<IActionResult> back)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(back);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                controller.TempData["Message"] = localizer[doneKey].Value;
                break;
            case ResultStatus.NotFound:
                return controller.NotFound();
            case ResultStatus.Forbidden:
                return controller.Forbid();
            case ResultStatus.Conflict:
                controller.TempData["Error"] = localizer["Error.409.Text"].Value;
                break;
            default:
                controller.TempData["Error"] = string.Join(" ", result.Errors.Select(e =>
                    string.IsNullOrEmpty(e.Field) || e.Field == "Reason" ? e.Localize(localizer) : $"{e.Field}: {e.Localize(localizer)}"));
                break;
        }

        return back();
    }

    /// <summary>
    /// After a POST that creates a plan: a notice and the new plan's page; the reason and a way back when it
    /// could not be made; 404 for a record out of reach, 403 for a step the user may not take.
    /// </summary>
    public static IActionResult AfterCreatingPlan(
        this Result<int> result, Controller controller, Microsoft.Extensions.Localization.IStringLocalizer localizer, string doneKey, Func<IActionResult> back)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(back);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                controller.TempData["Message"] = localizer[doneKey].Value;
                return controller.RedirectToAction("Details", "Plans", new { id = result.Value });
            case ResultStatus.Invalid:
                controller.TempData["Error"] = result.Errors.Localize(localizer);
                return back();
            case ResultStatus.Forbidden:
                return controller.Forbid();
            default:
                return controller.NotFound();
        }
    }
}
