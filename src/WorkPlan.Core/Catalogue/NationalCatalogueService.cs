using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Auditing;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Catalogue;

/// <summary>
/// The national indicator catalogue, kept by the National Library's director and methodologist and read by regional and
/// national staff: started from a region's published template, edited, published (codes frozen from then on). The
/// regions map their catalogues to it in <see cref="NationalMappingService"/>.
/// </summary>
public sealed class NationalCatalogueService(IAppDbContext db, ICurrentUser currentUser, AuditLog audit, TimeProvider clock)
{
    public const string Entity = "NationalCatalogue";

    /// <summary>The national catalogue in document order, with how many regions map to each indicator.</summary>
    public async Task<Result<NationalCataloguePage>> GetAsync(CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        if (!AccessRules.ReadsNationalCatalogue(user))
        {
            return Result<NationalCataloguePage>.Forbidden();
        }

        var canEdit = AccessRules.CanManageNationalCatalogue(user);
        var catalogue = await db.NationalCatalogues.AsNoTracking().Select(c => new { c.PublishedAt, c.PublishedBy, c.Version }).FirstOrDefaultAsync(cancellationToken);
        var mapped = db.TemplateIndicators.Where(t => t.NationalCode != null);
        var rows = await db.NationalIndicators.AsNoTracking().OrderBy(n => n.SortOrder)
            .Select(n => new NationalRow(
                n.Id, n.Code, n.SectionLabel, n.SectionTitle, n.Number, n.Name, n.Unit, n.Measure, n.Rollup, n.PublishedAt != null,
                mapped.Count(t => t.NationalCode == n.Code), n.Version))
            .ToListAsync(cancellationToken);
        var sources = canEdit && rows.Count == 0
            ? await db.RegionalTemplates.AsNoTracking().Where(t => t.PublishedAt != null)
                .Join(db.Organisations, t => t.RegionId, o => o.Id, (t, o) => o)
                .OrderBy(o => o.Name).Select(o => new RegionChoice(o.Id, o.Name)).ToListAsync(cancellationToken)
            : [];
        return Result<NationalCataloguePage>.Ok(new NationalCataloguePage(canEdit, catalogue?.PublishedAt, catalogue?.PublishedBy, catalogue?.Version ?? 0, rows, sources));
    }

    /// <summary>Starts the national set from a region's published template: its sections and indicators, with the region's codes.</summary>
    public async Task<Result> BuildFromTemplateAsync(int regionId, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        if (!AccessRules.CanManageNationalCatalogue(user))
        {
            return Result.Forbidden();
        }

        var source = await db.TemplateIndicators.AsNoTracking()
            .Where(i => i.Template!.RegionId == regionId && i.Template.PublishedAt != null).OrderBy(i => i.SortOrder)
            .Select(i => new { i.Code, i.SectionLabel, i.SectionTitle, i.Number, i.Name, i.Unit, i.Measure, i.Rollup })
            .ToListAsync(cancellationToken);
        if (source.Count == 0)
        {
            return Invalid(NationalCatalogueMessages.NoTemplate);
        }

        var catalogue = await CatalogueAsync(cancellationToken);
        if (catalogue.Items.Count > 0)
        {
            return Invalid(NationalCatalogueMessages.NotEmpty);
        }

        foreach (var item in source)
        {
            catalogue.Add(item.Code, new NationalItemDefinition(item.SectionLabel, item.SectionTitle, item.Number, item.Name, item.Unit, item.Measure, item.Rollup));
        }

        audit.Record(AuditAction.NationalCatalogueBuilt, Entity, regionId, user.OrganisationId, null, new { RegionId = regionId, Rows = source.Count });
        return await SaveAsync(cancellationToken);
    }

    /// <summary>A national indicator for the edit form (a new one when <paramref name="id"/> is null).</summary>
    public async Task<Result<NationalItemForm>> GetItemAsync(int? id, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanManageNationalCatalogue(currentUser.Required))
        {
            return Result<NationalItemForm>.Forbidden();
        }

        if (id is null)
        {
            return Result<NationalItemForm>.Ok(new NationalItemForm(null, string.Empty, false, string.Empty, string.Empty, string.Empty, string.Empty, null, Measure.Count, RollupKind.Sum, 0));
        }

