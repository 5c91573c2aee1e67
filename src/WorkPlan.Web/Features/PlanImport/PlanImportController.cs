using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Calendar;
using WorkPlan.Core.Plans;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.PlanImport;

/// <summary>Importing an existing plan from .xlsx: upload → preview with every row and problem → confirm creates a draft.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Authorization.Policies.WritePlans)]
public sealed class PlanImportController(PlanImportService imports, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : Controller
{
    /// <summary>Room for the 10 MB file and the form around it; anything bigger is cut off before it is buffered.</summary>
    private const long RequestLimit = PlanImportService.MaxFileBytes + (256 * 1024);

    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        (await imports.TargetAsync(cancellationToken)).ToActionResult(this, target =>
            View(new ImportUploadViewModel(target.Name, new ImportInput { Year = LocalClock.Today(clock).Year + 1 })));

    [HttpPost]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Preview(ImportInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var target = await imports.TargetAsync(cancellationToken);
        if (!target.IsOk)
        {
            return target.Failure(this);
        }

        if (input.File is null || input.File.Length == 0)
        {
            ModelState.AddModelError($"{nameof(ImportUploadViewModel.Input)}.{nameof(input.File)}", localizer[PlanImportService.Messages.NoFile]);
        }

        if (!ModelState.IsValid)
        {
            return View("Index", new ImportUploadViewModel(target.Value.Name, input));
        }

        await using var stream = input.File!.OpenReadStream();
        var preview = await imports.PreviewAsync(input.Year, stream, input.File.Length, cancellationToken);
        return preview.ToActionResult(this, p => View(p));
    }

    /// <summary>Another page of a stored preview.</summary>
    [HttpGet]
    public async Task<IActionResult> Preview(Guid id, int page, CancellationToken cancellationToken) =>
        (await imports.PendingPreviewAsync(id, page, cancellationToken)).ToActionResult(this, p => View(p));

    [HttpPost]
    public async Task<IActionResult> Confirm(Guid id, CancellationToken cancellationToken) =>
        (await imports.ConfirmAsync(id, cancellationToken)).AfterCreatingPlan(this, localizer, "Import.Done", () => RedirectToAction(nameof(Index)));
}

public sealed class ImportInput
{
    [Range(2000, 2100, ErrorMessage = "Import.BadYear")]
    [Display(Name = "Plans.Year")]
    public int Year { get; set; }

    [Display(Name = "Import.File")]
    public IFormFile? File { get; set; }
}

public sealed record ImportUploadViewModel(string OrganisationName, ImportInput Input);
