namespace WorkPlan.Core.Notifications;

/// <summary>An email as a channel sends it.</summary>
public sealed record OutgoingEmail(string To, string Subject, string Body);

/// <summary>A way out for notifications (email today; a messenger such as Telegram can be added by configuration).</summary>
public interface IEmailChannel
{
    /// <summary>False when the channel is not configured: nothing is sent and the outbox waits.</summary>
    bool IsEnabled { get; }

    /// <summary>Sends one message; throws when the server refuses it or cannot be reached.</summary>
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default);
}

/// <summary>A notification's subject and text in a language ("uz", "ru", "en"), from the app's resources.</summary>
public interface INotificationText
{
    (string Subject, string Body) Render(NotificationKind kind, IReadOnlyList<string> arguments, string link, string language);
}
