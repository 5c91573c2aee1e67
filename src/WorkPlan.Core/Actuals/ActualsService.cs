using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlan.Core.Access;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Actuals;

/// <summary>
/// Monthly actuals: the entry sheet, saving a month in one transaction with no silent overwrite,
/// each value's history, reopening a locked month, and what is still missing.
/// </summary>
public sealed class ActualsService(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, IOptions<ActualsOptions> options)
{
    public static class Messages
    {
        public const string Locked = "Actuals.Locked";
        public const string NotInForce = "Actuals.NotInForce";
        public const string NotYours = "Actuals.NotYours";
        public const string NoteTooLong = "Actuals.NoteTooLong";
        public const string ReasonRequired = "Workflow.ReasonRequired";
    }

    /// <summary>The field of an "of which" warning about the month shown.</summary>
    public const string MonthField = "Month";

    /// <summary>The field of an "of which" warning about the year to date.</summary>
    public const string YearToDateField = "YearToDate";

    /// <summary>The longest note a month's entry keeps.</summary>
    public const int NoteLength = 1000;

    private ActualsOptions Settings => options.Value;

    /// <summary>The field a cell's value error is reported on ("cell-{indicator id}"), the id of its input on the page.</summary>
    public static string CellField(int indicatorId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cell-{indicatorId}");

    /// <summary>The field a cell's note error is reported on ("note-{indicator id}").</summary>
    public static string NoteField(int indicatorId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"note-{indicatorId}");

    /// <summary>The plan a user enters into by default: their centre's plan of the current year (or the latest one in force).</summary>
    public async Task<int?> DefaultPlanAsync(CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        var year = EntryWindow.Today(clock.GetUtcNow()).Year;
        return await db.Plans.Where(AccessRules.PlansVisibleTo(user))
            .Where(p => p.OrganisationId == user.OrganisationId && (p.Status == PlanStatus.InForce || p.VersionNumber > 1))
            .OrderBy(p => p.Year == year ? 0 : 1).ThenByDescending(p => p.Year)
            .Select(p => (int?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Result<EntrySheet>> GetSheetAsync(int planId, int? month, int? serviceId, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        var plan = await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user)).Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Year, p.Title, p.OrganisationId, p.Status, p.VersionNumber })
            .SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Result<EntrySheet>.NotFound();
        }

        var now = clock.GetUtcNow();
        var chosen = month is >= 1 and <= 12 ? month.Value : EntryWindow.DefaultMonth(plan.Year, now, Settings.ClosingDay);
        var reopened = await db.MonthReopenings.AsNoTracking().Where(r => r.PlanId == planId && r.Month == chosen)
            .OrderByDescending(r => r.Until).Select(r => (DateTimeOffset?)r.Until).FirstOrDefaultAsync(cancellationToken);
        var inForce = plan.Status == PlanStatus.InForce || plan.VersionNumber > 1;
        var reported = await QuarterLockedAsync(planId, chosen, cancellationToken);
        var open = inForce && !reported && EntryWindow.IsOpen(plan.Year, chosen, now, Settings.ClosingDay, reopened);

