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

    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public async Task<IActionResult> ExportExcel(int planId, int quarter, [FromServices] IQuarterlyReportExcelWriter writer, CancellationToken cancellationToken)
    {
        var (document, stored) = await DocumentAsync(planId, quarter, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        var bytes = stored?.ExcelFile ?? writer.Write(document, Texts(document));
        if (stored is not null && stored.ExcelFile is null)
        {
            await reports.KeepFilesAsync(stored, bytes, null, cancellationToken);
        }

        return File(bytes, XlsxContentType, FileName(document, "xlsx"));
    }

    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public async Task<IActionResult> ExportPdf(int planId, int quarter, [FromServices] IPdfRenderer renderer, [FromServices] ViewRenderer views, CancellationToken cancellationToken)
    {
        var (document, stored) = await DocumentAsync(planId, quarter, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        var bytes = stored?.PdfFile ?? await renderer.RenderAsync(await views.RenderAsync(this, "Print", document), localizer["Plan.Page"], cancellationToken);
        if (stored is not null && stored.PdfFile is null)
        {
            await reports.KeepFilesAsync(stored, null, bytes, cancellationToken);
        }

        return File(bytes, "application/pdf", FileName(document, "pdf"));
    }

    [HttpPost]
    public async Task<IActionResult> Submit(int planId, int quarter, CancellationToken cancellationToken) =>
        After(await reports.SubmitAsync(planId, quarter, cancellationToken), planId, quarter, "Reports.DoneSubmitted");

    [HttpPost]
    public async Task<IActionResult> Accept(int planId, int quarter, uint version, CancellationToken cancellationToken) =>
        After(await reports.AcceptAsync(planId, quarter, version, cancellationToken), planId, quarter, "Reports.DoneAccepted");

    [HttpPost]
    public async Task<IActionResult> Return(int planId, int quarter, uint version, string? reason, CancellationToken cancellationToken) =>
        After(await reports.ReturnAsync(planId, quarter, version, reason, cancellationToken), planId, quarter, "Reports.DoneReturned");

    [HttpGet]
    [Microsoft.AspNetCore.Authorization.Authorize(Policy = Authorization.Policies.RegionalStaff)]
    public async Task<IActionResult> Inbox(CancellationToken cancellationToken) => View(await reports.InboxAsync(cancellationToken));

    /// <summary>The report to export: the stored snapshot once submitted (its files never change), the live figures before.</summary>
    private async Task<(QuarterlyReportDocument? Document, Core.Reports.ReportSubmission? Stored)> DocumentAsync(int planId, int quarter, CancellationToken cancellationToken)
    {
        var stored = await reports.StoredAsync(planId, quarter, cancellationToken);
        if (stored?.Snapshot is { } snapshot)
        {
            return (JsonSerializer.Deserialize<QuarterlyReportDocument>(snapshot), stored);
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
        localizer["Plan.Page"])
    {
        OfWhichMarks = new Dictionary<string, string>
        {
            [OfWhichCheck.ChildrenExceed] = localizer[OfWhichCheck.ChildrenExceed],
            [OfWhichCheck.AboveParent] = localizer[OfWhichCheck.AboveParent],
        },
    };

    private static string FileName(QuarterlyReportDocument document, string extension)
    {
        var safe = new string([.. $"{document.OrganisationName} {document.Year} Q{document.Quarter}".Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' ? c : '_')]);
        return $"{safe}.{extension}";
    }

    private IActionResult After(Result result, int planId, int quarter, string doneKey) =>
        result.AfterStep(this, localizer, doneKey, () => RedirectToAction(nameof(Quarter), new { planId, quarter }));
}
