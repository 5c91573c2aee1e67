using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Notifications;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.Infrastructure.Identity;

/// <summary>The active users behind a rule's audiences, and how they want to be reached: one query each.</summary>
public sealed class NotificationRecipients(AppDbContext db) : INotificationRecipients
{
    public async Task<IReadOnlyList<string>> UsersAsync(IReadOnlyList<Audience> audiences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audiences);
        var organisations = audiences.Select(a => a.OrganisationId).Distinct().ToList();
        var candidates = await db.Users.AsNoTracking().Where(u => u.IsActive && organisations.Contains(u.OrganisationId))
            .Select(u => new { u.Id, u.OrganisationId, u.Role, u.ServiceId }).ToListAsync(cancellationToken);
        return
        [
            .. candidates.Where(u => audiences.Any(a => a.OrganisationId == u.OrganisationId && a.Roles.Contains(u.Role)
                    && (a.ServiceIds is null || (u.ServiceId is { } s && a.ServiceIds.Contains(s)))))
                .Select(u => u.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal),
        ];
    }

    public async Task<IReadOnlyList<NotificationContact>> ContactsAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        return await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new NotificationContact(u.Id, u.Email, u.Language, u.EmailEvents, u.EmailReminders, u.EmailDigest))
            .ToListAsync(cancellationToken);
    }
}
