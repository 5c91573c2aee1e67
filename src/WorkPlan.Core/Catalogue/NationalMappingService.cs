using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Auditing;
using WorkPlan.Core.Common;

namespace WorkPlan.Core.Catalogue;

/// <summary>
/// A region mapping its catalogue's codes to the national ones, so that the indicators every region reports add up
/// nationally (an indicator left without a national code stays the region's own). Kept by the regional centre's
/// director and methodologist; read by the National Library, region by region.
/// </summary>
public sealed class NationalMappingService(IAppDbContext db, ICurrentUser currentUser, AuditLog audit)
{
    /// <summary>A region's catalogue with its national codes, the suggestions for each indicator not mapped yet, and the published national set.</summary>
    public async Task<Result<NationalMappingPage>> GetAsync(int? regionId, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        if (await RegionScope.VisibleRegionAsync(db, user, regionId, cancellationToken) is not { } region)
        {
            return Result<NationalMappingPage>.NotFound();
        }

        var regions = await db.Organisations.AsNoTracking().Where(AccessRules.RegionsVisibleTo(user)).OrderBy(o => o.Name)
            .Select(o => new RegionChoice(o.Id, o.Name)).ToListAsync(cancellationToken);
        var national = await NationalMapping.IndicatorsAsync(db, cancellationToken);
        var rows = await db.TemplateIndicators.AsNoTracking().Where(i => i.Template!.RegionId == region.Id).OrderBy(i => i.SortOrder)
            .Select(i => new { i.Id, i.Code, i.Number, i.Name, IsSubRow = i.ParentId != null, i.Rollup, i.Measure, i.NationalCode, i.Version })
            .ToListAsync(cancellationToken);
        var taken = rows.Where(r => r.NationalCode is not null).Select(r => r.NationalCode!).ToHashSet(StringComparer.Ordinal);
        var lines = rows.Select(r =>
        {
            // Only a national indicator counted the same way, and not yet taken by another of the region's, is offered.
            var candidates = national.Where(n => n.Rollup == r.Rollup && n.Measure == r.Measure && !taken.Contains(n.Code)).Select(n => (n.Code, n.Number, n.Name));
            var suggestions = r.NationalCode is null ? NationalSuggestions.For(r.Number, r.Name, candidates) : [];
            return new NationalMappingLine(r.Id, r.Code, r.Number, r.Name, r.IsSubRow, r.Rollup, r.Measure, r.NationalCode, suggestions, r.Version);
        }).ToList();
        return Result<NationalMappingPage>.Ok(new NationalMappingPage(
            region.Id, region.Name, national.Count > 0 && AccessRules.CanManageTemplate(user, region.Id), regions, lines, national));
    }

    /// <summary>
    /// Saves the user's region's mapping in one transaction: every national code published and counted the same way as
    /// the regional indicator (roll-up kind and measure), each taken by at most one of the region's indicators (else the
    /// region's figure would count twice); an indicator changed meanwhile is a conflict. Errors name the indicator's
    /// field ("Code-{id}"), and nothing is saved.
    /// </summary>
    public Task<Result> SaveAsync(IReadOnlyList<NationalMappingCell> cells, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(ct => SaveInTransactionAsync(cells, ct), cancellationToken);

    /// <summary>The form field an indicator's national code is posted in, and its errors are shown beside.</summary>
    public static string FieldOf(int indicatorId) => $"Code-{indicatorId}";

    private async Task<Result> SaveInTransactionAsync(IReadOnlyList<NationalMappingCell> cells, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var user = currentUser.Required;
        var regionId = user.OrganisationId;
        if (!AccessRules.CanManageTemplate(user, regionId))
        {
            return AccessRules.ReadsNationalCatalogue(user) ? Result.Forbidden() : Result.NotFound();
        }

        var national = await db.NationalIndicators.AsNoTracking()
            .Select(n => new { n.Code, n.Rollup, n.Measure, Published = n.PublishedAt != null })
            .ToDictionaryAsync(n => n.Code, StringComparer.Ordinal, cancellationToken);
        var indicators = await db.TemplateIndicators.Where(i => i.Template!.RegionId == regionId).ToDictionaryAsync(i => i.Id, cancellationToken);
        var errors = new List<ValidationError>();
        var chosen = new Dictionary<int, string?>();
        foreach (var cell in cells)
        {
            if (!indicators.TryGetValue(cell.IndicatorId, out var indicator))
            {
                return Result.NotFound();
            }

            var code = string.IsNullOrWhiteSpace(cell.NationalCode) ? null : cell.NationalCode.Trim().ToUpperInvariant();
            var field = FieldOf(indicator.Id);
            if (code is not null && !national.ContainsKey(code))
            {
                // Never echo a long or hostile value back whole.
                var shown = code.Length > TemplateRules.CodeMaxLength ? code[..TemplateRules.CodeMaxLength] + "…" : code;
                errors.Add(new ValidationError(field, NationalCatalogueMessages.UnknownCode, shown));
                continue;
            }

            if (code is not null && !national[code].Published)
            {
                errors.Add(new ValidationError(field, NationalCatalogueMessages.NotPublished, code));
                continue;
            }

            if (code is not null && (national[code].Rollup != indicator.Rollup || national[code].Measure != indicator.Measure))
            {
                errors.Add(new ValidationError(field, NationalCatalogueMessages.KindMismatch, code));
                continue;
            }

            // A change over a form read before someone else's change to the indicator is a conflict; a change made while
            // this one saves is caught by the row version the indicator was read with.
            if (code != indicator.NationalCode && indicator.Version != cell.Version)
            {
                return Result.Conflict();
            }

            chosen[indicator.Id] = code;
        }

        var final = indicators.Values.Select(i => (i.Id, Code: chosen.TryGetValue(i.Id, out var c) ? c : i.NationalCode));
        foreach (var twice in final.Where(f => f.Code is not null).GroupBy(f => f.Code!).Where(g => g.Count() > 1))
        {
            var codes = string.Join(", ", twice.Select(t => indicators[t.Id].Code));
            errors.AddRange(twice.Select(t => new ValidationError(FieldOf(t.Id), NationalCatalogueMessages.CodeTwice, twice.Key, codes)));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var changed = chosen.Where(c => c.Value != indicators[c.Key].NationalCode).ToList();
        if (changed.Count == 0)
        {
            return Result.Ok();
        }

        audit.Record(AuditAction.NationalCatalogueMapped, NationalCatalogueService.Entity, regionId, regionId, null,
            changed.Select(c => new { indicators[c.Key].Code, From = indicators[c.Key].NationalCode, To = c.Value }).ToList());
        try
        {
            // Two steps, so that indicators may swap national codes without meeting the one-per-region index half-way.
            foreach (var (id, _) in changed)
            {
                indicators[id].MapToNational(null);
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var (id, code) in changed)
            {
                indicators[id].MapToNational(code);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
        catch (DbUpdateException exception) when (SaveFailures.IsConflict(exception))
        {
            return Result.Conflict();
        }
    }
}
