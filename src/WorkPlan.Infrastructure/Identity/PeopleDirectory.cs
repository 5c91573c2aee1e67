using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;
using WorkPlan.Infrastructure.Data;

namespace WorkPlan.Infrastructure.Identity;

internal sealed class PeopleDirectory(AppDbContext db) : IPeopleDirectory
{
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
