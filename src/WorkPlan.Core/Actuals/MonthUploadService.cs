using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlan.Core.Access;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.Core.Actuals;

/// <summary>
/// The month's sheet offline: downloaded as Excel, filled at home, uploaded back through a preview that shows
/// every change (old → new), every problem by row and every conflict, before anything is stored. Confirming the
/// preview is the grid's own save (<see cref="ActualsService.SaveMonthAsync"/>): the same rules, history and
/// concurrency, in one transaction.
/// </summary>
public sealed class MonthUploadService(
    IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, IOptions<ActualsOptions> options, ActualsService actuals, IMonthWorkbookReader reader)
{
    /// <summary>Largest file accepted: 10 MB (a month's sheet is some 30 KB).</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    /// <summary>The field the file's own problems are reported on.</summary>
    public const string FileField = "File";

    public static class Messages
    {
        public const string NoFile = "Upload.NoFile";
        public const string OtherCentre = "Upload.OtherCentre";
        public const string OtherPlan = "Upload.OtherPlan";
        public const string OtherMonth = "Upload.OtherMonth";
        public const string NoRows = "Upload.NoRows";
        public const string NotInPlan = "Upload.NotInPlan";
        public const string NoMatch = "Upload.NoMatch";
        public const string Twice = "Upload.Twice";
        public const string NotYourService = "Upload.NotYourService";
    }

    /// <summary>Where an upload goes: a month of a plan the user can see (its title, centre and whether the month is open for them).</summary>
    public async Task<Result<UploadTarget>> TargetAsync(int planId, int month, CancellationToken cancellationToken = default)
    {
        if (month is < 1 or > 12 || await EntryPlan.FindAsync(db, currentUser.Required, planId, cancellationToken) is not { } plan)
        {
            return Result<UploadTarget>.NotFound();
        }

        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == plan.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        return Result<UploadTarget>.Ok(new UploadTarget(plan.Id, plan.Year, month, plan.Title, organisation, await LockOfAsync(plan, month, cancellationToken) is null));
    }

    /// <summary>The month's sheet to download (the default month when none is asked for), cut to the service chosen as the grid is.</summary>
    public async Task<Result<MonthWorkbook>> WorkbookAsync(int planId, int? month, int? serviceId, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Required;
        if (await EntryPlan.FindAsync(db, user, planId, cancellationToken) is not { } plan)
        {
            return Result<MonthWorkbook>.NotFound();
        }

        var states = await MonthLocks.ForPlanAsync(db, plan.Id, plan.Year, plan.InForce, clock.GetUtcNow(), options.Value.ClosingDay, cancellationToken);
        var sheet = await actuals.SheetAsync(plan, month, serviceId, states, cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == plan.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var service = sheet.Services.FirstOrDefault(s => s.Id == sheet.ServiceId)?.Name;
        var rows = sheet.Rows.Select(r => new MonthWorkbookRow(
            r.IndicatorId, r.Number, r.Name, r.Unit, r.Measure, r.Rollup, r.Target, r.IsSubRow, r.Due, r.CanWrite,
            [.. r.Months.Take(sheet.Month - 1)], r.Value, r.Note, r.Version)).ToList();
        return Result<MonthWorkbook>.Ok(new MonthWorkbook(
            new MonthWorkbookIdentity(plan.Id, plan.OrganisationId, plan.Year, sheet.Month, plan.VersionNumber, sheet.ServiceId),
            organisation, plan.Title, service, sheet.IsOpen, clock.GetUtcNow(), rows));
    }

    /// <summary>
    /// Reads an uploaded sheet for the month of the plan and says what confirming it would save; stores nothing.
    /// A file that is not a month's sheet, or is another centre's, plan's or month's, or a month that is locked,
    /// is refused whole (<see cref="Result{T}.Invalid"/> on <see cref="FileField"/>).
    /// </summary>
    public async Task<Result<UploadPreview>> PreviewAsync(int planId, int month, Stream content, long length, MonthSheetHeadings headings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var user = currentUser.Required;
        if (month is < 1 or > 12 || await EntryPlan.FindAsync(db, user, planId, cancellationToken) is not { } plan)
        {
            return Result<UploadPreview>.NotFound();
        }

        var file = reader.Read(content, length, headings);
        if (file.ErrorKey is { } key)
        {
            return Refused(key, [.. file.Arguments]);
        }

        if (file.Identity is { } identity && Mismatch(identity, plan, month) is { } mismatch)
        {
            return Result<UploadPreview>.Invalid([mismatch]);
        }

        if (await LockOfAsync(plan, month, cancellationToken) is { } refusal)
        {
            return Result<UploadPreview>.Invalid([refusal]);
        }

        var byIds = file.Identity is not null;
        var cells = await MatchAsync(plan, file.Rows, byIds, cancellationToken);
        if (cells.Count == 0)
        {
            return Refused(Messages.NoRows);
        }

        var preview = await ReviewAsync(plan, month, cells, cancellationToken);
        return Result<UploadPreview>.Ok(preview with { MatchedByIds = byIds, PlanChanged = file.Identity is { } id && id.PlanVersion != plan.VersionNumber });
    }

    /// <summary>
    /// The preview again after a confirmation found conflicts: the cells as the preview's form posted them (their
    /// sheet rows and the file's order are gone; what remains is what would be saved).
    /// </summary>
    public async Task<Result<UploadPreview>> PreviewPostedAsync(int planId, int month, IReadOnlyList<CellInput> cells, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (month is < 1 or > 12 || await EntryPlan.FindAsync(db, currentUser.Required, planId, cancellationToken) is not { } plan)
        {
            return Result<UploadPreview>.NotFound();
        }

        var lines = await ReviewAsync(plan, month, [.. cells.Select(c => new MatchedCell(null, c.IndicatorId, null, null, true, c))], cancellationToken);
        return Result<UploadPreview>.Ok(lines);
    }

    private static Result<UploadPreview> Refused(string key, params object[] arguments) =>
        Result<UploadPreview>.Invalid([new ValidationError(FileField, key, arguments)]);

    private static ValidationError? Mismatch(MonthWorkbookIdentity identity, EntryPlan plan, int month) =>
        identity.OrganisationId != plan.OrganisationId ? new ValidationError(FileField, Messages.OtherCentre)
        : identity.PlanId != plan.Id ? new ValidationError(FileField, Messages.OtherPlan, identity.Year)
        : identity.Month != month ? new ValidationError(FileField, Messages.OtherMonth, new YearMonth(identity.Year, identity.Month), new YearMonth(plan.Year, month))
        : null;

    private async Task<ValidationError?> LockOfAsync(EntryPlan plan, int month, CancellationToken cancellationToken)
    {
        var states = await MonthLocks.ForPlanAsync(db, plan.Id, plan.Year, plan.InForce, clock.GetUtcNow(), options.Value.ClosingDay, cancellationToken);
        return states[month - 1].Lock is { } monthLock ? MonthLocks.Refusal(monthLock) with { Field = FileField } : null;
    }

    /// <summary>
    /// The file's rows as cells of the plan: by their hidden indicator ids (each with the version and what the file
    /// showed), or, without them, by number and name (then nothing is known of what the file showed: a value that
    /// differs from a stored one is a conflict to decide, never a silent overwrite).
    /// </summary>
    private async Task<List<MatchedCell>> MatchAsync(EntryPlan plan, IReadOnlyList<UploadedRow> rows, bool byIds, CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().InForce().Where(i => i.PlanId == plan.Id)
            .Select(i => new { i.Id, Number = i.InForceNumber, Name = i.InForceName }).ToListAsync(cancellationToken);
        var ids = indicators.Select(i => i.Id).ToHashSet();
        var byNumber = indicators.ToLookup(i => NumberLabel.Normalise(i.Number));
        return
        [
            .. rows.Select(row =>
            {
                int? found = byIds
                    ? row.IndicatorId is { } id && ids.Contains(id) ? id : null
                    : byNumber[NumberLabel.Normalise(row.Number ?? string.Empty)].FirstOrDefault(i => UzbekText.SameName(i.Name, row.Name))?.Id;
                var cell = new CellInput(found ?? 0, row.Value, row.Note, byIds ? row.Version : null)
                {
                    Shown = byIds ? row.Shown : null,
                    ShownNote = byIds ? row.ShownNote : null,
                };
                return new MatchedCell(row.SheetRow, found, row.Number, row.Name, byIds, cell);
            }),
        ];
    }

    /// <summary>What saving the cells would do, line by line, by the grid's rules (<see cref="CellEdits"/>).</summary>
    private async Task<UploadPreview> ReviewAsync(EntryPlan plan, int month, IReadOnlyList<MatchedCell> cells, CancellationToken cancellationToken)
    {
        var user = currentUser.Required;
        var ids = cells.Where(c => c.IndicatorId is not null).Select(c => c.IndicatorId!.Value).Distinct().ToList();
        var indicators = await db.Indicators.AsNoTracking().InForce().Where(i => i.PlanId == plan.Id && ids.Contains(i.Id))
            .Select(i => new
            {
                i.Id, Number = i.InForceNumber, Name = i.InForceName, Unit = i.InForceUnit, Measure = i.InForceMeasure, Order = i.InForceSortOrder,
                Services = i.InForceServices.Select(r => r.ServiceId).ToList(),
            })
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var stored = await db.MonthlyActuals.AsNoTracking().Where(a => ids.Contains(a.IndicatorId) && a.Month == month).ToDictionaryAsync(a => a.IndicatorId, cancellationToken);

        var seen = new HashSet<int>();
        var lines = new List<UploadLine>();
        var otherServices = 0;
        foreach (var matched in cells)
        {
            if (matched.IndicatorId is not { } id || !indicators.TryGetValue(id, out var indicator))
            {
                lines.Add(UploadLine.Refused(matched.SheetRow, matched.Number, matched.Name, matched.Cell, [new ValidationError(string.Empty, matched.ById ? Messages.NotInPlan : Messages.NoMatch)]));
                continue;
            }

            var cell = matched.Cell with { IndicatorId = id };
            var current = stored.GetValueOrDefault(id);
            var edited = CellEdits.IntentOf(indicator.Measure, cell) == CellEdits.Intent.Write;
            var line = new UploadLine(matched.SheetRow, id, indicator.Number, indicator.Name, indicator.Unit, indicator.Measure, UploadLineKind.Unchanged, current?.Value, current?.Note, current?.Value, current?.Note, [], [], null, null);
            if (!seen.Add(id))
            {
                lines.Add(line with { Kind = UploadLineKind.Problem, Problems = [new ValidationError(string.Empty, Messages.Twice)], Cell = cell });
                continue;
            }

            if (!AccessRules.CanWriteActual(user, plan.OrganisationId, indicator.Services))
            {
                // Another service's rows ride along in a whole centre's file; only a change to them is a problem.
                if (edited)
                {
                    lines.Add(line with { Kind = UploadLineKind.Problem, Problems = [new ValidationError(string.Empty, Messages.NotYourService)], Cell = cell });
                }
                else
                {
                    otherServices++;
                }

                continue;
            }

            if (!edited)
            {
                lines.Add(line);
                continue;
            }

            var problems = CellEdits.Check(indicator.Measure, cell, out var value);
            if (problems.Count > 0)
            {
                lines.Add(line with { Kind = UploadLineKind.Problem, Problems = problems, NewValue = null, NewNote = cell.Note, Cell = cell });
                continue;
            }

            var typed = line with { NewValue = value, NewNote = CellEdits.Normalise(cell.Note), Cell = cell };
            lines.Add(!CellEdits.Changes(current, value, cell.Note) ? typed with { Cell = null }
                : CellEdits.Conflicts(current, cell) ? typed with { Kind = UploadLineKind.Conflict, Conflict = ActualsService.Conflict(cell, value, current, indicator.Number) }
                : typed with { Kind = UploadLineKind.Change });
        }

        var named = await actuals.NamedAsync([.. lines.Where(l => l.Conflict is not null).Select(l => l.Conflict!)], cancellationToken);
        var byIndicator = named.ToDictionary(c => c.IndicatorId);
        var saved = lines.Where(l => l.Kind is UploadLineKind.Change).ToDictionary(l => l.IndicatorId!.Value, l => l.NewValue);
        var (warnings, _) = await actuals.OfWhichAsync(plan.Id, month, cancellationToken, saved);
        lines = [.. lines.Select(l => l with
        {
            Conflict = l.Conflict is null ? null : byIndicator[l.Conflict.IndicatorId],
            Warnings = l.Kind is UploadLineKind.Change or UploadLineKind.Unchanged ? OfWhichOf(l, warnings) : [],
        })];
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == plan.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        return new UploadPreview(plan.Id, plan.Year, month, plan.Title, organisation, true, false, otherServices, lines);
    }

    /// <summary>
    /// The month's "of which" warnings a line shows (warnings, as in the grid, not refusals): a total's own, and on an
    /// "of which" row the one that names it above its total.
    /// </summary>
    private static IReadOnlyList<ValidationError> OfWhichOf(UploadLine line, IReadOnlyDictionary<int, IReadOnlyList<ValidationError>> warnings) =>
    [
        .. (line.IndicatorId is { } id ? warnings.GetValueOrDefault(id) ?? [] : []).Where(w => w.Field == ActualsService.MonthField),
        .. warnings.Values.SelectMany(w => w)
            .Where(w => w.Field == ActualsService.MonthField && w.MessageKey == PlanRules.Messages.ChildExceedsParent && Equals(w.Arguments[0], line.Number)),
    ];

    /// <summary>A row of the file and the plan row it was matched to (none: no such row in the plan in force).</summary>
    private sealed record MatchedCell(int? SheetRow, int? IndicatorId, string? Number, string? Name, bool ById, CellInput Cell);
}

/// <summary>The month of a plan an upload goes to.</summary>
public sealed record UploadTarget(int PlanId, int Year, int Month, string PlanTitle, string OrganisationName, bool IsOpen);

/// <summary>What confirming an upload does with a row.</summary>
public enum UploadLineKind
{
    /// <summary>The file holds what is stored: nothing to save.</summary>
    Unchanged,

    /// <summary>Saved on confirmation: old → new.</summary>
    Change,

    /// <summary>Someone changed the value on the server after the download: saved only as the user chooses.</summary>
    Conflict,

    /// <summary>Not saved: the row's problems say why.</summary>
    Problem,
}

/// <summary>
/// A row of the upload's preview: the plan row, what is stored and what the file holds, its problems, its "of which"
/// warnings for the month, a conflict's other value, and the cell that confirming posts (changes and conflicts).
/// </summary>
public sealed record UploadLine(
    int? SheetRow,
    int? IndicatorId,
    string? Number,
    string? Name,
    string? Unit,
    Measure Measure,
    UploadLineKind Kind,
    decimal? OldValue,
    string? OldNote,
    decimal? NewValue,
    string? NewNote,
    IReadOnlyList<ValidationError> Problems,
    IReadOnlyList<ValidationError> Warnings,
    CellConflict? Conflict,
    CellInput? Cell)
{
    internal static UploadLine Refused(int? sheetRow, string? number, string? name, CellInput cell, IReadOnlyList<ValidationError> problems) =>
        new(sheetRow, null, number, name, null, Measure.Count, UploadLineKind.Problem, null, null, null, cell.Note, problems, [], null, cell);
}

/// <summary>
/// The upload's preview: which month of which plan, whether rows were matched by the file's hidden ids (or by number
/// and name), whether the plan changed since the download, how many rows of other services were left as they are,
/// and every row.
/// </summary>
public sealed record UploadPreview(int PlanId, int Year, int Month, string PlanTitle, string OrganisationName, bool MatchedByIds, bool PlanChanged, int OtherServiceRows, IReadOnlyList<UploadLine> Lines)
{
    public int Changes => Lines.Count(l => l.Kind == UploadLineKind.Change);

    public int Conflicts => Lines.Count(l => l.Kind == UploadLineKind.Conflict);

    public int Problems => Lines.Count(l => l.Kind == UploadLineKind.Problem);

    /// <summary>Whether confirming would save anything (conflicts once chosen).</summary>
    public bool CanConfirm => Changes + Conflicts > 0;
}
