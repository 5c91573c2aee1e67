using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Notifications;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Notifications;

/// <summary>The signed-in user's own notifications (the bell's list) and their notification settings. Nobody sees another's.</summary>
public sealed class NotificationsController(NotificationService notifications, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default) =>
        View(await notifications.ListAsync(page, cancellationToken));

    /// <summary>Marks one read and goes to the page where the work is.</summary>
    [HttpPost]
    public async Task<IActionResult> Open(long id, CancellationToken cancellationToken)
    {
        var result = await notifications.MarkReadAsync(id, cancellationToken);
        return result.IsOk ? LocalRedirect(Url.IsLocalUrl(result.Value) ? result.Value : "/") : NotFound();
    }

    [HttpPost]
    public async Task<IActionResult> ReadAll(CancellationToken cancellationToken)
    {
        await notifications.MarkAllReadAsync(cancellationToken);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    public async Task<IActionResult> Settings(CancellationToken cancellationToken) =>
        View(SettingsInput.From(await notifications.GetSettingsAsync(cancellationToken)));

    [HttpPost]
    public async Task<IActionResult> Settings(SettingsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (ModelState.IsValid)
        {
            var result = await notifications.SaveSettingsAsync(new NotificationSettings(input.Email, input.EmailEvents, input.EmailReminders, input.EmailDigest), cancellationToken);
            if (result.IsOk)
            {
                TempData["Message"] = localizer["Notifications.SettingsSaved"].Value;
                return RedirectToAction(nameof(Settings));
            }

            ModelState.AddErrors(result.Errors, localizer);
        }

        return View(input);
    }
}

public sealed class SettingsInput
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Notifications.Email")]
    [System.ComponentModel.DataAnnotations.StringLength(Core.Common.FieldLimits.Email, ErrorMessage = "Validation.TooLong")]
    public string? Email { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Notifications.EmailEvents")]
    public bool EmailEvents { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Notifications.EmailReminders")]
    public bool EmailReminders { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Notifications.EmailDigest")]
    public bool EmailDigest { get; set; }

    public static SettingsInput From(NotificationSettings settings) => new()
    {
        Email = settings.Email, EmailEvents = settings.EmailEvents, EmailReminders = settings.EmailReminders, EmailDigest = settings.EmailDigest,
    };
}
