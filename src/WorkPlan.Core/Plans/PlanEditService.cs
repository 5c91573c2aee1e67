using Microsoft.EntityFrameworkCore;
using WorkPlan.Core.Access;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Plans;

/// <summary>The draft plan's editor and the editing of its indicators, by the centre's director and inspector (its sections: <see cref="PlanSectionEditService"/>).</summary>
public sealed class PlanEditService(IAppDbContext db, ICurrentUser currentUser)
{
    /// <summary>Units seen in the plans; the form offers them and accepts any other text.</summary>
    public static readonly IReadOnlyList<string> KnownUnits =
    [
        "Hujjat", "Ma'lumot", "Dona", "Tadbir", "Nusxa", "Nusxa jami", "Nafar", "Marta", "Sahifa", "Resurs",
        "Xizmat", "Xatlov", "Bibliografik yozuvlar", "Nomda", "Marotaba", "So'mda",
    ];

    public static class Messages
    {
        public const string Required = "Validation.Required";
        public const string DuplicateNumber = "Editor.DuplicateNumber";
        public const string UnknownService = "Editor.UnknownService";
        public const string BadSchedule = "Editor.BadSchedule";
        public const string BadParent = "Editor.BadParent";
        public const string HasActuals = "Editor.HasActuals";
        public const string HasChildren = "Editor.HasChildren";
        public const string NotEditable = "Editor.NotEditable";
        public const string CannotMove = "Editor.CannotMove";
        public const string SectionNotEmpty = "Editor.SectionNotEmpty";
    }

