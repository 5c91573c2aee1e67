using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using WorkPlan.Core.National;
using WorkPlan.Core.Reports;
using WorkPlan.Web.Features.Consolidation;
using WorkPlan.Web.Infrastructure;

namespace WorkPlan.Web.Features.NationalConsolidation;

/// <summary>
/// The national consolidation to show. On screen one table holds every region and the country's total; printed
/// (<paramref name="FiguresPerTable"/> set), the region columns are split as the regional consolidation's districts are.
/// </summary>
public sealed record NationalConsolidationViewModel(NationalConsolidationDocument Document, ConsolidationMeasure Measure, int? FiguresPerTable = null)
{
    public IReadOnlyList<ConsolidationTablePart> Parts()
    {
        var all = Enumerable.Range(0, Document.Regions.Count).ToList();
        if (FiguresPerTable is not { } perTable || all.Count + ConsolidationViewModel.TotalFigures <= perTable)
        {
            return [new ConsolidationTablePart(all, true, 1, all.Count)];
        }

        var groups = (int)Math.Ceiling(all.Count / (double)perTable);
        var size = (int)Math.Ceiling(all.Count / (double)groups);
        var parts = new List<ConsolidationTablePart> { new([], true, 0, 0) };
        for (var start = 0; start < all.Count; start += size)
        {
            var chunk = all.Skip(start).Take(size).ToList();
            parts.Add(new ConsolidationTablePart(chunk, false, start + 1, start + chunk.Count));
        }

        return parts;
    }
}

/// <summary>The country's consolidated quarterly report across the regions, on screen, in Excel and in PDF (the National Library only).</summary>
public sealed class NationalConsolidationController(NationalConsolidationService consolidation, NationalConsolidationFileRenderer files) : Controller
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet]
    public async Task<IActionResult> Index(int? year, int? quarter, ConsolidationMeasure measure, bool accepted, CancellationToken cancellationToken)
    {
        var built = await consolidation.BuildAsync(year, quarter, accepted, cancellationToken);
        return built.IsOk ? View(new NationalConsolidationViewModel(built.Value, measure)) : built.Failure(this);
    }

    /// <summary>The national consolidation in Excel, in the National Library's document language unless another is chosen.</summary>
    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public async Task<IActionResult> ExportExcel(
        int? year, int? quarter, bool accepted, string? language, [FromServices] DocumentLanguageService languages, CancellationToken cancellationToken)
    {
        var built = await consolidation.BuildAsync(year, quarter, accepted, cancellationToken);
        if (!built.IsOk)
        {
            return built.Failure(this);
        }

        var chosen = DocumentLanguages.Choose(await languages.OfOrganisationAsync(built.Value.OrganisationId, cancellationToken), language);
        var content = await files.RenderAsync(built.Value, ReportFile.Excel, chosen, ConsolidationMeasure.YearToDate, cancellationToken);
        using var culture = DocumentCulture.Use(chosen);
        return File(content, XlsxContentType, files.FileName(built.Value, "xlsx"));
    }

    /// <summary>The national consolidation as a PDF (region columns split across pages, row labels repeated).</summary>
    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public async Task<IActionResult> ExportPdf(
        int? year, int? quarter, ConsolidationMeasure measure, bool accepted, string? language, [FromServices] DocumentLanguageService languages, CancellationToken cancellationToken)
    {
        var built = await consolidation.BuildAsync(year, quarter, accepted, cancellationToken);
        if (!built.IsOk)
        {
            return built.Failure(this);
        }

        var chosen = DocumentLanguages.Choose(await languages.OfOrganisationAsync(built.Value.OrganisationId, cancellationToken), language);
        var content = await files.RenderAsync(built.Value, ReportFile.Pdf, chosen, measure, cancellationToken);
        using var culture = DocumentCulture.Use(chosen);
        return File(content, "application/pdf", files.FileName(built.Value, "pdf"));
    }
}
