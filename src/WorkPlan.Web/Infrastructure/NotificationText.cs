using System.Globalization;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Notifications;

namespace WorkPlan.Web.Infrastructure;

/// <summary>A notification's email in the recipient's language, from the same resources as the app's list.</summary>
public sealed class NotificationText(IStringLocalizer<SharedResource> localizer) : INotificationText
{
    public (string Subject, string Body) Render(NotificationKind kind, IReadOnlyList<string> arguments, string link, string language)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var culture = Cultures.All.FirstOrDefault(c => c.TwoLetterISOLanguageName == language) ?? Cultures.All[0];
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            var text = localizer[$"Notification.{kind}", [.. arguments]].Value;
            var subject = localizer["Notifications.EmailSubject"].Value;
            return (subject, $"{text}\n\n{link}");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
