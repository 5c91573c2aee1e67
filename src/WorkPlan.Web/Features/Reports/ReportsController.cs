using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Common;
using WorkPlan.Core.Reports;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Reports;

/// <summary>Quarterly reports: the report page, its exports, submission, and the regional centre's inbox and decision.</summary>
public sealed class ReportsController(
    QuarterlyReportService reports, ReportSubmissionService submissions, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet]
    public async Task<IActionResult> Index(int? planId, CancellationToken cancellationToken) =>
        (await reports.YearAsync(planId, cancellationToken)).ToActionResult(this, year => year is null ? View("~/Features/Actuals/NoPlan.cshtml") : View(year));

    [HttpGet]
    public async Task<IActionResult> Quarter(int planId, int quarter, CancellationToken cancellationToken) =>
        (await reports.GetAsync(planId, quarter, cancellationToken)).ToActionResult(this, page => View(page));

    /// <summary>
    /// The report in Excel: a submission's stored file (made by the submission, in the document language), the
    /// live figures before; another language only when chosen, and then made afresh. Reading never writes.
    /// </summary>
    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public Task<IActionResult> ExportExcel(int planId, int quarter, int? number, string? language, CancellationToken cancellationToken) =>
        ExportAsync(planId, quarter, number, ReportFile.Excel, language, cancellationToken);

    /// <summary>The report as a PDF, served like the Excel file (see <see cref="ExportExcel"/>).</summary>
    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public Task<IActionResult> ExportPdf(int planId, int quarter, int? number, string? language, CancellationToken cancellationToken) =>
        ExportAsync(planId, quarter, number, ReportFile.Pdf, language, cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Submit(int planId, int quarter, bool confirmMissing, CancellationToken cancellationToken) =>
        After(await submissions.SubmitAsync(planId, quarter, confirmMissing, cancellationToken), planId, quarter, "Reports.DoneSubmitted");

    [HttpPost]
    public async Task<IActionResult> Accept(int planId, int quarter, uint version, CancellationToken cancellationToken) =>
        After(await submissions.AcceptAsync(planId, quarter, version, cancellationToken), planId, quarter, "Reports.DoneAccepted");

    [HttpPost]
    public async Task<IActionResult> Return(int planId, int quarter, uint version, string? reason, CancellationToken cancellationToken) =>
        After(await submissions.ReturnAsync(planId, quarter, version, reason, cancellationToken), planId, quarter, "Reports.DoneReturned");

    [HttpGet]
    [Microsoft.AspNetCore.Authorization.Authorize(Policy = Authorization.Policies.Overseeing)]
    public async Task<IActionResult> Inbox(CancellationToken cancellationToken) => View(await reports.InboxAsync(cancellationToken));

    private async Task<IActionResult> ExportAsync(int planId, int quarter, int? number, ReportFile file, string? language, CancellationToken cancellationToken) =>
        (await submissions.ExportAsync(planId, quarter, number, file, language, cancellationToken)).ToActionResult(this, export =>
        {
            using var culture = DocumentCulture.Use(export.Language);
            return file == ReportFile.Excel
                ? File(export.Content, XlsxContentType, FileName(export, "xlsx"))
                : File(export.Content, "application/pdf", FileName(export, "pdf"));
        });

    /// <summary>"Hisobot 2022 III chorak - Xo'jaobod tuman AKM.pdf", with the submission's number after a return.</summary>
    private string FileName(ReportExport export, string extension) => ExportFileName.Of(
        export.Number is > 1 and var number
            ? localizer["Export.ReportFileSubmission", export.Document.Year, localizer[$"Quarter.{export.Document.Quarter}"], export.Document.OrganisationName, number]
            : localizer["Export.ReportFile", export.Document.Year, localizer[$"Quarter.{export.Document.Quarter}"], export.Document.OrganisationName],
        extension);

    private IActionResult After(Result result, int planId, int quarter, string doneKey) =>
        result.AfterStep(this, localizer, doneKey, () => RedirectToAction(nameof(Quarter), new { planId, quarter }));
}
