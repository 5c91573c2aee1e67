using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Auditing;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Catalogue;

/// <summary>
/// The regional template plan and its indicator catalogue, as the region keeps them: built from one district's
/// plan, edited and published (districts create their plans from it in <see cref="Plans.NewPlanService"/> and map
/// their rows to its codes in <see cref="CatalogueMappingService"/>).
/// </summary>
public sealed class CatalogueService(IAppDbContext db, ICurrentUser currentUser, AuditLog audit, TimeProvider clock)
{
    private const string Entity = "RegionalTemplate";

    /// <summary>The template of a region: the user's own region, their district's region, or (for the national level) a chosen one.</summary>
    public async Task<Result<TemplatePage>> GetAsync(int? regionId, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        if (await RegionScope.TemplateRegionAsync(db, user, regionId, cancellationToken) is not { } region)
        {
            return Result<TemplatePage>.NotFound();
        }

        var canEdit = AccessRules.CanManageTemplate(user, region.Id);
        var template = await db.RegionalTemplates.AsNoTracking().Where(t => t.RegionId == region.Id)
            .Select(t => new { t.Id, t.PublishedAt, t.PublishedBy, t.Version }).SingleOrDefaultAsync(cancellationToken);
        if (!AccessRules.ReadsTemplate(user, template?.PublishedAt is not null))
        {
            // Districts see their region's template once it is published.
            return Result<TemplatePage>.Ok(new TemplatePage(region.Id, region.Name, false, null, null, false, false, ThisYear(), 0, [], []));
        }

        var rows = template is null ? [] : await Rows(template.Id).ToListAsync(cancellationToken);
        var centres = RegionScope.CentresOf(db, region.Id);
        var used = await db.Indicators.AsNoTracking()
            .Where(i => i.CatalogueCode != null && centres.Contains(i.Plan!.OrganisationId))
            .GroupBy(i => i.CatalogueCode!).Select(g => new { Code = g.Key, Plans = g.Select(i => i.PlanId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Code, g => g.Plans, cancellationToken);
        var sources = canEdit && rows.Count == 0
            ? await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user))
                .Where(p => centres.Contains(p.OrganisationId))
                .OrderByDescending(p => p.Year).ThenBy(p => p.Organisation!.Name)
                .Select(p => new PlanChoice(p.Id, p.Organisation!.Name, p.Year)).ToListAsync(cancellationToken)
            : [];
        return Result<TemplatePage>.Ok(new TemplatePage(
            region.Id, region.Name, template?.PublishedAt is not null, template?.PublishedAt, template?.PublishedBy, canEdit,
            template?.PublishedAt is not null && AccessRules.CanCreatePlan(user),
            ThisYear(),
            template?.Version ?? 0,
            [.. rows.Select(r => r with { UsedBy = used.GetValueOrDefault(r.Code) })], sources)
        {
            ReadsNationalCatalogue = AccessRules.ReadsNationalCatalogue(user),
        });
    }

