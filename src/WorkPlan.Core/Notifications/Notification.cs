namespace WorkPlan.Core.Notifications;

/// <summary>What a notification tells; its text is <c>Notification.{Kind}</c> in the resources, filled with its arguments.</summary>
public enum NotificationKind
{
    PlanSubmitted,
    PlanAgreed,
    PlanApproved,
    PlanReturned,
    ReportSubmitted,
    ReportAccepted,
    ReportReturned,
    MonthReopened,
    ReopeningRequested,
    ImportFinished,
}

/// <summary>
/// One thing one user is told: recorded once per recipient and unique key (an event's or a reminder's), so a
/// retry or a restart never records it twice. The text is rendered in the reader's language from its kind and arguments.
/// </summary>
public sealed class Notification
{
    public Notification(string userId, NotificationKind kind, string key, IReadOnlyList<string> arguments, string link, DateTimeOffset createdAt)
    {
        UserId = userId;
        Kind = kind;
        Key = key;
        Arguments = [.. arguments];
        Link = link;
        CreatedAt = createdAt;
    }

    private Notification()
    {
    }

    public long Id { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public NotificationKind Kind { get; private set; }

    /// <summary>The event's or reminder's identity (e.g. "plan-event:42"): unique per recipient.</summary>
    public string Key { get; private set; } = string.Empty;

    /// <summary>The values the kind's text is filled with ({0}, {1}, …), as text.</summary>
    public string[] Arguments { get; private set; } = [];

    /// <summary>The app-relative address of the page where the work is.</summary>
    public string Link { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}

public enum EmailStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// The outbox: one row per notification its recipient wants by email, picked up by the delivery service,
/// retried with back-off (<see cref="EmailRetry"/>), failed after the last attempt for administrators to see.
/// </summary>
public sealed class EmailMessage
{
    public EmailMessage(long notificationId, string toAddress, string language, DateTimeOffset createdAt)
    {
        NotificationId = notificationId;
        ToAddress = toAddress;
        Language = language;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    private EmailMessage()
    {
    }

    public long Id { get; private set; }

    public long NotificationId { get; private set; }

    public Notification? Notification { get; private set; }

    public string ToAddress { get; private set; } = string.Empty;

    /// <summary>The recipient's language when it was recorded: the email is written in it.</summary>
    public string Language { get; private set; } = string.Empty;

    public EmailStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public void Sent(DateTimeOffset at)
    {
        Attempts++;
        Status = EmailStatus.Sent;
        SentAt = at;
        LastError = null;
    }

    public void Failed(string error, DateTimeOffset at)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        if (EmailRetry.After(Attempts) is { } wait)
        {
            NextAttemptAt = at + wait;
        }
        else
        {
            Status = EmailStatus.Failed;
        }
    }
}

/// <summary>The back-off between attempts at one email: 1, 5, 30 minutes, 2 hours, then it has failed.</summary>
public static class EmailRetry
{
    private static readonly TimeSpan[] Waits = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    /// <summary>The wait after this many failed attempts, or null when no attempt is left.</summary>
    public static TimeSpan? After(int failedAttempts) =>
        failedAttempts >= 1 && failedAttempts <= Waits.Length ? Waits[failedAttempts - 1] : null;
}
