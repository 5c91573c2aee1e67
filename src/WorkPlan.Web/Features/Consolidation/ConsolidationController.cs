using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
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
    /// <summary>On the regional consolidation page: where the quarter's report to the National Library stands.</summary>
    public RegionalReportStanding? Report { get; init; }

    /// <summary>The regions the user may choose among (the region picker shows when there is more than one).</summary>
    public IReadOnlyList<WorkPlan.Core.Access.RegionRef> Regions { get; init; } = [];

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

/// <summary>The region's consolidated quarterly report across its districts and its own centre, on screen, in Excel and in PDF; and where its report to the National Library stands.</summary>
public sealed class ConsolidationController(ConsolidationService consolidation, RegionalReportService reports, ConsolidationFileRenderer files) : Controller
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet]
    public async Task<IActionResult> Index(int? regionId, int? year, int? quarter, ConsolidationMeasure measure, bool reported, CancellationToken cancellationToken)
    {
        var built = await consolidation.BuildAsync(regionId, year, quarter, reported, cancellationToken);
        if (!built.IsOk)
        {
            return built.Failure(this);
        }

        return View(new ConsolidationViewModel(built.Value, measure)
        {
            Report = await reports.StandingAsync(built.Value, cancellationToken),
            Regions = await consolidation.RegionsAsync(cancellationToken),
        });
    }

    /// <summary>The consolidation in Excel, in the region's document language unless another is chosen.</summary>
    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public async Task<IActionResult> ExportExcel(
        int? regionId, int? year, int? quarter, bool reported, string? language, [FromServices] DocumentLanguageService languages, CancellationToken cancellationToken)
    {
        var built = await consolidation.BuildAsync(regionId, year, quarter, reported, cancellationToken);
        if (!built.IsOk)
        {
            return built.Failure(this);
        }

        var chosen = DocumentLanguages.Choose(await languages.OfOrganisationAsync(built.Value.RegionId, cancellationToken), language);
        var content = await files.RenderAsync(built.Value, ReportFile.Excel, chosen, cancellationToken);
        using var culture = DocumentCulture.Use(chosen);
        return File(content, XlsxContentType, files.FileName(built.Value, "xlsx"));
    }

    /// <summary>The consolidation as a PDF (district columns split across pages, row labels repeated), in the region's document language unless another is chosen.</summary>
    [HttpGet]
    [EnableRateLimiting(ExportLimits.Policy)]
    public async Task<IActionResult> ExportPdf(
        int? regionId, int? year, int? quarter, ConsolidationMeasure measure, bool reported, string? language, [FromServices] DocumentLanguageService languages, CancellationToken cancellationToken)
    {
        var built = await consolidation.BuildAsync(regionId, year, quarter, reported, cancellationToken);
        if (!built.IsOk)
        {
            return built.Failure(this);
        }

        var chosen = DocumentLanguages.Choose(await languages.OfOrganisationAsync(built.Value.RegionId, cancellationToken), language);
        var content = await files.RenderAsync(built.Value, ReportFile.Pdf, chosen, measure, cancellationToken);
        using var culture = DocumentCulture.Use(chosen);
        return File(content, "application/pdf", files.FileName(built.Value, "pdf"));
    }
}
