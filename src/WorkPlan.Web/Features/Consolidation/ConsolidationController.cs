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

/// <summary>
/// The consolidation to show. On screen one table holds every district and the region's total; printed
/// (<paramref name="FiguresPerTable"/> set), the figure columns are split into tables of at most that many,
/// each repeating the row labels: the districts and the total together when they fit, else the total first
/// and the districts in even groups.
/// </summary>
public sealed record ConsolidationViewModel(ConsolidationDocument Document, ConsolidationMeasure Measure, int? FiguresPerTable = null)
{
    /// <summary>The printed page (A4 landscape) holds the row labels and ten figure columns.</summary>
    public const int PrintedFiguresPerTable = 10;

    /// <summary>How many figures the region's total adds: target, quarter, year to date, percent.</summary>
    public const int TotalFigures = 4;

    public IReadOnlyList<ConsolidationTablePart> Parts()
    {
        var included = Document.Districts.Select((d, i) => (District: d, Index: i)).Where(x => x.District.Included).Select(x => x.Index).ToList();
        if (FiguresPerTable is not { } perTable || included.Count + TotalFigures <= perTable)
        {
            return [new ConsolidationTablePart(included, true, 1, included.Count)];
        }

        var groups = (int)Math.Ceiling(included.Count / (double)perTable);
        var size = (int)Math.Ceiling(included.Count / (double)groups);
        var parts = new List<ConsolidationTablePart> { new([], true, 0, 0) };
        for (var start = 0; start < included.Count; start += size)
        {
            var chunk = included.Skip(start).Take(size).ToList();
            parts.Add(new ConsolidationTablePart(chunk, false, start + 1, start + chunk.Count));
        }

        return parts;
    }
}

/// <summary>One table of the consolidation: these districts' columns (by index), and the region's total or not; districts From–To in order.</summary>
public sealed record ConsolidationTablePart(IReadOnlyList<int> Districts, bool WithTotal, int From, int To);

/// <summary>The region's consolidated quarterly report across its districts, on screen, in Excel and in PDF.</summary>
public sealed class ConsolidationController(ConsolidationService consolidation, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet]
    public async Task<IActionResult> Index(int? regionId, int? year, int? quarter, ConsolidationMeasure measure, bool reported, CancellationToken cancellationToken) =>
        (await consolidation.BuildAsync(regionId, year, quarter, reported, cancellationToken)).ToActionResult(this, document => View(new ConsolidationViewModel(document, measure)));

    /// <summary>The consolidation in Excel, in the region's document language unless another is chosen.</summary>
    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public async Task<IActionResult> ExportExcel(
        int? regionId, int? year, int? quarter, bool reported, string? language, [FromServices] IConsolidationExcelWriter writer, [FromServices] DocumentLanguageService languages,
        CancellationToken cancellationToken)
    {
        var built = await consolidation.BuildAsync(regionId, year, quarter, reported, cancellationToken);
        if (!built.IsOk)
        {
            return built.Failure(this);
        }

        using var culture = DocumentCulture.Use(DocumentLanguages.Choose(await languages.OfOrganisationAsync(built.Value.RegionId, cancellationToken), language));
        return File(writer.Write(built.Value, Texts(built.Value)), XlsxContentType, FileName(built.Value, "xlsx"));
    }

    /// <summary>The consolidation as a PDF (district columns split across pages, row labels repeated), in the region's document language unless another is chosen.</summary>
    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public async Task<IActionResult> ExportPdf(
        int? regionId, int? year, int? quarter, ConsolidationMeasure measure, bool reported, string? language, [FromServices] IPdfRenderer renderer, [FromServices] ViewRenderer views,
        [FromServices] DocumentLanguageService languages, CancellationToken cancellationToken)
    {
        var built = await consolidation.BuildAsync(regionId, year, quarter, reported, cancellationToken);
        if (!built.IsOk)
        {
            return built.Failure(this);
        }

        using var culture = DocumentCulture.Use(DocumentLanguages.Choose(await languages.OfOrganisationAsync(built.Value.RegionId, cancellationToken), language));
        var html = await views.RenderAsync(this, "Print", new ConsolidationViewModel(built.Value, measure, ConsolidationViewModel.PrintedFiguresPerTable));
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
        localizer["Plan.Page"],
        localizer["Export.ConsolidationSheet", document.Year, localizer[$"Quarter.{document.Quarter}"]]);

    /// <summary>"Reports: 4 of 7 accepted, 1 submitted. Asaka — not submitted (late); …" for the top of the exported sheet.</summary>
    private string StatusLine(ConsolidationDocument document)
    {
        var districts = string.Join("; ", document.Districts.Select(d =>
            d.Status is { } s && d.Timeliness is { } t
                ? $"{d.ShortName}: {localizer[$"ReportStatus.{s}"]} ({localizer[$"Timeliness.{t}"]})"
                : $"{d.ShortName}: {localizer["Consolidation.NoPlan"]}"));
        return $"{localizer["Consolidation.Counts", document.Accepted, document.Submitted, document.Districts.Count]} {districts}";
    }

    /// <summary>"Jamlanma 2022 II chorak - Andijon viloyat AKM.xlsx".</summary>
    private string FileName(ConsolidationDocument document, string extension) =>
        ExportFileName.Of(localizer["Export.ConsolidationFile", document.Year, localizer[$"Quarter.{document.Quarter}"], document.RegionName], extension);
}
