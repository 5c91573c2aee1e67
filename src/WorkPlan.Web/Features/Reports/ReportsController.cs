using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Actuals;
using WorkPlan.Core.Common;
using WorkPlan.Core.Reports;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Reports;

/// <summary>Quarterly reports: the report page, its exports, submission, and the regional centre's inbox and decision.</summary>
public sealed class ReportsController(
    QuarterlyReportService reports, ActualsService actuals, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet]
    public async Task<IActionResult> Index(int? planId, CancellationToken cancellationToken)
    {
        var id = planId ?? await actuals.DefaultPlanAsync(cancellationToken);
        if (id is null)
        {
            return View("~/Features/Actuals/NoPlan.cshtml");
        }

        var quarters = new List<QuarterlyReportPage>();
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            var page = await reports.GetAsync(id.Value, quarter, cancellationToken);
            if (!page.IsOk)
            {
                return NotFound();
            }

            quarters.Add(page.Value);
        }

        return View(quarters);
    }

    [HttpGet]
    public async Task<IActionResult> Quarter(int planId, int quarter, CancellationToken cancellationToken) =>
        (await reports.GetAsync(planId, quarter, cancellationToken)).ToActionResult(this, page => View(page));

    /// <summary>
    /// The report in Excel: a submission's stored file (made once, in the document language, whoever asks
    /// first), the live figures before; another language only when chosen, and then never stored.
    /// </summary>
    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public async Task<IActionResult> ExportExcel(
        int planId, int quarter, int? number, string? language, [FromServices] IQuarterlyReportExcelWriter writer, [FromServices] DocumentLanguageService languages,
        CancellationToken cancellationToken)
    {
        var (document, stored) = await DocumentAsync(planId, quarter, number, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        var official = await languages.OfPlanAsync(planId, cancellationToken);
        var chosen = DocumentLanguages.Choose(official, language);
        var keep = stored is not null && chosen == official;
        using var culture = DocumentCulture.Use(chosen);
        var bytes = (keep ? stored!.ExcelFile : null) ?? writer.Write(document, Texts(document));
        if (keep && stored!.ExcelFile is null)
        {
            bytes = await reports.KeepFileAsync(stored, ReportFile.Excel, bytes, cancellationToken);
        }

        return File(bytes, XlsxContentType, FileName(document, stored, "xlsx"));
    }

    /// <summary>The report as a PDF, kept like the Excel file (see <see cref="ExportExcel"/>).</summary>
    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public async Task<IActionResult> ExportPdf(
        int planId, int quarter, int? number, string? language, [FromServices] IPdfRenderer renderer, [FromServices] ViewRenderer views,
        [FromServices] DocumentLanguageService languages, CancellationToken cancellationToken)
    {
        var (document, stored) = await DocumentAsync(planId, quarter, number, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        var official = await languages.OfPlanAsync(planId, cancellationToken);
        var chosen = DocumentLanguages.Choose(official, language);
        var keep = stored is not null && chosen == official;
        using var culture = DocumentCulture.Use(chosen);
        var bytes = (keep ? stored!.PdfFile : null) ?? await renderer.RenderAsync(await views.RenderAsync(this, "Print", document), localizer["Plan.Page"], cancellationToken);
        if (keep && stored!.PdfFile is null)
        {
            bytes = await reports.KeepFileAsync(stored, ReportFile.Pdf, bytes, cancellationToken);
        }

        return File(bytes, "application/pdf", FileName(document, stored, "pdf"));
    }

    [HttpPost]
    public async Task<IActionResult> Submit(int planId, int quarter, bool confirmMissing, CancellationToken cancellationToken) =>
        After(await reports.SubmitAsync(planId, quarter, confirmMissing, cancellationToken), planId, quarter, "Reports.DoneSubmitted");

    [HttpPost]
    public async Task<IActionResult> Accept(int planId, int quarter, uint version, CancellationToken cancellationToken) =>
        After(await reports.AcceptAsync(planId, quarter, version, cancellationToken), planId, quarter, "Reports.DoneAccepted");

    [HttpPost]
    public async Task<IActionResult> Return(int planId, int quarter, uint version, string? reason, CancellationToken cancellationToken) =>
        After(await reports.ReturnAsync(planId, quarter, version, reason, cancellationToken), planId, quarter, "Reports.DoneReturned");

    [HttpGet]
    [Microsoft.AspNetCore.Authorization.Authorize(Policy = Authorization.Policies.RegionalStaff)]
    public async Task<IActionResult> Inbox(CancellationToken cancellationToken) => View(await reports.InboxAsync(cancellationToken));

    /// <summary>
    /// The report to export: a numbered submission's snapshot, or the current one once submitted (its files
    /// never change), the live figures before.
    /// </summary>
    private async Task<(QuarterlyReportDocument? Document, ReportSnapshot? Stored)> DocumentAsync(int planId, int quarter, int? number, CancellationToken cancellationToken)
    {
        var stored = await reports.StoredAsync(planId, quarter, number, cancellationToken);
        if (stored is not null)
        {
            return (JsonSerializer.Deserialize<QuarterlyReportDocument>(stored.Document), stored);
        }

        if (number is not null)
        {
            return (null, null);
        }

        var live = await reports.BuildAsync(planId, quarter, cancellationToken);
        return (live.IsOk ? live.Value : null, null);
    }

    private QuarterlyReportText Texts(QuarterlyReportDocument document) => new(
        localizer["Reports.DocumentTitle", document.Year, localizer[$"Quarter.{document.Quarter}"]],
        localizer["Plan.Number"],
        localizer["Plan.Name"],
        localizer["Plan.Unit"],
        localizer["Actuals.Target"],
        localizer["Reports.QuarterColumn", localizer[$"Quarter.{document.Quarter}"]],
        localizer["Actuals.YearToDate"],
        localizer["Actuals.Percent"],
        localizer["Actuals.Note"],
        localizer["Reports.DirectorLine", document.DirectorName ?? string.Empty],
        localizer["Reports.InspectorLine", document.InspectorName ?? string.Empty],
        localizer["Plan.Page"],
        localizer["Export.ReportSheet", document.Year, localizer[$"Quarter.{document.Quarter}"]])
    {
        OfWhichMarks = new Dictionary<string, string>
        {
            [OfWhichCheck.ChildrenExceed] = localizer[OfWhichCheck.ChildrenExceed],
            [OfWhichCheck.AboveParent] = localizer[OfWhichCheck.AboveParent],
        },
    };

    /// <summary>"Hisobot 2022 III chorak - Xo'jaobod tuman AKM.pdf", with the submission's number after a return.</summary>
    private string FileName(QuarterlyReportDocument document, ReportSnapshot? stored, string extension) => ExportFileName.Of(
        stored is { Number: > 1 } s
            ? localizer["Export.ReportFileSubmission", document.Year, localizer[$"Quarter.{document.Quarter}"], document.OrganisationName, s.Number]
            : localizer["Export.ReportFile", document.Year, localizer[$"Quarter.{document.Quarter}"], document.OrganisationName],
        extension);

    private IActionResult After(Result result, int planId, int quarter, string doneKey) =>
        result.AfterStep(this, localizer, doneKey, () => RedirectToAction(nameof(Quarter), new { planId, quarter }));
}
