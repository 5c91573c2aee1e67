using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Actuals;
using WorkPlan.Web.Features.Actuals;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.MonthSheet;

/// <summary>
/// The month's sheet offline: download it as Excel, upload it back filled in, see the preview (changes, problems,
/// conflicts) and confirm it, which saves through the grid's own use case.
/// </summary>
public sealed class MonthSheetController(MonthUploadService uploads, ActualsService actuals, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Room for the 10 MB file and the form around it; anything bigger is cut off before it is buffered.</summary>
    private const long RequestLimit = MonthUploadService.MaxFileBytes + (256 * 1024);

    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public async Task<IActionResult> Download(int planId, int? month, int? serviceId, [FromServices] IMonthWorkbookWriter writer, CancellationToken cancellationToken) =>
        (await uploads.WorkbookAsync(planId, month, serviceId, cancellationToken)).ToActionResult(this, workbook =>
        {
            ArgumentNullException.ThrowIfNull(writer);
            var monthName = localizer[$"Month.{workbook.Identity.Month}"].Value;
            var text = new MonthWorkbookText(
                localizer["MonthSheet.Title", workbook.PlanTitle, monthName, workbook.Identity.Year].Value,
                monthName,
                localizer["Plan.Page"].Value,
                workbook.IsOpen ? localizer["MonthSheet.Instructions", monthName].Value : localizer["MonthSheet.Closed"].Value,
                localizer["Plan.Number"].Value,
                localizer["Plan.Name"].Value,
                localizer["Plan.Unit"].Value,
                localizer["Actuals.Target"].Value,
                [.. Enumerable.Range(1, 12).Select(m => localizer[$"Month.Short.{m}"].Value)],
                monthName,
                localizer["Actuals.YearToDate"].Value,
                localizer["Actuals.Percent"].Value,
                localizer["Actuals.Note"].Value);
            var name = localizer["MonthSheet.FileName", workbook.OrganisationName, monthName, workbook.Identity.Year].Value
                + (workbook.ServiceName is { } service ? $" - {service}" : string.Empty);
            return File(writer.Write(workbook, text), XlsxContentType, ExportFileName.Of(name, "xlsx"));
        });

    [HttpGet]
    public async Task<IActionResult> Upload(int planId, int month, CancellationToken cancellationToken) =>
        (await uploads.TargetAsync(planId, month, cancellationToken)).ToActionResult(this, target => View(target));

    [HttpPost]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Preview(int planId, int month, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(MonthUploadService.FileField, localizer[MonthUploadService.Messages.NoFile]);
            return await UploadAgainAsync(planId, month, cancellationToken);
        }

        await using var stream = file.OpenReadStream();
        var preview = await uploads.PreviewAsync(planId, month, stream, file.Length, Headings(month), cancellationToken);
        if (preview.Refusal(this) is { } refused)
        {
            return refused;
        }

        if (!preview.IsOk)
        {
            ModelState.AddErrors(preview.Errors, localizer);
            return await UploadAgainAsync(planId, month, cancellationToken);
        }

        return View(preview.Value);
    }

    /// <summary>
    /// Saves the preview's changes and the conflicts as chosen, through the grid's save: one transaction, the same
    /// history and concurrency. New conflicts (someone saved since the preview) show the preview again, nothing saved.
    /// </summary>
    [HttpPost]
    [RequestSizeLimit(RequestLimits.SheetBytes)]
    [RequestFormLimits(ValueCountLimit = RequestLimits.SheetFormValues)]
    public async Task<IActionResult> Confirm(int planId, int month, List<CellForm> cells, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var inputs = cells.Select(c => c.ToInput()).ToList();
        var saved = await actuals.SaveMonthAsync(planId, month, inputs, cancellationToken);
        if (saved.Refusal(this) is { } refused)
        {
            return refused;
        }

        if (!saved.IsOk)
        {
            ModelState.AddErrors(saved.Errors, localizer);
            return await UploadAgainAsync(planId, month, cancellationToken);
        }

        if (saved.Value.HasConflicts)
        {
            ModelState.AddModelError(string.Empty, localizer["Upload.StillConflicts", saved.Value.Conflicts.Count]);
            return (await uploads.PreviewPostedAsync(planId, month, inputs, cancellationToken)).ToActionResult(this, p => View(nameof(Preview), p));
        }

        TempData["Message"] = ActualsController.SavedMessage(localizer, saved.Value);
        return RedirectToAction("Index", "Actuals", new { planId, month });
    }

    /// <summary>The upload form again, with the file's or the save's problems beside the file field.</summary>
    private async Task<IActionResult> UploadAgainAsync(int planId, int month, CancellationToken cancellationToken) =>
        (await uploads.TargetAsync(planId, month, cancellationToken)).ToActionResult(this, target => View(nameof(Upload), target));

    /// <summary>The headings a sheet without its hidden keys is read by: the number's, the name's, the month's and the note's in every UI language.</summary>
    private MonthSheetHeadings Headings(int month)
    {
        var numbers = new List<string> { "№", "No", "#" };
        var names = new List<string>();
        var values = new List<string>();
        var notes = new List<string>();
        foreach (var language in Core.Reports.DocumentLanguages.All)
        {
            using var culture = DocumentCulture.Use(language);
            numbers.Add(localizer["Plan.Number"].Value);
            names.Add(localizer["Plan.Name"].Value);
            values.Add(localizer[$"Month.{Math.Clamp(month, 1, 12)}"].Value);
            notes.Add(localizer["Actuals.Note"].Value);
        }

        return new MonthSheetHeadings(numbers, names, values, notes);
    }
}
