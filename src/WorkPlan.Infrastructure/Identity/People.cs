using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.Infrastructure.Identity;

/// <summary>People from the identity store: one query for all the ids a page needs.</summary>
public sealed class People(AppDbContext db) : IPeople
{
    public async Task<IReadOnlyDictionary<string, Person>> FindAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, Person>(StringComparer.Ordinal);
        }

        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName, u.FullName, u.Role })
            .ToListAsync(cancellationToken);
        return users.ToDictionary(
            u => u.Id,
            u => new Person(string.IsNullOrWhiteSpace(u.FullName) ? u.UserName ?? u.Id : u.FullName, u.Role),
            StringComparer.Ordinal);
    }
}
