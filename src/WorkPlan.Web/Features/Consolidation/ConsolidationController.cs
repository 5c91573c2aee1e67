using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Reports;
using WorkPlan.Core.Regional;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.Consolidation;

/// <summary>Which figure the district columns of the consolidation show.</summary>
public enum ConsolidationMeasure
{
    YearToDate,
    Quarter,
    Target,
    Percent,
}

public sealed record ConsolidationViewModel(ConsolidationDocument Document, ConsolidationMeasure Measure);

/// <summary>The region's consolidated quarterly report across its districts, on screen, in Excel and in PDF.</summary>
public sealed class ConsolidationController(ConsolidationService consolidation, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet]
    public async Task<IActionResult> Index(int? regionId, int? year, int? quarter, ConsolidationMeasure measure, bool reported, CancellationToken cancellationToken) =>
        (await consolidation.BuildAsync(regionId, year, quarter, reported, cancellationToken)).ToActionResult(this, document => View(new ConsolidationViewModel(document, measure)));

    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public async Task<IActionResult> ExportExcel(int? regionId, int? year, int? quarter, bool reported, [FromServices] IConsolidationExcelWriter writer, CancellationToken cancellationToken) =>
        (await consolidation.BuildAsync(regionId, year, quarter, reported, cancellationToken)).ToActionResult(this, document =>
            File(writer.Write(document, Texts(document)), XlsxContentType, FileName(document, "xlsx")));

    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public async Task<IActionResult> ExportPdf(
        int? regionId, int? year, int? quarter, ConsolidationMeasure measure, bool reported, [FromServices] IPdfRenderer renderer, [FromServices] ViewRenderer views, CancellationToken cancellationToken)
    {
        var built = await consolidation.BuildAsync(regionId, year, quarter, reported, cancellationToken);
        if (!built.IsOk)
        {
            return NotFound();
        }

        var html = await views.RenderAsync(this, "Print", new ConsolidationViewModel(built.Value, measure));
        return File(await renderer.RenderAsync(html, localizer["Plan.Page"], cancellationToken), "application/pdf", FileName(built.Value, "pdf"));
    }

    private ConsolidationText Texts(ConsolidationDocument document) => new(
        localizer["Consolidation.DocumentTitle", document.Year, localizer[$"Quarter.{document.Quarter}"]],
        localizer["Plan.Number"],
        localizer["Plan.Name"],
        localizer["Plan.Unit"],
        localizer["Consolidation.Total"],
        localizer["Actuals.Target"],
        localizer["Reports.QuarterColumn", localizer[$"Quarter.{document.Quarter}"]],
        localizer["Actuals.YearToDate"],
        localizer["Actuals.Percent"],
        StatusLine(document),
        localizer["Plan.Page"]);

    /// <summary>"Reports: 4 of 7 accepted, 1 submitted. Asaka — not submitted (late); …" for the top of the exported sheet.</summary>
    private string StatusLine(ConsolidationDocument document)
    {
        var districts = string.Join("; ", document.Districts.Select(d =>
            d.Status is { } s && d.Timeliness is { } t
                ? $"{d.ShortName}: {localizer[$"ReportStatus.{s}"]} ({localizer[$"Timeliness.{t}"]})"
                : $"{d.ShortName}: {localizer["Consolidation.NoPlan"]}"));
        return $"{localizer["Consolidation.Counts", document.Accepted, document.Submitted, document.Districts.Count]} {districts}";
    }

    private static string FileName(ConsolidationDocument document, string extension)
    {
        var safe = new string([.. $"{document.RegionName} {document.Year} Q{document.Quarter}".Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' ? c : '_')]);
        return $"{safe}.{extension}";
    }
}
