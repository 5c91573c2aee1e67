using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Common;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Actuals;

/// <summary>Monthly actuals: the entry sheet, saving a month, a value's history, reopening a locked month.</summary>
public sealed class ActualsController(ActualsService actuals, EntryPageService pages, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int? planId, int? month, int? serviceId, CancellationToken cancellationToken) =>
        (await pages.GetAsync(planId, month, serviceId, cancellationToken)).ToActionResult(this, page => page is null
            ? View("NoPlan")
            : View(new EntryViewModel(page.Sheet, [], null, page.Missing, page.Completeness, page.Panel)));

    [HttpPost]
    [RequestSizeLimit(RequestLimits.SheetBytes)]
    [RequestFormLimits(ValueCountLimit = RequestLimits.SheetFormValues)]
    public async Task<IActionResult> Save(int planId, int month, int? serviceId, List<CellForm> cells, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cells);

        // The service reads and checks every typed value (one place for the rules); a refused month keeps what was typed.
        return await this.PostFormAsync(
                localizer,
                () => actuals.SaveMonthAsync(planId, month, [.. cells.Select(c => c.ToInput())], cancellationToken),
                async outcome =>
                {
                    if (outcome.HasConflicts)
                    {
                        return await SheetWithAsync(planId, month, serviceId, cells, outcome.Conflicts, cancellationToken);
                    }

                    TempData["Message"] = SavedMessage(localizer, outcome);
                    return RedirectToAction(nameof(Index), new { planId, month, serviceId });
                },
                prefix: null,
                doneKey: null)
            ?? await SheetWithAsync(planId, month, serviceId, cells, [], cancellationToken);
    }

    [HttpGet]
    public async Task<IActionResult> History(int indicatorId, int month, CancellationToken cancellationToken) =>
        (await actuals.HistoryAsync(indicatorId, month, cancellationToken)).ToActionResult(this, history => View(history));

    [HttpPost]
    public async Task<IActionResult> Reopen(int planId, int month, [StringLength(FieldLimits.Reason, ErrorMessage = "Validation.TooLong")] string? reason, [FromServices] MonthLockService locks, CancellationToken cancellationToken) =>
        AfterLockStep(await locks.ReopenAsync(planId, month, reason, cancellationToken), "Actuals.Reopened", () => RedirectToAction(nameof(Index), new { planId, month }));

    /// <summary>A service head (or the inspector) asks the director to reopen a locked month.</summary>
    [HttpPost]
    public async Task<IActionResult> RequestReopen(int planId, int month, [StringLength(FieldLimits.Reason, ErrorMessage = "Validation.TooLong")] string? reason, [FromServices] MonthLockService locks, CancellationToken cancellationToken) =>
        AfterLockStep(await locks.RequestAsync(planId, month, reason, cancellationToken), "MonthLock.Requested", () => RedirectToAction(nameof(Index), new { planId, month }));

    /// <summary>The director declines a request to reopen a month, with a reason.</summary>
    [HttpPost]
    public async Task<IActionResult> DeclineReopen(long id, [StringLength(FieldLimits.Reason, ErrorMessage = "Validation.TooLong")] string? reason, [FromServices] MonthLockService locks, CancellationToken cancellationToken) =>
        AfterLockStep(await locks.DeclineAsync(id, reason, cancellationToken), "MonthLock.Declined", () => RedirectToAction("Index", "Home"));

    private IActionResult AfterLockStep(Result result, string doneKey, Func<IActionResult> back) => result.AfterStep(this, localizer, doneKey, back);

    /// <summary>What the save wrote, counted honestly: values and notes, or nothing at all.</summary>
    internal static string SavedMessage(IStringLocalizer localizer, SaveOutcome outcome) => outcome switch
    {
        { Values: 0, Notes: 0 } => localizer["Actuals.NothingChanged"].Value,
        { Notes: 0 } => localizer["Actuals.Saved", outcome.Values].Value,
        _ => localizer["Actuals.SavedWithNotes", outcome.Values, outcome.Notes].Value,
    };

    /// <summary>The sheet again with what the user typed kept in the cells, and the conflicts to decide.</summary>
    private async Task<IActionResult> SheetWithAsync(int planId, int month, int? serviceId, List<CellForm> typed, IReadOnlyList<CellConflict> conflicts, CancellationToken cancellationToken)
    {
        var page = await pages.GetAsync(planId, month, serviceId, cancellationToken);
        return page.ToActionResult(this, p => p is null
            ? NotFound()
            : View("Index", new EntryViewModel(p.Sheet, conflicts, typed.GroupBy(c => c.IndicatorId).ToDictionary(g => g.Key, g => g.Last()), [], [], p.Panel)));
    }
}

/// <summary>A cell as posted: the text typed (read in any of the UI's number styles by the service), its note and the version the page showed.</summary>
public sealed class CellForm
{
    public int IndicatorId { get; set; }

    /// <summary>The text typed, any length: the service says what is wrong with it (not a number, too large, ...).</summary>
    public string? Value { get; set; }

    public string? Note { get; set; }

    /// <summary>The version of the row the page showed (the user's edit starts from it).</summary>
    public uint? Version { get; set; }

    /// <summary>The value the page showed, so that only what the user changed is saved.</summary>
    public string? Shown { get; set; }

    /// <summary>The note the page showed.</summary>
    public string? ShownNote { get; set; }

    /// <summary>After a conflict: keep mine or take theirs (nothing until the user chooses).</summary>
    public CellChoice Choice { get; set; }

    /// <summary>After a conflict: the version of the other value the page showed.</summary>
    public uint? TheirVersion { get; set; }

    public CellInput ToInput() => new(IndicatorId, Value, Note, Version) { Shown = Shown, ShownNote = ShownNote, Choice = Choice, TheirVersion = TheirVersion };
}

/// <summary>The entry page: the sheet, the conflicts of a refused save, what the user had typed (kept, never lost), the to-do list, the completeness table and the month's lock panel.</summary>
public sealed record EntryViewModel(
    EntrySheet Sheet,
    IReadOnlyList<CellConflict> Conflicts,
    IReadOnlyDictionary<int, CellForm>? Typed,
    IReadOnlyList<MissingEntry> Missing,
    IReadOnlyList<Core.Actuals.Completeness> Completeness,
    MonthPanel Panel);

