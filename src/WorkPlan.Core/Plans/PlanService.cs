using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Plans;

/// <summary>Use cases that read plans; every query sees only the plans visible to the current user.</summary>
public sealed class PlanService(IAppDbContext db, ICurrentUser currentUser)
{
    private IQueryable<Plan> VisiblePlans => db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(currentUser.Required));

    /// <summary>Plans, newest year first, then by centre.</summary>
    public async Task<IReadOnlyList<PlanSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        await VisiblePlans
            .OrderByDescending(p => p.Year).ThenBy(p => p.Organisation!.Name)
            .Select(p => new PlanSummary(p.Id, p.Organisation!.Name, p.Year, p.Title, p.Status, p.Indicators.Count))
            .ToListAsync(cancellationToken);

    /// <summary>The plan document: three queries whatever the plan's size (header, sections, rows).</summary>
    public async Task<Result<PlanDocument>> GetDocumentAsync(int planId, CancellationToken cancellationToken = default)
    {
        var header = await VisiblePlans
            .Where(p => p.Id == planId)
            .Select(p => new
            {
                p.Id,
                p.Year,
                p.Title,
                p.Status,
                OrganisationName = p.Organisation!.Name,
                p.Agreement,
                p.Approval,
                p.VersionNumber,
                ServiceCount = p.Organisation.Services.Count,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return Result<PlanDocument>.NotFound();
        }

        var sections = await db.Sections.AsNoTracking()
            .Where(s => s.PlanId == planId)
            .OrderBy(s => s.SortOrder)
            .Select(s => new { s.Id, s.Label, s.Title })
            .ToListAsync(cancellationToken);

        var rows = await db.Indicators.AsNoTracking()
            .Where(i => i.PlanId == planId)
            .OrderBy(i => i.SortOrder)
            .Select(i => new
            {
                i.Id,
                i.SectionId,
                i.ParentId,
                i.Number,
                i.Name,
                i.Unit,
                i.Measure,
                i.PreviousFact,
                i.Target,
                i.Mechanism,
                i.Deadline,
                Services = i.ResponsibleServices.OrderBy(r => r.Position).Select(r => r.Service!.Name).ToList(),
            })
            .ToListAsync(cancellationToken);

        var documentRows = rows.Select((r, index) => (r.SectionId, Row: new PlanDocumentRow(
            r.Id,
            r.Number,
            r.Name,
            r.Unit,
            r.Measure,
            r.PreviousFact,
            r.Target,
            r.Mechanism,
            r.Deadline,
            r.Services,
            AllServices: r.Services.Count > 1 && r.Services.Count == header.ServiceCount,
            IsSubRow: r.ParentId is not null,
            FirstSubRow: r.ParentId is not null && (index == 0 || rows[index - 1].ParentId != r.ParentId)))).ToList();
        var documentSections = sections
            .Select(section => new PlanDocumentSection(
                section.Label, section.Title, [.. documentRows.Where(r => r.SectionId == section.Id).Select(r => r.Row)]))
            .ToList();

        return Result<PlanDocument>.Ok(new PlanDocument(
            header.Id, header.Year, header.Title, header.Status, header.OrganisationName, header.Agreement, header.Approval, documentSections, header.VersionNumber));
    }
}
