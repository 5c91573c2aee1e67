using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Common;

namespace WorkPlan.Web.Infrastructure;

/// <summary>
/// The one skeleton of a form's POST: the use case runs only when the form is well-formed; success sets a notice
/// and leads on (post-redirect-get); a refusal answers as <see cref="ResultExtensions.Refusal"/>; an invalid form puts
/// each error next to its field and a conflict says so above the form, and then the caller shows the form again.
/// </summary>
/// <remarks>
/// Each method returns null when the form must be shown again: the caller then renders it from the input it bound,
/// so everything typed stays in its field (ModelState keeps what was posted).
/// </remarks>
public static class FormPosts
{
    /// <summary>The prefix of the form's fields in the page's model (<c>Input.Name</c>).</summary>
    public const string InputPrefix = "Input";

    /// <summary>What an edit form says when its record changed meanwhile (see <see cref="KeepTypedOverCurrent"/>).</summary>
    public const string ChangedMeanwhileKey = "Form.ChangedMeanwhile";

    /// <summary>
    /// After a conflict, the form shows again what the user typed, now over the record's current version: the user
    /// checks it, and saving again puts it in place of the other change knowingly (a form kept at the old version
    /// could never be saved). <paramref name="versionField"/> is the hidden field that carries the version.
    /// </summary>
    public static void KeepTypedOverCurrent(this Controller controller, string versionField)
    {
        ArgumentNullException.ThrowIfNull(controller);
        controller.ModelState.Remove(versionField);
    }

    /// <summary>A form whose use case answers a value (the new record's id, say) that <paramref name="done"/> leads on with.</summary>
    /// <param name="controller">The controller that bound the form.</param>
    /// <param name="localizer">The resources the messages come from.</param>
    /// <param name="save">The use case; it runs only when the form is well-formed.</param>
    /// <param name="done">Where success leads; it may replace the notice with its own.</param>
    /// <param name="prefix">The prefix of the fields the errors go next to; null for fields bound at the top level.</param>
    /// <param name="doneKey">The notice of success; null when <paramref name="done"/> says it itself.</param>
    /// <param name="conflictKey">What a conflict says.</param>
    /// <param name="onConflict">Runs before the form is shown again after a conflict (to show what is stored now, say).</param>
    public static Task<IActionResult?> PostFormAsync<T>(
        this Controller controller,
        IStringLocalizer localizer,
        Func<Task<Result<T>>> save,
        Func<T, IActionResult> done,
        string? prefix = InputPrefix,
        string? doneKey = "Admin.Saved",
        string conflictKey = "Error.409.Text",
        Action? onConflict = null)
    {
        ArgumentNullException.ThrowIfNull(done);
        return controller.PostFormAsync(localizer, save, value => Task.FromResult(done(value)), prefix, doneKey, conflictKey, onConflict);
    }

    /// <summary>As the other overload, for a success that needs a query of its own to answer.</summary>
    public static Task<IActionResult?> PostFormAsync<T>(
        this Controller controller,
        IStringLocalizer localizer,
        Func<Task<Result<T>>> save,
        Func<T, Task<IActionResult>> done,
        string? prefix = InputPrefix,
        string? doneKey = "Admin.Saved",
        string conflictKey = "Error.409.Text",
        Action? onConflict = null)
    {
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(done);
        return PostAsync(controller, localizer, async () => await save(), result => done(((Result<T>)result).Value), prefix, doneKey, conflictKey, onConflict);
    }

    /// <summary>A form whose use case answers no value.</summary>
    public static Task<IActionResult?> PostFormAsync(
        this Controller controller,
        IStringLocalizer localizer,
        Func<Task<Result>> save,
        Func<IActionResult> done,
        string? prefix = InputPrefix,
        string? doneKey = "Admin.Saved",
        string conflictKey = "Error.409.Text",
        Action? onConflict = null)
    {
        ArgumentNullException.ThrowIfNull(done);
        return PostAsync(controller, localizer, save, _ => Task.FromResult(done()), prefix, doneKey, conflictKey, onConflict);
    }

    private static async Task<IActionResult?> PostAsync(
        Controller controller,
        IStringLocalizer localizer,
        Func<Task<Result>> save,
        Func<Result, Task<IActionResult>> done,
        string? prefix,
        string? doneKey,
        string conflictKey,
        Action? onConflict)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(save);
        if (!controller.ModelState.IsValid)
        {
            return null;
        }

        var result = await save();
        if (result.Refusal(controller) is { } refused)
        {
            return refused;
        }

        switch (result.Status)
        {
            case ResultStatus.Ok:
                if (doneKey is not null)
                {
                    controller.TempData["Message"] = localizer[doneKey].Value;
                }

                return await done(result);
            case ResultStatus.Conflict:
                onConflict?.Invoke();
                controller.ModelState.AddModelError(string.Empty, localizer[conflictKey]);
                return null;
            default:
                controller.ModelState.AddErrors(result.Errors, localizer, prefix);
                return null;
        }
    }
}
