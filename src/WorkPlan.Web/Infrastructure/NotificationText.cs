using Microsoft.Extensions.Localization;
using WorkPlan.Core.Notifications;

namespace WorkPlan.Web.Infrastructure;

/// <summary>A notification's email in the recipient's language, from the same resources as the app's list.</summary>
public sealed class NotificationText(IStringLocalizer<SharedResource> localizer) : INotificationText
{
    public (string Subject, string Body) Render(NotificationKind kind, IReadOnlyList<string> arguments, string link, string language)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        using var culture = DocumentCulture.Use(language);
        var text = localizer[$"Notification.{kind}", [.. arguments]].Value;
        return (localizer["Notifications.EmailSubject"].Value, $"{text}\n\n{link}");
    }
}
