using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Auditing;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Catalogue;

/// <summary>
/// A district mapping its plan's rows to the codes of its region's published catalogue, so that its figures
/// are added up in the region's consolidation (a row left without a code stays the district's own).
/// </summary>
public sealed class CatalogueMappingService(IAppDbContext db, ICurrentUser currentUser, AuditLog audit)
{
    /// <summary>A district plan's rows with their codes, and a suggestion from the catalogue (same number, similar name) for each unmapped row.</summary>
    public async Task<Result<MappingPage>> MappingAsync(int planId, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        var plan = await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user)).Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Title, p.Year, p.OrganisationId, OrganisationName = p.Organisation!.Name, RegionId = db.Organisations.Where(o => o.Id == p.OrganisationId).Select(Organisation.RegionOrSelf).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Result<MappingPage>.NotFound();
        }

        var catalogue = await CatalogueOfAsync(plan.RegionId, cancellationToken);
        var rows = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId).OrderBy(i => i.SortOrder)
            .Select(i => new { i.Id, i.Number, i.Name, IsSubRow = i.ParentId != null, i.CatalogueCode, i.Rollup, i.Measure, i.Version })
            .ToListAsync(cancellationToken);
        var taken = rows.Where(r => r.CatalogueCode is not null).Select(r => r.CatalogueCode!).ToHashSet(StringComparer.Ordinal);
        var mapped = rows.Select(r =>
        {
            // Only a code counted the same way as the row can be suggested (and saved).
            var candidates = catalogue.Where(c => c.Rollup == r.Rollup && c.Measure == r.Measure).Select(c => (c.Code, c.Number, c.Name));
            var suggested = r.CatalogueCode is null ? TemplateRules.Suggest(r.Number, r.Name, candidates, taken) : null;
            if (suggested is not null)
            {
                taken.Add(suggested);
            }

            return new MappingRow(r.Id, r.Number, r.Name, r.IsSubRow, r.CatalogueCode, suggested, r.Version);
        }).ToList();
        return Result<MappingPage>.Ok(new MappingPage(
            plan.Id, plan.Title, plan.Year, plan.OrganisationName, catalogue.Count > 0 && AccessRules.CanEditPlan(user, plan.OrganisationId), mapped, catalogue));
    }

    /// <summary>
    /// Saves a plan's mapping in one transaction: every code from the region's catalogue, counted the same
    /// way as the row (roll-up kind and measure), each at most once; a row changed meanwhile is a conflict.
    /// </summary>
    public Task<Result> SaveMappingAsync(int planId, IReadOnlyList<MappingCell> cells, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(ct => SaveMappingInTransactionAsync(planId, cells, ct), cancellationToken);

    private async Task<Result> SaveMappingInTransactionAsync(int planId, IReadOnlyList<MappingCell> cells, CancellationToken cancellationToken)
    {
        const int MaxErrors = 10;
        ArgumentNullException.ThrowIfNull(cells);
        var user = currentUser.Required;
        var plan = await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user)).Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.OrganisationId, RegionId = db.Organisations.Where(o => o.Id == p.OrganisationId).Select(Organisation.RegionOrSelf).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Result.NotFound();
        }

        if (!AccessRules.CanEditPlan(user, plan.OrganisationId))
        {
            return Result.Forbidden();
        }

        var catalogue = plan.RegionId is null
            ? []
            : await db.TemplateIndicators.AsNoTracking().Where(i => i.Template!.RegionId == plan.RegionId && i.Template.PublishedAt != null)
                .Select(i => new { i.Code, i.Rollup, i.Measure }).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, cancellationToken);
        if (catalogue.Count == 0)
        {
            return Invalid(TemplateRules.Messages.NotPublished);
        }

        var indicators = await db.Indicators.Where(i => i.PlanId == planId).ToDictionaryAsync(i => i.Id, cancellationToken);
        var errors = new List<ValidationError>();
        var chosen = new Dictionary<int, string?>();
        foreach (var cell in cells)
        {
            if (!indicators.TryGetValue(cell.IndicatorId, out var indicator))
            {
                return Result.NotFound();
            }

            var code = string.IsNullOrWhiteSpace(cell.Code) ? null : cell.Code.Trim().ToUpperInvariant();
            if (code is not null && !catalogue.ContainsKey(code))
            {
                // Never echo a long or hostile value back whole.
                var shown = code.Length > TemplateRules.CodeMaxLength ? code[..TemplateRules.CodeMaxLength] + "…" : code;
                errors.Add(new ValidationError(string.Empty, TemplateRules.Messages.UnknownCode, indicator.Number, shown));
                continue;
            }

            if (code is not null && (catalogue[code].Rollup != indicator.Rollup || catalogue[code].Measure != indicator.Measure))
            {
                errors.Add(new ValidationError(string.Empty, TemplateRules.Messages.KindMismatch, indicator.Number, code));
                continue;
            }

            // A change over a form read before someone else's change to the row is a conflict; a change made while this
            // one saves is caught by the row version the row was read with.
            if (code != indicator.CatalogueCode && indicator.Version != cell.Version)
            {
                return Result.Conflict();
            }

            chosen[cell.IndicatorId] = code;
        }

        var final = indicators.Values.ToDictionary(i => i.Id, i => chosen.TryGetValue(i.Id, out var c) ? c : i.CatalogueCode);
        foreach (var twice in final.Where(f => f.Value is not null).GroupBy(f => f.Value!).Where(g => g.Count() > 1))
        {
            errors.Add(new ValidationError(string.Empty, TemplateRules.Messages.CodeTwice, twice.Key, string.Join(", ", twice.Select(t => indicators[t.Key].Number))));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid([.. errors.Take(MaxErrors)]);
        }

        var changed = chosen.Where(c => c.Value != indicators[c.Key].CatalogueCode).ToList();
        if (changed.Count == 0)
        {
            return Result.Ok();
        }

        audit.Record(AuditAction.CatalogueMapped, "Plan", planId, plan.OrganisationId, null, changed.Select(c => new { indicators[c.Key].Number, From = indicators[c.Key].CatalogueCode, To = c.Value }).ToList());
        try
        {
            // Two steps, so that rows may swap codes without meeting the one-code-per-plan index half-way.
            foreach (var (id, _) in changed)
            {
                indicators[id].MapToCatalogue(null);
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var (id, code) in changed)
            {
                indicators[id].MapToCatalogue(code);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
        catch (DbUpdateException exception) when (SaveFailures.IsConflict(exception))
        {
            return Result.Conflict();
        }
    }

    private async Task<IReadOnlyList<CatalogueChoice>> CatalogueOfAsync(int? regionId, CancellationToken cancellationToken) =>
        regionId is null
            ? []
            : await db.TemplateIndicators.AsNoTracking().Where(i => i.Template!.RegionId == regionId && i.Template.PublishedAt != null).OrderBy(i => i.SortOrder)
                .Select(i => new CatalogueChoice(i.Code, i.Number, i.Name, i.ParentId != null, i.Rollup, i.Measure)).ToListAsync(cancellationToken);

    private static Result Invalid(string key) => Result.Invalid([new ValidationError(string.Empty, key)]);
}
