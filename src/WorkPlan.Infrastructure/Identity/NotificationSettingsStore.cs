using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Notifications;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.Infrastructure.Identity;

public sealed class NotificationSettingsStore(AppDbContext db) : INotificationSettingsStore
{
    public Task<NotificationSettings?> GetAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new NotificationSettings(u.Email, u.EmailEvents, u.EmailReminders, u.EmailDigest))
            .SingleOrDefaultAsync(cancellationToken);

    public Task SaveAsync(string userId, NotificationSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var normalized = settings.Email?.ToUpperInvariant();
        return db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(
            s => s.SetProperty(u => u.Email, settings.Email)
                .SetProperty(u => u.NormalizedEmail, normalized)
                .SetProperty(u => u.EmailEvents, settings.EmailEvents)
                .SetProperty(u => u.EmailReminders, settings.EmailReminders)
                .SetProperty(u => u.EmailDigest, settings.EmailDigest),
            cancellationToken);
    }

    public Task SetLanguageAsync(string userId, string language, CancellationToken cancellationToken = default) =>
        db.Users.Where(u => u.Id == userId && u.Language != language)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language), cancellationToken);
}