    /// <summary>Builds the region's catalogue from one of its districts' plans: its sections and rows, each with a code from its number.</summary>
    public async Task<Result> BuildFromPlanAsync(int planId, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        // A district's plan, or the regional centre's own: either builds the region's template.
        var source = await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user)).Where(p => p.Id == planId)
            .Select(p => p.Organisation!).Select(Organisation.RegionOrSelf).ToListAsync(cancellationToken);
        if (source.SingleOrDefault() is not { } regionId)
        {
            return Result.NotFound();
        }

        if (!AccessRules.CanManageTemplate(user, regionId))
        {
            return Result.Forbidden();
        }

        var template = await db.RegionalTemplates.Include(t => t.Items).SingleOrDefaultAsync(t => t.RegionId == regionId, cancellationToken);
        if (template is { Items.Count: > 0 })
        {
            return Invalid(TemplateRules.Messages.NotEmpty);
        }

        if (template is null)
        {
            template = new RegionalTemplate(regionId);
            db.RegionalTemplates.Add(template);
        }

        var sections = await db.Sections.AsNoTracking().Where(s => s.PlanId == planId).ToDictionaryAsync(s => s.Id, s => (s.Label, s.Title), cancellationToken);
        var rows = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId).OrderBy(i => i.SortOrder)
            .Select(i => new
            {
                i.Id, i.SectionId, i.ParentId, i.Number, i.Name, i.Unit, i.Measure, i.Rollup, i.Mechanism, i.Schedule, i.ChildrenPartition,
                Services = i.ResponsibleServices.OrderBy(r => r.Position).Select(r => r.Service!.Code).ToList(),
            })
            .ToListAsync(cancellationToken);
        var added = new Dictionary<int, TemplateIndicator>();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            var (label, title) = sections[row.SectionId];
            var code = TemplateRules.CodeFor(row.Number);
            if (!TemplateRules.IsValidCode(code) || template.Items.Any(i => i.Code == code))
            {
                code = $"K{index + 1:000}";
            }

            added[row.Id] = template.Add(
                code,
                new TemplateItemDefinition(label, title, row.Number, row.Name, row.Unit, row.Measure, row.Rollup, row.Mechanism, row.Schedule, row.ChildrenPartition, row.Services),
                row.ParentId is { } parent ? added[parent] : null);
        }

        audit.Record(AuditAction.CatalogueBuilt, Entity, regionId, regionId, null, new { planId, Rows = rows.Count });
        return await SaveAsync(cancellationToken);
    }

    /// <summary>A catalogue row for the edit form (a new one when <paramref name="id"/> is null).</summary>
    public async Task<Result<(TemplateItemForm Form, TemplateItemChoices Choices)>> GetItemAsync(int? id, CancellationToken cancellationToken = default)
    {
        if (await EditableTemplateAsync(cancellationToken, forSaving: false) is not { } template)
        {
            return Result<(TemplateItemForm, TemplateItemChoices)>.NotFound();
        }

        var item = id is null ? null : template.Items.SingleOrDefault(i => i.Id == id);
        if (id is not null && item is null)
        {
            return Result<(TemplateItemForm, TemplateItemChoices)>.NotFound();
        }

        var form = item is null
            ? new TemplateItemForm(null, string.Empty, false, null, string.Empty, string.Empty, string.Empty, string.Empty, null, Measure.Count, RollupKind.Sum, [], DueSchedule.DuringYear(), [], 0)
            : new TemplateItemForm(
                item.Id, item.Code, template.IsPublished, item.ParentId, item.SectionLabel, item.SectionTitle, item.Number, item.Name, item.Unit, item.Measure, item.Rollup,
                item.Mechanism, item.Schedule, item.ServiceCodes, item.Version);
        return Result<(TemplateItemForm, TemplateItemChoices)>.Ok((form, Choices(template, item, await ServicesOfRegionAsync(template.RegionId, cancellationToken))));
    }

    /// <summary>Adds a catalogue row (<paramref name="id"/> null) or changes one. Codes stay unique, and frozen once published.</summary>
    public async Task<Result<int>> SaveItemAsync(int? id, SaveTemplateItem input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await EditableTemplateAsync(cancellationToken) is not { } template)
        {
            return Result<int>.NotFound();
        }

        var item = id is null ? null : template.Items.SingleOrDefault(i => i.Id == id);
        if (id is not null && item is null)
        {
            return Result<int>.NotFound();
        }

        var parent = input.ParentId is { } parentId ? template.Items.SingleOrDefault(i => i.Id == parentId && i.ParentId == null && i != item) : null;
        var errors = new List<ValidationError>();
        var code = input.Code?.Trim() ?? string.Empty;
        if (!TemplateRules.IsValidCode(code))
        {
            errors.Add(new ValidationError("Code", TemplateRules.Messages.CodeFormat));
        }
        else if (template.Items.Any(i => i != item && string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new ValidationError("Code", TemplateRules.Messages.CodeTaken, code.ToUpperInvariant()));
        }
        else if (item is not null && template.IsPublished && !string.Equals(item.Code, code, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new ValidationError("Code", TemplateRules.Messages.CodeFrozen));
        }

        errors.AddRange(Required("SectionLabel", input.SectionLabel));
        errors.AddRange(Required("SectionTitle", input.SectionTitle));
        errors.AddRange(Required("Number", input.Number));
        errors.AddRange(Required("Name", input.Name));

        // The same lengths and visible characters as a plan's sections and rows, which are made from these.
        errors.AddRange(PlanRules.CheckSectionText(input.SectionLabel, input.SectionTitle).Select(e => e with { Field = "Section" + e.Field }));
        errors.AddRange(PlanRules.CheckIndicatorText(input.Number, input.Name, input.Unit, null, input.Mechanism));

        var schedule = DueSchedule.FromChoices(input.ScheduleKind, input.Quarters, input.FromMonth, input.ToMonth);
        if (schedule is null)
        {
            errors.Add(new ValidationError("ScheduleKind", "Editor.BadSchedule"));
        }

        if (input.ParentId is not null && parent is null)
        {
            errors.Add(new ValidationError("ParentId", "Validation.Required"));
        }

        if (item is not null && parent is not null && template.Items.Any(i => i.Parent == item))
        {
            errors.Add(new ValidationError("ParentId", TemplateRules.Messages.HasChildren));
        }

        // Districts' figures under a code are added up: how they are counted cannot change under them.
        if (item is not null && (item.Rollup != input.Rollup || item.Measure != input.Measure)
            && await InUseAsync(item.Code, template.RegionId, cancellationToken))
        {
            errors.Add(new ValidationError("Rollup", TemplateRules.Messages.KindInUse, item.Code));
        }

        if (errors.Count > 0)
        {
            return Result<int>.Invalid(errors);
        }

        var definition = new TemplateItemDefinition(
            input.SectionLabel!, input.SectionTitle!, input.Number!, input.Name!, input.Unit, input.Measure, input.Rollup,
            input.Mechanism, schedule!, item?.ChildrenPartition ?? false, await KnownServiceCodesAsync(template.RegionId, input.ServiceCodes, cancellationToken));
        if (item is null)
        {
            item = template.Add(code, definition, parent);
            audit.Record(AuditAction.CatalogueItemAdded, Entity, template.RegionId, template.RegionId, null, new { item.Code, item.Number, item.Name });
        }
        else
        {
            db.Entry(item).Property(i => i.Version).OriginalValue = input.Version;
            var before = new { item.Code, item.Number, item.Name, item.Unit, item.Rollup };
            template.Change(item, code, definition, parent);
            audit.Record(AuditAction.CatalogueItemChanged, Entity, template.RegionId, template.RegionId, before, new { item.Code, item.Number, item.Name, item.Unit, item.Rollup });
        }

        var saved = await SaveAsync(cancellationToken);
        return saved.IsOk ? Result<int>.Ok(item.Id) : Result<int>.Conflict();
    }

    /// <summary>Deletes a catalogue row that no district reports against and that has no "of which" rows.</summary>
    public async Task<Result> DeleteItemAsync(int id, uint version, CancellationToken cancellationToken = default)
    {
        if (await EditableTemplateAsync(cancellationToken) is not { } template || template.Items.SingleOrDefault(i => i.Id == id) is not { } item)
        {
            return Result.NotFound();
        }

        if (template.Items.Any(i => i.Parent == item))
        {
            return Invalid(TemplateRules.Messages.HasChildren);
        }

        if (await InUseAsync(item.Code, template.RegionId, cancellationToken))
        {
            return Result.Invalid([new ValidationError(string.Empty, TemplateRules.Messages.CodeInUse, item.Code)]);
        }

        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        template.Remove(item);
        audit.Record(AuditAction.CatalogueItemDeleted, Entity, template.RegionId, template.RegionId, new { item.Code, item.Number, item.Name }, null);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Publishes the template: districts may now create plans from it and map to its codes, which no longer change.</summary>
    public async Task<Result> PublishAsync(uint version, CancellationToken cancellationToken = default)
    {
        if (await EditableTemplateAsync(cancellationToken) is not { } template)
        {
            return Result.NotFound();
        }

        if (template.Items.Count == 0)
        {
            return Invalid(TemplateRules.Messages.Empty);
        }

        db.Entry(template).Property(t => t.Version).OriginalValue = version;
        var user = currentUser.Required;
        template.Publish(user.UserName, clock.GetUtcNow());
        audit.Record(AuditAction.CataloguePublished, Entity, template.RegionId, template.RegionId, null, new { Rows = template.Items.Count });
        return await SaveAsync(cancellationToken);
    }

    private IQueryable<TemplateRow> Rows(int templateId) =>
        db.TemplateIndicators.AsNoTracking().Where(i => i.TemplateId == templateId).OrderBy(i => i.SortOrder)
            .Select(i => new TemplateRow(i.Id, i.Code, i.SectionLabel, i.SectionTitle, i.Number, i.Name, i.Unit, i.Measure, i.Rollup, i.ParentId != null, 0, i.Version));

    /// <summary>
    /// The template the user keeps (regional staff only), with its rows tracked. A region without one gets
    /// an empty template: added to the unit of work when the use case will save it, detached otherwise.
    /// </summary>
    private async Task<RegionalTemplate?> EditableTemplateAsync(CancellationToken cancellationToken, bool forSaving = true)
    {
        var user = currentUser.Required;
        if (!AccessRules.CanManageTemplate(user, user.OrganisationId))
        {
            return null;
        }

        var template = db.RegionalTemplates.Local.SingleOrDefault(t => t.RegionId == user.OrganisationId)
            ?? await db.RegionalTemplates.Include(t => t.Items).SingleOrDefaultAsync(t => t.RegionId == user.OrganisationId, cancellationToken);
        if (template is null)
        {
            template = new RegionalTemplate(user.OrganisationId);
            if (forSaving)
            {
                db.RegionalTemplates.Add(template);
            }
        }

        return template;
    }

    /// <summary>The chosen service codes that the region's districts have, in the order chosen (others are dropped).</summary>
    private async Task<IReadOnlyList<string>> KnownServiceCodesAsync(int regionId, IReadOnlyList<string> chosen, CancellationToken cancellationToken)
    {
        var known = (await ServicesOfRegionAsync(regionId, cancellationToken)).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        return [.. chosen.Where(known.Contains).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether a centre of the region (a district or the regional centre) reports against the code.</summary>
    private Task<bool> InUseAsync(string code, int regionId, CancellationToken cancellationToken) =>
        db.Indicators.AnyAsync(i => i.CatalogueCode == code && RegionScope.CentresOf(db, regionId).Contains(i.Plan!.OrganisationId), cancellationToken);

    private static TemplateItemChoices Choices(RegionalTemplate template, TemplateIndicator? item, IReadOnlyList<(string Code, string Name)> services) => new(
        [.. template.Items.Where(i => i.ParentId == null && i != item).OrderBy(i => i.SortOrder).Select(i => (i.Id, $"{i.Number}. {i.Name}"))],
        [.. template.Items.OrderBy(i => i.SortOrder).Select(i => (i.SectionLabel, i.SectionTitle)).Distinct()],
        services);

    /// <summary>The services the region's centres have, by code (a template row names its responsible services by code).</summary>
    private async Task<IReadOnlyList<(string Code, string Name)>> ServicesOfRegionAsync(int regionId, CancellationToken cancellationToken)
    {
        var services = await db.Services.AsNoTracking().Where(s => RegionScope.CentresOf(db, regionId).Contains(s.OrganisationId))
            .Select(s => new { s.Code, s.Name, s.SortOrder }).ToListAsync(cancellationToken);
        return [.. services.GroupBy(s => s.Code, StringComparer.Ordinal).OrderBy(g => g.Min(s => s.SortOrder)).Select(g => (g.Key, g.First().Name))];
    }

    /// <summary>A required field's error when it is empty (the national catalogue's form checks the same way).</summary>
    internal static IEnumerable<ValidationError> Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return new ValidationError(field, "Validation.Required");
        }
    }

    /// <summary>The app's current year (the demo's clock in demo mode): the default for a new plan.</summary>
    private int ThisYear() => LocalClock.Today(clock).Year;

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
            // A stale row version, or someone else's save that took the same code or region first.
            return Result.Conflict();
        }
    }
}
