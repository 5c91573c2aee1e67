using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Common;
using WorkPlan.Core.Regional;
using WorkPlan.Core.Reports;
using WorkPlan.Web.Features.Consolidation;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.RegionalReports;

/// <summary>A region's consolidated quarterly report to the National Library: its page, sending it, the National Library's decision, and its stored files.</summary>
public sealed class RegionalReportsController(RegionalReportService reports, ConsolidationFileRenderer files, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet]
    public async Task<IActionResult> Index(int? regionId, int year, int quarter, ConsolidationMeasure measure, CancellationToken cancellationToken) =>
        (await reports.GetAsync(regionId, year, quarter, cancellationToken)).ToActionResult(this, page => View(new RegionalReportViewModel(page, measure)));

    [HttpPost]
    public async Task<IActionResult> Submit(int regionId, int year, int quarter, bool confirmMissing, CancellationToken cancellationToken) =>
        After(await reports.SubmitAsync(regionId, year, quarter, confirmMissing, cancellationToken), regionId, year, quarter, "RegionalReports.DoneSubmitted");

    [HttpPost]
    public async Task<IActionResult> Accept(int regionId, int year, int quarter, uint version, CancellationToken cancellationToken) =>
        After(await reports.AcceptAsync(regionId, year, quarter, version, cancellationToken), regionId, year, quarter, "RegionalReports.DoneAccepted");

    [HttpPost]
    public async Task<IActionResult> Return(int regionId, int year, int quarter, uint version, string? reason, CancellationToken cancellationToken) =>
        After(await reports.ReturnAsync(regionId, year, quarter, version, reason, cancellationToken), regionId, year, quarter, "RegionalReports.DoneReturned");

    /// <summary>A submission's workbook as stored when it was sent (the latest without a number); another language only when chosen.</summary>
    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public Task<IActionResult> ExportExcel(int regionId, int year, int quarter, int? number, string? language, CancellationToken cancellationToken) =>
        ExportAsync(regionId, year, quarter, number, ReportFile.Excel, language, cancellationToken);

    /// <summary>A submission's PDF, served like the workbook (see <see cref="ExportExcel"/>).</summary>
    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public Task<IActionResult> ExportPdf(int regionId, int year, int quarter, int? number, string? language, CancellationToken cancellationToken) =>
        ExportAsync(regionId, year, quarter, number, ReportFile.Pdf, language, cancellationToken);

    private async Task<IActionResult> ExportAsync(int regionId, int year, int quarter, int? number, ReportFile file, string? language, CancellationToken cancellationToken) =>
        (await reports.ExportAsync(regionId, year, quarter, number, file, language, cancellationToken)).ToActionResult(this, export =>
        {
            using var culture = DocumentCulture.Use(export.Language);
            var extension = file == ReportFile.Excel ? "xlsx" : "pdf";
            var name = export.Number > 1
                ? ExportFileName.Of(localizer["RegionalReports.FileSubmission", export.Document.Year, localizer[$"Quarter.{export.Document.Quarter}"], export.Document.RegionName, export.Number], extension)
                : files.FileName(export.Document, extension);
            return File(export.Content, file == ReportFile.Excel ? XlsxContentType : "application/pdf", name);
        });

    private IActionResult After(Result result, int regionId, int year, int quarter, string doneKey) =>
        result.AfterStep(this, localizer, doneKey, () => RedirectToAction(nameof(Index), new { regionId, year, quarter }));
}

/// <summary>The page of a region's report: the page model and the figure the district columns show.</summary>
public sealed record RegionalReportViewModel(RegionalReportPage Page, ConsolidationMeasure Measure);
