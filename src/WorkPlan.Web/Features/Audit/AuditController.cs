using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WorkPlan.Core.Auditing;
using WorkPlan.Web.Authorization;

namespace WorkPlan.Web.Features.Audit;

/// <summary>The audit log of the administrator's branch: who changed what, when, before and after.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class AuditController(AuditQueryService audit) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(string? entityType, string? entityId, int page = 1, CancellationToken cancellationToken = default) =>
        View(new AuditViewModel(await audit.ListAsync(entityType, entityId, page, cancellationToken), entityType, entityId));
}

public sealed record AuditViewModel(Core.Common.PagedList<AuditLine> Entries, string? EntityType, string? EntityId);