        var services = await db.Services.AsNoTracking().Where(s => s.OrganisationId == plan.OrganisationId).OrderBy(s => s.SortOrder)
            .Select(s => new ServiceChoice(s.Id, s.Name)).ToListAsync(cancellationToken);
        var filter = user.IsInRole(Roles.ServiceHead) ? user.ServiceId : serviceId;
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId)
            .Where(i => filter == null || i.ResponsibleServices.Any(r => r.ServiceId == filter))
            .OrderBy(i => i.SortOrder)
            .Select(i => new
            {
                i.Id, i.Number, i.Name, i.Unit, i.Measure, i.Rollup, i.Target, i.ParentId, i.Schedule, i.ChildrenPartition,
                Services = i.ResponsibleServices.Select(r => r.ServiceId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var ids = indicators.Select(i => i.Id).ToList();
        var actuals = await db.MonthlyActuals.AsNoTracking().Where(a => ids.Contains(a.IndicatorId))
            .Select(a => new { a.IndicatorId, a.Month, a.Value, a.Note, a.Version })
            .ToListAsync(cancellationToken);
        var byIndicator = actuals.ToLookup(a => a.IndicatorId);
        var (warnings, marks) = await OfWhichAsync(planId, chosen, cancellationToken);

        var rows = indicators.Select(i =>
        {
            var values = byIndicator[i.Id].ToDictionary(a => a.Month);
            var months = Enumerable.Range(1, 12).Select(m => values.TryGetValue(m, out var a) ? a.Value : null).ToList();
            var current = values.GetValueOrDefault(chosen);
            var ytd = Rollup.Combine(i.Rollup, values.Values.Where(a => a.Month <= chosen && a.Value is not null).Select(a => (a.Month, a.Value!.Value)));
            decimal? percent = ytd is { } y && i.Target is > 0 ? Math.Round(y * 100 / i.Target.Value, 1) : null;
            var behind = i.Rollup == RollupKind.Sum && i.Target is > 0 && (ytd ?? 0) < i.Target.Value * chosen / 12m * (1 - Settings.BehindMargin);
            return new EntryRow(
                i.Id, i.Number, i.Name, i.Unit, i.Measure, i.Rollup, i.Target, i.ParentId is not null, PlanRules.ExpectsActual(i.Target, i.Schedule, chosen),
                open && AccessRules.CanWriteActual(user, plan.OrganisationId, i.Services),
                months, current?.Value, current?.Note, current?.Version, ytd, percent, behind, warnings.GetValueOrDefault(i.Id) ?? [], marks.GetValueOrDefault(i.Id));
        }).ToList();

        return Result<EntrySheet>.Ok(new EntrySheet(
            plan.Id, plan.Year, plan.Title, chosen, open, EntryWindow.Closes(plan.Year, chosen, Settings.ClosingDay), reopened,
            inForce && !reported && AccessRules.CanApprovePlan(user, plan.OrganisationId) && !open && EntryWindow.HasStarted(plan.Year, chosen, now),
            filter, services, rows));
    }

    /// <summary>
    /// Saves the changed cells of one month in one transaction. A cell someone else changed since the
    /// page was opened is a conflict: then nothing is saved and both values come back.
    /// </summary>
    public async Task<Result<SaveOutcome>> SaveMonthAsync(int planId, int month, IReadOnlyList<CellInput> cells, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var user = currentUser.Required;
        var plan = await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user)).Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Year, p.OrganisationId, p.Status, p.VersionNumber }).SingleOrDefaultAsync(cancellationToken);
        if (plan is null || month is < 1 or > 12)
        {
            return Result<SaveOutcome>.NotFound();
        }

        var now = clock.GetUtcNow();
        if (plan.Status != PlanStatus.InForce && plan.VersionNumber == 1)
        {
            return Result<SaveOutcome>.Invalid([new ValidationError(string.Empty, Messages.NotInForce)]);
        }

        var reopened = await db.MonthReopenings.Where(r => r.PlanId == planId && r.Month == month)
            .OrderByDescending(r => r.Until).Select(r => (DateTimeOffset?)r.Until).FirstOrDefaultAsync(cancellationToken);
        if (await QuarterLockedAsync(planId, month, cancellationToken) || !EntryWindow.IsOpen(plan.Year, month, now, Settings.ClosingDay, reopened))
        {
            return Result<SaveOutcome>.Invalid([new ValidationError(string.Empty, Messages.Locked)]);
        }

        var ids = cells.Select(c => c.IndicatorId).Distinct().ToList();
        var indicators = await db.Indicators.Where(i => i.PlanId == planId && ids.Contains(i.Id))
            .Include(i => i.ResponsibleServices)
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        if (indicators.Count != ids.Count)
        {
            return Result<SaveOutcome>.NotFound();
        }

        // Every cell is read and checked before anything is written, so each bad cell gets its own message.
        var errors = new List<ValidationError>();
        var typed = new List<(CellInput Cell, decimal? Value)>();
        foreach (var cell in cells)
        {
            var indicator = indicators[cell.IndicatorId];
            if (!AccessRules.CanWriteActual(user, plan.OrganisationId, indicator.ResponsibleServices.Select(r => r.ServiceId)))
            {
                return Result<SaveOutcome>.Forbidden();
            }

            errors.AddRange(PlanRules.ReadValue(indicator.Measure, cell.Text, CellField(cell.IndicatorId), out var value));
            if (cell.Note is { Length: > NoteLength })
            {
                errors.Add(new ValidationError(NoteField(cell.IndicatorId), Messages.NoteTooLong));
            }

            typed.Add((cell, value));
        }

        if (errors.Count > 0)
        {
            return Result<SaveOutcome>.Invalid(errors);
        }

        var stored = await db.MonthlyActuals.Where(a => ids.Contains(a.IndicatorId) && a.Month == month)
            .ToDictionaryAsync(a => a.IndicatorId, cancellationToken);
        var changed = typed.Where(c =>
        {
            var current = stored.GetValueOrDefault(c.Cell.IndicatorId);
            return current is null ? MonthlyActual.Holds(c.Value, c.Cell.Note) : current.Value != c.Value || current.Note != Normalise(c.Cell.Note);
        }).ToList();
        var conflicts = changed
            .Where(c => stored.GetValueOrDefault(c.Cell.IndicatorId) is { } current ? current.Version != c.Cell.Version : c.Cell.Version is not null)
            .Select(c => Conflict(c.Cell, c.Value, stored.GetValueOrDefault(c.Cell.IndicatorId), indicators[c.Cell.IndicatorId].Number))
            .ToList();
        if (conflicts.Count > 0)
        {
            return Result<SaveOutcome>.Ok(new SaveOutcome(0, 0, conflicts));
        }

        foreach (var (cell, value) in changed)
        {
            var current = stored.GetValueOrDefault(cell.IndicatorId);
            db.ActualChanges.Add(new ActualChange(cell.IndicatorId, month, current?.Value, value, current?.Note, Normalise(cell.Note), user.UserId, user.UserName, now));
            if (current is null)
            {
                db.MonthlyActuals.Add(new MonthlyActual(indicators[cell.IndicatorId], month, value, cell.Note, user.UserId, now));
                continue;
            }

            db.Entry(current).Property(a => a.Version).OriginalValue = cell.Version!.Value;
            if (MonthlyActual.Holds(value, cell.Note))
            {
                current.Change(value, cell.Note, user.UserId, now);
            }
            else
            {
                db.MonthlyActuals.Remove(current);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same cells between our read and our write (a changed row version, or a
            // new row for the same month): nothing of ours was written; show them what is there now.
            db.ChangeTracker.Clear();
            var now2 = await db.MonthlyActuals.AsNoTracking().Where(a => ids.Contains(a.IndicatorId) && a.Month == month).ToDictionaryAsync(a => a.IndicatorId, cancellationToken);
            return Result<SaveOutcome>.Ok(new SaveOutcome(0, 0, [.. changed.Select(c => Conflict(c.Cell, c.Value, now2.GetValueOrDefault(c.Cell.IndicatorId), indicators[c.Cell.IndicatorId].Number))]));
        }

        return Result<SaveOutcome>.Ok(new SaveOutcome(
            changed.Count(c => stored.GetValueOrDefault(c.Cell.IndicatorId)?.Value != c.Value),
            changed.Count(c => stored.GetValueOrDefault(c.Cell.IndicatorId)?.Note != Normalise(c.Cell.Note)),
            []));
    }

    /// <summary>Every change of one value, newest first.</summary>
    public async Task<Result<IReadOnlyList<ActualChangeLine>>> HistoryAsync(int indicatorId, int month, CancellationToken cancellationToken = default)
    {
        var visible = await db.Indicators.Where(AccessRules.IndicatorsVisibleTo(currentUser.Required)).AnyAsync(i => i.Id == indicatorId, cancellationToken);
        if (!visible)
        {
            return Result<IReadOnlyList<ActualChangeLine>>.NotFound();
        }

        return Result<IReadOnlyList<ActualChangeLine>>.Ok(await db.ActualChanges.AsNoTracking()
            .Where(c => c.IndicatorId == indicatorId && c.Month == month)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new ActualChangeLine(c.At, c.UserName, c.OldValue, c.NewValue, c.OldNote, c.NewNote))
            .ToListAsync(cancellationToken));
    }

    /// <summary>The director reopens a locked month of their centre's plan, with a reason (recorded).</summary>
    public async Task<Result> ReopenAsync(int planId, int month, string? reason, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        var plan = await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user)).Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Year, p.OrganisationId }).SingleOrDefaultAsync(cancellationToken);
        if (plan is null || month is < 1 or > 12)
        {
            return Result.NotFound();
        }

        if (!AccessRules.CanApprovePlan(user, plan.OrganisationId))
        {
            return Result.Forbidden();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Invalid([new ValidationError("Reason", Messages.ReasonRequired)]);
        }

        var now = clock.GetUtcNow();
        db.MonthReopenings.Add(new MonthReopening(plan.Id, month, reason, user.UserId, user.UserName, now, now.AddDays(Settings.ReopenDays)));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    /// <summary>
    /// The to-do list of an entry sheet: its rows' due months up to now without a value (those a month
    /// has ended for), each marked open or locked. Built from the sheet shown, so it costs three small queries.
    /// </summary>
    public async Task<IReadOnlyList<MissingEntry>> MissingAsync(EntrySheet sheet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var planId = sheet.PlanId;
        var now = clock.GetUtcNow();
        var year = sheet.Year;
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId).Select(i => new { i.Id, i.Target, i.Schedule }).ToDictionaryAsync(i => i.Id, cancellationToken);
        var reopened = (await db.MonthReopenings.AsNoTracking().Where(r => r.PlanId == planId).Select(r => new { r.Month, r.Until }).ToListAsync(cancellationToken))
            .GroupBy(r => r.Month).ToDictionary(g => g.Key, g => g.Max(r => r.Until));
        var lockedQuarters = await db.ReportSubmissions.AsNoTracking()
            .Where(r => r.PlanId == planId && (r.Status == Reports.ReportStatus.Submitted || r.Status == Reports.ReportStatus.Accepted))
            .Select(r => r.Quarter).ToListAsync(cancellationToken);
        bool IsOpen(int m) => !lockedQuarters.Contains(((m - 1) / 3) + 1)
            && EntryWindow.IsOpen(year, m, now, Settings.ClosingDay, reopened.TryGetValue(m, out var until) ? until : null);
        return
        [
            .. sheet.Rows.SelectMany(r => Enumerable.Range(1, 12)
                .Where(m => EntryWindow.HasStarted(year, m, now) && EntryWindow.Today(now) > new DateOnly(year, m, 1).AddMonths(1).AddDays(-1) && PlanRules.ExpectsActual(indicators[r.IndicatorId].Target, indicators[r.IndicatorId].Schedule, m) && r.Months[m - 1] is null)
                .Select(m => new MissingEntry(planId, r.IndicatorId, r.Number, r.Name, m, IsOpen(m)))),
        ];
    }

    /// <summary>Per service and month up to now: how many due values are entered (director and inspector; a service head sees their own).</summary>
    public async Task<IReadOnlyList<Completeness>> CompletenessAsync(int planId, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        var plan = await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user)).Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Year, p.OrganisationId }).SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var months = Enumerable.Range(1, 12).Where(m => EntryWindow.HasStarted(plan.Year, m, now)).ToList();
        var services = await db.Services.AsNoTracking().Where(s => s.OrganisationId == plan.OrganisationId)
            .Where(s => !user.IsInRole(Roles.ServiceHead) || s.Id == user.ServiceId)
            .OrderBy(s => s.SortOrder).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId)
            .Select(i => new { i.Id, i.Target, i.Schedule, Services = i.ResponsibleServices.Select(r => r.ServiceId).ToList() }).ToListAsync(cancellationToken);
        var entered = (await db.MonthlyActuals.AsNoTracking().Where(a => a.Indicator!.PlanId == planId && a.Value != null).Select(a => new { a.IndicatorId, a.Month }).ToListAsync(cancellationToken))
            .Select(a => (a.IndicatorId, a.Month)).ToHashSet();
        return
        [
            .. services.SelectMany(s => months.Select(m =>
            {
                var due = indicators.Where(i => i.Services.Contains(s.Id) && PlanRules.ExpectsActual(i.Target, i.Schedule, m)).ToList();
                return new Completeness(s.Id, s.Name, m, due.Count(i => entered.Contains((i.Id, m))), due.Count);
            })),
        ];
    }

    /// <summary>A month whose quarter's report is with the regional centre (or accepted) is locked.</summary>
    private Task<bool> QuarterLockedAsync(int planId, int month, CancellationToken cancellationToken)
    {
        var quarter = ((month - 1) / 3) + 1;
        return db.ReportSubmissions.AnyAsync(
            r => r.PlanId == planId && r.Quarter == quarter && (r.Status == Reports.ReportStatus.Submitted || r.Status == Reports.ReportStatus.Accepted), cancellationToken);
    }

    private static string? Normalise(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private static CellConflict Conflict(CellInput mine, decimal? yours, MonthlyActual? theirs, string number) =>
        new(mine.IndicatorId, number, yours, Normalise(mine.Note), theirs?.Value, theirs?.Note, theirs?.EnteredBy, theirs?.EnteredAt, theirs?.Version);

    /// <summary>
    /// The "of which" warnings of a month's sheet: the month itself and the year to date, over every row of the
    /// plan (a family may span services, so the whole plan, whichever rows the sheet shows).
    /// </summary>
    private async Task<(IReadOnlyDictionary<int, IReadOnlyList<ValidationError>> Warnings, IReadOnlyDictionary<int, string> Marks)> OfWhichAsync(
        int planId, int month, CancellationToken cancellationToken)
    {
        var rows = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId && (i.ParentId != null || i.Children.Any()))
            .Select(i => new FamilyRow(i.Id, i.ParentId, i.Number, i.Rollup, i.ChildrenPartition)).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return (new Dictionary<int, IReadOnlyList<ValidationError>>(), new Dictionary<int, string>());
        }

        var ids = rows.Select(r => r.Id).ToList();
        var figures = await db.MonthlyActuals.AsNoTracking().Where(a => ids.Contains(a.IndicatorId) && a.Month <= month && a.Value != null)
            .Select(a => new MonthFigure(a.IndicatorId, a.Month, a.Value!.Value)).ToListAsync(cancellationToken);
        var warnings = OfWhichCheck.Check(rows, figures, [new CheckedPeriod(MonthField, month, month), new CheckedPeriod(YearToDateField, 1, month)]);
        return (warnings, OfWhichCheck.Marks(rows, warnings));
    }
}
