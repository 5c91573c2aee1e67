using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Notifications;

public sealed record NotificationLine(long Id, NotificationKind Kind, IReadOnlyList<string> Arguments, string Link, DateTimeOffset CreatedAt, bool IsRead);

/// <summary>A user's email address and which emails they want.</summary>
public sealed record NotificationSettings(string? Email, bool EmailEvents, bool EmailReminders, bool EmailDigest);

/// <summary>The user's own notification settings and language, as the identity store keeps them.</summary>
public interface INotificationSettingsStore
{
    Task<NotificationSettings?> GetAsync(string userId, CancellationToken cancellationToken = default);

    Task SaveAsync(string userId, NotificationSettings settings, CancellationToken cancellationToken = default);

    Task SetLanguageAsync(string userId, string language, CancellationToken cancellationToken = default);
}

/// <summary>The signed-in user's notifications: the bell's count, the list, marking read, and their settings. Only their own.</summary>
public sealed class NotificationService(IAppDbContext db, ICurrentUser currentUser, INotificationSettingsStore settings, TimeProvider clock)
{
    public const int PageSize = 20;

    public static class Messages
    {
        public const string BadEmail = "Notifications.BadEmail";
    }

    /// <summary>The bell: one indexed count.</summary>
    public Task<int> UnreadCountAsync(CancellationToken cancellationToken = default)
    {
        var userId = currentUser.Required.UserId;
        return db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
    }

    public async Task<PagedList<NotificationLine>> ListAsync(int page, CancellationToken cancellationToken = default)
    {
        var userId = currentUser.Required.UserId;
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var total = await mine.CountAsync(cancellationToken);
        page = PagedList<NotificationLine>.Clamp(page, total, PageSize);
        var rows = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(n => new { n.Id, n.Kind, n.Arguments, n.Link, n.CreatedAt, n.ReadAt })
            .ToListAsync(cancellationToken);
        return new PagedList<NotificationLine>(
            [.. rows.Select(n => new NotificationLine(n.Id, n.Kind, n.Arguments, n.Link, n.CreatedAt, n.ReadAt is not null))], page, PageSize, total);
    }

    /// <summary>Marks one of the user's notifications read and gives its link; another's is not found.</summary>
    public async Task<Result<string>> MarkReadAsync(long id, CancellationToken cancellationToken = default)
    {
        var userId = currentUser.Required.UserId;
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is null)
        {
            return Result<string>.NotFound();
        }

        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result<string>.Ok(notification.Link);
    }

    public Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        var userId = currentUser.Required.UserId;
        var now = clock.GetUtcNow();
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    public async Task<NotificationSettings> GetSettingsAsync(CancellationToken cancellationToken = default) =>
        await settings.GetAsync(currentUser.Required.UserId, cancellationToken) ?? new NotificationSettings(null, true, true, true);

    public async Task<Result> SaveSettingsAsync(NotificationSettings input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        if (email is not null && !IsEmail(email))
        {
            return Result.Invalid([new ValidationError("Email", Messages.BadEmail)]);
        }

        await settings.SaveAsync(currentUser.Required.UserId, input with { Email = email }, cancellationToken);
        return Result.Ok();
    }

    /// <summary>Remembers the language a signed-in user chose, for the emails written to them.</summary>
    public Task RememberLanguageAsync(string language, CancellationToken cancellationToken = default) =>
        currentUser.User is { } user ? settings.SetLanguageAsync(user.UserId, language, cancellationToken) : Task.CompletedTask;

    public static bool IsEmail(string text) =>
        text.Length <= 256 && MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal);
}
