using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Auditing;

/// <summary>A line of the audit log.</summary>
public sealed record AuditLine(long Id, DateTimeOffset At, string UserName, string Action, string EntityType, string EntityId, string? OrganisationName, string? Before, string? After);

/// <summary>Reading the audit log: administrators see the entries of their branch of the organisation tree.</summary>
public sealed class AuditQueryService(IAppDbContext db, ICurrentUser currentUser)
{
    public const int PageSize = 100;

    public async Task<PagedList<AuditLine>> ListAsync(string? entityType, string? entityId, int page, CancellationToken cancellationToken = default)
    {
        var organisations = db.Organisations.Where(AccessRules.OrganisationsAdministeredBy(currentUser.Required)).Select(o => o.Id);
        var query = db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId != null && organisations.Contains(a.OrganisationId.Value));
        if (!string.IsNullOrWhiteSpace(entityType))
        {
            query = query.Where(a => a.EntityType == entityType);
        }

        if (!string.IsNullOrWhiteSpace(entityId))
        {
            query = query.Where(a => a.EntityId == entityId);
        }

        page = PagedList<AuditLine>.Clamp(page);
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new AuditLine(
                a.Id, a.At, a.UserName, a.Action, a.EntityType, a.EntityId,
                db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.ShortName).FirstOrDefault(),
                a.Before, a.After))
            .ToListAsync(cancellationToken);
        return new PagedList<AuditLine>(items, page, PageSize, total);
    }
}
