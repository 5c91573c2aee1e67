using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlan.Core.Access;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Actuals;

/// <summary>
/// Monthly actuals: the entry sheet, saving a month in one transaction with no silent overwrite,
/// each value's history, and what is still missing (locks and reopening: <see cref="MonthLocks"/>, <see cref="MonthLockService"/>).
/// </summary>
public sealed class ActualsService(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, IOptions<ActualsOptions> options, IPeople people)
{
    public static class Messages
    {
        public const string NotInForce = "Actuals.NotInForce";
        public const string NotYours = "Actuals.NotYours";
        public const string NoteTooLong = "Actuals.NoteTooLong";
    }

    /// <summary>The field of an "of which" warning about the month shown.</summary>
    public const string MonthField = "Month";

    /// <summary>The field of an "of which" warning about the year to date.</summary>
    public const string YearToDateField = "YearToDate";

    /// <summary>The longest note a month's entry keeps.</summary>
    public const int NoteLength = FieldLimits.Note;

    private ActualsOptions Settings => options.Value;

    /// <summary>The field a cell's value error is reported on ("cell-{indicator id}"), the id of its input on the page.</summary>
    public static string CellField(int indicatorId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cell-{indicatorId}");

    /// <summary>The field a cell's note error is reported on ("note-{indicator id}").</summary>
    public static string NoteField(int indicatorId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"note-{indicatorId}");

    /// <summary>The plan a user enters into by default: their centre's plan of the current year (or the latest one in force).</summary>
    public Task<int?> DefaultPlanAsync(CancellationToken cancellationToken = default) => DefaultPlan.ForAsync(db, currentUser.Required, clock, cancellationToken);

    /// <summary>
    /// The sheet of one month (the default month when none is asked for) of a plan the user can see, from the
    /// plan's month states (<see cref="MonthLocks.ForPlanAsync"/>, read once by the page that shows it).
    /// </summary>
    internal async Task<EntrySheet> SheetAsync(EntryPlan plan, int? month, int? serviceId, IReadOnlyList<MonthState> states, CancellationToken cancellationToken)
    {
        var user = currentUser.Required;
        var planId = plan.Id;
        var now = clock.GetUtcNow();
        var chosen = month is >= 1 and <= 12 ? month.Value : EntryWindow.DefaultMonth(plan.Year, now, Settings.ClosingDay);
        var state = states[chosen - 1];
        var open = state.IsOpen;

        var services = await db.Services.AsNoTracking().Where(s => s.OrganisationId == plan.OrganisationId).OrderBy(s => s.SortOrder)
            .Select(s => new ServiceChoice(s.Id, s.Name)).ToListAsync(cancellationToken);
        var filter = AccessRules.ServiceScope(user, serviceId);
        var indicators = await db.Indicators.AsNoTracking().InForce().Where(i => i.PlanId == planId)
            .Where(i => filter == null || i.InForceServices.Any(r => r.ServiceId == filter))
            .OrderBy(i => i.InForceSortOrder)
            .Select(i => new
            {
                i.Id, Number = i.InForceNumber, Name = i.InForceName, Unit = i.InForceUnit, Measure = i.InForceMeasure, Rollup = i.InForceRollup,
                Target = i.InForceTarget, ParentId = i.InForceParentId, Schedule = i.InForceSchedule, ChildrenPartition = i.InForceChildrenPartition,
                Services = i.InForceServices.Select(r => r.ServiceId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var ids = indicators.Select(i => i.Id).ToList();
        var actuals = await db.MonthlyActuals.AsNoTracking().Where(a => ids.Contains(a.IndicatorId))
            .Select(a => new { a.IndicatorId, a.Month, a.Value, a.Note, a.Version })
            .ToListAsync(cancellationToken);
        var byIndicator = actuals.ToLookup(a => a.IndicatorId);
        var (warnings, marks) = await OfWhichAsync(planId, chosen, cancellationToken);
        var latest = await db.MonthlyActuals.AsNoTracking().Where(a => a.Indicator!.PlanId == planId && a.Value != null).MaxAsync(a => (int?)a.Month, cancellationToken);
        var asOf = Math.Min(chosen, Execution.AsOfMonth(plan.Year, LocalClock.DateOf(now), latest));

        var rows = indicators.Select(i =>
        {
            var values = byIndicator[i.Id].ToDictionary(a => a.Month);
            var months = Enumerable.Range(1, 12).Select(m => values.TryGetValue(m, out var a) ? a.Value : null).ToList();
            var current = values.GetValueOrDefault(chosen);
            decimal? YearTo(int last) => Rollup.Combine(i.Rollup, values.Values.Where(a => a.Month <= last && a.Value is not null).Select(a => (a.Month, a.Value!.Value)));
            var ytd = YearTo(chosen);
            var percent = Execution.Percent(ytd, i.Target);
            var behind = Execution.IsBehind(i.Rollup, i.Target, asOf == chosen ? ytd : YearTo(asOf), i.Schedule, asOf, Settings.BehindMargin);
            return new EntryRow(
                i.Id, i.Number, i.Name, i.Unit, i.Measure, i.Rollup, i.Target, i.ParentId is not null, PlanRules.ExpectsActual(i.Target, i.Schedule, i.Rollup, chosen),
                open && AccessRules.CanWriteActual(user, plan.OrganisationId, i.Services),
                months, current?.Value, current?.Note, current?.Version, ytd, percent, behind, warnings.GetValueOrDefault(i.Id) ?? [], marks.GetValueOrDefault(i.Id));
        }).ToList();

        return new EntrySheet(
            plan.Id, plan.Year, plan.Title, chosen, open, EntryWindow.Closes(plan.Year, chosen, Settings.ClosingDay), state.Reopening?.Until,
            state.Lock is { DirectorReopens: true } && AccessRules.CanReopenMonths(user, plan.OrganisationId),
            filter, services, rows);
    }

    /// <summary>
    /// Saves the cells of one month the user changed (<see cref="CellEdits"/>) in one transaction. A changed cell
    /// someone else saved since the page showed it is a conflict until the user chooses for it: then nothing is
    /// saved and both values come back. The save holds the plan's lock, as the quarter's submission does, and
    /// checks the month's lock under it: a save either is in the report's snapshot or is refused.
    /// </summary>
    public async Task<Result<SaveOutcome>> SaveMonthAsync(int planId, int month, IReadOnlyList<CellInput> cells, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        try
        {
            return await db.InTransactionAsync(ct => SaveLockedAsync(planId, month, cells, ct), cancellationToken);
        }
        catch (DbUpdateException exception) when (SaveFailures.IsConflict(exception))
        {
            // Someone wrote the same cells between our read and our write (outside the plan's lock): nothing of
            // ours was written; show them what is there now.
            db.ChangeTracker.Clear();
            var ids = cells.Select(c => c.IndicatorId).Distinct().ToList();
            var indicators = await db.Indicators.AsNoTracking().InForce().Where(i => i.PlanId == planId && ids.Contains(i.Id))
                .ToDictionaryAsync(i => i.Id, i => new { Number = i.InForceNumber, Measure = i.InForceMeasure }, cancellationToken);
            var now = await db.MonthlyActuals.AsNoTracking().Where(a => ids.Contains(a.IndicatorId) && a.Month == month).ToDictionaryAsync(a => a.IndicatorId, cancellationToken);
            var lost = cells.Where(c => indicators.ContainsKey(c.IndicatorId) && CellEdits.IntentOf(indicators[c.IndicatorId].Measure, c) == CellEdits.Intent.Write)
                .Select(c =>
                {
                    PlanRules.ReadValue(indicators[c.IndicatorId].Measure, c.Text, string.Empty, out var value);
                    return Conflict(c, value, now.GetValueOrDefault(c.IndicatorId), indicators[c.IndicatorId].Number);
                })
                .ToList();
            return Result<SaveOutcome>.Ok(new SaveOutcome(0, 0, await NamedAsync(lost, cancellationToken)));
        }
    }

    private async Task<Result<SaveOutcome>> SaveLockedAsync(int planId, int month, IReadOnlyList<CellInput> cells, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var user = currentUser.Required;
        var plan = await db.Plans.AsNoTracking().Where(AccessRules.PlansVisibleTo(user)).Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Year, p.OrganisationId, p.Status, p.VersionNumber }).SingleOrDefaultAsync(cancellationToken);
        if (plan is null || month is < 1 or > 12)
        {
            return Result<SaveOutcome>.NotFound();
        }

        // Under the plan's lock, the quarter's report is read as the submission left it.
        await db.LockPlanAsync(planId, cancellationToken);
        var now = clock.GetUtcNow();
        var inForce = PlanRules.HasVersionInForce(plan.Status, plan.VersionNumber);
        var state = (await MonthLocks.ForPlanAsync(db, planId, plan.Year, inForce, now, Settings.ClosingDay, cancellationToken))[month - 1];
        if (state.Lock is { } monthLock)
        {
            return Result<SaveOutcome>.Invalid([MonthLocks.Refusal(monthLock)]);
        }

        if (cells.GroupBy(c => c.IndicatorId).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return Result<SaveOutcome>.Invalid([new ValidationError(CellField(twice.Key), FieldLimits.Messages.Twice)]);
        }

        var ids = cells.Select(c => c.IndicatorId).Distinct().ToList();
        var indicators = await db.Indicators.InForce().Where(i => i.PlanId == planId && ids.Contains(i.Id))
            .Include(i => i.InForceServices)
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
            if (!AccessRules.CanWriteActual(user, plan.OrganisationId, indicator.InForceServices.Select(r => r.ServiceId)))
            {
                return Result<SaveOutcome>.Forbidden();
            }

            if (CellEdits.IntentOf(indicator.InForceMeasure, cell) == CellEdits.Intent.Leave)
            {
                continue;
            }

            errors.AddRange(CellEdits.Check(indicator.InForceMeasure, cell, out var value));
            typed.Add((cell, value));
        }

        if (errors.Count > 0)
        {
            return Result<SaveOutcome>.Invalid(errors);
        }

        var stored = await db.MonthlyActuals.Where(a => ids.Contains(a.IndicatorId) && a.Month == month)
            .ToDictionaryAsync(a => a.IndicatorId, cancellationToken);

        // A cell already holding what the user typed needs nothing (whoever saved it); the others replace the version they expect.
        var changed = typed.Where(c => CellEdits.Changes(stored.GetValueOrDefault(c.Cell.IndicatorId), c.Value, c.Cell.Note)).ToList();
        var conflicts = changed
            .Where(c => CellEdits.Conflicts(stored.GetValueOrDefault(c.Cell.IndicatorId), c.Cell))
            .Select(c => Conflict(c.Cell, c.Value, stored.GetValueOrDefault(c.Cell.IndicatorId), indicators[c.Cell.IndicatorId].InForceNumber))
            .ToList();
        if (conflicts.Count > 0)
        {
            return Result<SaveOutcome>.Ok(new SaveOutcome(0, 0, await NamedAsync(conflicts, cancellationToken)));
        }

        // Counted before the stored cells take the new values below.
        var values = changed.Count(c => stored.GetValueOrDefault(c.Cell.IndicatorId)?.Value != c.Value);
        var notes = changed.Count(c => stored.GetValueOrDefault(c.Cell.IndicatorId)?.Note != Normalise(c.Cell.Note));
        foreach (var (cell, value) in changed)
        {
            var current = stored.GetValueOrDefault(cell.IndicatorId);
            db.ActualChanges.Add(new ActualChange(cell.IndicatorId, month, current?.Value, value, current?.Note, Normalise(cell.Note), user.UserId, user.UserName, now));
            if (current is null)
            {
                db.MonthlyActuals.Add(new MonthlyActual(indicators[cell.IndicatorId], month, value, cell.Note, user.UserId, now));
                continue;
            }

            db.Entry(current).Property(a => a.Version).OriginalValue = CellEdits.ExpectedVersion(cell)!.Value;
            if (MonthlyActual.Holds(value, cell.Note))
            {
                current.Change(value, cell.Note, user.UserId, now);
            }
            else
            {
                db.MonthlyActuals.Remove(current);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result<SaveOutcome>.Ok(new SaveOutcome(values, notes, []));
    }

    /// <summary>Every change of one value, newest first.</summary>
    public async Task<Result<ValueHistory>> HistoryAsync(int indicatorId, int month, CancellationToken cancellationToken = default)
    {
        var indicator = await db.Indicators.AsNoTracking().WithWithdrawn().Where(AccessRules.IndicatorsVisibleTo(currentUser.Required))
            .Where(i => i.Id == indicatorId)
            .Select(i => new { Number = i.IsInForce ? i.InForceNumber : i.Number, Name = i.IsInForce ? i.InForceName : i.Name, Unit = i.IsInForce ? i.InForceUnit : i.Unit, Measure = i.IsInForce ? i.InForceMeasure : i.Measure })
            .SingleOrDefaultAsync(cancellationToken);
        if (indicator is null || month is < 1 or > 12)
        {
            return Result<ValueHistory>.NotFound();
        }

        var changes = await db.ActualChanges.AsNoTracking()
            .Where(c => c.IndicatorId == indicatorId && c.Month == month)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new { c.At, c.UserId, c.UserName, c.ValueBefore, c.ValueAfter, c.NoteBefore, c.NoteAfter })
            .ToListAsync(cancellationToken);
        var named = await people.FindAsync(changes.Select(c => c.UserId), cancellationToken);
        return Result<ValueHistory>.Ok(new ValueHistory(
            indicator.Number, indicator.Name, indicator.Unit, indicator.Measure, month,
            [.. changes.Select(c => new ActualChangeLine(c.At, named.Named(c.UserId, c.UserName), c.ValueBefore, c.ValueAfter, c.NoteBefore, c.NoteAfter))]));
    }

    /// <summary>
    /// The to-do list of an entry sheet: its rows' due months up to now without a value (those a month
    /// has ended for), each marked open or locked. Built from the sheet shown and the plan's month states, so it costs one small query.
    /// </summary>
    internal async Task<IReadOnlyList<MissingEntry>> MissingAsync(EntrySheet sheet, IReadOnlyList<MonthState> states, CancellationToken cancellationToken)
    {
        var planId = sheet.PlanId;
        var now = clock.GetUtcNow();
        var year = sheet.Year;
        var indicators = await db.Indicators.AsNoTracking().InForce().Where(i => i.PlanId == planId)
            .Select(i => new { i.Id, Target = i.InForceTarget, Schedule = i.InForceSchedule, Rollup = i.InForceRollup }).ToDictionaryAsync(i => i.Id, cancellationToken);
        bool IsOpen(int m) => states[m - 1].IsOpen;
        return
        [
            .. sheet.Rows.SelectMany(r => Enumerable.Range(1, 12)
                .Where(m =>
                {
                    var i = indicators[r.IndicatorId];
                    return EntryWindow.HasStarted(year, m, now) && LocalClock.DateOf(now) > new DateOnly(year, m, 1).AddMonths(1).AddDays(-1)
                        && PlanRules.ExpectsActual(i.Target, i.Schedule, i.Rollup, m)
                        && !r.IsAnswered(m);
                })
                .Select(m => new MissingEntry(planId, r.IndicatorId, r.Number, r.Name, m, IsOpen(m)))),
        ];
    }

    /// <summary>Per service and month up to now: how many due values are entered (director and inspector; a service head sees their own).</summary>
    public async Task<IReadOnlyList<Completeness>> CompletenessAsync(int planId, CancellationToken cancellationToken = default) =>
        await EntryPlan.FindAsync(db, currentUser.Required, planId, cancellationToken) is { } plan ? await CompletenessAsync(plan, cancellationToken) : [];

    /// <summary><see cref="CompletenessAsync(int, CancellationToken)"/> of a plan already found.</summary>
    internal async Task<IReadOnlyList<Completeness>> CompletenessAsync(EntryPlan plan, CancellationToken cancellationToken)
    {
        var user = currentUser.Required;
        var planId = plan.Id;
        var now = clock.GetUtcNow();
        var months = Enumerable.Range(1, 12).Where(m => EntryWindow.HasStarted(plan.Year, m, now)).ToList();
        var services = await db.Services.AsNoTracking().Where(s => s.OrganisationId == plan.OrganisationId)
            .Where(AccessRules.ServicesInScopeOf(user))
            .OrderBy(s => s.SortOrder).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().InForce().Where(i => i.PlanId == planId)
            .Select(i => new { i.Id, Target = i.InForceTarget, Schedule = i.InForceSchedule, Rollup = i.InForceRollup, Services = i.InForceServices.Select(r => r.ServiceId).ToList() }).ToListAsync(cancellationToken);
        var entered = (await db.MonthlyActuals.AsNoTracking().WithWithdrawn().Where(a => a.Indicator!.PlanId == planId && a.Value != null).Select(a => new { a.IndicatorId, a.Month }).ToListAsync(cancellationToken))
            .Select(a => (a.IndicatorId, a.Month)).ToHashSet();
        return
        [
            .. services.SelectMany(s => months.Select(m =>
            {
                var due = indicators.Where(i => i.Services.Contains(s.Id) && PlanRules.ExpectsActual(i.Target, i.Schedule, i.Rollup, m)).ToList();
                return new Completeness(s.Id, s.Name, m, due.Count(i => Enumerable.Range(1, m).Any(k => entered.Contains((i.Id, k)) && PlanRules.Answers(i.Target, i.Rollup, m, k))), due.Count);
            })),
        ];
    }

    private static string? Normalise(string? note) => CellEdits.Normalise(note);

    /// <summary>A conflict says who saved the other value by their name, not their user id.</summary>
    internal async Task<IReadOnlyList<CellConflict>> NamedAsync(IReadOnlyList<CellConflict> conflicts, CancellationToken cancellationToken)
    {
        var named = await people.FindAsync(conflicts.Select(c => c.By).OfType<string>(), cancellationToken);
        return [.. conflicts.Select(c => c.By is null ? c : c with { By = named.Named(c.By, c.By).Name })];
    }

    internal static CellConflict Conflict(CellInput mine, decimal? yours, MonthlyActual? theirs, string number) =>
        new(mine.IndicatorId, number, yours, Normalise(mine.Note), theirs?.Value, theirs?.Note, theirs?.EnteredBy, theirs?.EnteredAt, theirs?.Version);

    /// <summary>
    /// The "of which" warnings of a month's sheet: the month itself and the year to date, over every row of the
    /// plan (a family may span services, so the whole plan, whichever rows the sheet shows).
    /// </summary>
    /// <remarks>With <paramref name="replacing"/>, the month's stored values of those rows give way to the ones given (an upload's preview).</remarks>
    internal async Task<(IReadOnlyDictionary<int, IReadOnlyList<ValidationError>> Warnings, IReadOnlyDictionary<int, string> Marks)> OfWhichAsync(
        int planId, int month, CancellationToken cancellationToken, IReadOnlyDictionary<int, decimal?>? replacing = null)
    {
        var plan = await db.Indicators.AsNoTracking().InForce().Where(i => i.PlanId == planId)
            .Select(i => new OfWhichRow(i.Id, i.InForceParentId, i.InForceNumber, i.InForceRollup, i.InForceChildrenPartition)).ToListAsync(cancellationToken);
        var parents = plan.Where(r => r.ParentId is not null).Select(r => r.ParentId!.Value).ToHashSet();
        var rows = plan.Where(r => r.ParentId is not null || parents.Contains(r.Id)).ToList();
        if (rows.Count == 0)
        {
            return (new Dictionary<int, IReadOnlyList<ValidationError>>(), new Dictionary<int, string>());
        }

        var ids = rows.Select(r => r.Id).ToList();
        var figures = await db.MonthlyActuals.AsNoTracking().WithWithdrawn().Where(a => ids.Contains(a.IndicatorId) && a.Month <= month && a.Value != null)
            .Select(a => new MonthFigure(a.IndicatorId, a.Month, a.Value!.Value)).ToListAsync(cancellationToken);
        if (replacing is not null)
        {
            figures = [
                .. figures.Where(f => f.Month != month || !replacing.ContainsKey(f.IndicatorId)),
                .. replacing.Where(r => r.Value is not null && ids.Contains(r.Key)).Select(r => new MonthFigure(r.Key, month, r.Value!.Value)),
            ];
        }

        var warnings = OfWhichCheck.Check(rows, figures, [new CheckedPeriod(MonthField, month, month), new CheckedPeriod(YearToDateField, 1, month)]);
        return (warnings, OfWhichCheck.Marks(rows, warnings));
    }
}