        var form = await db.NationalIndicators.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new NationalItemForm(n.Id, n.Code, n.PublishedAt != null, n.SectionLabel, n.SectionTitle, n.Number, n.Name, n.Unit, n.Measure, n.Rollup, n.Version))
            .SingleOrDefaultAsync(cancellationToken);
        return form is null ? Result<NationalItemForm>.NotFound() : Result<NationalItemForm>.Ok(form);
    }

    /// <summary>Adds a national indicator (<paramref name="id"/> null) or changes one: codes unique, frozen once published; a mapped indicator keeps its roll-up kind.</summary>
    public async Task<Result<int>> SaveItemAsync(int? id, SaveNationalItem input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = currentUser.Required;
        if (!AccessRules.CanManageNationalCatalogue(user))
        {
            return Result<int>.Forbidden();
        }

        var catalogue = await CatalogueAsync(cancellationToken);
        var item = id is null ? null : catalogue.Items.SingleOrDefault(i => i.Id == id);
        if (id is not null && item is null)
        {
            return Result<int>.NotFound();
        }

        var errors = new List<ValidationError>();
        var code = input.Code?.Trim() ?? string.Empty;
        if (!TemplateRules.IsValidCode(code))
        {
            errors.Add(new ValidationError("Code", TemplateRules.Messages.CodeFormat));
        }
        else if (catalogue.Items.Any(i => i != item && string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new ValidationError("Code", NationalCatalogueMessages.CodeTaken, code.ToUpperInvariant()));
        }
        else if (item is { IsPublished: true } && !string.Equals(item.Code, code, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new ValidationError("Code", NationalCatalogueMessages.CodeFrozen));
        }

        errors.AddRange(CatalogueService.Required("SectionLabel", input.SectionLabel));
        errors.AddRange(CatalogueService.Required("SectionTitle", input.SectionTitle));
        errors.AddRange(CatalogueService.Required("Number", input.Number));
        errors.AddRange(CatalogueService.Required("Name", input.Name));
        errors.AddRange(PlanRules.CheckSectionText(input.SectionLabel, input.SectionTitle).Select(e => e with { Field = "Section" + e.Field }));
        errors.AddRange(PlanRules.CheckIndicatorText(input.Number, input.Name, input.Unit, null, null));

        // Regions' figures under a code are added up: how they are counted cannot change under them.
        if (item is not null && (item.Rollup != input.Rollup || item.Measure != input.Measure) && await MappedAsync(item.Code, cancellationToken))
        {
            errors.Add(new ValidationError("Rollup", NationalCatalogueMessages.KindInUse, item.Code));
        }

        if (errors.Count > 0)
        {
            return Result<int>.Invalid(errors);
        }

        var definition = new NationalItemDefinition(input.SectionLabel!, input.SectionTitle!, input.Number!, input.Name!, input.Unit, input.Measure, input.Rollup);
        if (item is null)
        {
            item = catalogue.Add(code, definition);
            audit.Record(AuditAction.NationalCatalogueItemAdded, Entity, item.Code, user.OrganisationId, null, new { item.Code, item.Number, item.Name, item.Rollup });
        }
        else
        {
            db.Entry(item).Property(i => i.Version).OriginalValue = input.Version;
            var before = new { item.Code, item.Number, item.Name, item.Unit, item.Rollup };
            catalogue.Change(item, code, definition);
            audit.Record(AuditAction.NationalCatalogueItemChanged, Entity, item.Code, user.OrganisationId, before, new { item.Code, item.Number, item.Name, item.Unit, item.Rollup });
        }

        var saved = await SaveAsync(cancellationToken);
        return saved.IsOk ? Result<int>.Ok(item.Id) : Result<int>.Conflict();
    }

    /// <summary>Deletes a national indicator that no region maps to.</summary>
    public async Task<Result> DeleteItemAsync(int id, uint version, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        if (!AccessRules.CanManageNationalCatalogue(user))
        {
            return Result.Forbidden();
        }

        var catalogue = await CatalogueAsync(cancellationToken);
        if (catalogue.Items.SingleOrDefault(i => i.Id == id) is not { } item)
        {
            return Result.NotFound();
        }

        if (await MappedAsync(item.Code, cancellationToken))
        {
            return Result.Invalid([new ValidationError(string.Empty, NationalCatalogueMessages.CodeInUse, item.Code)]);
        }

        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        catalogue.Remove(item);
        audit.Record(AuditAction.NationalCatalogueItemDeleted, Entity, item.Code, user.OrganisationId, new { item.Code, item.Number, item.Name }, null);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Publishes every draft indicator: the regions may now map to their codes, which no longer change.</summary>
    public async Task<Result> PublishAsync(uint version, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        if (!AccessRules.CanManageNationalCatalogue(user))
        {
            return Result.Forbidden();
        }

        var catalogue = await CatalogueAsync(cancellationToken);
        var drafts = catalogue.Items.Count(i => !i.IsPublished);
        if (drafts == 0)
        {
            return Invalid(NationalCatalogueMessages.NothingToPublish);
        }

        db.Entry(catalogue).Property(c => c.Version).OriginalValue = version;
        catalogue.Publish(user.UserName, clock.GetUtcNow());
        audit.Record(AuditAction.NationalCataloguePublished, Entity, catalogue.Id, user.OrganisationId, null, new { Rows = drafts });
        return await SaveAsync(cancellationToken);
    }

    /// <summary>The one national catalogue with its indicators tracked; made (in the unit of work) the first time it is needed.</summary>
    private async Task<NationalCatalogue> CatalogueAsync(CancellationToken cancellationToken)
    {
        var catalogue = await db.NationalCatalogues.Include(c => c.Items).OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (catalogue is null)
        {
            catalogue = new NationalCatalogue();
            db.NationalCatalogues.Add(catalogue);
        }

        return catalogue;
    }

    /// <summary>Whether a region's catalogue maps one of its indicators to the code.</summary>
    private Task<bool> MappedAsync(string code, CancellationToken cancellationToken) =>
        db.TemplateIndicators.AnyAsync(t => t.NationalCode == code, cancellationToken);

    private static Result Invalid(string key) => Result.Invalid([new ValidationError(string.Empty, key)]);

    private async Task<Result> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
        catch (DbUpdateException exception) when (SaveFailures.IsConflict(exception))
        {
            // A stale row version, or someone else's save that took the same code first.
            return Result.Conflict();
        }
    }
}