    public async Task<Result<PlanEditorView>> GetEditorAsync(int planId, CancellationToken cancellationToken = default)
    {
        var plan = await VisiblePlans().AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Year, p.Title, p.Status, p.ReturnReason, p.OrganisationId })
            .SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Result<PlanEditorView>.NotFound();
        }

        if (EditablePlans.Refusal<PlanEditorView>(currentUser.Required, plan.OrganisationId, plan.Status) is { } refused)
        {
            return refused;
        }

        var sections = await db.Sections.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.SortOrder)
            .Select(s => new { s.Id, s.Label, s.Title, s.Version }).ToListAsync(cancellationToken);
        var rows = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId).OrderBy(i => i.SortOrder)
            .Select(i => new { i.Id, i.SectionId, i.Number, i.Name, i.Unit, i.Measure, i.PreviousFact, i.Target, i.ParentId, HasChildren = i.Children.Any(), i.Version })
            .ToListAsync(cancellationToken);
        return Result<PlanEditorView>.Ok(new PlanEditorView(
            plan.Id, plan.Year, plan.Title, plan.Status, plan.ReturnReason,
            [
                .. sections.Select(s => new PlanEditorSection(s.Id, s.Label, s.Title,
                [
                    .. rows.Where(r => r.SectionId == s.Id).Select(r => new PlanEditorRow(
                        r.Id, r.Number, r.Name, r.Unit, r.Measure, r.PreviousFact, r.Target, r.ParentId is not null, r.HasChildren, r.Version)),
                ], s.Version)),
            ]));
    }

    public async Task<Result<IndicatorFormContext>> GetFormContextAsync(int planId, CancellationToken cancellationToken = default)
    {
        var plan = await VisiblePlans().AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Year, p.Title, p.OrganisationId, p.Status })
            .SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Result<IndicatorFormContext>.NotFound();
        }

        if (EditablePlans.Refusal<IndicatorFormContext>(currentUser.Required, plan.OrganisationId, plan.Status) is { } refused)
        {
            return refused;
        }

        var sections = await db.Sections.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.SortOrder)
            .Select(s => new { s.Id, s.Label, s.Title }).ToListAsync(cancellationToken);
        var parents = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId && i.ParentId == null).OrderBy(i => i.SortOrder)
            .Select(i => new { i.Id, i.Number, i.Name }).ToListAsync(cancellationToken);
        var services = await db.Services.AsNoTracking().Where(s => s.OrganisationId == plan.OrganisationId).OrderBy(s => s.SortOrder)
            .Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        return Result<IndicatorFormContext>.Ok(new IndicatorFormContext(
            plan.Id, plan.Year, plan.Title,
            [.. sections.Select(s => (s.Id, s.Label, s.Title))],
            [.. parents.Select(p => (p.Id, p.Number, p.Name))],
            [.. services.Select(s => (s.Id, s.Name))],
            KnownUnits));
    }

    public async Task<Result<(int PlanId, IndicatorForm Form)>> GetIndicatorAsync(int indicatorId, CancellationToken cancellationToken = default)
    {
        var indicator = await db.Indicators.AsNoTracking()
            .Where(AccessRules.IndicatorsVisibleTo(currentUser.Required))
            .Where(i => i.Id == indicatorId)
            .Select(i => new
            {
                i.PlanId,
                i.Plan!.OrganisationId,
                i.Plan.Status,
                Values = i,
                ServiceIds = i.ResponsibleServices.OrderBy(r => r.Position).Select(r => r.ServiceId).ToList(),
                HasChildren = i.Children.Any(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (indicator is null)
        {
            return Result<(int, IndicatorForm)>.NotFound();
        }

        if (EditablePlans.Refusal<(int, IndicatorForm)>(currentUser.Required, indicator.OrganisationId, indicator.Status) is { } refused)
        {
            return refused;
        }

        var i = indicator.Values;
        var months = i.Schedule.Months.ToList();
        var values = new SaveIndicator(
            i.SectionId, i.ParentId, i.Number, i.Name, i.Unit, i.Measure, i.PreviousFact, i.Target, i.Mechanism,
            i.Schedule.Kind, DeadlineText.QuartersOf(i.Schedule), months.FirstOrDefault(), months.LastOrDefault(),
            indicator.ServiceIds, i.Rollup, i.ChildrenPartition, i.Version);
        return Result<(int, IndicatorForm)>.Ok((indicator.PlanId, new IndicatorForm(i.Id, values, indicator.HasChildren)));
    }

    /// <summary>
    /// Adds an indicator. The form's one-time token makes a second post of the same form (a double click) add
    /// nothing: it answers the row the first post added.
    /// </summary>
    public async Task<Result<Added>> AddIndicatorAsync(int planId, SaveIndicator command, Guid? formToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var added = await EditAsync(planId, async (plan, ct) =>
        {
            if (formToken is { } token && await db.Indicators.IgnoreQueryFilters().Where(i => i.PlanId == plan.Id && i.FormToken == token)
                .Select(i => (int?)i.Id).FirstOrDefaultAsync(ct) is { } existing)
            {
                return Result<Added>.Ok(new Added(existing, Again: true));
            }

            var (section, parent, services, errors) = await ResolveAsync(plan, null, command, ct);
            if (errors.Count > 0)
            {
                return Result<Added>.Invalid(errors);
            }

            var indicator = plan.AddIndicator(section!, Definition(command, plan.Year), services, parent, formToken);
            if (EditablePlans.FamilyRule(plan, indicator) is { Count: > 0 } broken)
            {
                return Result<Added>.Invalid(broken);
            }

            await db.SaveChangesAsync(ct);
            return Result<Added>.Ok(new Added(indicator.Id, Again: false));
        }, cancellationToken);

        // A writer outside the editor took the number between the check and the save: say so next to the number.
        var number = NumberLabel.Normalise(command.Number ?? string.Empty);
        if (added.Status == ResultStatus.Conflict
            && (await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId).Select(i => i.Number).ToListAsync(cancellationToken))
                .Contains(number, StringComparer.OrdinalIgnoreCase))
        {
            return Result<Added>.Invalid([new ValidationError(nameof(command.Number), Messages.DuplicateNumber, number)]);
        }

        return added;
    }

    public async Task<Result<int>> UpdateIndicatorAsync(int indicatorId, SaveIndicator command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await EditAsync(await PlanOfIndicatorAsync(indicatorId, cancellationToken), async (plan, ct) =>
        {
            if (plan.Indicators.SingleOrDefault(i => i.Id == indicatorId) is not { } indicator)
            {
                return Result<int>.NotFound();
            }

            var (section, parent, services, errors) = await ResolveAsync(plan, indicator, command, ct);
            if (errors.Count > 0)
            {
                return Result<int>.Invalid(errors);
            }

            db.Entry(indicator).Property(i => i.Version).OriginalValue = command.Version;
            var definition = Definition(command, plan.Year);
            if (definition.Schedule == indicator.Schedule)
            {
                // The same deadline keeps the words it was printed with ("2022 yil davomida" stays as typed).
                definition = definition with { Deadline = indicator.Deadline };
            }

            indicator.Update(definition, services);
            if (indicator.Parent is null && section != indicator.Section)
            {
                plan.MoveToSection(indicator, section!);
            }

            if (EditablePlans.FamilyRule(plan, indicator) is { Count: > 0 } broken)
            {
                return Result<int>.Invalid(broken);
            }

            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(plan.Id);
        }, cancellationToken);
    }

    /// <summary>Removes an indicator without "of which" rows and without any monthly actual.</summary>
    public async Task<Result<int>> DeleteIndicatorAsync(int indicatorId, CancellationToken cancellationToken = default) =>
        await EditAsync(await PlanOfIndicatorAsync(indicatorId, cancellationToken), async (plan, ct) =>
        {
            if (plan.Indicators.SingleOrDefault(i => i.Id == indicatorId) is not { } indicator)
            {
                return Result<int>.NotFound();
            }

            if (plan.Indicators.Any(i => i.Parent == indicator))
            {
                return Result<int>.Invalid([new ValidationError(string.Empty, Messages.HasChildren)]);
            }

            if (await db.MonthlyActuals.AnyAsync(a => a.IndicatorId == indicatorId, ct))
            {
                return Result<int>.Invalid([new ValidationError(string.Empty, Messages.HasActuals)]);
            }

            plan.RemoveIndicator(indicator);
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(plan.Id);
        }, cancellationToken);

    /// <summary>Moves an indicator one place up (-1) or down (1); any other direction is refused and changes nothing.</summary>
    public async Task<Result<int>> MoveIndicatorAsync(int indicatorId, int direction, CancellationToken cancellationToken = default) =>
        await EditAsync(await PlanOfIndicatorAsync(indicatorId, cancellationToken), async (plan, ct) =>
        {
            if (plan.Indicators.SingleOrDefault(i => i.Id == indicatorId) is not { } indicator)
            {
                return Result<int>.NotFound();
            }

            if (!PlanRules.IsMoveDirection(direction))
            {
                return Result<int>.Invalid([new ValidationError(string.Empty, PlanRules.Messages.BadDirection)]);
            }

            if (!plan.MoveIndicator(indicator, direction))
            {
                return Result<int>.Invalid([new ValidationError(string.Empty, Messages.CannotMove)]);
            }

            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(plan.Id);
        }, cancellationToken);

    /// <summary>The deadline picker's choices as a schedule; null when they do not make one.</summary>
    public static DueSchedule? Schedule(SaveIndicator command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return DueSchedule.FromChoices(command.ScheduleKind, command.Quarters, command.FromMonth, command.ToMonth);
    }

    private static IndicatorDefinition Definition(SaveIndicator c, int year)
    {
        var schedule = Schedule(c)!;
        return new IndicatorDefinition(
            c.Number, c.Name, c.Unit, c.Measure, c.PreviousFact, c.Target, c.Mechanism, DeadlineText.For(schedule, year), schedule, c.Rollup, c.ChildrenPartition);
    }

    private IQueryable<Plan> VisiblePlans() => db.Plans.Where(AccessRules.PlansVisibleTo(currentUser.Required));

    private Task<int?> PlanOfIndicatorAsync(int indicatorId, CancellationToken cancellationToken) =>
        EditablePlans.PlanOfIndicatorAsync(db, currentUser.Required, indicatorId, cancellationToken);

    private Task<Result<T>> EditAsync<T>(int? planId, Func<Plan, CancellationToken, Task<Result<T>>> edit, CancellationToken cancellationToken) =>
        EditablePlans.EditAsync(db, currentUser.Required, planId, edit, cancellationToken);

    private async Task<(Section? Section, Indicator? Parent, List<ServiceUnit> Services, List<ValidationError> Errors)> ResolveAsync(
        Plan plan, Indicator? self, SaveIndicator c, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var parent = c.ParentId is { } parentId ? plan.Indicators.SingleOrDefault(i => i.Id == parentId) : null;
        var section = parent?.Section ?? plan.Sections.SingleOrDefault(s => s.Id == c.SectionId);
        if (section is null)
        {
            errors.Add(new ValidationError(nameof(c.SectionId), Messages.Required));
        }

        if (c.ParentId is not null && (parent is null || parent.Parent is not null || parent == self
            || (self is not null && plan.Indicators.Any(i => i.Parent == self))))
        {
            errors.Add(new ValidationError(nameof(c.ParentId), Messages.BadParent));
        }

        if (self is not null && self.Parent?.Id != c.ParentId)
        {
            errors.Add(new ValidationError(nameof(c.ParentId), Messages.BadParent));
        }

        if (string.IsNullOrWhiteSpace(c.Number))
        {
            errors.Add(new ValidationError(nameof(c.Number), Messages.Required));
        }
        else if (plan.Indicators.Any(i => i != self && string.Equals(i.Number, NumberLabel.Normalise(c.Number), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new ValidationError(nameof(c.Number), Messages.DuplicateNumber, NumberLabel.Normalise(c.Number)));
        }

        if (string.IsNullOrWhiteSpace(c.Name))
        {
            errors.Add(new ValidationError(nameof(c.Name), Messages.Required));
        }

        errors.AddRange(PlanRules.CheckValue(c.Measure, c.PreviousFact, nameof(c.PreviousFact)));
        errors.AddRange(PlanRules.CheckValue(c.Measure, c.Target, nameof(c.Target)));
        errors.AddRange(PlanRules.CheckIndicatorText(c.Number, c.Name, c.Unit, null, c.Mechanism));
        errors.AddRange(FieldLimits.CheckChoice(c.Measure, nameof(c.Measure)));
        errors.AddRange(FieldLimits.CheckChoice(c.Rollup, nameof(c.Rollup)));
        errors.AddRange(FieldLimits.CheckChoice(c.ScheduleKind, nameof(c.ScheduleKind)));
        if (Schedule(c) is null)
        {
            errors.Add(new ValidationError(nameof(c.ScheduleKind), Messages.BadSchedule));
        }

        // A row may have no responsible service (the paper leaves the cell blank, e.g. paid services);
        // the centre's director and inspector then enter its actuals.
        var services = await db.Services.Where(s => s.OrganisationId == plan.OrganisationId && c.ServiceIds.Contains(s.Id)).ToListAsync(cancellationToken);
        if (services.Count != c.ServiceIds.Distinct().Count())
        {
            errors.Add(new ValidationError(nameof(c.ServiceIds), Messages.UnknownService));
        }

        // Keep the order the plan prints its services in; newly chosen ones go after them.
        var position = self?.ResponsibleServices.ToDictionary(r => r.ServiceId, r => r.Position) ?? [];
        var ordered = c.ServiceIds.Distinct().Select(id => services.FirstOrDefault(s => s.Id == id)).OfType<ServiceUnit>()
            .Select((s, index) => (Service: s, Key: position.TryGetValue(s.Id, out var p) ? p : 1000 + index))
            .OrderBy(x => x.Key).Select(x => x.Service).ToList();
        return (section, parent, ordered, errors);
    }

}
