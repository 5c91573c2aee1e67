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

    public async Task<IReadOnlyDictionary<int, IReadOnlyList<Person>>> ServiceHeadsAsync(IEnumerable<int> serviceIds, CancellationToken cancellationToken = default)
    {
        var ids = serviceIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<Person>>();
        }

        var heads = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Role == Roles.ServiceHead && u.ServiceId != null && ids.Contains(u.ServiceId.Value))
            .OrderBy(u => u.FullName)
            .Select(u => new { ServiceId = u.ServiceId!.Value, u.UserName, u.FullName, u.Role })
            .ToListAsync(cancellationToken);
        return heads.GroupBy(u => u.ServiceId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<Person>)[.. g.Select(u => new Person(string.IsNullOrWhiteSpace(u.FullName) ? u.UserName ?? string.Empty : u.FullName, u.Role))]);
    }

    public async Task<string?> InspectorOfAsync(int organisationId, CancellationToken cancellationToken = default)
    {
        var inspector = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && u.Role == Roles.Inspector && u.IsActive)
            .OrderBy(u => u.FullName).ThenBy(u => u.UserName)
            .Select(u => new { u.FullName, u.UserName })
            .FirstOrDefaultAsync(cancellationToken);
        return inspector is null ? null : string.IsNullOrWhiteSpace(inspector.FullName) ? inspector.UserName : inspector.FullName;
    }

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> userNames, CancellationToken cancellationToken = default)
    {
        var wanted = userNames.Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal).ToList();
        var found = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.UserName!))
            .Select(u => new { UserName = u.UserName!, u.FullName }).ToListAsync(cancellationToken);
        var names = found.ToDictionary(u => u.UserName, u => string.IsNullOrWhiteSpace(u.FullName) ? u.UserName : u.FullName, StringComparer.Ordinal);
        foreach (var name in wanted)
        {
            names.TryAdd(name, name);
        }

        return names;
    }
}
