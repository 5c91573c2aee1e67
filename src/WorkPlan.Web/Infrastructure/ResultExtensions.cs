using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Common;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// The one mapping of a use case's outcome onto an HTTP answer, with one policy for every controller: a record out of
/// the user's reach is 404 (Core answers NotFound for it, so its existence is not revealed), a step the user may not
/// take on a record they read is 403, an invalid form or a conflict is said to the user (next to the form's fields, or
/// as a notice after a redirect), and success leads on with a notice. The status-code pages show the friendly page.
/// </summary>
public static class ResultExtensions
{
    /// <summary>The 404 of a record out of reach or the 403 of a step not allowed; null for any other outcome.</summary>
    public static IActionResult? Refusal(this Result result, ControllerBase controller)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(controller);
        // A refused record or step is logged as a security event by AccessRefusalFilter, like every 404 and 403 of an action.
        return result.Status switch
        {
            ResultStatus.NotFound => controller.NotFound(),
            ResultStatus.Forbidden => controller.Forbid(),
            _ => null,
        };
    }

    /// <summary>The answer to an outcome that is not Ok where no form is shown again: a refusal as <see cref="Refusal"/>, else 409 or 400.</summary>
    public static IActionResult Failure(this Result result, ControllerBase controller) =>
        result.Refusal(controller) ?? (result.Status == ResultStatus.Conflict ? controller.Conflict() : controller.BadRequest());

    /// <summary>A page or file: <paramref name="ok"/> with the value; any other outcome as <see cref="Failure"/>.</summary>
    public static IActionResult ToActionResult<T>(this Result<T> result, ControllerBase controller, Func<T, IActionResult> ok)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ok);
        return result.IsOk ? ok(result.Value) : result.Failure(controller);
    }

    /// <summary>
    /// After a POST that changes state: a notice saying what happened (or why not) and a redirect back; a refusal as
    /// <see cref="Refusal"/>.
    /// </summary>
    public static IActionResult AfterStep(this Result result, Controller controller, IStringLocalizer localizer, string doneKey, Func<IActionResult> back)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(back);
        if (result.Refusal(controller) is { } refused)
        {
            return refused;
        }

        if (result.IsOk)
        {
            controller.TempData["Message"] = localizer[doneKey].Value;
        }
        else
        {
            controller.TempData["Error"] = result.Status == ResultStatus.Conflict
                ? localizer["Error.409.Text"].Value
                : string.Join(" ", result.Errors.Select(e =>
                    string.IsNullOrEmpty(e.Field) || e.Field == "Reason" ? e.Localize(localizer) : $"{e.Field}: {e.Localize(localizer)}"));
        }

        return back();
    }

    /// <summary>
    /// After a POST that creates a plan: a notice and the new plan's page; the reason and a way back when it could
    /// not be made; a refusal as <see cref="Refusal"/>.
    /// </summary>
    public static IActionResult AfterCreatingPlan(this Result<int> result, Controller controller, IStringLocalizer localizer, string doneKey, Func<IActionResult> back)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(back);
        if (result.Refusal(controller) is { } refused)
        {
            return refused;
        }

        switch (result.Status)
        {
            case ResultStatus.Ok:
                controller.TempData["Message"] = localizer[doneKey].Value;
                return controller.RedirectToAction("Details", "Plans", new { id = result.Value });
            case ResultStatus.Conflict:
                controller.TempData["Error"] = localizer["Error.409.Text"].Value;
                return back();
            default:
                controller.TempData["Error"] = result.Errors.Localize(localizer);
                return back();
        }
    }
}
