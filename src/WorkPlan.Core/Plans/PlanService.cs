using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Plans;

/// <summary>Use cases that read plans.</summary>
public sealed class PlanService(IAppDbContext db)
{
    /// <summary>Plans, newest year first, then by centre.</summary>
    public async Task<IReadOnlyList<PlanSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Plans.AsNoTracking()
            .OrderByDescending(p => p.Year).ThenBy(p => p.Organisation!.Name)
            .Select(p => new PlanSummary(p.Id, p.Organisation!.Name, p.Year, p.Title, p.Status, p.Indicators.Count))
            .ToListAsync(cancellationToken);

    /// <summary>The plan document: three queries whatever the plan's size (header, sections, rows).</summary>
    public async Task<Result<PlanDocument>> GetDocumentAsync(int planId, CancellationToken cancellationToken = default)
    {
        var header = await db.Plans.AsNoTracking()
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
                Services = i.Services.OrderBy(s => s.SortOrder).Select(s => s.Name).ToList(),
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
            header.Id, header.Year, header.Title, header.Status, header.OrganisationName, header.Agreement, header.Approval, documentSections));
    }
}
