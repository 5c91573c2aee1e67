using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Notifications;

/// <summary>One thing to tell one user: the events and, later, the calendar's reminders call <see cref="INotifier"/> with these.</summary>
public sealed record NotificationRequest(string UserId, NotificationKind Kind, string Key, IReadOnlyList<string> Arguments, string Link);

/// <summary>Records notifications (in the app, and in the email outbox for those who want them), inside the caller's transaction.</summary>
public interface INotifier
{
    /// <summary>Records each request once: a (recipient, key) already recorded is skipped.</summary>
    Task NotifyAsync(IReadOnlyList<NotificationRequest> requests, CancellationToken cancellationToken = default);
}

/// <summary>A user who may be told something, with how they want to be reached.</summary>
public sealed record NotificationContact(string UserId, string? Email, string? Language, bool EmailEvents, bool EmailReminders, bool EmailDigest);

/// <summary>Who is told: the active users of one organisation holding one of the roles (a service head: of one of the services, when given).</summary>
public sealed record Audience(int OrganisationId, IReadOnlyList<string> Roles, IReadOnlyList<int>? ServiceIds = null);

/// <summary>The users behind audiences and their contact preferences, from the identity store.</summary>
public interface INotificationRecipients
{
    Task<IReadOnlyList<string>> UsersAsync(IReadOnlyList<Audience> audiences, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<NotificationContact>> ContactsAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken = default);
}

public sealed class Notifier(IAppDbContext db, INotificationRecipients recipients, TimeProvider clock) : INotifier
{
    /// <summary>The language of an email to a user who never chose one.</summary>
    public const string DefaultLanguage = "uz";

    public async Task NotifyAsync(IReadOnlyList<NotificationRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var wanted = requests.DistinctBy(r => (r.UserId, r.Key)).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var userIds = wanted.Select(r => r.UserId).Distinct(StringComparer.Ordinal).ToList();
        var keys = wanted.Select(r => r.Key).Distinct(StringComparer.Ordinal).ToList();
        var recorded = (await db.Notifications.AsNoTracking().Where(n => userIds.Contains(n.UserId) && keys.Contains(n.Key))
            .Select(n => new { n.UserId, n.Key }).ToListAsync(cancellationToken)).Select(n => (n.UserId, n.Key)).ToHashSet();
        var fresh = wanted.Where(r => !recorded.Contains((r.UserId, r.Key))).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        var contacts = (await recipients.ContactsAsync(userIds, cancellationToken)).ToDictionary(c => c.UserId, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var notifications = fresh.Select(r => (Request: r, Row: new Notification(r.UserId, r.Kind, r.Key, r.Arguments, r.Link, now))).ToList();
        db.Notifications.AddRange(notifications.Select(n => n.Row));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (request, row) in notifications)
        {
            if (contacts.TryGetValue(request.UserId, out var contact) && WantsEmail(contact, request.Kind))
            {
                db.EmailMessages.Add(new EmailMessage(row.Id, contact.Email!, contact.Language ?? DefaultLanguage, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An email goes only to an address that is set, and only for what its owner wants by email (events for now).</summary>
    public static bool WantsEmail(NotificationContact contact, NotificationKind kind)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return !string.IsNullOrWhiteSpace(contact.Email) && contact.EmailEvents;
    }
}

/// <summary>Raises an event: the rule's audiences, less the actor, each told once.</summary>
public sealed class EventNotifications(INotifier notifier, INotificationRecipients recipients)
{
    public async Task RaiseAsync(
        CurrentUser actor,
        NotificationKind kind,
        IReadOnlyList<Audience> audiences,
        string key,
        IReadOnlyList<string> arguments,
        string link,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (audiences.Count == 0)
        {
            return;
        }

        var users = await recipients.UsersAsync(audiences, cancellationToken);
        var requests = users.Where(u => !string.Equals(u, actor.UserId, StringComparison.Ordinal))
            .Select(u => new NotificationRequest(u, kind, key, arguments, link)).ToList();
        await notifier.NotifyAsync(requests, cancellationToken);
    }
}
